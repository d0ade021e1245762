import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createTurnErrorHandler } from './turn-error.js';

/**
 * The adapter authenticates every inbound request against the bot registration in `config`.
 * Without an app id (local runs and tests) it accepts unauthenticated requests, as the
 * Bot Framework does for emulators; with one, a request without a valid token gets 401.
 */
export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const settings: Record<string, string> = { MicrosoftAppType: config.bot.appType };
  if (config.bot.appId) settings.MicrosoftAppId = config.bot.appId;
  if (config.bot.appPassword) settings.MicrosoftAppPassword = config.bot.appPassword;
  if (config.bot.tenantId) settings.MicrosoftAppTenantId = config.bot.tenantId;
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(settings));
  adapter.onTurnError = createTurnErrorHandler(logger);
  return adapter;
}
