import type { z } from 'zod';

/** The tab API's inputs are parsed at the edge (bot/conversation/routes.ts, TAB_ROUTES); messages are Danish because the page shows them. */
export function firstMessage(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue?.path[0] === 'view') return 'Vælg visningen "mine" eller "team".';
  return issue?.message ?? 'Forespørgslen kunne ikke læses.';
}
