import { reminderPostCard } from '../../cards/reminder-card.js';
import type { Activity } from '../teams/proactive.js';
import type { ClaimedReminder } from './claims.js';

const NOTICE_SUMMARY = { lead: 'Kommende frist', due: 'Frist i dag', snooze: 'Udsat påmindelse' } as const;

/**
 * The message a case's reminder post goes out as: one card with every item of the post (the
 * case's reminders of the day, dispatcher.ts), and a one-line summary for notifications. In the
 * channel the card @mentions `to`, the caseworker (mention.ts), once for the whole post, so the
 * reminder reaches them personally; in personal chat it is theirs already.
 */
export function reminderActivity(post: readonly ClaimedReminder[], options: { personal?: boolean; to?: { id: string; name: string } | null } = {}): Activity {
  const [r] = post;
  if (!r) throw new Error('a reminder post has at least one reminder');
  const card = reminderPostCard({
    tenantId: r.tenantId,
    caseId: r.caseId,
    caseRef: r.caseRef,
    items: post.map((x) => ({ reminderId: x.reminderId, due: x.due, notice: x.notice, task: x.task, passage: x.passage, handled: null })),
    message: options.personal
      ? `Du får ${post.length > 1 ? 'disse påmindelser' : 'denne påmindelse'} personligt, fordi Familiestøtte ikke længere er med i sagens kanal. Tilføj appen til teamet igen for at få påmindelser i kanalen.`
      : null,
    to: options.personal ? null : (options.to ?? null),
  });
  return {
    type: 'message',
    summary: post.length > 1 ? `${post.length} påmindelser: ${r.caseRef}` : `${NOTICE_SUMMARY[r.notice]}: ${r.caseRef}`,
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  };
}
