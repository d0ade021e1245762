/**
 * What each fact a decision can ask for is called for a caseworker: the "why not" of a decision that
 * needs information names the open questions in these words, never by field name.
 */
export const FACT_LABELS: Readonly<Record<string, string>> = {
  safetyConcern: 'om barnets sikkerhed kan være i fare',
  'child.ageMonths': 'barnets alder',
  'child.latePregnancy': 'om graviditeten er i de sidste måneder',
  concern: 'graden af bekymring',
  complexity: 'hvor kompleks familiens situation er',
  problemDelimited: 'om problemet er afgrænset',
  familyResourcesCarry: 'om familiens ressourcer kan bære forløbet',
  riskFactors: 'risikofaktorerne',
  riskToDevelopment: 'om risikofaktorerne truer barnets udvikling',
  investigation: 'den børnefaglige undersøgelse',
  preliminaryPlan: 'om der er en foreløbig plan',
  parentsNeedSupport: 'om forældrene har brug for støtte',
  benefitsFromFamilyTreatment: 'om familien vil have gavn af familiebehandling',
  solvableInLimitedPeriod: 'om problemet kan løses inden for en afgrænset periode',
  intensiveNeeded: 'om der er brug for en intensiv indsats',
  parentalCapacityUnclear: 'om forældrekompetencen er uafklaret',
  emotionalCareAdequate: 'om den følelsesmæssige omsorg er tilstrækkelig',
  practicalCareSeriousDeficits: 'om der er alvorlige mangler i den praktiske omsorg',
  parentsSeeNeed: 'om forældrene selv ser behovet',
  extraVisitsNeeded: 'om der er brug for ekstra besøg',
  olderChildReason: 'begrundelsen for en indsats til et ældre barn',
  // Set by the bot and the case form rather than asked; named should a card ever have to.
  referenceDate: 'dags dato',
  startDate: 'startdatoen',
};

/** The Danish words for a fact; an unknown name is shown as it is rather than dropped. */
export function factLabel(fact: string): string {
  return FACT_LABELS[fact] ?? fact;
}
