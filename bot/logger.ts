import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Paths pino blanks wherever they appear in a log object. Secrets, tokens, and the
 * free text a caseworker typed (which may describe a family) never reach a log line.
 */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'appPassword',
  '*.appPassword',
  'MicrosoftAppPassword',
  'apiKey',
  '*.apiKey',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'token',
  '*.token',
  'text',
  '*.text',
  'value',
  '*.value',
];

export function createLogger(level: string = 'info', destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'familiestotte' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}
