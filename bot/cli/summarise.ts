/**
 * `npm run --silent summarise -- FILE`: the notes summary for a file of notes
 * ({ "notes": [{ "date", "kind", "text" }], "names": [..] }), printed as
 * { "summary", "passages": [{ "id", "why" }], "producedBy" }. Uses the same language-model
 * configuration as the bot; with LLM_MODEL unset nothing is sent and the summary is extractive.
 */
import { readFile } from 'node:fs/promises';
import pino from 'pino';
import { z } from 'zod';
import { createChatModel } from '../../prompts/client.js';
import { LlmConfigError, readLlmConfig } from '../../prompts/config.js';
import { loadDanishWords } from '../../prompts/danish-words.js';
import { noteSchema } from '../../prompts/notes.js';
import { summariseNotes } from '../../prompts/summarise.js';
import { createStandardIndex } from '../search/standard-index.js';

const fileSchema = z.object({
  notes: z.array(noteSchema),
  names: z.array(z.string()).default([]),
});

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

const path = process.argv[2];
if (!path) fail('Angiv en fil med notater: npm run --silent summarise -- noter.json');

let raw: string;
try {
  raw = await readFile(path, 'utf8');
} catch {
  fail(`Filen ${path} kunne ikke læses. Tjek stien og prøv igen.`);
}
let json: unknown;
try {
  json = JSON.parse(raw);
} catch {
  fail(`Filen ${path} er ikke gyldig JSON.`);
}
const input = fileSchema.safeParse(json);
if (!input.success) {
  fail(`Filen ${path} har ikke den forventede form:\n${input.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`).join('\n')}`);
}

let config;
try {
  config = readLlmConfig();
} catch (error) {
  if (error instanceof LlmConfigError) fail(error.message);
  throw error;
}

// Warnings go to stderr, so stdout stays the JSON result alone.
const log = pino({ name: 'summarise' }, pino.destination(2));
const result = await summariseNotes(input.data, {
  passages: createStandardIndex(),
  ...(config.kind === 'off' ? {} : { model: createChatModel(config), knowsWord: await loadDanishWords() }),
  log,
});
const { summary, passages, producedBy } = result;
process.stdout.write(`${JSON.stringify({ summary, passages, producedBy }, null, 2)}\n`);
