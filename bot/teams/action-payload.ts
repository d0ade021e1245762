import { z } from 'zod';

/**
 * Card action payloads, parsed at the edge. An Action.Execute arrives as an invoke whose value
 * holds the verb; its Action.Submit fallback arrives as a message whose value repeats the verb
 * inside the data (see cards/verbs.ts). Anything else is not a card action.
 */

const Data = z.record(z.string(), z.unknown());

export const ExecuteValue = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(100),
    data: Data.optional(),
  }),
});

export const SubmitValue = Data.and(z.object({ verb: z.string().min(1).max(100) }));

export interface CardAction {
  verb: string;
  /** The card's data with its inputs, the verb included (the submission parsers check it). */
  data: Record<string, unknown>;
}

export function parseExecute(value: unknown): CardAction | undefined {
  const parsed = ExecuteValue.safeParse(value);
  if (!parsed.success) return undefined;
  // The card repeats the verb in its data; the action's own verb is the one that counts.
  return { verb: parsed.data.action.verb, data: { ...parsed.data.action.data, verb: parsed.data.action.verb } };
}

export function parseSubmit(value: unknown): CardAction | undefined {
  const parsed = SubmitValue.safeParse(value);
  if (!parsed.success) return undefined;
  return { verb: parsed.data.verb, data: parsed.data };
}
