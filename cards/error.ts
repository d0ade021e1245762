import type { CardContext } from './context.js';
import { expand, execute, pick, type CardJson } from './template.js';
import type { Verb } from './verbs.js';
import template from './templates/error.json' with { type: 'json' };

export interface KeptField {
  /** Shown above the field; defaults to the key. */
  label?: string;
  value: string;
}

export interface RetryAction {
  title?: string;
  verb: Verb;
  data?: Record<string, string>;
}

const MAX_KEPT_CHARS = 2000;

/**
 * A Danish error that loses nothing: what the person typed comes back in editable fields with
 * the same ids, so "Prøv igen" resends it as it was (or as they corrected it).
 */
export function errorCard(
  message: string,
  keptInput: Readonly<Record<string, string | KeptField>> = {},
  ctx: CardContext & { details?: readonly string[]; retry?: RetryAction } = { locale: 'da' },
): CardJson {
  const t = pick(ctx.locale);
  const kept = Object.entries(keptInput).map(([id, field]) => {
    const value = (typeof field === 'string' ? field : field.value).slice(0, MAX_KEPT_CHARS);
    const label = typeof field === 'string' ? id : field.label ?? id;
    return { id, label, value, multiline: value.length > 60 || value.includes('\n'), maxLength: MAX_KEPT_CHARS };
  });
  const actions = ctx.retry ? [execute(ctx.retry.title ?? t({ da: 'Prøv igen', en: 'Try again' }), ctx.retry.verb, ctx.retry.data ?? {}, { style: 'positive' })] : [];
  return expand(template, {
    fallbackText: message,
    title: t({ da: 'Det gik ikke', en: 'That did not work' }),
    message,
    details: ctx.details ?? [],
    keptTitle: t({ da: 'Det, du skrev, er gemt her:', en: 'What you typed is kept here:' }),
    kept,
    actions,
  });
}
