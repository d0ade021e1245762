import type { Outcome, Override, Review, Variant } from '../rules/decision-types.js';
import type { MeasureNames, StandardLabel } from './outcome-text.js';

/**
 * What a case card shows. The bot maps its stored case to this; the card never sees more
 * than it needs (no facts, no free text beyond the override reason).
 */
export interface CaseView {
  caseReference: string;
  childPseudonym: string;
  /** What was decided: the chosen outcome when the recommendation was overridden. */
  outcome: Outcome;
  variant: Variant;
  startDate: string;
  status: 'open' | 'closed';
  channelName?: string;
  /** Who decided (display name), and when (ISO timestamp). */
  decidedBy?: string;
  decidedAt?: string;
  /** The due dates the case tracks, earliest first. */
  reviews: readonly Review[];
  override?: Override;
  /** The standard the case was decided under and the one in force, when the bot knows them. */
  standards?: { decidedUnder: StandardLabel; inForce: StandardLabel };
  /** The names the standard the case was decided under gives its measures, for a list of cases under several. */
  names?: MeasureNames;
}
