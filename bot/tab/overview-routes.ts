import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { OverviewViews } from '../overview/views.js';
import type { TabIdentity } from './auth.js';
import { CaseViewError } from './case-views.js';

/**
 * The tab's routes for the team's overview, declared as the tab's other API routes are: a path,
 * the access it requires, and a handler that gets the verified caller. `team-member` means the
 * caller must be on the roster of the team the request names; bot/overview/views.ts enforces it
 * (and audits the refusal) before any case is read.
 */

export type TabAccess = 'signed-in' | 'team-member';

export interface TabApiRoute {
  path: string;
  access: TabAccess;
  handle(who: TabIdentity, req: Request): Promise<object>;
}

const TEAM_MISSING = 'Teamet mangler: åbn overblikket fra teamets kanal.';
export const OverviewQuery = z.object({ teamId: z.string({ error: TEAM_MISSING }).trim().min(1, TEAM_MISSING).max(200) });

export function overviewRoutes(overview: OverviewViews): TabApiRoute[] {
  return [
    {
      path: '/api/tab/overview',
      access: 'team-member',
      async handle(who, req) {
        const query = OverviewQuery.safeParse(Object.fromEntries(new URL(req.url ?? '', 'http://tab').searchParams));
        if (!query.success) throw new CaseViewError(400, 'bad-query', query.error.issues[0]?.message ?? TEAM_MISSING);
        return { overview: await overview.teamOverview(who, query.data.teamId) };
      },
    },
  ];
}

/** Registers each route on the server; `answer` identifies the caller and turns errors into the tab's JSON errors. */
export function registerTabApiRoutes(server: Server, routes: readonly TabApiRoute[], answer: (req: Request, res: Response, handle: (who: TabIdentity) => Promise<object>) => Promise<void>): void {
  for (const route of routes) server.get(route.path, async (req, res) => answer(req, res, (who) => route.handle(who, req)));
}
