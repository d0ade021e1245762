import type { InvokeResponse, TurnContext } from 'botbuilder';
import { localeFrom } from '../../cards/locale.js';
import { checkAccess } from '../conversation/access.js';
import { say } from '../conversation/texts.js';
import { findCaseQuery } from '../summary/summary-requests.js';
import type { CaseViews } from '../tab/case-views.js';
import { toTurnContextInfo } from './turn-info.js';

/** The raw invoke name of a message extension search. */
export const COMPOSE_EXTENSION_QUERY = 'composeExtension/query';

/**
 * The "Sagsresumé" search: finds a case by reference and answers with its summary card. The
 * search itself (access, audit, card) is Teams-free in bot/summary/summary-requests.ts.
 */
export async function handleFindCase(context: TurnContext, summaries: CaseViews, allowedTenants?: readonly string[]): Promise<InvokeResponse> {
  const turn = toTurnContextInfo(context.activity);
  const locale = localeFrom(turn.locale);
  if (!turn.tenantId || !turn.userId) {
    const text = locale === 'en' ? 'Familiestøtte could not tell who you are. Open the search from Teams again.' : 'Familiestøtte kunne ikke se, hvem du er. Åbn søgningen fra Teams igen.';
    return { status: 200, body: { composeExtension: { type: 'message', text } } };
  }
  // The search is a door of its own, past the conversation: the tenant allow-list applies here too.
  const access = checkAccess(turn, allowedTenants);
  if (!access.ok) return { status: 200, body: { composeExtension: { type: 'message', text: say(access.reason, access.locale) } } };
  const who = { tenantId: turn.tenantId, userId: turn.userId, name: turn.userName ?? '' };
  return { status: 200, body: await findCaseQuery(summaries, who, context.activity.value, { groupChat: turn.conversation.kind === 'groupChat', locale }) };
}
