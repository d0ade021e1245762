import { z } from 'zod';
import type { Clock } from './clock.js';
import type { Database } from './database.js';
import { checkScope, type TenantScope } from './scope.js';

/**
 * Where the bot may post on its own (reminders): saved when the app is installed in a team,
 * chat or personal scope, inactivated when it is removed. Our own record, not a Bot Framework
 * type, so storage does not depend on the Teams SDK; bot/teams converts.
 */

export const CONVERSATION_KINDS = ['personal', 'channel', 'groupChat'] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

export interface ConversationRef {
  tenantId: string;
  conversationId: string;
  serviceUrl: string;
  kind: ConversationKind;
  teamId: string | null;
  teamName: string | null;
  channelId: string | null;
  channelName: string | null;
  /** The user's id for a personal conversation. */
  userId: string | null;
  active: boolean;
  updatedAt: Date;
}

export type ConversationRefInput = Omit<ConversationRef, 'tenantId' | 'active' | 'updatedAt'>;

const optionalText = z.string().trim().min(1).max(500).nullable().optional().transform((v) => v ?? null);

const InputSchema = z.object({
  conversationId: z.string().min(1).max(500),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  kind: z.enum(CONVERSATION_KINDS),
  teamId: optionalText,
  teamName: optionalText,
  channelId: optionalText,
  channelName: optionalText,
  userId: optionalText,
});

const RowSchema = z.object({
  tenant_id: z.string(),
  conversation_id: z.string(),
  service_url: z.string(),
  kind: z.enum(CONVERSATION_KINDS),
  team_id: z.string().nullable(),
  team_name: z.string().nullable(),
  channel_id: z.string().nullable(),
  channel_name: z.string().nullable(),
  user_id: z.string().nullable(),
  active: z.boolean(),
  updated_at: z.date(),
});

const COLUMNS = 'tenant_id, conversation_id, service_url, kind, team_id, team_name, channel_id, channel_name, user_id, active, updated_at';

function toRef(row: unknown): ConversationRef {
  const r = RowSchema.parse(row);
  return {
    tenantId: r.tenant_id,
    conversationId: r.conversation_id,
    serviceUrl: r.service_url,
    kind: r.kind,
    teamId: r.team_id,
    teamName: r.team_name,
    channelId: r.channel_id,
    channelName: r.channel_name,
    userId: r.user_id,
    active: r.active,
    updatedAt: r.updated_at,
  };
}

export function conversationRefStore(db: Database, clock: Clock) {
  return {
    /** Saves or refreshes a reference (a reinstall reactivates it; service URLs can change). */
    async upsert(scope: TenantScope, input: ConversationRefInput): Promise<ConversationRef> {
      checkScope(scope);
      const r = InputSchema.parse(input);
      const [row] = await db.query(
        `INSERT INTO conversation_refs (tenant_id, conversation_id, service_url, kind, team_id, team_name, channel_id, channel_name, user_id, active, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, true, $10::timestamptz)
         ON CONFLICT (tenant_id, conversation_id) DO UPDATE SET
           service_url = EXCLUDED.service_url, kind = EXCLUDED.kind, team_id = EXCLUDED.team_id,
           team_name = COALESCE(EXCLUDED.team_name, conversation_refs.team_name),
           channel_id = EXCLUDED.channel_id,
           channel_name = COALESCE(EXCLUDED.channel_name, conversation_refs.channel_name),
           user_id = EXCLUDED.user_id, active = true, updated_at = EXCLUDED.updated_at
         RETURNING ${COLUMNS}`,
        [scope.tenantId, r.conversationId, r.serviceUrl, r.kind, r.teamId, r.teamName, r.channelId, r.channelName, r.userId, clock().toISOString()],
      );
      return toRef(row);
    },

    async get(scope: TenantScope, conversationId: string): Promise<ConversationRef | null> {
      checkScope(scope);
      const [row] = await db.query(`SELECT ${COLUMNS} FROM conversation_refs WHERE tenant_id = $1 AND conversation_id = $2`, [scope.tenantId, conversationId]);
      return row ? toRef(row) : null;
    },

    /** The app was removed from this conversation: stop posting there, keep the row for a reinstall. */
    async deactivate(scope: TenantScope, conversationId: string): Promise<boolean> {
      checkScope(scope);
      const rows = await db.query(
        'UPDATE conversation_refs SET active = false, updated_at = $3::timestamptz WHERE tenant_id = $1 AND conversation_id = $2 AND active RETURNING conversation_id',
        [scope.tenantId, conversationId, clock().toISOString()],
      );
      return rows.length > 0;
    },

    /** The app was removed from a team: every channel of that team. Returns how many were active. */
    async deactivateTeam(scope: TenantScope, teamId: string): Promise<number> {
      checkScope(scope);
      const rows = await db.query(
        'UPDATE conversation_refs SET active = false, updated_at = $3::timestamptz WHERE tenant_id = $1 AND team_id = $2 AND active RETURNING conversation_id',
        [scope.tenantId, teamId, clock().toISOString()],
      );
      return rows.length;
    },

    /**
     * The app is in this team again: the channels it was removed from with the team are choices
     * again (an install notice names one channel; the bot is back in all of them).
     */
    async reactivateTeam(scope: TenantScope, teamId: string): Promise<number> {
      checkScope(scope);
      const rows = await db.query(
        "UPDATE conversation_refs SET active = true, updated_at = $3::timestamptz WHERE tenant_id = $1 AND team_id = $2 AND kind = 'channel' AND NOT active RETURNING conversation_id",
        [scope.tenantId, teamId, clock().toISOString()],
      );
      return rows.length;
    },

    /** Active channel references of the tenant, one or more per team, by team name. */
    async listTeams(scope: TenantScope): Promise<ConversationRef[]> {
      checkScope(scope);
      const rows = await db.query(
        `SELECT ${COLUMNS} FROM conversation_refs WHERE tenant_id = $1 AND team_id IS NOT NULL AND active AND kind = 'channel'
         ORDER BY team_name NULLS LAST, team_id, channel_name NULLS LAST, conversation_id`,
        [scope.tenantId],
      );
      return rows.map(toRef);
    },
  };
}

export type ConversationRefStore = ReturnType<typeof conversationRefStore>;
