/**
 * What would show that a request changed a case: every case table, not the audit log or caches
 * (a refusal may write its audit row). Equal before and after means nothing was written.
 */
export async function caseTablesFingerprint(db: { query<T>(sql: string, params?: unknown[]): Promise<T[]> }): Promise<string> {
  const [row] = await db.query<{ f: string }>(`SELECT concat_ws('|',
      (SELECT md5(coalesce(string_agg(concat_ws(',', case_id, status, updated_at), ';' ORDER BY case_id), '')) FROM cases),
      (SELECT count(*) FROM decisions), (SELECT count(*) FROM case_notes), (SELECT count(*) FROM case_summaries),
      (SELECT count(*) FROM plans), (SELECT count(*) FROM plan_reviews), (SELECT count(*) FROM review_completions),
      (SELECT md5(coalesce(string_agg(concat_ws(',', reminder_id, state, fire_at, handled_by_name), ';' ORDER BY reminder_id), '')) FROM reminders),
      (SELECT md5(coalesce(string_agg(concat_ws(',', case_id, closed), ';' ORDER BY case_id), '')) FROM reminder_cases)) AS f`);
  return row!.f;
}
