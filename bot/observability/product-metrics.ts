import { Registry } from './metrics.js';

/**
 * What an operator watches: turns and their latency, reminders delivered or failed, language-model
 * calls and the times the bot fell back to working without one. Labels are small fixed sets.
 */

/** Seconds; a turn should answer well inside Teams' 15-second limit. */
const TURN_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15];
const LLM_BUCKETS = [0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60];

export function productMetrics(registry = new Registry()) {
  return {
    registry,
    /** kind: message | invoke | conversationUpdate | …; result: ok | user-error | unavailable | error */
    turns: registry.counter('familiestotte_turns_total', 'Turns handled, by activity kind and result', ['kind', 'result']),
    turnSeconds: registry.histogram('familiestotte_turn_duration_seconds', 'Time from receiving an activity to answering it', TURN_BUCKETS, ['kind']),
    /** outcome: sent | failed | skipped | retried (bot/reminders/delivery.ts ReminderOutcome); every try counts */
    reminders: registry.counter('familiestotte_reminders_total', 'Reminders by outcome', ['outcome']),
    /** purpose: summary | …; result: ok | error | timeout | refused | invalid-output */
    llmCalls: registry.counter('familiestotte_llm_calls_total', 'Calls to the language model', ['purpose', 'result']),
    llmSeconds: registry.histogram('familiestotte_llm_duration_seconds', 'Language-model call latency', LLM_BUCKETS, ['purpose']),
    /** reason: disabled | error | timeout | invalid-output | refused | budget (the notes would not fit one request's budget) */
    llmFallbacks: registry.counter('familiestotte_llm_fallbacks_total', 'Answers given without the language model, by reason', ['purpose', 'reason']),
    /** Retention runs' deletions, so an operator sees the lifecycle working. kind: cases | audit_rows | drafts */
    retentionDeleted: registry.counter('familiestotte_retention_deleted_total', 'Rows deleted by retention', ['kind']),
  };
}

export type ProductMetrics = ReturnType<typeof productMetrics>;
