import OpenAI from 'openai';
import type { ProductMetrics } from '../bot/observability/product-metrics.js';
import type { PassageHit, PassageIndex, SearchablePassage } from '../bot/search/passage-index.js';
import { chunkLines } from './chunk.js';
import type { ChatModel } from './client.js';
import type { KnowsWord } from './danish-words.js';
import { EXTRACTIVE_PRODUCER, extractiveSummary } from './extractive.js';
import { parseModelOutput, type ModelOutput } from './model-output.js';
import { asPromptData, summaryForPeople } from './model-text.js';
import { chronological, NOTE_KIND_LABELS, noteKey, type Note } from './notes.js';
import { Pseudonymiser } from './pseudonymise.js';
import { loadTemplate, render, type PromptTemplate } from './template.js';
import { estimateTokens } from './tokens.js';

/**
 * The notes summary. A language model, when one is configured, writes the prose and picks
 * passages among those the lexical search found; it never sees personal data and never decides.
 * Without a model, or when the model fails in any way, the extractive summary is used instead,
 * and the result says which of the two produced it.
 */

export const TEMPLATE_ID = 'notes-summary.v2';

export interface CitedPassage {
  readonly id: string;
  readonly why: string;
}

export interface PreviousSummary {
  readonly summary: string;
  readonly passages: readonly CitedPassage[];
  readonly producedBy: string;
  /** The notes it covers, by noteKey. */
  readonly coveredNoteKeys: readonly string[];
}

export interface SummaryRequest {
  /** All notes on the case, in any order. */
  readonly notes: readonly Note[];
  /** Names registered on the case, masked before anything is sent. */
  readonly names: readonly string[];
  /** The summary made last time; then only the notes it does not cover are sent, with it. */
  readonly previous?: PreviousSummary;
}

export type FallbackReason = 'off' | 'error' | 'timeout' | 'malformed' | 'refusal' | 'budget';

export interface NotesSummary {
  /** What the person reads, with the real words back. */
  readonly summary: string;
  readonly passages: readonly CitedPassage[];
  /** The model's name, or "uden sprogmodel". */
  readonly producedBy: string;
  readonly method: 'model' | 'extractive';
  readonly fallbackReason?: FallbackReason;
  /** The prompt template behind a model summary, to store beside it. */
  readonly template?: { readonly id: string; readonly hash: string };
  /** The notes this summary covers (noteKey); store them for the next request's previous. */
  readonly coveredNoteKeys: readonly string[];
}

export interface SummaryLog {
  warn(context: Record<string, unknown>, message: string): void;
}

export interface SummaryDeps {
  /** Unset when no model is configured: then nothing is sent anywhere. */
  readonly model?: ChatModel;
  readonly passages: PassageIndex;
  readonly knowsWord?: KnowsWord;
  /** Gets failure context (reason, status); never a request or response body. */
  readonly log?: SummaryLog;
  /** The process's counters (GET /metrics): each model call, and each answer given without one. */
  readonly metrics?: LlmMetrics;
}

export type LlmMetrics = Pick<ProductMetrics, 'llmCalls' | 'llmSeconds' | 'llmFallbacks'>;

const PURPOSE = 'summary';

/** The operator's names for why there was no model answer; the same small set for every purpose. */
const FALLBACK_LABEL: Record<FallbackReason, string> = {
  off: 'disabled',
  error: 'error',
  timeout: 'timeout',
  malformed: 'invalid-output',
  refusal: 'refused',
  budget: 'budget',
};

const FULL_CANDIDATES = 6;
const INCREMENTAL_CANDIDATES = 4;
const MAX_CITED = 5;
// Room kept in every chunk's request for the summary carried over from the chunk before.
const CARRIED_SUMMARY_RESERVE = 600;

class SummaryFailure extends Error {
  constructor(readonly reason: FallbackReason) {
    super(reason);
  }
}

// A note could name a passage id to steer the search ("cite passage hpi.titel"); ids are not
// words of the standard, so they are taken out of what is searched.
const ID_LIKE = /(?<![\p{L}\p{N}])[a-z]{2,5}\.[\p{L}\p{N}.-]*[\p{L}\p{N}]/giu;

function searchText(notes: readonly Note[]): string {
  return notes.map((n) => n.text).join('\n').replace(ID_LIKE, ' ');
}

function candidatesFor(index: PassageIndex, notes: readonly Note[], previous: PreviousSummary | undefined): PassageHit[] {
  const hits = index.search(searchText(notes), previous ? INCREMENTAL_CANDIDATES : FULL_CANDIDATES);
  const found = new Set(hits.map((h) => h.id));
  // Passages cited before stay candidates, so the model can keep citing them.
  for (const cited of previous?.passages ?? []) {
    const p = index.get(cited.id);
    if (p && !found.has(p.id)) {
      hits.push(hitFrom(p));
      found.add(p.id);
    }
  }
  return hits;
}

function hitFrom(p: SearchablePassage): PassageHit {
  return { id: p.id, score: 0, heading: p.heading, text: p.text, matchedWords: [] };
}

function extractiveResult(notes: readonly Note[], candidates: readonly PassageHit[], reason: FallbackReason): NotesSummary {
  return {
    summary: extractiveSummary(notes),
    passages: candidates
      .filter((c) => c.matchedWords.length > 0)
      .slice(0, 3)
      .map((c) => ({ id: c.id, why: `Fundet ved ordsøgning i standarden på: ${c.matchedWords.slice(0, 5).join(', ')}.` })),
    producedBy: EXTRACTIVE_PRODUCER,
    method: 'extractive',
    fallbackReason: reason,
    coveredNoteKeys: notes.map(noteKey),
  };
}

