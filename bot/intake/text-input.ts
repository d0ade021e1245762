import { z } from 'zod';
import { containsCprLike } from '../privacy/cpr.js';
import { said } from '../said.js';

/**
 * Free text typed into a card: bounded, no markup, no control characters, no CPR numbers.
 * Markup is refused rather than escaped because the text ends up in cards, channel messages
 * and summaries, and a caseworker never needs a tag to write a reason.
 */
const MARKUP = /<\s*[a-z!/?]/i;
// Tab, newline and carriage return are normal in a typed reason; the rest are not typing.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function freeText(max: number, min = 1, tooShort = said('mangler', 'is missing')) {
  return z
    .string({ error: said('skal være tekst', 'must be text') })
    .max(max, said(`er for lang (højst ${max} tegn)`, `is too long (at most ${max} characters)`))
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(min, tooShort)
        .refine((s) => !MARKUP.test(s), said('må ikke indeholde HTML eller andre tags; skriv almindelig tekst', 'must not contain HTML or other tags; write plain text'))
        .refine((s) => !CONTROL.test(s), said('indeholder usynlige kontroltegn; skriv teksten igen', 'contains invisible control characters; type the text again'))
        .refine((s) => !containsCprLike(s), said('ligner et CPR-nummer; CPR-numre må ikke gemmes – skriv uden', 'looks like a CPR number; CPR numbers must not be stored – write without it')),
    );
}
