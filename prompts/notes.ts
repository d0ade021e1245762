import { z } from 'zod';

/** The kinds of case note, as the issue names them; the Danish label is what people read. */
export const NOTE_KINDS = ['visit', 'phone', 'meeting', 'interdisciplinary-meeting', 'observation'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const NOTE_KIND_LABELS: Readonly<Record<NoteKind, string>> = {
  visit: 'Besøg',
  phone: 'Telefon',
  meeting: 'Møde',
  'interdisciplinary-meeting': 'Tværfagligt møde',
  observation: 'Observation',
};

// People writing a notes file by hand use the Danish words; both spellings are accepted.
const DANISH_KIND_ALIASES: Readonly<Record<string, NoteKind>> = {
  besøg: 'visit',
  hjemmebesøg: 'visit',
  telefon: 'phone',
  opkald: 'phone',
  møde: 'meeting',
  'tværfagligt møde': 'interdisciplinary-meeting',
  'tværfagligt-møde': 'interdisciplinary-meeting',
  observation: 'observation',
};

export const noteKindSchema = z.preprocess(
  (v) => (typeof v === 'string' ? (DANISH_KIND_ALIASES[v.trim().toLowerCase()] ?? v.trim()) : v),
  z.enum(NOTE_KINDS, { error: `Notatets type skal være en af: ${Object.values(NOTE_KIND_LABELS).join(', ')}.` }),
);

export const noteSchema = z.object({
  date: z.iso.date({ error: 'Notatets dato skal skrives som ÅÅÅÅ-MM-DD.' }),
  kind: noteKindSchema,
  text: z.string().trim().min(1, { error: 'Notatet er tomt.' }),
});
export type Note = z.infer<typeof noteSchema>;

/** Notes oldest first; notes of the same day keep the order they were given in. */
export function chronological(notes: readonly Note[]): Note[] {
  return notes
    .map((note, i) => ({ note, i }))
    .sort((a, b) => a.note.date.localeCompare(b.note.date) || a.i - b.i)
    .map(({ note }) => note);
}
