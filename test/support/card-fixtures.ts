import type { Decision } from '../../rules/decision-types.js';
import type { ChannelChoice } from '../../cards/context.js';
import type { Facts } from '../../rules/facts.js';

/**
 * Realistic inputs for card tests: one decision per outcome shaped as the rules produce them,
 * citing passages that exist in the catalogue, and the team channels a bot would offer.
 */

export const channels: ChannelChoice[] = [
  { id: '19:familie-vest@thread.tacv2', name: 'Familieafdelingen Vest' },
  { id: '19:familie-oest@thread.tacv2', name: 'Familieafdelingen Øst' },
];

const base: Omit<Decision, 'outcome'> = {
  variant: null,
  missing: [],
  scope: {},
  reviews: [],
  reasons: [],
  whyNot: {},
  warnings: [],
  legalBasis: [],
  trace: [],
  referenceDate: '2026-01-15',
  startDate: '2026-02-01',
  parameterSet: 'seed-2026',
};

export const level2Decision: Decision = {
  ...base,
  outcome: 'level2',
  scope: { visitsPerWeek: { min: 2, max: 3 }, grantMonths: 3 },
  reviews: [
    { kind: 'follow-up', due: '2026-05-01', passage: 'pps.omfang.2', text: 'Første opfølgning efter Barnets lov § 95: senest 3 måneder efter start.' },
    { kind: 'regrant', due: '2026-05-01', passage: 'pps.omfang.2', text: 'Ny bevilling: har indsatsen tilstrækkelig effekt til at sikre barnets trivsel?' },
    { kind: 'investigation-deadline', due: '2026-05-15', passage: 'pps.saerlige.foreloebig', text: 'Den børnefaglige undersøgelse skal være afsluttet (Barnets lov § 20).' },
  ],
  reasons: [
    { text: 'Der er udpræget bekymring for barnets trivsel og udvikling.', passage: 'pps.maalgruppe.2' },
    { text: 'Der er behov for en intensiv indsats, og det skal afprøves, om forældrene kan udvikle sig.', passage: 'pps.kriterier.2' },
    { text: 'Undersøgelsen er i gang, og der foreligger en foreløbig handleplan.', passage: 'pps.saerlige.foreloebig' },
  ],
  whyNot: {
    preventive: [{ text: 'Bekymringen kalder på særlig støtte; den forebyggende model er kun for risiko eller begyndende bekymring.', passage: 'hpi.3.maalgruppe.ikke-saerlig-stoette' }],
    level1: [{ text: 'Niveau 1 er for bekymring, ikke udpræget bekymring.', passage: 'pps.maalgruppe.1' }],
    level3: [{ text: 'Forældrenes kapacitet skal stadig afprøves; så passer niveau 2, ikke niveau 3.', passage: 'pps.kriterier.3' }],
  },
  warnings: [{ text: 'Forældrene får støtte fra Visitation Social: sørg for samarbejdet.', passage: 'pps.saerlige.visitation-social' }],
  legalBasis: [
    { seed: 'SEL § 52, stk. 3, nr. 2', current: 'Barnets lov § 32, stk. 1, nr. 2', source: 'retsinformation.dk, LBK om Barnets lov 2025' },
    { seed: 'SEL § 50 (børnefaglig undersøgelse)', current: 'Barnets lov § 20', source: 'retsinformation.dk, LBK om Barnets lov 2025' },
  ],
};

export const level1Decision: Decision = {
  ...base,
  outcome: 'level1',
  variant: '1B',
  scope: { visitsPerWeek: { min: 1, max: 1 }, grantMonths: 9, initialPhase: { visitsPerWeek: { min: 2, max: 2 }, monthsMin: 3, monthsMax: 6 } },
  reviews: [
    { kind: 'step-down', due: '2026-05-01', passage: 'pps.omfang.1b', text: 'Ned fra op til 2 besøg om ugen til 1 (senest efter 6 måneder).' },
    { kind: 'grant-end', due: '2026-11-01', passage: 'pps.omfang.1', text: 'Bevillingen udløber: forlæng ved ny vurdering og bevilling, eller afslut.' },
  ],
  reasons: [{ text: 'Der er bekymring, forældrene har brug for støtte og vil ikke kunne profitere af familiebehandling.', passage: 'pps.maalgruppe.1' }],
  legalBasis: [{ seed: 'SEL § 52, stk. 3, nr. 2', current: 'Barnets lov § 32, stk. 1, nr. 2', source: 'retsinformation.dk' }],
};

export const preventiveDecision: Decision = {
  ...base,
  outcome: 'preventive',
  scope: { maxWeeks: 40 },
  reviews: [{ kind: 'course-end', due: '2026-11-08', passage: 'hpi.4.varighed', text: 'Forløbet slutter senest 40 uger efter start; planlæg overgangen til dagtilbud.' }],
  reasons: [{ text: 'Barnet er 8 måneder (0-24 måneder).', passage: 'hpi.3.maalgruppe.alder' }],
  legalBasis: [{ seed: 'SEL § 11, stk. 3', current: 'Barnets lov § 30', source: 'retsinformation.dk' }],
};

export const escalateDecision: Decision = {
  ...base,
  outcome: 'escalate',
  reasons: [{ text: 'Du har svaret, at barnet kan være i fare (vold, overgreb eller alvorlig omsorgssvigt).', passage: 'hpi.6.underretning' }],
  whyNot: { level2: [{ text: 'Sikkerhed først: en underretning går forud for valg af indsats.', passage: 'hpi.6.underretning' }] },
  legalBasis: [{ seed: '(underretning)', current: 'Barnets lov § 133 og § 136', source: 'retsinformation.dk' }],
};

export const needsInfoDecision: Decision = {
  ...base,
  outcome: 'needs-information',
  missing: ['child.ageMonths', 'safetyConcern', 'riskFactors'],
  reasons: [{ text: 'Uden barnets alder kan målgruppen ikke afgøres.', passage: 'hpi.3.maalgruppe.alder' }],
};

export const noneDecision: Decision = {
  ...base,
  outcome: 'none',
  whyNot: {
    preventive: [{ text: 'Barnet er ældre end 24 måneder.', passage: 'hpi.3.maalgruppe.alder' }],
    level1: [{ text: 'Forældrene vil kunne profitere af familiebehandling.', passage: 'pps.maalgruppe.1' }],
  },
};

/** Answers that the real rules decide as level 2, started alongside the assessment. */
export const level2Facts: Facts = {
  referenceDate: '2026-01-15',
  startDate: '2026-02-01',
  child: { ageMonths: 40 },
  concern: 'pronounced',
  safetyConcern: false,
  complexity: 'high',
  problemDelimited: false,
  familyResourcesCarry: false,
  riskFactors: [],
  riskToDevelopment: false,
  investigation: 'underway',
  preliminaryPlan: true,
  parentsNeedSupport: true,
  benefitsFromFamilyTreatment: false,
  solvableInLimitedPeriod: false,
  intensiveNeeded: true,
  parentalCapacityUnclear: true,
  emotionalCareAdequate: true,
  practicalCareSeriousDeficits: false,
  parentsSeeNeed: true,
  extraVisitsNeeded: false,
  receivesVisitationSocial: true,
};
