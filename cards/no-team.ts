import type { Locale } from './locale.js';
import { pick, type CardJson } from './template.js';

/**
 * A case belongs to a team channel, and the bot only knows the teams it has been added to. A
 * newcomer's first case must not end in an error they could not have avoided, so before they press
 * anything the card says, calmly and in steps, how to add the app to their team. An error is shown
 * only when "Opret sag" is pressed anyway.
 */
export function noTeamSteps(locale: Locale): CardJson {
  const t = pick(locale);
  const steps = [
    t({ da: '1. Vælg »Apps« i venstre side af Teams, og find Familiestøtte.', en: '1. Choose “Apps” on the left in Teams and find Familiestøtte.' }),
    t({ da: '2. Vælg »Tilføj til et team«, og vælg jeres team og den kanal, I følger sager i.', en: '2. Choose “Add to a team”, then your team and the channel you follow cases in.' }),
    t({ da: '3. Kom tilbage hertil, og opret sagen. Dine svar er gemt.', en: '3. Come back here and create the case. Your answers are kept.' }),
  ];
  return {
    type: 'Container',
    style: 'emphasis',
    spacing: 'Medium',
    items: [
      { type: 'TextBlock', text: t({ da: 'Før den første sag: tilføj Familiestøtte til jeres team', en: 'Before the first case: add Familiestøtte to your team' }), weight: 'Bolder', wrap: true },
      {
        type: 'TextBlock',
        text: t({
          da: 'En sag hører til et team, så teamet får påmindelserne om fristerne. Familiestøtte er ikke tilføjet til et team, du er med i, endnu.',
          en: 'A case belongs to a team, so the team gets the reminders of its due dates. Familiestøtte has not been added to a team you are in yet.',
        }),
        wrap: true,
        spacing: 'Small',
      },
      ...steps.map((text) => ({ type: 'TextBlock', text, wrap: true, spacing: 'Small' })),
      { type: 'TextBlock', text: t({ da: 'Må du ikke tilføje apps, så bed en ejer af teamet om det.', en: 'If you may not add apps, ask an owner of the team.' }), wrap: true, size: 'Small', isSubtle: true, spacing: 'Small' },
    ],
  };
}

/** The line in the case form where the channel picker would be. */
export function noTeamFormLine(locale: Locale): CardJson {
  const t = pick(locale);
  return {
    type: 'TextBlock',
    text: t({
      da: 'Teamets kanal: Familiestøtte er ikke tilføjet til et team endnu (se »Før den første sag« ovenfor).',
      en: "Team channel: Familiestøtte has not been added to a team yet (see “Before the first case” above).",
    }),
    wrap: true,
    size: 'Small',
    spacing: 'Medium',
  };
}
