import type { CaseView } from '../../cards/case-view.js';
import type { Override } from '../../rules/decision-types.js';
import type { CaseWithDecision } from '../storage/cases.js';

/**
 * What a case card may show of a stored case: reference, pseudonym, what was decided, by whom,
 * and the due dates. Due dates come from the recommendation, so an override (whose outcome the
 * rules did not compute) shows none rather than the wrong ones.
 */
export function toCaseView(found: CaseWithDecision): CaseView {
  const d = found.decision;
  const override: Override | undefined = d.overridden
    ? {
        recommended: d.recommendedOutcome,
        chosen: d.chosenOutcome,
        chosenVariant: d.chosenVariant,
        reason: d.overrideReason ?? '',
        by: found.caseworkerName,
        at: d.decidedAt.toISOString(),
      }
    : undefined;
  return {
    caseReference: found.reference,
    childPseudonym: found.childPseudonym,
    outcome: d.chosenOutcome,
    variant: d.chosenVariant,
    startDate: found.startDate ?? d.recommended.startDate,
    status: found.status,
    decidedBy: found.caseworkerName,
    decidedAt: d.decidedAt.toISOString(),
    reviews: d.overridden ? [] : [...d.recommended.reviews].sort((a, b) => a.due.localeCompare(b.due)),
    ...(override ? { override } : {}),
  };
}
