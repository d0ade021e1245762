import { carriesModelText } from '../../cards/ai-generated.js';

/**
 * Teams' label for AI-generated content: a schema.org Message entity on the message activity.
 * Only messages can carry it; a card returned as an Action.Execute invoke response has no
 * entities, so a model-written card answered that way is labelled by its own "Udarbejdet af" line.
 */
export const AI_GENERATED_ENTITY = {
  type: 'https://schema.org/Message',
  '@type': 'Message',
  '@context': 'https://schema.org',
  '@id': '',
  additionalType: ['AIGeneratedContent'],
} as const;

/** The entities a message with this card carries: the AI label when a model wrote text on it. */
export function labelsFor(card: unknown): { entities?: { type: string; [key: string]: unknown }[] } {
  return carriesModelText(card) ? { entities: [{ ...AI_GENERATED_ENTITY }] } : {};
}
