import type { ChannelChoice, PassageText } from '../../cards/context.js';
import type { AskFor } from '../../cards/ask-reference.js';
import type { Locale } from '../../cards/locale.js';
import type { Decision } from '../../rules/decision-types.js';
import type { Standard } from '../../rules/standard/schema.js';
import type { IntakeFigures, StepId } from '../intake/steps.js';
import type { CaseWithDecision } from '../storage/cases.js';
import type { IntakeAnswers } from './intake-state.js';
import type { CaseStandards } from './case-standard.js';
import type { Card } from './types.js';
import type { FormProblem } from '../../cards/context.js';

/** A refused field: Danish `message`, `en` where the edge wrote English (the card picks). */
export type Problem = FormProblem;

/** A refused submission: what the person typed (shown again) and what to fix. */
export interface Refused {
  typed?: Readonly<Record<string, unknown>>;
  problems?: readonly Problem[];
  /** Information shown calmly where problems would be: nothing was wrong, one more choice is needed. */
  notice?: string;
}

/**
 * Every card the conversation sends, behind one seam: the conversation decides what to show,
 * the card builders in cards/ decide how it looks.
 */
export interface Views {
  /** The commands; `noTeam` adds how to add the app to a team (the welcome before any team is known). */
  help(locale: Locale, options?: { noTeam?: boolean }): Card;
  /** A short red card: something did not work, and what to do about it. */
  message(locale: Locale, text: string): Card;
  /** A neutral card for information (a list, a usage hint): never the red error card. */
  info(locale: Locale, text: string, title?: string): Card;
  intakeStep(locale: Locale, stepId: StepId, answers: IntakeAnswers, ctx: { draftId: string; figures: IntakeFigures; standard?: Standard } & Refused): Card;
  /** The recommendation (an escalation first of all), with accept / override / start over. */
  result(locale: Locale, decision: Decision, answers: IntakeAnswers, ctx: { draftId: string; channels: readonly ChannelChoice[]; standard?: Standard } & Refused): Card;
  /** One case; `created` right after accept/override shows recommendation and decision side by side. */
  caseCard(locale: Locale, found: CaseWithDecision, options?: { created?: boolean; standards?: CaseStandards }): Card;
  /** `standards`: each case's, in the same order, so each row names its measure as its standard does. */
  caseList(locale: Locale, cases: readonly CaseWithDecision[], standards?: readonly CaseStandards[]): Card;
  /** A bare command's question for the case number; `personal` adds "Mine sager". */
  askReference(locale: Locale, askFor: AskFor, personal: boolean): Card;
  /** The passages that best answer a question, verbatim, with their ids. */
  standardAnswer(locale: Locale, question: string, passages: readonly PassageText[]): Card;
}
