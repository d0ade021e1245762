import { decide } from '../../rules/decide.js';
import type { Decision, Override } from '../../rules/decision-types.js';
import type { ContactNote } from '../../bot/summary/scope-usage.js';

/** A level-2 case as the rules would decide it. Test data: the product reads decisions from storage. */
/**
 * A level-2 case started alongside the børnefaglig undersøgelse, decided by the real rules:
 * follow-up, re-grant and the investigation deadline, reasons citing pps.maalgruppe.2 and
 * pps.kriterier.2, and the warnings that go with starting early.
 */
export function level2Decision(startDate = '2026-09-01'): Decision {
  return decide({
    referenceDate: startDate,
    startDate,
    safetyConcern: false,
    child: { ageMonths: 60 },
    concern: 'pronounced',
    intensiveNeeded: true,
    parentalCapacityUnclear: true,
    investigation: 'underway',
    preliminaryPlan: true,
    receivesVisitationSocial: false,
  });
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
    kind: i % 3 === 2 ? ('interdisciplinary-meeting' as const) : ('visit' as const),
    minutes: 90,
  }));
}
