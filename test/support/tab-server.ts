import restify from 'restify';
import { registerTabRoutes, type TabRouteDeps } from '../../bot/tab/routes.js';

/**
 * The tab's routes on a bare restify server on port 0, for tests that need only the tab.
 * `host` decides the binding, which local development mode depends on.
 */
export async function startTabServer(deps: TabRouteDeps, host = '127.0.0.1'): Promise<{ url: string; close(): Promise<void> }> {
  const server = restify.createServer({ name: 'tab-test', handleUncaughtExceptions: false });
  registerTabRoutes(server, deps);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
