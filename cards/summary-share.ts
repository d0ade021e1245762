import type { Locale } from './locale.js';
import { execute, pick, type CardJson } from './template.js';
import { VERBS } from './verbs.js';

/**
 * Case summaries in a group or meeting chat, where everyone reads what the bot posts. The bot
 * posts only this prompt (no case content); the summary itself is shown to the one who clicks
 * (Teams shows an Action.Execute's answer to the clicker alone), or shared with the whole chat
 * after the audience has been named and confirmed.
 */

const card = (body: CardJson[], actions: CardJson[]): CardJson => ({
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  type: 'AdaptiveCard',
  version: '1.5',
  // Where the card cannot be shown (a notification, an old client): its first line.
  fallbackText: String(body[0]?.['text'] ?? ''),
  body,
  actions,
});

const text = (value: string, extra: CardJson = {}): CardJson => ({ type: 'TextBlock', text: value, wrap: true, ...extra });

export function summaryPromptCard(locale: Locale, reference: string): CardJson {
  const t = pick(locale);
  return card(
    [
      text(t({ da: `Resumé af sag ${reference}`, en: `Summary of case ${reference}` }), { weight: 'Bolder' }),
      text(
        t({
          da: 'Alle i denne chat kan læse med. Se resuméet, så kun du ser det – eller del det med chatten, når du har set, hvem der læser med. Kun sagens sagsbehandler og team har adgang.',
          en: 'Everyone in this chat can read along. View the summary so only you see it – or share it with the chat once you have seen who reads along. Only the case’s caseworker and team have access.',
        }),
      ),
    ],
    [
      execute(t({ da: 'Vis kun for mig', en: 'Show only to me' }), VERBS.summaryView, { caseReference: reference }, { inputs: 'none', style: 'positive' }),
      execute(t({ da: 'Del med chatten …', en: 'Share with the chat …' }), VERBS.summaryShareAsk, { caseReference: reference }, { inputs: 'none' }),
    ],
  );
}

export interface Audience {
  /** Everyone in the chat, the asker included. */
  members: number;
  /** Names of those in the chat who are neither the case's caseworker nor in its team. */
  outsideTeam: readonly string[];
}

const MAX_NAMES = 10;

export function shareConfirmCard(locale: Locale, reference: string, audience: Audience): CardJson {
  const t = pick(locale);
  const outside = audience.outsideTeam;
  const names = outside.slice(0, MAX_NAMES).join(', ') + (outside.length > MAX_NAMES ? ` (+${outside.length - MAX_NAMES})` : '');
  const who =
    outside.length === 0
      ? t({ da: 'Alle i chatten er i sagens team.', en: 'Everyone in the chat is in the case’s team.' })
      : t({ da: `${outside.length} af dem er ikke i sagens team: ${names}.`, en: `${outside.length} of them are not in the case’s team: ${names}.` });
  return card(
    [
      text(t({ da: `Del resuméet af sag ${reference} med chatten?`, en: `Share the summary of case ${reference} with the chat?` }), { weight: 'Bolder' }),
      text(t({ da: `Chatten har ${audience.members} deltagere, og alle kan læse resuméet.`, en: `The chat has ${audience.members} participants, and all of them can read the summary.` })),
      text(who, outside.length > 0 ? { color: 'Attention' } : {}),
      text(t({ da: 'Delingen logges på sagen.', en: 'The share is logged on the case.' }), { isSubtle: true, size: 'Small' }),
    ],
    [
      execute(t({ da: `Del med alle ${audience.members}`, en: `Share with all ${audience.members}` }), VERBS.summaryShare, { caseReference: reference, members: String(audience.members) }, { inputs: 'none' }),
      execute(t({ da: 'Vis kun for mig i stedet', en: 'Show only to me instead' }), VERBS.summaryView, { caseReference: reference }, { inputs: 'none', style: 'positive' }),
    ],
  );
}
