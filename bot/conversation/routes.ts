import { z } from 'zod';
import { NOTE_VERBS } from '../../cards/notes.js';
import { REMINDER_VERBS } from '../../cards/reminder-card.js';
import { VERBS } from '../../cards/verbs.js';
import { CaseReferenceSchema, parseCaseReference } from '../cases/case-reference.js';
import type { OverviewViews } from '../overview/views.js';
import { FIND_CASE_COMMAND, FindCaseInput, findCaseQuery, type ComposeExtensionResult } from '../summary/summary-requests.js';
import { journalText } from '../summary/journal-text.js';
import { CaseViewError, PAGE_NOT_FOUND, type CaseViews } from '../tab/case-views.js';
import { said } from '../said.js';
import { acceptRecommendation, overrideRecommendation } from './case-actions.js';
import { findCase, myCases, openCase } from './case-queries.js';
import type { Command } from './commands.js';
import type { Turn } from './deps.js';
import type { CaseTarget, Door } from './doors.js';
import type { Caller } from './surfaces.js';
import { answerMissing, backToResult, editStep, nextStep, previousStep, restartIntake, resumeIntake, showResultDetails, startIntake } from './intake.js';
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

/** Every case a payload names: its id and its typed reference are both checked when both are there. */
const casesOfData = (data: CaseData): CaseTarget[] => [...(data.caseId ? [{ caseId: data.caseId }] : []), ...present(byReference(text(data.caseReference)))];
const remindersOfData = (data: ReminderData): CaseTarget[] => [{ reminderId: data.reminderId }];
const present = <T>(value: T | undefined): T[] => (value === undefined ? [] : [value]);

const tenant = { rule: 'tenant' } as const;
const personal = { rule: 'personal' } as const;
const oneCaseDoor = { rule: 'case', targets: casesOfData } as const;
// Teams shows an Action.Execute's answer to the one who clicked alone: safe in a group chat too.
const oneCaseToClickerDoor = { rule: 'case', targets: casesOfData, groupChat: 'answer-to-clicker' } as const;

type Run<I> = Route<I>['run'];
const inPersonalChat = (run: Run<Data>): ActionRoute<Data> => ({ input: AnyPayload, door: personal, run });
const anywhere = (run: Run<Data>): ActionRoute<Data> => ({ input: AnyPayload, door: tenant, run });
const oneCase = (run: Run<CaseData>): ActionRoute<CaseData> => ({ input: CasePayload, door: oneCaseDoor, run });
const oneCaseToClicker = (run: Run<CaseData>): ActionRoute<CaseData> => ({ input: CasePayload, door: oneCaseToClickerDoor, run });
const oneReminder = (verb: string): ActionRoute<ReminderData> => ({
  input: ReminderPayload,
  door: { rule: 'case', targets: remindersOfData },
  run: (turn, data) => reminderAction(turn, data, verb),
});

