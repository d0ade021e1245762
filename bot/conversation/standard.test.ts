import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText } from '../../test/support/card-json.js';
import { testDatabase, type TestDatabase } from '../../test/support/db.js';
import { createLogger } from '../logger.js';
import { standardRules } from '../rules-binding.js';
import { createStandardIndex } from '../search/standard-index.js';
import { createStorage } from '../storage/storage.js';
import { createViews } from './card-views.js';
import { createConversation } from './index.js';
import type { TurnContextInfo } from './types.js';

describe('"standard <spørgsmål>" in a chat', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(() => db.close());

  const info: TurnContextInfo = {
    tenantId: 'tenant-a',
    userId: 'aad-user-1',
    userName: 'Sagsbehandler Et',
    locale: 'da-DK',
    conversation: { id: 'a:1', kind: 'personal', serviceUrl: 'http://127.0.0.1:1/' },
    mentioned: false,
  };

  it('answers with the passages that best answer the question, verbatim, with their ids', async () => {
    const conversation = createConversation({
      storage: createStorage(db),
      views: createViews(),
      rules: standardRules,
      passages: createStandardIndex(),
      clock: () => new Date('2025-03-10T09:00:00Z'),
      logger: createLogger('silent'),
    });
    const replies = await conversation.onMessage(info, 'standard Kan tværfaglige møder erstatte besøg?');
    expect(replies).toHaveLength(1);
    const reply = replies[0]!;
    expect(reply.kind).toBe('card');
    const text = cardText(reply.kind === 'card' ? reply.card : {});
    expect(text).toContain('Det siger standarden');
    expect(text).toContain('Deltagelse i tværfaglige møder kan erstatte besøg.');
    expect(text).toContain('pps.saerlige.tvaerfaglige-moeder');
  });
});
