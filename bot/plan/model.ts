import { FOCUS_POINTS, TASK_GROUPS, type FocusPoint } from '../../rules/task-groups.js';
import type { KnownPassageId } from '../../rules/passages/index.js';

/**
 * The case plan's vocabulary: what a plan and a review may say, with the Danish words the cards
 * show. Ids are English and stable (they are stored); labels are what a person reads.
 */

export const MAX_GOALS = 5;
export const TEXT_LIMITS = {
  purpose: 1000,
  goal: 300,
  progressSign: 300,
  referralNote: 80,
  reviewNote: 500,
  goalNote: 300,
} as const;

export const REFERRAL_SOURCES = ['health-visitor', 'daycare', 'school', 'ppr', 'gp', 'midwife', 'family', 'other'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];
export const REFERRAL_LABEL: Record<ReferralSource, string> = {
  'health-visitor': 'Sundhedsplejerske',
  daycare: 'Dagtilbud',
  school: 'Skole',
  ppr: 'PPR',
  gp: 'Egen læge',
  midwife: 'Jordemoder',
  family: 'Familien selv',
  other: 'Andet',
};
/** The model names who finds the families (section 5); the plan records which of them did. */
export const REFERRAL_PASSAGE: KnownPassageId = 'hpi.5.opsporing';

/** Who the parents' contact in Visitation Social is, by role: a plan never holds a name. */
export const CONTACT_ROLES = ['caseworker', 'housing-support', 'contact-person', 'treatment', 'other'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];
export const CONTACT_ROLE_LABEL: Record<ContactRole, string> = {
  caseworker: 'Sagsbehandler i Visitation Social',
  'housing-support': 'Bostøttemedarbejder',
  'contact-person': 'Kontaktperson',
  treatment: 'Behandler (misbrug eller psykiatri)',
  other: 'Anden rolle',
};
export const VISITATION_SOCIAL_PASSAGE: KnownPassageId = 'pps.saerlige.visitation-social';

export const DAYCARE_KINDS = ['nursery', 'kindergarten'] as const;
export type DaycareKind = (typeof DAYCARE_KINDS)[number];
export const DAYCARE_LABEL: Record<DaycareKind, string> = { nursery: 'Vuggestue', kindergarten: 'Børnehave' };

export const DURATION_UNITS = ['weeks', 'months'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

export const FOCUS_POINT_IDS = FOCUS_POINTS.map((f) => f.id) as [FocusPoint['id'], ...FocusPoint['id'][]];
export type FocusPointId = FocusPoint['id'];
export const TASK_IDS: readonly string[] = TASK_GROUPS.flatMap((g) => g.tasks.map((t) => t.id));

export const GOAL_PROGRESS = ['not-started', 'some', 'clear', 'reached'] as const;
export type GoalProgress = (typeof GOAL_PROGRESS)[number];
export const PROGRESS_LABEL: Record<GoalProgress, string> = {
  'not-started': 'Ikke startet',
  some: 'Noget',
  clear: 'Tydeligt',
  reached: 'Nået',
};

/** What a review concludes. The reminders' own "review done" choices are a subset. */
export const REVIEW_DECISIONS = ['continue', 'change-level', 'extend', 'close', 'escalate'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
export const REVIEW_DECISION_LABEL: Record<ReviewDecision, string> = {
  continue: 'Fortsæt',
  'change-level': 'Skift niveau (ny afgørelse)',
  extend: 'Forlæng ved ny bevilling',
  close: 'Afslut',
  escalate: 'Underret familieafdelingen',
};

export const AGE_APPROPRIATE = ['yes', 'no', 'unknown'] as const;
export type AgeAppropriate = (typeof AGE_APPROPRIATE)[number];
export const AGE_APPROPRIATE_LABEL: Record<AgeAppropriate, string> = { yes: 'Ja', no: 'Nej', unknown: 'Ved ikke' };

export interface Goal {
  /** Stable across plan versions, so progress over time follows the goal, not its position. */
  id: string;
  text: string;
  agreedWithParents: boolean;
  /** How everyone will see that the goal is being met. */
  progressSign: string;
}

export interface PlanContent {
  purpose: string;
  expectedDuration: { value: number; unit: DurationUnit };
  goals: Goal[];
  /** Preventive course only. */
  focusPoints: FocusPointId[];
  /** Preventive course only: task ids from rules/task-groups.ts. */
  tasks: string[];
  referralSource: ReferralSource;
  /** Only with referral source "other": who, by role or kind of place. */
  referralNote?: string;
  daycareStart?: { date: string; kind: DaycareKind };
  visitationSocial: { receives: false } | { receives: true; contactRole: ContactRole };
}

/** A stored version of the plan: every change is a new version with who and when. */
export interface PlanVersion extends PlanContent {
  caseId: string;
  version: number;
  /** Which top-level fields differ from the previous version ("created" for the first). */
  changed: string[];
  changedBy: string;
  /** ISO timestamp */
  changedAt: string;
}
