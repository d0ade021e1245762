import { z } from 'zod';

/**
 * The review card's fields as the card holds them, and their conversion into review input. Kept as
 * the person's own values, so a refused review is shown again with nothing lost.
 */

/** The facts a review may change before re-deciding: the ones that move a case between measures. */
export const REVIEW_FACTS = {
  concern: { label: 'Bekymringsgrad', choices: [['none', 'Ingen'], ['risk', 'Risiko'], ['beginning', 'Begyndende bekymring'], ['concern', 'Bekymring'], ['pronounced', 'Udpræget bekymring']] },
  safetyConcern: { label: 'Kan barnet være i fare?', choices: 'yes-no' },
  intensiveNeeded: { label: 'Er der behov for en intensiv indsats for at vende udviklingen?', choices: 'yes-no' },
  parentalCapacityUnclear: { label: 'Skal det stadig afprøves, om forældrene kan udvikle sig?', choices: 'yes-no' },
  emotionalCareAdequate: { label: 'Kan forældrene yde følelsesmæssig omsorg?', choices: 'yes-no' },
  practicalCareSeriousDeficits: { label: 'Har forældrene alvorlige mangler i den praktiske omsorg?', choices: 'yes-no' },
  parentsSeeNeed: { label: 'Viser forældrene vilje og evne til at se behovet for støtte?', choices: 'yes-no' },
  investigation: { label: 'Børnefaglig undersøgelse', choices: [['none', 'Ingen'], ['underway', 'I gang'], ['completed', 'Afsluttet']] },
} as const satisfies Record<string, { label: string; choices: 'yes-no' | readonly (readonly [string, string])[] }>;
export type ReviewFactName = keyof typeof REVIEW_FACTS;
export const REVIEW_FACT_NAMES = Object.keys(REVIEW_FACTS) as ReviewFactName[];

export interface ReviewForm {
  date: string;
  progress: string[];
  notes: string[];
  decision: string;
  note: string;
  facts: Partial<Record<ReviewFactName, string>>;
  ageAppropriate: string;
  childAgeMonthsNow: string;
}

export const progressInputId = (n: number) => `goal${n}Progress`;
export const noteInputId = (n: number) => `goal${n}Note`;
export const factInputId = (name: string) => `fact_${name}`;

const Loose = z.union([z.string(), z.number(), z.boolean()]).transform(String).catch('');
const read = (data: Record<string, unknown>, key: string): string => Loose.parse(data[key] ?? '').trim();

export function emptyReviewForm(goalCount: number, today: string): ReviewForm {
  return { date: today, progress: Array(goalCount).fill(''), notes: Array(goalCount).fill(''), decision: '', note: '', facts: {}, ageAppropriate: '', childAgeMonthsNow: '' };
}

export function reviewFormFromSubmission(data: Record<string, unknown>, goalCount: number): ReviewForm {
  const slots = Array.from({ length: goalCount }, (_, i) => i + 1);
  return {
    date: read(data, 'reviewDate'),
    progress: slots.map((n) => read(data, progressInputId(n))),
    notes: slots.map((n) => read(data, noteInputId(n))),
    decision: read(data, 'decision'),
    note: read(data, 'note'),
    facts: Object.fromEntries(REVIEW_FACT_NAMES.map((f) => [f, read(data, factInputId(f))]).filter(([, v]) => v !== '')),
    ageAppropriate: read(data, 'ageAppropriate'),
    childAgeMonthsNow: read(data, 'childAgeMonthsNow'),
  };
}

/** The form as review input for the parser; blank means "not given" throughout. */
export function reviewFormToInput(form: ReviewForm, goalIds: readonly string[]): Record<string, unknown> {
  const changes = Object.fromEntries(
    Object.entries(form.facts).map(([name, value]) => [name, REVIEW_FACTS[name as ReviewFactName].choices === 'yes-no' ? value === 'yes' : value]),
  );
  const age = form.childAgeMonthsNow === '' ? undefined : Number(form.childAgeMonthsNow);
  return {
    date: form.date,
    goals: goalIds.flatMap((goalId, i) =>
      form.progress[i] ? [{ goalId, progress: form.progress[i], ...(form.notes[i] ? { note: form.notes[i] } : {}) }] : [],
    ),
    decision: form.decision || undefined,
    ...(form.note ? { note: form.note } : {}),
    ...(Object.keys(changes).length > 0 ? { factChanges: changes } : {}),
    ...(form.ageAppropriate ? { ageAppropriate: form.ageAppropriate } : {}),
    ...(age !== undefined ? { childAgeMonthsNow: Number.isNaN(age) ? form.childAgeMonthsNow : age } : {}),
  };
}
