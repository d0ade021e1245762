import { checkAccess } from './access.js';
import { parseCommand } from './commands.js';
import type { ConversationDeps, Turn } from './deps.js';
import { openDoor } from './doors.js';
import type { ConversationHandler } from './handler.js';
import { installed, rememberTeamChannel, uninstalled } from './installation.js';
import { answerFreeText } from './plan-routes.js';
import { QueryValue, unreadableQuery } from '../summary/summary-requests.js';
import { actionRoute, commandRoute, queryRoute, type Route } from './routes.js';
import { say } from './texts.js';
import { cardReply, type TurnContextInfo } from './types.js';

export type { ConversationDeps } from './deps.js';

/**
 * The router: who is asking (tenant and user, checkAccess), then the route for the command or
 * verb, whose door (doors.ts) decides before its handler runs.
 */
export function createConversation(deps: ConversationDeps): ConversationHandler {
  const enter = (info: TurnContextInfo) => {
    const access = checkAccess(info, deps.allowedTenants);
    return access.ok ? { ok: true as const, turn: { deps, rules: deps.rules(access.scope.tenantId), scope: access.scope, locale: access.locale, info } } : access;
  };

  async function through<I>(turn: Turn, route: Route<I>, input: I): Promise<{ refused: string } | { answer: ReturnType<typeof cardReply> }> {
    const opened = await openDoor(turn, route.door, input);
    if (!opened.ok) return { refused: opened.text };
    return { answer: cardReply(await route.run(opened.turn, input)) };
  }

  return {
    async onMessage(info, text) {
      // In a channel or group chat the bot speaks only when spoken to.
      if (info.conversation.kind !== 'personal' && !info.mentioned) return [];
      const entered = enter(info);
      if (!entered.ok) return [{ kind: 'text', text: say(entered.reason, entered.locale) }];
      await rememberTeamChannel(deps, entered.turn.scope, info);
      const parsed = parseCommand(text);
      // In a group or meeting chat "resumé" offers the summary instead of posting it for all.
      const command = parsed?.kind === 'summary' && info.conversation.kind === 'groupChat' ? { kind: 'summaryPrompt' as const, reference: parsed.reference } : parsed;
      if (command) {
        const result = await through(entered.turn, commandRoute(command.kind), command);
        return ['refused' in result ? { kind: 'card', card: deps.views.message(entered.turn.locale, result.refused) } : result.answer];
      }
      // Free text is a question about the standards (no case content); else help, not an error.
      const answer = answerFreeText(entered.turn, text);
      return [answer ?? { kind: 'card', card: deps.views.help(entered.turn.locale) }];
    },

    async onAction(info, verb, data) {
      const entered = enter(info);
      if (!entered.ok) return { card: deps.views.message(entered.locale, say(entered.reason, entered.locale)) };
      const route = actionRoute(verb);
      if (!route) return { card: deps.views.message(entered.turn.locale, say('unknownAction', entered.turn.locale)) };
      const payload = route.input.safeParse(data);
      if (!payload.success) return { card: deps.views.message(entered.turn.locale, say('actionNotRecognised', entered.turn.locale)) };
      const result = await through(entered.turn, route, payload.data);
      if ('refused' in result) return { card: deps.views.message(entered.turn.locale, result.refused) };
      const { card, later, post } = result.answer;
      return { card, ...(later ? { later } : {}), ...(post ? { post } : {}) };
    },

    async onQuery(info, value) {
      const entered = enter(info);
      if (!entered.ok) return { composeExtension: { type: 'message', text: say(entered.reason, entered.locale) } };
      // The search result is the searcher's alone; its reads are audited as the extension's.
      const turn: Turn = { ...entered.turn, scope: { ...entered.turn.scope, origin: 'message-extension' }, info: { ...info, answeredTo: 'clicker' } };
      const query = QueryValue.safeParse(value);
      const route = query.success ? queryRoute(query.data.commandId) : undefined;
      const input = route?.input.safeParse(value);
      if (!route || !input?.success) return unreadableQuery(turn.locale);
      const opened = await openDoor(turn, route.door, input.data);
      if (!opened.ok) return { composeExtension: { type: 'message', text: opened.text } };
      return route.run(opened.turn, input.data);
    },

    async onMembersChanged(info) {
      // Only the cache is touched, and only for the team the activity is from: a forged one makes
      // the next action ask Teams again, nothing more.
      const teamId = info.conversation.teamId;
      if (info.tenantId && teamId && deps.roster?.forgetTeam) await deps.roster.forgetTeam(info.tenantId, teamId);
    },

    onInstalled: (info, ref) => installed(deps, info, ref),
    onUninstalled: (info, ref) => uninstalled(deps, info, ref),
  };
}
