import type { Facts, RiskFactorGroup } from '../rules/facts.js';
import { RISK_FACTORS } from '../rules/risk-factors.js';
import { seedInterview } from '../bot/intake/interview.js';
import { DEFAULT_GROUP_TITLES, getStep, previousStepId, stepNumber, stepsShown, UNKNOWN, visibleQuestions, type IntakeFigures, type Question, type StepId } from '../bot/intake/steps.js';
import { yearsAndMonths } from '../bot/intake/age.js';
import type { IntakeCardContext, RiskFactorInfo } from './context.js';
import { problemText, type Locale } from './locale.js';
import { expand, execute, pick, type CardJson } from './template.js';
import { restartAction } from './common-actions.js';
import { VERBS } from './verbs.js';
import template from './templates/intake-step.json' with { type: 'json' };

/** One question as the template binds it: every property defined, so nothing is left unbound. */
export interface QuestionView {
  id: string;
  kind: Question['kind'];
  label: string;
  help: string;
  required: boolean;
  errorMessage: string;
  placeholder: string | null;
  min: number | null;
  max: number | null;
  maxLength: number | null;
  value: string | null;
  numberValue: number | null;
  choices: { title: string; value: string }[];
}

const REQUIRED_MESSAGE = {
  da: 'Vælg et svar – »Ved ikke« er også et svar.',
  en: "Choose an answer – \"Don't know\" is an answer too.",
};

/** The interview step as a card: progress, the questions prefilled with what was answered, Næste / Tilbage / Start forfra. */
/**
 * `figures`: the municipality's figures the questions are asked by (which apply, the ages they name).
 */
export function intakeStepCard(stepId: StepId, answers: Partial<Facts>, ctx: IntakeCardContext & { figures: IntakeFigures }): CardJson {
  const t = pick(ctx.locale);
  const interview = ctx.interview ?? seedInterview();
  const step = getStep(stepId, interview);
  // Counted among the steps this child is asked, so skipping the checklists leaves no gap.
  const number = stepNumber(stepId, interview, answers);
  const total = stepsShown(interview, answers).length;
  const questions = visibleQuestions(step, answers, ctx.figures).map((q) => questionView(q, answers, ctx));
  const last = number === total;
  const data = { draftId: ctx.draftId, stepId };

  const actions: CardJson[] = [
    execute(last ? t({ da: 'Se anbefaling', en: 'See recommendation' }) : t({ da: 'Næste', en: 'Next' }), VERBS.intakeNext, data, { style: 'positive' }),
  ];
  // Back sends no inputs: it must work even when this step is half answered, and the saved answers are shown again.
  if (previousStepId(stepId, interview, answers)) actions.push(execute(t({ da: 'Tilbage', en: 'Back' }), VERBS.intakeBack, data, { inputs: 'none' }));
  actions.push(restartAction(ctx.locale, ctx.draftId));

  const progress = ctx.locale === 'da' ? `Trin ${number} af ${total}` : `Step ${number} of ${total}`;
  return expand(template, {
    product: 'Familiestøtte',
    progress,
    title: t(step.title),
    intro: t(step.intro),
    fallbackText: `${progress}: ${t(step.title)}. ${t({ da: 'Åbn kortet i Teams for at svare.', en: 'Open the card in Teams to answer.' })}`,
    problemsTitle: t({ da: 'Ret venligst dette, før du går videre:', en: 'Please correct this before you go on:' }),
    problems: (ctx.problems ?? []).map((p) => problemText(p, ctx.locale)),
    questions,
    actions,
  });
}

