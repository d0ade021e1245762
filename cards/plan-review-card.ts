import { GOAL_PROGRESS, REVIEW_DECISIONS, type ReviewDecision } from '../bot/plan/model.js';
import { PREVENTIVE_GOAL_PASSAGE } from '../bot/plan/review.js';
import { factInputId, noteInputId, progressInputId, REVIEW_FACT_NAMES, type ReviewForm } from '../bot/plan/review-form.js';
import { wordsTable, type Locale, type Localized } from './locale.js';
import { formatDate } from './outcome-text.js';
import { PROGRESS_TEXT, REVIEW_DECISION_TEXT, reviewFactText } from './plan-text.js';
import { expand, type CardJson } from './template.js';
import { wellbeingFields } from './wellbeing-fields.js';
import type { WellbeingArea } from '../rules/parameters/schema.js';
import type { WellbeingFormRow } from '../bot/plan/wellbeing-form.js';
import template from './templates/plan-review.json' with { type: 'json' };

/**
 * The review card: each goal of the plan with how progress is seen and its latest progress, then
 * what the review decides. After a save the same card shows what was recorded, without inputs.
 */

export interface ReviewGoalView {
  text: string;
  sign: string;
  /** e.g. "Seneste: Noget (15. april 2026)" (latestProgress), or null before the first review. */
  latest: string | null;
}

export interface PlanReviewCardData {
  locale: Locale;
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
  /** The municipality's wellbeing areas and what was typed for them; no wellbeing fields when absent. */
  wellbeing?: { areas: readonly WellbeingArea[]; form: readonly WellbeingFormRow[] };
  problems?: readonly string[];
  /** After a save: what was recorded, as title/value lines. The card then has no inputs. */
  result?: { title: string; value: string }[] | null;
}

/** The card's own words; bound as `s` so the template holds no language. */
const REVIEW_TEXT = {
  heading: { da: 'Gennemgang af planen: sag', en: 'Review of the plan: case' },
  fallback: { da: 'fremskridt på målene og hvad gennemgangen fører til.', en: 'progress on the goals and what the review leads to.' },
  planVersion: { da: 'plan version', en: 'plan version' },
  due: { da: 'Frist', en: 'Due' },
  problems: { da: 'Gennemgangen er ikke gemt. Ret dette og gem igen – det, du har skrevet, står der stadig:', en: 'The review was not saved. Correct this and save again – what you wrote is still there:' },
  saved: { da: 'Gennemgangen er gemt', en: 'The review is saved' },
  goal: { da: 'Mål', en: 'Goal' },
  sign: { da: 'Sådan ser vi fremskridt', en: 'How we see progress' },
  noEarlier: { da: 'Ingen tidligere gennemgang', en: 'No earlier review' },
  progress: { da: 'Fremskridt', en: 'Progress' },
  progressMissing: { da: 'Vælg fremskridt for målet.', en: 'Choose the progress on the goal.' },
  choose: { da: 'Vælg', en: 'Choose' },
  shortNote: { da: 'Kort note', en: 'Short note' },
  date: { da: 'Dato for gennemgangen', en: 'Date of the review' },
  dateMissing: { da: 'Angiv datoen for gennemgangen.', en: 'Give the date of the review.' },
  decision: { da: 'Hvad fører gennemgangen til?', en: 'What does the review lead to?' },
  decisionMissing: { da: 'Vælg hvad gennemgangen fører til.', en: 'Choose what the review leads to.' },
  note: { da: 'Note til gennemgangen', en: 'Note on the review' },
  onClose: { da: 'Kun ved »Afslut«: forløbets resultat', en: "Only with »Close«: the course's result" },
  ageAppropriate: { da: 'Var barnet alderssvarende ved start i vuggestue eller børnehave?', en: "Was the child's development age-appropriate when starting nursery or kindergarten?" },
  yes: { da: 'Ja', en: 'Yes' },
  no: { da: 'Nej', en: 'No' },
  unknown: { da: 'Ved ikke', en: "Don't know" },
  ageNow: { da: 'Barnets alder i måneder nu (forløbet begyndte før fødslen)', en: "The child's age in months now (the course began before birth)" },
  onChange: { da: 'Kun ved »Skift niveau« eller »Forlæng«: hvad har ændret sig siden afgørelsen?', en: 'Only with »Change level« or »Extend«: what has changed since the decision?' },
  showChanges: { da: 'Vis ændrede oplysninger', en: 'Show changed facts' },
  changesHelp: {
    da: 'Lad stå på »Uændret«, hvad der ikke har ændret sig. Reglerne træffer en ny afgørelse ud fra afgørelsens oplysninger med disse ændringer.',
    en: 'Leave at »Unchanged« what has not changed. The rules make a new decision from the decision\'s facts with these changes.',
  },
  unchanged: { da: 'Uændret', en: 'Unchanged' },
  save: { da: 'Gem gennemgang', en: 'Save review' },
  openPlan: { da: 'Åbn planen', en: 'Open the plan' },
} satisfies Record<string, Localized>;

