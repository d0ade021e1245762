import type { Storage } from '../storage/storage.js';
import { caseStandards, standardOfHash } from '../standards/case-standards.js';
import { SEED_STANDARDS, type TenantStandards } from '../standards/tenant-standards.js';
import { standardPassage } from '../summary/passages.js';
import { danishToday } from '../summary/today.js';
import type { RosterSource } from './access.js';
import { storedNotes } from './notes-source.js';
import { type AuditSink, type CaseSource, type NotesSource } from './case-source.js';
import { createCaseViews, type CaseViews } from './case-views.js';
import { resolveTabAuth, type TabSettings } from './mode.js';
import { databaseCachedRoster } from './roster-cache.js';
import type { TabRouteDeps, TabLogger } from './routes.js';
import { createOverviewViews, type OverviewViews } from '../overview/views.js';
import { teamOverviewReader } from '../storage/team-overview.js';
import { wellbeingStore } from '../storage/wellbeing.js';
import type { RulesFor } from '../rules-binding.js';

/**
 * Builds the tab's and the summary cards' dependencies from the bot's storage and roster, so
 * the server only calls `registerTabRoutes(server, tabRouteDeps(...))`.
 */
export interface SummaryWiring {
  storage: Storage;
  /** The bot's team roster (bot/teams/roster.ts); cached in the database here. */
  roster: RosterSource;
  /** The roster is already cached (the server shares one cached roster between its doors). */
  rosterCached?: boolean;
  /** Each tenant's bound rules (bot/rules-binding.ts). */
  rules: RulesFor;
  /** Defaults to the case's stored notes and latest notes summary. */
  notes?: NotesSource;
  clock?: () => Date;
  /** Each tenant's standard in force; absent, the seed for all. */
  standards?: TenantStandards;
}

export function caseViewsFrom(w: SummaryWiring): CaseViews {
  const clock = w.clock ?? (() => new Date());
  // The storage repositories are the sources as they are; `satisfies` keeps them in step.
  const cases = w.storage.cases satisfies CaseSource;
  const audit = w.storage.audit satisfies AuditSink;
  return createCaseViews({
    cases,
    audit,
    notes: w.notes ?? storedNotes(w.storage.notes),
    plans: (scope, caseId) => w.storage.planSummary(scope, caseId),
    wellbeing: { course: (scope, caseId) => wellbeingStore(w.storage.db, clock).course(scope, caseId), areas: (tenantId) => w.rules(tenantId).wellbeingAreas },
    rules: w.rules,
    doors: { storage: w.storage, roster: w.rosterCached ? w.roster : databaseCachedRoster(w.roster, w.storage.db, { now: clock }) },
    passage: standardPassage,
    today: () => danishToday(clock()),
    standardsOf: (scope, c) => caseStandards(w.storage.decisions, w.standards ?? SEED_STANDARDS, scope, c.decision.standard ?? null),
  });
}

/** The team's overview over the same storage and roster as the case views. */
export function overviewViewsFrom(w: SummaryWiring): OverviewViews {
  const clock = w.clock ?? (() => new Date());
  const standards = w.standards ?? SEED_STANDARDS;
  return createOverviewViews({
    rows: teamOverviewReader(w.storage.db),
    today: () => danishToday(clock()),
    standardOf: (scope, hash) => standardOfHash(w.storage.decisions, standards.forTenant(scope.tenantId), scope, hash),
  });
}

export function tabRouteDeps(w: SummaryWiring & { settings: TabSettings; logger?: TabLogger }): TabRouteDeps {
  return { mode: resolveTabAuth(w.settings), views: caseViewsFrom(w), overview: overviewViewsFrom(w), logger: w.logger };
}
