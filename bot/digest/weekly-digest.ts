import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { weeklyDigestCard, type DigestLine } from '../../cards/weekly-digest-card.js';
import { addDays } from '../../rules/dates.js';
import { danishDayAndHour } from '../lifecycle/retention-schedule.js';
import { DUE_CATEGORIES, dueUntil, horizonOf, teamOverview } from '../overview/figures.js';
import type { Database } from '../storage/database.js';
import { teamOverviewReader } from '../storage/team-overview.js';
import type { ConnectorClient } from '../teams/proactive.js';

/**
 * The weekly digest: on the configured weekday, each team with open cases gets one card in its
 * channel with what is overdue and what falls due in the coming seven days, by case reference only.
 * The figures are the team overview's (the same SQL, bot/storage/team-overview.ts, and the same
 * figures, bot/overview/figures.ts), and reading them leaves the overview's audit rows, with
 * `digest` as their origin.
 *
 * Exactly once per team and week with several instances: every instance looks now and then, and
 * the one whose INSERT makes the team's row for the week (migration 057) posts; the others find it
 * taken. A post the connector refused gives the row back to be tried again later. A post whose
 * instance died between the claim and the record stays claimed: the week's digest is then not
 * posted again, since a second copy in every channel is the larger nuisance for a weekly summary.
 */

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Hour of the Danish day from which the digest may go out: at the start of the working day. */
export const DIGEST_FROM_HOUR = 7;
/** A refused post is tried again this much later. */
const RETRY_AFTER_MS = 15 * 60_000;

