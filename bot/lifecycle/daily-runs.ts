import type { Queryable } from '../storage/database.js';

/**
 * Claims of a job's run for one day, in `daily_job_runs`, so that of several instances sharing the
 * database exactly one runs the job each day. The claim is one INSERT … ON CONFLICT: PostgreSQL
 * makes a second instance inserting the same day wait for the first and then see the row taken.
 * A claim is a lease: the owner renews it while it works, and when an owner dies its lease runs
 * out and the next instance to look takes the day over. Times come from the caller's clock, which
 * the instances' NTP keeps in step, as the reminder windows already assume.
 */

export interface DailyClaim {
  job: string;
  /** YYYY-MM-DD, the Danish calendar day. */
  day: string;
  owner: string;
  /** 1 for the day's first try, more when a failed or abandoned run is taken over. */
  attempt: number;
}

const iso = (d: Date) => d.toISOString();

/** Takes the day's run when nobody has it: not yet claimed, failed and due for a retry, or its owner gone quiet. */
export async function claimDay(db: Queryable, o: { job: string; day: string; owner: string; now: Date; leaseMs: number }): Promise<DailyClaim | null> {
  const rows = await db.query<{ attempts: number }>(
    `INSERT INTO daily_job_runs (job, day, state, owner, attempts, started_at, lease_expires_at)
     VALUES ($1, $2::date, 'running', $3, 1, $4::timestamptz, $5::timestamptz)
     ON CONFLICT (job, day) DO UPDATE
       SET state = 'running', owner = EXCLUDED.owner, attempts = daily_job_runs.attempts + 1,
           started_at = EXCLUDED.started_at, lease_expires_at = EXCLUDED.lease_expires_at, finished_at = NULL, retry_at = NULL
       WHERE (daily_job_runs.state = 'failed' AND daily_job_runs.retry_at <= EXCLUDED.started_at)
          OR (daily_job_runs.state = 'running' AND daily_job_runs.lease_expires_at <= EXCLUDED.started_at)
     RETURNING attempts`,
    [o.job, o.day, o.owner, iso(o.now), iso(new Date(o.now.getTime() + o.leaseMs))],
  );
  const row = rows[0];
  return row ? { job: o.job, day: o.day, owner: o.owner, attempt: Number(row.attempts) } : null;
}

/** Keeps the claim alive while the run lasts; false when another instance has taken it over. */
export async function renewDay(db: Queryable, claim: DailyClaim, now: Date, leaseMs: number): Promise<boolean> {
  const rows = await db.query(
    `UPDATE daily_job_runs SET lease_expires_at = $4::timestamptz
     WHERE job = $1 AND day = $2::date AND owner = $3 AND state = 'running' RETURNING 1`,
    [claim.job, claim.day, claim.owner, iso(new Date(now.getTime() + leaseMs))],
  );
  return rows.length > 0;
}

export async function finishDay(db: Queryable, claim: DailyClaim, now: Date, result: Record<string, unknown>): Promise<void> {
  await db.query(
    `UPDATE daily_job_runs SET state = 'done', finished_at = $4::timestamptz, result = $5::jsonb
     WHERE job = $1 AND day = $2::date AND owner = $3 AND state = 'running'`,
    [claim.job, claim.day, claim.owner, iso(now), JSON.stringify(result)],
  );
}

/** Gives the day back to be tried again from `retryAt`, by this instance or any other. */
export async function failDay(db: Queryable, claim: DailyClaim, now: Date, retryAt: Date, error: string): Promise<void> {
  await db.query(
    `UPDATE daily_job_runs SET state = 'failed', finished_at = $4::timestamptz, retry_at = $5::timestamptz, last_error = $6
     WHERE job = $1 AND day = $2::date AND owner = $3 AND state = 'running'`,
    [claim.job, claim.day, claim.owner, iso(now), iso(retryAt), error],
  );
}