export async function summariseNotes(request: SummaryRequest, deps: SummaryDeps): Promise<NotesSummary> {
  const notes = chronological(request.notes);
  const previous = request.previous;
  const covered = new Set(previous?.coveredNoteKeys ?? []);
  const fresh = notes.filter((n) => !covered.has(noteKey(n)));
  if (previous && fresh.length === 0) {
    return {
      summary: previous.summary,
      passages: previous.passages,
      producedBy: previous.producedBy,
      method: previous.producedBy === EXTRACTIVE_PRODUCER ? 'extractive' : 'model',
      coveredNoteKeys: previous.coveredNoteKeys,
    };
  }
  if (!deps.model) {
    deps.metrics?.llmFallbacks.inc({ purpose: PURPOSE, reason: FALLBACK_LABEL.off });
    return extractiveResult(notes, deps.passages.search(searchText(notes), 3), 'off');
  }

  const candidates = candidatesFor(deps.passages, fresh, previous);
  try {
    return await summariseWithModel(deps.model, request.names, deps.knowsWord, notes, fresh, previous, candidates, deps.metrics);
  } catch (error) {
    const reason = failureReason(error);
    deps.metrics?.llmFallbacks.inc({ purpose: PURPOSE, reason: FALLBACK_LABEL[reason] });
    deps.log?.warn(
      { reason, status: error instanceof OpenAI.APIError ? error.status : undefined, model: deps.model.model },
      'Notes summary by language model failed; showing the extractive summary',
    );
    return extractiveResult(notes, candidates, reason);
  }
}

async function summariseWithModel(
  model: ChatModel,
  names: readonly string[],
  knowsWord: KnowsWord | undefined,
  notes: readonly Note[],
  fresh: readonly Note[],
  previous: PreviousSummary | undefined,
  candidates: readonly PassageHit[],
  metrics: LlmMetrics | undefined,
): Promise<NotesSummary> {
  const template = loadTemplate(TEMPLATE_ID);
  const pseudonymiser = new Pseudonymiser({ names, ...(knowsWord ? { knowsWord } : {}) });
  const candidateText = candidates.map((c) => `${c.id} | ${c.heading} | ${c.text}`).join('\n');
  const lines = fresh.map((n) => `${n.date} ${NOTE_KIND_LABELS[n.kind]}: ${asPromptData(pseudonymiser.pseudonymise(n.text.replace(/\s+/g, ' ').trim()))}`);
  let carried = previous ? asPromptData(pseudonymiser.pseudonymise(previous.summary)) : '(intet)';

  const skeleton = estimateTokens(template.system) + estimateTokens(render(template.user, { previous: '', notes: '', candidates: candidateText }));
  const allowance = model.maxInputTokens - skeleton - Math.max(estimateTokens(carried), CARRIED_SUMMARY_RESERVE);
  if (allowance < 100) throw new SummaryFailure('budget');

  const allowed = new Set(candidates.map((c) => c.id));
  const cited = new Map<string, string>();
  for (const chunk of chunkLines(lines, allowance)) {
    const output = await measured(metrics, () => complete(model, template, { previous: carried, notes: chunk.join('\n'), candidates: candidateText }));
    carried = asPromptData(output.summary);
    // The model may only cite what the search offered; anything else is dropped, whatever a note asked for.
    for (const p of output.passages) if (allowed.has(p.id)) cited.set(p.id, p.why);
  }
  return {
    summary: summaryForPeople(pseudonymiser.reveal(carried)),
    passages: [...cited].slice(0, MAX_CITED).map(([id, why]) => ({ id, why: summaryForPeople(pseudonymiser.reveal(why)) })),
    producedBy: model.model,
    method: 'model',
    template: { id: template.id, hash: template.hash },
    coveredNoteKeys: notes.map(noteKey),
  };
}

async function complete(model: ChatModel, template: PromptTemplate, values: Record<string, string>): Promise<ModelOutput> {
  const completion = await model.client.chat.completions.create({
    model: model.model,
    messages: [
      { role: 'system', content: template.system },
      { role: 'user', content: render(template.user, values) },
    ],
    response_format: { type: 'json_object' },
  });
  const choice = completion.choices?.[0];
  if (!choice) throw new SummaryFailure('malformed');
  if (choice.message.refusal || choice.finish_reason === 'content_filter') throw new SummaryFailure('refusal');
  const output = parseModelOutput(choice.message.content);
  if (!output) throw new SummaryFailure('malformed');
  return output;
}

/** One request to the model, counted by how it ended and timed whatever the ending. */
async function measured<T>(metrics: LlmMetrics | undefined, call: () => Promise<T>): Promise<T> {
  const stop = metrics?.llmSeconds.startTimer({ purpose: PURPOSE });
  try {
    const result = await call();
    metrics?.llmCalls.inc({ purpose: PURPOSE, result: 'ok' });
    return result;
  } catch (error) {
    const reason = failureReason(error);
    metrics?.llmCalls.inc({ purpose: PURPOSE, result: FALLBACK_LABEL[reason] });
    throw error;
  } finally {
    stop?.();
  }
}

function failureReason(error: unknown): FallbackReason {
  if (error instanceof SummaryFailure) return error.reason;
  if (error instanceof OpenAI.APIConnectionTimeoutError) return 'timeout';
  // A body that is not JSON at all surfaces from the SDK as a SyntaxError.
  if (error instanceof SyntaxError) return 'malformed';
  return 'error';
}
