import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AUDIT_ACTIONS, writeAudit } from './audit.js';
import type { Clock } from './clock.js';
import type { Database } from './database.js';
import { refuseCpr } from './personal-data.js';
import { checkScope, isUuid, type TenantScope } from './scope.js';

/**
 * An intake interview in progress, kept in the database so any instance can take the next
 * turn. A draft belongs to the user who started it (the scope's actor). `version` guards
 * against two turns (a double-clicked card, two instances) overwriting each other.
 */

export interface Draft {
  tenantId: string;
  userId: string;
  draftId: string;
  conversationId: string;
  step: string;
  answers: Record<string, unknown>;
  version: number;
  updatedAt: Date;
}

export interface DraftInput {
  /** Absent for a new draft. */
  draftId?: string;
  conversationId: string;
  step: string;
  answers: Record<string, unknown>;
  /** The version this change was based on; 0 for a new draft. */
  expectedVersion: number;
}

export type SaveResult = { ok: true; draft: Draft } | { ok: false; reason: 'stale'; current: Draft | null };

const DraftRowSchema = z.object({
  tenant_id: z.string(),
  user_id: z.string(),
  draft_id: z.string(),
  conversation_id: z.string(),
  step: z.string(),
  answers: z.record(z.string(), z.unknown()),
  version: z.number().int(),
  updated_at: z.date(),
});

const DRAFT_COLUMNS = 'tenant_id, user_id, draft_id::text, conversation_id, step, answers, version, updated_at';

function toDraft(row: unknown): Draft {
  const r = DraftRowSchema.parse(row);
  return { tenantId: r.tenant_id, userId: r.user_id, draftId: r.draft_id, conversationId: r.conversation_id, step: r.step, answers: r.answers, version: r.version, updatedAt: r.updated_at };
}

const DraftInputSchema = z.object({
  draftId: z.string().refine(isUuid).optional(),
  conversationId: z.string().min(1).max(500),
  step: z.string().min(1).max(100),
  answers: z.record(z.string(), z.unknown()),
  expectedVersion: z.number().int().min(0),
});

export function draftStore(db: Database, clock: Clock) {
  async function get(scope: TenantScope, draftId: string): Promise<Draft | null> {
    checkScope(scope);
    if (!isUuid(draftId)) return null;
    const [row] = await db.query(`SELECT ${DRAFT_COLUMNS} FROM intake_drafts WHERE tenant_id = $1 AND user_id = $2 AND draft_id = $3::uuid`, [
      scope.tenantId,
      scope.actorId,
      draftId,
    ]);
    return row ? toDraft(row) : null;
  }

  return {
    get,

    /** The user's newest draft in this conversation, to resume an interview. */
    async findForConversation(scope: TenantScope, conversationId: string): Promise<Draft | null> {
      checkScope(scope);
      const [row] = await db.query(
        `SELECT ${DRAFT_COLUMNS} FROM intake_drafts WHERE tenant_id = $1 AND user_id = $2 AND conversation_id = $3
         ORDER BY updated_at DESC LIMIT 1`,
        [scope.tenantId, scope.actorId, conversationId],
      );
      return row ? toDraft(row) : null;
    },

    /**
     * Creates (expectedVersion 0) or updates a draft. Refused as 'stale' when someone saved a
     * newer version since the caller read it; `current` is that newer version, so the caller can
     * show it without losing what the person typed.
     */
    async save(scope: TenantScope, input: DraftInput): Promise<SaveResult> {
      checkScope(scope);
      const d = DraftInputSchema.parse(input);
      refuseCpr(d.answers, { da: 'Svarene', en: 'The answers' });
      const now = clock().toISOString();
      const draftId = d.draftId ?? randomUUID();
      // One statement: the draft and its audit row are written together or not at all, in one round
      // trip, since every step of every interview passes here.
      const write =
        d.expectedVersion === 0
          ? `INSERT INTO intake_drafts (tenant_id, user_id, draft_id, conversation_id, step, answers, version, updated_at)
             SELECT $1, $2, $3::uuid, $4, $5, $6::jsonb, 1, $7::timestamptz WHERE $8::int = 0
             ON CONFLICT (tenant_id, user_id, draft_id) DO NOTHING RETURNING ${DRAFT_COLUMNS}`
          : `UPDATE intake_drafts SET conversation_id = $4, step = $5, answers = $6::jsonb, version = version + 1, updated_at = $7::timestamptz
             WHERE tenant_id = $1 AND user_id = $2 AND draft_id = $3::uuid AND version = $8 RETURNING ${DRAFT_COLUMNS}`;
      const rows = await db.query(
        `WITH saved AS (${write}),
         audited AS (
           INSERT INTO audit_log (tenant_id, actor_id, action, case_id, origin, details)
           SELECT tenant_id, user_id, $9, NULL, $10, jsonb_build_object('step', step, 'version', version) FROM saved)
         SELECT * FROM saved`,
        [scope.tenantId, scope.actorId, draftId, d.conversationId, d.step, JSON.stringify(d.answers), now, d.expectedVersion, AUDIT_ACTIONS.draftSave, scope.origin],
      );
      const [row] = rows;
      if (!row) {
        const current = await get(scope, draftId);
        return { ok: false, reason: 'stale', current };
      }
      return { ok: true, draft: toDraft(row) };
    },

    /** Removes the draft (interview finished or abandoned). True when there was one. */
    async remove(scope: TenantScope, draftId: string): Promise<boolean> {
      checkScope(scope);
      if (!isUuid(draftId)) return false;
      return db.transaction(async (tx) => {
        const deleted = await tx.query('DELETE FROM intake_drafts WHERE tenant_id = $1 AND user_id = $2 AND draft_id = $3::uuid RETURNING draft_id', [
          scope.tenantId,
          scope.actorId,
          draftId,
        ]);
        if (deleted.length > 0) await writeAudit(tx, scope, AUDIT_ACTIONS.draftDelete, [null]);
        return deleted.length > 0;
      });
    },

    /** Lifecycle: drafts nobody touched since `before` (abandoned interviews) are deleted, for every user of the tenant. */
    async deleteUntouchedSince(scope: TenantScope, before: Date): Promise<number> {
      checkScope(scope);
      return db.transaction(async (tx) => {
        const deleted = await tx.query('DELETE FROM intake_drafts WHERE tenant_id = $1 AND updated_at < $2::timestamptz RETURNING draft_id', [
          scope.tenantId,
          before.toISOString(),
        ]);
        if (deleted.length > 0) await writeAudit(tx, scope, AUDIT_ACTIONS.draftDelete, [null], { count: deleted.length, reason: 'retention' });
        return deleted.length;
      });
    },
  };
}

export type DraftStore = ReturnType<typeof draftStore>;
