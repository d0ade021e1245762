import { OUTCOMES, type Decision, type Outcome } from '../rules/decision-types.js';
import { acceptShowCard, overrideShowCard } from './case-form.js';
import { citedItems, passageLabel, readableLegalSource } from './cited.js';
import { actionRows, restartAction } from './common-actions.js';
import type { ResultCardContext } from './context.js';
import { escalationBlock } from './escalation-block.js';
import { noTeamSteps } from './no-team.js';
import { problemText, worded } from './locale.js';
import { needsInformationCard } from './needs-information.js';
import { decisionHeadline, formatDate, whyNotHeading, REVIEW_KIND_TITLES, scopeFacts, variantText } from './outcome-text.js';
import { cardBytes, expand, pick, type CardJson } from './template.js';
import template from './templates/result.json' with { type: 'json' };

/**
 * Teams refuses cards over 28 KB; a result card stays within 20 KB (UTF-8) so it loads quickly on
 * a phone and leaves room for the activity around it.
 */
export const CARD_BUDGET_BYTES = 20 * 1024;

/**
 * The recommendation: the outcome in plain Danish, scope, due dates, every reason with its passage
 * (verbatim text one tap away), why not the others, warnings, the legal basis then and now, and the
 * reminder that a person decides. Følg anbefalingen / Træf en anden afgørelse / Start forfra come
 * right after the decision and its warnings; "why not" and the legal basis are one tap away below.
 * An escalation leads the card; a needs-information decision gets the questions instead.
 */
export function resultCard(decision: Decision, ctx: ResultCardContext): CardJson {
  if (decision.outcome === 'needs-information') return needsInformationCard(decision, {}, { locale: ctx.locale, draftId: ctx.draftId, ...(ctx.lookupPassage ? { lookupPassage: ctx.lookupPassage } : {}) });
  // Passage texts are the bulk. If the card is over the budget, the "why not" items first become
  // one line each with their passage id; then the warnings keep their passage reference but not
  // its wording; only then is the "why not" list cut, saying how many were left out. Reasons
  // always keep their wording.
  const full = buildResult(decision, ctx, { compact: false, limit: Infinity, warningWording: true });
  if (cardBytes(full) <= CARD_BUDGET_BYTES) return full;
  let limit = Object.values(decision.whyNot).reduce((n, list) => n + (list?.length ?? 0), 0);
  const compact = buildResult(decision, ctx, { compact: true, limit, warningWording: true });
  if (cardBytes(compact) <= CARD_BUDGET_BYTES) return compact;
  let card = buildResult(decision, ctx, { compact: true, limit, warningWording: false });
  while (cardBytes(card) > CARD_BUDGET_BYTES && limit > 0) {
    limit = Math.floor(limit * 0.8);
    card = buildResult(decision, ctx, { compact: true, limit, warningWording: false });
  }
  return card;
}

interface WhyNotMode {
  /** One TextBlock per item, passage id inline, no verbatim text. */
  compact: boolean;
  /** At most this many items across all outcomes. */
  limit: number;
  /** Whether each warning carries its passage's wording (one tap away) or only the reference. */
  warningWording: boolean;
}

function whyNotItems(decision: Decision, ctx: ResultCardContext, mode: WhyNotMode, shown: Map<string, string>): CardJson[] {
  const t = pick(ctx.locale);
  const cite = { locale: ctx.locale, ...(ctx.lookupPassage ? { lookupPassage: ctx.lookupPassage } : {}) };
  const groups = OUTCOMES.filter((o): o is Outcome => o !== decision.outcome && (decision.whyNot[o]?.length ?? 0) > 0);
  const total = groups.reduce((n, o) => n + (decision.whyNot[o]?.length ?? 0), 0);
  const kept = shares(groups.map((o) => decision.whyNot[o]?.length ?? 0), mode.limit);
  const items = groups.flatMap((o, gi) => {
    const list = (decision.whyNot[o] ?? []).slice(0, kept[gi]);
    if (list.length === 0) return [];
    const heading = { type: 'TextBlock', text: whyNotHeading(o, ctx.locale, ctx.names), weight: 'Bolder', wrap: true, spacing: 'Medium' };
    const rows = mode.compact
      ? list.map((c) => ({ type: 'TextBlock', text: `✗ ${worded(c.text, c.en, ctx.locale)} (${c.passage})`, wrap: true, spacing: 'Small' }))
      : citedItems(list, `why-not-${gi}`, { ...cite, bullet: '✗', shown });
    return [heading, ...rows];
  });
  const cut = total - Math.min(total, mode.limit);
  if (cut > 0) {
    items.push({
      type: 'TextBlock',
      text: t({ da: `… og ${cut} punkter mere. Hele listen står i beslutningens spor.`, en: `… and ${cut} more. The full list is in the decision's trace.` }),
      wrap: true,
      isSubtle: true,
      spacing: 'Small',
    });
  }
  return items;
}

/**
 * How many items of each list to keep when only `limit` fit in all: taken in turns, so each
 * outcome keeps its first (most telling) items rather than the first outcome keeping all of its.
 */
