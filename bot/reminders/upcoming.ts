import { z } from 'zod';
import { danishDate } from '../../cards/reminder-card.js';
import type { Sql } from './db.js';

/**
 * The "påmindelser" command: the team's coming reminders, soonest first. Only the asking team's
 * cases in the asking tenant; the caller has already checked the user belongs to the team.
 */

export interface UpcomingReminder {
  /** For the audit row of the read; never shown. */
  caseId: string;
  caseRef: string;
  due: string;
  task: string;
  passage: string;
  notice: 'lead' | 'due' | 'snooze';
  fireAt: Date;
}

const RowSchema = z.object({ case_id: z.string(), case_ref: z.string(), due: z.string(), task: z.string(), passage: z.string(), notice: z.enum(['lead', 'due', 'snooze']), fire_at: z.date() });

export async function listUpcoming(db: Sql, q: { tenantId: string; teamId: string; limit?: number }): Promise<UpcomingReminder[]> {
  const rows = await db.query(
    `SELECT c.case_id::text, c.case_ref, to_char(r.due, 'YYYY-MM-DD') AS due, r.task, r.passage, r.notice, r.fire_at
     FROM reminders r JOIN reminder_cases c ON c.tenant_id = r.tenant_id AND c.case_id = r.case_id
     WHERE r.tenant_id = $1 AND c.team_id = $2 AND NOT c.closed AND r.state IN ('pending', 'claimed')
     ORDER BY r.fire_at, c.case_ref
     LIMIT $3`,
    [q.tenantId, q.teamId, q.limit ?? 20],
  );
  return rows.map((row) => {
    const r = RowSchema.parse(row);
    return { caseId: r.case_id, caseRef: r.case_ref, due: r.due, task: r.task, passage: r.passage, notice: r.notice, fireAt: r.fire_at };
  });
}

const NOTICE = { lead: 'varsel', due: 'på dagen', snooze: 'udsat' } as const;

/** A plain message (Teams markdown) listing the reminders; short enough to read in a channel. */
export function upcomingMessage(reminders: UpcomingReminder[]): string {
  if (reminders.length === 0) return 'Teamet har ingen kommende påmindelser.';
  const lines = reminders.map((r) => `- **${r.caseRef}** — frist ${danishDate(r.due)} (${NOTICE[r.notice]} ${danishDate(r.fireAt.toISOString().slice(0, 10))}): ${r.task} _[${r.passage}]_`);
  return [`Teamets kommende påmindelser (${reminders.length}):`, ...lines].join('\n');
}
