import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { killBotProcessesAfterEach, runBotProcessToExit, startBotProcess, stopBotProcess } from '../support/bot-process.js';

/** The bot as `npm start` runs it, given a municipality's standard file that fails the check. */

killBotProcessesAfterEach();
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'standards');
const STACK_LINE = /\n\s+at \S+/;
const never = (): string => join(tmpdir(), `familiestotte-standard-never-${process.pid}-${Math.random().toString(36).slice(2)}`);

describe('a standard file that fails the check', { timeout: 120_000 }, () => {
  it('refuses to start, with the check\'s Danish message and the place in the file, before opening the database', async () => {
    const file = join(FIXTURES, 'broken-passage.json');
    const dataDir = never();
    const { code, output } = await runBotProcessToExit({ DATA_DIR: dataDir, TENANT_STANDARD_FILES: `11111111-1111-4111-8111-111111111111=${file}` });
    expect(code).toBe(78);
    expect(output).toContain(`Standarden i ${file} kan ikke bruges, så botten starter ikke`);
    expect(output).toContain(`${file}: measures.2.criteria.0.passage: passagen pps.findes-ikke findes ikke i standardens passager`);
    expect(output).not.toMatch(STACK_LINE);
    expect(existsSync(dataDir), 'no database was created').toBe(false);
  });

  it('refuses a default standard whose measures can both pass, naming the hit policy', async () => {
    const file = join(FIXTURES, 'overlap.json');
    const { code, output } = await runBotProcessToExit({ DATA_DIR: never(), STANDARD_FILE: file });
    expect(code).toBe(78);
    expect(output).toContain(`${file}: hitPolicy: level2 og level3 kan begge være opfyldt på én gang`);
  });

  it('refuses a tenant list that is not tenant=path, naming the variable', async () => {
    const { code, output } = await runBotProcessToExit({ DATA_DIR: never(), TENANT_STANDARD_FILES: 'kommune-uden-sti' });
    expect(code).toBe(78);
    expect(output).toMatch(/Ugyldig konfiguration: miljøvariablen TENANT_STANDARD_FILES/);
  });

  it('starts with a standard file that passes the check', async () => {
    const bot = await startBotProcess({ DATA_DIR: mkdtempSync(join(tmpdir(), 'familiestotte-standard-')), STANDARD_FILE: join(FIXTURES, 'other-municipality.json') });
    try {
      expect((await fetch(`${bot.url}/health`)).status).toBe(200);
    } finally {
      await stopBotProcess(bot);
    }
  });
});
