import type { Question as StandardQuestion, Standard } from '../../rules/standard/schema.js';
import { DEFAULT_STANDARD } from '../../rules/standard/load.js';
import type { Localized } from '../../cards/locale.js';
import { checklistAgeLimit, checklistsApplyUnder, infantChecklistsApply } from './age.js';
import { PRODUCT_STEPS, UNKNOWN, type ChoiceOption, type Interview, type IntakeStep, type Question } from './steps.js';

/**
 * The interview a standard asks: the product's steps (how a caseworker thinks about a family) with
 * only the questions the standard names, in the standard's order within each step, worded as the
 * standard words them, and with its answer options. The questions the product adds itself (is
 * the child born, have the checklists been gone through, the start date) go with the facts they
 * belong to. A step the standard asks nothing in is left out, so its step count is its own.
 * (steps.ts and this module import each other; each uses the other's exports only when called.)
 */

/** The facts a product question fills that a standard can name ("child" is only their parent). */
function factsOf(q: Question): string[] {
  return q.asks.filter((f) => f !== 'child');
}

/** Where a question stands in the standard's order; the start date, the product's own, comes last. */
function rank(q: Question, order: ReadonlyMap<string, number>): number {
  if (q.kind === 'date') return Number.MAX_SAFE_INTEGER;
  const positions = factsOf(q).map((f) => order.get(f)).filter((i): i is number => i !== undefined);
  const first = Math.min(...positions);
  // "Have you gone through the checklists?" right after the checklists it closes.
  return q.kind === 'choice' && q.fact === 'riskFactorsReviewed' ? first + 0.5 : first;
}

function asked(q: Question, byId: ReadonlyMap<string, StandardQuestion>): boolean {
  if (q.kind === 'date') return true;
  if (q.kind === 'riskFactors') {
    const groups = byId.get('riskFactors')?.groups;
    return byId.has('riskFactors') && (!groups || groups.some((g) => g.id === q.group));
  }
  return factsOf(q).some((f) => byId.has(f));
}

const bilingual = (text: { da: string; en: string }): Localized => ({ da: text.da, en: text.en });

/** The standard's wording, help and options on the product's question. */
function worded(q: Question, byId: ReadonlyMap<string, StandardQuestion>): Question {
  if (q.kind === 'riskFactors') {
    const group = byId.get('riskFactors')?.groups?.find((g) => g.id === q.group);
    return group ? { ...q, label: bilingual(group.label) } : q;
  }
  if (!('fact' in q)) return q;
  // The product asks the age as whole years and months beside them (the rules read months): a
  // standard's one age question cannot word two fields, so they keep the product's words.
  if (q.fact === 'child.ageMonths' || q.fact === 'child.ageYears') return q;
  const own = byId.get(q.fact);
  if (!own) return q;
  // A question that names the municipality's figures ("{olderChildYears}") keeps the product's words,
  // filled in from the tenant's parameter set when shown: a standard's text would name the seed's.
  const namesFigures = q.label.da.includes('{') || q.help.da.includes('{');
  const label = namesFigures ? q.label : bilingual(own.wording);
  const help = namesFigures ? q.help : own.help ? bilingual(own.help) : q.help;
  if (q.kind !== 'choice' || !own.options) return { ...q, label, help };
  // The standard's options, in its order and words; "Ved ikke" only where it allows unknown.
  const options: ChoiceOption[] = own.options.map((o) => ({ value: o.value, title: bilingual(o.label) }));
  const unknown = q.options.find((o) => o.value === UNKNOWN);
  return { ...q, label, help, options: own.unknownAllowed && unknown ? [...options, unknown] : options };
}

export function interviewFor(standard: Standard): Interview {
  const byId = new Map(standard.questions.map((q) => [q.id, q]));
  const order = new Map(standard.questions.map((q, i) => [q.id, i]));
  const steps: IntakeStep[] = [];
  // The checklists are asked up to the oldest age a measure of this standard that reads them covers.
  const checklists = checklistsApplyUnder(checklistAgeLimit(standard));
  const bounded = (q: Question): Question => (q.when === infantChecklistsApply ? { ...q, when: checklists } : q);
  for (const step of PRODUCT_STEPS) {
    const questions = step.questions
      .filter((q) => asked(q, byId))
      .map((q, i) => ({ q: bounded(worded(q, byId)), rank: rank(q, order), i }))
      .sort((a, b) => a.rank - b.rank || a.i - b.i)
      .map((x) => x.q);
    // A step that would ask only the start date is the last step's; it is never left without it.
    if (questions.some((q) => q.kind !== 'date') || step.id === 'special') steps.push({ ...step, questions });
  }
  return { steps };
}

const interviews = new WeakMap<Standard, Interview>();

/** One interview per standard, built once. */
export function interviewOf(standard: Standard): Interview {
  let interview = interviews.get(standard);
  if (!interview) interviews.set(standard, (interview = interviewFor(standard)));
  return interview;
}

/** The seed standard's interview: what a tenant without its own standard is asked. */
export function seedInterview(): Interview {
  return interviewOf(DEFAULT_STANDARD);
}
