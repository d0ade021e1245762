/**
 * The conversation layer's own view of a turn. bot/teams/ maps a Bot Framework activity to
 * these shapes, so nothing outside that folder depends on botbuilder.
 */

export type ConversationKind = 'personal' | 'channel' | 'groupChat';

export interface ConversationInfo {
  id: string;
  kind: ConversationKind;
  serviceUrl: string;
  /** Set in a team channel: the team's id (channelData.team.id). */
  teamId?: string;
  teamName?: string;
  /** Set in a team channel: the channel's id (channelData.channel.id). */
  channelId?: string;
  channelName?: string;
}

export interface TurnContextInfo {
  /** The Entra tenant the turn came from; every read and write is scoped by it. */
  tenantId: string | undefined;
  /** The user's Entra object id: who reads and writes, in the audit log. */
  userId: string | undefined;
  /** The caseworker's display name, kept on the cases they decide (never logged). */
  userName: string | undefined;
  /** The Teams locale, e.g. "da-DK" or "en-US". */
  locale: string;
  conversation: ConversationInfo;
  /** True when the bot was @mentioned (the mention is already removed from the text). */
  mentioned: boolean;
  /**
   * Who sees the answer: an Action.Execute's card goes to the one who clicked alone; a message
   * (and the Action.Submit fallback, answered as one) to everyone in the conversation.
   */
  answeredTo?: 'clicker' | 'conversation';
}

/** Our own record of where the bot is installed, for proactive messages and the channel picker. */
export interface ConversationRef {
  serviceUrl: string;
  conversationId: string;
  tenantId: string;
  teamId?: string;
  teamName?: string;
  channelId?: string;
  channelName?: string;
  /** Set for a personal conversation: whose it is. */
  userId?: string;
  kind: ConversationKind;
}

/** An Adaptive Card as plain JSON. */
export type Card = Record<string, unknown>;

/**
 * Slow work (a language model's summary) finishing after the answer was given: the card shown
 * now is replaced by `later` once it resolves. `later` never rejects; a failure is a card too.
 */
export class PendingCard {
  constructor(
    readonly card: Card,
    readonly later: Promise<Card>,
  ) {}
}

export type Reply = { kind: 'text'; text: string } | { kind: 'card'; card: Card; later?: Promise<Card> };

/** What a card action answers: one card that replaces the card the action came from (and, if slow, its replacement later). */
export interface ActionResult {
  card: Card;
  later?: Promise<Card>;
  /** A new message for everyone in the conversation: only a deliberate share makes one. */
  post?: Card;
}

/** What an action handler may answer besides a card: a card for the clicker and a post for all. */
export class SharedCard {
  constructor(
    readonly card: Card,
    readonly post: Card,
  ) {}
}

/** The reply or action result for what a handler answered. */
export function cardReply(answer: Card | PendingCard | SharedCard): { kind: 'card'; card: Card; later?: Promise<Card>; post?: Card } {
  if (answer instanceof PendingCard) return { kind: 'card', card: answer.card, later: answer.later };
  if (answer instanceof SharedCard) return { kind: 'card', card: answer.card, post: answer.post };
  return { kind: 'card', card: answer };
}
