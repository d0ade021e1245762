import { caseCard, caseCreatedCard } from '../../cards/case.js';
import { askReferenceCard } from '../../cards/ask-reference.js';
import { caseListCard } from '../../cards/case-list.js';
import { errorCard } from '../../cards/error.js';
import { helpCard } from '../../cards/help.js';
import { infoCard } from '../../cards/info.js';
import type { LookupPassage, RiskFactorInfo } from '../../cards/context.js';
import { escalationCard } from '../../cards/escalation.js';
import { intakeStepCard } from '../../cards/intake-step.js';
import type { Locale } from '../../cards/locale.js';
import { needsInformationCard } from '../../cards/needs-information.js';
import { resultCard } from '../../cards/result.js';
import { resultDetailsCard } from '../../cards/result-details.js';
import { standardAnswerCard } from '../../cards/standard-answer.js';
import { passageById } from '../../rules/passages/index.js';
import { RISK_FACTORS } from '../../rules/risk-factors.js';
import { toCaseView } from './case-view.js';
import { measureNames, type MeasureNames } from '../../cards/outcome-text.js';
import type { ChoosableOutcome } from '../../rules/decision-types.js';
import { choosableUnder } from '../../rules/override.js';
import type { Standard } from '../../rules/standard/schema.js';
import { interviewOf } from '../intake/interview.js';
import { standardPassageById } from '../../rules/standard/passages.js';
import type { Interview } from '../intake/steps.js';
import type { Views } from './views.js';

/** The passages' verbatim text, for the reasons on the result card: the catalogue's, where no standard is known. */
const lookupPassage: LookupPassage = (id) => {
  const passage = passageById(id);
  return passage ? { id: passage.id, source: passage.source, heading: passage.heading, text: passage.text } : undefined;
};

/** The passages of the standard a decision was made under: its own, and those of the sources it names (never another standard's). */
export function passagesUnder(standard: Standard): LookupPassage {
  return (id) => {
    const passage = standardPassageById(standard, id);
    if (!passage) return undefined;
    // Its own passages are shown under its own name (cards/cited.ts names the product's sources).
    return { id: passage.id, source: passage.source === 'own' ? standard.name.da : passage.source, heading: passage.heading, text: passage.text };
  };
}

function riskFactors(locale: Locale): RiskFactorInfo[] {
  return RISK_FACTORS.map((f) => ({ id: f.id, group: f.group, label: locale === 'da' ? f.label : f.labelEn, passage: f.passage }));
}

/** What the cards take from the standard: its interview, its measures' names, the outcomes it has. */
function standardViews(standard: Standard): { interview: Interview; names: MeasureNames; choosable: ChoosableOutcome[]; lookupPassage: LookupPassage } {
  return { interview: interviewOf(standard), names: measureNames(standard), choosable: choosableUnder(standard), lookupPassage: passagesUnder(standard) };
}

/** The conversation's views, drawn by the card builders in cards/. */
export function createViews(): Views {
  return {
    help: (locale, options) => helpCard({ locale, ...(options?.noTeam ? { noTeam: true } : {}) }),
    standardAnswer: (locale, question, passages) => standardAnswerCard({ locale }, question, passages),
    message: (locale, text) => errorCard(text, {}, { locale }),
    info: (locale, text, title) => infoCard(text, { locale, ...(title ? { title } : {}) }),
    intakeStep: (locale, stepId, answers, ctx) =>
      intakeStepCard(stepId, answers.facts, {
        locale,
        draftId: ctx.draftId,
        ...(ctx.standard ? { interview: interviewOf(ctx.standard) } : {}),
        figures: ctx.figures,
        riskFactors: riskFactors(locale),
        unknown: answers.unknown,
        lookupPassage: ctx.standard ? passagesUnder(ctx.standard) : lookupPassage,
        ...(ctx.typed ? { typed: ctx.typed } : {}),
        ...(ctx.problems ? { problems: ctx.problems } : {}),
      }),
    result: (locale, decision, answers, ctx) => {
      const base = { locale, draftId: ctx.draftId, lookupPassage, ...(ctx.standard ? standardViews(ctx.standard) : {}) };
      if (decision.outcome === 'needs-information') {
        const { standard: _standard, ...rest } = ctx;
        return needsInformationCard(decision, answers.facts, { ...base, unknown: answers.unknown, riskFactors: riskFactors(locale), ...rest });
      }
      // A refused Acceptér / override comes back with what was typed and what to fix.
      const resultCtx = {
        ...base,
        channels: ctx.channels,
        ...(ctx.typed ? { typed: ctx.typed } : {}),
        ...(ctx.problems ? { problems: ctx.problems } : {}),
        ...(ctx.notice ? { notice: ctx.notice } : {}),
      };
      return decision.outcome === 'escalate' ? escalationCard(decision, resultCtx) : resultCard(decision, resultCtx);
    },
    resultDetails: (locale, decision, ctx) =>
      resultDetailsCard(decision, { locale, draftId: ctx.draftId, lookupPassage, ...(ctx.standard ? { names: measureNames(ctx.standard), lookupPassage: passagesUnder(ctx.standard) } : {}), ...(ctx.typed ? { typed: ctx.typed } : {}), ...(ctx.from ? { from: ctx.from } : {}) }),
    caseCard: (locale, found, options) => {
      const view = toCaseView(found, options?.standards);
      // Named as the standard it was decided under names its measures.
      const names = options?.standards ? measureNames(options.standards.decidedUnder.standard) : {};
      const ctx = { locale, lookupPassage: options?.standards ? passagesUnder(options.standards.decidedUnder.standard) : lookupPassage, names };
      return options?.created ? caseCreatedCard(view, found.decision.recommended, view.override, ctx) : caseCard(view, ctx);
    },
    caseList: (locale, cases, standards) => caseListCard(cases.map((c, i) => toCaseView(c, standards?.[i])), { locale }),
    askReference: (locale, askFor, personal) => askReferenceCard(askFor, { locale, personal }),
  };
}
