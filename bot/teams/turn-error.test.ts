import { describe, expect, it } from 'vitest';
import type { TurnContext } from 'botbuilder';
import { createLogger } from '../logger.js';
import { StorageUnavailableError } from '../storage/errors.js';
import { danishIn } from '../../test/support/language.js';
import { createTurnErrorHandler, TURN_FAILED } from './turn-error.js';

/** A turn that failed, as the handler sees it: what it sends back is recorded. */
function failedTurn(activity: Record<string, unknown>): { context: TurnContext; sent: unknown[] } {
  const sent: unknown[] = [];
  const context = {
    activity: { conversation: { conversationType: 'personal', tenantId: 't' }, ...activity },
    sendActivity: async (a: unknown) => void sent.push(a),
  } as unknown as TurnContext;
  return { context, sent };
}

const handler = createTurnErrorHandler(createLogger('silent'));
const textOf = (sent: unknown[]): string => {
  const a = sent[0] as string | { value?: { body?: { value?: string } } };
  return typeof a === 'string' ? a : (a.value?.body?.value ?? '');
};

describe('the turn-failure message', () => {
  it.each([
    ['a message', { type: 'message' }],
    ['a card action', { type: 'invoke', name: 'adaptiveCard/action' }],
  ])('after %s is in English for an English Teams, with nothing Danish in it', async (_what, activity) => {
    const { context, sent } = failedTurn({ ...activity, locale: 'en-US' });
    await handler(context, new Error('boom'));
    expect(textOf(sent)).toBe(TURN_FAILED.en);
    expect(textOf(sent)).toMatch(/^Sorry, something went wrong/);
    expect(danishIn(textOf(sent))).toEqual([]);
  });

  it('is Danish for a Danish Teams and when the client says no language', async () => {
    for (const locale of ['da-DK', undefined]) {
      const { context, sent } = failedTurn({ type: 'message', locale });
      await handler(context, new Error('boom'));
      expect(textOf(sent)).toBe(TURN_FAILED.da);
      expect(textOf(sent)).toMatch(/^Beklager, der skete en fejl hos Familiestøtte/);
    }
  });

  it("says an error's own words for people (the database away) in the reader's language", async () => {
    const away = new StorageUnavailableError(new Error('ECONNREFUSED'));
    const en = failedTurn({ type: 'message', locale: 'en-GB' });
    await handler(en.context, away);
    expect(textOf(en.sent)).toBe(away.userMessageEn);
    expect(danishIn(textOf(en.sent))).toEqual([]);
    const da = failedTurn({ type: 'message', locale: 'da-DK' });
    await handler(da.context, away);
    expect(textOf(da.sent)).toBe(away.userMessage);
  });
});
