import { IsoDate } from './facts.js';
import { CHOOSABLE_OUTCOMES, type ChoosableOutcome, type Decision, type Override } from './decision-types.js';
import type { Standard } from './standard/schema.js';

/** A written reason must say something; ten characters is about the shortest real sentence. */
export const MIN_REASON_LENGTH = 10;

export const OVERRIDE_PROBLEM_CODES = [
  'recommended-mismatch',
  'chosen-not-choosable',
  'chosen-not-in-standard',
  'variant-not-allowed',
  'reason-missing',
  'reason-too-short',
  'by-missing',
  'at-invalid',
] as const;
export type OverrideProblemCode = (typeof OVERRIDE_PROBLEM_CODES)[number];

export interface OverrideProblem {
  code: OverrideProblemCode;
  field: keyof Override;
  /** Danish: what is wrong and what to do. */
  message: string;
  /** The same in English. */
  en: string;
}

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The outcomes a caseworker may choose under a standard: its own measures, and "none". */
export function choosableUnder(standard: Standard): ChoosableOutcome[] {
  const has = new Set<string>(standard.measures.map((m) => m.id));
  return CHOOSABLE_OUTCOMES.filter((o) => o === 'none' || has.has(o));
}

/**
 * Checks a caseworker's override record against the decision it departs from. It reports
 * problems only: it never fills in, corrects or invents an override. An empty list means the
 * record may be kept beside the recommendation. With `standard` (the one the decision was made
 * under), a measure that standard does not have is refused too, however the choice was sent.
 */
export function validateOverride(decision: Decision, proposed: Partial<Record<keyof Override, unknown>>, standard?: Standard): OverrideProblem[] {
  const problems: OverrideProblem[] = [];
  if (proposed.recommended !== decision.outcome) {
    problems.push({
      code: 'recommended-mismatch',
      field: 'recommended',
      message: `Anbefalingen i tilsidesættelsen skal være den, reglerne gav ("${decision.outcome}").`,
      en: `The recommendation in the override must be the one the rules gave ("${decision.outcome}").`,
    });
  }
  const chosen = proposed.chosen;
  const choosable = typeof chosen === 'string' && (CHOOSABLE_OUTCOMES as readonly string[]).includes(chosen);
  if (!choosable) {
    problems.push({
      code: 'chosen-not-choosable',
      field: 'chosen',
      message: `Vælg et af: ${CHOOSABLE_OUTCOMES.join(', ')}. "Der mangler oplysninger" er en tilstand, ikke et valg.`,
      en: `Choose one of: ${CHOOSABLE_OUTCOMES.join(', ')}. "Information is missing" is a state, not a choice.`,
    });
  }
  if (choosable && standard && !choosableUnder(standard).includes(chosen as ChoosableOutcome)) {
    const own = standard.measures.filter((m) => (CHOOSABLE_OUTCOMES as readonly string[]).includes(m.id));
    problems.push({
      code: 'chosen-not-in-standard',
      field: 'chosen',
      message: `${standard.name.da} har ikke den indsats ("${chosen}"). Vælg en af standardens: ${[...own.map((m) => m.name.da), 'ingen af indsatserne'].join(', ')}.`,
      en: `${standard.name.en} has no such measure ("${chosen}"). Choose one of the standard's: ${[...own.map((m) => m.name.en), 'none of the measures'].join(', ')}.`,
    });
  }
  problems.push(...variantProblems(choosable ? (chosen as ChoosableOutcome) : undefined, proposed.chosenVariant));

  const reason = typeof proposed.reason === 'string' ? proposed.reason.trim() : '';
  if (reason.length === 0) {
    problems.push({ code: 'reason-missing', field: 'reason', message: 'Skriv en begrundelse for at vælge anderledes end anbefalingen.', en: 'Write a reason for choosing differently from the recommendation.' });
  } else if (reason.length < MIN_REASON_LENGTH) {
    problems.push({
      code: 'reason-too-short',
      field: 'reason',
      message: `Begrundelsen er for kort; skriv mindst ${MIN_REASON_LENGTH} tegn, så en anden kan forstå valget.`,
      en: `The reason is too short; write at least ${MIN_REASON_LENGTH} characters, so someone else can understand the choice.`,
    });
  }
  if (typeof proposed.by !== 'string' || proposed.by.trim().length === 0) {
    problems.push({ code: 'by-missing', field: 'by', message: 'Det skal fremgå, hvem der har truffet valget.', en: 'It must be stated who made the choice.' });
  }
  if (typeof proposed.at !== 'string' || !ISO_TIMESTAMP.test(proposed.at) || !IsoDate.safeParse(proposed.at.slice(0, 10)).success) {
    problems.push({ code: 'at-invalid', field: 'at', message: 'Tidspunktet skal være et ISO-tidsstempel, fx 2025-03-01T10:15:00Z.', en: 'The time must be an ISO timestamp, e.g. 2025-03-01T10:15:00Z.' });
  }
  return problems;
}

function variantProblems(chosen: ChoosableOutcome | undefined, variant: unknown): OverrideProblem[] {
  if (variant === undefined || variant === null) return [];
  if (chosen === 'level1' && (variant === '1A' || variant === '1B')) return [];
  return [
    {
      code: 'variant-not-allowed',
      field: 'chosenVariant',
      message: chosen === 'level1' ? 'Varianten skal være "1A", "1B" eller tom.' : 'En variant (1A/1B) kan kun vælges sammen med niveau 1.',
      en: chosen === 'level1' ? 'The variant must be "1A", "1B" or empty.' : 'A variant (1A/1B) can only be chosen with level 1.',
    },
  ];
}
