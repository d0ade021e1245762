/**
 * Typed commands, Danish first with English aliases. Anything else is not a command, and the
 * caller answers it with help rather than an error.
 */
import type { AskFor } from '../../cards/ask-reference.js';
import { parseNoteCommand, type NoteCommand } from './notes.js';
import { parsePlanCommand, type PlanCommand } from './plan-commands.js';

export type Command =
  | NoteCommand
  | PlanCommand
  | { kind: 'help' }
  | { kind: 'newCase' }
  | { kind: 'resume' }
  | { kind: 'mine' }
  | { kind: 'reminders' }
  | { kind: 'find'; reference: string }
  /** A command that needs a case number, sent bare (as the Teams command menu sends it). */
  | { kind: 'askReference'; askFor: AskFor }
  | { kind: 'standard'; question: string }
  | { kind: 'summary'; reference: string }
  /** "resumé" in a group or meeting chat: the router's reading of the same words there (routes.ts). */
  | { kind: 'summaryPrompt'; reference: string };

const EXACT: Record<string, Command> = {
  hjælp: { kind: 'help' },
  hjaelp: { kind: 'help' },
  help: { kind: 'help' },
  '?': { kind: 'help' },
  'ny sag': { kind: 'newCase' },
  'new case': { kind: 'newCase' },
  fortsæt: { kind: 'resume' },
  fortsaet: { kind: 'resume' },
  resume: { kind: 'resume' },
  continue: { kind: 'resume' },
  'mine sager': { kind: 'mine' },
  'my cases': { kind: 'mine' },
  påmindelser: { kind: 'reminders' },
  paamindelser: { kind: 'reminders' },
  reminders: { kind: 'reminders' },
};

const FIND = /^(?:find|søg|soeg|search)\s+(.+)$/;
const STANDARD = /^(?:standard|standarden)\s+(.+)$/;
// "resumé" with its accent; plain "resume" alone means "continue the interview", but
// "resume <sagsnummer>" can only mean the case's summary.
const SUMMARY = /^(?:resumé|summary)(?:\s+(.+))?$|^resume\s+(.+)$/;

const BARE: Record<string, AskFor> = {
  find: 'find',
  søg: 'find',
  soeg: 'find',
  search: 'find',
  plan: 'plan',
  handleplan: 'plan',
  gennemgang: 'review',
  review: 'review',
  noter: 'notes',
  notes: 'notes',
  notat: 'note',
  note: 'note',
};

/** Every typed command: the notes' and the plan's are tried where the router always tried them. */
export function parseCommand(text: string): Command | undefined {
  const askFor = BARE[text.normalize('NFC').trim().replace(/^\//, '').replace(/[.!?]+$/, '').toLowerCase()];
  if (askFor) return { kind: 'askReference', askFor };
  return parseNoteCommand(text) ?? parseBasicCommand(text) ?? parsePlanCommand(text);
}

function parseBasicCommand(text: string): Command | undefined {
  const normalized = text
    .normalize('NFC')
    .trim()
    .replace(/^\//, '')
    .replace(/[.!]+$/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
  const exact = EXACT[normalized];
  if (exact) return exact;
  // The question keeps what the user typed; only the command word is case-insensitive.
  if (STANDARD.test(normalized)) return { kind: 'standard', question: text.trim().replace(/^\/?\S+\s+/, '').trim() };
  const find = FIND.exec(normalized);
  // The reference keeps the case the user typed; only the command word is case-insensitive.
  if (find) return { kind: 'find', reference: text.trim().replace(/^\/?\S+\s+/, '').trim() };
  const summary = SUMMARY.exec(normalized);
  if (summary) return { kind: 'summary', reference: summary[1] ?? summary[2] ? text.normalize('NFC').trim().replace(/^\/?\S+\s+/, '').replace(/[.!]+$/, '').trim() : '' };
  return undefined;
}
