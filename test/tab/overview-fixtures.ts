import { standardRules } from '../../bot/rules-binding.js';
import type { ChoosableOutcome, Review } from '../../rules/decision-types.js';
import { registerChannel, saveCaseSchedule } from '../../bot/reminders/store.js';
import type { Storage } from '../../bot/storage/storage.js';
import { sampleFacts } from '../support/case-fixtures.js';
import { contactNotes, level2Decision } from '../support/summary-fixtures.js';

/**
 * A team's cases for the overview tests, made as the bot makes them: the case and its decision
 * through the storage module, its due dates through the reminder schedule (the decision's reviews,
 * or the chosen measure's when the caseworker chose another), its notes through the notes store.
 */

export interface OverviewCase {
  tenantId: string;
  teamId: string;
  reference: string;
  start: string;
  override?: { chosen: ChoosableOutcome; reason: string };
  contacts?: number;
  /** Reviews of the schedule marked done (kind and due), as a review on the card does. */
  completed?: (reviews: Review[]) => Review[];
  close?: boolean;
}

const SERVICE_URL = 'https://smba.example.invalid/emea/';

export async function seedOverviewCase(storage: Storage, c: OverviewCase): Promise<{ caseId: string; reviews: Review[] }> {
  const recommended = level2Decision(c.start);
  const facts = sampleFacts({ referenceDate: c.start, startDate: c.start, investigation: 'underway' });
  const scope = { tenantId: c.tenantId, actorId: 'aad-caseworker-1', origin: 'chat' };
  const rules = standardRules(c.tenantId);
  // The chosen measure's plan, as accepting a case stores it with the decision.
  const chosen = c.override ? rules.consequencesOfChoice(facts, c.override.chosen, null) : { scope: recommended.scope, reviews: recommended.reviews };
  const created = await storage.cases.create(scope, {
    reference: c.reference,
    childPseudonym: 'AB',
    teamId: c.teamId,
    caseworkerName: 'Sagsbehandler A',
    facts,
    decision: c.override ? { recommended, chosenOutcome: c.override.chosen, overrideReason: c.override.reason, chosen } : { recommended, chosenOutcome: 'level2' },
  });
  const reviews = chosen.reviews;
  const channelId = `19:${c.teamId}@thread.tacv2`;
  await registerChannel(storage.db, { tenantId: c.tenantId, channelId, serviceUrl: SERVICE_URL });
  await saveCaseSchedule(storage.db, {
    tenantId: c.tenantId,
    caseId: created.caseId,
    caseRef: c.reference,
    teamId: c.teamId,
    channelId,
    caseworkerId: 'aad-caseworker-1',
    outcome: c.override?.chosen ?? 'level2',
    cadence: rules.cadence(c.override?.chosen ?? 'level2', c.start),
    reviews,
    closed: false,
  });
  for (const done of c.completed?.(reviews) ?? []) {
    await storage.db.query(
      `INSERT INTO review_completions (tenant_id, case_id, kind, due, done_on, decision, done_by, done_at)
       VALUES ($1, $2, $3, $4::date, $4::date, 'continue', 'aad-caseworker-1', now())`,
      [c.tenantId, created.caseId, done.kind, done.due],
    );
  }
  for (const note of contactNotes(c.contacts ?? 0, c.start, 3)) {
    await storage.notes.add(scope, created.caseId, { ...note, text: 'Besøg i hjemmet.', authorName: 'Sagsbehandler A' });
  }
  if (c.close) await storage.cases.close(scope, created.caseId);
  return { caseId: created.caseId, reviews };
}
