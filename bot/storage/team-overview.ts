import type { Scope } from '../../rules/decision-types.js';
import { ScopeSchema } from './decision-schema.js';
import { z } from 'zod';
import { writeAudit } from './audit.js';
import type { Database, Queryable } from './database.js';
import { checkScope, type TenantScope } from './scope.js';

/**
 * Every statement behind the team's overview, in one place: the open cases with their standing
 * decision and note totals, the open due dates, and the decisions with their overrides. The tenant
 * leads every filter and join, as it leads every key, and only the asked team's cases are read.
 * The caller (bot/overview/views.ts) has checked the reader is a member of the team.
 */

export const OVERVIEW_AUDIT = { view: 'overview.view' } as const;

export interface OpenCaseRow {
  caseId: string;
  /** The standing decision: decisions are append-only, so what is derived from one may be kept. */
  decisionId: string;
  reference: string;
  childPseudonym: string;
  caseworkerName: string;
  recommendedOutcome: string;
  chosenOutcome: string;
  chosenVariant: '1A' | '1B' | null;
  overridden: boolean;
  /** The stored recommendation's scope and start (the granted scope when it was followed). */
  recommendedScope: unknown;
  recommendedVariant: '1A' | '1B' | null;
  startDate: string;
  /** The chosen measure's scope as stored with the decision; null only for an override from before it was (migration 059). */
  chosenScope: Scope | null;
  /** The hash of the standard the standing decision was made under (null: before standards were recorded). */
  standardHash: string | null;
  /** Notes from the start to today: how many, the visits (and meetings counted as visits), and support minutes. */
  notesInPeriod: number;
  contacts: number;
  supportMinutes: number;
}

export interface DueRow {
  caseId: string;
  reference: string;
  kind: string;
  passage: string;
  due: string;
}

export interface DecisionRow {
  caseId: string;
  decisionId: string;
  reference: string;
  childPseudonym: string;
  caseworkerName: string;
  recommendedOutcome: string;
  overrideReason: string | null;
  /** The hash of the standard the recommendation was made under (null: before standards were recorded). */
  standardHash: string | null;
}

export interface TeamOverviewRows {
  openCases: OpenCaseRow[];
  due: DueRow[];
  decisions: DecisionRow[];
}

const Variant = z.enum(['1A', '1B']).nullable();

const OpenCaseSchema = z.object({
  case_id: z.string(),
  decision_id: z.string(),
  reference: z.string(),
  child_pseudonym: z.string(),
  caseworker_name: z.string(),
  recommended_outcome: z.string(),
  chosen_outcome: z.string(),
  chosen_variant: Variant,
  overridden: z.boolean(),
  recommended_scope: z.unknown(),
  recommended_variant: Variant.optional().transform((v) => v ?? null),
  start_date: z.string(),
  chosen_scope: ScopeSchema.nullable(),
  standard_hash: z.string().nullable(),
  notes_in_period: z.coerce.number(),
  contacts: z.coerce.number(),
  support_minutes: z.coerce.number(),
});

const DueSchema = z.object({ case_id: z.string(), reference: z.string(), kind: z.string(), passage: z.string(), due: z.string() });

const DecisionSchema = z.object({
  case_id: z.string(),
  decision_id: z.string(),
  reference: z.string(),
  child_pseudonym: z.string(),
  caseworker_name: z.string(),
  recommended_outcome: z.string(),
  override_reason: z.string().nullable(),
  standard_hash: z.string().nullable(),
});

/**
 * The team's open cases, each with its current decision (the newest of its append-only decisions)
 * and the totals of its notes since the decision's start. The facts come along only for an override.
 */
export const OPEN_CASES_SQL = `
  WITH team_cases AS MATERIALIZED (
    SELECT c.tenant_id, c.case_id, c.reference, c.child_pseudonym, c.caseworker_name
    FROM cases c
    WHERE c.tenant_id = $1 AND c.team_id = $2 AND c.status = 'open'
  ), standing AS MATERIALIZED (
    -- The newest of the case's append-only decisions. The recommendation is unpacked once
    -- (jsonb_to_record), not once per field: it is the row's largest value.
    SELECT t.*, d.decision_id, d.recommended_outcome, d.chosen_outcome, d.chosen_variant, d.overridden,
           d.chosen_scope, d.standard_hash, r.scope AS recommended_scope, r.variant AS recommended_variant, r."startDate" AS start_date
    FROM team_cases t
    CROSS JOIN LATERAL (
      SELECT d.decision_id, d.recommended, d.recommended_outcome, d.chosen_outcome, d.chosen_variant, d.chosen_scope, d.standard_hash, d.override_reason IS NOT NULL AS overridden
      FROM decisions d WHERE d.tenant_id = t.tenant_id AND d.case_id = t.case_id ORDER BY d.seq DESC LIMIT 1
    ) d
    CROSS JOIN LATERAL jsonb_to_record(d.recommended) AS r(scope jsonb, variant text, "startDate" text)
  ), note_totals AS MATERIALIZED (
    SELECT s.case_id, count(*) AS notes_in_period,
           count(*) FILTER (WHERE cn.kind IN ('visit', 'interdisciplinary-meeting')) AS contacts,
           COALESCE(sum(cn.minutes) FILTER (WHERE cn.kind IN ('visit', 'phone', 'meeting', 'interdisciplinary-meeting')), 0) AS support_minutes
    FROM standing s
    JOIN case_notes cn ON cn.tenant_id = s.tenant_id AND cn.case_id = s.case_id AND cn.note_date >= s.start_date::date AND cn.note_date <= $3::date
    GROUP BY s.case_id
  )
  SELECT s.case_id::text, s.decision_id::text, s.reference, s.child_pseudonym, s.caseworker_name, s.recommended_outcome, s.chosen_outcome,
         s.chosen_variant, s.overridden, s.chosen_scope, s.standard_hash, s.recommended_scope, s.recommended_variant, s.start_date,
         COALESCE(n.notes_in_period, 0) AS notes_in_period, COALESCE(n.contacts, 0) AS contacts, COALESCE(n.support_minutes, 0) AS support_minutes
  FROM standing s
  LEFT JOIN note_totals n ON n.case_id = s.case_id`;

