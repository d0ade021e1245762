import { z } from 'zod';
import type { Locale, Localized } from '../../cards/locale.js';
import { formatDate } from '../../cards/outcome-text.js';
import { danishDate } from '../../cards/reminder-card.js';
import type { Sql } from './db.js';
import { danishToday } from '../summary/today.js';

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

/** The first of the team's coming reminders, and how many there are in all. */
export interface UpcomingList {
  reminders: UpcomingReminder[];
  total: number;
}

/** How many the list shows; the rest are counted and pointed to, not listed. */
export const UPCOMING_LIMIT = 20;

const RowSchema = z.object({ case_id: z.string(), case_ref: z.string(), due: z.string(), task: z.string(), passage: z.string(), notice: z.enum(['lead', 'due', 'snooze']), fire_at: z.date(), total: z.coerce.number() });

export async function listUpcoming(db: Sql, q: { tenantId: string; teamId: string; limit?: number }): Promise<UpcomingList> {
  // The total comes with the rows (a window count over the whole match, before LIMIT), so the
  // list can say how many it leaves out without a second read.
  const rows = await db.query(
    `SELECT c.case_id::text, c.case_ref, to_char(r.due, 'YYYY-MM-DD') AS due, r.task, r.passage, r.notice, r.fire_at, count(*) OVER () AS total
     FROM reminders r JOIN reminder_cases c ON c.tenant_id = r.tenant_id AND c.case_id = r.case_id
     WHERE r.tenant_id = $1 AND c.team_id = $2 AND NOT c.closed AND r.state IN ('pending', 'claimed')
     ORDER BY r.fire_at, c.case_ref, r.due, r.reminder_id
     LIMIT $3`,
    [q.tenantId, q.teamId, q.limit ?? UPCOMING_LIMIT],
  );
  let total = 0;
  const reminders = rows.map((row) => {
    const r = RowSchema.parse(row);
    total = r.total;
    return { caseId: r.case_id, caseRef: r.case_ref, due: r.due, task: r.task, passage: r.passage, notice: r.notice, fireAt: r.fire_at };
  });
  return { reminders, total };
}

const NOTICE: Record<UpcomingReminder['notice'], Localized> = {
  lead: { da: 'varsel', en: 'notice' },
  due: { da: 'på dagen', en: 'on the day' },
  snooze: { da: 'udsat', en: 'postponed' },
};

const TEXT = {
  none: { da: 'Teamet har ingen kommende påmindelser.', en: 'The team has no upcoming reminders.' },
  heading: { da: 'Teamets kommende påmindelser', en: "The team's upcoming reminders" },
  due: { da: 'frist', en: 'due' },
  together: { da: (n: number) => `${n} påmindelser i ét opslag`, en: (n: number) => `${n} reminders in one post` },
  // The channel's Familiestøtte tab opens with the team's overview, which has every due date.
  more: {
    da: (n: number) => `… og ${n} mere. Se dem alle i fanen Familiestøtte i kanalen (teamets overblik).`,
    en: (n: number) => `… and ${n} more. See them all in the channel's Familiestøtte tab (the team's overview).`,
  },
} as const;

/**
 * A plain message (Teams markdown) listing the reminders; short enough to read in a channel. In the
 * asker's language: it answers the person who asked, like the card around it. A case's reminders
 * that fall due together are listed together, as the one post they will go out as (dispatcher.ts:
 * the case's reminders of one Danish calendar day that are due when it sweeps): the case and the
 * day once, each item below with its own due date and words. One due later the same day (a snooze
 * set in the afternoon) will be a post of its own, a reply in the case's thread, and is listed so.
 */
export function upcomingMessage(list: UpcomingList, locale: Locale = 'da'): string {
  const { reminders, total } = list;
  if (reminders.length === 0) return TEXT.none[locale];
  const day = (d: string) => (locale === 'da' ? danishDate(d) : formatDate(d, locale));
  const item = (r: UpcomingReminder) => `${TEXT.due[locale]} ${day(r.due)}`;
  const posts = new Map<string, UpcomingReminder[]>();
  for (const r of reminders) {
    const key = `${r.caseId}/${r.fireAt.toISOString()}`;
    posts.set(key, [...(posts.get(key) ?? []), r]);
  }
  const lines = [...posts.values()].flatMap((post) => {
    const [r] = post as [UpcomingReminder];
    const postDay = day(danishToday(r.fireAt));
    if (post.length === 1) return [`- **${r.caseRef}** — ${item(r)} (${NOTICE[r.notice][locale]} ${postDay}): ${r.task} _[${r.passage}]_`];
    return [`- **${r.caseRef}** — ${postDay}, ${TEXT.together[locale](post.length)}:`, ...post.map((x) => `  - ${item(x)} (${NOTICE[x.notice][locale]}): ${x.task} _[${x.passage}]_`)];
  });
  const heading = total > reminders.length ? `${TEXT.heading[locale]} (${reminders.length} / ${total}):` : `${TEXT.heading[locale]} (${reminders.length}):`;
  const rest = total - reminders.length;
  return [heading, ...lines, ...(rest > 0 ? [TEXT.more[locale](rest)] : [])].join('\n');
}
