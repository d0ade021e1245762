import { NOTE_KIND_LABELS, NOTE_KINDS, type NoteKind } from '../prompts/notes.js';
import type { ScopeUsage } from '../rules/scope-usage.js';
import type { Locale, Localized } from './locale.js';
import { actionRows } from './common-actions.js';
import type { CardJson } from './template.js';

/**
 * The cards of case notes: the "Tilføj notat" form, the scope-used block on the case card, and
 * the notes summary, in the reader's language. What the caseworkers wrote stays as written.
 */

export const NOTE_VERBS = {
  /** Show the form for a new note on a case. */
  noteForm: 'note.form',
  /** Save the note typed into the form. */
  noteAdd: 'note.add',
  /**
   * Summarise the case's notes. An Action.Execute: a summary that takes longer than Teams'
   * five-second invoke limit allows is acknowledged at once and the card replaced when ready.
   */
  notesSummary: 'note.summary',
} as const;

// With the Action.Submit fallback every card action has (template.ts), for clients without Universal Actions.
function action(title: string, verb: string, data: Record<string, string>, style?: 'positive'): CardJson {
  const common = { title, data: { ...data, verb }, associatedInputs: 'auto', ...(style ? { style } : {}) };
  return { type: 'Action.Execute', verb, ...common, fallback: { type: 'Action.Submit', ...common } };
}

const card = (fallbackText: string, body: CardJson[], actions: CardJson[] = []): CardJson => ({
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  type: 'AdaptiveCard',
  version: '1.5',
  fallbackText,
  msteams: { width: 'Full' },
  body,
  ...(actions.length ? { actions } : {}),
});

export interface NoteFormValues {
  kind?: string;
  date?: string;
  minutes?: string;
  text?: string;
}

/** The note cards' words, both languages side by side so neither falls behind. */
const NOTE_TEXT = {
  newNote: { da: 'Nyt notat', en: 'New note' },
  kind: { da: 'Type', en: 'Kind' },
  kindMissing: { da: 'Vælg notatets type.', en: 'Choose the kind of note.' },
  date: { da: 'Dato', en: 'Date' },
  dateMissing: { da: 'Vælg datoen.', en: 'Choose the date.' },
  minutes: { da: 'Tidsforbrug (minutter)', en: 'Time spent (minutes)' },
  minutesMissing: { da: 'Skriv minutter som et tal.', en: 'Write the minutes as a number.' },
  note: { da: 'Notat', en: 'Note' },
  noteMissing: { da: 'Skriv notatet.', en: 'Write the note.' },
  noCpr: { da: 'Skriv ikke CPR-numre i notatet.', en: 'Do not write CPR numbers in the note.' },
  save: { da: 'Gem notat', en: 'Save note' },
  scopeUsed: { da: 'Omfang brugt', en: 'Scope used' },
  nothingGranted: { da: 'Intet bevilget omfang at måle imod.', en: 'No granted scope to measure against.' },
  addNote: { da: 'Tilføj notat', en: 'Add note' },
  summaryOfNotes: { da: 'Resumé af notater', en: 'Summary of notes' },
  byModel: { da: 'Lavet af sprogmodellen', en: 'Made by the language model' },
  excerpt: { da: 'Uddrag af notaterne, lavet uden sprogmodel', en: 'Excerpts from the notes, made without a language model' },
  noNotes: { da: 'Sagen har ingen notater endnu.', en: 'The case has no notes yet.' },
  passages: { da: 'Afsnit i standarden', en: 'Passages in the standard' },
  beingMade: { da: 'Resuméet laves … Det tager lidt længere end normalt, fordi sprogmodellen arbejder.', en: 'The summary is being made … It takes a little longer than usual because the language model is working.' },
  replaced: { da: 'Kortet her skiftes ud med resuméet, så snart det er klar. Du kan roligt arbejde videre imens.', en: 'This card is replaced by the summary as soon as it is ready. You can carry on working meanwhile.' },
  show: { da: 'Vis resuméet', en: 'Show the summary' },
  failed: { da: 'Resuméet kunne ikke laves lige nu. Notaterne er gemt som før. Prøv igen om lidt.', en: 'The summary could not be made just now. The notes are stored as before. Try again in a moment.' },
  retry: { da: 'Prøv igen', en: 'Try again' },
  beingMadeShort: { da: 'laves', en: 'being made' },
  failedShort: { da: 'kunne ikke laves', en: 'could not be made' },
} satisfies Record<string, Localized>;

