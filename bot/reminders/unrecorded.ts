import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { Sql } from './db.js';
import { markSent } from './outcomes.js';

/**
 * Posts that went out but whose record the database did not take. Each stays claimed by the
 * instance that posted it (claims.ts never puts a row marked "sending" back to pending), and its
 * record, activity id included, is retried here until the database answers, however long that is.
 *
 * So that a stop or a crash during the outage does not lose them, they are also written to a small
 * file in the data folder, rewritten whole (write, then rename) whenever the set changes, and
 * recorded from there at the next start. The file holds only ids (tenant, reminder, case,
 * conversation, activity): no personal data. We chose a file over waiting in memory alone because
 * the record is the only thing that stops the post from being made again, and over writing the
 * file before every post because a post whose first record attempt succeeds (nearly all) then
 * costs no disk write; the crash window left between the post and that first attempt is the
 * "maybe sent" case that claims.ts handles.
 */

export const UnrecordedPostSchema = z.object({
  tenantId: z.string(),
  reminderId: z.number().int(),
  /** The other reminders on the same post (one card for a case's items of the day): recorded with it, in one statement. */
  together: z.array(z.number().int()).optional(),
  caseId: z.string(),
  owner: z.string(),
  target: z.enum(['channel', 'personal']),
  threadKey: z.string(),
  conversationId: z.string(),
  activityId: z.string(),
  newThreadId: z.string().nullable(),
  status: z.number().int().nullable(),
  at: z.number(),
});
export type UnrecordedPost = z.infer<typeof UnrecordedPostSchema>;

const JournalSchema = z.object({ version: z.literal(1), posts: z.array(UnrecordedPostSchema) });

export interface UnrecordedOptions {
  db: Sql;
  /** The journal file; null keeps the set in memory only (tests, the operator command). */
  file: string | null;
  log: { warn(obj: object, msg: string): void; info?(obj: object, msg: string): void };
  /** Between record attempts: doubling from `baseMs` up to `maxMs`. */
  baseMs?: number;
  maxMs?: number;
}

export interface UnrecordedPosts {
  /** Keeps a post to be recorded; resolves once it is in the journal. */
  add(post: UnrecordedPost): Promise<void>;
  /** Instances whose claims are waiting here: their leases must be renewed meanwhile. */
  owners(): string[];
  size(): number;
  /** Loads the journal left by an earlier run of this process and starts recording it. */
  replay(): Promise<number>;
  /** Waits up to `ms` for every record to be written; what is left stays in the journal. */
  drain(ms: number): Promise<boolean>;
  stop(): void;
}

export function createUnrecordedPosts(o: UnrecordedOptions): UnrecordedPosts {
  const posts = new Map<string, UnrecordedPost>();
  const baseMs = o.baseMs ?? 250;
  const maxMs = o.maxMs ?? 2_000;
  let writing: Promise<void> = Promise.resolve();
  let loop: Promise<void> | null = null;
  let stopped = false;
  let wake: (() => void) | null = null;

  const key = (p: UnrecordedPost) => `${p.tenantId}/${p.reminderId}`;

  /** Writes are queued one after another, each with the set as it is then. */
  function persist(): Promise<void> {
    if (!o.file) return Promise.resolve();
    const file = o.file;
    writing = writing.then(async () => {
      await mkdir(dirname(file), { recursive: true });
      const tmp = `${file}.tmp`;
      await writeFile(tmp, JSON.stringify({ version: 1, posts: [...posts.values()] }), { flush: true });
      await rename(tmp, file);
    });
    return writing;
  }

  async function recordOne(p: UnrecordedPost): Promise<void> {
    const reminderIds = [p.reminderId, ...(p.together ?? [])];
    const recorded = await markSent(o.db, { tenantId: p.tenantId, reminderIds, caseId: p.caseId }, {
      owner: p.owner, target: p.target, threadKey: p.threadKey, conversationId: p.conversationId, status: p.status, reason: null, at: p.at, activityId: p.activityId, newThreadId: p.newThreadId,
    });
    // Not ours any more: another instance took the claim over after we stopped renewing it, and
    // has posted it again. Nothing left to record; the duplicate is logged to be traced.
    if (recorded < reminderIds.length) o.log.warn({ reminderId: p.reminderId, reminders: reminderIds.length, recorded, tenantId: p.tenantId }, 'reminder posted, but its claim was taken over before the record could be written');
  }

  async function run(): Promise<void> {
    let failures = 0;
    while (!stopped && posts.size > 0) {
      let failed = false;
      for (const p of [...posts.values()]) {
        if (stopped) return;
        try {
          await recordOne(p);
          posts.delete(key(p));
          await persist().catch((error: unknown) => o.log.warn({ err: { name: (error as Error)?.name } }, 'reminder journal could not be written'));
        } catch {
          failed = true;
          break;
        }
      }
      if (!failed) {
        failures = 0;
        continue;
      }
      failures++;
      const ms = Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 10));
      await new Promise<void>((resolve) => {
        wake = resolve;
        // Real time, whatever clock the dispatcher runs on: this waits for the database to come back.
        setTimeout(resolve, ms).unref();
      });
      wake = null;
    }
  }

  function ensureRunning(): void {
    if (loop || stopped) return;
    loop = run().finally(() => {
      loop = null;
      if (!stopped && posts.size > 0) ensureRunning();
    });
  }

  return {
    async add(post) {
      stopped = false;
      posts.set(key(post), post);
      o.log.warn({ reminderId: post.reminderId, tenantId: post.tenantId }, 'reminder posted but not yet recorded; the record is kept and retried until the database answers');
      await persist().catch((error: unknown) => o.log.warn({ err: { name: (error as Error)?.name } }, 'reminder journal could not be written'));
      ensureRunning();
    },
    owners: () => [...new Set([...posts.values()].map((p) => p.owner))],
    size: () => posts.size,
    async replay() {
      if (!o.file) return 0;
      let raw: string;
      try {
        raw = await readFile(o.file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
        throw error;
      }
      const parsed = JournalSchema.safeParse(JSON.parse(raw));
      if (!parsed.success) throw new Error(`the reminder journal ${o.file} is not readable: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      for (const p of parsed.data.posts) posts.set(key(p), p);
      stopped = false;
      if (posts.size > 0) ensureRunning();
      return parsed.data.posts.length;
    },
    async drain(ms) {
      const deadline = Date.now() + ms;
      while (posts.size > 0 && Date.now() < deadline) {
        wake?.();
        await new Promise((resolve) => setTimeout(resolve, Math.min(50, Math.max(1, deadline - Date.now()))));
      }
      await writing.catch(() => undefined);
      return posts.size === 0;
    },
    stop() {
      stopped = true;
      wake?.();
    },
  };
}
