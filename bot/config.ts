import { z } from 'zod';
import { describeLlmConfig, LlmConfigError, readLlmConfig, type LlmConfig } from '../prompts/config.js';
import { RETENTION_ENV_FIELDS, type RetentionPeriods } from './lifecycle/retention-config.js';
import { WEEKDAYS, type Weekday } from './digest/weekly-digest.js';
import { ParameterFileError, readParameterFile, STANDARD_PARAMETERS, type ParameterConfig } from './rules-binding.js';

/**
 * The one place that reads the environment. Everything else receives a parsed `Config`,
 * so a typo in a variable name fails at start-up, naming the variable, instead of mid-turn.
 */

const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const flag = z
  .enum(['true', 'false', ''])
  .optional()
  .transform((s) => s === 'true');

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

// The municipality's own standard file, per tenant (docs/egen-servicestandard.md). Only the paths
// are read here; bot/standards/ reads and checks the files at start-up.
const STANDARD_ENV_FIELDS = {
  /** The standard every tenant without its own file decides under; unset: the seed standard. */
  STANDARD_FILE: optionalText,
  /** "tenant=path,tenant=path": a tenant's own standard file. */
  TENANT_STANDARD_FILES: optionalText.transform((s, ctx) => {
    const byTenant: Record<string, string> = {};
    for (const entry of (s ?? '').split(',').map((e) => e.trim()).filter((e) => e !== '')) {
      const at = entry.indexOf('=');
      const [tenant, file] = [entry.slice(0, at).trim(), entry.slice(at + 1).trim()];
      if (at < 0 || tenant === '' || file === '' || tenant in byTenant) {
        ctx.addIssue({ code: 'custom', message: `is not a list of tenant=path (the entry "${entry}")` });
        return z.NEVER;
      }
      byTenant[tenant] = file;
    }
    return byTenant;
  }),
};

/** Where each tenant's standard file is; absent: the seed standard. */
export interface StandardSettings {
  file?: string;
  byTenant: Record<string, string>;
}

const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    DATA_DIR: z.string().trim().min(1).default('./data'),
    DATABASE_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
    /**
     * The tables' owner, when DATABASE_URL is the bot's own role (a member of familiestotte_app):
     * migrations and the table rewrite after deleting run through it, turns never do.
     */
    DATABASE_OWNER_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.enum(APP_TYPES).default('MultiTenant'),
    MicrosoftAppTenantId: optionalText,
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    /** Comma-separated Entra tenant ids; when set, turns from any other tenant are refused. */
    ALLOWED_TENANTS: optionalText.transform((s) =>
      s === undefined ? undefined : s.split(',').map((t) => t.trim()).filter((t) => t !== ''),
    ),
    REMINDER_LEAD_DAYS: z.coerce.number().int().min(0).max(365).default(14),
    /** How often each instance sweeps for due reminders; 0 turns the dispatcher off (e.g. a CLI-only host). */
    REMINDER_SWEEP_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
    /**
     * How long a claim on due reminders holds without renewal (renewed every third of it). A dead
     * instance's reminders wait one lease (two when a post may have gone out). At least 3 s, so a
     * renewal has time to land; at most 10 minutes.
     */
    REMINDER_LEASE_SECONDS: z.coerce.number().int().min(3).max(600).default(15),
    /** The weekday each team channel gets its weekly digest (from 07:00 Danish time); "off": none. */
    WEEKLY_DIGEST_DAY: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum([...WEEKDAYS, 'off']))
      .default('monday'),
    /** How long a card action waits for a notes summary before acknowledging it; Teams allows five seconds. */
    SUMMARY_WAIT_MS: z.coerce.number().int().min(0).max(4_000).default(3_000),
    /** Turns this instance runs at once; more wait in arrival order. Keeps latency fair under load. */
    MAX_TURNS_IN_FLIGHT: z.coerce.number().int().min(1).max(1_000).default(16),
    /** Where the server listens. Loopback is what lets the tab run in local development mode. */
    HOST: z.string().trim().min(1).default('0.0.0.0'),
    NODE_ENV: optionalText,
    /** The tab's SSO audience when it is not api://<MicrosoftAppId>: api://<domain>/<MicrosoftAppId>. */
    TAB_APP_ID_URI: optionalText,
    ...RETENTION_ENV_FIELDS,
    /** How often each instance looks whether today's retention run is still to do; 0 leaves retention to the operator command. */
    RETENTION_CHECK_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
    /** The largest request body read; Teams activities are small, a long free-text answer still fits in 1 MB. */
    MAX_REQUEST_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
    /** Without a bot registration, requests are accepted unauthenticated only when this says so. */
    ALLOW_UNAUTHENTICATED_LOCAL: flag,
    /** /metrics is served only on this port, never on PORT; unset: no metrics listener. */
    METRICS_PORT: optionalText.pipe(z.string().regex(/^\d{1,5}$/, 'a port number').transform(Number).pipe(z.number().max(65535)).optional()),
    METRICS_HOST: z.string().trim().min(1).default('127.0.0.1'),
    /** The bot's public address; https:// turns on HSTS. */
    PUBLIC_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
    ...STANDARD_ENV_FIELDS,
    /** The municipality's parameter set (JSON) for every tenant; unset: the standard's own figures. */
    PARAMETERS_FILE: optionalText,
    /** Tenants with their own set: "tenant=path,tenant=path"; any other tenant gets PARAMETERS_FILE's. */
    TENANT_PARAMETERS_FILES: optionalText.pipe(
      z
        .string()
        .regex(/^[^=,\s]+=[^=,]+(,[^=,\s]+=[^=,]+)*$/, 'must be tenant=path pairs separated by commas')
        .transform((s) => s.split(',').map((pair) => pair.split('=').map((t) => t.trim()) as [string, string]))
        .optional(),
    ),
  })
  .superRefine((env, ctx) => {
    // A bot registration needs its secret, except a managed identity, which has none.
    if (env.MicrosoftAppId && env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required when MicrosoftAppId is set' });
    }
    if (env.MicrosoftAppType === 'SingleTenant' && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required for a SingleTenant app' });
    }
    const production = env.NODE_ENV === 'production';
    if (production && env.ALLOW_UNAUTHENTICATED_LOCAL) {
      ctx.addIssue({ code: 'custom', path: ['ALLOW_UNAUTHENTICATED_LOCAL'], message: 'is not allowed with NODE_ENV=production' });
    } else if (production && !env.MicrosoftAppId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppId'], message: 'is required with NODE_ENV=production' });
    } else if (!env.MicrosoftAppId && !env.ALLOW_UNAUTHENTICATED_LOCAL) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppId'],
        message: 'is required; for a local run without a bot registration set ALLOW_UNAUTHENTICATED_LOCAL=true',
      });
    }
  });

