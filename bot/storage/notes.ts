import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { said } from '../said.js';
import { maskCpr } from '../privacy/cpr.js';
import { noteSchema, type Note, type NoteKind } from '../../prompts/notes.js';
import type { NotesSummary, PreviousSummary } from '../../prompts/summarise.js';
import { writeAudit } from './audit.js';
import type { Clock } from './clock.js';
import type { Database, Queryable } from './database.js';
import { CaseNotFoundError, StorageInputError, storageInputErrorOf } from './input-errors.js';
import { refuseCpr } from './personal-data.js';
import { checkScope, isUuid, type TenantScope } from './scope.js';

/**
 * Case notes and the case's latest notes summary. Notes are written to open cases only; every
 * read and write leaves an audit row in the same transaction.
 */

export const NOTE_AUDIT_ACTIONS = {
  noteCreate: 'note.create',
  /** The same note submitted again (a retry after an answer that never arrived): nothing written. */
  noteRepeat: 'note.repeat',
  noteList: 'note.list',
  summarySave: 'summary.save',
  summaryRead: 'summary.read',
} as const;

const MAX_NOTE_CHARS = 20_000;

export const newNoteSchema = noteSchema.extend({
  minutes: z
    .number({ error: said('Skriv tidsforbruget i minutter som et tal.', 'Write the time spent in minutes as a number.') })
    .int({ error: said('Skriv tidsforbruget i hele minutter.', 'Write the time spent in whole minutes.') })
    .min(0, { error: said('Tidsforbruget kan ikke være negativt.', 'The time spent cannot be negative.') })
    .max(1440, { error: said('Tidsforbruget kan højst være 1440 minutter (et døgn).', 'The time spent can be at most 1440 minutes (a day).') }),
  text: noteSchema.shape.text.pipe(
    z.string().max(MAX_NOTE_CHARS, { error: said(`Notatet må højst være ${MAX_NOTE_CHARS} tegn. Del det i flere notater.`, `The note can be at most ${MAX_NOTE_CHARS} characters. Split it into several notes.`) }),
  ),
  authorName: z.string().trim().min(1).max(200),
  /**
   * The id the form was given when it was shown. Saving the same form again (the answer to the
   * first save was lost, and the person clicked again) finds the note already there instead of
   * writing it twice. Absent for notes without a form (a command, a reminder's review).
   */
  noteId: z
    .uuid({ error: said('Formularen kan ikke genkendes. Åbn »Tilføj notat« på sagen igen; din tekst står herunder.', 'The form cannot be recognised. Open »Add note« on the case again; your text is below.') })
    .optional(),
});
export type NewNote = z.input<typeof newNoteSchema>;

export interface NoteRecord extends Note {
  readonly noteId: string;
  readonly caseId: string;
  readonly minutes: number;
  readonly authorId: string;
  readonly authorName: string;
  readonly createdAt: Date;
}

export interface StoredSummary extends PreviousSummary {
  readonly method: 'model' | 'extractive';
  readonly template: { readonly id: string; readonly hash: string } | null;
  readonly createdBy: string;
  readonly createdAt: Date;
}

const NoteRowSchema = z.object({
  case_id: z.string(),
  note_id: z.string(),
  note_date: z.string(),
  kind: z.enum(['visit', 'phone', 'meeting', 'interdisciplinary-meeting', 'observation']),
  minutes: z.number(),
  text: z.string(),
  author_id: z.string(),
  author_name: z.string(),
  created_at: z.date(),
});
const NOTE_COLUMNS = "case_id::text, note_id::text, to_char(note_date, 'YYYY-MM-DD') AS note_date, kind, minutes, text, author_id, author_name, created_at";

function toNote(row: unknown): NoteRecord {
  const r = NoteRowSchema.parse(row);
  return {
    caseId: r.case_id,
    noteId: r.note_id,
    date: r.note_date,
    kind: r.kind satisfies NoteKind,
    minutes: r.minutes,
    text: r.text,
    authorId: r.author_id,
    authorName: r.author_name,
    createdAt: r.created_at,
  };
}

