import { z } from 'zod';

/**
 * The shape every Bot Framework activity has, checked before the adapter sees the request: the
 * Bot Connector always sends these fields with these types, so anything else is not from Teams
 * and gets a 400 instead of reaching code that would trip over a number where a string belongs.
 * Only the envelope is checked here; what a card submits is parsed by the conversation.
 */
const Id = z.string().min(1).max(1_000);
const Account = z.looseObject({ id: Id, name: z.string().max(1_000).optional(), aadObjectId: z.string().max(200).optional() });

export const ActivityEnvelopeSchema = z.looseObject({
  type: z.string().min(1).max(100),
  id: z.string().max(1_000).optional(),
  channelId: z.string().min(1).max(100),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2_000),
  from: Account,
  recipient: Account.optional(),
  conversation: z.looseObject({ id: Id, tenantId: z.string().max(200).optional(), conversationType: z.string().max(50).optional() }),
  name: z.string().max(200).optional(),
  text: z.string().max(100_000).optional(),
  locale: z.string().max(50).optional(),
  deliveryMode: z.string().max(50).optional(),
  channelData: z.looseObject({}).optional(),
  membersAdded: z.array(Account).max(1_000).optional(),
  membersRemoved: z.array(Account).max(1_000).optional(),
  entities: z.array(z.looseObject({})).max(100).optional(),
  attachments: z.array(z.looseObject({})).max(100).optional(),
});

export function isActivityEnvelope(body: unknown): boolean {
  return ActivityEnvelopeSchema.safeParse(body).success;
}
