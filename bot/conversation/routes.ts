import { NOTE_VERBS } from '../../cards/notes.js';
import { REMINDER_VERBS } from '../../cards/reminder-card.js';
import { VERBS } from '../../cards/verbs.js';
import { parseCaseReference } from '../cases/case-reference.js';
import { acceptRecommendation, overrideRecommendation } from './case-actions.js';
import { findCase, myCases, openCase } from './case-queries.js';
import type { Command } from './commands.js';
import type { Turn } from './deps.js';
import type { CaseTarget, Door } from './doors.js';
import { answerMissing, editStep, nextStep, previousStep, restartIntake, resumeIntake, startIntake } from './intake.js';
import { NOTE_ACTIONS, noteFromCommand, noteUsage, summariseCase } from './notes.js';
import { planCommand, PLAN_ROUTES } from './plan-routes.js';
import { answerFromStandard } from './standard.js';
import { askToShare, shareSummary, summaryCommand, summaryPrompt } from './summary.js';
import { say } from './texts.js';
import type { Card, PendingCard, SharedCard } from './types.js';

/**
 * The route table: every command and every card action (Action.Execute and its Submit fallback,
 * reminder cards included), each with the access rule it declares (doors.ts). The router looks a
 * route up here and opens its door before the handler runs; `Record` over every verb and command
 * kind makes a route without a declared door a compile error.
 */

type Data = Record<string, unknown>;
type Answer = Promise<Card | PendingCard | SharedCard> | Card | PendingCard | SharedCard;

