import type { Decision } from '../../rules/decision-types.js';
import type { Locale } from '../../cards/locale.js';
import type { Cadence } from '../../rules/next-due.js';
import type { Database } from '../storage/database.js';
import type { Sql, SqlWithTransactions } from './db.js';
import { recordHeldReview, type HeldReview } from './review-held.js';
import { handleReminderAction, isReminderVerb, REMINDER_AUDIT, type ReminderTurn } from './actions.js';
import { writeAudit } from '../storage/audit.js';
import { storageAudit } from './audit.js';
import type { ConnectorClient } from '../teams/proactive.js';
import type { ScheduleOptions } from './schedule.js';
import { reactivateTeam, registerChannel, saveCaseSchedule, type TeamBack } from './store.js';
import { listUpcoming, upcomingMessage } from './upcoming.js';

/**
 * What the conversation calls into the reminders for: keeping a case's schedule when it is
 * created and when a review is held, acting on a reminder card, and the "påmindelser" command.
 * Built once at start-up.
 */
export interface ReminderHooks {
  scheduleCase(c: {
    tenantId: string;
    caseId: string;
    caseRef: string;
    teamId: string;
    channel: { id: string; serviceUrl: string };
    caseworkerId: string;
    /** The outcome the caseworker chose, and the rules' decision. */
    chosenOutcome: Decision['outcome'];
    decision: Decision;
    /** The chosen measure's due dates, as stored with the decision (BoundRules.consequencesOfChoice). */
    chosenReviews: Decision['reviews'];
    /** How often the chosen measure's reviews come back once done (BoundRules.cadence). */
    cadence: Cadence;
    /** The transaction that creates the case, so a case never exists without its reminders. */
  }, within?: SqlWithTransactions): Promise<void>;
  /** A review held on the plan's review card, inside the transaction that records it. */
  reviewHeld(review: HeldReview, within: Sql): Promise<void>;
  isReminderVerb(verb: string): boolean;
  act(turn: ReminderTurn): Promise<Record<string, unknown>>;
  /** The case a reminder belongs to, for the access check before the action runs. */
  caseOf(tenantId: string, reminderId: number): Promise<string | null>;
  /**
   * The app is in the team again: its channels take reminders again, and each caseworker who got
   * the team's reminders in personal chat meanwhile is told there (in the background; the turn
   * does not wait for those posts).
   */
  teamBack(team: TeamBack): Promise<void>;
  /** The team's coming reminders as a message; the read is audited for every case listed. */
  upcoming(reader: { tenantId: string; actorId: string }, teamId: string, locale?: Locale): Promise<string>;
}

/** What a caseworker reads in personal chat when the team has the app again. */
export const TEAM_BACK_MESSAGE =
  'Familiestøtte er tilføjet teamet igen, så påmindelserne om dine sager kommer nu i teamets kanal igen og ikke længere her.';

export function createReminderHooks(
  db: Database,
  options: { connector?: ConnectorClient; schedule: ScheduleOptions; log?: { warn(obj: object, msg: string): void } },
): ReminderHooks {
  return {
    async teamBack(team) {
      const chats = await reactivateTeam(db, team);
      const connector = options.connector;
      if (!connector || chats.length === 0) return;
      void (async () => {
        for (const chat of chats) {
          await connector
            .send({ serviceUrl: team.serviceUrl, tenantId: team.tenantId, conversationId: chat.conversationId, activity: { type: 'message', text: TEAM_BACK_MESSAGE } })
            .catch((error: unknown) => options.log?.warn({ err: { name: (error as Error)?.name } }, 'telling a caseworker the team is back failed'));
        }
      })();
    },
    async scheduleCase(c, within = db) {
      await registerChannel(within, { tenantId: c.tenantId, channelId: c.channel.id, serviceUrl: c.channel.serviceUrl });
      const reviews = c.chosenReviews;
      await saveCaseSchedule(
        within,
        { tenantId: c.tenantId, caseId: c.caseId, caseRef: c.caseRef, teamId: c.teamId, channelId: c.channel.id, caseworkerId: c.caseworkerId, outcome: c.chosenOutcome, reviews, cadence: c.cadence, closed: false },
        options.schedule,
      );
    },
    async reviewHeld(review, within) {
      await recordHeldReview(within, review, options.schedule);
    },
    isReminderVerb,
    async act(turn) {
      const result = await handleReminderAction({ db, audit: storageAudit('chat'), connector: options.connector, schedule: options.schedule }, turn);
      return result.card;
    },
    async caseOf(tenantId, reminderId) {
      if (!Number.isSafeInteger(reminderId) || reminderId <= 0) return null;
      const [row] = await db.query<{ case_id: string }>('SELECT case_id::text FROM reminders WHERE tenant_id = $1 AND reminder_id = $2', [tenantId, reminderId]);
      return row?.case_id ?? null;
    },
    async upcoming(reader, teamId, locale = 'da') {
      return db.transaction(async (tx) => {
        const list = await listUpcoming(tx, { tenantId: reader.tenantId, teamId });
        // Only the cases the list names are read; the rest are counted, not shown.
        const caseIds = [...new Set(list.reminders.map((r) => r.caseId))];
        await writeAudit(tx, { tenantId: reader.tenantId, actorId: reader.actorId, origin: 'chat' }, REMINDER_AUDIT.list, caseIds, { teamReminders: list.reminders.length, teamRemindersInAll: list.total });
        return upcomingMessage(list, locale);
      });
    },
  };
}
