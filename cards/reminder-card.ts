import { wordsTable, type Locale, type Localized } from './locale.js';
import { formatDate } from './outcome-text.js';
import { expand } from './template.js';
import template from './templates/reminder.json' with { type: 'json' };

/**
 * The reminder card posted in the case's thread. Every action is an Action.Execute, so the answer
 * replaces the card for the person who clicked; the bot also updates the posted activity so the
 * whole channel sees who acted. `refresh` makes a client that shows an old copy fetch the current
 * one, which is how a stale card learns it was already handled.
 *
 * The card is posted in a team channel, read by everyone there: it is Danish unless a language
 * is given for the team (there is no such setting yet), never the language of whoever clicked.
 */
export const REMINDER_VERBS = {
  done: 'reminder.done',
  snooze: 'reminder.snooze',
  refresh: 'reminder.refresh',
} as const;

export type ReminderAction = 'continue' | 'change-level' | 'close' | 'snoozed';

export interface ReminderCardData {
  tenantId: string;
  reminderId: number;
  caseId: string;
  caseRef: string;
  /** YYYY-MM-DD */
  due: string;
  notice: 'lead' | 'due' | 'snooze';
  task: string;
  passage: string;
  handled: { byName: string; at: Date; action: ReminderAction; reason?: string | null } | null;
  /** A line for the person who clicked, e.g. that someone else got there first. */
  message?: string | null;
  /** A snooze reason that was refused, shown again so nothing typed is lost. */
  typedReason?: string | null;
  /** A review note that was refused (e.g. a CPR number in it), shown again likewise. */
  typedNote?: string | null;
  /** The team's language; Danish when not given. */
  locale?: Locale;
  /**
   * Who the reminder is for, @mentioned in the card ("Til <at>name</at>") so Teams notifies them:
   * the caseworker as the team's roster names them at post time. Absent: no line, no mention.
   */
  to?: { id: string; name: string } | null;
}

/** The card's own words; bound as `s` so the template holds no language. */
const REMINDER_TEXT = {
  case: { da: 'Sag', en: 'Case' },
  due: { da: 'Frist', en: 'Due' },
  task: { da: 'Skal tages stilling til', en: 'To be decided' },
  passage: { da: 'Grundlag', en: 'Basis' },
  reviewDone: { da: 'Gennemgang udført', en: 'Review done' },
  decision: { da: 'Afgørelse efter gennemgangen', en: 'Decision after the review' },
  decisionMissing: { da: 'Vælg, hvad gennemgangen førte til.', en: 'Choose what the review led to.' },
  continue: { da: 'Indsatsen fortsætter', en: 'The support continues' },
  changeLevel: { da: 'Niveauet ændres (ny afgørelse i sagen)', en: 'The level changes (a new decision in the case)' },
  close: { da: 'Sagen lukkes', en: 'The case is closed' },
  note: { da: 'Notat fra gennemgangen (valgfrit)', en: 'Note from the review (optional)' },
  notePlaceholder: { da: 'Fx hvad familien og I aftalte. Skriv ikke CPR-numre.', en: 'E.g. what the family and you agreed. Do not write CPR numbers.' },
  noteKind: { da: 'Notatets type', en: 'Kind of note' },
  meeting: { da: 'Møde', en: 'Meeting' },
  interdisciplinary: { da: 'Tværfagligt møde', en: 'Interdisciplinary meeting' },
  visit: { da: 'Besøg', en: 'Visit' },
  phone: { da: 'Telefon', en: 'Phone' },
  minutes: { da: 'Tidsforbrug (minutter)', en: 'Time spent (minutes)' },
  minutesMissing: { da: 'Skriv minutter som et tal fra 0 til 1440.', en: 'Write the minutes as a number from 0 to 1440.' },
  save: { da: 'Gem', en: 'Save' },
  snooze: { da: 'Udsæt 1 uge', en: 'Postpone 1 week' },
  why: { da: 'Hvorfor udsættes gennemgangen?', en: 'Why is the review postponed?' },
  whyMissing: { da: 'Skriv en begrundelse for udsættelsen.', en: 'Write a reason for postponing.' },
  snoozeSave: { da: 'Udsæt', en: 'Postpone' },
  open: { da: 'Åbn sagsoverblik', en: 'Open case overview' },
  to: { da: 'Til', en: 'For' },
} satisfies Record<string, Localized>;

