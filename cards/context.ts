import type { ChoosableOutcome } from '../rules/decision-types.js';
import type { RiskFactorGroup } from '../rules/facts.js';
import type { Locale } from './locale.js';
import type { MeasureNames } from './outcome-text.js';
import type { Interview } from '../bot/intake/steps.js';

/** One passage of a standard, verbatim, as the passages catalogue returns it. */
export interface PassageText {
  id: string;
  source: string;
  heading: string;
  text: string;
}

/** Passed in by the caller so cards do not depend on where the passages live. */
export type LookupPassage = (id: string) => PassageText | undefined;

export interface RiskFactorInfo {
  id: string;
  group: RiskFactorGroup;
  label: string;
  passage?: string;
}

export interface ChannelChoice {
  id: string;
  name: string;
}

/** What a refused form says about one field: Danish `message`, and `en` where the edge wrote English. */
export interface FormProblem {
  field: string;
  message: string;
  en?: string | undefined;
}

export interface CardContext {
  locale: Locale;
  /** The measures' names in the standard the decision was made under, where they are its own. */
  names?: MeasureNames;
  /** Where reasons find their passage's verbatim text; defaults to the passages catalogue. */
  lookupPassage?: LookupPassage;
}

export interface IntakeCardContext extends CardContext {
  draftId: string;
  /** The 24 checklist items; defaults to the risk-factor catalogue, labelled in the card's language. */
  riskFactors?: readonly RiskFactorInfo[];
  /** Group headings; defaults to the catalogue's. */
  riskGroupTitles?: Partial<Record<RiskFactorGroup, string>>;
  /** Question ids answered "Ved ikke", so going back shows that answer again. */
  unknown?: readonly string[];
  /** Raw values from a refused submission, shown again so nothing typed is lost. */
  typed?: Readonly<Record<string, unknown>>;
  /** Problems from the refused submission (Danish, English where the edge has it), shown at the top. */
  problems?: readonly FormProblem[];
  /** The standard's interview (its questions, words and order); default the seed standard's. */
  interview?: Interview;
}

export interface ResultCardContext extends CardContext {
  draftId: string;
  /** The team channels the case can be followed in; the caseworker picks one. */
  channels: readonly ChannelChoice[];
  /** The outcomes the decision's standard has, for "choose another"; default all the product knows. */
  choosable?: readonly ChoosableOutcome[];
  /** A refused Acceptér / override: what was typed, put back into the forms (CPR numbers masked). */
  typed?: Readonly<Record<string, unknown>>;
  /** Problems from the refused form (Danish, English where the edge has it), shown near the top of the card. */
  problems?: readonly FormProblem[];
  /** Information for the next press, not a refusal (the team has the app now: choose its channel). */
  notice?: string;
}
