import type { BooleanFact, Facts, RiskFactorGroup } from '../../rules/facts.js';
import type { Localized } from '../../cards/locale.js';
import { RISK_FACTOR_GROUP_INFO } from '../../rules/risk-factors.js';
import { infantChecklistsApply } from './age.js';
import { seedInterview } from './interview.js';

/**
 * The intake interview as data, in the order a caseworker thinks about a family:
 * the child, how worried we are (and whether the child is safe), the family's situation,
 * the model's risk factors, the statutory assessment, the parents' capacities, and the special cases.
 * Cards render these questions, submissions are parsed against them, and a needs-information
 * decision is answered by asking exactly the questions that fill its missing facts.
 */

export const STEP_IDS = ['child', 'concern', 'family', 'risk', 'investigation', 'parents', 'special'] as const;
export type StepId = (typeof STEP_IDS)[number];

/** The value a ChoiceSet sends for "Ved ikke": the fact stays absent, i.e. unknown, never false. */
export const UNKNOWN = 'unknown';

export interface ChoiceOption {
  value: string;
  title: Localized;
}

interface QuestionBase {
  /** The Input id on the card and the key in the submission. */
  id: string;
  label: Localized;
  help: Localized;
  /** Fact paths (as in a decision's `missing`) this question helps to fill. */
  asks: readonly string[];
  /** The card refuses to go on without an answer; "Ved ikke" counts as one. */
  required: boolean;
  /** Shown only when the answers so far make it relevant, by the municipality's figures. */
  when?: (answers: Partial<Facts>, figures?: IntakeFigures) => boolean;
}

/**
 * The municipality's figures the interview asks by (BoundRules): which questions apply, and the
 * ages their texts name. Label and help may hold "{olderChildYears}", replaced when shown.
 */
export interface IntakeFigures {
  /** Level 2 is as a starting point for children under this age, in months (pps.omfang.2.alder). */
  olderChildMonths: number;
  /** Level 1's visits a week, and 1B's at the start and for how many months (pps.omfang.1, pps.omfang.1b). */
  level1Visits: number;
  level1bVisits: number;
  level1bMonths: { min: number; max: number };
}

export type Question =
  | (QuestionBase & { kind: 'boolean'; fact: BooleanFact | 'child.latePregnancy' })
  | (QuestionBase & { kind: 'choice'; fact: 'concern' | 'complexity' | 'investigation' | 'childBorn' | 'riskFactorsReviewed'; options: readonly ChoiceOption[] })
  /** The age in two fields, whole years and the months beside them; together they make `child.ageMonths`. */
  | (QuestionBase & { kind: 'integer'; fact: 'child.ageYears' | 'child.ageMonths'; min: number; max: number; placeholder: Localized })
  | (QuestionBase & { kind: 'date'; fact: 'startDate' })
  | (QuestionBase & { kind: 'text'; fact: 'olderChildReason'; maxLength: number; placeholder: Localized })
  | (QuestionBase & { kind: 'riskFactors'; group: RiskFactorGroup });

export interface IntakeStep {
  id: StepId;
  title: Localized;
  intro: Localized;
  questions: readonly Question[];
}

const unknownOption: ChoiceOption = { value: UNKNOWN, title: { da: 'Ved ikke', en: "Don't know" } };


/** Titles of the model's three checklists, as the risk-factor catalogue words them. */
export const DEFAULT_GROUP_TITLES: Record<RiskFactorGroup, Localized> = {
  expecting: { da: RISK_FACTOR_GROUP_INFO.expecting.title, en: RISK_FACTOR_GROUP_INFO.expecting.titleEn },
  parent: { da: RISK_FACTOR_GROUP_INFO.parent.title, en: RISK_FACTOR_GROUP_INFO.parent.titleEn },
  child: { da: RISK_FACTOR_GROUP_INFO.child.title, en: RISK_FACTOR_GROUP_INFO.child.titleEn },
};

const GROUP_HELP: Record<RiskFactorGroup, Localized> = {
  expecting: { da: 'Forældre, der venter barnet.', en: 'Parents expecting the child.' },
  parent: { da: 'Forældre, der fx i en periode er udfordrede i forældrerollen.', en: 'Parents who, for instance, struggle in the parent role for a while.' },
  child: {
    da: 'Barnets trivsel kan være påvirket med risiko for, at det udvikler sig negativt uden en forebyggende indsats.',
    en: "The child's wellbeing may be affected, with a risk of negative development without preventive work.",
  },
};

