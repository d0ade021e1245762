import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * Prompt templates are versioned files (`templates/<name>.v<n>.md`): a changed prompt gets a new
 * file, and every summary records the template id and the hash of its exact bytes, so one can
 * tell later which words produced it.
 */
export interface PromptTemplate {
  readonly id: string;
  /** sha256 of the template file, hex. */
  readonly hash: string;
  readonly system: string;
  readonly user: string;
}

const cache = new Map<string, PromptTemplate>();

export function loadTemplate(id: string): PromptTemplate {
  const cached = cache.get(id);
  if (cached) return cached;
  if (!/^[a-z0-9-]+\.v\d+$/.test(id)) throw new Error(`Ugyldigt skabelon-id: ${id}`);
  const bytes = readFileSync(new URL(`./templates/${id}.md`, import.meta.url));
  const text = bytes.toString('utf8');
  const sections = /^## system\n([\s\S]*?)\n## user\n([\s\S]*)$/.exec(text);
  if (!sections) throw new Error(`Skabelonen ${id} skal have afsnittene "## system" og "## user".`);
  const template = {
    id,
    hash: createHash('sha256').update(bytes).digest('hex'),
    system: sections[1]!.trim(),
    user: sections[2]!.trim(),
  };
  cache.set(id, template);
  return template;
}

/** Fills {{name}} slots; a slot without a value is an error, not an empty string. */
export function render(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`Skabelonen mangler en værdi for {{${name}}}.`);
    return value;
  });
}