function shares(lengths: readonly number[], limit: number): number[] {
  const kept = lengths.map(() => 0);
  let left = Math.min(limit, lengths.reduce((a, b) => a + b, 0));
  while (left > 0) {
    for (let i = 0; i < lengths.length && left > 0; i++) {
      if (kept[i]! < lengths[i]!) {
        kept[i]! += 1;
        left -= 1;
      }
    }
  }
  return kept;
}

function buildResult(decision: Decision, ctx: ResultCardContext, mode: WhyNotMode): CardJson {
  const t = pick(ctx.locale);
  const cite = { locale: ctx.locale, ...(ctx.lookupPassage ? { lookupPassage: ctx.lookupPassage } : {}) };
  const title = decisionHeadline(decision, ctx.locale, ctx.names);
  // The escalation and the reasons first, so a passage's text sits where it is read first, not
  // inside the hidden "why not"; every later citation of it opens that one copy.
  const shown = new Map<string, string>();
  const escalation = decision.outcome === 'escalate' ? escalationBlock(decision, ctx, shown) : null;
  const reasons = decision.outcome === 'escalate' ? [] : citedItems(decision.reasons, 'reason', { ...cite, bullet: '✓', shown });
  const warnings = citedItems(
    decision.warnings.map((w) => ({ text: w.text, ...(w.en === undefined ? {} : { en: w.en }), ...(w.passage ? { passage: w.passage } : {}) })),
    'warning',
    { ...cite, bullet: '!', shown, withVerbatim: mode.warningWording },
  );
  const whyNot = whyNotItems(decision, ctx, mode, shown);
  const reviews = decision.reviews.map((r) => ({
    date: formatDate(r.due, ctx.locale),
    title: t(REVIEW_KIND_TITLES[r.kind]),
    text: worded(r.text, r.en, ctx.locale),
    source: passageLabel(r.passage, ctx.locale, ctx.lookupPassage),
  }));

  return expand(template, {
    fallbackText: `${t({ da: 'Anbefaling', en: 'Recommendation' })}: ${title}. ${t({ da: 'En person træffer afgørelsen.', en: 'A person makes the decision.' })}`,
    escalation,
    noTeam: ctx.channels.length === 0 ? noTeamSteps(ctx.locale) : null,
    problemsTitle: t({ da: 'Sagen blev ikke oprettet. Ret dette og prøv igen:', en: 'The case was not created. Correct this and try again:' }),
    problems: (ctx.problems ?? []).map((p) => problemText(p, ctx.locale)),
    notice: ctx.notice ?? '',
    kicker: t({ da: 'ANBEFALING', en: 'RECOMMENDATION' }),
    title,
    variant: variantText(decision.variant, ctx.locale),
    decideLine: t({ da: 'Det er en anbefaling efter kommunens servicestandard – du træffer afgørelsen.', en: "This is a recommendation under the municipality's service standard – you make the decision." }),
    scope: scopeFacts(decision.scope, ctx.locale),
    reviewsTitle: t({ da: 'Frister', en: 'Due dates' }),
    reviews,
    reasonsTitle: t({ da: 'Derfor', en: 'Why' }),
    reasons,
    warningsTitle: t({ da: 'Vær opmærksom på', en: 'Please note' }),
    warnings,
    whyNotTitle: t({ da: '▸ Hvorfor ikke de andre udfald? (tryk for at vise)', en: '▸ Why not the other outcomes? (tap to show)' }),
    whyNotToggle: t({ da: 'Vis hvorfor ikke', en: 'Show why not' }),
    whyNot,
    legalTitle: t({ da: '▸ Lovgrundlag (tryk for at vise)', en: '▸ Legal basis (tap to show)' }),
    legalToggle: t({ da: 'Vis lovgrundlag', en: 'Show legal basis' }),
    legalSeedTitle: t({ da: 'Standarden henviser til', en: 'The standard cites' }),
    legalCurrentTitle: t({ da: 'Gældende nu', en: 'In force now' }),
    legal: decision.legalBasis.map((l) => ({ seed: l.seed, current: l.current, source: readableLegalSource(l.source) })),
    gdprTitle: t({ da: 'En person beslutter', en: 'A person decides' }),
    gdprText: t({
      da: 'Anbefalingen er beregnet ud fra dine svar og kommunens servicestandard. Den er ikke en afgørelse: en sagsbehandler træffer afgørelsen, og sagen registrerer hvem og hvornår (GDPR art. 22).',
      en: "The recommendation is computed from your answers and the municipality's service standard. It is not a decision: a caseworker decides, and the case records who and when (GDPR art. 22).",
    }),
    parameterLine: `${t({ da: 'Parametersæt', en: 'Parameter set' })}: ${decision.parameterSet} · ${t({ da: 'pr.', en: 'as of' })} ${formatDate(decision.referenceDate, ctx.locale)} · ${t({ da: 'start', en: 'start' })} ${formatDate(decision.startDate, ctx.locale)}`,
    actionRows: actionRows(acceptShowCard(decision, ctx), [overrideShowCard(decision, ctx), restartAction(ctx.locale, ctx.draftId)]),
  });
}
