/**
 * Which cards carry text a language model wrote. The card builders that put model text on a card
 * mark it here; the one place that turns a card into a Teams message (bot/teams/) labels that
 * message as AI-generated, as Teams shows it and the EU AI Act (art. 50) asks of generated text.
 * A registry beside the card rather than a field in it, so the card JSON stays what Teams renders.
 */
const withModelText = new WeakSet<object>();

export function markModelText<T extends object>(card: T): T {
  withModelText.add(card);
  return card;
}

export function carriesModelText(card: unknown): boolean {
  return typeof card === 'object' && card !== null && withModelText.has(card);
}
