/**
 * `npm run --silent search -- "QUESTION"`: the passages of the standards that best answer a
 * question, best first, as a JSON array of { id, score, text } on stdout.
 */
import { createStandardIndex } from '../search/standard-index.js';

const question = process.argv.slice(2).join(' ').trim();
if (!question) {
  process.stderr.write('Skriv et spørgsmål, fx: npm run --silent search -- "Hvor længe kan intensiv støtte bevilges?"\n');
  process.exit(2);
}
const hits = createStandardIndex()
  .search(question)
  .map(({ id, score, text }) => ({ id, score, text }));
process.stdout.write(`${JSON.stringify(hits, null, 2)}\n`);
