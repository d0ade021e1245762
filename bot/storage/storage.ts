import { auditLog, type AuditLog } from './audit.js';
import { childPlanStore, type ChildPlanStore } from './child-plans.js';
import { caseStore, type CaseStore } from './cases.js';
import { systemClock, type Clock } from './clock.js';
import { conversationRefStore, type ConversationRefStore } from './conversation-refs.js';
import { openDatabase, type Database, type DatabaseOptions, type Queryable } from './database.js';
import { decisionStore, type DecisionStore } from './decisions.js';
import { draftStore, type DraftStore } from './drafts.js';
import { planReviewStore, type PlanReviewStore } from './plan-reviews.js';
import { planSummaryReader, type PlanSummaryReader } from './plan-summary.js';
import { planStore, type PlanStore } from './plans.js';
import { migrate } from './migrate.js';
import { noteStore, type NoteStore } from './notes.js';

/** The repositories over one database; build once at start-up and hand to the handlers. */
export interface Storage {
  db: Database;
  cases: CaseStore;
  decisions: DecisionStore;
  drafts: DraftStore;
  notes: NoteStore;
  conversationRefs: ConversationRefStore;
  audit: AuditLog;
  plans: PlanStore;
  planReviews: PlanReviewStore;
  /** Barnets plan (Barnets lov § 91): whether one is to be made, and when it was. */
  childPlans: ChildPlanStore;
  /** The plan as the case summary shows it. */
  planSummary: PlanSummaryReader;
  /**
   * Runs `fn` with repositories bound to one transaction: all it writes is committed together, or
   * none of it. For a turn that writes in several places (a case, its draft, its reminders), so a
   * turn that fails part-way, the database gone, leaves nothing half-done to tell the user about.
   */
  atomically<T>(fn: (storage: Storage) => Promise<T>): Promise<T>;
}

/**
 * The transaction as a Database, for repositories that open their own transactions: inside it
 * those simply join this one (no savepoints: a failed statement fails the whole, which is the
 * point). Closing is the owner's business, not theirs.
 */
function joined(tx: Queryable, kind: Database['kind']): Database {
  return {
    kind,
    query: (sql, params) => tx.query(sql, params),
    exec: (sql) => tx.exec(sql),
    transaction: (fn) => fn(tx),
    close: async () => {
      throw new Error('A transaction handle cannot close the database');
    },
  };
}

export function createStorage(db: Database, options: { clock?: Clock } = {}): Storage {
  const clock = options.clock ?? systemClock;
  return {
    db,
    cases: caseStore(db, clock),
    decisions: decisionStore(db, clock),
    drafts: draftStore(db, clock),
    notes: noteStore(db, clock),
    conversationRefs: conversationRefStore(db, clock),
    audit: auditLog(db),
    plans: planStore(db, clock),
    planReviews: planReviewStore(db, clock),
    childPlans: childPlanStore(db, clock),
    planSummary: planSummaryReader(db),
    atomically: (fn) => db.transaction((tx) => fn(createStorage(joined(tx, db.kind), { clock }))),
  };
}

/**
 * Start-up in one call: open the database, bring the schema up to date (safe with several
 * instances starting at once), and build the repositories. Close with `storage.db.close()`.
 */
export async function openStorage(options: DatabaseOptions & { clock?: Clock }): Promise<Storage> {
  const db = await openDatabase(options);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return createStorage(db, { clock: options.clock });
}
