import type { Decision, Override } from '../../rules/decision-types.js';
import type { ContactNote } from '../../bot/summary/scope-usage.js';
import type { PassageLookup, PassageText } from '../../bot/summary/case-summary.js';

/**
 * A level-2 case as the rules would decide it, with the verbatim passages it cites.
 * Test data only: the product reads decisions from storage and passages from rules/passages.
 */
const SOURCE = 'Servicestandard for praktisk pædagogisk støtte i hjemmet';

export const PASSAGES: PassageText[] = [
  {
    id: 'pps.maalgruppe.2',
    source: SOURCE,
    heading: 'Målgruppe › Ad. 2',
    text: 'Familier med børn og unge under 18 år, hvor der er udpræget bekymring for barnet eller den unges trivsel og udvikling. Bekymringen er af en sådan karakter, at der er behov for intensiv støtte i familiens hjem, samt afklaring af, hvorvidt forældrene kan profitere af støtte.',
  },
  {
    id: 'pps.kriterier.2',
    source: SOURCE,
    heading: 'Kriterier › Ad. 2',
    text: 'Det er vurderet, at der er behov for en intensiv indsats, såfremt udviklingen skal vendes. Der er behov for afprøvning af, hvorvidt forældrene kan udvikle sig på baggrund af råd, vejledning og praktisk støtte.',
  },
  {
    id: 'pps.omfang.2',
    source: SOURCE,
    heading: 'Omfang › Ad. 2',
    text: 'Udgangspunktet er, at indsatsen svarer op til 2-3 ugentlige besøg i hjemmet. Indsatsen bevilliges for 3 måneder ad gangen, således at der følges tæt op på, om indsatsen har tilstrækkelig effekt til at sikre børnenes trivsel.',
  },
  {
    id: 'pps.saerlige.foreloebig',
    source: SOURCE,
    heading: 'Særlige bemærkninger',
    text: 'I særlige tilfælde kan intensiv praktisk pædagogisk støtte opstartes sideløbende med, at en børnefaglig undersøgelse og endelig handleplan udarbejdes. I disse tilfælde skal der foreligge en foreløbig handleplan.',
  },
];

export const passageLookup: PassageLookup = (id) => PASSAGES.find((p) => p.id === id);

export function level2Decision(startDate = '2026-09-01'): Decision {
  return {
    outcome: 'level2',
    variant: null,
    missing: [],
    scope: { visitsPerWeek: { min: 2, max: 3 }, grantMonths: 3 },
    reviews: [
      { kind: 'regrant', due: '2026-12-01', passage: 'pps.omfang.2', text: 'Ny bevilling: har indsatsen tilstrækkelig effekt?' },
      { kind: 'investigation-deadline', due: '2027-01-01', passage: 'pps.saerlige.foreloebig', text: 'Den børnefaglige undersøgelse skal være afsluttet.' },
    ],
    reasons: [
      { text: 'Der er udpræget bekymring for barnets trivsel og udvikling.', passage: 'pps.maalgruppe.2' },
      { text: 'Der er behov for en intensiv indsats, hvis udviklingen skal vendes.', passage: 'pps.kriterier.2' },
    ],
    whyNot: {},
    warnings: [],
    legalBasis: [{ seed: 'SEL § 52, stk. 3, nr. 2', current: 'Barnets lov § 32, stk. 1, nr. 2', source: 'retsinformation.dk' }],
    trace: [],
    referenceDate: startDate,
    startDate,
    parameterSet: 'default',
  };
}

export const OVERRIDE: Override = {
  recommended: 'level2',
  chosen: 'level3',
  chosenVariant: null,
  reason: 'Forældrene kan give følelsesmæssig omsorg; behovet er praktisk og varigt.',
  by: 'Sagsbehandler A',
  at: '2026-09-02T09:30:00Z',
};

/** `count` contacts spread evenly from the start, every third an interdisciplinary meeting. */
export function contactNotes(count: number, startDate = '2026-09-01', everyDays = 3): ContactNote[] {
  const start = Date.parse(`${startDate}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => ({
    date: new Date(start + i * everyDays * 86_400_000).toISOString().slice(0, 10),
    kind: i % 3 === 2 ? ('meeting' as const) : ('visit' as const),
    hours: 1.5,
  }));
}