const wordsFor = wordsTable(REVIEW_TEXT);

/** "Seneste: Noget (10. april 2026)": a goal's latest progress, in the reader's language. */
export function latestProgress(progress: keyof typeof PROGRESS_TEXT, day: string, locale: Locale): string {
  return `${locale === 'en' ? 'Latest' : 'Seneste'}: ${PROGRESS_TEXT[progress][locale]} (${formatDate(day, locale)})`;
}

export function planReviewCard(data: PlanReviewCardData): CardJson {
  const { locale } = data;
  const s = wordsFor(locale);
  const editing = !data.result;
  const bound = {
    s,
    caseId: data.caseId,
    heading: `${s.heading} ${data.reference}`,
    fallbackText: `${s.heading} ${data.reference}: ${s.fallback}`,
    subheading: `${data.outcomeLabel} · ${s.planVersion} ${data.planVersion}`,
    due: data.due ? { ...data.due, date: formatDate(data.due.date, locale) } : null,
    problems: data.problems ?? [],
    result: data.result ? { facts: data.result } : null,
    editing,
    preventive: data.preventive,
    askAge: data.askAge,
    wellbeing: editing && data.wellbeing ? wellbeingFields(data.wellbeing.areas, data.wellbeing.form, locale) : null,
    goals: data.goals.map((g, i) => {
      const progress = data.form.progress[i] ?? '';
      const note = data.form.notes[i] ?? '';
      return {
        number: i + 1,
        text: g.text,
        sign: g.sign,
        latest: g.latest ?? s.noEarlier,
        progressId: progressInputId(i + 1),
        noteId: noteInputId(i + 1),
        progress: progress || null,
        note,
        progressLabel: (GOAL_PROGRESS as readonly string[]).includes(progress) ? PROGRESS_TEXT[progress as (typeof GOAL_PROGRESS)[number]][locale] : '–',
        noteText: note ? ` – ${note}` : '',
      };
    }),
    progressChoices: GOAL_PROGRESS.map((p) => ({ title: PROGRESS_TEXT[p][locale], value: p })),
    date: data.form.date || null,
    decision: data.form.decision || null,
    decisionChoices: REVIEW_DECISIONS.filter((d: ReviewDecision) => !(data.preventive && d === 'extend')).map((d) => ({ title: REVIEW_DECISION_TEXT[d][locale], value: d })),
    note: data.form.note,
    goalPassage: PREVENTIVE_GOAL_PASSAGE,
    ageAppropriate: data.form.ageAppropriate || null,
    childAgeMonthsNow: data.form.childAgeMonthsNow === '' ? null : Number(data.form.childAgeMonthsNow) || null,
    showFacts: Object.keys(data.form.facts).length > 0,
    facts: REVIEW_FACT_NAMES.map((name) => {
      const text = reviewFactText(name, locale);
      return { inputId: factInputId(name), label: text.label, value: data.form.facts[name] ?? null, choices: text.choices };
    }),
    planVersion: String(data.planVersion),
    decisionId: data.decisionId,
    reviewId: data.reviewId,
  };
  return expand(template, bound);
}
