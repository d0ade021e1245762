import { z } from 'zod';
import type { BoundRules } from '../../rules/bind.js';
import { CHILD_PLAN_STANCES, takesChildPlanStance, type ChildPlanStance } from '../../rules/child-plan.js';
import { IsoDate } from '../../rules/facts.js';
import { formatDate } from '../../cards/outcome-text.js';
import type { Locale, Localized } from '../../cards/locale.js';
import type { CaseWithDecision } from '../storage/cases.js';
import type { ChildPlanInput, ChildPlanRecord } from '../storage/child-plans.js';
import { danishToday } from '../summary/today.js';

/**
 * Barnets plan's fields on the plan card as the card holds them, and what a submission of them
 * means. The stance is asked where the decision's plan is written (right after the decision, and
 * with »plan <sagsnummer>« later), for support under § 32 only.
 */

export interface ChildPlanForm {
  stance: '' | ChildPlanStance;
  madeOn: string;
}

/** Does the case's standing decision ask for a stance on barnets plan (support under § 32)? */
export function takesChildPlan(c: CaseWithDecision): boolean {
  return takesChildPlanStance(c.decision.chosen?.reviews ?? c.decision.recommended.reviews);
}

/** The standing decision and the deadline a "yes" on it gives: from the day it was made, by the tenant's figures that day. */
export function childPlanAnchor(c: CaseWithDecision, rules: BoundRules): { decisionId: string; due: string } {
  return { decisionId: c.decision.decisionId, due: rules.childPlanDeadline(danishToday(c.decision.decidedAt)).due };
}

export function childPlanToForm(record: ChildPlanRecord | null): ChildPlanForm {
  return { stance: record?.stance ?? '', madeOn: record?.madeOn ?? '' };
}

const Loose = z.union([z.string(), z.number()]).transform(String).catch('');

export function childPlanFormFromSubmission(data: Record<string, unknown>): ChildPlanForm {
  const stance = Loose.parse(data.childPlanStance ?? '').trim();
  return {
    stance: (CHILD_PLAN_STANCES as readonly string[]).includes(stance) ? (stance as ChildPlanStance) : '',
    madeOn: Loose.parse(data.childPlanMadeOn ?? '').trim(),
  };
}

const PROBLEMS = {
  date: { da: 'Barnets plan: skriv datoen som ÅÅÅÅ-MM-DD.', en: 'Barnets plan: write the date as YYYY-MM-DD.' },
  future: { da: 'Barnets plan: datoen, planen forelå, kan ikke ligge efter i dag.', en: 'Barnets plan: the day the plan was in place cannot be after today.' },
  notYes: {
    da: 'Barnets plan: en dato for, hvornår planen forelå, hører kun til svaret »Ja«. Vælg »Ja«, eller fjern datoen.',
    en: 'Barnets plan: a day the plan was in place goes only with the answer »Yes«. Choose »Yes«, or remove the date.',
  },
} satisfies Record<string, Localized>;

/** The submitted stance, null when none was chosen (nothing to record), or the problems in the reader's language. */
export function parseChildPlanForm(form: ChildPlanForm, today: string, locale: Locale): { ok: true; value: ChildPlanInput | null } | { ok: false; problems: string[] } {
  const madeOn = form.madeOn === '' ? null : form.madeOn;
  // The calendar check every other date field uses: "2026-02-30" is refused, not rolled over.
  if (madeOn !== null && !IsoDate.safeParse(madeOn).success) return { ok: false, problems: [PROBLEMS.date[locale]] };
  if (madeOn !== null && madeOn > today) return { ok: false, problems: [PROBLEMS.future[locale]] };
  if (madeOn !== null && form.stance !== 'yes') return { ok: false, problems: [PROBLEMS.notYes[locale]] };
  if (form.stance === '') return { ok: true, value: null };
  return { ok: true, value: { stance: form.stance, madeOn } };
}

/** The stance as the confirmation line says it: "Barnets plan: skal udarbejdes senest 4. marts 2027." */
export function childPlanSaid(record: ChildPlanRecord, locale: Locale): string {
  const date = (iso: string) => formatDate(iso, locale);
  if (record.stance === 'yes' && record.madeOn) return locale === 'en' ? `Barnets plan: in place on ${date(record.madeOn)}.` : `Barnets plan: forelå ${date(record.madeOn)}.`;
  if (record.stance === 'yes' && record.due) return locale === 'en' ? `Barnets plan: to be drawn up, at the latest on ${date(record.due)}.` : `Barnets plan: skal udarbejdes senest ${date(record.due)}.`;
  if (record.stance === 'no') return locale === 'en' ? 'Barnets plan: none is to be drawn up.' : 'Barnets plan: skal ikke udarbejdes.';
  return locale === 'en' ? 'Barnets plan: not decided yet.' : 'Barnets plan: ikke besluttet endnu.';
}
