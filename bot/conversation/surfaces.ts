import type { Locale } from '../../cards/locale.js';
import type { TenantScope } from '../storage/scope.js';
import type { Storage } from '../storage/storage.js';
import type { ConversationDeps } from './deps.js';
import type { ConversationKind } from './types.js';

/**
 * Who is knocking at a door, whatever the surface: a chat turn (the conversation's kind says who
 * reads along), the message extension's search (read by the searcher, answered in the chat it was
 * made in), or the personal tab (read by its signed-in reader alone). A chat `Turn` is a caller as
 * it is; the tab builds one per request. The door (doors.ts) decides on this and nothing else.
 */
export type SurfaceKind = ConversationKind | 'tab';

export interface Caller {
  /** What a door reads: who is in which team, whose a case is, where the bot is installed. */
  deps: { storage: Pick<Storage, 'cases' | 'audit' | 'conversationRefs'> } & Pick<ConversationDeps, 'roster' | 'reminders'>;
  scope: TenantScope;
  locale: Locale;
  info: {
    conversation: { kind: SurfaceKind; teamId?: string };
    /** An Action.Execute's card and a search result are shown to the one who asked alone. */
    answeredTo?: 'clicker' | 'conversation';
  };
}

/** Shown to the one asking alone: the personal chat and the tab; no one else reads along. */
export const readAlone = (caller: Caller): boolean => caller.info.conversation.kind === 'personal' || caller.info.conversation.kind === 'tab';
