import type { Locale, Localized } from '../../cards/locale.js';

/**
 * Sentences the conversation says outside the cards. Danish first; English when Teams says so.
 * Each says what happened and what to do next.
 */
export const TEXTS = {
  tenantNotAllowed: {
    da: 'Familiestøtte er ikke slået til for din organisation. Kontakt din it-afdeling, hvis du mener, det er en fejl.',
    en: 'Familiestøtte is not enabled for your organisation. Contact your IT department if you think this is a mistake.',
  },
  noIdentity: {
    da: 'Jeg kan ikke se, hvem du er, så jeg kan ikke vise eller gemme sager. Åbn Familiestøtte i Teams med din arbejdskonto.',
    en: 'I cannot tell who you are, so I cannot show or store cases. Open Familiestøtte in Teams with your work account.',
  },
  nothingToResume: {
    da: 'Du har ikke noget interview i gang her. Skriv «ny sag» for at starte et.',
    en: 'You have no interview in progress here. Write «new case» to start one.',
  },
  draftGone: {
    da: 'Det interview findes ikke længere (det er afsluttet eller startet forfra). Skriv «fortsæt» for dit seneste interview eller «ny sag» for et nyt.',
    en: 'That interview no longer exists (it was finished or started over). Write «resume» for your latest interview or «new case» for a new one.',
  },
  draftChanged: {
    da: 'Interviewet blev ændret et andet sted i mellemtiden. Her er den seneste udgave – tjek svarene og prøv igen.',
    en: 'The interview was changed elsewhere in the meantime. Here is the latest version – check the answers and try again.',
  },
  caseNotFound: {
    da: 'Jeg fandt ingen sag med det sagsnummer, som du har adgang til. Tjek sagsnummeret og prøv igen.',
    en: 'I found no case with that reference that you have access to. Check the reference and try again.',
  },
  unknownAction: {
    da: 'Den handling kender jeg ikke. Skriv «hjælp» for at se, hvad jeg kan.',
    en: 'I do not know that action. Write «help» to see what I can do.',
  },
  noTeamChannel: {
    da: 'Familiestøtte er ikke tilføjet til noget team endnu, så sagen kan ikke knyttes til en kanal. Bed en ejer af teamet om at tilføje appen, og prøv igen.',
    en: 'Familiestøtte has not been added to any team yet, so the case cannot be tied to a channel. Ask a team owner to add the app, and try again.',
  },
} satisfies Record<string, Localized>;

export type TextKey = keyof typeof TEXTS;

export function say(key: TextKey, locale: Locale): string {
  return TEXTS[key][locale];
}
