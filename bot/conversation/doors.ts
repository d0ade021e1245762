import { AUDIT_ACTIONS } from '../storage/audit.js';
import type { CaseAccessSubject } from '../storage/cases.js';
import type { TenantScope } from '../storage/scope.js';
import { readAlone, type Caller } from './surfaces.js';
import { say, type TextKey } from './texts.js';

/**
 * The access rule every route declares, and the one place that enforces it before the route's
 * handler runs. The handler then gets a scope whose `teamIds` hold only the teams the rule
 * admitted, so every storage query behind it is filtered to them as well.
 *
 * - `tenant`: any user of an allowed tenant, anywhere; the route shows no case content
 *   (help, questions about the standards). Its scope admits no team, so it could not read a case.
 * - `personal`: only where the user reads alone (the 1:1 chat with the bot, the personal tab): the
 *   interview and the user's own case lists, which must not be posted where others read along.
 *   Scope: the teams the user is in, so "my cases" are my cases in the teams I am still in.
 * - `team-channel`: only in a team channel, by a member of that team, about that team.
 * - `team`: a team the input names (the tab's team views), by a member of that team.
 * - `case`: one case, named by the route's input; a member of its team (its caseworker is one while
 *   they are in it), in the personal chat, the tab, or that team's own channel. Never in a group
 *   or meeting chat.
 *
 * One door for every surface (surfaces.ts): the chat's commands and card actions, the message
 * extension's search and the tab's API all declare their door in routes.ts and open it here.
 */
export type CaseTarget = { caseId: string } | { reference: string } | { reminderId: number };

export type Door<I> =
  | { rule: 'tenant' }
  | { rule: 'personal' }
  | { rule: 'team-channel' }
  /** One team, named by the route's input (the tab's team views): members of that team only. */
  | { rule: 'team'; team: (input: I) => string }
  | {
      rule: 'case';
      /**
       * Every case the input names, each way it names one (an id and a typed reference at once
       * are both checked, and must be the same case): a handler can read no target the door
       * did not see. None: the handler answers with its own form or usage and reads nothing.
       */
      targets: (input: I) => CaseTarget[];
      /**
       * Admitted in a group or meeting chat too. Only for card actions whose answer Teams shows to
       * the one who clicked alone, and for the deliberate share that names its audience first.
       */
      groupChat?: 'answer-to-clicker';
    };

export type DoorRule = Door<unknown>['rule'];

export type Opened<C extends Caller> = { ok: true; turn: C } | { ok: false; text: string; key: TextKey };

const withTeams = <C extends Caller>(caller: C, teamIds: readonly string[]): C => ({ ...caller, scope: { ...caller.scope, teamIds } });

const refuse = (caller: Caller, key: TextKey): { ok: false; text: string; key: TextKey } => ({ ok: false, text: say(key, caller.locale), key });

const auditRefusal = (caller: Caller, caseId: string | null, details: Record<string, string>) =>
  caller.deps.storage.audit.append(caller.scope, { action: AUDIT_ACTIONS.caseAccessRefused, caseId, details: { conversationKind: caller.info.conversation.kind, ...details } });

export async function openDoor<C extends Caller, I>(caller: C, door: Door<I>, input: I): Promise<Opened<C>> {
  const { conversation } = caller.info;
  if (door.rule === 'tenant') return { ok: true, turn: withTeams(caller, []) };
  // Everyone in a group or meeting chat reads what the bot answers there.
  const privateInGroupChat = door.rule === 'case' && door.groupChat === 'answer-to-clicker' && caller.info.answeredTo === 'clicker';
  if (conversation.kind === 'groupChat' && !privateInGroupChat) return refuse(caller, 'noCaseContentInGroupChat');

  if (door.rule === 'personal') {
    if (!readAlone(caller)) return refuse(caller, 'onlyInPersonalChat');
    return { ok: true, turn: withTeams(caller, await teamsOfUser(caller)) };
  }

  if (door.rule === 'team-channel' || door.rule === 'team') {
    const teamId = door.rule === 'team' ? door.team(input) : conversation.teamId;
    if (door.rule === 'team-channel' && (conversation.kind !== 'channel' || !teamId)) return refuse(caller, 'remindersInTeam');
    if (!teamId || !(await isMember(caller, teamId))) {
      await auditRefusal(caller, null, { view: 'team' });
      return refuse(caller, 'notInThisTeam');
    }
    return { ok: true, turn: withTeams(caller, [teamId]) };
  }

  const targets = door.targets(input);
  // Input that names no case is the handler's to answer (a form's own message); it can read nothing.
  if (targets.length === 0) return { ok: true, turn: withTeams(caller, []) };
  const notFound: TextKey = targets.some((t) => 'reminderId' in t) ? 'reminderNotFound' : 'caseNotFound';
  const subjects = await Promise.all(targets.map((t) => subjectOf(caller, t)));
  const [subject] = subjects;
  if (!subject || subjects.some((s) => s?.caseId !== subject.caseId)) {
    // Two names for two cases: which one the handler would read is not the door's to guess.
    if (subject) await auditRefusal(caller, subject.caseId, { reason: 'targets-differ' });
    return refuse(caller, notFound);
  }
  const inItsChannel = conversation.kind !== 'channel' || conversation.teamId === subject.teamId;
  // A case is its team's: its caseworker reaches it as a member of that team, and loses it on leaving.
  const admitted = inItsChannel && (await isMember(caller, subject.teamId));
  if (!admitted) {
    await auditRefusal(caller, subject.caseId, {});
    // The same words as "no such case": a refusal does not tell an outsider that the case exists.
    return refuse(caller, notFound);
  }
  return { ok: true, turn: withTeams(caller, [subject.teamId]) };
}

async function subjectOf(turn: Caller, target: CaseTarget): Promise<CaseAccessSubject | null> {
  const { storage, reminders } = turn.deps;
  const tenantOnly: TenantScope = { tenantId: turn.scope.tenantId, actorId: turn.scope.actorId, origin: turn.scope.origin };
  if ('reminderId' in target) {
    const caseId = reminders ? await reminders.caseOf(turn.scope.tenantId, target.reminderId) : null;
    return caseId ? storage.cases.accessSubject(tenantOnly, { caseId }) : null;
  }
  return storage.cases.accessSubject(tenantOnly, target);
}

async function isMember(turn: Caller, teamId: string): Promise<boolean> {
  const roster = turn.deps.roster;
  return roster ? roster.isMember(turn.scope.tenantId, teamId, turn.scope.actorId) : false;
}

/**
 * The teams of the tenant the bot is installed in that the user is a member of. Asked team by
 * team (the answers are cached by the roster); a municipality has a handful of family teams.
 */
export async function teamsOfUser(turn: Caller): Promise<string[]> {
  const refs = await turn.deps.storage.conversationRefs.listTeams(turn.scope);
  const teams = [...new Set(refs.map((r) => r.teamId).filter((t): t is string => Boolean(t)))];
  const member = await Promise.all(teams.map((teamId) => isMember(turn, teamId)));
  return teams.filter((_, i) => member[i]);
}