export interface Config {
  port: number;
  dataDir: string;
  databaseUrl?: string;
  /** Migrations and maintenance only; see DATABASE_OWNER_URL. */
  databaseOwnerUrl?: string;
  bot: {
    appId?: string;
    appPassword?: string;
    appType: (typeof APP_TYPES)[number];
    tenantId?: string;
  };
  logLevel: (typeof LOG_LEVELS)[number];
  allowedTenants?: string[];
  reminderLeadDays: number;
  reminderSweepSeconds: number;
  reminderLeaseSeconds: number;
  /** The weekly digest's day; null: off. Posted by the instances that sweep reminders. */
  weeklyDigestDay: Weekday | null;
  summaryWaitMs: number;
  maxTurnsInFlight: number;
  /** Off unless LLM_MODEL is set; the variables are read by prompts/config.ts. */
  llm: LlmConfig;
  host: string;
  /** The tab: its SSO audience, and whether this is production (no local development mode). */
  tab: { appIdUri?: string; production: boolean };
  /** The retention periods, and how often the daily run is looked for (0: never, in this process). */
  retention: RetentionPeriods & { checkMinutes: number };
  http: {
    maxRequestBytes: number;
    /** No bot registration: requests are taken without a token, so only from this machine. */
    unauthenticatedLocal: boolean;
    /** Strict-Transport-Security on every response: the bot is reached over HTTPS. */
    hsts: boolean;
  };
  /** Where /metrics is served; absent, it is not served at all. */
  metrics?: { port: number; host: string };
  standards: StandardSettings;
  /** The parameter sets, read and checked at start: the one for all tenants, and each tenant's own. */
  parameters: ParameterConfig;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
    /** The problem in Danish, where the generic wording would hide it (a parameter file's check). */
    danishProblem?: string,
  ) {
    super(
      `Ugyldig konfiguration: miljøvariablen ${variable} ${danishProblem ?? danish(problem)}. ` +
        `Invalid configuration: environment variable ${variable} ${problem}. See .env.example.`,
    );
    this.name = 'ConfigError';
  }
}

function danish(problem: string): string {
  if (problem.includes('ALLOW_UNAUTHENTICATED_LOCAL=true')) {
    return 'mangler; sæt ALLOW_UNAUTHENTICATED_LOCAL=true for en lokal kørsel uden botregistrering';
  }
  if (problem.startsWith('is not allowed')) return 'er ikke tilladt med NODE_ENV=production';
  if (problem.startsWith('is required')) return 'mangler eller er forkert (se .env.example)';
  return 'har en ugyldig værdi (se .env.example)';
}

