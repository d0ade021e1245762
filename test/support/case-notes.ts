import type { Note } from '../../prompts/notes.js';

/** The family's names as registered on the case. */
export const FAMILY_NAMES = ['Mette Sørensen', 'Kasper Holm', 'Oliver'];

/** Personal data spread through the notes below, none of which may reach a language model. */
export const SECRETS = [
  '010203-1234',
  '1402151234',
  '20 30 40 50',
  '+45 71 82 93 04',
  'mette.s@example.dk',
  'kasper_holm@mail.dk',
  'Vestergade 12, 2. th',
  'Nørrebrogade 3B',
  'Mette',
  'Sørensen',
  'Kasper',
  'Holm',
  'Oliver',
  'Birgitte',
];

export const PRIVATE_NOTES: Note[] = [
  {
    date: '2025-01-06',
    kind: 'visit',
    text: 'Hjemmebesøg hos Mette Sørensen på Vestergade 12, 2. th. Oliver (CPR 010203-1234) sov ikke til middag og var svært trøstbart. Mette fortæller om en fødselsdepression efter første barn.',
  },
  {
    date: '2025-01-09',
    kind: 'phone',
    text: 'Mor ringede fra 20 30 40 50. Kasper Holm er flyttet til Nørrebrogade 3B og kan nås på +45 71 82 93 04 eller kasper_holm@mail.dk.',
  },
  {
    date: '2025-01-15',
    kind: 'interdisciplinary-meeting',
    text: 'Tværfagligt møde med sundhedsplejersken, hvor også Birgitte fra vuggestuen deltog. Olivers søster har CPR 1402151234. Aftalt at Mette skriver til mette.s@example.dk-adressen med referat.',
  },
  {
    date: '2025-01-20',
    kind: 'observation',
    text: 'Oliver søger kun lidt kontakt og har svingende rytme. Forældrene mangler viden om børns udvikling.',
  },
];

const TOPICS = [
  'Vi talte om rytme omkring måltider og sovetider, og mor afprøver faste tider i ugen, der kommer.',
  'Barnet var uroligt ved besøget, og vi øvede at læse barnets signaler sammen med forældrene.',
  'Forældrene fortalte om konflikter, der begynder at præge relationen til barnet; vi aftalte at tale om det igen.',
  'Vuggestuen oplever barnet som passivt og svært trøstbart om morgenen; vi følger op ved næste møde.',
  'Mor fortalte, at hun ofte føler sig nedtrykt og trist, og at netværket er svagt.',
  'Vi legede med sproget og dialogisk højtlæsning, og far deltog aktivt og spurgte ind til, hvordan han kan fortsætte.',
];

const KINDS: Note['kind'][] = ['visit', 'visit', 'phone', 'meeting', 'interdisciplinary-meeting', 'observation'];

/** A long case: n notes over several months, every kind present, each of a realistic length. */
export function longCase(n: number): Note[] {
  const start = Date.UTC(2025, 0, 6);
  return Array.from({ length: n }, (_, i) => ({
    date: new Date(start + i * 4 * 86_400_000).toISOString().slice(0, 10),
    kind: KINDS[i % KINDS.length]!,
    text: `Notat ${i + 1}. ${TOPICS[i % TOPICS.length]} ${TOPICS[(i + 2) % TOPICS.length]} ${TOPICS[(i + 4) % TOPICS.length]} Næste besøg er aftalt til om en uge.`,
  }));
}
