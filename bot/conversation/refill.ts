import { maskCpr } from '../privacy/cpr.js';
import type { Card } from './types.js';
import type { Refused } from './views.js';

/** Longer than any input on our cards allows; a longer value was never typed into them. */
const MAX_REFILL = 2000;

/**
 * A refused submission shows the same card again with what the person typed in every input
 * (so nothing has to be retyped, CPR numbers masked) and the problems at the top. Returns a new card; the one
 * given is left as it was. Used for cards whose builder does not take typed values itself.
 */
export function withRefused(card: Card, refused: Refused): Card {
  const problems = refused.problems ?? [];
  const typed = refused.typed ?? {};
  if (problems.length === 0 && Object.keys(typed).length === 0) return card;
  const refilled = refill(card, typed) as Card;
  if (problems.length === 0) return refilled;
  const banner = {
    type: 'Container',
    style: 'attention',
    items: [
      { type: 'TextBlock', text: 'Ret venligst dette:', weight: 'Bolder', wrap: true },
      ...problems.map((p) => ({ type: 'TextBlock', text: `• ${p.message}`, wrap: true })),
    ],
  };
  return { ...refilled, body: [banner, ...((refilled.body as unknown[]) ?? [])] };
}

function refill(node: unknown, typed: Readonly<Record<string, unknown>>): unknown {
  if (Array.isArray(node)) return node.map((n) => refill(n, typed));
  if (!node || typeof node !== 'object') return node;
  const copy = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, refill(v, typed)])) as Record<string, unknown>;
  const id = copy.id;
  if (typeof copy.type === 'string' && copy.type.startsWith('Input.') && typeof id === 'string') {
    const value = typed[id];
    // A CPR number is not sent back even to the person who typed it; the rest of the text is.
    if (typeof value === 'string' && value.length <= MAX_REFILL) copy.value = maskCpr(value);
  }
  return copy;
}
