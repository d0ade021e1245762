import { passageById } from '../rules/passages/index.js';
import type { LookupPassage } from './context.js';
import type { Locale } from './locale.js';
import { expand, pick, type CardJson } from './template.js';
import template from './templates/parts/cited.json' with { type: 'json' };

const SOURCE_NAMES: Record<string, { da: string; en: string }> = {
  servicestandard: { da: 'Servicestandard for praktisk pædagogisk støtte i hjemmet', en: 'Servicestandard for praktisk pædagogisk støtte i hjemmet' },
  model: { da: 'Model for kommunal hjemmepædagogisk indsats', en: 'Model for kommunal hjemmepædagogisk indsats' },
};

/**
 * One reason (or "why not", or warning) with the passage it rests on. The passage's verbatim
 * text is on the card but hidden; tapping the source line shows it (Action.ToggleVisibility),
 * so the caseworker can read the standard's own words without leaving Teams.
 */
export function citedItem(
  cited: { text: string; passage?: string },
  toggleId: string,
  options: { locale: Locale; lookupPassage?: LookupPassage; bullet?: string; withVerbatim?: boolean },
): CardJson {
  const t = pick(options.locale);
  const lookup = options.lookupPassage ?? passageById;
  const passage = cited.passage ? lookup(cited.passage) : undefined;
  const hasVerbatim = Boolean(passage) && options.withVerbatim !== false;
  const source = cited.passage ? `${t({ da: 'Kilde', en: 'Source' })}: ${cited.passage}` : '';
  return expand(template, {
    bullet: options.bullet ?? '•',
    text: cited.text,
    sourceLine: hasVerbatim ? `${source} · ${t({ da: 'Vis/skjul ordlyd', en: 'Show/hide wording' })}` : source,
    sourceColor: hasVerbatim ? 'Accent' : 'Default',
    toggle: hasVerbatim ? { type: 'Action.ToggleVisibility', title: t({ da: 'Vis ordlyd', en: 'Show wording' }), targetElements: [toggleId] } : null,
    hasVerbatim,
    toggleId,
    heading: passage ? `${SOURCE_NAMES[passage.source]?.[options.locale] ?? passage.source} › ${passage.heading}` : '',
    verbatim: passage?.text ?? '',
  });
}

export function citedItems(list: readonly { text: string; passage?: string }[], prefix: string, options: Parameters<typeof citedItem>[2]): CardJson[] {
  return list.map((c, i) => citedItem(c, `${prefix}-${i}`, options));
}
