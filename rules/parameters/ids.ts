/**
 * The figures of the two standards a municipality may set for itself. Every figure the rules
 * use is one of these; none is a literal in the rule code.
 */
export const PARAMETER_IDS = [
  'special.ageUnderMonths',
  'preventive.ageMaxMonths',
  'preventive.maxWeeks',
  'preventive.handoverWeeksBeforeEnd',
  'preventive.followUpAtAgeMonths',
  'plan.daycareAgeUnderMonths',
  'level1.visitsPerWeek',
  'level1.grantMonths',
  'level1.extraMonths',
  'level1b.initialVisitsPerWeekMax',
  'level1b.initialMonthsMin',
  'level1b.initialMonthsMax',
  'level2.visitsPerWeekMin',
  'level2.visitsPerWeekMax',
  'level2.grantMonths',
  'level2.ageUnderMonths',
  'level2.investigationDeadlineMonths',
  'level3.hoursPerWeekMax',
  'level3.followUpMonths',
  'followUp.firstMonths',
  'childPlan.withinMonths',
] as const;

export type ParameterId = (typeof PARAMETER_IDS)[number];

/** The figures in force on one reference date. */
export type ParameterValues = Readonly<Record<ParameterId, number>>;
