import { VERBS, type Verb } from '../../cards/verbs.js';
import { checkAccess } from './access.js';
import { acceptRecommendation, overrideRecommendation } from './case-actions.js';
import { findCase, myCases, openCase } from './case-queries.js';
import { parseCommand, type Command } from './commands.js';
import type { ConversationDeps, Turn } from './deps.js';
import type { ConversationHandler } from './handler.js';
import { answerMissing, editStep, nextStep, previousStep, restartIntake, resumeIntake, startIntake } from './intake.js';
import { NOTE_ACTIONS, notesMessage } from './notes.js';
import { installed, rememberTeamChannel, uninstalled } from './installation.js';
import { answerFromStandard } from './standard.js';
import { answerFreeText, PLAN_ROUTES } from './plan-routes.js';
import { summaryCommand } from './summary.js';
import { say } from './texts.js';
import { cardReply, type Card, type PendingCard, type TurnContextInfo } from './types.js';

export type { ConversationDeps } from './deps.js';

type Data = Record<string, unknown>;

/** Card actions by verb (Action.Execute), the way Teams routes Universal Actions. */
const ACTIONS: Record<Verb, (turn: Turn, data: Data) => Promise<Card | PendingCard> | Card> = {
  [VERBS.intakeStart]: (turn) => startIntake(turn),
  [VERBS.intakeNext]: nextStep,
  [VERBS.intakeBack]: previousStep,
  [VERBS.intakeEdit]: editStep,
  [VERBS.intakeRestart]: restartIntake,
  [VERBS.intakeResume]: (turn) => resumeIntake(turn),
  [VERBS.intakeMissing]: answerMissing,
  [VERBS.caseAccept]: acceptRecommendation,
  [VERBS.caseOverride]: overrideRecommendation,
  [VERBS.caseOpen]: openCase,
  [VERBS.caseMine]: (turn) => myCases(turn),
  [VERBS.helpShow]: (turn) => turn.deps.views.help(turn.locale),
  ...PLAN_ROUTES,
  ...NOTE_ACTIONS,
};

const COMMANDS: Record<Command['kind'], (turn: Turn, command: Command) => Promise<Card> | Card> = {
  help: (turn) => turn.deps.views.help(turn.locale),
  newCase: (turn) => startIntake(turn),
  resume: (turn) => resumeIntake(turn),
  mine: (turn) => myCases(turn),
  find: (turn, command) => findCase(turn, command.kind === 'find' ? command.reference : ''),
  standard: (turn, command) => answerFromStandard(turn, command.kind === 'standard' ? command.question : ''),
  reminders: async (turn) => {
    const teamId = turn.info.conversation.teamId;
    if (!turn.deps.reminders || !teamId) return turn.deps.views.message(turn.locale, say('remindersInTeam', turn.locale));
    return turn.deps.views.message(turn.locale, await turn.deps.reminders.upcoming(turn.scope.tenantId, teamId));
  },
  summary: (turn, command) => summaryCommand(turn, command.kind === 'summary' ? command.reference : ''),
};

export function createConversation(deps: ConversationDeps): ConversationHandler {
  const enter = (info: TurnContextInfo) => {
    const access = checkAccess(info, deps.allowedTenants);
    return access.ok ? { ok: true as const, turn: { deps, scope: access.scope, locale: access.locale, info } } : access;
  };

  return {
    async onMessage(info, text) {
      // In a channel or group chat the bot speaks only when spoken to.
      if (info.conversation.kind !== 'personal' && !info.mentioned) return [];
      const entered = enter(info);
      if (!entered.ok) return [{ kind: 'text', text: say(entered.reason, entered.locale) }];
      await rememberTeamChannel(deps, entered.turn.scope, info);
      const notes = await notesMessage(entered.turn, text);
      if (notes) return [cardReply(notes)];
      const command = parseCommand(text);
      if (command) return [{ kind: 'card', card: await COMMANDS[command.kind](entered.turn, command) }];
      // The plan's commands, or free text as a question about the standards; else help, not an error.
      const answer = await answerFreeText(entered.turn, text);
      return [answer ?? { kind: 'card', card: deps.views.help(entered.turn.locale) }];
    },

    async onAction(info, verb, data) {
      const entered = enter(info);
      if (!entered.ok) return { card: deps.views.message(entered.locale, say(entered.reason, entered.locale)) };
      if (deps.reminders?.isReminderVerb(verb)) {
        const at = deps.clock();
        const card = await deps.reminders.act({ tenantId: entered.turn.scope.tenantId, userId: entered.turn.scope.actorId, userName: info.userName ?? entered.turn.scope.actorId, verb, data, at });
        return { card };
      }
      const action = (ACTIONS as Record<string, ((turn: Turn, data: Data) => Promise<Card | PendingCard> | Card) | undefined>)[verb];
      if (!action) return { card: deps.views.message(entered.turn.locale, say('unknownAction', entered.turn.locale)) };
      const { card, later } = cardReply(await action(entered.turn, data));
      return later ? { card, later } : { card };
    },

    onInstalled: (info, ref) => installed(deps, info, ref),
    onUninstalled: (info, ref) => uninstalled(deps, info, ref),
  };
}