function yesNo(fact: BooleanFact | 'child.latePregnancy', label: Localized, help: Localized, extra: Partial<QuestionBase> = {}): Question {
  return { kind: 'boolean', id: fact, fact, label, help, asks: [fact], required: true, ...extra };
}

const childStep: IntakeStep = {
  id: 'child',
  title: { da: 'Barnet', en: 'The child' },
  intro: {
    da: 'Hvem drejer det sig om? Angiv kun alder – aldrig navn eller CPR-nummer.',
    en: 'Who is this about? Give the age only – never a name or CPR number.',
  },
  questions: [
    {
      kind: 'choice',
      id: 'childBorn',
      fact: 'childBorn',
      label: { da: 'Er barnet født?', en: 'Is the child born?' },
      help: {
        da: 'Den forebyggende indsats kan starte sidst i graviditeten eller fra fødslen.',
        en: 'The preventive course may start late in pregnancy or from birth.',
      },
      options: [
        { value: 'born', title: { da: 'Ja', en: 'Yes' } },
        { value: 'unborn', title: { da: 'Nej, ikke endnu', en: 'No, not yet' } },
        unknownOption,
      ],
      asks: ['child', 'child.ageMonths', 'child.latePregnancy'],
      required: true,
    },
    {
      kind: 'integer',
      id: 'childAgeYears',
      fact: 'child.ageYears',
      label: { da: 'Barnets alder – hele år', en: "The child's age – whole years" },
      help: {
        da: 'Fx 2 år og 6 måneder: skriv 2 her og 6 i feltet for måneder. Udfyldes, når barnet er født.',
        en: 'E.g. 2 years and 6 months: enter 2 here and 6 in the months field. Fill in when the child is born.',
      },
      placeholder: { da: 'Antal år', en: 'Number of years' },
      min: 0,
      max: 30,
      asks: ['child', 'child.ageMonths'],
      required: false,
    },
    {
      kind: 'integer',
      id: 'childAgeMonths',
      fact: 'child.ageMonths',
      label: { da: 'Barnets alder – måneder ud over de hele år', en: "The child's age – months beyond the whole years" },
      help: {
        da: 'Månederne ud over de hele år (0–11). Et barn under 1 år: skriv kun måneder, fx 8.',
        en: 'The months beyond the whole years (0–11). A child under 1: enter months only, e.g. 8.',
      },
      placeholder: { da: 'Antal måneder', en: 'Number of months' },
      min: 0,
      max: 12 * 30,
      asks: ['child', 'child.ageMonths'],
      required: false,
    },
    yesNo(
      'child.latePregnancy',
      { da: 'Hvis barnet ikke er født: Er moderen sidst i graviditeten?', en: 'If the child is not born: is the mother late in pregnancy?' },
      {
        da: 'Besvares kun for et barn, der ikke er født endnu.',
        en: 'Answer only for a child not yet born.',
      },
      { id: 'childLatePregnancy', asks: ['child', 'child.latePregnancy'], required: false },
    ),
  ],
};

const concernStep: IntakeStep = {
  id: 'concern',
  title: { da: 'Bekymring og sikkerhed', en: 'Concern and safety' },
  intro: {
    da: 'Hvor bekymret er I for barnet – og er barnet i sikkerhed?',
    en: 'How worried are you about the child – and is the child safe?',
  },
  questions: [
    {
      kind: 'choice',
      id: 'concern',
      fact: 'concern',
      label: { da: 'Hvor stor er bekymringen for barnet?', en: 'How great is the concern for the child?' },
      help: {
        da: 'Risiko og begyndende bekymring hører til den forebyggende model; bekymring og udpræget bekymring til særlig støtte.',
        en: 'Risk and beginning concern belong to the preventive model; concern and pronounced concern to special support.',
      },
      options: [
        { value: 'none', title: { da: 'Ingen bekymring', en: 'No concern' } },
        { value: 'risk', title: { da: 'Risiko: familiens trivsel kan på sigt skade barnet', en: "Risk: the family's wellbeing may in time harm the child" } },
        { value: 'beginning', title: { da: 'Begyndende bekymring for barnets trivsel', en: "Beginning concern for the child's wellbeing" } },
        { value: 'concern', title: { da: 'Bekymring for barnets trivsel og udvikling', en: "Concern for the child's wellbeing and development" } },
        { value: 'pronounced', title: { da: 'Udpræget bekymring for barnets trivsel og udvikling', en: "Pronounced concern for the child's wellbeing and development" } },
        unknownOption,
      ],
      asks: ['concern'],
      required: true,
    },
    yesNo(
      'safetyConcern',
      { da: 'Kan barnet være i fare – vold, overgreb eller alvorligt omsorgssvigt?', en: 'May the child be in danger – violence, abuse or serious neglect?' },
      {
        da: 'Svarer du ja, viser jeg straks, hvordan du underretter. Svar også ja, hvis du selv vurderer, at barnet kan være i fare.',
        en: 'If you answer yes, I show at once how to report. Also answer yes if you judge that the child may be in danger.',
      },
    ),
  ],
};

