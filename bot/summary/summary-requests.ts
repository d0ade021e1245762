import { z } from 'zod';
import { parseCaseReference } from '../cases/case-reference.js';
import type { ReadScope } from '../tab/case-source.js';
import { CaseViewError, type CaseViews } from '../tab/case-views.js';
import { markModelText } from '../../cards/ai-generated.js';
import { summaryCard, type SummaryCardOptions } from '../../cards/summary-card.js';
import { summaryPromptCard } from '../../cards/summary-share.js';
import { problemText, type Locale, type Localized } from '../../cards/locale.js';
import type { CardJson } from '../../cards/template.js';

/**
 * The two chat doors to a case summary: the "resumé <reference>" command in any chat the bot
 * is in, and the message extension's search. Teams-free: bot/teams/ turns the result into an
 * activity or an invoke response. Both run behind their route's door (bot/conversation/routes.ts),
 * which passes the scope it opened; the audit row is the case views' (bot/tab/case-views.ts).
 */

export type SummaryReply = { kind: 'card'; card: CardJson; reference: string } | { kind: 'text'; text: string };

/** What the chat doors say when there is no summary to show, in the searcher's language. */
const SAYS = {
  howTo: { da: 'Skriv »resumé« efterfulgt af sagens reference, fx »resumé SAG-2026-0042«.', en: 'Write »summary« followed by the case reference, e.g. »summary SAG-2026-0042«.' },
  unreadable: { da: 'Søgningen kunne ikke læses. Prøv igen.', en: 'The search could not be read. Try again.' },
  typeReference: { da: 'Skriv sagens reference for at finde dens resumé.', en: 'Type the case reference to find its summary.' },
  case: { da: 'Sag', en: 'Case' },
  summary: { da: 'Sagsresumé', en: 'Case summary' },
  promptOnly: { da: 'Sagsresumé – vises kun for den, der har adgang og åbner det', en: 'Case summary – shown only to whoever has access and opens it' },
} satisfies Record<string, Localized>;

export async function summaryReply(views: CaseViews, scope: ReadScope, rawReference: string, options: SummaryCardOptions = {}): Promise<SummaryReply> {
  const locale = options.locale ?? 'da';
  if (rawReference.trim() === '') return { kind: 'text', text: SAYS.howTo[locale] };
  const reference = parseCaseReference(rawReference);
  if (!reference.ok) return { kind: 'text', text: problemText(reference, locale) };
  try {
    const summary = await views.caseSummary(scope, reference.value, locale);
    const card = summaryCard(summary, options);
    // From the stored method, not the reader's wording: comparing producedBy with the extractive
    // producer's name labelled every extractive summary ("udtræk uden sprogmodel") AI-generated.
    return { kind: 'card', card: summary.notesSummary?.byModel ? markModelText(card) : card, reference: summary.reference };
  } catch (error) {
    if (error instanceof CaseViewError) return { kind: 'text', text: error.words[locale] };
    throw error;
  }
}

/** `composeExtension/query` as Teams sends it; only what we read. Its command names the route. */
export const QueryValue = z.object({
  commandId: z.string().max(100),
  parameters: z.array(z.object({ name: z.string(), value: z.unknown() })).max(20).default([]),
});

export const FIND_CASE_COMMAND = 'findCase';

/** The search's input: what was typed, and whether Teams opened it before anything was (initialRun). */
export const FindCaseInput = QueryValue.transform((q) => {
  const typed = q.parameters.find((p) => p.name === 'reference')?.value;
  return { reference: typeof typed === 'string' ? typed.slice(0, 200) : '', initialRun: q.parameters.some((p) => p.name === 'initialRun') };
});
export type FindCaseInput = z.infer<typeof FindCaseInput>;

export interface ComposeExtensionResult {
  composeExtension:
    | { type: 'result'; attachmentLayout: 'list'; attachments: { contentType: string; content: CardJson; preview: { contentType: string; content: { title: string; text: string } } }[] }
    | { type: 'message'; text: string };
}

const message = (text: string): ComposeExtensionResult => ({ composeExtension: { type: 'message', text } });

/**
 * The search command: a case reference in, its summary card out (or the reason why not).
 * In a group or meeting chat what the searcher inserts is read by everyone there, so it is the
 * prompt (nothing of the case): whoever may see the case opens it for themselves from there.
 */
export async function findCaseQuery(views: CaseViews, scope: ReadScope, input: FindCaseInput, options: SummaryCardOptions & { groupChat?: boolean } = {}): Promise<ComposeExtensionResult> {
  const locale = options.locale ?? 'da';
  // Teams opens the search with initialRun before anything is typed: say what to type.
  if (input.initialRun || input.reference.trim() === '') return message(SAYS.typeReference[locale]);
  const reply = await summaryReply(views, scope, input.reference, options);
  if (reply.kind === 'text') return message(reply.text);
  return {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: options.groupChat ? summaryPromptCard(locale, reply.reference) : reply.card,
          preview: { contentType: 'application/vnd.microsoft.card.thumbnail', content: { title: `${SAYS.case[locale]} ${reply.reference}`, text: options.groupChat ? SAYS.promptOnly[locale] : SAYS.summary[locale] } },
        },
      ],
    },
  };
}

/** The search's answer when its invoke cannot be read or names no command we have. */
export const unreadableQuery = (locale: Locale): ComposeExtensionResult => message(SAYS.unreadable[locale]);
