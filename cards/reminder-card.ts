import * as ACData from 'adaptivecards-templating';
import template from './templates/reminder.json' with { type: 'json' };

/**
 * The reminder card posted in the case's thread. Every action is an Action.Execute, so the answer
 * replaces the card for the person who clicked; the bot also updates the posted activity so the
 * whole channel sees who acted. `refresh` makes a client that shows an old copy fetch the current
 * one, which is how a stale card learns it was already handled.
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
}

const ACTION_TEXT: Record<ReminderAction, string> = {
  continue: 'Gennemgang udført: indsatsen fortsætter',
  'change-level': 'Gennemgang udført: niveauet ændres',
  close: 'Gennemgang udført: sagen lukkes',
  snoozed: 'Udsat 1 uge',
};

export function danishDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}.${m}.${y}`;
}

export function danishTime(at: Date): string {
  return at.toLocaleString('da-DK', { timeZone: 'Europe/Copenhagen', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

function heading(data: ReminderCardData): string {
  if (data.notice === 'due') return `Frist i dag: ${data.caseRef}`;
  if (data.notice === 'snooze') return `Udsat påmindelse: ${data.caseRef}`;
  return `Kommende frist: ${data.caseRef}`;
}

export function reminderCard(data: ReminderCardData): Record<string, unknown> {
  const handled = data.handled
    ? { text: `${ACTION_TEXT[data.handled.action]} — ${data.handled.byName}, ${danishTime(data.handled.at)}${data.handled.reason ? ` (${data.handled.reason})` : ''}` }
    : null;
  const bound: Record<string, string | null> = {
    tenantId: data.tenantId,
    reminderId: String(data.reminderId),
    caseId: data.caseId,
    caseRef: data.caseRef,
    dueText: danishDate(data.due),
    task: data.task,
    passage: data.passage,
    heading: heading(data),
    handledText: handled?.text ?? null,
    notice: data.message ?? null,
    typedReason: data.typedReason ?? null,
    typedNote: data.typedNote ?? null,
  };
  return bind(bound);
}

/**
 * Expanding the template costs ~15 ms of CPU, which a sweep posting thousands of reminders cannot
 * afford. The card has few shapes (which optional parts are present), so each shape is expanded
 * once with a marker in every field, and each card is that JSON with the markers replaced by the
 * JSON-escaped values. The output is exactly what expanding with the values would give.
 */
const shapes = new Map<string, string>();

function bind(values: Record<string, string | null>): Record<string, unknown> {
  const present = Object.keys(values).filter((k) => values[k] !== null);
  const key = present.join(',');
  let json = shapes.get(key);
  if (json === undefined) {
    const markers = Object.fromEntries(present.map((k) => [k, `\u27E6${k}\u27E7`]));
    const data = { ...markers, handled: 'handledText' in markers ? { text: markers.handledText } : null, notice: markers.notice ?? null, typedReason: markers.typedReason ?? null, typedNote: markers.typedNote ?? null };
    json = JSON.stringify(prune(new ACData.Template(template).expand({ $root: data })));
    shapes.set(key, json);
  }
  const filled = json.replace(/\u27E6(\w+)\u27E7/g, (_, name: string) => JSON.stringify(values[name] ?? '').slice(1, -1));
  return JSON.parse(filled) as Record<string, unknown>;
}

/** Elements whose `$when` was false come back as null; drop them so the card stays valid. */
function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(prune);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, prune(v)]));
  return value;
}
