import { containsCprLike } from '../privacy/cpr.js';
import { StorageInputError } from './input-errors.js';

/**
 * The last line before the disk: no CPR number is written in any free text or JSON we store
 * (databeskyttelsesloven § 11), whatever edge it came through.
 */
export function refuseCpr(value: unknown, what: string): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? null);
  if (containsCprLike(text)) {
    throw new StorageInputError(
      'personal-data.cpr',
      `${what} indeholder noget, der ligner et CPR-nummer, og CPR-numre må ikke gemmes. Fjern det og prøv igen – resten af det, du har skrevet, kan du bruge igen.`,
    );
  }
}
