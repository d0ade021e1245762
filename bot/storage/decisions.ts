import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ChoosableOutcome, Decision, Outcome, Review, Scope, Variant } from '../../rules/decision-types.js';
import { AUDIT_ACTIONS, writeAudit } from './audit.js';
import type { Clock } from './clock.js';
import type { Database, Queryable } from './database.js';
import { ChoosableOutcomeSchema, DecisionSchema, OutcomeSchema, ReviewsSchema, ScopeSchema, VariantSchema } from './decision-schema.js';
import { CaseClosedError, CaseNotFoundError, StorageInputError } from './input-errors.js';
import { refuseCpr } from './personal-data.js';
import { StandardSchema } from '../../rules/standard/schema.js';
import { loaded, type LoadedStandard, type StandardRef } from '../standards/standard-ref.js';
import { checkScope, isUuid, teamFilter, teamParam, type TenantScope } from './scope.js';

/**
 * Decisions are append-only: the newest is current, the older ones are the history. Each keeps
 * the rules' whole recommendation beside what the caseworker chose, and why when they differ
 * (GDPR art. 22: a person decides, and the record says who).
 */

export interface NewDecision {
  recommended: Decision;
  chosenOutcome: ChoosableOutcome;
  chosenVariant?: Variant;
  /** Required when the choice differs from the recommendation; dropped when it does not. */
  overrideReason?: string | null;
  /** The standard the recommendation was made under; kept by its hash beside the decision. */
  underStandard?: LoadedStandard;
  /**
   * The chosen measure's scope and due dates as the bound rules gave them (BoundRules.consequencesOfChoice);
   * an accepted recommendation's is its own. An override without one is stored without (as before
   * migration 059), and its reader works it out from the facts.
   */
  chosen?: ChosenPlan | null;
}

/** What was granted: the chosen measure's extent and its due dates, fixed when the decision was made. */
export interface ChosenPlan {
  scope: Scope;
  reviews: Review[];
}

export interface DecisionRecord {
  tenantId: string;
  caseId: string;
  decisionId: string;
  recommended: Decision;
  recommendedOutcome: Outcome;
  chosenOutcome: ChoosableOutcome;
  chosenVariant: Variant;
  /** null when the recommendation was accepted. */
  overrideReason: string | null;
  overridden: boolean;
  decidedBy: string;
  decidedAt: Date;
  parameterSet: string;
  /** null for a decision made before standards were recorded (all under the seed standard). */
  standard: StandardRef | null;
  /** Stored with the decision; null only for an override made before it was stored (migration 059). */
  chosen: ChosenPlan | null;
}

const DecisionRowSchema = z.object({
  tenant_id: z.string(),
  case_id: z.string(),
  decision_id: z.string(),
  recommended: DecisionSchema,
  recommended_outcome: OutcomeSchema,
  chosen_outcome: ChoosableOutcomeSchema,
  chosen_variant: VariantSchema,
  override_reason: z.string().nullable(),
  decided_by: z.string(),
  decided_at: z.date(),
  parameter_set: z.string(),
  standard_id: z.string().nullable(),
  standard_version: z.string().nullable(),
  standard_hash: z.string().nullable(),
  chosen_scope: ScopeSchema.nullable(),
  chosen_reviews: ReviewsSchema.nullable(),
});

export const DECISION_COLUMNS =
  'tenant_id, case_id::text, decision_id::text, recommended, recommended_outcome, chosen_outcome, chosen_variant, override_reason, decided_by, decided_at, parameter_set, standard_id, standard_version, standard_hash, chosen_scope, chosen_reviews';

export function toDecisionRecord(row: unknown): DecisionRecord {
  const r = DecisionRowSchema.parse(row);
  return {
    tenantId: r.tenant_id,
    caseId: r.case_id,
    decisionId: r.decision_id,
    recommended: r.recommended,
    recommendedOutcome: r.recommended_outcome,
    chosenOutcome: r.chosen_outcome,
    chosenVariant: r.chosen_variant,
    overrideReason: r.override_reason,
    overridden: r.override_reason !== null,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    parameterSet: r.parameter_set,
    standard: r.standard_id !== null && r.standard_version !== null && r.standard_hash !== null ? { id: r.standard_id, version: r.standard_version, hash: r.standard_hash } : null,
    chosen: r.chosen_scope && r.chosen_reviews ? { scope: r.chosen_scope, reviews: r.chosen_reviews } : null,
  };
}

