import { createHash } from 'node:crypto';
import type { Standard } from '../../rules/standard/schema.js';

/** Which standard decided: its own id and version, and the hash of exactly what was read. */
export interface StandardRef {
  id: string;
  version: string;
  /** sha256 of the standard's canonical JSON: an edit without a new version still shows. */
  hash: string;
}

/** A standard read and checked, with its reference. */
export interface LoadedStandard {
  standard: Standard;
  ref: StandardRef;
}

/** Keys sorted at every level, so the hash is the content's and not the file's layout. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function contentHash(standard: Standard): string {
  return createHash('sha256').update(canonical(standard)).digest('hex');
}

export function loaded(standard: Standard): LoadedStandard {
  return { standard, ref: { id: standard.id, version: standard.version, hash: contentHash(standard) } };
}