type NoteTextKey = keyof typeof NOTE_TEXT;
const words = (locale: Locale) => (key: NoteTextKey) => NOTE_TEXT[key][locale];

/** "1 notat", "3 notater" / "1 note", "3 notes". */
export function noteCount(n: number, locale: Locale): string {
  return locale === 'en' ? `${n} ${n === 1 ? 'note' : 'notes'}` : `${n} ${n === 1 ? 'notat' : 'notater'}`;
}

/** The kinds of note in the card's language; the Danish words are also what the typed command accepts. */
export const NOTE_KIND_TEXT: Readonly<Record<NoteKind, Localized>> = {
  visit: { da: NOTE_KIND_LABELS.visit, en: 'Visit' },
  phone: { da: NOTE_KIND_LABELS.phone, en: 'Phone' },
  meeting: { da: NOTE_KIND_LABELS.meeting, en: 'Meeting' },
  'interdisciplinary-meeting': { da: NOTE_KIND_LABELS['interdisciplinary-meeting'], en: 'Interdisciplinary meeting' },
  observation: { da: NOTE_KIND_LABELS.observation, en: 'Observation' },
};

/**
 * The new-note form; after a refusal it comes back with what was typed and what to fix. `noteId`
 * goes with the save, so saving the same form twice stores one note.
 */
export function noteFormCard(locale: Locale, caseReference: string, noteId: string, today: string, typed: NoteFormValues = {}, problems: readonly string[] = []): CardJson {
  const t = words(locale);
  return card(
    `${t('newNote')} · ${caseReference}`,
    [
      { type: 'TextBlock', text: `${t('newNote')} · ${caseReference}`, weight: 'Bolder', size: 'Medium', wrap: true },
      ...problems.map((p) => ({ type: 'TextBlock', text: p, color: 'Attention', wrap: true })),
      {
        type: 'Input.ChoiceSet',
        id: 'kind',
        label: t('kind'),
        isRequired: true,
        errorMessage: t('kindMissing'),
        value: typed.kind ?? 'visit',
        choices: NOTE_KINDS.map((k) => ({ title: NOTE_KIND_TEXT[k][locale], value: k })),
      },
      { type: 'Input.Date', id: 'date', label: t('date'), isRequired: true, errorMessage: t('dateMissing'), value: typed.date ?? today },
      { type: 'Input.Number', id: 'minutes', label: t('minutes'), isRequired: true, min: 0, max: 1440, errorMessage: t('minutesMissing'), value: typed.minutes ?? '' },
      { type: 'Input.Text', id: 'text', label: t('note'), isMultiline: true, isRequired: true, errorMessage: t('noteMissing'), maxLength: 20000, value: typed.text ?? '' },
      { type: 'TextBlock', text: t('noCpr'), isSubtle: true, size: 'Small', wrap: true },
    ],
    [action(t('save'), NOTE_VERBS.noteAdd, { caseReference, noteId }, 'positive')],
  );
}

/** Set in a save's data when the caseworker chose to keep a note the name check warned about. */
export const KEEP_NAMES = 'keepNames';

const NAME_WARNING: Record<'title' | 'warning' | 'found' | 'keep' | 'save' | 'empty' | 'hint', Localized> = {
  title: { da: 'Navne i notatet?', en: 'Names in the note?' },
  warning: {
    da: 'Notatet ser ud til at indeholde et navn – brug roller (mor, far, barnet) i stedet for navne.',
    en: 'The note seems to contain a name – use roles (mother, father, the child) instead of names.',
  },
  found: { da: 'Det ligner navne', en: 'Looks like names' },
  keep: { da: 'Gem som skrevet', en: 'Save as written' },
  save: { da: 'Gem rettet notat', en: 'Save edited note' },
  empty: { da: 'Skriv notatet.', en: 'Write the note.' },
  hint: {
    da: 'Ret teksten herunder og gem, eller gem den, som den står. Intet er gemt endnu.',
    en: 'Edit the text below and save, or save it as it stands. Nothing has been saved yet.',
  },
};

