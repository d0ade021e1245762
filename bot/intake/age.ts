import type { Facts } from '../../rules/facts.js';
import { STANDARD_PARAMETERS } from '../rules-binding.js';
import { DEFAULT_STANDARD } from '../../rules/standard/load.js';
import type { Standard } from '../../rules/standard/schema.js';

/**
 * What the child's age decides about the interview itself. The model's checklists (expectant
 * parents, parents of a small child, the small child) are read only by the measures for small
 * children: in the seed the preventive course for 0–24 months, in another municipality's standard
 * perhaps early support for 0–3 years. A born child older than every measure that reads them is
 * not asked them; the limit comes from the standard itself, so no standard loses a question it needs.
 */
export type ChecklistRule = (answers: Partial<Facts>) => boolean;

/** The questions whose answers are the checklists (the ticks and the judgement on them). */
const CHECKLIST_QUESTIONS = new Set(['riskFactors', 'riskToDevelopment']);

/**
 * The oldest age in months at which a measure of this standard that reads the checklists could
 * still pass; `null` when one of them has no upper age bound (then the checklists are always asked).
 * A bound that is a figure counts at the highest value the default figures ever give it, so no date's
 * figure could make the decision ask for a checklist the interview hid.
 */
export function checklistAgeLimit(standard: Standard): number | null {
  let limit = -1;
  for (const measure of standard.measures) {
    if (!reads(measure, CHECKLIST_QUESTIONS)) continue;
    const bound = upperAgeBound(measure);
    if (bound === null) return null;
    limit = Math.max(limit, bound);
  }
  return limit < 0 ? null : limit;
}

export function checklistsApplyUnder(limit: number | null): ChecklistRule {
  return (answers) => {
    const age = answers.child?.ageMonths;
    return limit === null || typeof age !== 'number' || age <= limit;
  };
}

/**
 * The seed's rule, on the product's own questions; a standard's interview swaps in its own
 * (interview.ts), found by this very function being the question's condition.
 */
export const infantChecklistsApply: ChecklistRule = checklistsApplyUnder(checklistAgeLimit(DEFAULT_STANDARD));

function reads(node: unknown, questions: ReadonlySet<string>): boolean {
  if (Array.isArray(node)) return node.some((n) => reads(n, questions));
  if (!node || typeof node !== 'object') return false;
  const o = node as Record<string, unknown>;
  if ((typeof o.q === 'string' && questions.has(o.q)) || (typeof o.question === 'string' && questions.has(o.question))) return true;
  return Object.values(o).some((v) => reads(v, questions));
}

/** The measure's own upper bound on the child's age (`lt`/`lte` on child.ageMonths), if it has one. */
function upperAgeBound(node: unknown): number | null {
  let bound: number | null = null;
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (o.q === 'child.ageMonths' && ('lt' in o || 'lte' in o)) {
      const operand = (o.lt ?? o.lte) as number | { figure: string };
      const value = typeof operand === 'number' ? operand : highestFigure(operand.figure);
      const inclusive = 'lte' in o ? value : value - 1;
      bound = Math.max(bound ?? -1, inclusive);
    }
    Object.values(o).forEach(walk);
  };
  walk(node);
  return bound;
}

function highestFigure(id: string): number {
  const figure = (STANDARD_PARAMETERS.all.parameters as Record<string, { values: Record<string, unknown> } | undefined>)[id];
  const values = Object.values(figure?.values ?? {}).filter((v): v is number => typeof v === 'number');
  return values.length > 0 ? Math.max(...values) : Number.MAX_SAFE_INTEGER;
}

/** Whole years and the months beside them, as the card's two age fields show a stored age in months. */
export function yearsAndMonths(ageMonths: number): { years: number; months: number } {
  return { years: Math.floor(ageMonths / 12), months: ageMonths % 12 };
}
