import { z } from 'zod';
import { parseCaseReference } from '../cases/case-reference.js';
import type { TabIdentity } from '../tab/auth.js';
import { CaseViewError, type CaseViews } from '../tab/case-views.js';
import { markModelText } from '../../cards/ai-generated.js';
import { summaryCard, type SummaryCardOptions } from '../../cards/summary-card.js';
import { summaryPromptCard } from '../../cards/summary-share.js';
import type { CardJson } from '../../cards/template.js';

/**
 * The two chat doors to a case summary: the "resumé <reference>" command in any chat the bot
 * is in, and the message extension's search. Teams-free: bot/teams/ turns the result into an
 * activity or an invoke response. Access and audit are the tab's (case-views.ts).
 */

export type SummaryReply = { kind: 'card'; card: CardJson; reference: string } | { kind: 'text'; text: string };

const HOW_TO = 'Skriv "resumé" efterfulgt af sagens reference, fx "resumé SAG-2026-0042".';

export async function summaryReply(views: CaseViews, who: TabIdentity, rawReference: string, door: 'chat' | 'message-extension', options: SummaryCardOptions = {}): Promise<SummaryReply> {
  if (rawReference.trim() === '') return { kind: 'text', text: HOW_TO };
  const reference = parseCaseReference(rawReference);
  if (!reference.ok) return { kind: 'text', text: reference.message };
  try {
    const summary = await views.caseSummary(who, reference.value, door);
    const card = summaryCard(summary, options);
    // From the stored method, not the reader's wording: comparing producedBy with the extractive
    // producer's name labelled every extractive summary ("udtræk uden sprogmodel") AI-generated.
    return { kind: 'card', card: summary.notesSummary?.byModel ? markModelText(card) : card, reference: summary.reference };
  } catch (error) {
    if (error instanceof CaseViewError) return { kind: 'text', text: error.message };
    throw error;
  }
}

/** `composeExtension/query` as Teams sends it; only what we read. */
const QueryValue = z.object({
  commandId: z.string(),
  parameters: z.array(z.object({ name: z.string(), value: z.unknown() })).default([]),
});

export const FIND_CASE_COMMAND = 'findCase';

export interface ComposeExtensionResult {
  composeExtension:
    | { type: 'result'; attachmentLayout: 'list'; attachments: { contentType: string; content: CardJson; preview: { contentType: string; content: { title: string; text: string } } }[] }
    | { type: 'message'; text: string };
}

const message = (text: string): ComposeExtensionResult => ({ composeExtension: { type: 'message', text } });

/** The search command: a case reference in, its summary card out (or a Danish reason why not). */
/**
 * In a group or meeting chat what the searcher inserts is read by everyone there, so it is the
 * prompt (nothing of the case): whoever may see the case opens it for themselves from there.
 */
export async function findCaseQuery(views: CaseViews, who: TabIdentity, value: unknown, options: SummaryCardOptions & { groupChat?: boolean } = {}): Promise<ComposeExtensionResult> {
  const parsed = QueryValue.safeParse(value);
  if (!parsed.success || parsed.data.commandId !== FIND_CASE_COMMAND) return message('Søgningen kunne ikke læses. Prøv igen.');
  const params = parsed.data.parameters;
  // Teams opens the search with initialRun before anything is typed: say what to type.
  const typed = params.find((p) => p.name === 'reference')?.value;
  if (params.some((p) => p.name === 'initialRun') || typeof typed !== 'string' || typed.trim() === '') {
    return message('Skriv sagens reference for at finde dens resumé.');
  }
  const reply = await summaryReply(views, who, typed, 'message-extension', options);
  if (reply.kind === 'text') return message(reply.text);
  return {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: options.groupChat ? summaryPromptCard('da', reply.reference) : reply.card,
          preview: { contentType: 'application/vnd.microsoft.card.thumbnail', content: { title: `Sag ${reply.reference}`, text: options.groupChat ? 'Sagsresumé – vises kun for den, der har adgang og åbner det' : 'Sagsresumé' } },
        },
      ],
    },
  };
}
