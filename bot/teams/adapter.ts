import { AsyncLocalStorage } from 'node:async_hooks';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type InvokeResponse,
  type Request,
  type Response,
  type TurnContext,
} from 'botbuilder';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { createTurnErrorHandler } from './turn-error.js';

type Authenticated = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
export type CallerCheck = { ok: true; caller: Authenticated } | { ok: false; reason: string };

/** The caller of the request being processed, checked before the SDK sees the request. */
const checkedCaller = new AsyncLocalStorage<Authenticated>();

/**
 * The SDK answers only its own AuthenticationError with 401; a token the JWT library rejects
 * (alg none, HS256, expired, wrong audience…) becomes a 500 carrying the library's message.
 * Here the token is checked first, so every failure is ours to answer, and the turn reuses the
 * result instead of checking the token twice.
 */
export class TeamsAdapter extends CloudAdapter {
  constructor(
    auth: ConfigurationBotFrameworkAuthentication,
    private readonly logger: Logger,
  ) {
    super(auth);
  }

  async checkCaller(activity: unknown, authorization: string): Promise<CallerCheck> {
    try {
      return { ok: true, caller: await this.botFrameworkAuthentication.authenticateRequest(activity as Activity, authorization) };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.name : 'unknown' };
    }
  }

  /** `process` for a request whose caller `checkCaller` accepted. */
  processChecked(caller: Authenticated, req: Request, res: Response, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    return checkedCaller.run(caller, () => this.process(req, res, logic));
  }

  protected override async processActivity(
    auth: string | Authenticated,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    try {
      return await super.processActivity((checkedCaller.getStore() ?? auth) as Authenticated, activity, logic);
    } catch (error) {
      // The SDK would send the error's message as the 500 body; an empty message sends none.
      const err = error as Error;
      this.logger.error({ err: { name: err?.name, message: err?.message } }, 'turn could not run');
      throw new Error('');
    }
  }
}

/**
 * The adapter authenticates every inbound request against the bot registration in `config`.
 * Without an app id (ALLOW_UNAUTHENTICATED_LOCAL, local runs and tests) it accepts
 * unauthenticated requests, as the Bot Framework does for emulators; with one, a request
 * without a valid token gets 401.
 */
export function createAdapter(config: Config, logger: Logger): TeamsAdapter {
  const settings: Record<string, string> = { MicrosoftAppType: config.bot.appType };
  if (config.bot.appId) settings.MicrosoftAppId = config.bot.appId;
  if (config.bot.appPassword) settings.MicrosoftAppPassword = config.bot.appPassword;
  if (config.bot.tenantId) settings.MicrosoftAppTenantId = config.bot.tenantId;
  const adapter = new TeamsAdapter(new ConfigurationBotFrameworkAuthentication(settings), logger);
  adapter.onTurnError = createTurnErrorHandler(logger);
  return adapter;
}
