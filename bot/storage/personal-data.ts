import { containsCprLike } from '../privacy/cpr.js';
import type { Localized } from '../../cards/locale.js';
import { StorageInputError } from './input-errors.js';

/**
 * The last line before the disk: no CPR number is written in any free text or JSON we store
 * (databeskyttelsesloven § 11), whatever edge it came through.
 */
export function refuseCpr(value: unknown, what: Localized): void {
  const text = typeof value === 'string' ? value : JSON.stringify(value ?? null);
  if (containsCprLike(text)) {
    throw new StorageInputError(
      'personal-data.cpr',
      `${what.da} indeholder noget, der ligner et CPR-nummer, og CPR-numre må ikke gemmes. Fjern det og prøv igen – resten af det, du har skrevet, kan du bruge igen.`,
      `${what.en} contains something that looks like a CPR number, and CPR numbers must not be stored. Remove it and try again – you can use the rest of what you wrote again.`,
    );
  }
}
