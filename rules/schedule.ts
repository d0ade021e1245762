import { CITE } from './citations.js';
import { addMonths, addWeeks } from './dates.js';
import type { Outcome, Review, ReviewKind, TraceEntry, Variant } from './decision-types.js';
import type { ParameterId, ParameterValues } from './parameters/ids.js';

export interface Schedule {
  reviews: Review[];
  trace: TraceEntry[];
}

interface Planned {
  kind: ReviewKind;
  due: string;
  passage: string;
  text: string;
  rule: string;
  parameters: Partial<Record<ParameterId, number>>;
}

/**
 * The due dates a decision sets, counted from the start date. Only measures have them:
 * an escalation, an open question or no measure sets no grant and no follow-up.
 */
export function schedule(
  outcome: Outcome,
  variant: Variant,
  start: string,
  alongsideInvestigation: boolean,
  p: ParameterValues,
): Schedule {
  const planned: Planned[] = [];
  if (outcome === 'preventive') planned.push(...preventive(start, p));
  if (outcome === 'level1') planned.push(...level1(start, variant, p));
  if (outcome === 'level2') planned.push(...level2(start, alongsideInvestigation, p));
  if (outcome === 'level3') planned.push(...level3(start, p));
  if (outcome === 'level1' || outcome === 'level2' || outcome === 'level3') planned.push(firstFollowUp(start, p));

  planned.sort((a, b) => (a.due === b.due ? KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) : a.due < b.due ? -1 : 1));
  return {
    reviews: planned.map(({ kind, due, passage, text }) => ({ kind, due, passage, text })),
    trace: planned.map(({ rule, due, passage, parameters }) => ({
      rule,
      result: 'pass' as const,
      facts: { startDate: start, due },
      parameters,
      passage,
    })),
  };
}

const KIND_ORDER: readonly ReviewKind[] = ['follow-up', 'step-down', 'regrant', 'investigation-deadline', 'handover', 'grant-end', 'course-end'];

function preventive(start: string, p: ParameterValues): Planned[] {
  const weeks = p['preventive.maxWeeks'];
  const lead = p['preventive.handoverWeeksBeforeEnd'];
  return [
    {
      kind: 'handover',
      due: addWeeks(start, weeks - lead),
      // The model lets the course overlap the start in nursery or kindergarten; when to plan the handover is the municipality's figure.
      passage: CITE.varighed,
      text: `Planlæg afslutningen og overgangen til dagtilbud, ${lead} uger før forløbet slutter.`,
      rule: 'schedule.preventive.handover',
      parameters: { 'preventive.maxWeeks': weeks, 'preventive.handoverWeeksBeforeEnd': lead },
    },
    {
      kind: 'course-end',
      due: addWeeks(start, weeks),
      passage: CITE.varighed,
      text: `Forløbet slutter senest efter ${weeks} uger: afslut, eller vurder om barnet har brug for andet.`,
      rule: 'schedule.preventive.course-end',
      parameters: { 'preventive.maxWeeks': weeks },
    },
  ];
}

function level1(start: string, variant: Variant, p: ParameterValues): Planned[] {
  const grant = p['level1.grantMonths'];
  const extra = p['level1.extraMonths'];
  const reviews: Planned[] = [];
  if (variant === '1B') {
    const min = p['level1b.initialMonthsMin'];
    const max = p['level1b.initialMonthsMax'];
    reviews.push({
      kind: 'step-down',
      due: addMonths(start, min),
      passage: CITE.omfang1b,
      text: `Vurder nedtrapning fra op til ${p['level1b.initialVisitsPerWeekMax']} ugentlige besøg til ${p['level1.visitsPerWeek']}: efter ${min} måneder, senest efter ${max} måneder (${addMonths(start, max)}).`,
      rule: 'schedule.level1b.step-down',
      parameters: { 'level1b.initialMonthsMin': min, 'level1b.initialMonthsMax': max },
    });
  }
  if (variant === '1A') {
    reviews.push(
      {
        kind: 'handover',
        due: addMonths(start, grant),
        passage: CITE.omfang1a,
        text: `Efter ${grant} måneder begynder de ${extra} ekstra måneder: afslutning, overlevering eller revisitering.`,
        rule: 'schedule.level1a.handover',
        parameters: { 'level1.grantMonths': grant },
      },
      {
        kind: 'grant-end',
        due: addMonths(start, grant + extra),
        passage: CITE.omfang1a,
        text: `Bevillingen udløber efter ${grant} + ${extra} måneder: forlæng ved ny vurdering og bevilling, eller afslut.`,
        rule: 'schedule.level1a.grant-end',
        parameters: { 'level1.grantMonths': grant, 'level1.extraMonths': extra },
      },
    );
  } else {
    reviews.push({
      kind: 'grant-end',
      due: addMonths(start, grant),
      passage: CITE.omfang1,
      text: `Bevillingen udløber efter ${grant} måneder: forlæng ved ny vurdering og bevilling, eller afslut.`,
      rule: 'schedule.level1.grant-end',
      parameters: { 'level1.grantMonths': grant },
    });
  }
  return reviews;
}

function level2(start: string, alongsideInvestigation: boolean, p: ParameterValues): Planned[] {
  const months = p['level2.grantMonths'];
  const reviews: Planned[] = [
    {
      kind: 'regrant',
      due: addMonths(start, months),
      passage: CITE.omfang2,
      text: `Bevillingen gælder ${months} måneder ad gangen: har indsatsen tilstrækkelig effekt til at sikre barnets trivsel? Bevilg igen eller afslut.`,
      rule: 'schedule.level2.regrant',
      parameters: { 'level2.grantMonths': months },
    },
  ];
  if (alongsideInvestigation) {
    const deadline = p['level2.investigationDeadlineMonths'];
    reviews.push({
      kind: 'investigation-deadline',
      due: addMonths(start, deadline),
      passage: CITE.blUndersoegelseFrist,
      text: `Den børnefaglige undersøgelse skal være afsluttet inden ${deadline} måneder (Barnets lov § 20); fristen løber fra, da behovet blev kendt, og kan derfor falde tidligere.`,
      rule: 'schedule.level2.investigation-deadline',
      parameters: { 'level2.investigationDeadlineMonths': deadline },
    });
  }
  return reviews;
}

function level3(start: string, p: ParameterValues): Planned[] {
  const months = p['level3.followUpMonths'];
  return [
    {
      kind: 'follow-up',
      due: addMonths(start, months),
      passage: CITE.omfang3,
      text: `Opfølgning hver ${months}. måned: er den kompenserende støtte fortsat tilstrækkelig til at sikre barnets trivsel?`,
      rule: 'schedule.level3.follow-up',
      parameters: { 'level3.followUpMonths': months },
    },
  ];
}

function firstFollowUp(start: string, p: ParameterValues): Planned {
  const months = p['followUp.firstMonths'];
  return {
    kind: 'follow-up',
    due: addMonths(start, months),
    passage: CITE.blOpfoelgning,
    text: `Første opfølgning efter Barnets lov § 95: senest ${months} måneder efter start, eller når en sideløbende undersøgelse er afsluttet, hvis det sker før. Derefter den kadence, kommunen fastsætter.`,
    rule: 'schedule.follow-up.first',
    parameters: { 'followUp.firstMonths': months },
  };
}
