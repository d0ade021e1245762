import { z } from 'zod';
import { worded, type Locale } from '../../cards/locale.js';
import type { WellbeingArea } from '../../rules/parameters/schema.js';
import { StorageInputError } from '../storage/input-errors.js';
import { checkAssessment, type NewAssessment } from '../storage/wellbeing.js';

/**
 * The wellbeing fields a card carries (a 1–5 score and a short reason per area), kept as typed so a
 * refused card shows them again, and turned into an assessment for storage. Optional as a whole:
 * all blank means "not scored this time"; once anything is filled in, every area needs both.
 */

export interface WellbeingFormRow {
  area: string;
  score: string;
  reason: string;
}

export const wellbeingScoreId = (area: string) => `wellbeing_${area}_score`;
export const wellbeingReasonId = (area: string) => `wellbeing_${area}_reason`;

const Loose = z.union([z.string(), z.number()]).transform(String).catch('');
const read = (data: Record<string, unknown>, key: string): string => Loose.parse(data[key] ?? '').trim();

export function emptyWellbeingForm(areas: readonly WellbeingArea[]): WellbeingFormRow[] {
  return areas.map((a) => ({ area: a.id, score: '', reason: '' }));
}

export function wellbeingFormFromSubmission(data: Record<string, unknown>, areas: readonly WellbeingArea[]): WellbeingFormRow[] {
  return areas.map((a) => ({ area: a.id, score: read(data, wellbeingScoreId(a.id)), reason: read(data, wellbeingReasonId(a.id)) }));
}

export type WellbeingParse = { ok: true; value: NewAssessment | null } | { ok: false; problems: string[] };

/**
 * The form as an assessment, checked area by area with storage's own rules (score 1–5, a reason of at
 * most 200 characters, no CPR number), so each problem names its area in the reader's language.
 */
export function wellbeingFromForm(
  form: readonly WellbeingFormRow[],
  areas: readonly WellbeingArea[],
  occasion: { occasion: 'intake' } | { occasion: 'review'; reviewId: string },
  date: string,
  locale: Locale,
): WellbeingParse {
  if (form.every((r) => r.score === '' && r.reason === '')) return { ok: true, value: null };
  const problems: string[] = [];
  const scores: NewAssessment['scores'] = [];
  for (const r of form) {
    const s = { area: r.area, score: r.score === '' ? Number.NaN : Number(r.score), reason: r.reason };
    try {
      scores.push(...checkAssessment({ ...occasion, date, scores: [s] }, [s.area]).scores);
    } catch (error) {
      if (!(error instanceof StorageInputError)) throw error;
      const area = areas.find((a) => a.id === s.area);
      problems.push(`${locale === 'en' ? 'Wellbeing' : 'Trivsel'}, ${area ? area[locale] : s.area}: ${worded(error.userMessage, error.userMessageEn, locale)}`);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { ...occasion, date, scores } };
}
