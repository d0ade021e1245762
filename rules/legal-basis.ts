import type { LegalBasis, Outcome } from './decision-types.js';

/**
 * The seeds cite Serviceloven; since 1 January 2024 the child provisions are in Barnets lov.
 * Mapping as given in the project's domain description (read there from lovguiden.dk and
 * sm.dk for the 2025 consolidation); not checked against retsinformation.dk here, and marked so.
 */
const SOURCE = 'Domænebeskrivelsen (lovguiden.dk, sm.dk; lovbekendtgørelse 2025) — ikke verificeret mod retsinformation.dk';

const SPECIAL_SUPPORT: LegalBasis = { seed: 'SEL § 52, stk. 3, nr. 2', current: 'Barnets lov § 32, stk. 1, nr. 2', source: SOURCE };
const FOLLOW_UP: LegalBasis = { seed: '(ikke nævnt i servicestandarden)', current: 'Barnets lov § 95', source: SOURCE };
const INVESTIGATION: LegalBasis = { seed: 'SEL § 50 (børnefaglig undersøgelse)', current: 'Barnets lov § 20', source: SOURCE };
const PLAN: LegalBasis = { seed: 'Foreløbig handleplan', current: 'Barnets lov § 91 (barnets plan)', source: SOURCE };

const BY_OUTCOME: Record<Outcome, LegalBasis[]> = {
  escalate: [{ seed: '(underretning til familieafdelingen)', current: 'Barnets lov § 133 og § 136', source: SOURCE }],
  preventive: [
    { seed: 'SEL § 11, stk. 3', current: 'Barnets lov § 30', source: SOURCE },
    { seed: 'Dagtilbudsloven §§ 8-9', current: 'Dagtilbudsloven §§ 8-10', source: SOURCE },
    { seed: 'SEL kapitel 11 (særlig støtte, som ikke må være nødvendig)', current: 'Barnets lov kapitel 4', source: SOURCE },
  ],
  level1: [SPECIAL_SUPPORT, FOLLOW_UP],
  level2: [SPECIAL_SUPPORT, FOLLOW_UP],
  level3: [SPECIAL_SUPPORT, FOLLOW_UP],
  'needs-information': [],
  none: [],
};

export function legalBasisFor(outcome: Outcome, startedAlongsideInvestigation: boolean): LegalBasis[] {
  const basis = BY_OUTCOME[outcome];
  return startedAlongsideInvestigation ? [...basis, INVESTIGATION, PLAN] : basis;
}
