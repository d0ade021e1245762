import { standardRules } from '../../bot/rules-binding.js';
import { readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { openDatabase, type Database } from '../../bot/storage/database.js';
import { migrate } from '../../bot/storage/migrate.js';
import { createStorage } from '../../bot/storage/storage.js';
import { overviewViewsFrom } from '../../bot/tab/wiring.js';
import { CHILD_PLAN_SQL, teamOverviewReader } from '../../bot/storage/team-overview.js';
import { CITE } from '../../rules/citations.js';
import { privateCluster, type PrivateCluster } from '../support/pg-cluster.js';
import { sampleFacts } from '../support/case-fixtures.js';
import { level2Decision } from '../support/summary-fixtures.js';
import { fixedRoster } from '../support/tab-fixtures.js';
import type { BenchResult } from './bench-result.js';

/**
 * The team's overview on PostgreSQL for a team with 2,000 cases and 20,000 plan reviews (and a
 * second team as large, whose rows the queries must step over): the server's time from the
 * request's identity to the figures, roster check, SQL, audit rows and word count included.
 * BENCH_DATABASE_URL names a server to use; without it a private cluster is started with the
 * binaries Debian's postgresql package installs.
 */
const TARGET_MS = 300;
const RUNS = 15;
const CASES = 2_000;
const REVIEWS_PER_CASE = 10;
const TENANT = '11111111-2222-4333-8444-555555555555';
const TEAM = 'team-bench';

export async function run(): Promise<BenchResult[]> {
  let cluster: PrivateCluster | null = null;
  let url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    if (!process.env.TEST_PG_BIN) {
      const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(a) - Number(b));
      if (versions.length === 0) throw new Error('No PostgreSQL found: install Debian\'s postgresql package or set BENCH_DATABASE_URL.');
      process.env.TEST_PG_BIN = `/usr/lib/postgresql/${versions.at(-1)}/bin`;
    }
    cluster = await privateCluster();
    url = cluster.url;
  }
  const db = await openDatabase({ databaseUrl: url, dataDir: '', queryTimeoutMs: 120_000 });
  try {
    await migrate(db);
    await db.exec(`DELETE FROM cases WHERE tenant_id = '${TENANT}'; DELETE FROM reminder_cases WHERE tenant_id = '${TENANT}';`);
    await seed(db, TEAM, 0);
    await seed(db, 'team-other', CASES);
    await db.exec('ANALYZE');
    const storage = createStorage(db);
    const who = { tenantId: TENANT, userId: 'leader-oid', name: 'Leder' };
    const views = overviewViewsFrom({ storage, rules: standardRules, roster: fixedRoster({ [`${TENANT}/${TEAM}`]: [who.userId] }), clock: () => new Date('2026-10-13T10:00:00Z') });
    const once = async () => {
      const started = performance.now();
      const o = await views.teamOverview({ tenantId: who.tenantId, actorId: who.userId, origin: 'tab' }, TEAM);
      if (o.open.total.count !== CASES) throw new Error(`expected ${CASES} open cases, got ${o.open.total.count}`);
      return performance.now() - started;
    };
    const reader = teamOverviewReader(db);
    const sqlOnce = async () => {
      const started = performance.now();
      await reader({ tenantId: TENANT, actorId: who.userId, origin: 'tab' }, { teamId: TEAM, today: '2026-10-13', horizon: '2026-11-12' });
      return performance.now() - started;
    };
    const childPlanOnce = async () => {
      const started = performance.now();
      await db.query(CHILD_PLAN_SQL, [TENANT, TEAM, '2026-11-12', CITE.blOpfoelgning]);
      return performance.now() - started;
    };
    const medianOf = async (f: () => Promise<number>) => {
      for (let i = 0; i < 3; i++) await f();
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) times.push(await f());
      times.sort((a, b) => a - b);
      return { median: times[Math.floor(times.length / 2)]!, p95: times[Math.floor(times.length * 0.95)]! };
    };
    const { median, p95 } = await medianOf(once);
    const sqlMedian = (await medianOf(sqlOnce)).median;
    const childPlanMedian = (await medianOf(childPlanOnce)).median;
    const round = (n: number) => Math.round(n * 10) / 10;
    return [
      { name: `overview: team of ${CASES} cases, ${CASES * REVIEWS_PER_CASE} reviews, PostgreSQL (median)`, value: round(median), unit: 'ms', target: TARGET_MS, ratio: median / TARGET_MS },
      { name: `overview: team of ${CASES} cases, ${CASES * REVIEWS_PER_CASE} reviews, PostgreSQL (p95)`, value: round(p95), unit: 'ms' },
      // Where the time goes: the statements and the audit rows alone, without the figures.
      { name: 'overview: its SQL and audit rows alone (median)', value: round(sqlMedian), unit: 'ms' },
      { name: "overview: barnets plan's statement alone (median)", value: round(childPlanMedian), unit: 'ms' },
    ];
  } finally {
    await db.close();
    await cluster?.destroy();
  }
}

/**
 * One team's cases in a handful of set-based statements: every tenth decision chooses level 3 and
 * every tenth level 1 over the recommended level 2, with a written reason; starts spread over a
 * year, so some dates are overdue, some due soon and some later; 10 notes and 10 reviews a case.
 */
