import type { StandardRef } from '../standards/standard-ref.js';
import type { Facts } from '../../rules/facts.js';
import type { ChoosableOutcome, Decision, Variant } from '../../rules/decision-types.js';
import type { ChosenPlan } from '../storage/decisions.js';
import type { NotesDigest } from '../summary/case-summary.js';
import type { ContactNote } from '../summary/scope-usage.js';

/**
 * What the tab and the summary cards read, as small interfaces: the storage module's case
 * store satisfies `CaseSource` as it is, and the notes work provides `NotesSource`.
 */

export interface ReadScope {
  tenantId: string;
  actorId: string;
  /** 'tab', 'chat' or 'message-extension': the audit log says through which door. */
  origin: string;
  /** The teams the door admitted; the store reads no case outside them. */
  teamIds?: readonly string[];
}

export interface CaseDecisionRecord {
  recommended: Decision;
  chosenOutcome: ChoosableOutcome;
  chosenVariant: Variant;
  overrideReason: string | null;
  overridden: boolean;
  decidedBy: string;
  decidedAt: Date;
  /** Which standard decided (absent in sources that do not know it: the seed's names then). */
  standard?: StandardRef | null;
  /** The chosen measure's scope and due dates, stored with the decision. */
  chosen?: ChosenPlan | null;
}

export interface CaseWithDecision {
  tenantId: string;
  caseId: string;
  reference: string;
  childPseudonym: string;
  teamId: string;
  caseworkerId: string;
  caseworkerName: string;
  status: 'open' | 'closed';
  decision: CaseDecisionRecord;
  /** The intake facts; with them an overridden case shows the chosen measure's own due dates. */
  facts?: Facts;
}

/** Every read leaves its own audit row (the store's 'case.read' / 'case.list'). */
export interface CaseSource {
  findByReference(scope: ReadScope, reference: string): Promise<CaseWithDecision | null>;
  listForCaseworker(scope: ReadScope, caseworkerId: string): Promise<CaseWithDecision[]>;
  listForTeam(scope: ReadScope, teamId: string): Promise<CaseWithDecision[]>;
}

export interface CaseNotes {
  notes: ContactNote[];
  summary: NotesDigest | null;
}

export interface NotesSource {
  forCase(scope: ReadScope, caseId: string): Promise<CaseNotes>;
}

/** Until a case has notes, or where the notes work is not wired in: nothing to show. */
export const NO_NOTES: NotesSource = { forCase: async () => ({ notes: [], summary: null }) };

export interface AuditSink {
  /** One row per case id; `action` in the log's "area.verb" form. */
  append(scope: ReadScope, input: { action: string; caseId?: string | null; details?: Record<string, string | number | boolean | null> }): Promise<void>;
}
