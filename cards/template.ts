import * as ACData from 'adaptivecards-templating';
import type { Localized, Locale } from './locale.js';
import type { Verb } from './verbs.js';

export type CardJson = Record<string, unknown>;

/**
 * Binds data to a template. The template and the data are left untouched; what comes back is new.
 * Nulls are dropped afterwards so an optional value (`"value": "${value}"` bound to null) leaves no trace,
 * and an inserted part bound to null disappears from its array.
 */
export function expand(template: object, data: object): CardJson {
  const expanded = compiled(template).expand({ $root: data }) as unknown;
  return prune(expanded) as CardJson;
}

// Building a Template costs several times more than expanding one; templates are module
// constants, so each is built once and reused (expand reads it, never writes it).
const TEMPLATES = new WeakMap<object, ACData.Template>();

function compiled(template: object): ACData.Template {
  let t = TEMPLATES.get(template);
  if (!t) {
    t = new ACData.Template(template);
    TEMPLATES.set(template, t);
  }
  return t;
}

// Every card passes here, so plain loops rather than entries/filter/map/fromEntries: the same
// result (own enumerable keys in the same order, nulls dropped) with far fewer short-lived arrays.
function prune(value: unknown): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const v of value) if (v !== null && v !== undefined) out.push(prune(v));
    return out;
  }
  if (value && typeof value === 'object') {
    const source = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(source)) {
      const v = source[k];
      if (v === null || v === undefined) continue;
      // An own "__proto__" key stays a key (as Object.fromEntries keeps it), never the prototype.
      if (k === '__proto__') Object.defineProperty(out, k, { value: prune(v), enumerable: true, writable: true, configurable: true });
      else out[k] = prune(v);
    }
    return out;
  }
  return value;
}

/**
 * Every server action: an Action.Execute routed by its verb. The verb is repeated inside `data`, and
 * an Action.Submit with the same data is the fallback, so a client without Universal Actions still
 * sends something the bot's verb router understands.
 */
export function execute(
  title: string,
  verb: Verb,
  data: Record<string, string>,
  options: { style?: 'positive' | 'destructive'; inputs?: 'auto' | 'none'; id?: string } = {},
): CardJson {
  const common = {
    title,
    data: { ...data, verb },
    associatedInputs: options.inputs ?? 'auto',
    ...(options.style ? { style: options.style } : {}),
  };
  return {
    type: 'Action.Execute',
    verb,
    ...common,
    ...(options.id ? { id: options.id } : {}),
    fallback: { type: 'Action.Submit', ...common },
  };
}

export function pick(locale: Locale) {
  return (text: Localized): string => text[locale];
}

/**
 * Every card the bot sends stays within 12 KB (UTF-8): Teams refuses cards over 28 KB, and a card
 * of a few KB loads at once on a phone and leaves room for the activity around it. What does not
 * fit (the result's "why not", legal basis and the standard's wording) is one tap away.
 */
export const CARD_BUDGET_BYTES = 12 * 1024;

/** UTF-8 bytes of the card as sent; Teams refuses cards over 28 KB. */
export function cardBytes(card: CardJson): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** The same card counted as UTF-16 text (two bytes per code unit), the other way a client may measure it. */
export function cardBytesUtf16(card: CardJson): number {
  return JSON.stringify(card).length * 2;
}
