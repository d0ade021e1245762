import type { Decision } from '../../rules/decision-types.js';
import type { ChannelChoice, LookupPassage, PassageText, RiskFactorInfo } from '../../cards/context.js';

/**
 * Realistic inputs for card tests: passages with the seeds' verbatim wording, the model's
 * 24 risk factors, and one decision per outcome shaped as the rules produce them.
 */

const PASSAGES: PassageText[] = [
  {
    id: 'pps.maalgruppe.2',
    source: 'servicestandard',
    heading: 'Målgruppe › Ad. 2',
    text: 'Familier med børn og unge under 18 år, hvor der er udpræget bekymring for barnet eller den unges trivsel og udvikling. Bekymringen er af en sådan karakter, at der er behov for intensiv støtte i familiens hjem, samt afklaring af, hvorvidt forældrene kan profitere af støtte.',
  },
  {
    id: 'pps.kriterier.2',
    source: 'servicestandard',
    heading: 'Kriterier i forbindelse med tildeling › Ad. 2',
    text: 'Det er vurderet, at der er behov for en intensiv indsats, såfremt udviklingen skal vendes. Der er behov for afprøvning af, hvorvidt forældrene kan udvikle sig på baggrund af råd, vejledning og praktisk støtte.',
  },
  {
    id: 'pps.omfang.2',
    source: 'servicestandard',
    heading: 'Indsatsens omfang › Ad. 2',
    text: 'Udgangspunktet er, at indsatsen svarer op til 2-3 ugentlige besøg i hjemmet. Indsatsen bevilliges for 3 måneder ad gangen, således at der følges tæt op på, om indsatsen har tilstrækkelig effekt til at sikre børnenes trivsel.',
  },
  {
    id: 'pps.saerlige.foreloebig',
    source: 'servicestandard',
    heading: 'Særlige bemærkninger',
    text: 'I særlige tilfælde kan intensiv praktisk pædagogisk støtte opstartes sideløbende med, at en børnefaglig undersøgelse og endelig handleplan udarbejdes. I disse tilfælde skal der foreligge en foreløbig handleplan.',
  },
  {
    id: 'pps.maalgruppe.1',
    source: 'servicestandard',
    heading: 'Målgruppe › Ad. 1',
    text: 'Familier med børn og unge under 18 år, hvor der er bekymring for barnet eller den unges trivsel og udvikling. Forældrene skønnes at have brug for støtte til i tilstrækkelig grad at drage omsorg for deres barns udvikling og for familien generelt. Det er vurderet, at forældrene ikke vil kunne profitere af familiebehandling.',
  },
  {
    id: 'pps.kriterier.3',
    source: 'servicestandard',
    heading: 'Kriterier i forbindelse med tildeling › Ad. 3',
    text: 'Det er afdækket, at forældrene er i stand til at yde følelsesmæssig omsorg, men har alvorlige mangler i forhold til at udføre den praktiske omsorg. Forældrene viser endvidere vilje og evne til at se behovet for støtte.',
  },
  {
    id: 'hpi.3.maalgruppe.ikke-saerlig-stoette',
    source: 'model',
    heading: '3) Målgruppe',
    text: 'Det er centralt, at bekymringen ikke har en karakter, så det vurderes, at barnet eller familien har brug for særlig støtte efter servicelovens kapitel 11. Målgruppens problemstilling er karakteriseret ved:',
  },
  {
    id: 'hpi.3.maalgruppe.alder',
    source: 'model',
    heading: '3) Målgruppe',
    text: 'Tilbuddet om en hjemmepædagogisk indsats målrettes børn i alderen 0-24 måneder, men kan også etableres sidst i graviditeten eller fra fødslen.',
  },
  {
    id: 'hpi.6.underretning',
    source: 'model',
    heading: '6) Kompetencer',
    text: 'at være i stand til at tydeliggøre den formelle opgave, hvis situationen i hjemmet viser sig at kræve yderligere hjælp eller indgriben i form af underretning til familieafdelingen.',
  },
  {
    id: 'pps.saerlige.visitation-social',
    source: 'servicestandard',
    heading: 'Særlige bemærkninger',
    text: 'Der skal være opmærksomhed på samarbejdet med Visitation Social, såfremt forældrene modtager støtte derfra.',
  },
];

export const lookupPassage: LookupPassage = (id) => PASSAGES.find((p) => p.id === id);

const LABELS: Record<string, string[]> = {
  expecting: [
    'er bekymrede for forældrerollen og egen formåen som forældre',
    'i begyndende grad oplever sig nedtrykte og triste',
    'glimtvis oplever manglende glæde ved det kommende barn',
    'er enlige med svagt netværk',
    'oplever særlige udfordringer i forbindelse med at være unge/ældre forældre',
  ],
  parent: [
    'i en afgrænset periode skal understøttes i at kunne varetage barnets trivsel, læring, udvikling og dannelse',
    'oplever omvæltningen ved at få et barn som en belastning udover det almindelige og forventelige',
    'i begyndende grad oplever, at forældrerollen er vanskelig',
    'oplever ubalance mellem glæde og bekymringer',
    'tidligere har haft en fødselsdepression',
    'udviser tegn på efterfødselsreaktioner, som ligger uden for behandling i andet regi',
    'mangler viden om børns udvikling og egen rolle',
    'har konflikter og manglende kommunikation, som begynder at præge relationen',
    'har brug for ekstra støtte til at omsætte vejledning fra professionelle',
    'er enlige med få ressourcer og svagt netværk',
    'let bliver irritable på barnet',
  ],
  child: [
    'er uroligt',
    'ikke udvikler rytme – har svingende rytme',
    'er svært trøstbart',
    'har utydelige signaler',
    'er passivt (lav arousal)',
    'er overaktivt (høj arousal)',
    'søger kontakt i mindre grad end forventeligt',
    'har sansemotoriske opmærksomhedspunkter',
  ],
};

export const riskFactors: RiskFactorInfo[] = Object.entries(LABELS).flatMap(([group, labels]) =>
  labels.map((label, i) => ({ id: `${group}-${i + 1}`, group: group as RiskFactorInfo['group'], label, passage: `hpi.3.risiko.${group}-${i + 1}` })),
);

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
