import { format } from 'node:util';
import type { Logger } from '../logger.js';
import { maskText } from './log-masking.js';

/**
 * The Bot Framework SDK reports through console: whole errors with stack traces, token claims,
 * sometimes key material. Routed through the logger instead, as one short masked line without a
 * stack, so stderr stays clean and what is kept follows the same rules as our own log lines.
 */

const MAX_CHARS = 300;
/** Long runs of base64 or hex, as keys, signatures and secrets look. */
const KEY_LIKE = /[A-Za-z0-9+/_=-]{40,}/g;

function describe(value: unknown): string {
  // An error's name and first line, never its stack.
  if (value instanceof Error) return `${value.name}: ${(value.message ?? '').split('\n')[0]}`;
  return typeof value === 'string' ? value : format('%o', value);
}

export function consoleLine(args: unknown[]): string {
  const text = args.map(describe).join(' ').replace(/\s+/g, ' ').trim();
  const masked = maskText(text).replace(KEY_LIKE, '[redacted]');
  return masked.length > MAX_CHARS ? `${masked.slice(0, MAX_CHARS)}…` : masked;
}

/** Call once at start-up, after the logger exists. */
export function routeConsoleToLogger(logger: Logger): void {
  const log = logger.child({ source: 'console' });
  console.error = (...args: unknown[]) => log.warn(consoleLine(args));
  console.warn = (...args: unknown[]) => log.warn(consoleLine(args));
  console.log = (...args: unknown[]) => log.debug(consoleLine(args));
  console.info = (...args: unknown[]) => log.debug(consoleLine(args));
  console.debug = (...args: unknown[]) => log.debug(consoleLine(args));
  console.trace = (...args: unknown[]) => log.debug(consoleLine(args));
}
