import type { Decision } from '../../rules/decision-types.js';
import type { Facts } from '../../rules/facts.js';
import type { NewCase } from '../../bot/storage/cases.js';
import type { TenantScope } from '../../bot/storage/scope.js';

/** Test data for storage callers: shaped like the real thing, with no real person in it. */

export function scopeFor(tenantId: string, actorId = 'aad-caseworker-1', origin = 'chat'): TenantScope {
  return { tenantId, actorId, origin };
}

export function sampleFacts(overrides: Partial<Facts> = {}): Facts {
  return {
    referenceDate: '2025-03-01',
    startDate: '2025-03-10',
    child: { ageMonths: 60 },
    concern: 'concern',
    parentsNeedSupport: true,
    benefitsFromFamilyTreatment: false,
    solvableInLimitedPeriod: true,
    ...overrides,
  };
}

export function sampleDecision(overrides: Partial<Decision> = {}): Decision {
  return {
    outcome: 'level1',
    variant: '1A',
    missing: [],
    scope: { visitsPerWeek: { min: 1, max: 1 }, grantMonths: 9, extraMonths: 3 },
    reviews: [{ kind: 'grant-end', due: '2025-12-10', passage: 'pps.niveau1.bevilling', text: 'Bevillingen udløber: revisiter eller luk.' }],
    reasons: [{ text: 'Bekymring for trivsel og udvikling.', passage: 'pps.niveau1.maalgruppe' }],
    whyNot: { level2: [{ text: 'Ikke udpræget bekymring.', passage: 'pps.niveau2.maalgruppe' }] },
    warnings: [],
    legalBasis: [{ seed: 'SEL § 52, stk. 3, nr. 2', current: 'Barnets lov § 32, stk. 1, nr. 2', source: 'lovguiden.dk' }],
    trace: [{ rule: 'level1.concern', result: 'pass', facts: { concern: 'concern' }, passage: 'pps.niveau1.maalgruppe' }],
    referenceDate: '2025-03-01',
    startDate: '2025-03-10',
    parameterSet: 'default',
    ...overrides,
  };
}

let n = 0;

/** A valid new case whose recommendation the caseworker accepted; each call gets a new reference. */
export function sampleCase(overrides: Partial<NewCase> = {}): NewCase {
  n += 1;
  return {
    reference: `SAG-2025-${String(n).padStart(4, '0')}`,
    childPseudonym: 'AH',
    teamId: 'team-familie',
    channel: '19:familie@thread.tacv2',
    caseworkerName: 'Sagsbehandler Et',
    facts: sampleFacts(),
    decision: { recommended: sampleDecision(), chosenOutcome: 'level1', chosenVariant: '1A' },
    ...overrides,
  };
}
