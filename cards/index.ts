/**
 * The cards the bot sends. Every builder is pure: data in, Adaptive Card JSON (schema 1.5) out,
 * its inputs untouched. Server actions are Action.Execute routed by the verbs in ./verbs.ts.
 */
export { intakeStepCard, questionView } from './intake-step.js';
export { escalationCard } from './escalation.js';
export { resultCard } from './result.js';
export { resultDetailsCard, type ResultDetailsContext } from './result-details.js';
export { needsInformationCard } from './needs-information.js';
export { caseCard, caseCreatedCard } from './case.js';
export { caseListCard, MAX_ROWS } from './case-list.js';
export { helpCard, COMMANDS } from './help.js';
export { errorCard, type KeptField, type RetryAction } from './error.js';
export { CASE_FIELD_IDS, OVERRIDE_CASE_FIELD_IDS } from './case-form.js';
export { VERBS, ALL_VERBS, type Verb } from './verbs.js';
export { localeFrom, type Locale, type Localized } from './locale.js';
export { cardBytes, cardBytesUtf16, CARD_BUDGET_BYTES, type CardJson } from './template.js';
export type { CaseView } from './case-view.js';
export type { CardContext, IntakeCardContext, ResultCardContext, ChannelChoice, LookupPassage, PassageText, RiskFactorInfo } from './context.js';
