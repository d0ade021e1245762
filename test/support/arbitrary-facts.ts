import fc from 'fast-check';
import { CONCERN_LEVELS, INVESTIGATION_STATES, RISK_FACTOR_IDS, type Facts } from '../../rules/facts.js';

const DAY = 86_400_000;
const FROM = Date.UTC(2020, 0, 1);

/** Real calendar dates 2020-2031, month ends and leap days included. */
export const isoDate = fc.integer({ min: 0, max: 12 * 366 }).map((d) => new Date(FROM + d * DAY).toISOString().slice(0, 10));

/** Ages near every limit the standards set, and anywhere else up to 20 years. */
const ageMonths = fc.oneof(
  fc.constantFrom(0, 24, 25, 143, 144, 155, 156, 215, 216),
  fc.integer({ min: 0, max: 240 }),
  fc.constant(null),
);

/**
 * Valid facts as parseFacts would return them: every field may be absent (unknown), so the
 * generator reaches the needs-information paths as often as the decided ones.
 */
export const arbitraryFacts: fc.Arbitrary<Facts> = fc.record(
  {
    referenceDate: isoDate,
    startDate: isoDate,
    child: fc.record({ ageMonths, latePregnancy: fc.boolean() }, { requiredKeys: [] }),
    concern: fc.constantFrom(...CONCERN_LEVELS),
    safetyConcern: fc.boolean(),
    complexity: fc.constantFrom('low' as const, 'high' as const),
    problemDelimited: fc.boolean(),
    familyResourcesCarry: fc.boolean(),
    riskFactors: fc.uniqueArray(fc.constantFrom(...RISK_FACTOR_IDS), { maxLength: 4 }),
    riskToDevelopment: fc.boolean(),
    investigation: fc.constantFrom(...INVESTIGATION_STATES),
    preliminaryPlan: fc.boolean(),
    parentsNeedSupport: fc.boolean(),
    benefitsFromFamilyTreatment: fc.boolean(),
    solvableInLimitedPeriod: fc.boolean(),
    intensiveNeeded: fc.boolean(),
    parentalCapacityUnclear: fc.boolean(),
    emotionalCareAdequate: fc.boolean(),
    practicalCareSeriousDeficits: fc.boolean(),
    parentsSeeNeed: fc.boolean(),
    extraVisitsNeeded: fc.boolean(),
    receivesVisitationSocial: fc.boolean(),
    olderChildReason: fc.constantFrom('Den unge er udviklingsmæssigt langt bagud og bor hjemme.', 'Søskende under 13 år i samme hjem.'),
  },
  { requiredKeys: ['referenceDate'] },
);

/** Facts with (nearly) every question answered, so the measures' own criteria decide more often. */
export const arbitraryAnsweredFacts: fc.Arbitrary<Facts> = arbitraryFacts.chain((partial) =>
  fc
    .record({
      safetyConcern: fc.constant(false),
      concern: fc.constantFrom(...CONCERN_LEVELS),
      child: fc.record({ ageMonths, latePregnancy: fc.boolean() }),
      complexity: fc.constantFrom('low' as const, 'high' as const),
      problemDelimited: fc.boolean(),
      familyResourcesCarry: fc.boolean(),
      riskFactors: fc.uniqueArray(fc.constantFrom(...RISK_FACTOR_IDS), { maxLength: 3 }),
      riskToDevelopment: fc.boolean(),
      investigation: fc.constantFrom(...INVESTIGATION_STATES),
      preliminaryPlan: fc.boolean(),
      parentsNeedSupport: fc.boolean(),
      benefitsFromFamilyTreatment: fc.boolean(),
      solvableInLimitedPeriod: fc.boolean(),
      intensiveNeeded: fc.boolean(),
      parentalCapacityUnclear: fc.boolean(),
      emotionalCareAdequate: fc.boolean(),
      practicalCareSeriousDeficits: fc.boolean(),
      parentsSeeNeed: fc.boolean(),
      extraVisitsNeeded: fc.boolean(),
    })
    .map((answers) => ({ ...answers, referenceDate: partial.referenceDate, startDate: partial.startDate, olderChildReason: partial.olderChildReason }) as Facts),
);