/** Parses the environment once; throws a ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const variable = String(issue.path[0] ?? '(ukendt)');
    const problem = issue.code === 'custom' ? issue.message : `is invalid: ${issue.message}`;
    throw new ConfigError(variable, problem);
  }
  const e = result.data;
  // The owner's role is for a PostgreSQL server; the embedded database has one user.
  if (e.DATABASE_OWNER_URL && !e.DATABASE_URL) throw new ConfigError('DATABASE_OWNER_URL', 'is set without DATABASE_URL');
  let llm: LlmConfig;
  try {
    llm = readLlmConfig(env);
  } catch (err) {
    if (err instanceof LlmConfigError) throw new ConfigError('LLM_MODEL', `is invalid: ${err.message}`);
    throw err;
  }
  const parameters = readParameters(e.PARAMETERS_FILE, e.TENANT_PARAMETERS_FILES);
  return {
    port: e.PORT,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL,
    databaseOwnerUrl: e.DATABASE_OWNER_URL,
    bot: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
    },
    logLevel: e.LOG_LEVEL,
    // A single-tenant app serves its own tenant only, unless the list says otherwise.
    allowedTenants: e.ALLOWED_TENANTS ?? (e.MicrosoftAppType === 'SingleTenant' && e.MicrosoftAppTenantId ? [e.MicrosoftAppTenantId] : undefined),
    reminderLeadDays: e.REMINDER_LEAD_DAYS,
    reminderSweepSeconds: e.REMINDER_SWEEP_SECONDS,
    reminderLeaseSeconds: e.REMINDER_LEASE_SECONDS,
    weeklyDigestDay: e.WEEKLY_DIGEST_DAY === 'off' ? null : e.WEEKLY_DIGEST_DAY,
    summaryWaitMs: e.SUMMARY_WAIT_MS,
    maxTurnsInFlight: e.MAX_TURNS_IN_FLIGHT,
    llm,
    host: e.HOST,
    tab: { appIdUri: e.TAB_APP_ID_URI, production: e.NODE_ENV === 'production' },
    retention: {
      closedCasesDays: e.RETENTION_CLOSED_CASES_DAYS,
      auditDays: e.RETENTION_AUDIT_DAYS,
      draftsDays: e.RETENTION_DRAFTS_DAYS,
      checkMinutes: e.RETENTION_CHECK_MINUTES,
    },
    http: {
      maxRequestBytes: e.MAX_REQUEST_BYTES,
      unauthenticatedLocal: !e.MicrosoftAppId && e.ALLOW_UNAUTHENTICATED_LOCAL,
      hsts: e.NODE_ENV === 'production' || (e.PUBLIC_URL?.startsWith('https://') ?? false),
    },
    metrics: e.METRICS_PORT === undefined ? undefined : { port: e.METRICS_PORT, host: e.METRICS_HOST },
    standards: { file: e.STANDARD_FILE, byTenant: e.TENANT_STANDARD_FILES },
    parameters,
  };
}

/** Every named parameter file is read and checked now, so a bad figure refuses start instead of a decision. */
function readParameters(file: string | undefined, perTenant: [string, string][] | undefined): ParameterConfig {
  const read = (variable: string, path: string) => {
    try {
      return readParameterFile(path);
    } catch (error) {
      if (!(error instanceof ParameterFileError)) throw error;
      const problems = error.problems.join('; ');
      throw new ConfigError(variable, `names a file that fails the parameter check: ${path}: ${problems}`, `peger på en fil, der ikke består parameterkontrollen: ${path}: ${problems}`);
    }
  };
  const all = file ? read('PARAMETERS_FILE', file) : STANDARD_PARAMETERS.all;
  const tenants: Record<string, ReturnType<typeof read>> = {};
  for (const [tenant, path] of perTenant ?? []) {
    if (tenant in tenants) throw new ConfigError('TENANT_PARAMETERS_FILES', `names tenant ${tenant} twice`, `nævner lejeren ${tenant} to gange`);
    tenants[tenant] = read('TENANT_PARAMETERS_FILES', path);
  }
  return { all, tenants };
}

/** What start-up logs: whether each secret is set, never its value; a database URL without its password. */
export function redactedSummary(config: Config): Record<string, unknown> {
  return {
    port: config.port,
    dataDir: config.dataDir,
    database: config.databaseUrl ? redactUrl(config.databaseUrl) : 'embedded (PGlite)',
    databaseOwner: config.databaseOwnerUrl ? redactUrl(config.databaseOwnerUrl) : '(the same role)',
    botAppId: config.bot.appId ?? '(none: local, unauthenticated)',
    botAppPassword: config.bot.appPassword ? '(set)' : '(not set)',
    botAppType: config.bot.appType,
    botTenantId: config.bot.tenantId ?? '(not set)',
    logLevel: config.logLevel,
    allowedTenants: config.allowedTenants ?? '(any)',
    reminderLeadDays: config.reminderLeadDays,
    weeklyDigestDay: config.weeklyDigestDay ?? '(off)',
    host: config.host,
    tab: { appIdUri: config.tab.appIdUri ?? '(api://<MicrosoftAppId>)', production: config.tab.production },
    retention: config.retention,
    http: config.http,
    metrics: config.metrics ?? '(off)',
    standards: { default: config.standards.file ?? '(the seed standard)', byTenant: config.standards.byTenant },
    parameters: { all: config.parameters.all.name, tenants: Object.fromEntries(Object.entries(config.parameters.tenants).map(([t, set]) => [t, set.name])) },
    ...describeLlmConfig(config.llm),
  };
}

function redactUrl(raw: string): string {
  const url = new URL(raw);
  if (url.password) url.password = '***';
  url.search = '';
  return url.toString();
}
