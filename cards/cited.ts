import { passageById } from '../rules/passages/index.js';
import type { LookupPassage, PassageText } from './context.js';
import { worded, type Locale } from './locale.js';
import { pick, type CardJson } from './template.js';

const SOURCE_NAMES: Record<string, { da: string; en: string }> = {
  servicestandard: { da: 'Servicestandard for praktisk pædagogisk støtte i hjemmet', en: 'Servicestandard for praktisk pædagogisk støtte i hjemmet' },
  model: { da: 'Model for kommunal hjemmepædagogisk indsats', en: 'Model for kommunal hjemmepædagogisk indsats' },
};

/**
 * Where a reason rests, in words a person reads: the passage's heading, with its id beside it as a
 * small reference to look it up by (never the id alone as if it were prose).
 */
export function passageLabel(id: string, locale: Locale, lookupPassage?: LookupPassage): string {
  const passage = (lookupPassage ?? passageById)(id);
  const t = pick(locale);
  return passage ? `${t({ da: 'Afsnit i standarden', en: 'Passage in the standard' })}: ${passage.heading} · ${id}` : `${t({ da: 'Afsnit i standarden', en: 'Passage in the standard' })} · ${id}`;
}

/** A legal source as shown: the verification remark belongs in the docs and the trace, not in user text. */
export function readableLegalSource(source: string): string {
  return source.split(' — ikke verificeret')[0]!.trim();
}

/**
 * A passage's own words: where it stands in which standard, then its text. `open` is the quotation
 * shown as it is (the result's background), marked »…« with its id, the Danish words quoted in
 * either language; else it is the one behind a toggle.
 */
export function passageQuote(passage: PassageText, locale: Locale, open = false): CardJson {
  const where = `${SOURCE_NAMES[passage.source]?.[locale] ?? passage.source} › ${passage.heading}`;
  return {
    type: 'Container',
    style: 'emphasis',
    spacing: 'Small',
    items: [
      { type: 'TextBlock', text: open ? `»${where}« · ${passage.id}` : where, size: 'Small', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: open ? `»${passage.text}«` : passage.text, size: 'Small', wrap: true, spacing: 'Small' },
    ],
  };
}

/**
 * One reason (or "why not", or warning) with the passage it rests on. The passage's verbatim
 * text is on the card but hidden; tapping the source line shows it (Action.ToggleVisibility),
 * so the caseworker can read the standard's own words without leaving Teams.
 * Built as plain data rather than a bound template: a result card has dozens of these, and
 * binding each one through the template engine made a card take a noticeable fraction of a second.
 */
export function citedItem(
  cited: { text: string; en?: string | undefined; passage?: string },
  toggleId: string,
  options: { locale: Locale; lookupPassage?: LookupPassage; bullet?: string; withVerbatim?: boolean; shown?: Map<string, string> },
): CardJson {
  const t = pick(options.locale);
  const lookup = options.lookupPassage ?? passageById;
  const passage = cited.passage ? lookup(cited.passage) : undefined;
  const hasVerbatim = passage !== undefined && options.withVerbatim !== false;
  const source = cited.passage ? passageLabel(cited.passage, options.locale, lookup) : '';
  const items: CardJson[] = [{ type: 'TextBlock', text: `${options.bullet ?? '•'} ${worded(cited.text, cited.en, options.locale)}`, wrap: true }];
  const toggle = (target: string): CardJson => ({
    type: 'Container',
    spacing: 'None',
    selectAction: { type: 'Action.ToggleVisibility', title: t({ da: 'Vis ordlyd', en: 'Show wording' }), targetElements: [target] },
    items: [{ type: 'TextBlock', text: `${source} · ${t({ da: 'Vis/skjul ordlyd', en: 'Show/hide wording' })}`, size: 'Small', color: 'Accent', isSubtle: true, wrap: true }],
  });
  // A passage cited by several items is on the card once: the later items show the first one's
  // text, which keeps a card with many warnings on the same passage inside Teams' size limit.
  const earlier = cited.passage ? options.shown?.get(cited.passage) : undefined;
  if (source && hasVerbatim && earlier) {
    items.push(toggle(earlier));
  } else if (source && hasVerbatim) {
    if (cited.passage) options.shown?.set(cited.passage, toggleId);
    items.push(
      toggle(toggleId),
      { ...passageQuote(passage, options.locale), id: toggleId, isVisible: false },
    );
  } else if (source) {
    items.push({ type: 'TextBlock', text: source, size: 'Small', isSubtle: true, wrap: true, spacing: 'None' });
  }
  return { type: 'Container', spacing: 'Small', items };
}

export function citedItems(list: readonly { text: string; en?: string | undefined; passage?: string }[], prefix: string, options: Parameters<typeof citedItem>[2]): CardJson[] {
  return list.map((c, i) => citedItem(c, `${prefix}-${i}`, options));
}

/**
 * Items that name their passage without quoting it (the result card, whose background card has the
 * words). Consecutive items resting on the same passage share one reference line, under the last
 * of them. `compact` puts the passage's id at the end of that last item's line instead: the smallest form, for a
 * card that must shed bytes and still say where every item rests.
 */
export function citedList(
  list: readonly { text: string; en?: string | undefined; passage?: string | undefined }[],
  options: { locale: Locale; lookupPassage?: LookupPassage; bullet: string; compact?: boolean },
): CardJson[] {
  const line = (c: (typeof list)[number], withId: boolean): CardJson => ({
    type: 'TextBlock',
    text: `${options.bullet} ${worded(c.text, c.en, options.locale)}${withId && c.passage ? ` (${c.passage})` : ''}`,
    wrap: true,
    spacing: 'Small',
  });
  const lastOnItsPassage = (i: number) => list[i]!.passage !== undefined && list[i + 1]?.passage !== list[i]!.passage;
  if (options.compact) return list.map((c, i) => line(c, lastOnItsPassage(i)));
  return list.flatMap((c, i) => [
    line(c, false),
    ...(c.passage && lastOnItsPassage(i)
      ? [{ type: 'TextBlock', text: passageLabel(c.passage, options.locale, options.lookupPassage), size: 'Small', isSubtle: true, wrap: true, spacing: 'None' }]
      : []),
  ]);
}
