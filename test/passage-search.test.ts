import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { recallAtK } from '../bot/search/recall.js';
import { createStandardIndex } from '../bot/search/standard-index.js';
import { isPassageId, passageById } from '../rules/passages/index.js';
import { PASSAGE_QUESTIONS } from './support/passage-questions.js';
import { repoRoot } from './support/seeds.js';

const run = promisify(execFile);
const RECALL_FLOOR = 0.9;

describe('passage search over both standards', () => {
  it('has at least 30 labelled questions, each pointing to a passage that exists', () => {
    expect(PASSAGE_QUESTIONS.length).toBeGreaterThanOrEqual(30);
    const unknown = PASSAGE_QUESTIONS.filter((q) => !isPassageId(q.expected)).map((q) => q.expected);
    expect(unknown).toEqual([]);
  });

  it(`finds the passage a person would point to among the top 3 for at least ${RECALL_FLOOR * 100} % of the questions`, () => {
    const { recall, misses } = recallAtK(createStandardIndex(), PASSAGE_QUESTIONS, 3);
    expect(recall, `misses: ${JSON.stringify(misses, null, 1)}`).toBeGreaterThanOrEqual(RECALL_FLOOR);
  });
});

// Each test starts a Node process through tsx; give it room on a busy 2-core machine.
describe('npm run search', { timeout: 120_000 }, () => {
  it('prints the top passages for a question as JSON { id, score, text }, best first, verbatim', async () => {
    const { stdout } = await run('npx', ['tsx', 'bot/cli/search.ts', 'Kan tværfaglige møder erstatte besøg?'], { cwd: repoRoot });
    const hits = JSON.parse(stdout) as { id: string; score: number; text: string }[];
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(Object.keys(h).sort()).toEqual(['id', 'score', 'text']);
    expect(hits[0]!.id).toBe('pps.saerlige.tvaerfaglige-moeder');
    expect(hits[0]!.text).toBe(passageById('pps.saerlige.tvaerfaglige-moeder')!.text);
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('tells the person, in Danish, to write a question when none is given', async () => {
    const failed = await run('npx', ['tsx', 'bot/cli/search.ts'], { cwd: repoRoot }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain('Skriv et spørgsmål');
  });
});
