import { wordsTable, type Locale, type Localized } from './locale.js';
import { formatDate } from './outcome-text.js';
import { expand } from './template.js';
import template from './templates/reminder.json' with { type: 'json' };
import itemTemplate from './templates/parts/reminder-item.json' with { type: 'json' };
import { actionRows } from './common-actions.js';
import type { CardJson } from './template.js';

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

/** A post with more than one item: the case and how many, each item then under its own heading. */
const GROUP_HEADING: Record<Locale, (n: number, caseRef: string) => string> = {
  da: (n, caseRef) => `${n} påmindelser: ${caseRef}`,
  en: (n, caseRef) => `${n} reminders: ${caseRef}`,
};

/** One due item on a reminder post: a reminder with its own words, date and actions. */
export interface ReminderItemData {
  reminderId: number;
  /** YYYY-MM-DD */
  due: string;
  notice: 'lead' | 'due' | 'snooze';
  task: string;
  passage: string;
  handled: ReminderCardData['handled'];
  typedReason?: string | null;
  typedNote?: string | null;
}

/**
 * A case's reminder post: every item due for the case that day on one card (the dispatcher posts
 * them together), under one heading and one @mention. Each item keeps its own facts and its own
 * "review done" and "postpone" forms, which name its own reminder; the card's refresh names the
 * first, and the bot answers it with the whole post (bot/reminders/actions.ts).
 */
export interface ReminderPostData {
  tenantId: string;
  caseId: string;
  caseRef: string;
  items: readonly ReminderItemData[];
  message?: string | null;
  locale?: Locale;
  to?: { id: string; name: string } | null;
}

/** The item as a post of its own: the card a single reminder was always posted as. */
export function reminderCard(data: ReminderCardData): Record<string, unknown> {
  return reminderPostCard({ tenantId: data.tenantId, caseId: data.caseId, caseRef: data.caseRef, items: [data], message: data.message, locale: data.locale, to: data.to });
}

export function reminderPostCard(data: ReminderPostData): Record<string, unknown> {
  const locale = data.locale ?? 'da';
  const [first] = data.items;
  if (!first) throw new Error('a reminder post has at least one item');
  const grouped = data.items.length > 1;
  const shell = bind(template, locale, {
    tenantId: data.tenantId,
    reminderId: String(first.reminderId),
    caseId: data.caseId,
    heading: grouped ? GROUP_HEADING[locale](data.items.length, data.caseRef) : `${HEADINGS[first.notice][locale]}: ${data.caseRef}`,
    notice: data.message ?? null,
    toName: data.to?.name ?? null,
  });
  const items = data.items.flatMap((item) => itemParts(data, item, locale, grouped));
  // The items go after the heading and the mention, before the line for the one who clicked.
  const body = shell.body as unknown[];
  const head = data.to ? 2 : 1;
  const card = { ...shell, body: [...body.slice(0, head), ...items, ...body.slice(head)] };
  return data.to ? { ...card, msteams: { entities: [mentionEntity(data.to)] } } : card;
}

/**
 * One item: its facts, who handled it, and while open its two forms as rows of their own, "review
 * done" alone and "postpone" below it (common-actions.ts), so neither is cut on a phone; the case
 * overview, the card's one other button, sits alone at the foot of the card.
 */
function itemParts(post: ReminderPostData, item: ReminderItemData, locale: Locale, grouped: boolean): unknown[] {
  const handled = item.handled
    ? `${ACTION_TEXT[item.handled.action][locale]} — ${item.handled.byName}, ${timeOfDay(item.handled.at, locale)}${item.handled.reason ? ` (${item.handled.reason})` : ''}`
    : null;
  const part = bind(itemTemplate, locale, {
    tenantId: post.tenantId,
    reminderId: String(item.reminderId),
    // Inputs are named per item on a post of several, so each form sends only its own.
    idSuffix: grouped ? `-${item.reminderId}` : '',
    caseRef: grouped ? null : post.caseRef,
    itemHeading: grouped ? HEADINGS[item.notice][locale] : null,
    dueText: locale === 'da' ? danishDate(item.due) : formatDate(item.due, locale),
    task: item.task,
    passage: item.passage,
    handledText: handled,
    typedReason: item.typedReason ?? null,
    typedNote: item.typedNote ?? null,
  }) as { item: Record<string, unknown> & { items: unknown[] }; done: CardJson; snooze: CardJson };
  const container = grouped ? { ...part.item, separator: true, spacing: 'Medium' } : part.item;
  return [{ ...container, items: [...part.item.items, ...(item.handled ? [] : actionRows(part.done, [part.snooze]))] }];
}

/** The names the inputs of an item's forms have on a card: plain on a post of one, with the reminder's id on a post of several. */
export function itemInputName(field: 'decision' | 'note' | 'noteKind' | 'noteMinutes' | 'reason', reminderId: number, grouped: boolean): string {
  return grouped ? `${field}-${reminderId}` : field;
}

/**
 * A Teams mention in an Adaptive Card: the entity sits in the card's own `msteams.entities`, and
 * its text is exactly the `<at>…</at>` the card's text shows, which is how Teams finds it.
 */
export function mentionEntity(to: { id: string; name: string }): { type: 'mention'; text: string; mentioned: { id: string; name: string } } {
  return { type: 'mention', text: `<at>${to.name}</at>`, mentioned: { id: to.id, name: to.name } };
}

/**
 * Expanding a template costs ~15 ms of CPU, which a sweep posting thousands of reminders cannot
 * afford. The card and its items have few shapes (which optional parts are present), so each shape
 * is expanded once with a marker in every field, and each card is that JSON with the markers
 * replaced by the JSON-escaped values. The output is exactly what expanding with the values would give.
 */
const shapes = new Map<string, string>();
const FIELDS = ['tenantId', 'reminderId', 'caseId', 'caseRef', 'heading', 'itemHeading', 'idSuffix', 'dueText', 'task', 'passage', 'handledText', 'notice', 'typedReason', 'typedNote', 'toName'] as const;

function bind(source: object, locale: Locale, values: Partial<Record<(typeof FIELDS)[number], string | null>>): Record<string, unknown> {
  const present = FIELDS.filter((k) => values[k] !== null && values[k] !== undefined);
  const key = `${source === template ? 'card' : 'item'}:${locale}:${present.join(',')}`;
  let json = shapes.get(key);
  if (json === undefined) {
    const data: Record<string, unknown> = Object.fromEntries(FIELDS.map((k) => [k, present.includes(k) ? `\u27E6${k}\u27E7` : null]));
    data.s = reminderWords(locale);
    data.handled = present.includes('handledText') ? { text: data.handledText } : null;
    json = JSON.stringify(expand(source, data));
    shapes.set(key, json);
  }
  const filled = json.replace(/\u27E6(\w+)\u27E7/g, (_, name: string) => JSON.stringify(values[name as (typeof FIELDS)[number]] ?? '').slice(1, -1));
  return JSON.parse(filled) as Record<string, unknown>;
}
