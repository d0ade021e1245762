import { TeamsActivityHandler, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { ConversationHandler } from '../conversation/handler.js';
import { ADAPTIVE_CARD_ACTION, handleCardAction } from './card-actions.js';
import type { FollowUps } from './follow-ups.js';
import { botIsAmong, handleInstalled, handleUninstalled } from './installation.js';
import { handleMessage } from './messages.js';
import { toTurnContextInfo } from './turn-info.js';
import { COMPOSE_EXTENSION_QUERY, handleFindCase } from './message-extension.js';

/**
 * Routes activities to the handlers for each concern; it holds no state of its own, so any
 * instance can take any turn.
 */
export class FamiliestotteBot extends TeamsActivityHandler {
  constructor(
    private readonly conversation: ConversationHandler,
    private readonly followUps: FollowUps,
  ) {
    super();
    this.onMessage(async (context, next) => {
      await handleMessage(context, this.conversation, this.followUps);
      await next();
    });
    // Teams sends both a conversationUpdate and an installationUpdate on install; greet on one:
    // the installationUpdate, because it carries the client's locale and the conversationUpdate
    // need not (the Agents Playground's has none), so an English client was welcomed in Danish.
    // Someone joined or left a team (or the bot did): the cached roster of that team is stale, so
    // a removed member is refused at their next action, not when the cache would have expired.
    this.onConversationUpdate(async (context, next) => {
      const { membersAdded, membersRemoved } = context.activity;
      if ((membersAdded?.length ?? 0) > 0 || (membersRemoved?.length ?? 0) > 0) await this.conversation.onMembersChanged(toTurnContextInfo(context.activity));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if (botIsAmong(context, context.activity.membersAdded)) await handleInstalled(context, this.conversation, false);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await handleInstalled(context, this.conversation, true);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      if (botIsAmong(context, context.activity.membersRemoved)) await handleUninstalled(context, this.conversation);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await handleUninstalled(context, this.conversation);
      await next();
    });
  }

  /** Action.Execute is parsed with our own schema, so a malformed value is a 400, not a crash. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === ADAPTIVE_CARD_ACTION) return handleCardAction(context, this.conversation, this.followUps);
    if (context.activity.name === COMPOSE_EXTENSION_QUERY) return handleFindCase(context, this.conversation);
    return super.onInvokeActivity(context);
  }
}
