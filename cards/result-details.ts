import { passageById } from '../rules/passages/index.js';
import { OUTCOMES, type Decision, type Outcome } from '../rules/decision-types.js';
import { resultFormValues } from './case-form.js';
import { citedList, passageQuote, readableLegalSource } from './cited.js';
import type { CardContext, PassageText } from './context.js';
import { decisionHeadline, whyNotHeading } from './outcome-text.js';
import { CARD_BUDGET_BYTES, cardBytes, execute, pick, type CardJson } from './template.js';
import { VERBS } from './verbs.js';

export interface ResultDetailsContext extends CardContext {
  draftId: string;
  /** What was typed in the result card's forms, sent back with «Tilbage» so nothing is lost. */
  typed?: Readonly<Record<string, unknown>>;
  /**
   * The first quotation to show. 0 (the default) is the card's first part: why not, the legal
   * basis and the quotations that fit; a later part has only the quotations from here on.
   */
  from?: number;
}

/**
 * The result card's background, one tap from it (result.details): why not each other outcome, the
 * legal basis then and now, and the standard's own words for every passage the decision cites,
 * each quoted once. It shows the same decision as the result card (recomputed from the same
 * draft) and decides nothing; «Tilbage til anbefalingen» brings the result card back with what
 * was typed in its forms. Kept apart so the result card itself stays small enough for a phone.
 */
export function resultDetailsCard(decision: Decision, ctx: ResultDetailsContext): CardJson {
  const passages = citedPassages(decision, ctx.lookupPassage ?? passageById);
  const from = Math.min(Math.max(0, Math.trunc(ctx.from ?? 0)), passages.length);
  const whyNotCount = OUTCOMES.reduce((n, o) => n + (decision.whyNot[o]?.length ?? 0), 0);
  // As many quotations as fit; the rest are one tap further («Mere af ordlyden»). A "why not" list
  // too long for even that names its passages by id alone (the quotations carry the headings), and
  // only then is it cut, saying how many were left out.
  const fits = (card: CardJson) => cardBytes(card) <= CARD_BUDGET_BYTES;
  let card: CardJson = {};
  for (const compact of [false, true]) {
    for (let quoted = passages.length - from; quoted >= (from > 0 ? 1 : 0); quoted--) {
      card = build(decision, ctx, passages, { from, compact, quoted, whyNot: whyNotCount });
      if (fits(card)) return card;
    }
  }
  for (let kept = Math.floor(whyNotCount * 0.8); kept > 0 && !fits(card); kept = Math.floor(kept * 0.8)) {
    card = build(decision, ctx, passages, { from, compact: true, quoted: 0, whyNot: kept });
  }
  return card;
}