/**
 * The gentle warning before a note with something name-like is stored: what looked like a name,
 * the note in an editable box, and the choice to save it as written or save it edited (checked
 * again). Kind, date and minutes ride along in the actions' data, so nothing typed is lost.
 */
export function noteNameWarningCard(
  locale: Locale,
  caseReference: string,
  noteId: string,
  values: Required<Pick<NoteFormValues, 'kind' | 'date' | 'minutes' | 'text'>>,
  names: readonly string[],
): CardJson {
  const t = (k: keyof typeof NAME_WARNING) => NAME_WARNING[k][locale];
  const data = { caseReference, noteId, kind: values.kind, date: values.date, minutes: values.minutes };
  return card(
    `${t('warning')} (${caseReference})`,
    [
      { type: 'TextBlock', text: `${t('title')} · ${caseReference}`, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: t('warning'), color: 'Warning', wrap: true },
      { type: 'TextBlock', text: `${t('found')}: ${names.join(', ')}`, wrap: true },
      { type: 'TextBlock', text: t('hint'), isSubtle: true, size: 'Small', wrap: true },
      { type: 'Input.Text', id: 'text', label: locale === 'en' ? 'Note' : 'Notat', isMultiline: true, isRequired: true, errorMessage: t('empty'), maxLength: 20000, value: values.text },
    ],
    [action(t('save'), NOTE_VERBS.noteAdd, data, 'positive'), action(t('keep'), NOTE_VERBS.noteAdd, { ...data, [KEEP_NAMES]: 'true' })],
  );
}

const number = (n: number, locale: Locale) => n.toLocaleString(locale === 'en' ? 'en-GB' : 'da-DK', { maximumFractionDigits: 2 });

/** Scope used against scope granted, as lines a caseworker reads on the case card. */
export function scopeUsageLines(usage: ScopeUsage, locale: Locale = 'da'): string[] {
  const n = (x: number) => number(x, locale);
  const granted = (min: number | undefined, max: number) => (min !== undefined && min !== max ? `${n(min)}–${n(max)}` : n(max));
  const en = locale === 'en';
  const lines: string[] = [];
  if (usage.visits) {
    const v = usage.visits;
    const m = v.meetingsCountedAsVisits;
    const meetings = m
      ? en
        ? ` (of which ${m} ${m === 1 ? 'interdisciplinary meeting counts' : 'interdisciplinary meetings count'} as visits)`
        : ` (heraf ${m} ${m === 1 ? 'tværfagligt møde, der tæller' : 'tværfaglige møder, der tæller'} som besøg)`
      : '';
    const over = v.overThisWeek ? (en ? ' – over what was granted' : ' – over det bevilgede') : '';
    lines.push(
      en
        ? `Visits this week: ${n(v.thisWeek)} of ${granted(v.grantedMin, v.grantedMax)} granted a week; average ${n(v.averagePerWeek)} a week${meetings}${over}. [${v.passage}]`
        : `Besøg denne uge: ${n(v.thisWeek)} af ${granted(v.grantedMin, v.grantedMax)} bevilget pr. uge; gennemsnit ${n(v.averagePerWeek)} pr. uge${meetings}${over}. [${v.passage}]`,
    );
  }
  if (usage.hours) {
    const h = usage.hours;
    const over = h.overThisWeek ? (en ? ' – over what was granted' : ' – over det bevilgede') : '';
    lines.push(
      en
        ? `Hours this week: ${n(h.thisWeek)} of at most ${n(h.grantedMax)} granted a week; average ${n(h.averagePerWeek)} a week${over}. [${h.passage}]`
        : `Timer denne uge: ${n(h.thisWeek)} af højst ${n(h.grantedMax)} bevilget pr. uge; gennemsnit ${n(h.averagePerWeek)} pr. uge${over}. [${h.passage}]`,
    );
  }
  if (usage.weeks) {
    const w = usage.weeks;
    const over = w.over ? (en ? ' – the course is over what was granted' : ' – forløbet er over det bevilgede') : '';
    lines.push(en ? `Weeks used: ${w.used} of ${w.max}${over}. [${w.passage}]` : `Uger brugt: ${w.used} af ${w.max}${over}. [${w.passage}]`);
  }
  return lines;
}

