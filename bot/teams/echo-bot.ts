import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';
import { edgeHandlers } from '../http/edge.js';

/**
 * The baseline the turn benchmark measures against: the bare SDK answering each message with
 * its text, on restify, started like our server. It lives here because only this folder may
 * import botbuilder. Not used by the product.
 */
export async function startEchoServer(): Promise<{ url: string; close(): Promise<void> }> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler().onMessage(async (context, next) => {
    await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
    await next();
  });
  const server = restify.createServer({ name: 'echo' });
  // The same body reader as our server, so the benchmark compares the turn and not the parsing.
  for (const handler of edgeHandlers({ maxRequestBytes: 1024 * 1024, unauthenticatedLocal: true, hsts: false })) server.pre(handler);
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
