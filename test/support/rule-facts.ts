import type { Facts } from '../../rules/facts.js';

/** Two families as the rules take them in, complete enough to decide: a preventive course and level 2. No bot or card code, so the rules' own tests can use them. */

export const PREVENTIVE_FACTS: Facts = {
  referenceDate: '2026-01-05',
  startDate: '2026-01-05',
  safetyConcern: false,
  child: { ageMonths: 10 },
  concern: 'beginning',
  complexity: 'low',
  problemDelimited: true,
  familyResourcesCarry: true,
  riskFactors: ['parent-3', 'child-2'],
  riskToDevelopment: true,
};

export const LEVEL2_FACTS: Facts = {
  referenceDate: '2026-01-15',
  startDate: '2026-01-15',
  safetyConcern: false,
  child: { ageMonths: 96 },
  concern: 'pronounced',
  intensiveNeeded: true,
  parentalCapacityUnclear: true,
  investigation: 'completed',
  receivesVisitationSocial: false,
};
