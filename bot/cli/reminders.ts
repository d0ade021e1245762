/**
 * `npm run --silent reminders -- --as-of 2026-04-01T07:00:00Z [--dry-run]`
 *
 * Runs one reminder sweep as of the given time and prints what it sent, or with --dry-run what
 * it would send, as JSON on stdout. For operations (catching up after an outage, checking what
 * tomorrow brings) and for tests. Reads the same environment as the bot: DATABASE_URL or
 * DATA_DIR, and MicrosoftAppId / MicrosoftAppPassword / MicrosoftAppTenantId to post.
 */
import pino from 'pino';
import { z } from 'zod';
import { findDue } from '../reminders/claims.js';
import { createDispatcher } from '../reminders/dispatcher.js';
import { openDatabase } from '../storage/database.js';
import { migrate } from '../storage/migrate.js';
import { botFrameworkTokens, createConnectorClient, type TokenSource } from '../teams/proactive.js';

const Args = z.object({
  asOf: z.iso.datetime({ offset: true, message: '--as-of skal være et tidspunkt som 2026-04-01T07:00:00Z' }).transform((s) => new Date(s)),
  dryRun: z.boolean(),
});

const Env = z.object({
  DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: z.string().trim().optional().transform((s) => (s ? s : undefined)),
  MicrosoftAppId: z.string().trim().optional().transform((s) => (s ? s : undefined)),
  MicrosoftAppPassword: z.string().trim().optional(),
  MicrosoftAppTenantId: z.string().trim().optional().transform((s) => (s ? s : undefined)),
});

export function parseArgs(argv: string[]): z.infer<typeof Args> {
  const at = argv.indexOf('--as-of');
  const unknown = argv.filter((a, i) => a.startsWith('--') && a !== '--as-of' && a !== '--dry-run' && i !== at + 1);
  if (unknown.length > 0) throw new Error(`Ukendt tilvalg: ${unknown.join(', ')}. Brug --as-of TIDSPUNKT [--dry-run].`);
  const result = Args.safeParse({ asOf: at >= 0 ? argv[at + 1] : undefined, dryRun: argv.includes('--dry-run') });
  if (!result.success) throw new Error(at < 0 ? 'Angiv --as-of TIDSPUNKT, fx --as-of 2026-04-01T07:00:00Z.' : result.error.issues[0]!.message);
  return result.data;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const env = Env.parse(process.env);
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  try {
    await migrate(db);
    if (args.dryRun) {
      const due = await findDue(db, args.asOf);
      const reminders = due.map((r) => ({
        tenantId: r.tenantId, reminderId: r.reminderId, caseRef: r.caseRef, notice: r.notice, due: r.due, task: r.task, passage: r.passage,
        target: r.channelActive ? 'channel' : 'personal', conversationId: r.channelActive ? (r.threadId ?? r.channelId) : r.personalChatId,
      }));
      print({ asOf: args.asOf.toISOString(), dryRun: true, reminders });
      return;
    }
    const tokens: TokenSource = env.MicrosoftAppId
      ? botFrameworkTokens({ appId: env.MicrosoftAppId, appPassword: env.MicrosoftAppPassword ?? '', appTenantId: env.MicrosoftAppTenantId })
      : // Without a registration the bot runs locally against a local connector, which takes any token.
        async () => 'local-unauthenticated';
    const appId = env.MicrosoftAppId ?? 'local';
    const dispatcher = createDispatcher({ db, connector: createConnectorClient(tokens), botId: `28:${appId}`, log: pino({ level: 'warn' }, pino.destination(2)) });
    const report = await dispatcher.sweep(args.asOf);
    print({ asOf: report.asOf, dryRun: false, reminders: report.results });
  } finally {
    await db.close();
  }
}

function print(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