export function questionView(q: Question, answers: Partial<Facts>, ctx: IntakeCardContext): QuestionView {
  const t = pick(ctx.locale);
  const typed = typedValue(q, ctx.typed);
  const saved = savedValue(q, answers, ctx.unknown ?? []);
  const value = typed ?? saved;
  const base: QuestionView = {
    id: q.id,
    kind: q.kind,
    label: t(q.label),
    help: t(q.help),
    required: q.required,
    errorMessage: t(REQUIRED_MESSAGE),
    placeholder: null,
    min: null,
    max: null,
    maxLength: null,
    value: null,
    numberValue: null,
    choices: [],
  };
  switch (q.kind) {
    case 'boolean':
      return {
        ...base,
        value,
        choices: [
          { title: t({ da: 'Ja', en: 'Yes' }), value: 'true' },
          { title: t({ da: 'Nej', en: 'No' }), value: 'false' },
          { title: t({ da: 'Ved ikke', en: "Don't know" }), value: UNKNOWN },
        ],
      };
    case 'choice':
      return { ...base, value, choices: q.options.map((o) => ({ title: t(o.title), value: o.value })) };
    case 'integer': {
      const n = value !== null && /^\d+$/.test(value) ? Number(value) : null;
      return {
        ...base,
        placeholder: t(q.placeholder),
        min: q.min,
        max: q.max,
        numberValue: n,
        errorMessage: t({ da: `Skriv et helt tal fra ${q.min} til ${q.max}.`, en: `Enter a whole number from ${q.min} to ${q.max}.` }),
      };
    }
    case 'date':
      return { ...base, value, errorMessage: t({ da: 'Vælg en dato.', en: 'Choose a date.' }) };
    case 'text':
      return { ...base, value, placeholder: t(q.placeholder), maxLength: q.maxLength, errorMessage: t({ da: 'Skriv en begrundelse.', en: 'Write a reason.' }) };
    case 'riskFactors':
      return {
        ...base,
        label: groupTitle(q.group, ctx),
        value,
        choices: riskChoices(q.group, ctx),
      };
  }
}

function groupTitle(group: RiskFactorGroup, ctx: IntakeCardContext): string {
  const given = ctx.riskGroupTitles?.[group];
  return given ?? pick(ctx.locale)(DEFAULT_GROUP_TITLES[group]);
}

function riskChoices(group: RiskFactorGroup, ctx: IntakeCardContext): { title: string; value: string }[] {
  const factors: readonly RiskFactorInfo[] =
    ctx.riskFactors ?? RISK_FACTORS.map((f) => ({ id: f.id, group: f.group, passage: f.passage, label: ctx.locale === 'en' ? f.labelEn : f.label }));
  return factors.filter((f) => f.group === group).map((f) => ({ title: f.label, value: f.id }));
}

/** What the draft holds for this question, in the string form the Input shows. */
function savedValue(q: Question, answers: Partial<Facts>, unknown: readonly string[]): string | null {
  if (unknown.includes(q.id)) return UNKNOWN;
  switch (q.kind) {
    case 'boolean': {
      const v = q.fact === 'child.latePregnancy' ? answers.child?.latePregnancy : answers[q.fact];
      return typeof v === 'boolean' ? String(v) : null;
    }
    case 'choice':
      if (q.fact === 'childBorn') {
        const age = answers.child?.ageMonths;
        return age === null ? 'unborn' : typeof age === 'number' ? 'born' : null;
      }
      if (q.fact === 'riskFactorsReviewed') return answers.riskFactors ? 'reviewed' : null;
      return answers[q.fact] ?? null;
    case 'integer': {
      const age = answers.child?.ageMonths;
      if (typeof age !== 'number') return null;
      const { years, months } = yearsAndMonths(age);
      // An age under a year is shown as months alone, as it was typed.
      if (q.fact === 'child.ageYears') return years > 0 ? String(years) : null;
      return String(months);
    }
    case 'date':
      return answers.startDate ?? null;
    case 'text':
      return answers.olderChildReason ?? null;
    case 'riskFactors': {
      const ids = (answers.riskFactors ?? []).filter((id) => id.startsWith(`${q.group}-`));
      return ids.length ? ids.join(',') : null;
    }
  }
}

/** A refused submission's raw value, shown again as typed (bounded, strings only). */
function typedValue(q: Question, typed: IntakeCardContext['typed']): string | null {
  const raw = typed?.[q.id];
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  if (typeof raw !== 'string' || raw === '') return null;
  return raw.slice(0, q.kind === 'text' ? q.maxLength : 400);
}