function reminderAction(turn: Turn, data: Data, verb: string): Answer {
  const { deps, scope, info } = turn;
  if (!deps.reminders) return deps.views.info(turn.locale, say('remindersOff', turn.locale));
  return deps.reminders.act({ tenantId: scope.tenantId, userId: scope.actorId, userName: info.userName ?? scope.actorId, verb, data, at: deps.clock(), locale: turn.locale });
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
  // The result's background and back: the same draft's decision, read where its result card is.
  [VERBS.resultDetails]: inPersonalChat(showResultDetails),
  [VERBS.resultShow]: inPersonalChat(backToResult),
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

// A map from kind to command, so a lookup by a command's kind types its route by that kind (no cast).
type CommandOf = { [K in Command['kind']]: Extract<Command, { kind: K }> };
type CommandRoutes = { [K in Command['kind']]: Route<CommandOf[K]> };

const commandCase = <C extends { reference: string }>() => ({ rule: 'case', targets: (c: C) => present(byReference(c.reference)) }) as const;

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

export function commandRoute<K extends Command['kind']>(kind: K): Route<CommandOf[K]> {
  return COMMAND_ROUTES[kind];
}

/**
 * The message extension's searches, by their command id: the same doors as the chat's. The search
 * result is shown to the searcher alone (its turn is answered to the clicker), and what is
 * inserted into a group or meeting chat is the prompt that shows nothing of the case.
 */
export interface QueryRoute<I> {
  input: z.ZodType<I, unknown>;
  door: Door<I>;
  run(turn: Turn, input: I): Promise<ComposeExtensionResult>;
}

export const QUERY_ROUTES: Record<typeof FIND_CASE_COMMAND, QueryRoute<FindCaseInput>> = {
  [FIND_CASE_COMMAND]: {
    input: FindCaseInput,
    door: { rule: 'case', targets: (q) => present(byReference(q.initialRun ? undefined : text(q.reference))), groupChat: 'answer-to-clicker' },
    run: async (turn, q) =>
      turn.deps.summaries
        ? findCaseQuery(turn.deps.summaries, turn.scope, q, { groupChat: turn.info.conversation.kind === 'groupChat', locale: turn.locale })
        : { composeExtension: { type: 'message', text: say('summariesOff', turn.locale) } },
  },
};

/**
 * The tab's API, by name: the same doors again, for a caller that reads alone (surfaces.ts). The
 * tab answers a refusal as "not found" (404), so it tells an outsider nothing. `path` is where the
 * route listens; routes sharing a path are told apart by their input (the list's `view`).
 */
export interface TabCall extends Caller {
  views: CaseViews;
  overview?: OverviewViews;
}

export interface TabRoute<I> {
  path: string;
  input: z.ZodType<I, unknown>;
  door: Door<I>;
  run(call: TabCall, input: I): Promise<object>;
}

const TEAM_MISSING = said('Teamet mangler: åbn fanen fra teamets kanal.', "The team is missing: open the tab from the team's channel.");
const TeamId = z.string({ error: TEAM_MISSING }).trim().min(1, TEAM_MISSING).max(200);
const MineQuery = z.object({ view: z.literal('mine') });
const TeamQuery = z.object({ view: z.literal('team'), teamId: TeamId });
const OVERVIEW_TEAM_MISSING = said('Teamet mangler: åbn overblikket fra teamets kanal.', "The team is missing: open the overview from the team's channel.");
const OverviewQuery = z.object({ teamId: z.string({ error: OVERVIEW_TEAM_MISSING }).trim().min(1, OVERVIEW_TEAM_MISSING).max(200) });
const ReferenceParam = z.object({ reference: CaseReferenceSchema });

interface TabRoutes {
  mineCases: TabRoute<z.infer<typeof MineQuery>>;
  teamCases: TabRoute<z.infer<typeof TeamQuery>>;
  caseSummary: TabRoute<z.infer<typeof ReferenceParam>>;
  teamOverview: TabRoute<z.infer<typeof OverviewQuery>>;
}

export const TAB_ROUTES: TabRoutes = {
  // My cases in the teams I am still in: the personal door's scope filters them.
  mineCases: { path: '/api/tab/cases', input: MineQuery, door: personal, run: async (call) => ({ cases: await call.views.listCases(call.scope, { kind: 'mine' }, call.locale) }) },
  teamCases: {
    path: '/api/tab/cases',
    input: TeamQuery,
    door: { rule: 'team', team: (q) => q.teamId },
    run: async (call, q) => ({ cases: await call.views.listCases(call.scope, { kind: 'team', teamId: q.teamId }, call.locale) }),
  },
  caseSummary: {
    path: '/api/tab/cases/:reference',
    input: ReferenceParam,
    door: { rule: 'case', targets: (p) => [{ reference: p.reference }] },
    run: async (call, p) => {
      // The journal text goes into the Danish case file whatever the reader's language.
      const { summary, danish } = await call.views.caseSummaries(call.scope, p.reference, call.locale);
      return { summary, journalText: journalText(danish) };
    },
  },
  teamOverview: {
    path: '/api/tab/overview',
    input: OverviewQuery,
    door: { rule: 'team', team: (q) => q.teamId },
    run: async (call, q) => {
      if (!call.overview) throw new CaseViewError(404, 'not-found', PAGE_NOT_FOUND);
      return { overview: await call.overview.teamOverview(call.scope, q.teamId, call.locale) };
    },
  },
};

export function queryRoute(commandId: string): QueryRoute<FindCaseInput> | undefined {
  return Object.hasOwn(QUERY_ROUTES, commandId) ? QUERY_ROUTES[FIND_CASE_COMMAND] : undefined;
}
