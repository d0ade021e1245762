import type { Decision, Override } from '../../rules/decision-types.js';
import type { ContactNote } from '../../bot/summary/scope-usage.js';

/** A level-2 case as the rules would decide it. Test data: the product reads decisions from storage. */
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
