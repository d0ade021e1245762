import { GOAL_PROGRESS, PROGRESS_LABEL, REVIEW_DECISION_LABEL, REVIEW_DECISIONS, type ReviewDecision } from '../bot/plan/model.js';
import { PREVENTIVE_GOAL_PASSAGE } from '../bot/plan/review.js';
import { factInputId, noteInputId, progressInputId, REVIEW_FACT_NAMES, REVIEW_FACTS, type ReviewForm } from '../bot/plan/review-form.js';
import { expand, type CardJson } from './template.js';
import template from './templates/plan-review.json' with { type: 'json' };

/**
 * The review card: each goal of the plan with how progress is seen and its latest progress, then
 * what the review decides. After a save the same card shows what was recorded, without inputs.
 */

export interface ReviewGoalView {
  text: string;
  sign: string;
  /** e.g. "Seneste: Noget (15.04.2026)", or null before the first review. */
  latest: string | null;
}

export interface PlanReviewCardData {
  caseId: string;
  reference: string;
  outcomeLabel: string;
  preventive: boolean;
  /** The course began in pregnancy: closing needs the child's age now. */
  askAge: boolean;
  planVersion: number;
  decisionId: string;
  /** Given when the form is shown and sent with the save, so saving the same form twice records one review. */
  reviewId: string;
  goals: readonly ReviewGoalView[];
  /** The due date this review answers, if any. */
  due: { date: string; text: string; passage: string } | null;
  form: ReviewForm;
  problems?: readonly string[];
  /** After a save: what was recorded, as title/value lines. The card then has no inputs. */
  result?: { title: string; value: string }[] | null;
}

export function danishDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}.${m}.${y}`;
}

const YES_NO = [
  { title: 'Ja', value: 'yes' },
  { title: 'Nej', value: 'no' },
];

export function planReviewCard(data: PlanReviewCardData): CardJson {
  const editing = !data.result;
  const bound = {
    caseId: data.caseId,
    heading: `Gennemgang af planen: sag ${data.reference}`,
    fallbackText: `Gennemgang af planen for sag ${data.reference}: fremskridt på målene og hvad gennemgangen fører til.`,
    subheading: `${data.outcomeLabel} · plan version ${data.planVersion}`,
    due: data.due ? { ...data.due, date: danishDate(data.due.date) } : null,
    problems: data.problems ?? [],
    result: data.result ? { facts: data.result } : null,
    editing,
    preventive: data.preventive,
    askAge: data.askAge,
    goals: data.goals.map((g, i) => {
      const progress = data.form.progress[i] ?? '';
      const note = data.form.notes[i] ?? '';
      return {
        number: i + 1,
        text: g.text,
        sign: g.sign,
        latest: g.latest ?? 'Ingen tidligere gennemgang',
        progressId: progressInputId(i + 1),
        noteId: noteInputId(i + 1),
        progress: progress || null,
        note,
        progressLabel: (GOAL_PROGRESS as readonly string[]).includes(progress) ? PROGRESS_LABEL[progress as (typeof GOAL_PROGRESS)[number]] : '–',
        noteText: note ? ` – ${note}` : '',
      };
    }),
    progressChoices: GOAL_PROGRESS.map((p) => ({ title: PROGRESS_LABEL[p], value: p })),
    date: data.form.date || null,
    decision: data.form.decision || null,
    decisionChoices: REVIEW_DECISIONS.filter((d: ReviewDecision) => !(data.preventive && d === 'extend')).map((d) => ({ title: REVIEW_DECISION_LABEL[d], value: d })),
    note: data.form.note,
    goalPassage: PREVENTIVE_GOAL_PASSAGE,
    ageAppropriate: data.form.ageAppropriate || null,
    childAgeMonthsNow: data.form.childAgeMonthsNow === '' ? null : Number(data.form.childAgeMonthsNow) || null,
    showFacts: Object.keys(data.form.facts).length > 0,
    facts: REVIEW_FACT_NAMES.map((name) => {
      const spec = REVIEW_FACTS[name];
      return {
        inputId: factInputId(name),
        label: spec.label,
        value: data.form.facts[name] ?? null,
        choices: spec.choices === 'yes-no' ? YES_NO : spec.choices.map(([value, title]) => ({ title, value })),
      };
    }),
    planVersion: String(data.planVersion),
    decisionId: data.decisionId,
    reviewId: data.reviewId,
  };
  return expand(template, bound);
}
