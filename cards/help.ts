import type { CardContext } from './context.js';
import { noTeamSteps } from './no-team.js';
import { expand, execute, pick, type CardJson } from './template.js';
import { VERBS } from './verbs.js';
import template from './templates/help.json' with { type: 'json' };

/** The commands the bot understands, Danish first; the English aliases work in both languages. */
export const COMMANDS = [
  { da: 'hjælp', en: 'help', text: { da: 'Viser denne hjælp.', en: 'Shows this help.' } },
  { da: 'ny sag', en: 'new case', text: { da: 'Starter et nyt interview om en familie (7 trin).', en: 'Starts a new interview about a family (7 steps).' } },
  { da: 'fortsæt', en: 'resume', text: { da: 'Fortsætter dit seneste interview, hvor du slap.', en: 'Continues your latest interview where you left it.' } },
  { da: 'find «sagsnummer»', en: 'find «case reference»', text: { da: 'Viser en sag, fx »find 2026-001234«.', en: 'Shows a case, e.g. "find 2026-001234".' } },
  { da: 'mine sager', en: 'my cases', text: { da: 'Viser dine sager og deres næste frist.', en: 'Lists your cases and their next due date.' } },
  { da: 'standard «spørgsmål»', en: 'standard «question»', text: { da: 'Viser de afsnit af standarderne, der bedst svarer, fx »standard hvor længe varer intensiv støtte«.', en: 'Shows the passages of the standards that answer best, e.g. "standard hvor længe varer intensiv støtte".' } },
  { da: 'plan «sagsnummer»', en: 'plan «case reference»', text: { da: 'Viser sagens plan (formål og mål), så den kan rettes.', en: "Shows the case's plan (purpose and goals) for editing." } },
  { da: 'gennemgang «sagsnummer»', en: 'review «case reference»', text: { da: 'Gennemgår planens mål og beslutter, hvad der skal ske.', en: "Reviews the plan's goals and decides what happens next." } },
  { da: 'notat «sagsnummer» «type» «minutter» «tekst»', en: 'note «case reference» «kind» «minutes» «text»', text: { da: 'Tilføjer et notat (besøg, telefon, møde, tværfagligt møde, observation).', en: 'Adds a note (visit, phone, meeting, interdisciplinary meeting, observation).' } },
  { da: 'noter «sagsnummer»', en: 'notes «case reference»', text: { da: 'Resumé af sagens notater.', en: "Summary of the case's notes." } },
  { da: 'påmindelser', en: 'reminders', text: { da: 'Teamets kommende frister (i en kanal).', en: "The team's upcoming due dates (in a channel)." } },
] as const;

/**
 * `noTeam`: the welcome in a personal chat when the app is in no team yet. A case needs a team
 * channel, so the first thing a newcomer reads is how to add the app to their team.
 */
export function helpCard(ctx: CardContext & { noTeam?: boolean }): CardJson {
  const t = pick(ctx.locale);
  const en = ctx.locale === 'en';
  return expand(template, {
    fallbackText: t({ da: 'Kommandoer: hjælp, ny sag, fortsæt, find «sagsnummer», mine sager, plan «sagsnummer», gennemgang «sagsnummer», notat, noter «sagsnummer», påmindelser, standard «spørgsmål».', en: 'Commands: help, new case, resume, find «case reference», my cases, plan «case reference», review «case reference», note, notes «case reference», reminders, standard «question».' }),
    title: t({ da: 'Sådan bruger du Familiestøtte', en: 'How to use Familiestøtte' }),
    intro: t({
      da: 'Jeg stiller spørgsmål om familien og siger, hvilken indsats kommunens servicestandard peger på – og hvorfor. Du træffer afgørelsen. Skriv en af disse kommandoer:',
      en: "I ask questions about the family and say which measure the municipality's service standard points to – and why. You make the decision. Type one of these commands:",
    }),
    noTeam: ctx.noTeam ? noTeamSteps(ctx.locale) : null,
    // One language per card: the other language's words still work, but are not listed beside these.
    commands: COMMANDS.map((c) => ({ command: en ? c.en : c.da, alias: '', text: t(c.text) })),
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
