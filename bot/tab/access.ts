import type { TabIdentity } from './auth.js';

/**
 * Who may see a case in the tab: its caseworker, and the members of the case's team.
 * Team membership is the bot's roster of that team (the Bot Connector knows it; the tab
 * does not), so it comes through this interface and botbuilder stays in bot/teams/.
 */
export interface RosterSource {
  isMember(tenantId: string, teamId: string, userId: string): Promise<boolean>;
  /** Teams said the team's members changed: forget its cached answers, so the next action asks again. */
  forgetTeam?(tenantId: string, teamId: string): Promise<void>;
}

export interface CaseAccessSubject {
  tenantId: string;
  teamId: string;
  caseworkerId: string;
}

export type AccessGrant = 'caseworker' | 'team-member';

export async function accessToCase(who: TabIdentity, subject: CaseAccessSubject, roster: RosterSource): Promise<AccessGrant | null> {
  // Tenant isolation first: a case of another tenant is never anyone's here, roster or not.
  if (who.tenantId !== subject.tenantId) return null;
  if (who.userId === subject.caseworkerId) return 'caseworker';
  return (await roster.isMember(subject.tenantId, subject.teamId, who.userId)) ? 'team-member' : null;
}
