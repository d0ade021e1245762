import type { Database } from '../../bot/storage/database.js';
import type { OperatorDeps } from '../../bot/cli/operator-command.js';

/**
 * Tables shaped like those later areas add (notes, plans with goals), so the tests prove that a
 * case's rows in tables the lifecycle code has never heard of are exported and deleted with it.
 * The plan refuses deletion while goals point at it (no cascade), which forces the right order.
 */
export async function addLaterAreaTables(db: Database): Promise<void> {
  await db.exec(`
    CREATE TABLE IF NOT EXISTS later_notes (tenant_id text NOT NULL, case_id uuid NOT NULL, note_id int NOT NULL, body text NOT NULL,
      PRIMARY KEY (tenant_id, case_id, note_id));
    CREATE TABLE IF NOT EXISTS later_plans (tenant_id text NOT NULL, case_id uuid NOT NULL, plan_id int NOT NULL,
      PRIMARY KEY (tenant_id, case_id, plan_id), FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, case_id));
    CREATE TABLE IF NOT EXISTS later_plan_goals (tenant_id text NOT NULL, case_id uuid NOT NULL, plan_id int NOT NULL, goal text NOT NULL,
      PRIMARY KEY (tenant_id, case_id, plan_id, goal), FOREIGN KEY (tenant_id, case_id, plan_id) REFERENCES later_plans (tenant_id, case_id, plan_id));
  `);
}

export async function addLaterAreaRows(db: Database, tenantId: string, caseId: string): Promise<void> {
  await db.query(`INSERT INTO later_notes VALUES ($1, $2::uuid, 1, 'Mødet gik godt')`, [tenantId, caseId]);
  await db.query(`INSERT INTO later_plans VALUES ($1, $2::uuid, 1)`, [tenantId, caseId]);
  await db.query(`INSERT INTO later_plan_goals VALUES ($1, $2::uuid, 1, 'Faste sengetider')`, [tenantId, caseId]);
}

export async function rowsAbout(db: Database, caseId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['cases', 'decisions', 'later_notes', 'later_plans', 'later_plan_goals', 'audit_log']) {
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE case_id = $1::uuid`, [caseId]);
    out[table] = row?.n ?? 0;
  }
  return out;
}

/** Hands the test's database to a command without letting the command close it. */
export function depsFor(db: Database, env: NodeJS.ProcessEnv = {}, now = new Date('2026-01-31T12:00:00Z')): OperatorDeps {
  const borrowed: Database = Object.assign(Object.create(db) as Database, { close: async () => undefined });
  return { open: async () => borrowed, env: { FAMILIESTOTTE_OPERATOR: 'operator:test', ...env }, now: () => now };
}
