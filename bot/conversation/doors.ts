import { AUDIT_ACTIONS } from '../storage/audit.js';
import type { CaseAccessSubject } from '../storage/cases.js';
import type { TenantScope } from '../storage/scope.js';
import type { Turn } from './deps.js';
import { say, type TextKey } from './texts.js';

/**
 * The access rule every route declares, and the one place that enforces it before the route's
 * handler runs. The handler then gets a scope whose `teamIds` hold only the teams the rule
 * admitted, so every storage query behind it is filtered to them as well.
 *
 * - `tenant`: any user of an allowed tenant, anywhere; the route shows no case content
 *   (help, questions about the standards). Its scope admits no team, so it could not read a case.
 * - `personal`: only in the user's 1:1 chat with the bot: the interview and the user's own case
 *   lists, which must not be posted where others read along. Scope: the teams the user is in.
 * - `team-channel`: only in a team channel, by a member of that team, about that team.
 * - `case`: one case, named by the route's input; its caseworker or a member of its team, in the
 *   personal chat or in that team's own channel. Never in a group or meeting chat.
 */
export type CaseTarget = { caseId: string } | { reference: string } | { reminderId: number };

export type Door<I> =
  | { rule: 'tenant' }
  | { rule: 'personal' }
  | { rule: 'team-channel' }
  | {
      rule: 'case';
      target: (input: I) => CaseTarget | undefined;
      /**
       * Admitted in a group or meeting chat too. Only for card actions whose answer Teams shows to
       * the one who clicked alone, and for the deliberate share that names its audience first.
       */
      groupChat?: 'answer-to-clicker';
    };

export type DoorRule = Door<unknown>['rule'];

export type Opened = { ok: true; turn: Turn } | { ok: false; text: string };

const withTeams = (turn: Turn, teamIds: readonly string[]): Turn => ({ ...turn, scope: { ...turn.scope, teamIds } });

const refuse = (turn: Turn, key: TextKey): Opened => ({ ok: false, text: say(key, turn.locale) });

export async function openDoor<I>(turn: Turn, door: Door<I>, input: I): Promise<Opened> {
  const { conversation } = turn.info;
  if (door.rule === 'tenant') return { ok: true, turn: withTeams(turn, []) };
  // Everyone in a group or meeting chat reads what the bot answers there.
  const privateInGroupChat = door.rule === 'case' && door.groupChat === 'answer-to-clicker' && turn.info.answeredTo === 'clicker';
  if (conversation.kind === 'groupChat' && !privateInGroupChat) return refuse(turn, 'noCaseContentInGroupChat');

  if (door.rule === 'personal') {
    if (conversation.kind !== 'personal') return refuse(turn, 'onlyInPersonalChat');
    return { ok: true, turn: withTeams(turn, await teamsOfUser(turn)) };
  }

  if (door.rule === 'team-channel') {
    const teamId = conversation.teamId;
    if (conversation.kind !== 'channel' || !teamId) return refuse(turn, 'remindersInTeam');
    if (!(await isMember(turn, teamId))) return refuse(turn, 'notInThisTeam');
    return { ok: true, turn: withTeams(turn, [teamId]) };
  }

  const target = door.target(input);
  // Input that names no case is the handler's to answer (a form's own message); it can read nothing.
  if (!target) return { ok: true, turn: withTeams(turn, []) };
  const subject = await subjectOf(turn, target);
  const notFound: TextKey = 'reminderId' in target ? 'reminderNotFound' : 'caseNotFound';
  if (!subject) return refuse(turn, notFound);
  const inItsChannel = conversation.kind !== 'channel' || conversation.teamId === subject.teamId;
  const admitted = inItsChannel && (subject.caseworkerId === turn.scope.actorId || (await isMember(turn, subject.teamId)));
  if (!admitted) {
    await turn.deps.storage.audit.append(turn.scope, { action: AUDIT_ACTIONS.caseAccessRefused, caseId: subject.caseId, details: { conversationKind: conversation.kind } });
    // The same words as "no such case": a refusal does not tell an outsider that the case exists.
    return refuse(turn, notFound);
  }
  return { ok: true, turn: withTeams(turn, [subject.teamId]) };
}

async function subjectOf(turn: Turn, target: CaseTarget): Promise<CaseAccessSubject | null> {
  const { storage, reminders } = turn.deps;
  const tenantOnly: TenantScope = { tenantId: turn.scope.tenantId, actorId: turn.scope.actorId, origin: turn.scope.origin };
  if ('reminderId' in target) {
    const caseId = reminders ? await reminders.caseOf(turn.scope.tenantId, target.reminderId) : null;
    return caseId ? storage.cases.accessSubject(tenantOnly, { caseId }) : null;
  }
  return storage.cases.accessSubject(tenantOnly, target);
}

async function isMember(turn: Turn, teamId: string): Promise<boolean> {
  const roster = turn.deps.roster;
  return roster ? roster.isMember(turn.scope.tenantId, teamId, turn.scope.actorId) : false;
}

/**
 * The teams of the tenant the bot is installed in that the user is a member of. Asked team by
 * team (the answers are cached by the roster); a municipality has a handful of family teams.
 */
export async function teamsOfUser(turn: Turn): Promise<string[]> {
  const refs = await turn.deps.storage.conversationRefs.listTeams(turn.scope);
  const teams = [...new Set(refs.map((r) => r.teamId).filter((t): t is string => Boolean(t)))];
  const member = await Promise.all(teams.map((teamId) => isMember(turn, teamId)));
  return teams.filter((_, i) => member[i]);
}
