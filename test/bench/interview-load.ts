import type { BotClient } from '../support/bot-client.js';
import { caseForm, FAMILIES } from '../support/interview.js';

/**
 * What the two interview benches (turns, load) share: a family whose case starts today, the case
 * form for it, a client timed per HTTP turn, and a percentile.
 */

const TODAY = new Date().toISOString().slice(0, 10);

/**
 * A level 1 family whose support starts today, so its reviews fall due months from now as a real
 * new case's do. (The tests' families start in January: every review of theirs is already overdue,
 * and thousands of overdue reminders would have the dispatcher posting all through the run.)
 */
export const STARTING_TODAY = {
  ...FAMILIES.level1,
  special: { ...FAMILIES.level1.special, startDate: TODAY },
};

/** The accept form for a case of that family. */
export function caseStartingToday(draftId: string, channelId: string, reference: string): Record<string, string> {
  return { ...caseForm(draftId, channelId, reference), startDate: TODAY };
}

/** Times each HTTP turn of the client, not the bench's own bookkeeping between turns. */
export function timed(client: BotClient, record: (ms: number) => void): BotClient {
  const post = client.post.bind(client);
  client.post = async (activity) => {
    const t = performance.now();
    const response = await post(activity);
    await response.clone().arrayBuffer();
    record(performance.now() - t);
    return response;
  };
  return client;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}
