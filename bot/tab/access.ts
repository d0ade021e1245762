/**
 * Team membership, for the doors (bot/conversation/doors.ts), which decide who sees a case.
 * Team membership is the bot's roster of that team (the Bot Connector knows it; the tab
 * does not), so it comes through this interface and botbuilder stays in bot/teams/.
 */
export interface RosterSource {
  isMember(tenantId: string, teamId: string, userId: string): Promise<boolean>;
  /** Teams said the team's members changed: forget its cached answers, so the next action asks again. */
  forgetTeam?(tenantId: string, teamId: string): Promise<void>;
}