interface Mode {
  /** The first quotation on this part of the card. */
  from: number;
  /** "Why not" items with their passage id in their own line. */
  compact: boolean;
  /** How many of the cited passages, from `from`, are quoted here; the rest are one tap further. */
  quoted: number;
  /** At most this many "why not" items across all outcomes. */
  whyNot: number;
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

/** Every passage the decision cites, in the order a reader meets them: reasons, warnings, "why not", due dates. */
function citedPassages(decision: Decision, lookup: (id: string) => PassageText | undefined): PassageText[] {
  const ids = [
    ...decision.reasons.map((r) => r.passage),
    ...decision.warnings.flatMap((w) => (w.passage ? [w.passage] : [])),
    ...OUTCOMES.flatMap((o) => (decision.whyNot[o] ?? []).map((c) => c.passage)),
    ...decision.reviews.map((r) => r.passage),
  ];
  return [...new Set(ids)].flatMap((id) => {
    const p = lookup(id);
    return p ? [p] : [];
  });
}

function build(decision: Decision, ctx: ResultDetailsContext, passages: readonly PassageText[], mode: Mode): CardJson {
  const t = pick(ctx.locale);
  const cite = { locale: ctx.locale, ...(ctx.lookupPassage ? { lookupPassage: ctx.lookupPassage } : {}) };
  const title = decisionHeadline(decision, ctx.locale, ctx.names);
  const back = (): CardJson => ({
    type: 'ActionSet',
    spacing: 'Medium',
    actions: [execute(t({ da: '‹ Tilbage til anbefalingen', en: '‹ Back to the recommendation' }), VERBS.resultShow, { draftId: ctx.draftId, ...resultFormValues(ctx.typed) }, { inputs: 'none' })],
  });
  const heading = (text: string): CardJson => ({ type: 'TextBlock', text, weight: 'Bolder', wrap: true, spacing: 'Large', style: 'heading' });

  const groups = OUTCOMES.filter((o): o is Outcome => o !== decision.outcome && (decision.whyNot[o]?.length ?? 0) > 0);
  const kept = shares(groups.map((o) => decision.whyNot[o]?.length ?? 0), mode.whyNot);
  const whyNot = groups.flatMap((o, gi) => [
    { type: 'TextBlock', text: whyNotHeading(o, ctx.locale, ctx.names), weight: 'Bolder', wrap: true, spacing: 'Medium' },
    ...citedList((decision.whyNot[o] ?? []).slice(0, kept[gi]), { ...cite, bullet: '✗', compact: mode.compact }),
  ]);
  const cut = groups.reduce((n, o) => n + (decision.whyNot[o]?.length ?? 0), 0) - kept.reduce((a, b) => a + b, 0);
  if (cut > 0) {
    whyNot.push({
      type: 'TextBlock',
      text: t({ da: `… og ${cut} punkter mere. Hele listen står i beslutningens spor.`, en: `… and ${cut} more. The full list is in the decision's trace.` }),
      wrap: true,
      spacing: 'Small',
    });
  }
  const legal = decision.legalBasis.flatMap((l) => [
    { type: 'TextBlock', text: l.current, weight: 'Bolder', wrap: true, spacing: 'Medium' },
    {
      type: 'TextBlock',
      text: `${t({ da: 'Standarden henviser til', en: 'The standard cites' })}: ${l.seed || '–'} · »${readableLegalSource(l.source)}«`,
      size: 'Small',
      isSubtle: true,
      wrap: true,
      spacing: 'None',
    },
  ]);
  const first = mode.from === 0;
  const next = mode.from + mode.quoted;
  const more = passages.length - next;
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    fallbackText: `${t({ da: 'Baggrund for anbefalingen', en: 'Background to the recommendation' })}: ${title}.`,
    speak: title,
    msteams: { width: 'Full' },
    body: [
      { type: 'TextBlock', text: t({ da: 'BAGGRUND FOR ANBEFALINGEN', en: 'BACKGROUND TO THE RECOMMENDATION' }), size: 'Small', weight: 'Bolder', color: 'Accent', wrap: true },
      { type: 'TextBlock', text: title, size: 'Large', weight: 'Bolder', wrap: true, style: 'heading', spacing: 'Small' },
      {
        type: 'TextBlock',
        text: t({ da: 'Du træffer afgørelsen på anbefalingens kort: gå tilbage for at følge den eller vælge en anden.', en: 'You decide on the recommendation’s card: go back to follow it or choose another.' }),
        size: 'Small',
        isSubtle: true,
        wrap: true,
        spacing: 'Small',
      },
      back(),
      ...(first && whyNot.length > 0 ? [heading(t({ da: 'Hvorfor ikke de andre udfald?', en: 'Why not the other outcomes?' })), ...whyNot] : []),
      ...(first && legal.length > 0 ? [heading(t({ da: 'Lovgrundlag', en: 'Legal basis' })), ...legal] : []),
      ...(passages.length > 0 && mode.quoted > 0
        ? [heading(first ? t({ da: 'Standardens ordlyd', en: 'The standard’s wording' }) : t({ da: `Standardens ordlyd (${mode.from + 1}–${next} af ${passages.length})`, en: `The standard’s wording (${mode.from + 1}–${next} of ${passages.length})` }))]
        : []),
      ...passages.slice(mode.from, next).map((p) => passageQuote(p, ctx.locale, true)),
      ...(more > 0
        ? [
            {
              type: 'ActionSet',
              spacing: 'Medium',
              actions: [
                execute(
                  t({ da: `Mere af ordlyden (${more} afsnit)`, en: `More of the wording (${more} passages)` }),
                  VERBS.resultDetails,
                  { draftId: ctx.draftId, from: String(next), ...resultFormValues(ctx.typed) },
                  { inputs: 'none' },
                ),
              ],
            },
          ]
        : []),
      back(),
    ],
  };
}