export interface WeeklyDigestOptions {
  db: Database;
  connector: ConnectorClient;
  /** The bot's id in Teams ("28:<app id>"). */
  botId: string;
  day: Weekday;
  clock?: () => Date;
  instanceId?: string;
  log?: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

export type DigestCheck =
  | { outcome: 'not-today' }
  | { outcome: 'checked'; week: string; posted: { tenantId: string; teamId: string }[]; failed: number };

export interface WeeklyDigest {
  readonly instanceId: string;
  /** Looks once: posts this week's digest for every team that has none yet, when it is the day. */
  check(): Promise<DigestCheck>;
  start(intervalMs: number): void;
  stop(): Promise<void>;
}

/** 0 = Monday … 6 = Sunday, of a calendar day. */
function weekdayIndex(day: string): number {
  return (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7;
}

/** The ISO 8601 week number of a calendar day (the week of its Thursday). */
export function isoWeek(day: string): number {
  const thursday = new Date(`${addDays(day, 3 - weekdayIndex(day))}T12:00:00Z`);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1, 12);
  return Math.floor((thursday.getTime() - jan1) / (7 * 86_400_000)) + 1;
}

const TeamChannel = z.object({ tenant_id: z.string(), team_id: z.string(), channel_id: z.string(), service_url: z.string() });

/**
 * Teams with open cases, each with the channel its digest goes to: the active reminder channel
 * holding most of its open cases (a team's cases normally share one). Teams whose app is gone from
 * the channel get none; they get their reminders in personal chat meanwhile.
 */
const TEAMS_SQL = `
  SELECT DISTINCT ON (rc.tenant_id, rc.team_id) rc.tenant_id, rc.team_id, rc.channel_id, ch.service_url
  FROM reminder_cases rc
  JOIN reminder_channels ch ON ch.tenant_id = rc.tenant_id AND ch.channel_id = rc.channel_id AND ch.active
  JOIN cases c ON c.tenant_id = rc.tenant_id AND c.case_id = rc.case_id AND c.status = 'open'
  WHERE NOT rc.closed
  GROUP BY rc.tenant_id, rc.team_id, rc.channel_id, ch.service_url
  ORDER BY rc.tenant_id, rc.team_id, count(*) DESC, rc.channel_id`;

export function createWeeklyDigest(options: WeeklyDigestOptions): WeeklyDigest {
  const instanceId = options.instanceId ?? `digest-${randomUUID()}`;
  const clock = options.clock ?? (() => new Date());
  const readOverview = teamOverviewReader(options.db);
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<DigestCheck> | null = null;

  async function check(): Promise<DigestCheck> {
    const now = clock();
    const { day: today, hour } = danishDayAndHour(now);
    if (WEEKDAYS[weekdayIndex(today)] !== options.day || hour < DIGEST_FROM_HOUR) return { outcome: 'not-today' };
    const week = addDays(today, -weekdayIndex(today));
    const teams = (await options.db.query(TEAMS_SQL)).map((row) => TeamChannel.parse(row));
    const posted: { tenantId: string; teamId: string }[] = [];
    let failed = 0;
    for (const t of teams) {
      const claimed = await options.db.query(
        `INSERT INTO weekly_digests (tenant_id, team_id, week, state, owner, claimed_at, channel_id)
         VALUES ($1, $2, $3::date, 'posting', $4, $5::timestamptz, $6)
         ON CONFLICT (tenant_id, team_id, week) DO UPDATE
           SET state = 'posting', owner = EXCLUDED.owner, attempts = weekly_digests.attempts + 1, claimed_at = EXCLUDED.claimed_at,
               channel_id = EXCLUDED.channel_id, retry_at = NULL
           WHERE weekly_digests.state = 'failed' AND weekly_digests.retry_at <= EXCLUDED.claimed_at
         RETURNING attempts`,
        [t.tenant_id, t.team_id, week, instanceId, now.toISOString(), t.channel_id],
      );
      if (claimed.length === 0) continue;
      try {
        const activityId = await post(t, today);
        await options.db.query(
          `UPDATE weekly_digests SET state = 'posted', activity_id = $5, posted_at = $6::timestamptz
           WHERE tenant_id = $1 AND team_id = $2 AND week = $3::date AND owner = $4 AND state = 'posting'`,
          [t.tenant_id, t.team_id, week, instanceId, activityId, clock().toISOString()],
        );
        posted.push({ tenantId: t.tenant_id, teamId: t.team_id });
      } catch (error) {
        failed++;
        const kind = errorKind(error);
        options.log?.warn({ tenantId: t.tenant_id, err: { name: kind } }, 'the weekly digest was not posted; it is tried again later');
        await options.db
          .query(
            `UPDATE weekly_digests SET state = 'failed', retry_at = $5::timestamptz, last_error = $6
             WHERE tenant_id = $1 AND team_id = $2 AND week = $3::date AND owner = $4 AND state = 'posting'`,
            [t.tenant_id, t.team_id, week, instanceId, new Date(clock().getTime() + RETRY_AFTER_MS).toISOString(), kind],
          )
          .catch(() => undefined);
      }
    }
    if (posted.length > 0) options.log?.info({ week, teams: posted.length }, 'weekly digests posted');
    return { outcome: 'checked', week, posted, failed };
  }

  /** Reads the team's figures (audited as an overview view by the digest) and posts the card. */
  async function post(t: z.infer<typeof TeamChannel>, today: string): Promise<string> {
    const scope = { tenantId: t.tenant_id, actorId: 'weekly-digest', origin: 'digest', teamIds: [t.team_id] };
    const rows = await readOverview(scope, { teamId: t.team_id, today, horizon: horizonOf(today) });
    const overview = teamOverview(rows, { teamId: t.team_id, today });
    const until = addDays(today, 6);
    const overdue: DigestLine[] = overview.due.map((line) => ({ category: line.category, cases: line.overdue.cases }));
    const comingWeek: DigestLine[] = DUE_CATEGORIES.map((category) => ({ category, cases: dueUntil(rows.due, category, today, until).cases }));
    const card = weeklyDigestCard({ weekNumber: isoWeek(today), from: today, until, openCases: overview.open.total.count, overdue, comingWeek });
    const created = await options.connector.createThread({
      serviceUrl: t.service_url,
      tenantId: t.tenant_id,
      botId: options.botId,
      channelId: t.channel_id,
      activity: { type: 'message', summary: `Ugens overblik, uge ${isoWeek(today)}`, attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] },
    });
    return created.activityId;
  }

  function tick(): void {
    if (running) return;
    running = check();
    running
      .catch((error: unknown) => options.log?.warn({ err: { name: errorKind(error) } }, 'the weekly digest check failed'))
      .finally(() => {
        running = null;
      });
  }

  return {
    instanceId,
    check: () => check(),
    start(intervalMs) {
      timer = setInterval(tick, intervalMs);
      timer.unref();
      tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}

/** What may be stored and logged of an error: its kind and status, never a message that could quote a row. */
function errorKind(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown';
  const status = (error as { status?: unknown }).status;
  const code = (error as { code?: unknown }).code;
  return [error.name, typeof status === 'number' ? String(status) : null, typeof code === 'string' ? code : null].filter(Boolean).join(' ');
}
