import { z } from 'zod';
import { CaseReferenceSchema } from '../cases/case-reference.js';

/** The tab API's inputs, parsed at the edge; messages are Danish because the page shows them. */

export const ReferenceParam = z.object({ reference: CaseReferenceSchema });

const TEAM_MISSING = 'Teamet mangler: åbn fanen fra teamets kanal.';

export const ListQuery = z.discriminatedUnion('view', [
  z.object({ view: z.literal('mine') }),
  z.object({
    view: z.literal('team'),
    teamId: z.string({ error: TEAM_MISSING }).trim().min(1, TEAM_MISSING).max(200),
  }),
]);

export function firstMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue?.path[0] === 'view') return 'Vælg visningen "mine" eller "team".';
  return issue?.message ?? 'Forespørgslen kunne ikke læses.';
}