const familyStep: IntakeStep = {
  id: 'family',
  title: { da: 'Familiens situation', en: "The family's situation" },
  intro: {
    // In no standard's name for the measure: every municipality's interview asks these.
    da: 'Bruges til at vurdere, om en forebyggende indsats kan passe.',
    en: 'Used to judge whether a preventive course may fit.',
  },
  questions: [
    {
      kind: 'choice',
      id: 'complexity',
      fact: 'complexity',
      label: { da: 'Hvor kompleks er familiens problemstilling?', en: "How complex is the family's problem?" },
      help: {
        da: 'Den forebyggende indsats er for problemstillinger med en lav grad af kompleksitet.',
        en: 'The preventive course is for problems of low complexity.',
      },
      options: [
        { value: 'low', title: { da: 'Lav kompleksitet', en: 'Low complexity' } },
        { value: 'high', title: { da: 'Høj kompleksitet', en: 'High complexity' } },
        unknownOption,
      ],
      asks: ['complexity'],
      required: true,
    },
    yesNo(
      'problemDelimited',
      { da: 'Er problemet konkret og afgrænset i karakter og tyngde?', en: 'Is the problem concrete and delimited in kind and weight?' },
      { da: 'Fx en afgrænset periode efter en pludselig ændring i livssituationen.', en: 'E.g. a limited period after a sudden change in life.' },
    ),
    yesNo(
      'familyResourcesCarry',
      { da: 'Kan barnets eller familiens egne forudsætninger bære en forebyggende indsats?', en: "Can the child's or family's own resources carry a preventive course?" },
      {
        da: 'Fx en familie med et godt fundament, der i en periode er udfordret på at sætte ressourcerne i spil.',
        en: 'E.g. a family with a good foundation that for a while struggles to use its resources.',
      },
    ),
  ],
};

const riskStep: IntakeStep = {
  id: 'risk',
  title: { da: 'Risikofaktorer', en: 'Risk factors' },
  intro: {
    da: 'Modellens tjeklister over risikofaktorer. Sæt kryds ved det, der passer.',
    en: "The model's checklists of risk factors. Tick what applies.",
  },
  questions: [
    ...(['expecting', 'parent', 'child'] as const).map(
      (group): Question => ({
        kind: 'riskFactors',
        id: `riskFactors_${group}`,
        group,
        label: DEFAULT_GROUP_TITLES[group],
        help: GROUP_HELP[group],
        asks: ['riskFactors'],
        required: false,
        when: infantChecklistsApply,
      }),
    ),
    {
      kind: 'choice',
      id: 'riskFactorsReviewed',
      fact: 'riskFactorsReviewed',
      label: { da: 'Har du gennemgået tjeklisterne?', en: 'Have you gone through the checklists?' },
      help: {
        da: 'Ja betyder, at krydserne er dækkende – ingen kryds betyder ingen risikofaktorer.',
        en: 'Yes means the ticks are complete – no ticks means no risk factors.',
      },
      options: [
        { value: 'reviewed', title: { da: 'Ja, krydserne er dækkende', en: 'Yes, the ticks are complete' } },
        unknownOption,
      ],
      asks: ['riskFactors'],
      required: true,
      when: infantChecklistsApply,
    },
    yesNo(
      'riskToDevelopment',
      {
        da: 'Er risikofaktorerne af en sådan karakter og kombination, at barnet risikerer ikke at følge udviklingskurven?',
        en: 'Are the risk factors of such a kind and combination that the child risks not following the normal development curve?',
      },
      { da: 'Din faglige vurdering af de afkrydsede faktorer samlet.', en: 'Your professional judgement of the ticked factors together.' },
      { when: infantChecklistsApply },
    ),
  ],
};