/** Accepting means the same outcome and the same variant; anything else is an override. */
export function isOverride(recommended: Decision, chosen: ChoosableOutcome, chosenVariant: Variant): boolean {
  return recommended.outcome !== chosen || (recommended.variant ?? null) !== (chosenVariant ?? null);
}

function checkNewDecision(input: NewDecision): { recommended: Decision; chosen: ChoosableOutcome; variant: Variant; reason: string | null; plan: ChosenPlan | null } {
  const recommended = DecisionSchema.parse(input.recommended);
  const chosen = ChoosableOutcomeSchema.parse(input.chosenOutcome);
  const variant = VariantSchema.parse(input.chosenVariant ?? null);
  if (variant !== null && chosen !== 'level1') {
    throw new StorageInputError(
      'decision.variant',
      'Variant 1A eller 1B kan kun vælges sammen med niveau 1. Vælg niveau 1, eller fjern varianten.',
      'Variant 1A or 1B can only be chosen together with level 1. Choose level 1, or remove the variant.',
    );
  }
  refuseCpr(recommended, { da: 'Anbefalingen', en: 'The recommendation' });
  if (!isOverride(recommended, chosen, variant)) return { recommended, chosen, variant, reason: null, plan: { scope: recommended.scope, reviews: recommended.reviews } };
  const plan = input.chosen ? { scope: ScopeSchema.parse(input.chosen.scope), reviews: ReviewsSchema.parse(input.chosen.reviews) } : null;
  const reason = input.overrideReason?.trim() ?? '';
  if (reason.length === 0) {
    throw new StorageInputError(
      'decision.override-reason',
      'Du har valgt noget andet end anbefalingen. Skriv en begrundelse for dit valg – den gemmes sammen med anbefalingen.',
      'You have chosen something other than the recommendation. Write a reason for your choice – it is kept with the recommendation.',
    );
  }
  if (reason.length > 4000) {
    throw new StorageInputError(
      'decision.override-reason-length',
      `Begrundelsen må højst være 4000 tegn (den har ${reason.length}). Forkort den og prøv igen.`,
      `The reason can be at most 4000 characters (it has ${reason.length}). Shorten it and try again.`,
    );
  }
  refuseCpr(reason, { da: 'Begrundelsen', en: 'The reason' });
  return { recommended, chosen, variant, reason, plan };
}

/** Inserts a decision inside the caller's transaction; the case must exist in the tenant and be open. */
export async function insertDecision(tx: Queryable, scope: TenantScope, caseId: string, input: NewDecision, now: Date): Promise<DecisionRecord> {
  const d = checkNewDecision(input);
  const ref = input.underStandard?.ref ?? null;
  if (input.underStandard) await keepStandard(tx, scope.tenantId, input.underStandard, now);
  const [row] = await tx.query(
    `INSERT INTO decisions (tenant_id, case_id, decision_id, recommended, recommended_outcome, chosen_outcome,
       chosen_variant, override_reason, decided_by, decided_at, parameter_set, standard_id, standard_version, standard_hash, chosen_scope, chosen_reviews)
     VALUES ($1, $2::uuid, $3::uuid, $4::jsonb, $5, $6, $7, $8, $9, $10::timestamptz, $11, $12, $13, $14, $15::jsonb, $16::jsonb)
     RETURNING ${DECISION_COLUMNS}`,
    [
      scope.tenantId, caseId, randomUUID(), JSON.stringify(d.recommended), d.recommended.outcome, d.chosen, d.variant, d.reason, scope.actorId,
      now.toISOString(), d.recommended.parameterSet, ref?.id ?? null, ref?.version ?? null, ref?.hash ?? null,
      d.plan && JSON.stringify(d.plan.scope), d.plan && JSON.stringify(d.plan.reviews),
    ],
  );
  return toDecisionRecord(row);
}

