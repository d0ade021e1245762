import { decide } from '../../rules/decide.js';
import type { Facts } from '../../rules/facts.js';
import type { NewCase } from '../../bot/storage/cases.js';

/** Cases whose decision comes from the real rules, so plans and reviews meet real due dates. */

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

let n = 0;

export function caseFromRules(facts: Facts, overrides: Partial<NewCase> = {}): NewCase {
  const recommended = decide(facts);
  if (recommended.outcome === 'needs-information') throw new Error(`fixture facts are incomplete: ${recommended.missing.join(', ')}`);
  n += 1;
  return {
    reference: `PLAN-2026-${String(n).padStart(4, '0')}-${process.pid}`,
    childPseudonym: 'KB',
    teamId: 'team-familie',
    channel: null,
    caseworkerName: 'Sagsbehandler To',
    facts,
    decision: { recommended, chosenOutcome: recommended.outcome, chosenVariant: recommended.variant },
    ...overrides,
  };
}

/** What Teams sends when the plan card is filled in: flat strings, multi-selects joined by commas. */
export function planCardSubmission(caseId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    verb: 'plan.save',
    caseId,
    baseVersion: '0',
    goalIds: ',,,,',
    purpose: 'Forældrene får faste rammer om hverdagen og læser barnets signaler.',
    durationValue: '40',
    durationUnit: 'weeks',
    goal1Text: 'Faste sovetider, der holder',
    goal1Sign: 'Barnet sover til kl. 6 fem nætter om ugen',
    goal1Agreed: 'true',
    goal2Text: 'Mere leg på gulvet',
    goal2Sign: 'Forældrene leger med barnet hver dag',
    goal2Agreed: 'false',
    focusPoints: 'interaction,learning-environment',
    tasks_relations: 'relations-4',
    tasks_wellbeing: 'wellbeing-4,wellbeing-5',
    tasks_daycare: '',
    referralSource: 'health-visitor',
    daycareDate: '2026-08-01',
    daycareKind: 'nursery',
    visitationSocial: 'true',
    contactRole: 'housing-support',
    ...overrides,
  };
}
