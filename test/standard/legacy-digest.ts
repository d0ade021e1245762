import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { Decision } from '../../rules/decision-types.js';
import type { Facts } from '../../rules/facts.js';
import { arbitraryAnsweredFacts, arbitraryFacts } from '../support/arbitrary-facts.js';

/**
 * The decisions the TypeScript measures gave, kept as digests after they were deleted: the same
 * generated facts (the property tests' generators, fixed seed) must give the same decisions from
 * the standard file. One digest per chunk, so a difference points to a chunk to look at.
 */
export const LEGACY = { seed: 17, runs: 20_000, chunk: 1_000 } as const;

export function legacyFacts(): Facts[] {
  return fc.sample(fc.oneof(arbitraryFacts, arbitraryAnsweredFacts), { numRuns: LEGACY.runs, seed: LEGACY.seed });
}

/** Key order does not matter; undefined fields are dropped, as in stored JSON. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

/** A text without its English: the TypeScript measures wrote Danish only, and the Danish is what must not change. */
function danish<T extends { en?: string }>(worded: T): Omit<T, 'en'> {
  const { en: _en, ...rest } = worded;
  return rest;
}

/**
 * The known differences: the trace names every answer a criterion read (the TypeScript
 * preventive.risk-factors criterion read the child's age, an unborn child's "Barnet" factors do not
 * count, without recording it; the file's criterion records it), and the file's texts carry English.
 */
export function asLegacy(d: Decision): Decision {
  return {
    ...d,
    reasons: d.reasons.map(danish),
    whyNot: Object.fromEntries(Object.entries(d.whyNot).map(([k, list]) => [k, list.map(danish)])),
    warnings: d.warnings.map(danish),
    reviews: d.reviews.map(danish),
    trace: d.trace.map((t) => {
      if (t.rule !== 'preventive.risk-factors') return t;
      const { 'child.ageMonths': _age, ...facts } = t.facts;
      return { ...t, facts };
    }),
  };
}

const DANISH_MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/**
 * Texts reworded since, so a caseworker reads no field or setting ids: each new wording maps back to
 * the recorded one, so every other difference still shows.
 */
const REWORDED: readonly [RegExp, string | ((...groups: string[]) => string)][] = [
  // Dates in a person's words ("5. marts 2026"), first: the rules below read the recorded ISO dates.
  [new RegExp(`(\\d{1,2})\\. (${DANISH_MONTHS.join('|')}) (\\d{4})`, 'gu'), (_m, day, month, year) => `${year}-${String(DANISH_MONTHS.indexOf(month!) + 1).padStart(2, '0')}-${day!.padStart(2, '0')}`],
  [/kommunens valg af ekstra måneder til afslutning, overlevering eller revisitering afgør, om 1A er udgangspunktet/gu, 'kommunens parameter level1.extraMonths afgør, om 1A (ekstra måneder) er udgangspunktet'],
  [/fristerne er regnet fra (\d{4}-\d\d-\d\d) \(dags dato\)/gu, 'fristerne er regnet fra referencedatoen $1'],
  [/hænger ikke sammen: Startdatoen /gu, 'hænger ikke sammen: startDate '],
  [/hænger ikke sammen: Dags dato /gu, 'hænger ikke sammen: referenceDate '],
  [
    /hænger ikke sammen: Svaret »sidst i graviditeten« kan ikke gælde et barn, der er født \(barnets alder er oplyst\); ret enten alderen, eller svar, at barnet ikke er født endnu/gu,
    'hænger ikke sammen: child.latePregnancy kan ikke gælde et barn, der er født (alderen er oplyst i måneder); angiv enten alderen eller, for et ufødt barn, null og sidst i graviditeten',
  ],
  [/Hvor gammelt er barnet \(i år og måneder\)\? Eller er det ikke født endnu\?/gu, 'Hvor gammelt er barnet (i hele måneder)? Er det ikke født, så angiv null.'],
  // One quotation style (»…«) and a native reviewer's Danish.
  [/»([^«»]+)« (er sat til|har ingen værdi)/gu, '«$1» $2'],
  [/siger »([^«»]+)«\./gu, 'siger «$1».'],
  [/alvorligt omsorgssvigt/gu, 'alvorlig omsorgssvigt'],
  [/af en sådan karakter, at barnet/gu, 'af en karakter, så barnet'],
  [/Afkrydsede risikofaktorer fra modellens lister: (\d+)\./gu, 'Der er $1 risikofaktor(er) fra modellens lister.'],
  [/Oplever barnet som en belastning ud over det forventelige/gu, 'Barnet er en belastning ud over det forventelige'],
  [/Bliver let irriteret på barnet/gu, 'Bliver let irritabel på barnet'],
  [/Er moderen sidst i graviditeten/gu, 'Er moren sidst i graviditeten'],
];

const recordedWording = (text: string): string => REWORDED.reduce((t, [now, then]) => t.replace(now, then as string), text);

export function digests(decisions: readonly Decision[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < decisions.length; i += LEGACY.chunk) {
    const hash = createHash('sha256');
    for (const d of decisions.slice(i, i + LEGACY.chunk)) hash.update(`${recordedWording(canonical(asLegacy(d)))}\n`);
    out.push(hash.digest('hex').slice(0, 32));
  }
  return out;
}
