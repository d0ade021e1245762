import { randomUUID } from 'node:crypto';
import type { Outcome, Review, Variant } from '../../rules/decision-types.js';
import type { SqlWithTransactions } from '../../bot/reminders/db.js';
import { addMonths, addDays } from '../../bot/reminders/dates.js';
import { registerChannel, saveCaseSchedule } from '../../bot/reminders/store.js';

/**
 * Decision reviews per outcome, shaped as rules/decision-types.ts and dated as the municipality's
 * default parameters date them (rules/schedule.ts), for a case started on `start`.
 */
export function reviewsFor(outcome: Outcome, variant: Variant, start: string, options: { alongsideInvestigation?: boolean } = {}): Review[] {
  const followUp: Review = { kind: 'follow-up', due: addMonths(start, 3), passage: 'pps.lovgrundlag', text: 'Første opfølgning efter Barnets lov § 95.' };
  switch (outcome) {
    case 'preventive':
      return [
        { kind: 'handover', due: addDays(start, 7 * 36), passage: 'hpi.2.formaal', text: 'Planlæg afslutningen og overgangen til dagtilbud.' },
        { kind: 'course-end', due: addDays(start, 7 * 40), passage: 'hpi.4.varighed', text: 'Forløbet slutter senest efter 40 uger.' },
      ];
    case 'level1':
      if (variant === '1A')
        return [followUp, { kind: 'handover', due: addMonths(start, 9), passage: 'pps.omfang.1a', text: 'De 3 ekstra måneder begynder.' }, { kind: 'grant-end', due: addMonths(start, 12), passage: 'pps.omfang.1a', text: 'Bevillingen udløber efter 9 + 3 måneder.' }];
      if (variant === '1B')
        return [followUp, { kind: 'step-down', due: addMonths(start, 3), passage: 'pps.omfang.1b', text: 'Vurder nedtrapning til 1 ugentligt besøg.' }, { kind: 'grant-end', due: addMonths(start, 9), passage: 'pps.omfang.1', text: 'Bevillingen udløber efter 9 måneder.' }];
      return [followUp, { kind: 'grant-end', due: addMonths(start, 9), passage: 'pps.omfang.1', text: 'Bevillingen udløber efter 9 måneder.' }];
    case 'level2': {
      const reviews: Review[] = [followUp, { kind: 'regrant', due: addMonths(start, 3), passage: 'pps.omfang.2', text: 'Har indsatsen tilstrækkelig effekt? Bevilg igen eller afslut.' }];
      if (options.alongsideInvestigation) reviews.push({ kind: 'investigation-deadline', due: addMonths(start, 4), passage: 'pps.saerlige.foreloebig', text: 'Den børnefaglige undersøgelse skal være afsluttet.' });
      return reviews;
    }
    case 'level3':
      return [followUp, { kind: 'follow-up', due: addMonths(start, 6), passage: 'pps.omfang.3', text: 'Er den kompenserende støtte fortsat tilstrækkelig?' }];
    default:
      return [];
  }
}

export interface TestCase {
  tenantId: string;
  caseId: string;
  caseRef: string;
  channelId: string;
}

/** Registers the channel and saves a case's schedule, as the bot does when a decision is saved. */
export async function scheduleCase(
  db: SqlWithTransactions,
  serviceUrl: string,
  c: { tenantId?: string; channelId?: string; caseRef: string; outcome: Outcome; reviews: Review[]; caseworkerId?: string | null; closed?: boolean; leadDays?: number },
): Promise<TestCase> {
  const tenantId = c.tenantId ?? 'tenant-a';
  const channelId = c.channelId ?? '19:familie@thread.tacv2';
  const caseId = randomUUID();
  await registerChannel(db, { tenantId, channelId, serviceUrl });
  await saveCaseSchedule(
    db,
    { tenantId, caseId, caseRef: c.caseRef, teamId: 'team-1', channelId, caseworkerId: c.caseworkerId === undefined ? '29:caseworker' : c.caseworkerId, outcome: c.outcome, reviews: c.reviews, closed: c.closed ?? false },
    { leadDays: c.leadDays ?? 14, sendHourUtc: 7 },
  );
  return { tenantId, caseId, caseRef: c.caseRef, channelId };
}
