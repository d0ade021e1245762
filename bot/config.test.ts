import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, redactedSummary } from './config.js';

describe('configuration from the environment', () => {
  it('runs on its embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.dataDir).toBe('./data');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.bot.appId).toBeUndefined();
    expect(config.reminderLeadDays).toBe(14);
  });

  it('names the bad variable in Danish and English', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ MicrosoftAppType: 'Sometimes' })).toThrow(/miljøvariablen MicrosoftAppType.*environment variable MicrosoftAppType/s);
  });

  it('refuses an app id without its password', () => {
    expect(() => loadConfig({ MicrosoftAppId: '11111111-1111-1111-1111-111111111111' })).toThrow(/MicrosoftAppPassword/);
  });

  it('splits the tenant allow-list', () => {
    expect(loadConfig({ ALLOWED_TENANTS: 'a, b,,c' }).allowedTenants).toEqual(['a', 'b', 'c']);
  });

  it('the start-up summary never carries a secret', () => {
    const config = loadConfig({
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'hemmelig-adgangskode',
      DATABASE_URL: 'postgres://bot:dbsecret@db.example:5432/fs',
      LLM_MODEL: 'gpt-test',
      OPENAI_BASE_URL: 'http://127.0.0.1:9999/v1',
      OPENAI_API_KEY: 'sk-secret',
    });
    const text = JSON.stringify(redactedSummary(config));
    expect(text).not.toContain('hemmelig-adgangskode');
    expect(text).not.toContain('dbsecret');
    expect(text).not.toContain('sk-secret');
    expect(text).toContain('db.example');
    expect(text).toContain('gpt-test');
  });

  it('refuses a half-configured language model at start-up, saying what to set', () => {
    expect(() => loadConfig({ LLM_MODEL: 'gpt-test' })).toThrow(/OPENAI_API_KEY/);
  });

  it('reads the retention periods and how often the daily run is looked for, with defaults', () => {
    expect(loadConfig({}).retention).toEqual({ closedCasesDays: 1826, auditDays: 3653, draftsDays: 30, checkMinutes: 15 });
    expect(loadConfig({ RETENTION_CLOSED_CASES_DAYS: '365', RETENTION_CHECK_MINUTES: '0' }).retention).toMatchObject({ closedCasesDays: 365, checkMinutes: 0 });
  });

  it('refuses a retention period that is not a whole number of days, naming it in Danish and English', () => {
    expect(() => loadConfig({ RETENTION_AUDIT_DAYS: '0' })).toThrow(/miljøvariablen RETENTION_AUDIT_DAYS.*environment variable RETENTION_AUDIT_DAYS/s);
    expect(() => loadConfig({ RETENTION_DRAFTS_DAYS: 'tredive' })).toThrow(/RETENTION_DRAFTS_DAYS/);
    expect(() => loadConfig({ RETENTION_CHECK_MINUTES: '-5' })).toThrow(/RETENTION_CHECK_MINUTES/);
  });

  it('keeps the language model off when LLM_MODEL is unset', () => {
    expect(loadConfig({ OPENAI_API_KEY: 'sk-x' }).llm).toEqual({ kind: 'off' });
  });
});
