import { z } from 'zod';
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

/**
 * A card action also declares the shape of its payload, parsed at the edge before the door: the
 * ids a door reads are typed and well formed, or the action is refused before any query. The
 * fields a person typed stay the handler's to check, so its form can answer with what was typed.
 */
export interface ActionRoute<I extends Data> extends Route<I> {
  input: z.ZodType<I>;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** A typed reference names a case only when it is a reference (a CPR number is refused by the handler). */
function byReference(typed: string | undefined): CaseTarget | undefined {
  if (typed === undefined) return undefined;
  const parsed = parseCaseReference(typed);
  return parsed.ok ? { reference: parsed.value } : undefined;
}

// An unbound template field arrives as "" from some clients: absent, not malformed.
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional());

/** Any payload (the interview's steps and answers are parsed by the interview). */
const AnyPayload: z.ZodType<Data> = z.record(z.string(), z.unknown());
/** A payload about one case: by its id (cards the bot made) or by the reference a person typed. */
const CasePayload = z.looseObject({ caseId: optional(z.uuid()), caseReference: optional(z.string().max(200)) });
/** A reminder card's buttons name the reminder; the door finds its case. */
const ReminderPayload = z.looseObject({ reminderId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });
type CaseData = z.infer<typeof CasePayload>;
type ReminderData = z.infer<typeof ReminderPayload>;

const caseOfData = (data: CaseData): CaseTarget | undefined => (data.caseId ? { caseId: data.caseId } : byReference(text(data.caseReference)));
const reminderOfData = (data: ReminderData): CaseTarget => ({ reminderId: data.reminderId });

const tenant = { rule: 'tenant' } as const;
const personal = { rule: 'personal' } as const;
const oneCaseDoor = { rule: 'case', target: caseOfData } as const;
// Teams shows an Action.Execute's answer to the one who clicked alone: safe in a group chat too.
const oneCaseToClickerDoor = { rule: 'case', target: caseOfData, groupChat: 'answer-to-clicker' } as const;

type Run<I> = Route<I>['run'];
const inPersonalChat = (run: Run<Data>): ActionRoute<Data> => ({ input: AnyPayload, door: personal, run });
const anywhere = (run: Run<Data>): ActionRoute<Data> => ({ input: AnyPayload, door: tenant, run });
const oneCase = (run: Run<CaseData>): ActionRoute<CaseData> => ({ input: CasePayload, door: oneCaseDoor, run });
const oneCaseToClicker = (run: Run<CaseData>): ActionRoute<CaseData> => ({ input: CasePayload, door: oneCaseToClickerDoor, run });
const oneReminder = (verb: string): ActionRoute<ReminderData> => ({
  input: ReminderPayload,
  door: { rule: 'case', target: reminderOfData },
  run: (turn, data) => reminderAction(turn, data, verb),
});

function reminderAction(turn: Turn, data: Data, verb: string): Answer {
  const { deps, scope, info } = turn;
  if (!deps.reminders) return deps.views.info(turn.locale, say('remindersOff', turn.locale));
  return deps.reminders.act({ tenantId: scope.tenantId, userId: scope.actorId, userName: info.userName ?? scope.actorId, verb, data, at: deps.clock() });
}

type ActionVerb = (typeof VERBS)[keyof typeof VERBS] | (typeof NOTE_VERBS)[keyof typeof NOTE_VERBS] | (typeof REMINDER_VERBS)[keyof typeof REMINDER_VERBS];

export const ACTION_ROUTES: Record<ActionVerb, ActionRoute<CaseData> | ActionRoute<ReminderData> | ActionRoute<Data>> = {
  // The interview and creating the case: the family's facts are typed and shown in the personal chat only.
  [VERBS.intakeStart]: inPersonalChat((turn) => startIntake(turn)),
  [VERBS.intakeNext]: inPersonalChat(nextStep),
  [VERBS.intakeBack]: inPersonalChat(previousStep),
  [VERBS.intakeEdit]: inPersonalChat(editStep),
  [VERBS.intakeRestart]: inPersonalChat(restartIntake),
  [VERBS.intakeResume]: inPersonalChat((turn) => resumeIntake(turn)),
  [VERBS.intakeMissing]: inPersonalChat(answerMissing),
  [VERBS.caseAccept]: inPersonalChat(acceptRecommendation),
  [VERBS.caseOverride]: inPersonalChat(overrideRecommendation),
  [VERBS.caseMine]: inPersonalChat((turn) => myCases(turn)),
  [VERBS.helpShow]: anywhere((turn) => turn.deps.views.help(turn.locale)),
  // One case: its caseworker or its team.
  [VERBS.caseOpen]: oneCase(openCase),
  [VERBS.planSave]: oneCase(PLAN_ROUTES[VERBS.planSave]),
  [VERBS.planEdit]: oneCase(PLAN_ROUTES[VERBS.planEdit]),
  [VERBS.reviewStart]: oneCase(PLAN_ROUTES[VERBS.reviewStart]),
  [VERBS.reviewSave]: oneCase(PLAN_ROUTES[VERBS.reviewSave]),
  [NOTE_VERBS.noteForm]: oneCase(NOTE_ACTIONS[NOTE_VERBS.noteForm]!),
  [NOTE_VERBS.noteAdd]: oneCase(NOTE_ACTIONS[NOTE_VERBS.noteAdd]!),
  [NOTE_VERBS.notesSummary]: oneCase(NOTE_ACTIONS[NOTE_VERBS.notesSummary]!),
  // A case summary in a group or meeting chat: for the clicker, or shared after naming the audience.
  [VERBS.summaryView]: oneCaseToClicker((turn, data) => summaryCommand(turn, text(data.caseReference) ?? '')),
  [VERBS.summaryShareAsk]: oneCaseToClicker(askToShare),
  [VERBS.summaryShare]: oneCaseToClicker(shareSummary),
  // A reminder card's buttons act on the reminder's case.
  [REMINDER_VERBS.done]: oneReminder(REMINDER_VERBS.done),
  [REMINDER_VERBS.snooze]: oneReminder(REMINDER_VERBS.snooze),
  [REMINDER_VERBS.refresh]: oneReminder(REMINDER_VERBS.refresh),
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
      return turn.deps.views.info(turn.locale, await turn.deps.reminders.upcoming(turn.scope, teamId, turn.locale), say('remindersTitle', turn.locale));
    },
  },
};

export function actionRoute(verb: string): ActionRoute<Data> | undefined {
  // Each route's input schema and handler agree on its own payload type; the caller only passes it through.
  return Object.hasOwn(ACTION_ROUTES, verb) ? (ACTION_ROUTES[verb as ActionVerb] as ActionRoute<Data>) : undefined;
}

export function commandRoute<C extends Command>(command: C): Route<C> {
  return COMMAND_ROUTES[command.kind] as unknown as Route<C>;
}