/** The standard a decision is made under, kept once per tenant and hash: an old case can be shown under it after the file is replaced. */
async function keepStandard(tx: Queryable, tenantId: string, { standard, ref }: LoadedStandard, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO standards (tenant_id, content_hash, standard_id, version, content, first_used_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::timestamptz) ON CONFLICT (tenant_id, content_hash) DO NOTHING`,
    [tenantId, ref.hash, ref.id, ref.version, JSON.stringify(standard), now.toISOString()],
  );
}

/** A standard decisions were made under, by its hash; null when the tenant has none with it. */
export async function keptStandard(tx: Queryable, tenantId: string, hash: string): Promise<LoadedStandard | null> {
  const [row] = await tx.query<{ content: unknown }>('SELECT content FROM standards WHERE tenant_id = $1 AND content_hash = $2', [tenantId, hash]);
  if (!row) return null;
  // Parsed as any file is: a row that drifted from the schema fails here, not in a card.
  return loaded(StandardSchema.parse(row.content));
}

/** The newest decision of each case, for cases read in the same transaction. */
export async function currentDecisions(tx: Queryable, tenantId: string, caseIds: readonly string[]): Promise<Map<string, DecisionRecord>> {
  if (caseIds.length === 0) return new Map();
  const rows = await tx.query(
    `SELECT DISTINCT ON (case_id) ${DECISION_COLUMNS} FROM decisions
     WHERE tenant_id = $1 AND case_id = ANY($2::uuid[]) ORDER BY case_id, seq DESC`,
    [tenantId, caseIds],
  );
  const records = rows.map(toDecisionRecord);
  return new Map(records.map((d) => [d.caseId, d]));
}

/** Is the case in the scope's tenant (and teams, when the scope names them)? */
async function caseVisible(tx: Queryable, scope: TenantScope, caseId: string): Promise<boolean> {
  const rows = await tx.query(`SELECT 1 FROM cases WHERE tenant_id = $1 AND case_id = $2::uuid AND ${teamFilter(3)}`, [scope.tenantId, caseId, teamParam(scope)]);
  return rows.length > 0;
}

export function decisionStore(db: Database, clock: Clock) {
  // A kept standard never changes (its key is its content's hash), so each is read once.
  const kept = new Map<string, LoadedStandard>();
  return {
    /** The standard the tenant's decisions with this hash were made under; null if none was. Not case data: not audited. */
    async standard(scope: TenantScope, hash: string): Promise<LoadedStandard | null> {
      checkScope(scope);
      const key = `${scope.tenantId}\u0000${hash}`;
      const known = kept.get(key);
      if (known) return known;
      const found = await db.transaction((tx) => keptStandard(tx, scope.tenantId, hash));
      if (found) kept.set(key, found);
      return found;
    },

    /** A new decision for an open case; it becomes the current one. */
    async append(scope: TenantScope, caseId: string, input: NewDecision): Promise<DecisionRecord> {
      checkScope(scope);
      if (!isUuid(caseId)) throw new CaseNotFoundError();
      return db.transaction(async (tx) => {
        const now = clock();
        // Locks the case row so two decisions on one case serialise.
        const [c] = await tx.query<{ status: string }>(
          `SELECT status FROM cases WHERE tenant_id = $1 AND case_id = $2::uuid AND ${teamFilter(3)} FOR UPDATE`,
          [scope.tenantId, caseId, teamParam(scope)],
        );
        if (!c) throw new CaseNotFoundError();
        if (c.status !== 'open') throw new CaseClosedError();
        const record = await insertDecision(tx, scope, caseId, input, now);
        await tx.query('UPDATE cases SET updated_at = $3::timestamptz WHERE tenant_id = $1 AND case_id = $2::uuid', [scope.tenantId, caseId, now.toISOString()]);
        await writeAudit(tx, scope, AUDIT_ACTIONS.decisionCreate, [caseId], {
          recommendedOutcome: record.recommendedOutcome,
          chosenOutcome: record.chosenOutcome,
          overridden: record.overridden,
        });
        return record;
      });
    },

    /** The newest decision, or null when the case is not in this tenant. */
    async current(scope: TenantScope, caseId: string): Promise<DecisionRecord | null> {
      checkScope(scope);
      if (!isUuid(caseId)) return null;
      return db.transaction(async (tx) => {
        if (!(await caseVisible(tx, scope, caseId))) return null;
        const record = (await currentDecisions(tx, scope.tenantId, [caseId])).get(caseId) ?? null;
        if (record) await writeAudit(tx, scope, AUDIT_ACTIONS.decisionRead, [caseId]);
        return record;
      });
    },

    /** Every decision of the case, newest first. */
    async history(scope: TenantScope, caseId: string): Promise<DecisionRecord[]> {
      checkScope(scope);
      if (!isUuid(caseId)) return [];
      return db.transaction(async (tx) => {
        if (!(await caseVisible(tx, scope, caseId))) return [];
        const rows = await tx.query(
          `SELECT ${DECISION_COLUMNS} FROM decisions WHERE tenant_id = $1 AND case_id = $2::uuid ORDER BY seq DESC`,
          [scope.tenantId, caseId],
        );
        const records = rows.map(toDecisionRecord);
        if (records.length > 0) await writeAudit(tx, scope, AUDIT_ACTIONS.decisionHistory, [caseId], { count: records.length });
        return records;
      });
    },
  };
}

export type DecisionStore = ReturnType<typeof decisionStore>;
