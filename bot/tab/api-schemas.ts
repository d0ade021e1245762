import type { z } from 'zod';
import type { Localized } from '../../cards/locale.js';
import { englishOf } from '../said.js';

/**
 * The tab API's inputs are parsed at the edge (bot/conversation/routes.ts, TAB_ROUTES); the page
 * shows what was wrong, so it comes in both languages (the schemas' messages are written with `said`).
 */
export function firstMessage(error: z.ZodError): Localized {
  const issue = error.issues[0];
  if (issue?.path[0] === 'view') return { da: 'Vælg visningen »mine« eller »team«.', en: 'Choose the view »mine« or »team«.' };
  if (!issue) return { da: 'Forespørgslen kunne ikke læses.', en: 'The request could not be read.' };
  return { da: issue.message, en: englishOf(issue.message) ?? 'The request could not be read.' };
}
