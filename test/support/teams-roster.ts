/**
 * Who is in which team, as the connector stand-ins answer it (GET /v3/conversations/:team/members/:user).
 * One table per test process, shared by every stand-in in it, so a test says once who is in a team
 * whichever stand-in the bot asks. Teams lets only members write in a team's channels, so a test
 * client that writes or installs in a channel joins its team here (bot-client.ts).
 */
const members = new Map<string, Set<string>>();
/** Display names the roster gives, per team and user; a member without one is "Medlem". */
const names = new Map<string, string>();

export function joinTeam(teamId: string, userId: string, name?: string): void {
  let team = members.get(teamId);
  if (!team) members.set(teamId, (team = new Set()));
  team.add(userId);
  if (name !== undefined) names.set(`${teamId}/${userId}`, name);
}

export function memberName(teamId: string, userId: string): string {
  return names.get(`${teamId}/${userId}`) ?? 'Medlem';
}

export function leaveTeam(teamId: string, userId: string): void {
  members.get(teamId)?.delete(userId);
}

export function isTeamMember(teamId: string, userId: string): boolean {
  return members.get(teamId)?.has(userId) ?? false;
}

/** Who is in a group or meeting chat: GET /v3/conversations/:chat/members. */
const chats = new Map<string, Map<string, string>>();

export function joinChat(conversationId: string, userId: string, name: string): void {
  let chat = chats.get(conversationId);
  if (!chat) chats.set(conversationId, (chat = new Map()));
  chat.set(userId, name);
}

export function chatMembers(conversationId: string): { userId: string; name: string }[] {
  return [...(chats.get(conversationId) ?? new Map<string, string>())].map(([userId, name]) => ({ userId, name }));
}

/** A team's channels as Teams would list them: GET /v3/teams/:team/conversations. */
const channels = new Map<string, Map<string, string | undefined>>();

export function addTeamChannel(teamId: string, channelId: string, name?: string): void {
  let team = channels.get(teamId);
  if (!team) channels.set(teamId, (team = new Map()));
  if (!team.has(channelId) || name !== undefined) team.set(channelId, name);
}

export function teamChannelList(teamId: string): { id: string; name?: string }[] {
  return [...(channels.get(teamId) ?? new Map<string, string | undefined>())].map(([id, name]) => (name === undefined ? { id } : { id, name }));
}