const investigationStep: IntakeStep = {
  id: 'investigation',
  title: { da: 'Børnefaglig undersøgelse og handleplan', en: 'Child welfare assessment and plan' },
  intro: {
    da: 'Særlig støtte bygger på den børnefaglige undersøgelse (Barnets lov § 20).',
    en: 'Special support rests on the børnefaglig undersøgelse (Barnets lov § 20).',
  },
  questions: [
    {
      kind: 'choice',
      id: 'investigation',
      fact: 'investigation',
      label: { da: 'Er der lavet en børnefaglig undersøgelse?', en: 'Has a børnefaglig undersøgelse been made?' },
      help: {
        da: 'Niveau 2 kræver en afsluttet undersøgelse – eller i særlige tilfælde en igangværende og en foreløbig handleplan.',
        en: 'Level 2 needs a completed assessment – or in special cases one under way plus a foreløbig handleplan.',
      },
      options: [
        { value: 'none', title: { da: 'Nej', en: 'No' } },
        { value: 'underway', title: { da: 'Den er i gang', en: 'It is under way' } },
        { value: 'completed', title: { da: 'Ja, den er afsluttet', en: 'Yes, it is completed' } },
        unknownOption,
      ],
      asks: ['investigation'],
      required: true,
    },
    yesNo(
      'preliminaryPlan',
      { da: 'Foreligger der en foreløbig handleplan?', en: 'Is there a foreløbig handleplan (preliminary plan)?' },
      {
        da: 'Kræves, hvis intensiv støtte starter, mens undersøgelsen stadig laves.',
        en: 'Required if intensive support starts while the assessment is still being made.',
      },
    ),
  ],
};

const parentsStep: IntakeStep = {
  id: 'parents',
  title: { da: 'Forældrenes forudsætninger', en: "The parents' capacities" },
  intro: {
    da: 'Hvad kan forældrene selv, og hvad har de brug for?',
    en: 'What can the parents do themselves, and what do they need?',
  },
  questions: [
    yesNo(
      'parentsNeedSupport',
      { da: 'Har forældrene brug for støtte til at drage omsorg for barnets udvikling og familien?', en: "Do the parents need support to care for the child's development and the family?" },
      { da: 'Målgruppen for niveau 1.', en: 'The target group of level 1.' },
    ),
    yesNo(
      'benefitsFromFamilyTreatment',
      { da: 'Vil forældrene kunne profitere af familiebehandling?', en: 'Would the parents benefit from familiebehandling (family therapy)?' },
      { da: 'Kan de det, ligger niveau 1 uden for målgruppen.', en: 'If they would, level 1 is outside the target group.' },
    ),
    yesNo(
      'solvableInLimitedPeriod',
      { da: 'Kan problemerne løses inden for en afgrænset periode?', en: 'Can the problems be solved within a limited period?' },
      { da: 'Vurderet ud fra den børnefaglige undersøgelse.', en: 'Judged from the børnefaglig undersøgelse.' },
    ),
    yesNo(
      'intensiveNeeded',
      { da: 'Er der behov for en intensiv indsats, hvis udviklingen skal vendes?', en: 'Is an intensive effort needed to turn the development?' },
      { da: 'Kriterium for niveau 2.', en: 'Criterion for level 2.' },
    ),
    yesNo(
      'parentalCapacityUnclear',
      { da: 'Skal det afprøves, om forældrene kan udvikle sig med råd, vejledning og praktisk støtte?', en: 'Must it be tested whether the parents can develop with advice, guidance and practical support?' },
      { da: 'Skal det stadig afprøves, passer niveau 2 – ikke niveau 3.', en: 'If this is still to be tested, level 2 fits – not level 3.' },
    ),
    yesNo(
      'emotionalCareAdequate',
      { da: 'Er det afdækket, at forældrene kan yde følelsesmæssig omsorg?', en: 'Has it been established that the parents can give emotional care?' },
      { da: 'Kriterium for niveau 3.', en: 'Criterion for level 3.' },
    ),
    yesNo(
      'practicalCareSeriousDeficits',
      { da: 'Har forældrene alvorlige mangler i den praktiske omsorg?', en: 'Do the parents have serious deficits in practical care?' },
      { da: 'Kriterium for niveau 3.', en: 'Criterion for level 3.' },
    ),
    yesNo(
      'parentsSeeNeed',
      { da: 'Viser forældrene vilje og evne til at se behovet for støtte?', en: 'Do the parents show the will and ability to see the need for support?' },
      { da: 'Kriterium for niveau 3.', en: 'Criterion for level 3.' },
    ),
  ],
};

