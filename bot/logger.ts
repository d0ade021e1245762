import { pino, type Logger } from 'pino';
import { maskDeep, maskText } from './observability/log-masking.js';

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
  // Names of people, in the fields activities and cases carry them.
  'from.name',
  '*.from.name',
  'activity.from.name',
  'userName',
  '*.userName',
  'caseworkerName',
  '*.caseworkerName',
  'childPseudonym',
  '*.childPseudonym',
  // Connection strings and other secrets.
  'databaseUrl',
  '*.databaseUrl',
  'DATABASE_URL',
  'connectionString',
  '*.connectionString',
  'secret',
  '*.secret',
  'clientSecret',
  '*.clientSecret',
  'accessToken',
  '*.accessToken',
  'headers.cookie',
  '*.headers.cookie',
];

export function createLogger(level: string = 'info', destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: 'familiestotte' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // CPR numbers, credentials in URLs and tokens are masked wherever they appear in a string.
    formatters: { log: (object) => maskDeep(object) as Record<string, unknown> },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === 'string' ? maskText(a) : a)) as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
