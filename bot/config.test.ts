import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redactedSummary } from './config.js';

const LOCAL = { ALLOW_UNAUTHENTICATED_LOCAL: 'true' };
const REGISTERED = { MicrosoftAppId: '11111111-1111-1111-1111-111111111111', MicrosoftAppPassword: 'x' };

const PARAMETERS = join(import.meta.dirname, '..', 'test', 'fixtures', 'parameters');

describe("the municipality's parameter sets", () => {
  it("reads the set for all and each tenant's own at start, the standard's where none is named", () => {
    const config = loadConfig({ ...LOCAL, PARAMETERS_FILE: join(PARAMETERS, 'other-municipality.json'), TENANT_PARAMETERS_FILES: `tenant-a=${join(PARAMETERS, 'bound.json')}` });
    expect(config.parameters.all.name).toBe('Eksempelkommune');
    expect(config.parameters.tenants['tenant-a']?.parameters['level2.grantMonths'].values).toEqual({ '2000-01-01': 2 });
    expect(loadConfig(LOCAL).parameters.tenants).toEqual({});
  });

  it("refuses to start on a file that fails the parameter check, with the check's message", () => {
    const dir = mkdtempSync(join(tmpdir(), 'parametre-'));
    const bad = join(dir, 'forkert.json');
    writeFileSync(bad, JSON.stringify({ name: 'Forkert', parameters: { 'level2.grantMonths': { values: { '2000-01-01': -1 } } } }));
    expect(() => loadConfig({ ...LOCAL, PARAMETERS_FILE: bad })).toThrow(/PARAMETERS_FILE.*parameterkontrollen.*level2\.grantMonths.*kan ikke være negativ/s);
    expect(() => loadConfig({ ...LOCAL, TENANT_PARAMETERS_FILES: `t=${bad}` })).toThrow(/TENANT_PARAMETERS_FILES.*kan ikke være negativ/s);
    expect(() => loadConfig({ ...LOCAL, PARAMETERS_FILE: join(dir, 'findes-ikke.json') })).toThrow(/PARAMETERS_FILE.*kan ikke læses/s);
    expect(() => loadConfig({ ...LOCAL, TENANT_PARAMETERS_FILES: 'uden-sti' })).toThrow(/TENANT_PARAMETERS_FILES/);
  });
});

