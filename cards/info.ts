import type { CardContext } from './context.js';
import type { CardJson } from './template.js';

/**
 * A neutral card for information: a list, a usage hint, "nothing to resume". Errors have their
 * own red card (error.ts); information shown in red reads as a failure, and people learn to
 * ignore red. Each line of the text is its own block, so lists keep their lines in Teams.
 */
export function infoCard(text: string, ctx: CardContext & { title?: string }): CardJson {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  return {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: text,
    body: [
      ...(ctx.title ? [{ type: 'TextBlock', text: ctx.title, weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' }] : []),
      ...lines.map((line, i) => ({ type: 'TextBlock', text: line, wrap: true, ...(i > 0 || ctx.title ? { spacing: 'Small' } : {}) })),
    ],
  };
}

/** A saved thing says so: a green line on top of the card that shows what was saved. */
export function withConfirmation(card: CardJson, text: string): CardJson {
  const body = Array.isArray(card.body) ? card.body : [];
  return {
    ...card,
    body: [{ type: 'Container', style: 'good', items: [{ type: 'TextBlock', text: `✓ ${text}`, weight: 'Bolder', wrap: true }] }, ...body],
  };
}
