import { problemText } from '../../cards/locale.js';
import { shareConfirmCard, summaryPromptCard, type Audience } from '../../cards/summary-share.js';
import { parseCaseReference } from '../cases/case-reference.js';
import { summaryReply } from '../summary/summary-requests.js';
import type { Turn } from './deps.js';
import { say } from './texts.js';
import { SharedCard, type Card } from './types.js';

const NO_AUDIENCE = {
  da: 'Jeg kan ikke se, hvem der er med i chatten, så jeg deler ikke resuméet. Brug »Vis kun for mig«.',
  en: 'I cannot see who is in the chat, so I do not share the summary. Use »Show only to me«.',
} as const;

/**
 * Case summaries in the conversation. In the personal chat and the case team's channel,
 * "resumé <reference>" answers with the summary card. In a group or meeting chat, where all read
 * along, it answers with a prompt that holds no case content: the summary is shown to the one who
 * clicks, or shared with the chat after its audience was named. Who may see it, and the audit
 * row, are the tab's rule: the caseworker or the case's team.
 */

export async function summaryCommand(turn: Turn, reference: string): Promise<Card> {
  const { summaries } = turn.deps;
  if (!summaries) return turn.deps.views.info(turn.locale, say('summariesOff', turn.locale));
  const reply = await summaryReply(summaries, turn.scope, reference, { locale: turn.locale });
  return reply.kind === 'card' ? reply.card : turn.deps.views.message(turn.locale, reply.text);
}

/** "resumé <reference>" in a group or meeting chat: the prompt, which shows nothing of the case. */
export function summaryPrompt(turn: Turn, typed: string): Card {
  const reference = parseCaseReference(typed);
  if (typed.trim() === '' || !reference.ok) return (reference.ok ? turn.deps.views.info(turn.locale, say('summaryUsage', turn.locale)) : turn.deps.views.message(turn.locale, problemText(reference, turn.locale)));
  return summaryPromptCard(turn.locale, reference.value);
}

const referenceOf = (data: Record<string, unknown>) => (typeof data.caseReference === 'string' ? data.caseReference : '');

/** Who would read a share here: everyone in the chat, and who of them is outside the case's team. */
async function audienceOf(turn: Turn, reference: string): Promise<Audience | undefined> {
  const { chatMembers, roster, storage } = turn.deps;
  if (!chatMembers) return undefined;
  const subject = await storage.cases.accessSubject(turn.scope, { reference });
  if (!subject) return undefined;
  const members = await chatMembers({ serviceUrl: turn.info.conversation.serviceUrl, conversationId: turn.info.conversation.id });
  const inTeam = await Promise.all(
    members.map(async (m) => m.userId === subject.caseworkerId || (roster ? await roster.isMember(turn.scope.tenantId, subject.teamId, m.userId) : false)),
  );
  return { members: members.length, outsideTeam: members.filter((_, i) => !inTeam[i]).map((m) => m.name || '(uden navn)') };
}

/** "Del med chatten …": the audience, for the one who clicked; outside a group chat, the summary. */
export async function askToShare(turn: Turn, data: Record<string, unknown>): Promise<Card> {
  if (turn.info.conversation.kind !== 'groupChat') return summaryCommand(turn, referenceOf(data));
  const reference = parseCaseReference(referenceOf(data));
  if (!reference.ok) return turn.deps.views.message(turn.locale, problemText(reference, turn.locale));
  const audience = await audienceOf(turn, reference.value);
  if (!audience) return turn.deps.views.message(turn.locale, NO_AUDIENCE[turn.locale]);
  return shareConfirmCard(turn.locale, reference.value, audience);
}

/**
 * "Del med alle": posts the summary for the whole chat and logs the share on the case, with the
 * chat and its audience. If people joined or left since the audience was shown, it is shown again.
 */
export async function shareSummary(turn: Turn, data: Record<string, unknown>): Promise<Card | SharedCard> {
  if (turn.info.conversation.kind !== 'groupChat') return summaryCommand(turn, referenceOf(data));
  const reference = parseCaseReference(referenceOf(data));
  if (!reference.ok) return turn.deps.views.message(turn.locale, problemText(reference, turn.locale));
  const audience = await audienceOf(turn, reference.value);
  if (!audience) return turn.deps.views.message(turn.locale, NO_AUDIENCE[turn.locale]);
  if (String(audience.members) !== String(data.members)) return shareConfirmCard(turn.locale, reference.value, audience);
  const summary = await summaryCommand(turn, reference.value);
  const subject = await turn.deps.storage.cases.accessSubject(turn.scope, { reference: reference.value });
  await turn.deps.storage.audit.append(turn.scope, {
    action: 'summary.share',
    caseId: subject?.caseId ?? null,
    details: { conversationId: turn.info.conversation.id.slice(0, 200), members: audience.members, outsideTeam: audience.outsideTeam.length },
  });
  // A confirmation, so the neutral card: the share worked.
  const done = turn.deps.views.info(
    turn.locale,
    turn.locale === 'da' ? `Resuméet af sag ${reference.value} er delt i chatten med ${audience.members} deltagere.` : `The summary of case ${reference.value} is shared in the chat with ${audience.members} participants.`,
  );
  return new SharedCard(done, summary);
}
