import type { Decision } from '../../rules/decision-types.js';
import type { ChannelChoice } from '../../cards/context.js';
import type { Facts } from '../../rules/facts.js';

/**
 * Realistic inputs for card tests: one decision per outcome shaped as the rules produce them (each
 * text in Danish with its English, as the rules write them),
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
    { kind: 'follow-up', due: '2026-05-01', passage: 'pps.omfang.2', text: 'Første opfølgning efter Barnets lov § 95: senest 3 måneder efter start.', en: "First follow-up under Barnets lov § 95: at the latest 3 months after the start." },
    { kind: 'regrant', due: '2026-05-01', passage: 'pps.omfang.2', text: 'Ny bevilling: har indsatsen tilstrækkelig effekt til at sikre barnets trivsel?', en: "New grant: does the support have enough effect to secure the child's wellbeing?" },
    { kind: 'investigation-deadline', due: '2026-05-15', passage: 'pps.saerlige.foreloebig', text: 'Den børnefaglige undersøgelse skal være afsluttet (Barnets lov § 20).', en: "The børnefaglig undersøgelse must be completed (Barnets lov § 20)." },
  ],
  reasons: [
    { text: 'Der er udpræget bekymring for barnets trivsel og udvikling.', en: "There is pronounced concern for the child's wellbeing and development.", passage: 'pps.maalgruppe.2' },
    { text: 'Der er behov for en intensiv indsats, og det skal afprøves, om forældrene kan udvikle sig.', en: "An intensive measure is needed, and it is to be tried whether the parents can develop.", passage: 'pps.kriterier.2' },
    { text: 'Undersøgelsen er i gang, og der foreligger en foreløbig handleplan.', en: "The undersøgelse is under way, and a foreløbig handleplan is in place.", passage: 'pps.saerlige.foreloebig' },
  ],
  whyNot: {
    preventive: [{ text: 'Bekymringen kalder på særlig støtte; den forebyggende model er kun for risiko eller begyndende bekymring.', en: "The concern calls for special support; the preventive model is only for a risk or a beginning concern.", passage: 'hpi.3.maalgruppe.ikke-saerlig-stoette' }],
    level1: [{ text: 'Niveau 1 er for bekymring, ikke udpræget bekymring.', en: "Level 1 is for concern, not pronounced concern.", passage: 'pps.maalgruppe.1' }],
    level3: [{ text: 'Forældrenes kapacitet skal stadig afprøves; så passer niveau 2, ikke niveau 3.', en: "The parents' capacity is still to be tried; then level 2 fits, not level 3.", passage: 'pps.kriterier.3' }],
  },
  warnings: [{ text: 'Forældrene får støtte fra Visitation Social: sørg for samarbejdet.', en: "The parents receive support from Visitation Social: see to the cooperation.", passage: 'pps.saerlige.visitation-social' }],
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
    { kind: 'step-down', due: '2026-05-01', passage: 'pps.omfang.1b', text: 'Ned fra op til 2 besøg om ugen til 1 (senest efter 6 måneder).', en: "Down from up to 2 visits a week to 1 (after 6 months at the latest)." },
    { kind: 'grant-end', due: '2026-11-01', passage: 'pps.omfang.1', text: 'Bevillingen udløber: forlæng ved ny vurdering og bevilling, eller afslut.', en: "The grant runs out: extend it by a new assessment and grant, or close." },
  ],
  reasons: [{ text: 'Der er bekymring, forældrene har brug for støtte og vil ikke kunne profitere af familiebehandling.', en: "There is concern, the parents need support and would not benefit from family treatment.", passage: 'pps.maalgruppe.1' }],
  legalBasis: [{ seed: 'SEL § 52, stk. 3, nr. 2', current: 'Barnets lov § 32, stk. 1, nr. 2', source: 'retsinformation.dk' }],
};

export const preventiveDecision: Decision = {
  ...base,
  outcome: 'preventive',
  scope: { maxWeeks: 40 },
  reviews: [{ kind: 'course-end', due: '2026-11-08', passage: 'hpi.4.varighed', text: 'Forløbet slutter senest 40 uger efter start; planlæg overgangen til dagtilbud.', en: "The course ends at the latest 40 weeks after the start; plan the move to day care." }],
  reasons: [{ text: 'Barnet er 8 måneder (0-24 måneder).', en: "The child is 8 months old (0-24 months).", passage: 'hpi.3.maalgruppe.alder' }],
  legalBasis: [{ seed: 'SEL § 11, stk. 3', current: 'Barnets lov § 30', source: 'retsinformation.dk' }],
};

export const escalateDecision: Decision = {
  ...base,
  outcome: 'escalate',
  reasons: [{ text: 'Du har svaret, at barnet kan være i fare (vold, overgreb eller alvorligt omsorgssvigt).', en: "You answered that the child may be in danger (violence, abuse or serious neglect).", passage: 'hpi.6.underretning' }],
  whyNot: { level2: [{ text: 'Sikkerhed først: en underretning går forud for valg af indsats.', en: "Safety first: an underretning comes before the choice of a measure.", passage: 'hpi.6.underretning' }] },
  legalBasis: [{ seed: '(underretning)', current: 'Barnets lov § 133 og § 136', source: 'retsinformation.dk' }],
};

export const needsInfoDecision: Decision = {
  ...base,
  outcome: 'needs-information',
  missing: ['child.ageMonths', 'safetyConcern', 'riskFactors'],
  reasons: [{ text: 'Uden barnets alder kan målgruppen ikke afgøres.', en: "Without the child's age, the target group cannot be settled.", passage: 'hpi.3.maalgruppe.alder' }],
};

export const noneDecision: Decision = {
  ...base,
  outcome: 'none',
  whyNot: {
    preventive: [{ text: 'Barnet er ældre end 24 måneder.', en: "The child is older than 24 months.", passage: 'hpi.3.maalgruppe.alder' }],
    level1: [{ text: 'Forældrene vil kunne profitere af familiebehandling.', en: "The parents would benefit from family treatment.", passage: 'pps.maalgruppe.1' }],
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
