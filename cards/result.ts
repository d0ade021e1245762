import type { Decision } from '../rules/decision-types.js';
import { acceptShowCard, overrideShowCard, resultFormValues } from './case-form.js';
import { citedList, passageLabel } from './cited.js';
import { actionRows, restartAction } from './common-actions.js';
import type { ResultCardContext } from './context.js';
import { escalationBlock } from './escalation-block.js';
import { noTeamSteps } from './no-team.js';
import { problemText, worded } from './locale.js';
import { needsInformationCard } from './needs-information.js';
import { decisionHeadline, formatDate, REVIEW_KIND_TITLES, scopeFacts, variantText } from './outcome-text.js';
import { CARD_BUDGET_BYTES, cardBytes, execute, expand, pick, type CardJson } from './template.js';
import { VERBS } from './verbs.js';
import template from './templates/result.json' with { type: 'json' };

/**
 * The recommendation: the outcome in plain Danish, scope, due dates, every reason with the passage
 * it rests on (its heading and id), warnings, and the reminder that a person decides. Følg
 * anbefalingen / Træf en anden afgørelse / Start forfra come right after the decision and its
 * warnings. "Why not" the others, the legal basis and the standard's own words are one tap away on
 * the background card (result.details), so the card stays within CARD_BUDGET_BYTES. An escalation
 * leads the card; a needs-information decision gets the questions instead.
 */
export function resultCard(decision: Decision, ctx: ResultCardContext): CardJson {
  if (decision.outcome === 'needs-information') return needsInformationCard(decision, {}, { locale: ctx.locale, draftId: ctx.draftId, ...(ctx.lookupPassage ? { lookupPassage: ctx.lookupPassage } : {}) });
  // A decision with many warnings: first the warnings, then the reasons, then the due dates name
  // their passage by its id in their own line rather than by its heading on a line of its own; a
  // rare one with a dozen warnings shows its due dates without their explanation last of all.
  // Every item keeps its wording and its passage; the headings and the words are on the background card.
  // The background button carries what a refused form held, so the way back keeps it; a long text
  // typed there (a reason of 2,000 characters) would not fit twice more, and then stays in the form only.
  // What no step shortens (the forms, the escalation, the scope) is worked out once for every try.
  const fixed = fixedParts(decision, ctx);
  let card: CardJson = {};
  for (const carry of [true, false]) {
    for (const compact of COMPACT_STEPS) {
      card = buildResult(decision, ctx, fixed, compact, carry);
      if (cardBytes(card) <= CARD_BUDGET_BYTES) return card;
    }
  }
  return card;
}

interface Compact {
  warnings: boolean;
  reasons: boolean;
  reviews: boolean;
  /** The due dates' own explanation left out: date, kind and passage stay. */
  reviewText: boolean;
}

const COMPACT_STEPS: readonly Compact[] = [
  { warnings: false, reasons: false, reviews: false, reviewText: false },
  { warnings: true, reasons: false, reviews: false, reviewText: false },
  { warnings: true, reasons: true, reviews: false, reviewText: false },
  { warnings: true, reasons: true, reviews: true, reviewText: false },
  { warnings: true, reasons: true, reviews: true, reviewText: true },
];

/** The parts of the result card that are the same at every step of COMPACT_STEPS (expand leaves its data untouched, so they are shared). */
function fixedParts(decision: Decision, ctx: ResultCardContext) {
  return {
    title: decisionHeadline(decision, ctx.locale, ctx.names),
    // The escalation says what to do now with the standard's words at hand; the reasons and warnings
    // name their passage, whose words are on the background card.
    escalation: decision.outcome === 'escalate' ? escalationBlock(decision, ctx) : null,
    noTeam: ctx.channels.length === 0 ? noTeamSteps(ctx.locale) : null,
    scope: scopeFacts(decision.scope, ctx.locale),
    actionRows: actionRows(acceptShowCard(decision, ctx), [overrideShowCard(decision, ctx), restartAction(ctx.locale, ctx.draftId)]),
  };
}

function buildResult(decision: Decision, ctx: ResultCardContext, fixed: ReturnType<typeof fixedParts>, compact: Compact, carry: boolean): CardJson {
  const t = pick(ctx.locale);
  const cite = { locale: ctx.locale, ...(ctx.lookupPassage ? { lookupPassage: ctx.lookupPassage } : {}) };
  const { title, escalation } = fixed;
  const reasons = decision.outcome === 'escalate' ? [] : citedList(decision.reasons, { ...cite, bullet: '✓', compact: compact.reasons });
  const warnings = citedList(decision.warnings, { ...cite, bullet: '!', compact: compact.warnings });
  const reviews = decision.reviews.map((r) => ({
    date: formatDate(r.due, ctx.locale),
    title: compact.reviewText ? `${t(REVIEW_KIND_TITLES[r.kind])} (${r.passage})` : t(REVIEW_KIND_TITLES[r.kind]),
    text: compact.reviewText ? '' : compact.reviews ? `${worded(r.text, r.en, ctx.locale)} (${r.passage})` : worded(r.text, r.en, ctx.locale),
    source: compact.reviews ? '' : passageLabel(r.passage, ctx.locale, ctx.lookupPassage),
  }));

  return expand(template, {
    fallbackText: `${t({ da: 'Anbefaling', en: 'Recommendation' })}: ${title}. ${t({ da: 'En person træffer afgørelsen.', en: 'A person makes the decision.' })}`,
    escalation,
    noTeam: fixed.noTeam,
    problemsTitle: t({ da: 'Sagen blev ikke oprettet. Ret dette og prøv igen:', en: 'The case was not created. Correct this and try again:' }),
    problems: (ctx.problems ?? []).map((p) => problemText(p, ctx.locale)),
    notice: ctx.notice ?? '',
    kicker: t({ da: 'ANBEFALING', en: 'RECOMMENDATION' }),
    title,
    variant: variantText(decision.variant, ctx.locale),
    decideLine: t({ da: 'Det er en anbefaling efter kommunens servicestandard – du træffer afgørelsen.', en: "This is a recommendation under the municipality's service standard – you make the decision." }),
    scope: fixed.scope,
    reviewsTitle: t({ da: 'Frister', en: 'Due dates' }),
    reviews,
    reasonsTitle: t({ da: 'Derfor', en: 'Why' }),
    reasons,
    warningsTitle: t({ da: 'Vær opmærksom på', en: 'Please note' }),
    warnings,
    details: execute(
      t({ da: 'Hvorfor ikke de andre? Lovgrundlag', en: 'Why not the others? Legal basis' }),
      VERBS.resultDetails,
      { draftId: ctx.draftId, ...(carry ? resultFormValues(ctx.typed) : {}) },
    ),
    gdprTitle: t({ da: 'En person beslutter', en: 'A person decides' }),
    gdprText: t({
      da: 'Anbefalingen er beregnet ud fra dine svar og kommunens servicestandard. Den er ikke en afgørelse: en sagsbehandler træffer afgørelsen, og sagen registrerer hvem og hvornår (GDPR art. 22).',
      en: "The recommendation is computed from your answers and the municipality's service standard. It is not a decision: a caseworker decides, and the case records who and when (GDPR art. 22).",
    }),
    parameterLine: `${t({ da: 'Parametersæt', en: 'Parameter set' })}: ${decision.parameterSet} · ${t({ da: 'pr.', en: 'as of' })} ${formatDate(decision.referenceDate, ctx.locale)} · ${t({ da: 'start', en: 'start' })} ${formatDate(decision.startDate, ctx.locale)}`,
    actionRows: fixed.actionRows,
  });
}
