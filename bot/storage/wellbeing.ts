import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { writeAudit } from './audit.js';
import type { Clock } from './clock.js';
import type { Database, Queryable } from './database.js';
import { CaseNotFoundError, StorageInputError } from './input-errors.js';
import { englishOf, said } from '../said.js';
import { refuseCpr } from './personal-data.js';
import { checkScope, isUuid, teamFilter, teamParam, type TenantScope } from './scope.js';

/**
 * The child's wellbeing on a 1–5 scale per area, with a short reason each, at intake and at every
 * review (the areas are the municipality's parameter data, rules/parameters). One assessment is
 * written whole or not at all, with its audit row; the course is read oldest first.
 */

export const WELLBEING_AUDIT = { record: 'wellbeing.record', read: 'wellbeing.read' } as const;

export interface WellbeingScore {
  area: string;
  score: 1 | 2 | 3 | 4 | 5;
  reason: string;
}

export interface NewAssessment {
  occasion: 'intake' | 'review';
  /** The plan review the scores belong to (occasion 'review'). */
  reviewId?: string | null;
  /** YYYY-MM-DD */
  date: string;
  scores: WellbeingScore[];
}

/** An assessment as typed, before checking: the score any number (checkAssessment holds it to 1–5). */
export type AssessmentInput = Omit<NewAssessment, 'scores'> & { scores: readonly { area: string; score: number; reason: string }[] };

export interface Assessment {
  assessmentId: string;
  occasion: 'intake' | 'review';
  date: string;
  scores: WellbeingScore[];
}

const REASON_MISSING = said('Skriv en kort begrundelse for hver score (højst 200 tegn).', 'Write a short reason for each score (at most 200 characters).');
const CHOOSE_SCORE = said('Vælg en score fra 1 til 5 for hvert område.', 'Choose a score from 1 to 5 for each area.');

const ScoreSchema = z.object({
  area: z.string(),
  score: z.number({ error: CHOOSE_SCORE }).int(CHOOSE_SCORE).min(1, CHOOSE_SCORE).max(5, CHOOSE_SCORE),
  reason: z.string().trim().min(1, REASON_MISSING).max(200, REASON_MISSING),
});

/** Parses an assessment against the municipality's areas: every area once, each with a score and a reason. */
export function checkAssessment(input: AssessmentInput, areaIds: readonly string[]): NewAssessment {
  const scores = input.scores.map((s) => {
    const parsed = ScoreSchema.safeParse(s);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? REASON_MISSING;
      throw new StorageInputError('wellbeing.score', message, englishOf(message));
    }
    return parsed.data as WellbeingScore;
  });
  const given = scores.map((s) => s.area).sort();
  if (given.join('|') !== [...areaIds].sort().join('|')) {
    throw new StorageInputError('wellbeing.areas', 'Giv en score for hvert af kommunens trivselsområder, én gang hver.', "Give a score for each of the municipality's wellbeing areas, once each.");
  }
  if (input.occasion === 'review' && !(input.reviewId && isUuid(input.reviewId))) {
    throw new StorageInputError('wellbeing.review', 'Scoren ved en gennemgang skal høre til gennemgangen.', 'A score given at a review must belong to that review.');
  }
  for (const s of scores) refuseCpr(s.reason, { da: 'Begrundelsen', en: 'The reason' });
  return { ...input, reviewId: input.occasion === 'review' ? input.reviewId : null, scores };
}

/** Inside the caller's transaction (a review writes its scores with the review). */
export async function recordAssessmentIn(tx: Queryable, scope: TenantScope, caseId: string, input: NewAssessment, areaIds: readonly string[], at: Date): Promise<string> {
  checkScope(scope);
  if (!isUuid(caseId)) throw new CaseNotFoundError();
  const checked = checkAssessment(input, areaIds);
  const [found] = await tx.query(`SELECT 1 FROM cases WHERE tenant_id = $1 AND case_id = $2::uuid AND ${teamFilter(3)}`, [scope.tenantId, caseId, teamParam(scope)]);
  if (!found) throw new CaseNotFoundError();
  const assessmentId = randomUUID();
  await tx.query(
    `INSERT INTO wellbeing_scores (tenant_id, case_id, assessment_id, occasion, review_id, assessed_on, area, score, reason, assessed_by, assessed_at)
     SELECT $1, $2::uuid, $3::uuid, $4, $5::uuid, $6::date, s.area, s.score, s.reason, $7, $8
     FROM jsonb_to_recordset($9::jsonb) AS s(area text, score smallint, reason text)`,
    [scope.tenantId, caseId, assessmentId, checked.occasion, checked.reviewId ?? null, checked.date, scope.actorId, at.toISOString(), JSON.stringify(checked.scores)],
  );
  await writeAudit(tx, scope, WELLBEING_AUDIT.record, [caseId], { occasion: checked.occasion, areas: checked.scores.length });
  return assessmentId;
}

const RowSchema = z.object({
  assessment_id: z.string(),
  occasion: z.enum(['intake', 'review']),
  assessed_on: z.string(),
  area: z.string(),
  score: z.coerce.number().int().min(1).max(5),
  reason: z.string(),
});

/** The case's assessments, oldest first, each with its scores in the order the areas were given. */
export async function courseIn(tx: Queryable, tenantId: string, caseId: string): Promise<Assessment[]> {
  const rows = await tx.query(
    `SELECT assessment_id::text, occasion, assessed_on, area, score, reason FROM wellbeing_scores
     WHERE tenant_id = $1 AND case_id = $2::uuid ORDER BY assessed_on, seq`,
    [tenantId, caseId],
  );
  const byId = new Map<string, Assessment>();
  for (const row of rows) {
    const r = RowSchema.parse(row);
    const a = byId.get(r.assessment_id) ?? { assessmentId: r.assessment_id, occasion: r.occasion, date: r.assessed_on, scores: [] };
    a.scores.push({ area: r.area, score: r.score as WellbeingScore['score'], reason: r.reason });
    byId.set(r.assessment_id, a);
  }
  return [...byId.values()];
}

export function wellbeingStore(db: Database, clock: Clock) {
  return {
    async record(scope: TenantScope, caseId: string, input: NewAssessment, areaIds: readonly string[]): Promise<string> {
      return db.transaction((tx) => recordAssessmentIn(tx, scope, caseId, input, areaIds, clock()));
    },
    async course(scope: TenantScope, caseId: string): Promise<Assessment[]> {
      checkScope(scope);
      if (!isUuid(caseId)) return [];
      return db.transaction(async (tx) => {
        const [found] = await tx.query(`SELECT 1 FROM cases WHERE tenant_id = $1 AND case_id = $2::uuid AND ${teamFilter(3)}`, [scope.tenantId, caseId, teamParam(scope)]);
        if (!found) return [];
        const course = await courseIn(tx, scope.tenantId, caseId);
        await writeAudit(tx, scope, WELLBEING_AUDIT.read, [caseId], { assessments: course.length });
        return course;
      });
    },
  };
}

export type WellbeingStore = ReturnType<typeof wellbeingStore>;
