import type { CardContext } from './context.js';
import { expand, execute, pick, type CardJson } from './template.js';
import { VERBS } from './verbs.js';
import template from './templates/help.json' with { type: 'json' };

/** The commands the bot understands, Danish first; the English aliases work in both languages. */
export const COMMANDS = [
  { da: 'hjælp', en: 'help', text: { da: 'Viser denne hjælp.', en: 'Shows this help.' } },
  { da: 'ny sag', en: 'new case', text: { da: 'Starter et nyt interview om en familie (7 trin).', en: 'Starts a new interview about a family (7 steps).' } },
  { da: 'fortsæt', en: 'resume', text: { da: 'Fortsætter dit seneste interview, hvor du slap.', en: 'Continues your latest interview where you left it.' } },
  { da: 'find <sagsnummer>', en: 'find <reference>', text: { da: 'Viser en sag, fx «find 2026-001234».', en: 'Shows a case, e.g. "find 2026-001234".' } },
  { da: 'mine sager', en: 'my cases', text: { da: 'Viser dine sager og deres næste frist.', en: 'Lists your cases and their next due date.' } },
  { da: 'standard <spørgsmål>', en: 'standard <question>', text: { da: 'Viser de afsnit af standarderne, der bedst svarer, fx «standard hvor længe varer intensiv støtte».', en: 'Shows the passages of the standards that answer best, e.g. "standard hvor længe varer intensiv støtte".' } },
] as const;

export function helpCard(ctx: CardContext): CardJson {
  const t = pick(ctx.locale);
  const en = ctx.locale === 'en';
  return expand(template, {
    fallbackText: t({ da: 'Kommandoer: hjælp, ny sag, fortsæt, find <sagsnummer>, mine sager, standard <spørgsmål>.', en: 'Commands: help, new case, resume, find <reference>, my cases, standard <question>.' }),
    title: t({ da: 'Sådan bruger du Familiestøtte', en: 'How to use Familiestøtte' }),
    intro: t({
      da: 'Jeg stiller spørgsmål om familien og siger, hvilken indsats kommunens servicestandard peger på – og hvorfor. Du træffer afgørelsen. Skriv en af disse kommandoer:',
      en: "I ask questions about the family and say which measure the municipality's service standard points to – and why. You make the decision. Type one of these commands:",
    }),
    commands: COMMANDS.map((c) => ({ command: en ? c.en : c.da, alias: en ? c.da : c.en, text: t(c.text) })),
    privacy: t({
      da: 'Skriv aldrig CPR-numre eller fulde navne – brug sagsnummer og initialer. Al læsning og ændring af sager logges.',
      en: 'Never type CPR numbers or full names – use the case reference and initials. Every read and change of a case is logged.',
    }),
    actions: [
      execute(t({ da: 'Ny sag', en: 'New case' }), VERBS.intakeStart, {}, { style: 'positive', inputs: 'none' }),
      execute(t({ da: 'Fortsæt', en: 'Resume' }), VERBS.intakeResume, {}, { inputs: 'none' }),
      execute(t({ da: 'Mine sager', en: 'My cases' }), VERBS.caseMine, {}, { inputs: 'none' }),
    ],
  });
}
