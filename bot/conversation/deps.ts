import type { Locale } from '../../cards/locale.js';
import type { ChatModel } from '../../prompts/client.js';
import type { KnowsWord } from '../../prompts/danish-words.js';
import type { LlmMetrics } from '../../prompts/summarise.js';
import type { BoundRules } from '../../rules/bind.js';
import type { Logger } from '../logger.js';
import type { TenantStandards } from '../standards/tenant-standards.js';
import type { RulesFor } from '../rules-binding.js';
import type { PassageIndex } from '../search/passage-index.js';
import type { ReminderHooks } from '../reminders/hooks.js';
import type { Storage } from '../storage/storage.js';
import type { TenantScope } from '../storage/scope.js';
import type { CaseViews } from '../tab/case-views.js';
import type { RosterSource } from '../tab/access.js';
import type { TurnContextInfo } from './types.js';
import type { SearchPassages } from './question.js';
import type { Views } from './views.js';

/** What the conversation needs from the outside, built once at start-up. */
export interface ConversationDeps {
  storage: Storage;
  views: Views;
  /** Each tenant's standard in force (bot/standards/); absent, every tenant has the seed's. */
  standards?: TenantStandards;
  /** Each tenant's rules, bound once to its municipality's parameter set. */
  rules: RulesFor;
  /** The lexical search over both standards ("standard <spørgsmål>"). */
  passages: PassageIndex;
  /** The configured language model for notes summaries; unset (the default) means no calls at all. */
  summaryModel?: { chat: ChatModel; knowsWord: () => Promise<KnowsWord> };
  /** How long a card action waits for a notes summary before acknowledging it and replacing the card later. */
  summaryWaitMs?: number;
  /** The process's language-model counters; with no model they count the answers given without one. */
  llmMetrics?: LlmMetrics;
  clock: () => Date;
  logger: Logger;
  allowedTenants?: readonly string[];
  /** Review reminders; absent where a test does not need them. */
  reminders?: ReminderHooks;
  /** Passage search over the standards, for free text that is a question. */
  searchPassages?: SearchPassages;
  /** A team's channels as Teams lists them (General has no name); absent, the channels the bot has heard from. */
  teamChannels?: (team: { serviceUrl: string; teamId: string }) => Promise<{ id: string; name?: string }[]>;
  /** Who is in a group or meeting chat (the Bot Connector's member list), to name a share's audience. */
  chatMembers?: (conversation: { serviceUrl: string; conversationId: string }) => Promise<{ userId: string; name: string }[]>;
  /** Team membership (the bot's roster of each team, cached); without it nobody is in any team. */
  roster?: RosterSource;
  /** Case summaries with the tab's access rule ("resumé <reference>"); absent, the command says so. */
  summaries?: CaseViews;
}

/** One turn's context after the access check: who, in which tenant, in which language. */
export interface Turn {
  deps: ConversationDeps;
  /** The turn's tenant's rules (deps.rules of its tenant). */
  rules: BoundRules;
  scope: TenantScope;
  locale: Locale;
  info: TurnContextInfo;
}
