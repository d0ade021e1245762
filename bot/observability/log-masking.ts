import { maskCpr } from '../privacy/cpr.js';

/**
 * The last line before a log line is written: masks what must never be logged wherever it turns
 * up inside a string — in a message, an error's text or stack, a nested field. Path-based
 * redaction in the logger handles known fields; this catches the values that arrive in places
 * nobody planned for (a driver error quoting a row, a URL in an exception).
 */

const CREDENTIALS_IN_URL = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]+@/gi;
const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;
/** A JSON Web Token: three base64url parts, the first two starting with '{"' encoded. */
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const SECRET_ASSIGNMENT = /\b(password|passwd|pwd|secret|api[_-]?key|access[_-]?token)=([^\s&;]+)/gi;

export function maskText(text: string): string {
  return maskCpr(text)
    .replace(CREDENTIALS_IN_URL, '$1[redacted]@')
    .replace(BEARER, '$1 [redacted]')
    .replace(JWT, '[token]')
    .replace(SECRET_ASSIGNMENT, '$1=[redacted]');
}

const MAX_DEPTH = 8;

export function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskText(value);
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  if (value instanceof Error) return maskError(value, depth);
  if (value instanceof Date) return value;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskDeep(v, depth + 1)]));
}

/** A copy of the error, same class (so the log keeps its type), with its text masked. */
function maskError(error: Error, depth: number): Error {
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
  for (const [k, v] of Object.entries(error)) (copy as unknown as Record<string, unknown>)[k] = maskDeep(v, depth + 1);
  Object.defineProperty(copy, 'message', { value: maskText(error.message), enumerable: false, writable: true });
  if (error.stack) Object.defineProperty(copy, 'stack', { value: maskText(error.stack), enumerable: false, writable: true });
  if (error.cause !== undefined) Object.defineProperty(copy, 'cause', { value: maskDeep(error.cause, depth + 1), enumerable: false, writable: true });
  return copy;
}
