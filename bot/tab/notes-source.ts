import type { NoteStore } from '../storage/notes.js';
import type { ContactNote } from '../summary/scope-usage.js';
import type { NotesSource } from './case-source.js';

/** The note kinds as the summary counts them against the grant. */
const CONTACT_KIND: Record<string, ContactNote['kind']> = {
  visit: 'visit',
  meeting: 'visit',
  'interdisciplinary-meeting': 'meeting',
  phone: 'call',
  observation: 'other',
};

/** The case's notes and its latest notes summary from storage, as the case summary reads them. */
export function storedNotes(notes: NoteStore): NotesSource {
  return {
    async forCase(scope, caseId) {
      const [list, latest] = await Promise.all([notes.list(scope, caseId), notes.latestSummary(scope, caseId)]);
      return {
        notes: list.map((n) => ({ date: n.date, kind: CONTACT_KIND[n.kind] ?? 'other', hours: n.minutes / 60 })),
        summary: latest && {
          text: latest.summary,
          producedBy: latest.method === 'model' ? `sprogmodellen ${latest.producedBy} (på pseudonymiserede notater)` : 'udtræk uden sprogmodel',
          at: latest.createdAt.toISOString(),
          noteCount: latest.coveredNoteKeys.length,
        },
      };
    },
  };
}