const specialStep: IntakeStep = {
  id: 'special',
  title: { da: 'Særlige forhold', en: 'Special circumstances' },
  intro: {
    da: 'Sidste trin: det, der ændrer omfang, samarbejde og datoer.',
    en: 'Last step: what changes scope, cooperation and dates.',
  },
  questions: [
    yesNo(
      'extraVisitsNeeded',
      { da: 'Er der i særlige tilfælde behov for op til {level1bVisits} besøg om ugen i starten?', en: 'In special cases, are up to {level1bVisits} visits a week needed at the start?' },
      {
        da: 'Variant 1B: op til {level1bVisits} ugentlige besøg de første {level1bMonths} måneder, derefter {level1Visits}.',
        en: 'Variant 1B: up to {level1bVisits} visits a week in the first {level1bMonths} months, then {level1Visits}.',
      },
    ),
    yesNo(
      'receivesVisitationSocial',
      { da: 'Får forældrene støtte fra Visitation Social?', en: 'Do the parents get support from Visitation Social (adult services)?' },
      { da: 'Så skal samarbejdet med Visitation Social have opmærksomhed.', en: 'Then the cooperation with Visitation Social needs attention.' },
    ),
    {
      kind: 'date',
      id: 'startDate',
      fact: 'startDate',
      label: { da: 'Hvornår starter indsatsen?', en: 'When does the support start?' },
      help: { da: 'Fristerne regnes fra denne dato. Tomt felt: dags dato.', en: "Due dates count from this date. Empty: today's date." },
      asks: ['startDate'],
      required: false,
    },
    {
      kind: 'text',
      id: 'olderChildReason',
      fact: 'olderChildReason',
      label: { da: 'Barnet er {olderChildYears} eller ældre. Hvis niveau 2 er relevant: hvorfor?', en: 'The child is {olderChildYears} or older. If level 2 is relevant: why?' },
      help: {
        da: 'Niveau 2 er som udgangspunkt til børn under {olderChildYears}; en undtagelse skal begrundes. Skriv ingen navne eller CPR-numre.',
        en: 'Level 2 is as a starting point for children under {olderChildYears}; an exception needs a reason. Write no names or CPR numbers.',
      },
      placeholder: { da: 'Begrundelse', en: 'Reason' },
      maxLength: 2000,
      asks: ['olderChildReason'],
      required: false,
      // Without the figures (counting the steps shown) it counts as asked: its step is shown anyway.
      when: (answers, figures) => typeof answers.child?.ageMonths === 'number' && (!figures || answers.child.ageMonths >= figures.olderChildMonths),
    },
  ],
};

/** Every question the product can ask, in its steps: a standard asks those it names (interview.ts). */
export const PRODUCT_STEPS: readonly IntakeStep[] = [childStep, concernStep, familyStep, riskStep, investigationStep, parentsStep, specialStep];

/**
 * One standard's interview: the product's steps with the questions that standard asks, worded as
 * it words them and in its order within each step (built by `interviewFor` in interview.ts).
 */
export interface Interview {
  steps: readonly IntakeStep[];
}

/** The same catalogue under its older name (the product's full layout, not one standard's interview). */
export const INTAKE_STEPS: readonly IntakeStep[] = PRODUCT_STEPS;

function ids(interview: Interview): StepId[] {
  return interview.steps.map((s) => s.id);
}

export function getStep(id: StepId, interview: Interview = seedInterview()): IntakeStep {
  const step = interview.steps.find((s) => s.id === id) ?? PRODUCT_STEPS.find((s) => s.id === id);
  if (!step) throw new Error(`unknown intake step ${id}`);
  return step;
}

