import { NOTE_KIND_LABELS, NOTE_KINDS } from '../prompts/notes.js';
import type { ScopeUsage } from '../rules/scope-usage.js';
import type { Locale, Localized } from './locale.js';
import type { CardJson } from './template.js';

/**
 * The cards of case notes: the "Tilføj notat" form, the scope-used block on the case card, and
 * the notes summary. Danish only for now, like the notes themselves.
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

/**
 * The new-note form; after a refusal it comes back with what was typed and what to fix. `noteId`
 * goes with the save, so saving the same form twice stores one note.
 */
export function noteFormCard(caseReference: string, noteId: string, today: string, typed: NoteFormValues = {}, problems: readonly string[] = []): CardJson {
  return card(
    `Nyt notat på ${caseReference}`,
    [
      { type: 'TextBlock', text: `Nyt notat · ${caseReference}`, weight: 'Bolder', size: 'Medium', wrap: true },
      ...problems.map((p) => ({ type: 'TextBlock', text: p, color: 'Attention', wrap: true })),
      {
        type: 'Input.ChoiceSet',
        id: 'kind',
        label: 'Type',
        isRequired: true,
        errorMessage: 'Vælg notatets type.',
        value: typed.kind ?? 'visit',
        choices: NOTE_KINDS.map((k) => ({ title: NOTE_KIND_LABELS[k], value: k })),
      },
      { type: 'Input.Date', id: 'date', label: 'Dato', isRequired: true, errorMessage: 'Vælg datoen.', value: typed.date ?? today },
      { type: 'Input.Number', id: 'minutes', label: 'Tidsforbrug (minutter)', isRequired: true, min: 0, max: 1440, errorMessage: 'Skriv minutter som et tal.', value: typed.minutes ?? '' },
      { type: 'Input.Text', id: 'text', label: 'Notat', isMultiline: true, isRequired: true, errorMessage: 'Skriv notatet.', maxLength: 20000, value: typed.text ?? '' },
      { type: 'TextBlock', text: 'Skriv ikke CPR-numre i notatet.', isSubtle: true, size: 'Small', wrap: true },
    ],
    [action('Gem notat', NOTE_VERBS.noteAdd, { caseReference, noteId }, 'positive')],
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

const number = (n: number) => n.toLocaleString('da-DK', { maximumFractionDigits: 2 });
const granted = (min: number | undefined, max: number) => (min !== undefined && min !== max ? `${number(min)}–${number(max)}` : number(max));

/** Scope used against scope granted, as lines a caseworker reads on the case card. */
export function scopeUsageLines(usage: ScopeUsage): string[] {
  const lines: string[] = [];
  if (usage.visits) {
    const v = usage.visits;
    const meetings = v.meetingsCountedAsVisits ? ` (heraf ${v.meetingsCountedAsVisits} ${v.meetingsCountedAsVisits === 1 ? 'tværfagligt møde, der tæller' : 'tværfaglige møder, der tæller'} som besøg)` : '';
    lines.push(`Besøg denne uge: ${number(v.thisWeek)} af ${granted(v.grantedMin, v.grantedMax)} bevilget pr. uge; gennemsnit ${number(v.averagePerWeek)} pr. uge${meetings}${v.overThisWeek ? ' – over det bevilgede' : ''}. [${v.passage}]`);
  }
  if (usage.hours) {
    const h = usage.hours;
    lines.push(`Timer denne uge: ${number(h.thisWeek)} af højst ${number(h.grantedMax)} bevilget pr. uge; gennemsnit ${number(h.averagePerWeek)} pr. uge${h.overThisWeek ? ' – over det bevilgede' : ''}. [${h.passage}]`);
  }
  if (usage.weeks) {
    const w = usage.weeks;
    lines.push(`Uger brugt: ${w.used} af ${w.max}${w.over ? ' – forløbet er over det bevilgede' : ''}. [${w.passage}]`);
  }
  return lines;
}

/** The case card with the scope used and the "Tilføj notat" action added. */
export function withNotesOnCaseCard(caseCard: CardJson, caseReference: string, usage: ScopeUsage | undefined, noteCount: number): CardJson {
  const body = Array.isArray(caseCard.body) ? [...(caseCard.body as CardJson[])] : [];
  const lines = usage ? scopeUsageLines(usage) : [];
  body.push({
    type: 'Container',
    separator: true,
    items: [
      { type: 'TextBlock', text: `Omfang brugt (${noteCount} ${noteCount === 1 ? 'notat' : 'notater'})`, weight: 'Bolder', wrap: true },
      ...(lines.length ? lines : ['Intet bevilget omfang at måle imod.']).map((text) => ({ type: 'TextBlock', text, wrap: true })),
    ],
  });
  const actions = Array.isArray(caseCard.actions) ? [...(caseCard.actions as CardJson[])] : [];
  actions.push(action('Tilføj notat', NOTE_VERBS.noteForm, { caseReference }));
  actions.push(action('Resumé af notater', NOTE_VERBS.notesSummary, { caseReference }));
  return { ...caseCard, body, actions };
}

export interface SummaryView {
  caseReference: string;
  summary: string;
  passages: readonly { id: string; why: string }[];
  producedBy: string;
  method: 'model' | 'extractive';
  noteCount: number;
}

export function notesSummaryCard(s: SummaryView): CardJson {
  const label = s.method === 'model' ? `Lavet af sprogmodellen ${s.producedBy}` : `Uddrag af notaterne – ${s.producedBy}`;
  return card(`Resumé af notater på ${s.caseReference} (${s.producedBy})`, [
    { type: 'TextBlock', text: `Resumé af notater · ${s.caseReference}`, weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: `${label} · ${s.noteCount} ${s.noteCount === 1 ? 'notat' : 'notater'}`, isSubtle: true, size: 'Small', wrap: true },
    { type: 'TextBlock', text: s.summary || 'Sagen har ingen notater endnu.', wrap: true },
    ...(s.passages.length
      ? [
          { type: 'TextBlock', text: 'Afsnit i standarden', weight: 'Bolder', wrap: true },
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
export function notesSummaryPendingCard(caseReference: string): CardJson {
  return card(
    `Resuméet af notater på ${caseReference} laves`,
    [
      { type: 'TextBlock', text: `Resumé af notater · ${caseReference}`, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: 'Resuméet laves … Det tager lidt længere end normalt, fordi sprogmodellen arbejder.', wrap: true },
      { type: 'TextBlock', text: 'Kortet her skiftes ud med resuméet, så snart det er klar. Du kan roligt arbejde videre imens.', isSubtle: true, wrap: true },
    ],
    [action('Vis resuméet', NOTE_VERBS.notesSummary, { caseReference })],
  );
}

/** When the summary could not be made at all (not even without the model), say so and offer to try again. */
export function notesSummaryFailedCard(caseReference: string): CardJson {
  return card(
    `Resuméet af notater på ${caseReference} kunne ikke laves`,
    [
      { type: 'TextBlock', text: `Resumé af notater · ${caseReference}`, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: 'Resuméet kunne ikke laves lige nu. Notaterne er gemt som før. Prøv igen om lidt.', wrap: true, color: 'Attention' },
    ],
    [action('Prøv igen', NOTE_VERBS.notesSummary, { caseReference })],
  );
}
