import type { LegalBasis, Outcome } from './decision-types.js';
import { legalReferenceById, type LegalReference } from './legal-references.js';

/** Which entries of the legal-reference table each outcome rests on (ids there). */
const BY_OUTCOME: Record<Outcome, readonly string[]> = {
  escalate: ['underretningspligt', 'underretning-24-timer'],
  preventive: ['tidligt-forebyggende', 'paedagogisk-laereplan', 'saerlig-stoette'],
  level1: ['praktisk-paedagogisk-stoette', 'opfoelgning'],
  level2: ['praktisk-paedagogisk-stoette', 'opfoelgning'],
  level3: ['praktisk-paedagogisk-stoette', 'opfoelgning'],
  'needs-information': [],
  none: [],
};

/** Level 2 started alongside the børnefaglig undersøgelse also rests on these. */
const ALONGSIDE_INVESTIGATION = ['boernefaglig-undersoegelse', 'barnets-plan'];

function toBasis(ref: LegalReference): LegalBasis {
  const read = ref.source.map((s) => `${s.title} (${s.url})`).join('; ');
  return { seed: ref.seed, current: ref.current, source: ref.verified ? read : `${read} — ikke verificeret${ref.note ? `: ${ref.note}` : ''}` };
}

/** By outcome, without and with the undersøgelse alongside. */
const BASES = [new Map<Outcome, readonly LegalBasis[]>(), new Map<Outcome, readonly LegalBasis[]>()] as const;

/**
 * The seed's reference beside the one in force now, with where the mapping was read. The words
 * are worked out once per outcome (the table is fixed); each decision gets its own objects.
 */
export function legalBasisFor(outcome: Outcome, startedAlongsideInvestigation: boolean): LegalBasis[] {
  const cache = BASES[startedAlongsideInvestigation ? 1 : 0];
  let bases = cache.get(outcome);
  if (!bases) {
    const ids = startedAlongsideInvestigation ? [...BY_OUTCOME[outcome], ...ALONGSIDE_INVESTIGATION] : BY_OUTCOME[outcome];
    bases = ids.flatMap((id) => {
      const ref = legalReferenceById(id);
      return ref ? [toBasis(ref)] : [];
    });
    cache.set(outcome, bases);
  }
  return bases.map((b) => ({ seed: b.seed, current: b.current, source: b.source }));
}
