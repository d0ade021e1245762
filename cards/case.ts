import { passageLabel } from './cited.js';
import type { Decision, Override } from '../rules/decision-types.js';
import type { CaseView } from './case-view.js';
import type { CardContext } from './context.js';
import { worded } from './locale.js';
import { formatDate, outcomeTitle, REVIEW_KIND_TITLES, standardNote } from './outcome-text.js';
import { expand, execute, pick, type CardJson } from './template.js';
import { VERBS } from './verbs.js';
import template from './templates/case.json' with { type: 'json' };

function standardLine(c: CaseView, ctx: CardContext): { title: string; value: string }[] {
  const note = c.standards ? standardNote(c.standards, ctx.locale) : undefined;
  return note ? [{ title: pick(ctx.locale)({ da: 'Standard', en: 'Standard' }), value: note }] : [];
}

/** After Acceptér or an override: the case exists; if overridden, recommendation and decision side by side. */
export function caseCreatedCard(c: CaseView, decision: Decision, override: Override | undefined, ctx: CardContext): CardJson {
  const t = pick(ctx.locale);
  return caseCardWith(c, override ?? c.override, decision, ctx, {
    kicker: t({ da: 'SAGEN ER OPRETTET', en: 'CASE CREATED' }),
    style: 'good',
  });
}

/** One case, as "find <sagsnummer>" or a list shows it. */
export function caseCard(c: CaseView, ctx: CardContext): CardJson {
  const t = pick(ctx.locale);
  return caseCardWith(c, c.override, undefined, ctx, {
    kicker: c.status === 'open' ? t({ da: 'SAG · ÅBEN', en: 'CASE · OPEN' }) : t({ da: 'SAG · AFSLUTTET', en: 'CASE · CLOSED' }),
    style: 'default',
  });
}

function caseCardWith(c: CaseView, override: Override | undefined, decision: Decision | undefined, ctx: CardContext, head: { kicker: string; style: 'good' | 'default' }): CardJson {
  const t = pick(ctx.locale);
  const decided = outcomeTitle(c.outcome, c.variant, ctx.locale, ctx.names);
  const facts = [
    { title: t({ da: 'Sagsnummer', en: 'Case reference' }), value: c.caseReference },
    { title: t({ da: 'Barn', en: 'Child' }), value: c.childPseudonym },
    { title: t({ da: 'Indsats', en: 'Measure' }), value: decided },
    { title: t({ da: 'Start', en: 'Start' }), value: formatDate(c.startDate, ctx.locale) },
    ...(c.channelName ? [{ title: t({ da: 'Kanal', en: 'Channel' }), value: c.channelName }] : []),
    ...standardLine(c, ctx),
    ...(c.decidedBy
      ? [{ title: t({ da: 'Besluttet af', en: 'Decided by' }), value: c.decidedAt ? `${c.decidedBy}, ${formatDate(c.decidedAt.slice(0, 10), ctx.locale)}` : c.decidedBy }]
      : []),
  ];
  const recommended = override ? override.recommended : decision?.outcome;
  return expand(template, {
    fallbackText: `${head.kicker}: ${c.caseReference} – ${decided}`,
    headerStyle: head.style,
    kicker: head.kicker,
    kickerColor: head.style === 'good' ? 'Good' : 'Accent',
    title: `${c.caseReference} · ${c.childPseudonym}`,
    subtitle: decided,
    facts,
    overridden: Boolean(override),
    recommendedTitle: t({ da: 'ANBEFALINGEN', en: 'THE RECOMMENDATION' }),
    recommended: recommended ? outcomeTitle(recommended, override ? null : decision?.variant ?? null, ctx.locale, ctx.names) : '',
    recommendedNote: t({ da: 'Beregnet efter servicestandarden; gemt på sagen.', en: 'Computed under the service standard; kept on the case.' }),
    chosenTitle: t({ da: 'BESLUTTET AF SAGSBEHANDLER', en: 'DECIDED BY THE CASEWORKER' }),
    chosen: override ? outcomeTitle(override.chosen, override.chosenVariant ?? null, ctx.locale, ctx.names) : '',
    overrideReason: override ? `${t({ da: 'Begrundelse', en: 'Reason' })}: ${override.reason}` : '',
    overrideBy: override ? `${override.by}, ${formatDate(override.at.slice(0, 10), ctx.locale)}` : '',
    reviewsTitle: t({ da: 'Frister – teamet får påmindelser i kanalen', en: 'Due dates – the team is reminded in the channel' }),
    reviews: c.reviews.map((r) => ({
      date: formatDate(r.due, ctx.locale),
      title: t(REVIEW_KIND_TITLES[r.kind]),
      text: worded(r.text, r.en, ctx.locale),
      source: passageLabel(r.passage, ctx.locale, ctx.lookupPassage),
    })),
    footer: t({
      da: 'Sagen indeholder ingen CPR-numre eller navne. Hver læsning og ændring logges.',
      en: 'The case holds no CPR numbers or names. Every read and change is logged.',
    }),
    actions: [execute(t({ da: 'Mine sager', en: 'My cases' }), VERBS.caseMine, {}, { inputs: 'none' })],
  });
}

