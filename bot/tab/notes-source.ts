import type { NoteStore } from '../storage/notes.js';
import type { NotesSource } from './case-source.js';

/** The case's notes and its latest notes summary from storage, as the case summary reads them. */
export function storedNotes(notes: NoteStore): NotesSource {
  return {
    async forCase(scope, caseId) {
      const [list, latest] = await Promise.all([notes.list(scope, caseId), notes.latestSummary(scope, caseId)]);
      return {
        notes: list.map((n) => ({ date: n.date, kind: n.kind, minutes: n.minutes })),
        summary: latest && {
          text: latest.summary,
          ...(latest.method === 'model'
            ? { producedBy: `sprogmodellen ${latest.producedBy} (på pseudonymiserede notater)`, producedByEn: `the language model ${latest.producedBy} (on pseudonymised notes)` }
            : { producedBy: 'udtræk uden sprogmodel', producedByEn: 'an extract (no language model)' }),
          byModel: latest.method === 'model',
          at: latest.createdAt.toISOString(),
          noteCount: latest.coveredNoteKeys.length,
        },
      };
    },
  };
}