/** The case card with the scope used and the "Tilføj notat" action added. */
export function withNotesOnCaseCard(caseCard: CardJson, caseReference: string, usage: ScopeUsage | undefined, notes: number, locale: Locale = 'da'): CardJson {
  const t = words(locale);
  const body = Array.isArray(caseCard.body) ? [...(caseCard.body as CardJson[])] : [];
  const lines = usage ? scopeUsageLines(usage, locale) : [];
  body.push({
    type: 'Container',
    separator: true,
    items: [
      { type: 'TextBlock', text: `${t('scopeUsed')} (${noteCount(notes, locale)})`, weight: 'Bolder', wrap: true },
      ...(lines.length ? lines : [t('nothingGranted')]).map((text) => ({ type: 'TextBlock', text, wrap: true })),
    ],
  });
  // Three buttons side by side are cut on a phone (360 px): the new note alone, the others below it.
  const others = Array.isArray(caseCard.actions) ? (caseCard.actions as CardJson[]) : [];
  body.push(...actionRows(action(t('addNote'), NOTE_VERBS.noteForm, { caseReference }), [action(t('summaryOfNotes'), NOTE_VERBS.notesSummary, { caseReference }), ...others]));
  const { actions: _moved, ...rest } = caseCard;
  return { ...rest, body };
}

export interface SummaryView {
  caseReference: string;
  summary: string;
  passages: readonly { id: string; why: string }[];
  producedBy: string;
  method: 'model' | 'extractive';
  noteCount: number;
}

/**
 * The summary itself and each passage's "why" are written from the Danish notes (by the model or
 * as excerpts) and stay as written; the card's own words follow the reader's language.
 */
export function notesSummaryCard(s: SummaryView, locale: Locale = 'da'): CardJson {
  const t = words(locale);
  // Without a model the producer is a Danish phrase ("uden sprogmodel"), so the card says it in its own words.
  const label = s.method === 'model' ? `${t('byModel')} ${s.producedBy}` : t('excerpt');
  return card(`${t('summaryOfNotes')} · ${s.caseReference} (${label})`, [
    { type: 'TextBlock', text: `${t('summaryOfNotes')} · ${s.caseReference}`, weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: `${label} · ${noteCount(s.noteCount, locale)}`, isSubtle: true, size: 'Small', wrap: true },
    { type: 'TextBlock', text: s.summary || t('noNotes'), wrap: true },
    ...(s.passages.length
      ? [
          { type: 'TextBlock', text: t('passages'), weight: 'Bolder', wrap: true },
          ...s.passages.map((p) => ({ type: 'TextBlock', text: `${p.id}: ${p.why}`, wrap: true })),
        ]
      : []),
  ]);
}

/**
 * Stands in while a language model writes the summary: Teams gives a card action five seconds.
 * The bot replaces this card when the summary is ready; the button asks again should that never
 * happen (the instance stopped), and then answers from the stored summary at once.
 */
export function notesSummaryPendingCard(caseReference: string, locale: Locale = 'da'): CardJson {
  const t = words(locale);
  return card(
    `${t('summaryOfNotes')} · ${caseReference}: ${t('beingMadeShort')}`,
    [
      { type: 'TextBlock', text: `${t('summaryOfNotes')} · ${caseReference}`, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: t('beingMade'), wrap: true },
      { type: 'TextBlock', text: t('replaced'), isSubtle: true, wrap: true },
    ],
    [action(t('show'), NOTE_VERBS.notesSummary, { caseReference })],
  );
}

/** When the summary could not be made at all (not even without the model), say so and offer to try again. */
export function notesSummaryFailedCard(caseReference: string, locale: Locale = 'da'): CardJson {
  const t = words(locale);
  return card(
    `${t('summaryOfNotes')} · ${caseReference}: ${t('failedShort')}`,
    [
      { type: 'TextBlock', text: `${t('summaryOfNotes')} · ${caseReference}`, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: t('failed'), wrap: true, color: 'Attention' },
    ],
    [action(t('retry'), NOTE_VERBS.notesSummary, { caseReference })],
  );
}
