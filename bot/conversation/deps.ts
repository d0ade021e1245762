import type { Locale } from '../../cards/locale.js';
import type { Decision } from '../../rules/decision-types.js';
import type { Facts } from '../../rules/facts.js';
import type { Logger } from '../logger.js';
import type { PassageIndex } from '../search/passage-index.js';
import type { Storage } from '../storage/storage.js';
import type { TenantScope } from '../storage/scope.js';
import type { CaseViews } from '../tab/case-views.js';
import type { TurnContextInfo } from './types.js';
import type { Views } from './views.js';

/** What the conversation needs from the outside, built once at start-up. */
export interface ConversationDeps {
  storage: Storage;
  views: Views;
  /** The rules with the municipality's parameters bound: facts in, decision out. */
  decide: (facts: Facts) => Decision;
  /** The lexical search over both standards ("standard <spørgsmål>"). */
  passages: PassageIndex;
  clock: () => Date;
  logger: Logger;
  allowedTenants?: readonly string[];
  /** Case summaries with the tab's access rule ("resumé <reference>"); absent, the command says so. */
  summaries?: CaseViews;
}

/** One turn's context after the access check: who, in which tenant, in which language. */
export interface Turn {
  deps: ConversationDeps;
  scope: TenantScope;
  locale: Locale;
  info: TurnContextInfo;
}