export interface Route<I> {
  door: Door<I>;
  run(turn: Turn, input: I): Answer;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** A typed reference names a case only when it is a reference (a CPR number is refused by the handler). */
function byReference(typed: string | undefined): CaseTarget | undefined {
  if (typed === undefined) return undefined;
  const parsed = parseCaseReference(typed);
  return parsed.ok ? { reference: parsed.value } : undefined;
}

const caseOfData = (data: Data): CaseTarget | undefined => {
  const caseId = text(data.caseId);
  return caseId ? { caseId } : byReference(text(data.caseReference));
};

const reminderOfData = (data: Data): CaseTarget | undefined => {
  const id = Number(data.reminderId);
  return Number.isSafeInteger(id) && id > 0 ? { reminderId: id } : undefined;
};

const tenant = { rule: 'tenant' } as const;
const personal = { rule: 'personal' } as const;
const oneCase = { rule: 'case', target: caseOfData } as const;
// Teams shows an Action.Execute's answer to the one who clicked alone: safe in a group chat too.
const oneCaseToClicker = { rule: 'case', target: caseOfData, groupChat: 'answer-to-clicker' } as const;

function reminderAction(turn: Turn, data: Data, verb: string): Answer {
  const { deps, scope, info } = turn;
  if (!deps.reminders) return deps.views.info(turn.locale, say('remindersOff', turn.locale));
  return deps.reminders.act({ tenantId: scope.tenantId, userId: scope.actorId, userName: info.userName ?? scope.actorId, verb, data, at: deps.clock() });
}

type ActionVerb = (typeof VERBS)[keyof typeof VERBS] | (typeof NOTE_VERBS)[keyof typeof NOTE_VERBS] | (typeof REMINDER_VERBS)[keyof typeof REMINDER_VERBS];

export const ACTION_ROUTES: Record<ActionVerb, Route<Data>> = {
  // The interview and creating the case: the family's facts are typed and shown in the personal chat only.
  [VERBS.intakeStart]: { door: personal, run: (turn) => startIntake(turn) },
  [VERBS.intakeNext]: { door: personal, run: nextStep },
  [VERBS.intakeBack]: { door: personal, run: previousStep },
  [VERBS.intakeEdit]: { door: personal, run: editStep },
  [VERBS.intakeRestart]: { door: personal, run: restartIntake },
  [VERBS.intakeResume]: { door: personal, run: (turn) => resumeIntake(turn) },
  [VERBS.intakeMissing]: { door: personal, run: answerMissing },
  [VERBS.caseAccept]: { door: personal, run: acceptRecommendation },
  [VERBS.caseOverride]: { door: personal, run: overrideRecommendation },
  [VERBS.caseMine]: { door: personal, run: (turn) => myCases(turn) },
  [VERBS.helpShow]: { door: tenant, run: (turn) => turn.deps.views.help(turn.locale) },
  // One case: its caseworker or its team.
  [VERBS.caseOpen]: { door: oneCase, run: openCase },
  [VERBS.planSave]: { door: oneCase, run: PLAN_ROUTES[VERBS.planSave] },
  [VERBS.planEdit]: { door: oneCase, run: PLAN_ROUTES[VERBS.planEdit] },
  [VERBS.reviewStart]: { door: oneCase, run: PLAN_ROUTES[VERBS.reviewStart] },
  [VERBS.reviewSave]: { door: oneCase, run: PLAN_ROUTES[VERBS.reviewSave] },
  [NOTE_VERBS.noteForm]: { door: oneCase, run: NOTE_ACTIONS[NOTE_VERBS.noteForm]! },
  [NOTE_VERBS.noteAdd]: { door: oneCase, run: NOTE_ACTIONS[NOTE_VERBS.noteAdd]! },
  [NOTE_VERBS.notesSummary]: { door: oneCase, run: NOTE_ACTIONS[NOTE_VERBS.notesSummary]! },
  // A case summary in a group or meeting chat: for the clicker, or shared after naming the audience.
  [VERBS.summaryView]: { door: oneCaseToClicker, run: (turn, data) => summaryCommand(turn, text(data.caseReference) ?? '') },
  [VERBS.summaryShareAsk]: { door: oneCaseToClicker, run: askToShare },
  [VERBS.summaryShare]: { door: oneCaseToClicker, run: shareSummary },
  // A reminder card's buttons act on the reminder's case.
  [REMINDER_VERBS.done]: { door: { rule: 'case', target: reminderOfData }, run: (turn, data) => reminderAction(turn, data, REMINDER_VERBS.done) },
  [REMINDER_VERBS.snooze]: { door: { rule: 'case', target: reminderOfData }, run: (turn, data) => reminderAction(turn, data, REMINDER_VERBS.snooze) },
  [REMINDER_VERBS.refresh]: { door: { rule: 'case', target: reminderOfData }, run: (turn, data) => reminderAction(turn, data, REMINDER_VERBS.refresh) },
};

type CommandOf<K extends Command['kind']> = Extract<Command, { kind: K }>;
type CommandRoutes = { [K in Command['kind']]: Route<CommandOf<K>> };

const commandCase = <C extends { reference: string }>() => ({ rule: 'case', target: (c: C) => byReference(c.reference) }) as const;

export const COMMAND_ROUTES: CommandRoutes = {
  help: { door: tenant, run: (turn) => turn.deps.views.help(turn.locale) },
  standard: { door: tenant, run: (turn, c) => answerFromStandard(turn, c.question) },
  noteUsage: { door: tenant, run: (turn) => noteUsage(turn) },
  newCase: { door: personal, run: (turn) => startIntake(turn) },
  resume: { door: personal, run: (turn) => resumeIntake(turn) },
  mine: { door: personal, run: (turn) => myCases(turn) },
  find: { door: commandCase(), run: (turn, c) => findCase(turn, c.reference) },
  // Shows nothing of a case: the form's button then opens the case's own door.
  askReference: { door: tenant, run: (turn, c) => turn.deps.views.askReference(turn.locale, c.askFor, turn.info.conversation.kind === 'personal') },
  summary: { door: commandCase(), run: (turn, c) => summaryCommand(turn, c.reference) },
  // Shows nothing of the case, so anyone may get it; the buttons on it open the case's door.
  summaryPrompt: { door: tenant, run: (turn, c) => summaryPrompt(turn, c.reference) },
  notes: { door: commandCase(), run: (turn, c) => summariseCase(turn, c.reference) },
  note: { door: commandCase(), run: noteFromCommand },
  plan: { door: commandCase(), run: planCommand },
  review: { door: commandCase(), run: planCommand },
  reminders: {
    door: { rule: 'team-channel' },
    run: async (turn) => {
      const teamId = turn.info.conversation.teamId!;
      if (!turn.deps.reminders) return turn.deps.views.info(turn.locale, say('remindersOff', turn.locale));
      // A list is information, not a failure: the neutral card.
      return turn.deps.views.info(turn.locale, await turn.deps.reminders.upcoming(turn.scope, teamId), say('remindersTitle', turn.locale));
    },
  },
};

export function actionRoute(verb: string): Route<Data> | undefined {
  return Object.hasOwn(ACTION_ROUTES, verb) ? ACTION_ROUTES[verb as ActionVerb] : undefined;
}

export function commandRoute<C extends Command>(command: C): Route<C> {
  return COMMAND_ROUTES[command.kind] as unknown as Route<C>;
}
