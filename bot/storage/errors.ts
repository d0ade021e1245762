/**
 * Storage errors the rest of the bot can act on. Callers catch these by class, never by
 * driver message text, so a switch between PGlite and PostgreSQL changes nothing above here.
 */

/** The database cannot be reached right now; the turn should be retried, nothing is lost. */
export class StorageUnavailableError extends Error {
  readonly code = 'storage.unavailable';
  /** Danish, for the person in the chat: what happened and what to do. */
  readonly userMessage = 'Familiestøtte kan ikke få fat i sin database lige nu. Prøv igen om et øjeblik – det, du har skrevet, er ikke gået tabt.';
  /** The same in English, for an English Teams. */
  readonly userMessageEn = 'Familiestøtte cannot reach its database right now. Try again in a moment – what you wrote has not been lost.';
  constructor(cause: unknown) {
    super('The database is unavailable', { cause });
    this.name = 'StorageUnavailableError';
  }
}

/** Node socket errors and PostgreSQL SQLSTATEs that mean "not reachable now", not "bad query". */
const UNAVAILABLE_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);
const UNAVAILABLE_SQLSTATE = new Set(['57P01', '57P02', '57P03', '53300', '53000', '3D000']);
const UNAVAILABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Cannot use a pool after calling end|PGlite is closed|Client was closed/i;

export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (UNAVAILABLE_ERRNO.has(code) || UNAVAILABLE_SQLSTATE.has(code)) return true;
    // Class 08: connection exceptions.
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  if (error instanceof AggregateError && error.errors.some(isUnavailable)) return true;
  return UNAVAILABLE_MESSAGE.test(error.message);
}

/** Rethrows driver errors as StorageUnavailableError when they mean the database is away. */
export function mapDriverError(error: unknown): unknown {
  return isUnavailable(error) ? new StorageUnavailableError(error) : error;
}

/** SQLSTATE of a PostgreSQL error from either driver, if it has one. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}
