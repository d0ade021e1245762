import type { Queryable } from '../storage/database.js';

/**
 * Every table that holds rows about one case, found in the catalogue rather than listed here:
 * any table with both a `tenant_id` and a `case_id` column. Tables that later areas add
 * (reminders, notes, plans) are exported and erased with their case without a change here.
 */

export interface CaseTable {
  name: string;
  /** Tables whose foreign keys point at this one; their rows must go first. */
  referencedBy: string[];
}

/** The case itself and the audit log are handled on their own terms, not as "rows about a case". */
const OWN_TERMS = new Set(['cases', 'audit_log']);

export async function caseTables(tx: Queryable): Promise<CaseTable[]> {
  const rows = await tx.query<{ table_name: string }>(
    `SELECT c.table_name::text AS table_name
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.column_name IN ('tenant_id', 'case_id')
      GROUP BY c.table_name HAVING count(*) = 2
      ORDER BY c.table_name`,
  );
  const names = rows.map((r) => r.table_name);
  const refs = await tx.query<{ child: string; parent: string }>(
    `SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent
       FROM pg_constraint WHERE contype = 'f' AND connamespace = current_schema()::regnamespace`,
  );
  return names.map((name) => ({
    name,
    referencedBy: refs.filter((r) => unquote(r.parent) === name && unquote(r.child) !== name).map((r) => unquote(r.child)),
  }));
}

function unquote(name: string): string {
  return name.replace(/^"|"$/g, '').replace(/""/g, '"');
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The case's own tables (not `cases`, not the audit log), children before the tables they point at. */
export function deletionOrder(tables: readonly CaseTable[]): string[] {
  const pending = new Map(tables.filter((t) => !OWN_TERMS.has(t.name)).map((t) => [t.name, t]));
  const order: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending.values()].filter((t) => t.referencedBy.every((child) => !pending.has(child)));
    // A cycle of foreign keys: take them in name order and let cascades do the rest.
    const next = ready.length > 0 ? ready : [...pending.values()];
    for (const t of next) {
      order.push(t.name);
      pending.delete(t.name);
    }
  }
  return order;
}

/** Deletes every row about these cases in the case's own tables, then the cases; returns the case ids deleted. */
export async function deleteCases(tx: Queryable, tenantId: string, caseIds: readonly string[]): Promise<string[]> {
  if (caseIds.length === 0) return [];
  for (const table of deletionOrder(await caseTables(tx))) {
    await tx.query(`DELETE FROM ${quoteIdent(table)} WHERE tenant_id = $1 AND case_id::text = ANY($2::text[])`, [tenantId, caseIds]);
  }
  const deleted = await tx.query<{ case_id: string }>(
    `DELETE FROM cases WHERE tenant_id = $1 AND case_id::text = ANY($2::text[]) RETURNING case_id::text`,
    [tenantId, caseIds],
  );
  return deleted.map((r) => r.case_id);
}

/** Every row about one case, table by table (the case itself and its audit trail included). */
export async function readCaseRows(tx: Queryable, tenantId: string, caseId: string): Promise<Record<string, unknown[]>> {
  const tables = (await caseTables(tx)).map((t) => t.name);
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const order = table === 'audit_log' ? ' ORDER BY audit_id' : '';
    out[table] = await tx.query(`SELECT * FROM ${quoteIdent(table)} WHERE tenant_id = $1 AND case_id::text = $2${order}`, [tenantId, caseId]);
  }
  return out;
}

/**
 * Rewrites the case's tables so the deleted rows' old versions leave the table files: a DELETE
 * only marks a row dead, and a plain VACUUM frees its space without overwriting it. VACUUM FULL
 * writes each table and its indexes anew and drops the old files. It cannot run in a transaction,
 * so it runs on the database itself after the deleting transaction has committed. (WAL segments
 * keep the text until they are recycled; the DPIA notes say for how long.)
 */
export async function rewriteCaseTables(db: Queryable): Promise<void> {
  const tables = ['cases', ...(await caseTables(db)).map((t) => t.name).filter((name) => name !== 'cases')];
  for (const table of tables) await db.query(`VACUUM FULL ${quoteIdent(table)}`);
  await db.query('CHECKPOINT');
}
