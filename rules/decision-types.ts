/**
 * The decision's shape: the contract between the rules, the `assess` command, the bot,
 * the reminders and the summaries. Field names are part of the `assess` contract.
 */

export const OUTCOMES = ['escalate', 'needs-information', 'preventive', 'level1', 'level2', 'level3', 'none'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The outcomes a caseworker can choose (needs-information is a state, not a choice). */
export const CHOOSABLE_OUTCOMES = ['escalate', 'preventive', 'level1', 'level2', 'level3', 'none'] as const;
export type ChoosableOutcome = (typeof CHOOSABLE_OUTCOMES)[number];

export type Variant = '1A' | '1B' | null;

/** A stable passage id from rules/passages (e.g. "pps.maalgruppe.1"). */
export type PassageId = string;

/**
 * A text the rules wrote in both languages: `text` is the Danish (the journal's, the contract's),
 * `en` the English an English Teams shows. `en` is absent only on decisions stored before the
 * rules wrote English; a reader then falls back to the Danish.
 */
export interface Worded {
  /** Danish text shown to the caseworker. */
  text: string;
  /** The same in English; legal terms and the standard's own words stay Danish inside it. */
  en?: string;
}

export interface Cited extends Worded {
  passage: PassageId;
}

export interface Warning extends Worded {
  passage?: PassageId;
}

export interface Scope {
  visitsPerWeek?: { min: number; max: number };
  hoursPerWeekMax?: number;
  grantMonths?: number;
  /** Months added to the grant for closing, handover or re-assessment (1A). */
  extraMonths?: number;
  maxWeeks?: number;
  /** 1B: the higher visit rate applies in the first months only. */
  initialPhase?: { visitsPerWeek: { min: number; max: number }; monthsMin: number; monthsMax: number };
}

export const REVIEW_KINDS = [
  'grant-end', // the grant runs out: extend by new assessment and grant, or close
  'handover', // 1A / preventive: closing, handover or re-assessment before the end
  'step-down', // 1B: from up to 2 visits a week to 1
  'regrant', // level 2: every 3 months, does the effect suffice
  'follow-up', // level 3: every 6 months; all levels: Barnets lov § 95 first follow-up
  'investigation-deadline', // level 2 started alongside the børnefaglig undersøgelse: concluded within 4 months
  'course-end', // preventive: at most 40 weeks after start
] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export interface Review extends Worded {
  kind: ReviewKind;
  /** YYYY-MM-DD */
  due: string;
  passage: PassageId;
}

export interface LegalBasis {
  /** As the seed cites it, e.g. "SEL § 52, stk. 3, nr. 2". */
  seed: string;
  /** As in force now, e.g. "Barnets lov § 32, stk. 1, nr. 2". */
  current: string;
  /** Where the mapping was read; "ikke verificeret" where it was not. */
  source: string;
}

export interface TraceEntry {
  /** Stable rule id, e.g. "level2.investigation". */
  rule: string;
  result: 'pass' | 'fail' | 'unknown' | 'skip';
  /** The facts the rule read, by name, with their values (undefined = unknown). */
  facts: Record<string, unknown>;
  /** Parameter values the rule used, by parameter id. */
  parameters?: Record<string, unknown>;
  passage?: PassageId;
}

export interface Decision {
  outcome: Outcome;
  variant: Variant;
  /** With needs-information: the fact names to ask for (as in the Facts contract, e.g. "child.ageMonths"). */
  missing: string[];
  scope: Scope;
  reviews: Review[];
  reasons: Cited[];
  whyNot: Partial<Record<Outcome, Cited[]>>;
  warnings: Warning[];
  legalBasis: LegalBasis[];
  trace: TraceEntry[];
  /** The reference date the parameters were read at, and the start date due dates count from. */
  referenceDate: string;
  startDate: string;
  /** Which parameter set (municipality) produced this decision. */
  parameterSet: string;
}

/** A caseworker's choice against (or with) the recommendation: a record, never invented by the rules. */
export interface Override {
  recommended: Outcome;
  chosen: ChoosableOutcome;
  chosenVariant?: Variant;
  reason: string;
  by: string;
  /** ISO timestamp */
  at: string;
}