export const reminderWords = wordsTable(REMINDER_TEXT);

const ACTION_TEXT: Record<ReminderAction, Localized> = {
  continue: { da: 'Gennemgang udført: indsatsen fortsætter', en: 'Review done: the support continues' },
  'change-level': { da: 'Gennemgang udført: niveauet ændres', en: 'Review done: the level changes' },
  close: { da: 'Gennemgang udført: sagen lukkes', en: 'Review done: the case is closed' },
  snoozed: { da: 'Udsat 1 uge', en: 'Postponed 1 week' },
};

export function danishDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}.${m}.${y}`;
}

export function danishTime(at: Date): string {
  return at.toLocaleString('da-DK', { timeZone: 'Europe/Copenhagen', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** When someone acted, in Copenhagen time: "20.03.2026, 10.30" / "20 March 2026, 10:30". */
export function timeOfDay(at: Date, locale: Locale): string {
  if (locale === 'da') return danishTime(at);
  return at.toLocaleString('en-GB', { timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

const HEADINGS: Record<ReminderCardData['notice'], Localized> = {
  due: { da: 'Frist i dag', en: 'Due today' },
  snooze: { da: 'Udsat påmindelse', en: 'Postponed reminder' },
  lead: { da: 'Kommende frist', en: 'Coming due date' },
};

function heading(data: ReminderCardData, locale: Locale): string {
  return `${HEADINGS[data.notice][locale]}: ${data.caseRef}`;
}

export function reminderCard(data: ReminderCardData): Record<string, unknown> {
  const locale = data.locale ?? 'da';
  const handled = data.handled
    ? { text: `${ACTION_TEXT[data.handled.action][locale]} — ${data.handled.byName}, ${timeOfDay(data.handled.at, locale)}${data.handled.reason ? ` (${data.handled.reason})` : ''}` }
    : null;
  const bound: Record<string, string | null> = {
    tenantId: data.tenantId,
    reminderId: String(data.reminderId),
    caseId: data.caseId,
    caseRef: data.caseRef,
    dueText: locale === 'da' ? danishDate(data.due) : formatDate(data.due, locale),
    task: data.task,
    passage: data.passage,
    heading: heading(data, locale),
    handledText: handled?.text ?? null,
    notice: data.message ?? null,
    typedReason: data.typedReason ?? null,
    typedNote: data.typedNote ?? null,
    toName: data.to?.name ?? null,
  };
  const card = bind(bound, locale);
  return data.to ? { ...card, msteams: { entities: [mentionEntity(data.to)] } } : card;
}

/**
 * A Teams mention in an Adaptive Card: the entity sits in the card's own `msteams.entities`, and
 * its text is exactly the `<at>…</at>` the card's text shows, which is how Teams finds it.
 */
export function mentionEntity(to: { id: string; name: string }): { type: 'mention'; text: string; mentioned: { id: string; name: string } } {
  return { type: 'mention', text: `<at>${to.name}</at>`, mentioned: { id: to.id, name: to.name } };
}

/**
 * Expanding the template costs ~15 ms of CPU, which a sweep posting thousands of reminders cannot
 * afford. The card has few shapes (which optional parts are present), so each shape is expanded
 * once with a marker in every field, and each card is that JSON with the markers replaced by the
 * JSON-escaped values. The output is exactly what expanding with the values would give.
 */
const shapes = new Map<string, string>();

function bind(values: Record<string, string | null>, locale: Locale): Record<string, unknown> {
  const present = Object.keys(values).filter((k) => values[k] !== null);
  const key = `${locale}:${present.join(',')}`;
  let json = shapes.get(key);
  if (json === undefined) {
    const markers = Object.fromEntries(present.map((k) => [k, `\u27E6${k}\u27E7`]));
    const data = { ...markers, s: reminderWords(locale), handled: 'handledText' in markers ? { text: markers.handledText } : null, notice: markers.notice ?? null, typedReason: markers.typedReason ?? null, typedNote: markers.typedNote ?? null, toName: markers.toName ?? null };
    json = JSON.stringify(expand(template, data));
    shapes.set(key, json);
  }
  const filled = json.replace(/\u27E6(\w+)\u27E7/g, (_, name: string) => JSON.stringify(values[name] ?? '').slice(1, -1));
  return JSON.parse(filled) as Record<string, unknown>;
}