/**
 * Open due dates up to the horizon: the reminders' "on the day" rows the schedule computed (the
 * decision's reviews, grant ends and statutory deadlines, and the next review a plan review set),
 * without those a review already completed, for open cases whose schedule is not closed.
 */
export const DUE_SQL = `
  SELECT r.case_id::text, c.reference, r.kind, r.passage, r.due
  FROM cases c
  JOIN reminder_cases rc ON rc.tenant_id = c.tenant_id AND rc.case_id = c.case_id AND NOT rc.closed
  JOIN reminders r ON r.tenant_id = c.tenant_id AND r.case_id = c.case_id
  WHERE c.tenant_id = $1 AND c.team_id = $2 AND c.status = 'open'
    AND r.notice = 'due' AND r.state <> 'cancelled' AND r.due <= $3::date
    AND NOT EXISTS (
      SELECT 1 FROM review_completions rv
      WHERE rv.tenant_id = r.tenant_id AND rv.case_id = r.case_id AND rv.kind = r.kind AND rv.due = r.due)`;

// No ORDER BY: the figures sort what they show (bot/overview/figures.ts); a sort here would be work for nothing.

/** Every decision on the team's cases, open or closed: each is a decision point where the recommendation was followed or not. */
export const DECISIONS_SQL = `
  SELECT c.case_id::text, d.decision_id::text, c.reference, c.child_pseudonym, c.caseworker_name, d.recommended_outcome, d.override_reason, d.standard_hash
  FROM cases c
  JOIN decisions d ON d.tenant_id = c.tenant_id AND d.case_id = c.case_id
  WHERE c.tenant_id = $1 AND c.team_id = $2`;

export function teamOverviewReader(db: Database) {
  return async function teamOverviewRows(scope: TenantScope, q: { teamId: string; today: string; horizon: string }): Promise<TeamOverviewRows> {
    checkScope(scope);
    return db.transaction(async (tx) => {
      const rows = await readRows(tx, scope.tenantId, q);
      // One audit row per case the overview names, in the read's own transaction, as a list does.
      const named = new Set([...rows.openCases.map((c) => c.caseId), ...rows.due.map((d) => d.caseId), ...rows.decisions.map((d) => d.caseId)]);
      await writeAudit(tx, scope, OVERVIEW_AUDIT.view, [...named], { cases: named.size });
      return rows;
    });
  };
}

async function readRows(tx: Queryable, tenantId: string, q: { teamId: string; today: string; horizon: string }): Promise<TeamOverviewRows> {
  const openRows = await tx.query(OPEN_CASES_SQL, [tenantId, q.teamId, q.today]);
  const dueRows = await tx.query(DUE_SQL, [tenantId, q.teamId, q.horizon]);
  const decisionRows = await tx.query(DECISIONS_SQL, [tenantId, q.teamId]);
  return {
    openCases: openRows.map((row) => {
      const r = OpenCaseSchema.parse(row);
      return {
        caseId: r.case_id,
        decisionId: r.decision_id,
        reference: r.reference,
        childPseudonym: r.child_pseudonym,
        caseworkerName: r.caseworker_name,
        recommendedOutcome: r.recommended_outcome,
        chosenOutcome: r.chosen_outcome,
        chosenVariant: r.chosen_variant,
        overridden: r.overridden,
        recommendedScope: r.recommended_scope,
        recommendedVariant: r.recommended_variant,
        startDate: r.start_date,
        chosenScope: r.chosen_scope,
        standardHash: r.standard_hash,
        notesInPeriod: r.notes_in_period,
        contacts: r.contacts,
        supportMinutes: r.support_minutes,
      };
    }),
    due: dueRows.map((row) => {
      const r = DueSchema.parse(row);
      return { caseId: r.case_id, reference: r.reference, kind: r.kind, passage: r.passage, due: r.due };
    }),
    decisions: decisionRows.map((row) => {
      const r = DecisionSchema.parse(row);
      return { caseId: r.case_id, decisionId: r.decision_id, reference: r.reference, childPseudonym: r.child_pseudonym, caseworkerName: r.caseworker_name, recommendedOutcome: r.recommended_outcome, overrideReason: r.override_reason, standardHash: r.standard_hash };
    }),
  };
}
