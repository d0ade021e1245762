import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PASSAGES } from '../rules/passages/index.js';
import { repoRoot } from './support/seeds.js';

describe('npm run passages', () => {
  it('prints every passage, verbatim, as one JSON array of { id, source, heading, text }', () => {
    const stdout = execFileSync('npx', ['tsx', 'bot/cli/passages.ts'], { cwd: repoRoot, encoding: 'utf8' });
    const printed: unknown = JSON.parse(stdout);
    expect(Array.isArray(printed)).toBe(true);
    const records = printed as Record<string, unknown>[];
    for (const r of records) expect(Object.keys(r).sort()).toEqual(['heading', 'id', 'source', 'text']);
    expect(records.map((r) => r.id)).toEqual(PASSAGES.map((p) => p.id));
    expect(records).toEqual(PASSAGES.map(({ id, source, heading, text }) => ({ id, source, heading, text })));
  });
});
