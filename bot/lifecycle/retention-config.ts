import { z } from 'zod';

/**
 * How long data is kept, in days, from the environment. The defaults are a starting point only:
 * each municipality sets its own periods from its records policy and writes them in its DPIA.
 */
const Days = (fallback: number) => z.coerce.number().int().min(1).max(36_500).default(fallback);

/** Shared with the bot's start-up configuration (bot/config.ts), so the command and the bot agree. */
export const RETENTION_ENV_FIELDS = {
  /** Closed cases (with their decisions, notes, plans, reminders) go this long after closing. */
  RETENTION_CLOSED_CASES_DAYS: Days(1826),
  /** Audit rows go by their own period; they outlive the cases they describe. */
  RETENTION_AUDIT_DAYS: Days(3653),
  /** An intake interview nobody has touched for this long is abandoned. */
  RETENTION_DRAFTS_DAYS: Days(30),
};

const RetentionEnvSchema = z.object(RETENTION_ENV_FIELDS);

export interface RetentionPeriods {
  closedCasesDays: number;
  auditDays: number;
  draftsDays: number;
}

export function retentionPeriodsFromEnv(env: NodeJS.ProcessEnv): RetentionPeriods {
  const parsed = RetentionEnvSchema.safeParse(env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new Error(`${names}: skal være et helt antal dage mellem 1 og 36500`);
  }
  return {
    closedCasesDays: parsed.data.RETENTION_CLOSED_CASES_DAYS,
    auditDays: parsed.data.RETENTION_AUDIT_DAYS,
    draftsDays: parsed.data.RETENTION_DRAFTS_DAYS,
  };
}
