import {
  AGE_APPROPRIATE_LABEL,
  CONTACT_ROLE_LABEL,
  DAYCARE_LABEL,
  PROGRESS_LABEL,
  REFERRAL_LABEL,
  REVIEW_DECISION_LABEL,
  type AgeAppropriate,
  type ContactRole,
  type DaycareKind,
  type GoalProgress,
  type ReferralSource,
  type ReviewDecision,
} from '../bot/plan/model.js';
import { REVIEW_FACTS, type ReviewFactName } from '../bot/plan/review-form.js';
import type { Locale, Localized } from './locale.js';

/**
 * The plan's vocabulary in both languages, for the plan and review cards and the summary. The
 * Danish words stay where they were (bot/plan/model.ts, which stored texts and the reminders also
 * read); the English ones sit beside them here, keyed by the same stored ids.
 */

const both = <K extends string>(da: Readonly<Record<K, string>>, en: Readonly<Record<K, string>>): Record<K, Localized> =>
  Object.fromEntries(Object.keys(da).map((k) => [k, { da: da[k as K], en: en[k as K] }])) as Record<K, Localized>;

export const REFERRAL_TEXT = both<ReferralSource>(REFERRAL_LABEL, {
  'health-visitor': 'Health visitor',
  daycare: 'Daycare',
  school: 'School',
  ppr: 'PPR (educational psychology service)',
  gp: 'GP',
  midwife: 'Midwife',
  family: 'The family itself',
  other: 'Other',
});

export const CONTACT_ROLE_TEXT = both<ContactRole>(CONTACT_ROLE_LABEL, {
  caseworker: 'Caseworker in Visitation Social',
  'housing-support': 'Housing support worker',
  'contact-person': 'Contact person',
  treatment: 'Therapist (addiction or psychiatry)',
  other: 'Another role',
});

export const DAYCARE_TEXT = both<DaycareKind>(DAYCARE_LABEL, { nursery: 'Nursery', kindergarten: 'Kindergarten' });

export const PROGRESS_TEXT = both<GoalProgress>(PROGRESS_LABEL, { 'not-started': 'Not started', some: 'Some', clear: 'Clear', reached: 'Reached' });

export const REVIEW_DECISION_TEXT = both<ReviewDecision>(REVIEW_DECISION_LABEL, {
  continue: 'Continue',
  'change-level': 'Change level (new decision)',
  extend: 'Extend with a new grant',
  close: 'Close',
  escalate: 'Report to the family department',
});

export const AGE_APPROPRIATE_TEXT = both<AgeAppropriate>(AGE_APPROPRIATE_LABEL, { yes: 'Yes', no: 'No', unknown: "Don't know" });

export const YES_NO: Record<'yes' | 'no', Localized> = { yes: { da: 'Ja', en: 'Yes' }, no: { da: 'Nej', en: 'No' } };

/** The facts a review may change, with their choices; the Danish legal terms stay Danish in both. */
const REVIEW_FACTS_EN: Record<ReviewFactName, { label: string; choices?: Record<string, string> }> = {
  concern: { label: 'Level of concern', choices: { none: 'None', risk: 'Risk', beginning: 'Beginning concern', concern: 'Concern', pronounced: 'Pronounced concern' } },
  safetyConcern: { label: 'May the child be in danger?' },
  intensiveNeeded: { label: 'Is intensive support needed to turn the development around?' },
  parentalCapacityUnclear: { label: "Must it still be tried whether the parents can develop?" },
  emotionalCareAdequate: { label: 'Can the parents give emotional care?' },
  practicalCareSeriousDeficits: { label: 'Do the parents have serious gaps in practical care?' },
  parentsSeeNeed: { label: 'Do the parents show the will and ability to see the need for support?' },
  investigation: { label: 'Børnefaglig undersøgelse', choices: { none: 'None', underway: 'Under way', completed: 'Completed' } },
};

export function reviewFactText(name: ReviewFactName, locale: Locale): { label: string; choices: { title: string; value: string }[] } {
  const spec = REVIEW_FACTS[name];
  const en = REVIEW_FACTS_EN[name];
  const label = locale === 'en' ? en.label : spec.label;
  const choices =
    spec.choices === 'yes-no'
      ? (['yes', 'no'] as const).map((v) => ({ title: YES_NO[v][locale], value: v }))
      : spec.choices.map(([value, title]) => ({ title: locale === 'en' ? (en.choices?.[value] ?? title) : title, value }));
  return { label, choices };
}

/** The one quotation style: a Danish passage quoted in an English card is marked as a quotation. */
export function quoted(text: string, locale: Locale): string {
  return locale === 'en' ? `»${text}«` : text;
}
