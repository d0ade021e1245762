import { summaryReply } from '../summary/summary-requests.js';
import type { Turn } from './deps.js';
import type { Card } from './types.js';

/**
 * "resumé <reference>": the case summary card, in any chat the bot is in (a meeting chat too).
 * Who may see it, and the audit row, are the tab's rule: the caseworker or the case's team.
 */
export async function summaryCommand(turn: Turn, reference: string): Promise<Card> {
  const { summaries } = turn.deps;
  if (!summaries) return turn.deps.views.message(turn.locale, 'Sagsresuméer er ikke slået til her. Kontakt den, der driver Familiestøtte.');
  const who = { tenantId: turn.scope.tenantId, userId: turn.scope.actorId, name: turn.info.userName ?? '' };
  const reply = await summaryReply(summaries, who, reference, 'chat');
  return reply.kind === 'card' ? reply.card : turn.deps.views.message(turn.locale, reply.text);
}
