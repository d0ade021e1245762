import type { TenantScope } from '../storage/scope.js';
import type { ConversationDeps } from './deps.js';
import { checkAccess } from './access.js';
import type { ConversationRef, Reply, TurnContextInfo } from './types.js';

/**
 * Installs and removals keep our record of where the bot may post: a team channel becomes a
 * choice for a case's reminders; a removed app stops getting them.
 */
export async function installed(deps: ConversationDeps, turn: TurnContextInfo, ref: ConversationRef): Promise<Reply[]> {
  const access = checkAccess({ ...turn, userId: turn.userId ?? 'teams' }, deps.allowedTenants);
  if (!access.ok) return [];
  await saveRef(deps, access.scope, ref);
  if (ref.kind === 'channel' && ref.teamId) await teamBack(deps, access.scope, ref.teamId, ref.conversationId.split(';')[0]!, ref.serviceUrl);
  // A personal install before the app is in any team: the welcome offers how to add it to one,
  // so the first case does not stop at "Opret sag" for want of a team channel.
  const noTeam = ref.kind === 'personal' && (await deps.storage.conversationRefs.listTeams(access.scope)).length === 0;
  return [{ kind: 'card', card: deps.views.help(access.locale, { noTeam }) }];
}

/**
 * The bot is in the team (again): its channels are choices again and take their reminders back
 * from the caseworkers' personal chats. Both statements change nothing when nothing was inactive.
 */
async function teamBack(deps: ConversationDeps, scope: TenantScope, teamId: string, channelId: string, serviceUrl: string): Promise<void> {
  await deps.storage.conversationRefs.reactivateTeam(scope, teamId);
  await deps.reminders?.teamBack({ tenantId: scope.tenantId, teamId, channelId, serviceUrl });
}

/**
 * A message from a team channel proves the bot is installed there; saving it too keeps the
 * service URL fresh and covers installs whose notice was missed.
 */
export async function rememberTeamChannel(deps: ConversationDeps, scope: TenantScope, turn: TurnContextInfo): Promise<void> {
  const { conversation } = turn;
  if (conversation.kind !== 'channel' || !conversation.teamId || !turn.tenantId) return;
  // A reply in a thread carries the thread in the id ("…;messageid=…"); the channel is the part before.
  const channelId = conversation.id.split(';')[0]!;
  await saveRef(deps, scope, {
    serviceUrl: conversation.serviceUrl,
    conversationId: channelId,
    tenantId: turn.tenantId,
    teamId: conversation.teamId,
    teamName: conversation.teamName,
    channelId: conversation.channelId,
    channelName: conversation.channelName,
    kind: 'channel',
  });
  // The first message in a channel after a re-install whose notice was missed brings the team back too.
  await teamBack(deps, scope, conversation.teamId, channelId, conversation.serviceUrl);
}

async function saveRef(deps: ConversationDeps, scope: TenantScope, ref: ConversationRef): Promise<void> {
  await deps.storage.conversationRefs.upsert(scope, {
    conversationId: ref.conversationId,
    serviceUrl: ref.serviceUrl,
    kind: ref.kind,
    teamId: ref.teamId ?? null,
    teamName: ref.teamName ?? null,
    channelId: ref.channelId ?? null,
    channelName: ref.channelName ?? null,
    userId: ref.userId ?? null,
  });
}

export async function uninstalled(deps: ConversationDeps, turn: TurnContextInfo, ref: ConversationRef): Promise<void> {
  const access = checkAccess({ ...turn, userId: turn.userId ?? 'teams' }, deps.allowedTenants);
  if (!access.ok) return;
  if (ref.kind === 'channel' && ref.teamId) await deps.storage.conversationRefs.deactivateTeam(access.scope, ref.teamId);
  else await deps.storage.conversationRefs.deactivate(access.scope, ref.conversationId);
}
