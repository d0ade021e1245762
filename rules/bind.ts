import { ageAt, dayAtAge } from './age.js';
import { childPlanDeadline, type ChildPlanDeadline } from './child-plan.js';
import { consequencesOfChoice } from './chosen-measure.js';
import type { ChoosableOutcome, Decision, Outcome, PassageId, Review, Scope, Variant } from './decision-types.js';
import { decide } from './decide.js';
import type { Facts } from './facts.js';
import type { ParameterValues } from './parameters/ids.js';
import { resolveParameters } from './parameters/resolve.js';
import type { ParameterSet, WellbeingArea } from './parameters/schema.js';
import { cadenceOf, nextDue, successorOf, type Cadence } from './next-due.js';
import { scopeFor } from './scope.js';
import { decideWithStandard } from './standard/decide.js';
import type { Standard } from './standard/schema.js';

/**
 * The rules bound to one municipality's parameter set, once, at start-up: every caller outside
 * rules/ asks this object, so no figure of the standards can be read anywhere else, and a
 * municipality's own figures reach every decision, date, scope and text. Pure, like the rules.
 */
export interface BoundRules {
  /** The parameter set's name, as the decisions record it. */
  readonly setName: string;
  /** The recommendation under the tenant's standard (its measures and criteria) with these figures; the seed standard unless told. */
  decide(facts: Facts, standard?: Standard): Decision;
  /** The scope and due dates of the measure a caseworker chose (which may differ from the recommendation), under the decision's standard. */
  consequencesOfChoice(facts: Facts, chosen: ChoosableOutcome, variant: Variant, standard?: Standard): { scope: Scope; reviews: Review[] };
  /** The extent of a measure in force on `day`. */
  scopeOf(outcome: Outcome, variant: Variant, day: string): Scope;
  /** The figures in force on `day`. */
  figures(day: string): ParameterValues;
  /** How often the measure's reviews come back, by the figures in force on `day`. */
  cadence(outcome: Outcome, day: string): Cadence;
  /** The earliest review due after `day` (see rules/next-due.ts). */
  nextDue(reviews: readonly Review[], day: string, held?: { on: string; outcome: Outcome }): Review | null;
  /** The next turn of a repeating review held on `heldOn`; null for one that happens once. */
  successorOf(outcome: Outcome, review: Review, heldOn: string): Review | null;
  /** The child's age in whole months on `day`, counted from the intake's reference date. */
  ageAt(facts: Pick<Facts, 'child' | 'referenceDate'>, day: string): number | null | undefined;
  /** A preventive course's follow-up once the child is 3 (hpi.2.underformaal.maal), for a child `age` months old on `day`. */
  followUpAtThree(anchor: { day: string; age: number }): { due: string; passage: PassageId; text: string };
  /** The figures the interview's questions are asked by and name, in force on `day`. */
  intakeFigures(day: string): { olderChildMonths: number; level1Visits: number; level1bVisits: number; level1bMonths: { min: number; max: number } };
  /** Does the plan ask for the planned start in nursery or kindergarten for a child of this age? */
  asksDaycare(ageMonths: number, day: string): boolean;
  readonly wellbeingAreas: readonly WellbeingArea[];
  /** Barnets plan's deadline (Barnets lov § 91) for a decision made on `decidedOn`, by the figures in force that day. */
  childPlanDeadline(decidedOn: string): ChildPlanDeadline;
}

export function bindRules(set: ParameterSet): BoundRules {
  const figures = (day: string): ParameterValues => resolveParameters(set, day).values;
  const cadence = (outcome: Outcome, day: string): Cadence => cadenceOf(outcome, figures(day));
  return {
    setName: set.name,
    decide: (facts, standard) => (standard ? decideWithStandard(standard, facts, set) : decide(facts, set)),
    consequencesOfChoice: (facts, chosen, variant, standard) => consequencesOfChoice(facts, chosen, variant, set, standard),
    scopeOf: (outcome, variant, day) => scopeFor(outcome, variant, figures(day)).scope,
    figures,
    cadence,
    nextDue: (reviews, day, held) => nextDue(reviews, day, held ? { on: held.on, cadence: cadence(held.outcome, held.on) } : undefined),
    successorOf: (outcome, review, heldOn) => successorOf(review, heldOn, cadence(outcome, heldOn)),
    ageAt,
    followUpAtThree: (anchor) => {
      const months = figures(anchor.day)['preventive.followUpAtAgeMonths'];
      const years = months % 12 === 0 ? `${months / 12} år` : `${months} måneder`;
      return {
        due: dayAtAge(anchor, months),
        passage: 'hpi.2.underformaal.maal',
        text: `Opfølgning ved ${years}: har barnet brug for særlig støtte efter at være fyldt ${years}?`,
      };
    },
    intakeFigures: (day) => {
      const p = figures(day);
      return {
        olderChildMonths: p['level2.ageUnderMonths'],
        level1Visits: p['level1.visitsPerWeek'],
        level1bVisits: p['level1b.initialVisitsPerWeekMax'],
        level1bMonths: { min: p['level1b.initialMonthsMin'], max: p['level1b.initialMonthsMax'] },
      };
    },
    asksDaycare: (ageMonths, day) => ageMonths < figures(day)['plan.daycareAgeUnderMonths'],
    wellbeingAreas: set.wellbeingAreas,
    childPlanDeadline: (decidedOn) => childPlanDeadline(decidedOn, figures(decidedOn)),
  };
}
