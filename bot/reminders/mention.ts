import { z } from 'zod';
import type { TeamMemberName, TeamMemberNames } from '../teams/roster.js';
import type { ClaimedReminder } from './claims.js';
import type { Sql } from './db.js';

/**
 * Who a channel reminder is addressed to: the case's caseworker, @mentioned so Teams tells them
 * personally and not only the channel. The reminder keeps the caseworker's Entra object id; the
 * name the mention shows is asked of the team's roster when the post is made (bot/teams/roster.ts)
 * and lives only in this sweep's memory, so no name is stored beside a reminder.
 *
 * A lookup that fails (the roster away, the caseworker no longer in the team) gives no mention:
 * the reminder is still posted in the channel, where the team sees it. A reminder is never held up
 * for want of a name.
 */

export type MentionLookup = (r: ClaimedReminder) => Promise<TeamMemberName | null>;

export interface MentionLookupOptions {
  db: Sql;
  names: TeamMemberNames;
  /** Waits for room under the tenant's request windows: the roster call is a request to Teams too. */
  acquire: (tenantId: string) => Promise<{ done(): void }>;
  log: { warn(obj: object, msg: string): void };
}

const TeamRow = z.object({ team_id: z.string() });

/** One sweep's lookups: each caseworker is asked for once per team and sweep, whatever the answer. */
export function mentionLookup(o: MentionLookupOptions): MentionLookup {
  const asked = new Map<string, Promise<TeamMemberName | null>>();
  return async (r) => {
    const userId = r.caseworkerId;
    if (!userId) return null;
    const teamId = await teamOf(o.db, r).catch(() => null);
    if (!teamId) return null;
    const key = `${r.tenantId}/${teamId}/${userId}`;
    let answer = asked.get(key);
    if (!answer) {
      answer = (async () => {
        const permit = await o.acquire(r.tenantId);
        try {
          return await o.names({ serviceUrl: r.serviceUrl, teamId, userId });
        } catch (error) {
          o.log.warn({ tenantId: r.tenantId, err: { name: (error as Error)?.name } }, 'the roster did not name a reminder\'s caseworker; posting it without a mention');
          return null;
        } finally {
          permit.done();
        }
      })();
      asked.set(key, answer);
    }
    return answer;
  };
}

async function teamOf(db: Sql, r: ClaimedReminder): Promise<string | null> {
  const [row] = await db.query('SELECT team_id FROM reminder_cases WHERE tenant_id = $1 AND case_id = $2', [r.tenantId, r.caseId]);
  return row ? TeamRow.parse(row).team_id : null;
}
