import type { Localized } from '../../cards/locale.js';

/**
 * The plan's typed commands: "plan <sagsnummer>" opens the plan card, "gennemgang <sagsnummer>"
 * starts a review. Danish first, English aliases; the reference keeps the case it was typed in.
 */
export type PlanCommand = { kind: 'plan'; reference: string } | { kind: 'review'; reference: string };

const WORDS: Record<string, PlanCommand['kind']> = {
  plan: 'plan',
  handleplan: 'plan',
  gennemgang: 'review',
  review: 'review',
};

/**
 * A case reference is one word with a digit in it (references hold no spaces), so "plan for
 * familien?" stays a question and is answered from the standards.
 */
export function parsePlanCommand(text: string): PlanCommand | undefined {
  const m = /^\/?(\S+)\s+(\S+)$/u.exec(text.normalize('NFC').trim());
  if (!m) return undefined;
  const kind = WORDS[m[1]!.toLowerCase()];
  const reference = m[2]!.replace(/[.!?]+$/, '');
  return kind && /\d/.test(reference) ? { kind, reference } : undefined;
}

/** The line the bot adds under an answer, so a person learns the commands where they need them. */
export const COMMANDS_LINE: Localized = {
  da: 'Kommandoer: »ny sag«, »mine sager«, »find« og sagsnummeret, »plan« (se eller ret planen), »gennemgang« (gennemgå planens mål), »hjælp«.',
  en: "Commands: »new case«, »my cases«, »find« and the case number, »plan« (see or edit the plan), »review« (review the plan's goals), »help«.",
};