async function seed(db: Database, teamId: string, offset: number): Promise<void> {
  const recommended = level2Decision('2026-01-05');
  const facts = sampleFacts({ referenceDate: '2026-01-05', startDate: '2026-01-05', investigation: 'underway' });
  const channel = `19:${teamId}@thread.tacv2`;
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO reminder_channels (tenant_id, channel_id, service_url) VALUES ($1, $2, 'https://smba.example.invalid/') ON CONFLICT DO NOTHING`,
      [TENANT, channel],
    );
    await tx.query(
      `CREATE TEMP TABLE seed ON COMMIT DROP AS
       SELECT i, gen_random_uuid() AS case_id, gen_random_uuid() AS decision_id,
              (date '2025-11-01' + (i % 340))::date AS start,
              CASE WHEN i % 10 = 3 THEN 'level3' WHEN i % 10 = 7 THEN 'level1' ELSE 'level2' END AS chosen
       FROM generate_series($1::int + 1, $1::int + $2::int) AS i`,
      [offset, CASES],
    );
    await tx.query(
      `INSERT INTO cases (tenant_id, case_id, reference, child_pseudonym, team_id, caseworker_id, caseworker_name, start_date, facts, created_at, updated_at)
       SELECT $1, case_id, 'SAG-B-' || lpad(i::text, 5, '0'), 'AB', $2, 'cw-' || (i % 25), 'Sagsbehandler ' || (i % 25), start,
              jsonb_set(jsonb_set($3::jsonb, '{startDate}', to_jsonb(start::text)), '{referenceDate}', to_jsonb(start::text)), now(), now()
       FROM seed`,
      [TENANT, teamId, JSON.stringify(facts)],
    );
    await tx.query(
      `INSERT INTO decisions (tenant_id, case_id, decision_id, recommended, recommended_outcome, chosen_outcome, override_reason, decided_by, decided_at, parameter_set)
       SELECT $1, case_id, decision_id, jsonb_set($2::jsonb, '{startDate}', to_jsonb(start::text)), 'level2', chosen,
              CASE chosen WHEN 'level3' THEN 'Forældrene magter ikke hverdagen alene; behovet for kompenserende støtte er varigt.'
                          WHEN 'level1' THEN 'Familien samarbejder godt, og et lettere forløb er nok til at sikre barnets trivsel.' END,
              'cw-' || (i % 25), now(), 'default'
       FROM seed`,
      [TENANT, JSON.stringify(recommended)],
    );
    await tx.query(
      `INSERT INTO case_notes (tenant_id, case_id, note_id, note_date, kind, minutes, text, author_id, author_name, created_at)
       SELECT $1, case_id, gen_random_uuid(), start + n * 7, CASE WHEN n % 3 = 0 THEN 'phone' ELSE 'visit' END, 60, 'Besøg i hjemmet.', 'cw', 'Sagsbehandler', now()
       FROM seed, generate_series(0, 9) AS n`,
      [TENANT],
    );
    await tx.query(
      `INSERT INTO plans (tenant_id, case_id, version, purpose, duration_value, duration_unit, referral_source, visitation_social, changed, changed_by, changed_at)
       SELECT $1, case_id, 1, 'Faste rutiner i hverdagen.', 6, 'months', 'daycare', false, '{created}', 'cw', now() FROM seed`,
      [TENANT],
    );
    // Barnets plan's stances: none taken, no, not decided yet, yes (due 3 months after), yes and made.
    await tx.query(
      `INSERT INTO child_plan_stances (tenant_id, case_id, decision_id, stance, due, made_on, recorded_by, recorded_at)
       SELECT $1, case_id, decision_id, CASE i % 5 WHEN 1 THEN 'no' WHEN 2 THEN 'undecided' ELSE 'yes' END,
              CASE WHEN i % 5 IN (3, 4) THEN start + 90 END, CASE WHEN i % 5 = 4 THEN start + 60 END, 'cw', now()
       FROM seed WHERE i % 5 <> 0`,
      [TENANT],
    );
    await tx.query(
      `INSERT INTO plan_reviews (tenant_id, case_id, review_id, plan_version, review_date, decision, decision_id, reviewed_by, reviewed_at)
       SELECT $1, case_id, gen_random_uuid(), 1, start + n * 30, 'continue', decision_id, 'cw', now()
       FROM seed, generate_series(1, $2::int) AS n`,
      [TENANT, REVIEWS_PER_CASE],
    );
    await tx.query(
      `INSERT INTO reminder_cases (tenant_id, case_id, case_ref, team_id, channel_id, outcome, reviews)
       SELECT $1, case_id, 'SAG-B-' || lpad(i::text, 5, '0'), $2, $3, chosen, '[]' FROM seed`,
      [TENANT, teamId, channel],
    );
    // The schedule's rows: the § 95 follow-up and the re-grant at 3 months, the undersøgelse at 4, each with its lead notice.
    await tx.query(
      `INSERT INTO reminders (tenant_id, case_id, review_key, notice, kind, due, passage, task, fire_at, next_attempt_at, state)
       SELECT $1, case_id, r.kind || ':' || (start + r.months * interval '1 month')::date, n.notice, r.kind, (start + r.months * interval '1 month')::date,
              r.passage, 'Opgave', (start + r.months * interval '1 month' - CASE n.notice WHEN 'lead' THEN interval '14 days' ELSE interval '0' END),
              now(), CASE WHEN start + r.months * interval '1 month' < date '2026-10-13' THEN 'sent' ELSE 'pending' END
       FROM seed,
            (VALUES ('follow-up', 3, 'bl.95'), ('regrant', 3, 'pps.omfang.2'), ('investigation-deadline', 4, 'bl.20')) AS r(kind, months, passage),
            (VALUES ('lead'), ('due')) AS n(notice)`,
      [TENANT],
    );
  });
}
