import { reminderCard } from '../../cards/reminder-card.js';
import type { Activity } from '../teams/proactive.js';
import type { ClaimedReminder } from './claims.js';

const NOTICE_SUMMARY = { lead: 'Kommende frist', due: 'Frist i dag', snooze: 'Udsat påmindelse' } as const;

/**
 * The message a reminder is posted as: the card, and a one-line summary for notifications. In the
 * channel the card @mentions `to`, the caseworker (mention.ts), so the reminder reaches them
 * personally; in personal chat it is theirs already.
 */
export function reminderActivity(r: ClaimedReminder, options: { personal?: boolean; to?: { id: string; name: string } | null } = {}): Activity {
  const card = reminderCard({
    tenantId: r.tenantId,
    reminderId: r.reminderId,
    caseId: r.caseId,
    caseRef: r.caseRef,
    due: r.due,
    notice: r.notice,
    task: r.task,
    passage: r.passage,
    handled: null,
    message: options.personal
      ? 'Du får denne påmindelse personligt, fordi Familiestøtte ikke længere er med i sagens kanal. Tilføj appen til teamet igen for at få påmindelser i kanalen.'
      : null,
    to: options.personal ? null : (options.to ?? null),
  });
  return {
    type: 'message',
    summary: `${NOTICE_SUMMARY[r.notice]}: ${r.caseRef}`,
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  };
}
