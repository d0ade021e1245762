import type { CaseView } from './case-view.js';
import type { CardContext } from './context.js';
import { formatDate, outcomeShort } from './outcome-text.js';
import { expand, execute, pick, type CardJson } from './template.js';
import { VERBS } from './verbs.js';
import template from './templates/case-list.json' with { type: 'json' };

/** Rows beyond this make the card slow to read and risk the size limit; the rest are counted. */
export const MAX_ROWS = 25;

/** "Mine sager" or a search result: one row per case, tap to open it. */
export function caseListCard(cases: readonly CaseView[], ctx: CardContext, title?: string): CardJson {
  const t = pick(ctx.locale);
  const heading = title ?? t({ da: 'Mine sager', en: 'My cases' });
  const shown = cases.slice(0, MAX_ROWS);
  const rows = shown.map((c) => {
    const next = c.reviews[0];
    return {
      reference: c.caseReference,
      pseudonym: c.childPseudonym,
      measure: `${outcomeShort(c.outcome, ctx.locale, c.names ?? ctx.names)}${c.variant ? ` (${c.variant})` : ''}${c.status === 'closed' ? t({ da: ' · afsluttet', en: ' · closed' }) : ''}`,
      due: next ? formatDate(next.due, ctx.locale) : '–',
      open: execute(t({ da: 'Åbn sagen', en: 'Open the case' }), VERBS.caseOpen, { caseReference: c.caseReference }, { inputs: 'none' }),
    };
  });
  return expand(template, {
    fallbackText: `${heading}: ${cases.length}`,
    title: heading,
    subtitle:
      cases.length === 0
        ? t({ da: 'Der er ingen sager at vise. Skriv »ny sag« for at starte en.', en: 'There are no cases to show. Type "new case" to start one.' })
        : t({ da: `${cases.length} sager. Tryk på en sag for at åbne den.`, en: `${cases.length} cases. Tap a case to open it.` }),
    headers: {
      case: t({ da: 'Sag', en: 'Case' }),
      measure: t({ da: 'Indsats', en: 'Measure' }),
      due: t({ da: 'Næste frist', en: 'Next due' }),
    },
    rows,
    more: cases.length > MAX_ROWS ? t({ da: `Viser ${MAX_ROWS} af ${cases.length}. Brug «find «sagsnummer»».`, en: `Showing ${MAX_ROWS} of ${cases.length}. Use "find «case reference»".` }) : '',
    actions: [execute(t({ da: 'Ny sag', en: 'New case' }), VERBS.intakeStart, {}, { inputs: 'none' })],
  });
}