describe('configuration from the environment', () => {
  it('runs on its embedded defaults with only the local opt-in set', () => {
    const config = loadConfig(LOCAL);
    expect(config.port).toBe(3978);
    expect(config.dataDir).toBe('./data');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.bot.appId).toBeUndefined();
    expect(config.reminderLeadDays).toBe(14);
  });

  it('names the bad variable in Danish and English', () => {
    expect(() => loadConfig({ ...LOCAL, PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...LOCAL, MicrosoftAppType: 'Sometimes' })).toThrow(/miljøvariablen MicrosoftAppType.*environment variable MicrosoftAppType/s);
  });

  it('takes the reminder lease in seconds, 15 by default, and refuses one too short to renew or not a whole number', () => {
    expect(loadConfig(LOCAL).reminderLeaseSeconds).toBe(15);
    expect(loadConfig({ ...LOCAL, REMINDER_LEASE_SECONDS: '30' }).reminderLeaseSeconds).toBe(30);
    for (const bad of ['2', '601', '1.5', 'soon']) expect(() => loadConfig({ ...LOCAL, REMINDER_LEASE_SECONDS: bad }), bad).toThrow(/REMINDER_LEASE_SECONDS/);
  });

  it('takes the weekly digest day, Monday by default, "off" for none, and refuses anything else naming the variable', () => {
    expect(loadConfig(LOCAL).weeklyDigestDay).toBe('monday');
    expect(loadConfig({ ...LOCAL, WEEKLY_DIGEST_DAY: 'Friday' }).weeklyDigestDay).toBe('friday');
    expect(loadConfig({ ...LOCAL, WEEKLY_DIGEST_DAY: 'off' }).weeklyDigestDay).toBeNull();
    for (const bad of ['mandag', 'someday', '1']) expect(() => loadConfig({ ...LOCAL, WEEKLY_DIGEST_DAY: bad }), bad).toThrow(/WEEKLY_DIGEST_DAY/);
  });

  it('refuses an app id without its password', () => {
    expect(() => loadConfig({ MicrosoftAppId: '11111111-1111-1111-1111-111111111111' })).toThrow(/MicrosoftAppPassword/);
  });

  it('splits the tenant allow-list', () => {
    expect(loadConfig({ ...LOCAL, ALLOWED_TENANTS: 'a, b,,c' }).allowedTenants).toEqual(['a', 'b', 'c']);
  });

  it('the start-up summary never carries a secret', () => {
    const config = loadConfig({
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'hemmelig-adgangskode',
      DATABASE_URL: 'postgres://bot:dbsecret@db.example:5432/fs',
      DATABASE_OWNER_URL: 'postgres://owner:ownersecret@db.example:5432/fs',
      LLM_MODEL: 'gpt-test',
      OPENAI_BASE_URL: 'http://127.0.0.1:9999/v1',
      OPENAI_API_KEY: 'sk-secret',
    });
    const text = JSON.stringify(redactedSummary(config));
    expect(text).not.toContain('hemmelig-adgangskode');
    expect(text).not.toContain('dbsecret');
    expect(text).not.toContain('ownersecret');
    expect(text).not.toContain('sk-secret');
    expect(text).toContain('db.example');
    expect(text).toContain('gpt-test');
  });

  it('refuses an owner role for the database without the database itself', () => {
    expect(() => loadConfig({ ...LOCAL, DATABASE_OWNER_URL: 'postgres://owner@db.example:5432/fs' })).toThrow(/DATABASE_OWNER_URL/);
  });

  it('refuses a half-configured language model at start-up, saying what to set', () => {
    expect(() => loadConfig({ ...LOCAL, LLM_MODEL: 'gpt-test' })).toThrow(/OPENAI_API_KEY/);
  });

  it('reads the retention periods and how often the daily run is looked for, with defaults', () => {
    expect(loadConfig(LOCAL).retention).toEqual({ closedCasesDays: 1826, auditDays: 3653, draftsDays: 30, checkMinutes: 15 });
    expect(loadConfig({ ...LOCAL, RETENTION_CLOSED_CASES_DAYS: '365', RETENTION_CHECK_MINUTES: '0' }).retention).toMatchObject({ closedCasesDays: 365, checkMinutes: 0 });
  });

  it('refuses a retention period that is not a whole number of days, naming it in Danish and English', () => {
    expect(() => loadConfig({ ...LOCAL, RETENTION_AUDIT_DAYS: '0' })).toThrow(/miljøvariablen RETENTION_AUDIT_DAYS.*environment variable RETENTION_AUDIT_DAYS/s);
    expect(() => loadConfig({ ...LOCAL, RETENTION_DRAFTS_DAYS: 'tredive' })).toThrow(/RETENTION_DRAFTS_DAYS/);
    expect(() => loadConfig({ ...LOCAL, RETENTION_CHECK_MINUTES: '-5' })).toThrow(/RETENTION_CHECK_MINUTES/);
  });

  it('keeps the language model off when LLM_MODEL is unset', () => {
    expect(loadConfig({ ...LOCAL, OPENAI_API_KEY: 'sk-x' }).llm).toEqual({ kind: 'off' });
  });

  it.each([
    ['nothing set', {}, /MicrosoftAppId.*ALLOW_UNAUTHENTICATED_LOCAL=true/s],
    ['production without a registration', { NODE_ENV: 'production' }, /miljøvariablen MicrosoftAppId.*environment variable MicrosoftAppId is required with NODE_ENV=production/s],
    ['production with the local opt-in', { NODE_ENV: 'production', ...LOCAL, ...REGISTERED }, /ALLOW_UNAUTHENTICATED_LOCAL is not allowed/],
  ])('refuses to start with %s', (_what, env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('takes unauthenticated requests only with the opt-in and no registration', () => {
    expect(loadConfig(LOCAL).http.unauthenticatedLocal).toBe(true);
    expect(loadConfig({ ...LOCAL, ...REGISTERED }).http.unauthenticatedLocal).toBe(false);
    expect(loadConfig({ ...REGISTERED, NODE_ENV: 'production' }).http).toEqual({ maxRequestBytes: 1024 * 1024, unauthenticatedLocal: false, hsts: true });
  });

  it('sends HSTS when the public address is https', () => {
    expect(loadConfig(LOCAL).http.hsts).toBe(false);
    expect(loadConfig({ ...LOCAL, PUBLIC_URL: 'https://familiestotte.example.dk' }).http.hsts).toBe(true);
  });

  it('reads the body limit and the metrics listener', () => {
    expect(loadConfig({ ...LOCAL, MAX_REQUEST_BYTES: '65536' }).http.maxRequestBytes).toBe(65536);
    expect(() => loadConfig({ ...LOCAL, MAX_REQUEST_BYTES: 'lots' })).toThrow(/MAX_REQUEST_BYTES/);
    expect(loadConfig(LOCAL).metrics).toBeUndefined();
    expect(loadConfig({ ...LOCAL, METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(() => loadConfig({ ...LOCAL, METRICS_PORT: 'ni' })).toThrow(/METRICS_PORT/);
  });

  it('a single-tenant app serves its own tenant unless ALLOWED_TENANTS says otherwise', () => {
    const single = { ...REGISTERED, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'tenant-a' };
    expect(loadConfig(single).allowedTenants).toEqual(['tenant-a']);
    expect(loadConfig({ ...single, ALLOWED_TENANTS: 'tenant-b' }).allowedTenants).toEqual(['tenant-b']);
    expect(loadConfig(REGISTERED).allowedTenants).toBeUndefined();
  });
});
