import { CHILD_PLAN_PASSAGE } from '../rules/child-plan.js';
import type { ChildPlanForm } from '../bot/plan/child-plan-form.js';
import { wordsTable, type Locale, type Localized } from './locale.js';
import { formatDate } from './outcome-text.js';
import { expand, type CardJson } from './template.js';
import template from './templates/parts/child-plan-fields.json' with { type: 'json' };

/**
 * Barnets plan on the plan card (Barnets lov § 91): whether one is to be made, and the day it was
 * in place. The plan card inserts the part as `${childPlan}`; bound to null (a measure that is no
 * support under § 32) it is gone.
 */

const CHILD_PLAN_TEXT = {
  heading: { da: 'Barnets plan (Barnets lov § 91)', en: 'Barnets plan – the child’s plan (Barnets lov § 91)' },
  help: {
    da: 'Ved afgørelsen tager kommunen stilling til, om der skal udarbejdes en barnets plan. I givet fald skal den foreligge senest {due}.',
    en: 'With the decision the municipality decides whether a barnets plan is to be drawn up. If so, it must be in place at the latest on {due}.',
  },
  question: { da: 'Skal der udarbejdes en barnets plan?', en: 'Is a barnets plan to be drawn up?' },
  yes: { da: 'Ja', en: 'Yes' },
  no: { da: 'Nej', en: 'No' },
  undecided: { da: 'Ikke besluttet endnu', en: 'Not decided yet' },
  madeOn: { da: 'Hvis ja: barnets plan forelå den', en: 'If yes: the plan was in place on' },
  passage: { da: 'Afsnit i loven', en: 'Passage of the act' },
} satisfies Record<string, Localized>;

const wordsFor = wordsTable(CHILD_PLAN_TEXT);

export interface ChildPlanFieldsData {
  form: ChildPlanForm;
  /** YYYY-MM-DD: the deadline a "yes" has (or would have) from the decision. */
  due: string;
}

export function childPlanFields(data: ChildPlanFieldsData, locale: Locale): CardJson {
  const s = wordsFor(locale);
  return expand(template, {
    s,
    help: s.help.replace('{due}', formatDate(data.due, locale)),
    stance: data.form.stance || null,
    madeOn: data.form.madeOn || null,
    passage: CHILD_PLAN_PASSAGE,
  });
}
