import type { CaseView } from '../../cards/case-view.js';
import { measureNames, standardLabel, type StandardLabel } from '../../cards/outcome-text.js';
import type { Override } from '../../rules/decision-types.js';
import type { CaseWithDecision } from '../storage/cases.js';
import type { LoadedStandard } from '../standards/standard-ref.js';
import type { CaseStandards } from './case-standard.js';

const labelOf = ({ standard, ref }: LoadedStandard): StandardLabel => standardLabel(standard, ref.hash);

/**
 * What a case card may show of a stored case: reference, pseudonym, what was decided, by whom,
 * and the due dates. An overridden case shows the due dates stored for the CHOSEN measure, not
 * the recommendation's.
 */
export function toCaseView(found: CaseWithDecision, standards?: CaseStandards): CaseView {
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
    // As stored with the decision (bot/cases/standing-plan.ts fills in an override from before it was).
    reviews: [...(d.chosen?.reviews ?? [])].sort((a, b) =>
      a.due.localeCompare(b.due),
    ),
    ...(override ? { override } : {}),
    ...(standards ? { standards: { decidedUnder: labelOf(standards.decidedUnder), inForce: labelOf(standards.inForce) }, names: measureNames(standards.decidedUnder.standard) } : {}),
  };
}
