/**
 * `npm run --silent passages`: every passage of both standards as one JSON array on stdout,
 * so an operator (or a script) can read exactly what the decisions cite.
 */
import { PASSAGES } from '../../rules/passages/index.js';

const records = PASSAGES.map(({ id, source, heading, text }) => ({ id, source, heading, text }));
process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
