import type { CardContext, PassageText } from './context.js';
import { expand, pick, type CardJson } from './template.js';
import template from './templates/standard-answer.json' with { type: 'json' };

const SOURCE_TITLES: Readonly<Record<string, { da: string; en: string }>> = {
  servicestandard: { da: 'Servicestandard for praktisk pædagogisk støtte i hjemmet', en: 'Service standard for practical pedagogical support at home' },
  model: { da: 'Model for kommunal hjemmepædagogisk indsats', en: 'Model for municipal home-based pedagogical support' },
};

/** The passages of the standards that best answer a question, verbatim, each with its id. */
export function standardAnswerCard(ctx: CardContext, question: string, passages: readonly PassageText[]): CardJson {
  const t = pick(ctx.locale);
  const title = t({ da: 'Det siger standarden', en: 'What the standard says' });
  return expand(template, {
    fallbackText: passages.length > 0 ? passages.map((p) => `${p.id}: ${p.text}`).join('\n') : title,
    title,
    question: t({ da: `Dit spørgsmål: »${question}«`, en: `Your question: "${question}"` }),
    passages: passages.map((p) => ({
      heading: p.heading,
      text: p.text,
      source: `${t(SOURCE_TITLES[p.source] ?? { da: p.source, en: p.source })} · ${p.id}`,
    })),
    note:
      passages.length > 0
        ? t({
            da: 'Fundet ved ordsøgning i standarderne; teksten er standardens egen. Læs afsnittet i sin sammenhæng, før du bruger det.',
            en: "Found by word search in the standards; the text is the standard's own (Danish). Read the passage in context before relying on it.",
          })
        : t({
            da: 'Ingen afsnit matchede. Prøv med andre ord, fx »intensiv støtte omfang« eller »risikofaktorer forældre«.',
            en: 'No passage matched. Try other words, e.g. "intensiv støtte omfang" or "risikofaktorer forældre".',
          }),
  });
}
