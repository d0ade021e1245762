import { z } from 'zod';
import { containsCprLike } from '../privacy/cpr.js';

/**
 * Free text typed into a card: bounded, no markup, no control characters, no CPR numbers.
 * Markup is refused rather than escaped because the text ends up in cards, channel messages
 * and summaries, and a caseworker never needs a tag to write a reason.
 */
const MARKUP = /<\s*[a-z!/?]/i;
// Tab, newline and carriage return are normal in a typed reason; the rest are not typing.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function freeText(max: number, min = 1, tooShort = 'mangler') {
  return z
    .string({ error: 'skal være tekst' })
    .max(max, `er for lang (højst ${max} tegn)`)
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(min, tooShort)
        .refine((s) => !MARKUP.test(s), 'må ikke indeholde HTML eller andre tags; skriv almindelig tekst')
        .refine((s) => !CONTROL.test(s), 'indeholder usynlige kontroltegn; skriv teksten igen')
        .refine((s) => !containsCprLike(s), 'ligner et CPR-nummer; CPR-numre må ikke gemmes – skriv uden'),
    );
}
