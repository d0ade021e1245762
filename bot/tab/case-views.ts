import type { Locale, Localized } from '../../cards/locale.js';
import { standingPlan } from '../cases/standing-plan.js';
import type { RulesFor } from '../rules-binding.js';
import type { Decision, Override } from '../../rules/decision-types.js';
import type { PlanSummary } from '../storage/plan-summary.js';
import type { Assessment } from '../storage/wellbeing.js';
import type { WellbeingArea } from '../../rules/parameters/schema.js';
import type { CaseStandards } from '../standards/case-standards.js';
import { passagesUnder } from '../summary/passages.js';
import { buildCaseSummary, dueSoonFirst, type CaseSummary, type PassageLookup } from '../summary/case-summary.js';
import type { Caller } from '../conversation/surfaces.js';
import type { AuditSink, CaseSource, CaseWithDecision, NotesSource, ReadScope } from './case-source.js';

/**
 * Reading case summaries on someone's behalf: the audit trail and the summary, in one place for
 * every surface (the tab, the "resumé" command, the message extension). Who may read is not decided
 * here: every caller comes through its route's door (bot/conversation/routes.ts, doors.ts) and
 * passes the scope the door opened. Teams-free.
 */

/** A read refused; `words` say why in the reader's language (`message` is the Danish). */
export class CaseViewError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 503,
    readonly code: string,
    readonly words: Localized,
    options?: ErrorOptions,
  ) {
    super(words.da, options);
    this.name = 'CaseViewError';
  }
}

/** A page or route that is not there (or not wired here). */
export const PAGE_NOT_FOUND: Localized = { da: 'Siden findes ikke.', en: 'The page does not exist.' };

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
  /** What the door in front of every read asks (bot/conversation/doors.ts): storage and the cached roster. */
  doors: Caller['deps'];
  audit: AuditSink;
  /** The case's wellbeing scores (1–5 per area) and the municipality's areas; absent where not wired. */
  wellbeing?: { course: (scope: ReadScope, caseId: string) => Promise<Assessment[]>; areas: (tenantId: string) => readonly WellbeingArea[] };
  /** Each tenant's bound rules: for an override stored before its plan was (bot/cases/standing-plan.ts). */
  rules: RulesFor;
  passage: PassageLookup;
  /** Today as YYYY-MM-DD in the municipality's time zone. */
  today: () => string;
  /** Barnets plan's deadline while one is to be made and not yet made (Barnets lov § 91); absent where not wired. */
  childPlanDue?: (scope: ReadScope, caseIds: readonly string[]) => Promise<ReadonlyMap<string, string>>;
  /** The standard a case was decided under and the one in force; absent, the seed's names alone. */
  standardsOf?: (scope: ReadScope, c: CaseWithDecision) => Promise<CaseStandards>;
}

export function createCaseViews(deps: CaseViewDeps) {
  async function summaryOf(scope: ReadScope, c: CaseWithDecision, locale: Locale): Promise<CaseSummary> {
    const { notes, summary } = await deps.notes.forCase(scope, c.caseId);
    const plan = deps.plans ? await deps.plans(scope, c.caseId) : null;
    const wellbeing = deps.wellbeing ? { course: await deps.wellbeing.course(scope, c.caseId), areas: deps.wellbeing.areas(scope.tenantId) } : null;
    const standards = deps.standardsOf ? await deps.standardsOf(scope, c) : undefined;
    const childPlanDue = deps.childPlanDue && c.status === 'open' ? ((await deps.childPlanDue(scope, [c.caseId])).get(c.caseId) ?? null) : null;
    return buildCaseSummary({
      childPlanDue,
      ...(standards ? { standards } : {}),
      case: { tenantId: c.tenantId, teamId: c.teamId, reference: c.reference, label: c.childPseudonym, caseworkerId: c.caseworkerId, status: c.status },
      decision: standingDecision(c, deps.rules),
      override: overrideOf(c),
      decidedBy: nameOf(c, c.decision.decidedBy),
      notes,
      notesSummary: summary,
      plan,
      wellbeing,
      // The passages of the standard the case was decided under, its own among them.
      passage: standards ? passagesUnder(standards.decidedUnder.standard) : deps.passage,
      today: deps.today(),
      locale,
    });
  }

  // The summary in the reader's language, and in Danish for the journal, behind one audit row.
  // Who may read it is the door's (bot/conversation/doors.ts), opened before: `scope` holds the
  // case's team alone, so the read finds the case only if the door let the reader in to it.
  async function summariesOf(scope: ReadScope, reference: string, locale: Locale): Promise<{ summary: CaseSummary; danish: CaseSummary }> {
    const found = await deps.cases.findByReference(scope, reference);
    if (!found) {
      throw new CaseViewError(404, 'case-not-found', {
        da: `Der findes ingen sag med referencen ${reference}. Tjek referencen og prøv igen.`,
        en: `There is no case with the reference ${reference}. Check the reference and try again.`,
      });
    }
    const summary = await summaryOf(scope, found, locale);
    const danish = locale === 'da' ? summary : await summaryOf(scope, found, 'da');
    await deps.audit.append(scope, { action: 'summary.view', caseId: found.caseId });
    return { summary, danish };
  }

  return {
    doors: deps.doors,

    /** The summary of one case behind an opened door; every view is audited. */
    async caseSummary(scope: ReadScope, reference: string, locale: Locale = 'da'): Promise<CaseSummary> {
      return (await summariesOf(scope, reference, locale)).summary;
    },

    /**
     * The summary in the reader's language and, for the journal, in Danish (the case file is
     * Danish whoever reads the tab): one audit row for both.
     */
    caseSummaries: summariesOf,

    /**
     * The person's own cases ('mine') or a team's cases ('team'), due soon first, behind an opened
     * door: its scope's teams filter both (my cases in the teams I am still in; the one team).
     */
    async listCases(scope: ReadScope, view: { kind: 'mine' } | { kind: 'team'; teamId: string }, locale: Locale = 'da'): Promise<CaseListItem[]> {
      const cases = view.kind === 'mine' ? await deps.cases.listForCaseworker(scope, scope.actorId) : await deps.cases.listForTeam(scope, view.teamId);
      const today = deps.today();
      // Each named as the standard it was decided under names its measures (kept standards are read once per hash).
      const standards = await Promise.all(cases.map((c) => (deps.standardsOf ? deps.standardsOf(scope, c) : undefined)));
      // Barnets plan's deadline counts in what is due next here too, as in the summary.
      const open = cases.filter((c) => c.status === 'open').map((c) => c.caseId);
      const childPlanDues = deps.childPlanDue && open.length > 0 ? await deps.childPlanDue(scope, open) : new Map<string, string>();
      const items = cases.map((c, i): CaseListItem => {
        const own = standards[i];
        const summary = buildCaseSummary({
          ...(own ? { standards: own } : {}),
          childPlanDue: childPlanDues.get(c.caseId) ?? null,
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
          mine: c.caseworkerId === scope.actorId,
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
