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
    da: 'Du har ikke noget interview i gang her. Skriv »ny sag« for at starte et.',
    en: 'You have no interview in progress here. Write »new case« to start one.',
  },
  draftGone: {
    da: 'Det interview findes ikke længere (det er afsluttet eller startet forfra). Skriv »fortsæt« for dit seneste interview eller »ny sag« for et nyt.',
    en: 'That interview no longer exists (it was finished or started over). Write »resume« for your latest interview or »new case« for a new one.',
  },
  draftChanged: {
    da: 'Interviewet blev ændret et andet sted i mellemtiden. Her er den seneste udgave – tjek svarene og prøv igen.',
    en: 'The interview was changed elsewhere in the meantime. Here is the latest version – check the answers and try again.',
  },
  caseNotFound: {
    da: 'Jeg fandt ingen sag med det sagsnummer, som du har adgang til. Tjek sagsnummeret og prøv igen.',
    en: 'I found no case with that reference that you have access to. Check the reference and try again.',
  },
  remindersInTeam: {
    da: 'Påmindelser hører til et team. Skriv »påmindelser« i teamets kanal for at se teamets kommende påmindelser.',
    en: "Reminders belong to a team. Write »reminders« in the team's channel to see the team's upcoming reminders.",
  },
  actionNotRecognised: {
    da: 'Kortet kunne ikke genkendes, måske fordi det er gammelt. Åbn sagen igen med »find« og sagsnummeret, og prøv igen.',
    en: 'The card could not be recognised, perhaps because it is old. Open the case again with »find« and the case reference, and try again.',
  },
  unknownAction: {
    da: 'Den handling kender jeg ikke. Skriv »hjælp« for at se, hvad jeg kan.',
    en: 'I do not know that action. Write »help« to see what I can do.',
  },
  noTeamChannel: {
    da: 'Familiestøtte er ikke tilføjet til noget team endnu, så sagen kan ikke knyttes til en kanal. Bed en ejer af teamet om at tilføje appen, og prøv igen.',
    en: 'Familiestøtte has not been added to any team yet, so the case cannot be tied to a channel. Ask a team owner to add the app, and try again.',
  },
  channelNowKnown: {
    da: 'Familiestøtte er nu med i jeres team. Vælg teamets kanal til påmindelser, og tryk »Opret sag« igen.',
    en: "Familiestøtte is in your team now. Choose the team's channel for reminders, and press »Create case« again.",
  },
  reminderNotFound: {
    da: 'Påmindelsen kunne ikke findes, eller du har ikke adgang til dens sag. Den kan være slettet, eller kortet er for gammelt.',
    en: "The reminder could not be found, or you have no access to its case. It may have been deleted, or the card is too old.",
  },
  noCaseContentInGroupChat: {
    da: 'Her kan alle i chatten læse med, så jeg viser ikke sager, notater eller interviews her. Skriv til mig i en 1:1-chat (find Familiestøtte under Apps), eller skriv »hjælp«.',
    en: 'Everyone in this chat can read along, so I do not show cases, notes or interviews here. Write to me in a 1:1 chat (find Familiestøtte under Apps), or write »help«.',
  },
  onlyInPersonalChat: {
    da: 'Det gør vi i din 1:1-chat med mig, så andre ikke læser med. Skriv det samme til Familiestøtte i en chat for dig selv.',
    en: 'We do that in your 1:1 chat with me, so nobody else reads along. Write the same to Familiestøtte in a chat of your own.',
  },
  notInThisTeam: {
    da: 'Du er ikke medlem af dette team, så jeg viser ikke teamets sager eller påmindelser. Bed en ejer af teamet om at tilføje dig.',
    en: "You are not a member of this team, so I do not show the team's cases or reminders. Ask an owner of the team to add you.",
  },
  remindersOff: {
    da: 'Påmindelser er ikke slået til her. Kontakt den, der driver Familiestøtte.',
    en: 'Reminders are not turned on here. Contact whoever runs Familiestøtte.',
  },
  remindersTitle: { da: 'Teamets kommende påmindelser', en: "The team's upcoming reminders" },
  noteUsage: {
    da: 'Skriv notatet sådan: notat «sagsnummer» «type» «minutter» «tekst», fx »notat SAG-2026-0042 besøg 60 Familien var hjemme.« Typer: besøg, telefon, møde, tværfagligt møde, observation.',
    en: 'Write the note like this: note «case reference» «kind» «minutes» «text», e.g. »note SAG-2026-0042 visit 60 The family was at home.« Kinds: visit, phone, meeting, interdisciplinary meeting, observation.',
  },
  noteSaved: { da: 'Notatet er gemt.', en: 'Note saved.' },
  summariesOff: {
    da: 'Sagsresuméer er ikke slået til her. Kontakt den, der driver Familiestøtte.',
    en: 'Case summaries are not turned on here. Contact whoever runs Familiestøtte.',
  },
  summaryUsage: {
    da: 'Skriv »resumé« efterfulgt af sagsnummeret, fx »resumé SAG-2026-0042«.',
    en: 'Write »summary« followed by the case reference, e.g. »summary SAG-2026-0042«.',
  },
} satisfies Record<string, Localized>;

export type TextKey = keyof typeof TEXTS;

export function say(key: TextKey, locale: Locale): string {
  return TEXTS[key][locale];
}
