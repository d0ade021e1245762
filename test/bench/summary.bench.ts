import { performance } from 'node:perf_hooks';
import { recallAtK } from '../../bot/search/recall.js';
import { createStandardIndex } from '../../bot/search/standard-index.js';
import { createChatModel } from '../../prompts/client.js';
import { readLlmConfig, type ActiveLlmConfig } from '../../prompts/config.js';
import { loadDanishWords } from '../../prompts/danish-words.js';
import { extractiveSummary } from '../../prompts/extractive.js';
import { summariseNotes } from '../../prompts/summarise.js';
import { longCase } from '../support/case-notes.js';
import { startFakeOpenAi } from '../support/fake-openai.js';
import { PASSAGE_QUESTIONS } from '../support/passage-questions.js';
import type { BenchResult } from './bench-result.js';

const NOTES = 40;

/** Tokens sent for a summary of 40 notes, then for the update after a 41st, against the local fake server. */
async function incrementalTokens(): Promise<BenchResult> {
  // The answer is as long as the prompt allows (150 words of ordinary Danish), since each update carries it along.
  const words = longCase(6).map((n) => n.text).join(' ').split(/\s+/);
  const summary = words.slice(0, 150).join(' ');
  const fake = await startFakeOpenAi({ answer: { kind: 'answer', content: () => ({ summary, passages: [] }) } });
  try {
    const config = readLlmConfig({ LLM_MODEL: 'bench-model', OPENAI_BASE_URL: fake.baseURL }) as ActiveLlmConfig;
    const deps = { model: createChatModel(config), passages: createStandardIndex(), knowsWord: await loadDanishWords() };
    const notes = longCase(NOTES + 1);
    const sentTokens = () => fake.requests.reduce((sum, r) => sum + r.promptTokens, 0);

    const earlier = await summariseNotes({ notes: notes.slice(0, NOTES), names: [] }, deps);
    fake.requests.length = 0;
    const full = await summariseNotes({ notes, names: [] }, deps);
    const fullTokens = sentTokens();
    fake.requests.length = 0;
    const incremental = await summariseNotes({ notes, names: [], previous: earlier }, deps);
    const incrementalTokens = sentTokens();
    if (full.method !== 'model' || incremental.method !== 'model') throw new Error('the fake server should have answered');

    const value = incrementalTokens / fullTokens;
    return { name: `summary: tokens sent, update after 1 new note / full re-summary (${NOTES} notes)`, value, unit: 'ratio', target: 0.2, ratio: value / 0.2 };
  } finally {
    await fake.close();
  }
}

function extractiveTime(): BenchResult {
  const notes = longCase(NOTES);
  for (let i = 0; i < 50; i++) extractiveSummary(notes); // warm-up for the JIT
  const times: number[] = [];
  for (let i = 0; i < 500; i++) {
    const start = performance.now();
    extractiveSummary(notes);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const p95 = times[Math.floor(times.length * 0.95)]!;
  return { name: `summary: extractive, ${NOTES} notes, p95`, value: p95, unit: 'ms', target: 20, ratio: p95 / 20 };
}

function searchRecall(): BenchResult {
  const { recall } = recallAtK(createStandardIndex(), PASSAGE_QUESTIONS, 3);
  // Higher is better here, so the ratio is turned round to keep "below 1 is within target".
  return { name: `passage search: recall@3 over ${PASSAGE_QUESTIONS.length} questions`, value: recall, unit: 'share', target: 0.9, ratio: 0.9 / recall };
}

export async function run(): Promise<BenchResult[]> {
  return [await incrementalTokens(), extractiveTime(), searchRecall()];
}
