import type { Locale } from '../../cards/locale.js';
import { standingPlan } from '../cases/standing-plan.js';
import type { RulesFor } from '../rules-binding.js';
import type { Decision, Override } from '../../rules/decision-types.js';
import type { PlanSummary } from '../storage/plan-summary.js';
import type { Assessment } from '../storage/wellbeing.js';
import type { WellbeingArea } from '../../rules/parameters/schema.js';
import { buildCaseSummary, dueSoonFirst, type CaseSummary, type PassageLookup } from '../summary/case-summary.js';
import { accessToCase, type RosterSource } from './access.js';
import type { TabIdentity } from './auth.js';
import type { AuditSink, CaseSource, CaseWithDecision, NotesSource, ReadScope } from './case-source.js';

/**
 * Reading case summaries on someone's behalf: the access rule, the audit trail and the
 * summary, in one place for every door (the tab, the "resumé" command, the message extension).
 * Teams-free: the caller says who is asking and through which door.
 */

export class CaseViewError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 503,
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'CaseViewError';
  }
}

export interface CaseListItem {
  reference: string;
  label: string;
  standing: string;
  nextDue: string | null;
  teamId: string;
  status: 'open' | 'closed';
  mine: boolean;
}

export interface CaseViewDeps {
  cases: CaseSource;
  notes: NotesSource;
  /** The case plan for the summary (purpose, goals' latest progress, next review); absent in tests that need none. */
  plans?: (scope: ReadScope, caseId: string) => Promise<PlanSummary | null>;
  roster: RosterSource;
  audit: AuditSink;
  /** The case's wellbeing scores (1–5 per area) and the municipality's areas; absent where not wired. */
  wellbeing?: { course: (scope: ReadScope, caseId: string) => Promise<Assessment[]>; areas: (tenantId: string) => readonly WellbeingArea[] };
  /** Each tenant's bound rules: for an override stored before its plan was (bot/cases/standing-plan.ts). */
  rules: RulesFor;
  passage: PassageLookup;
  /** Today as YYYY-MM-DD in the municipality's time zone. */
  today: () => string;
}

export type Door = 'tab' | 'chat' | 'message-extension';