/**
 * The steps of this interview with a question to ask, given the answers so far (an older child has
 * no checklists, a standard without a step's questions has no such step). The first step is always
 * shown: it holds the child's age, which decides the rest.
 */
export function stepsShown(interview: Interview = seedInterview(), answers: Partial<Facts> = {}): StepId[] {
  return interview.steps.filter((s, i) => i === 0 || s.questions.some((q) => !q.when || q.when(answers))).map((s) => s.id);
}

/** The interview's first step, where a new case starts. */
export function firstStepId(interview: Interview = seedInterview()): StepId {
  return interview.steps[0]?.id ?? 'child';
}

/** The interview's last step shown, where the result goes back to. */
export function lastStepId(interview: Interview = seedInterview(), answers: Partial<Facts> = {}): StepId {
  return stepsShown(interview, answers).at(-1) ?? 'special';
}

/** 1-based position among the steps shown, for "Trin 3 af 6". */
export function stepNumber(id: StepId, interview: Interview = seedInterview(), answers: Partial<Facts> = {}): number {
  return stepsShown(interview, answers).indexOf(id) + 1;
}

export function nextStepId(id: StepId, interview: Interview = seedInterview(), answers: Partial<Facts> = {}): StepId | undefined {
  const all = ids(interview);
  const shown = stepsShown(interview, answers);
  // A step this interview does not have (a draft from another standard) goes on at the first.
  if (!all.includes(id)) return shown[0];
  return all.slice(all.indexOf(id) + 1).find((s) => shown.includes(s));
}

export function previousStepId(id: StepId, interview: Interview = seedInterview(), answers: Partial<Facts> = {}): StepId | undefined {
  const all = ids(interview);
  const shown = stepsShown(interview, answers);
  return all.slice(0, Math.max(0, all.indexOf(id))).reverse().find((s) => shown.includes(s));
}

/** The questions of a step that apply given the answers so far, their texts naming the municipality's ages. */
export function visibleQuestions(step: IntakeStep, answers: Partial<Facts>, figures: IntakeFigures): Question[] {
  return step.questions.filter((q) => !q.when || q.when(answers, figures)).map((q) => withFigures(q, figures));
}

function withFigures(q: Question, figures: IntakeFigures): Question {
  const m = figures.olderChildMonths;
  const years: Localized = m % 12 === 0 ? { da: `${m / 12} år`, en: `${m / 12}` } : { da: `${m} måneder`, en: `${m} months` };
  const { min, max } = figures.level1bMonths;
  const months = min === max ? `${min}` : `${min}–${max}`;
  const words = (locale: 'da' | 'en'): Record<string, string> => ({
    '{olderChildYears}': years[locale],
    '{level1bVisits}': String(figures.level1bVisits),
    '{level1bMonths}': months,
    '{level1Visits}': String(figures.level1Visits),
  });
  const replace = (text: string, locale: 'da' | 'en') => Object.entries(words(locale)).reduce((t, [token, value]) => t.replaceAll(token, value), text);
  const fill = (text: Localized): Localized => ({ da: replace(text.da, 'da'), en: replace(text.en, 'en') });
  return q.label.da.includes('{') || q.help.da.includes('{') ? { ...q, label: fill(q.label), help: fill(q.help) } : q;
}

export interface FactQuestion {
  step: StepId;
  question: Question;
}

/**
 * The questions that fill the given missing facts, in interview order, each once.
 * Facts no question fills (e.g. referenceDate, which the bot sets) are returned in `unasked`
 * so nothing silently falls through.
 */
export function questionsForFacts(missing: readonly string[], interview: Interview = seedInterview()): { questions: FactQuestion[]; unasked: string[] } {
  const wanted = new Set(missing);
  const questions: FactQuestion[] = [];
  const covered = new Set<string>();
  for (const step of interview.steps) {
    for (const question of step.questions) {
      const hits = question.asks.filter((fact) => wanted.has(fact));
      if (hits.length === 0) continue;
      questions.push({ step: step.id, question });
      hits.forEach((fact) => covered.add(fact));
    }
  }
  return { questions, unasked: missing.filter((fact) => !covered.has(fact)) };
}

/** The step that first asks a fact; the bot resumes there. */
export function stepForFact(fact: string, interview: Interview = seedInterview()): StepId | undefined {
  return interview.steps.find((step) => step.questions.some((q) => q.asks.includes(fact)))?.id;
}
