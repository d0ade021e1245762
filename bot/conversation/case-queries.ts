import { problemText } from '../../cards/locale.js';
import { withStandingPlan } from '../cases/standing-plan.js';
import { standardsOfCase } from './case-standard.js';
import { parseCaseReference } from '../cases/case-reference.js';
import { parseCaseOpen } from '../intake/submission.js';
import type { Turn } from './deps.js';
import { caseCardWithNotes } from './notes.js';
import { say } from './texts.js';
import type { Card } from './types.js';

/** Looking cases up: every read goes through storage, which scopes it by tenant and audits it. */

export async function findCase(turn: Turn, typedReference: string): Promise<Card> {
  const reference = parseCaseReference(typedReference);
  // A CPR number typed as a reference is refused before it reaches a query or a log.
  if (!reference.ok) return turn.deps.views.message(turn.locale, problemText(reference, turn.locale));
  const found = await turn.deps.storage.cases.findByReference(turn.scope, reference.value);
  if (!found) return turn.deps.views.message(turn.locale, say('caseNotFound', turn.locale));
  return caseCardWithNotes(turn, found);
}

export async function openCase(turn: Turn, data: Record<string, unknown>): Promise<Card> {
  const parsed = parseCaseOpen(data);
  if (!parsed.ok) return turn.deps.views.message(turn.locale, parsed.problems.map((p) => problemText(p, turn.locale)).join('\n'));
  if ('caseReference' in parsed.value) return findCase(turn, parsed.value.caseReference);
  const found = await turn.deps.storage.cases.get(turn.scope, parsed.value.caseId);
  if (!found) return turn.deps.views.message(turn.locale, say('caseNotFound', turn.locale));
  return caseCardWithNotes(turn, found);
}

export async function myCases(turn: Turn): Promise<Card> {
  const cases = await turn.deps.storage.cases.listForCaseworker(turn.scope);
  // Each row named as the standard its case was decided under names the measure.
  const standards = await Promise.all(cases.map((c) => standardsOfCase(turn, c)));
  return turn.deps.views.caseList(turn.locale, cases.map((c) => withStandingPlan(c, turn.rules)), standards);
}