export function createCaseViews(deps: CaseViewDeps) {
  const scopeOf = (who: TabIdentity, door: Door): ReadScope => ({ tenantId: who.tenantId, actorId: who.userId, origin: door });

  /** Fail closed: without the roster nobody but the caseworker gets in. */
  async function askingRoster<T>(ask: () => Promise<T>): Promise<T> {
    try {
      return await ask();
    } catch (error) {
      throw new CaseViewError(503, 'roster-unavailable', 'Teams kunne ikke bekræfte, at du er medlem af sagens team. Prøv igen om lidt.', { cause: error });
    }
  }

  async function summaryOf(scope: ReadScope, c: CaseWithDecision, locale: Locale): Promise<CaseSummary> {
    const { notes, summary } = await deps.notes.forCase(scope, c.caseId);
    const plan = deps.plans ? await deps.plans(scope, c.caseId) : null;
    const wellbeing = deps.wellbeing ? { course: await deps.wellbeing.course(scope, c.caseId), areas: deps.wellbeing.areas(scope.tenantId) } : null;
    return buildCaseSummary({
      case: { tenantId: c.tenantId, teamId: c.teamId, reference: c.reference, label: c.childPseudonym, caseworkerId: c.caseworkerId, status: c.status },
      decision: standingDecision(c, deps.rules),
      override: overrideOf(c),
      decidedBy: nameOf(c, c.decision.decidedBy),
      notes,
      notesSummary: summary,
      plan,
      wellbeing,
      passage: deps.passage,
      today: deps.today(),
      locale,
    });
  }

  // The summary in the reader's language, and in Danish for the journal, behind one access check and one audit row.
  async function summariesOf(who: TabIdentity, reference: string, door: Door, locale: Locale): Promise<{ summary: CaseSummary; danish: CaseSummary }> {
    const scope = scopeOf(who, door);
    const found = await deps.cases.findByReference(scope, reference);
    if (!found) {
      throw new CaseViewError(404, 'case-not-found', `Der findes ingen sag med referencen ${reference}. Tjek referencen og prøv igen.`);
    }
    const grant = await askingRoster(() => accessToCase(who, found, deps.roster));
    if (!grant) {
      await deps.audit.append(scope, { action: 'summary.denied', caseId: found.caseId });
      throw new CaseViewError(403, 'not-in-team', `Du har ikke adgang til sag ${reference}. Kun sagsbehandleren og medlemmer af sagens team kan se den.`);
    }
    const summary = await summaryOf(scope, found, locale);
    const danish = locale === 'da' ? summary : await summaryOf(scope, found, 'da');
    await deps.audit.append(scope, { action: 'summary.view', caseId: found.caseId, details: { grant } });
    return { summary, danish };
  }

  return {
    /** The summary of one case, if the person may see it; every attempt is audited. */
    async caseSummary(who: TabIdentity, reference: string, door: Door, locale: Locale = 'da'): Promise<CaseSummary> {
      return (await summariesOf(who, reference, door, locale)).summary;
    },

    /**
     * The summary in the reader's language and, for the journal, in Danish (the case file is
     * Danish whoever reads the tab): one access check and one audit row for both.
     */
    caseSummaries: summariesOf,

    /** The person's own cases ('mine') or a team's cases ('team', members only), due soon first. */
    async listCases(who: TabIdentity, view: { kind: 'mine' } | { kind: 'team'; teamId: string }, door: Door, locale: Locale = 'da'): Promise<CaseListItem[]> {
      const scope = scopeOf(who, door);
      if (view.kind === 'team' && !(await askingRoster(() => deps.roster.isMember(who.tenantId, view.teamId, who.userId)))) {
        await deps.audit.append(scope, { action: 'summary.denied', caseId: null, details: { view: 'team' } });
        throw new CaseViewError(403, 'not-in-team', 'Du er ikke medlem af dette team, så du kan ikke se dets sager.');
      }
      const cases = view.kind === 'mine' ? await deps.cases.listForCaseworker(scope, who.userId) : await deps.cases.listForTeam(scope, view.teamId);
      const today = deps.today();
      const items = cases.map((c): CaseListItem => {
        const summary = buildCaseSummary({
          case: { tenantId: c.tenantId, teamId: c.teamId, reference: c.reference, caseworkerId: c.caseworkerId, status: c.status },
          decision: standingDecision(c, deps.rules),
          override: overrideOf(c),
          notes: [],
          notesSummary: null,
          passage: deps.passage,
          today,
          locale,
        });
        return {
          reference: c.reference,
          label: c.childPseudonym,
          standing: summary.decision?.standing ?? '',
          nextDue: summary.nextDue,
          teamId: c.teamId,
          status: c.status,
          mine: c.caseworkerId === who.userId,
        };
      });
      return items.sort(dueSoonFirst);
    },
  };
}

export type CaseViews = ReturnType<typeof createCaseViews>;

/**
 * The decision as it stands: the recommendation, or, when the caseworker chose another measure,
 * the recommendation with the chosen measure's own scope and due dates (the rules' reasons stay
 * the recommendation's, shown beside the override).
 */
function standingDecision(c: CaseWithDecision, rules: RulesFor): Decision {
  const plan = standingPlan(c.decision, c.facts, rules(c.tenantId));
  return plan ? { ...c.decision.recommended, ...plan } : c.decision.recommended;
}

function overrideOf(c: CaseWithDecision): Override | null {
  const d = c.decision;
  if (!d.overridden) return null;
  return {
    recommended: d.recommended.outcome,
    chosen: d.chosenOutcome,
    chosenVariant: d.chosenVariant,
    reason: d.overrideReason ?? '',
    by: nameOf(c, d.decidedBy),
    at: d.decidedAt.toISOString(),
  };
}

/** Ids are not for people; the caseworker's name is stored, anyone else shows as a role. */
function nameOf(c: CaseWithDecision, userId: string): string {
  return userId === c.caseworkerId ? c.caseworkerName : 'en anden medarbejder';
}