const SummaryRowSchema = z.object({
  summary: z.string(),
  passages: z.array(z.object({ id: z.string(), why: z.string() })),
  produced_by: z.string(),
  method: z.enum(['model', 'extractive']),
  template_id: z.string().nullable(),
  template_hash: z.string().nullable(),
  covered_note_keys: z.array(z.string()),
  created_by: z.string(),
  created_at: z.date(),
});

function toSummary(row: unknown): StoredSummary {
  const r = SummaryRowSchema.parse(row);
  return {
    summary: r.summary,
    passages: r.passages,
    producedBy: r.produced_by,
    method: r.method,
    template: r.template_id && r.template_hash ? { id: r.template_id, hash: r.template_hash } : null,
    coveredNoteKeys: r.covered_note_keys,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

/** Locks the case row, so a note and a closing of the case do not cross. */
async function requireOpenCase(tx: Queryable, scope: TenantScope, caseId: string): Promise<void> {
  const [c] = await tx.query<{ status: string }>('SELECT status FROM cases WHERE tenant_id = $1 AND case_id = $2::uuid FOR UPDATE', [scope.tenantId, caseId]);
  if (!c) throw new CaseNotFoundError();
  if (c.status !== 'open') {
    throw new StorageInputError(
      'note.case-closed',
      'Sagen er lukket, så der kan ikke skrives nye notater i den. Dit notat er ikke gemt – kopier teksten, hvis du vil bruge den et andet sted.',
      'The case is closed, so no new notes can be written in it. Your note is not saved – copy the text if you want to use it elsewhere.',
    );
  }
}

/**
 * A note on an open case with its audit row, inside the caller's transaction: the store's `add`, and
 * a reminder's review, whose note is written together with the completed review. Refuses invalid
 * input, CPR numbers and closed cases with a Danish StorageInputError; nothing is written then.
 */
export async function addNoteIn(tx: Queryable, scope: TenantScope, caseId: string, input: NewNote, at: Date): Promise<NoteRecord> {
  checkScope(scope);
  if (!isUuid(caseId)) throw new CaseNotFoundError();
  const parsed = newNoteSchema.safeParse(input);
  if (!parsed.success) throw storageInputErrorOf('note.invalid', parsed.error.issues);
  const note = parsed.data;
  refuseCpr(note.text, { da: 'Notatet', en: 'The note' });
  await requireOpenCase(tx, scope, caseId);
  const noteId = note.noteId ?? randomUUID();
  const [row] = await tx.query(
    `INSERT INTO case_notes (tenant_id, case_id, note_id, note_date, kind, minutes, text, author_id, author_name, created_at)
     VALUES ($1, $2::uuid, $3::uuid, $4::date, $5, $6, $7, $8, $9, $10::timestamptz)
     ON CONFLICT (tenant_id, case_id, note_id) DO NOTHING RETURNING ${NOTE_COLUMNS}`,
    [scope.tenantId, caseId, noteId, note.date, note.kind, note.minutes, note.text, scope.actorId, note.authorName, at.toISOString()],
  );
  if (row) {
    await writeAudit(tx, scope, NOTE_AUDIT_ACTIONS.noteCreate, [caseId], { kind: note.kind, minutes: note.minutes });
    return toNote(row);
  }
  // The form's id is taken: the same person saving the same note again gets the note already
  // stored. Anything else (the text changed since, another author) is kept as a note of its own,
  // so nothing typed is lost and nothing is stored twice.
  const [existing] = await tx.query(`SELECT ${NOTE_COLUMNS} FROM case_notes WHERE tenant_id = $1 AND case_id = $2::uuid AND note_id = $3::uuid`, [scope.tenantId, caseId, noteId]);
  const stored = existing ? toNote(existing) : undefined;
  if (stored && stored.authorId === scope.actorId && sameNote(stored, note)) {
    await writeAudit(tx, scope, NOTE_AUDIT_ACTIONS.noteRepeat, [caseId], { kind: note.kind, minutes: note.minutes });
    return stored;
  }
  return addNoteIn(tx, scope, caseId, { ...input, noteId: undefined }, at);
}

function sameNote(stored: NoteRecord, note: z.output<typeof newNoteSchema>): boolean {
  return stored.date === note.date && stored.kind === note.kind && stored.minutes === note.minutes && stored.text === note.text;
}

export function noteStore(db: Database, clock: Clock) {
  return {
    /** A note on an open case. Refuses CPR numbers, with a Danish message saying what to do. */
    async add(scope: TenantScope, caseId: string, input: NewNote): Promise<NoteRecord> {
      checkScope(scope);
      if (!isUuid(caseId)) throw new CaseNotFoundError();
      return db.transaction((tx) => addNoteIn(tx, scope, caseId, input, clock()));
    },

    /** The case's notes, oldest first (by date, then as written). */
    async list(scope: TenantScope, caseId: string): Promise<NoteRecord[]> {
      checkScope(scope);
      if (!isUuid(caseId)) return [];
      return db.transaction(async (tx) => {
        const rows = await tx.query(`SELECT ${NOTE_COLUMNS} FROM case_notes WHERE tenant_id = $1 AND case_id = $2::uuid ORDER BY note_date, seq`, [scope.tenantId, caseId]);
        await writeAudit(tx, scope, NOTE_AUDIT_ACTIONS.noteList, [caseId], { count: rows.length });
        return rows.map(toNote);
      });
    },

    /** Keeps a summary as the case's latest. A CPR-like number a model may have made up is masked. */
    async saveSummary(scope: TenantScope, caseId: string, summary: NotesSummary): Promise<StoredSummary> {
      checkScope(scope);
      if (!isUuid(caseId)) throw new CaseNotFoundError();
      return db.transaction(async (tx) => {
        const [c] = await tx.query('SELECT 1 FROM cases WHERE tenant_id = $1 AND case_id = $2::uuid', [scope.tenantId, caseId]);
        if (!c) throw new CaseNotFoundError();
        const passages = summary.passages.map((p) => ({ id: p.id, why: maskCpr(p.why) }));
        const [row] = await tx.query(
          `INSERT INTO case_summaries (tenant_id, case_id, summary, passages, produced_by, method, template_id, template_hash, covered_note_keys, created_by, created_at)
           VALUES ($1, $2::uuid, $3, $4::jsonb, $5, $6, $7, $8, $9::jsonb, $10, $11::timestamptz)
           ON CONFLICT (tenant_id, case_id) DO UPDATE SET summary = EXCLUDED.summary, passages = EXCLUDED.passages,
             produced_by = EXCLUDED.produced_by, method = EXCLUDED.method, template_id = EXCLUDED.template_id,
             template_hash = EXCLUDED.template_hash, covered_note_keys = EXCLUDED.covered_note_keys,
             created_by = EXCLUDED.created_by, created_at = EXCLUDED.created_at
           RETURNING summary, passages, produced_by, method, template_id, template_hash, covered_note_keys, created_by, created_at`,
          [
            scope.tenantId,
            caseId,
            maskCpr(summary.summary),
            JSON.stringify(passages),
            summary.producedBy,
            summary.method,
            summary.template?.id ?? null,
            summary.template?.hash ?? null,
            JSON.stringify(summary.coveredNoteKeys),
            scope.actorId,
            clock().toISOString(),
          ],
        );
        await writeAudit(tx, scope, NOTE_AUDIT_ACTIONS.summarySave, [caseId], { method: summary.method, notes: summary.coveredNoteKeys.length });
        return toSummary(row);
      });
    },

    /** The case's latest summary, or null; pass it as `previous` to make the next one incrementally. */
    async latestSummary(scope: TenantScope, caseId: string): Promise<StoredSummary | null> {
      checkScope(scope);
      if (!isUuid(caseId)) return null;
      return db.transaction(async (tx) => {
        const [row] = await tx.query(
          `SELECT summary, passages, produced_by, method, template_id, template_hash, covered_note_keys, created_by, created_at
           FROM case_summaries WHERE tenant_id = $1 AND case_id = $2::uuid`,
          [scope.tenantId, caseId],
        );
        if (!row) return null;
        await writeAudit(tx, scope, NOTE_AUDIT_ACTIONS.summaryRead, [caseId]);
        return toSummary(row);
      });
    },
  };
}

export type NoteStore = ReturnType<typeof noteStore>;
