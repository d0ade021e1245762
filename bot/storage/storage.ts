import { auditLog, type AuditLog } from './audit.js';
import { caseStore, type CaseStore } from './cases.js';
import { systemClock, type Clock } from './clock.js';
import { conversationRefStore, type ConversationRefStore } from './conversation-refs.js';
import { openDatabase, type Database, type DatabaseOptions } from './database.js';
import { decisionStore, type DecisionStore } from './decisions.js';
import { draftStore, type DraftStore } from './drafts.js';
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
