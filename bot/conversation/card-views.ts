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
import { standardAnswerCard } from '../../cards/standard-answer.js';
import { passageById } from '../../rules/passages/index.js';
import { RISK_FACTORS } from '../../rules/risk-factors.js';
import { toCaseView } from './case-view.js';
import type { Views } from './views.js';

/** The passages' verbatim text, for the reasons on the result card. */
const lookupPassage: LookupPassage = (id) => {
  const passage = passageById(id);
  return passage ? { id: passage.id, source: passage.source, heading: passage.heading, text: passage.text } : undefined;
};

function riskFactors(locale: Locale): RiskFactorInfo[] {
  return RISK_FACTORS.map((f) => ({ id: f.id, group: f.group, label: locale === 'da' ? f.label : f.labelEn, passage: f.passage }));
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
        figures: ctx.figures,
        riskFactors: riskFactors(locale),
        unknown: answers.unknown,
        lookupPassage,
        ...(ctx.typed ? { typed: ctx.typed } : {}),
        ...(ctx.problems ? { problems: ctx.problems } : {}),
      }),
    result: (locale, decision, answers, ctx) => {
      const base = { locale, draftId: ctx.draftId, lookupPassage };
      if (decision.outcome === 'needs-information') {
        return needsInformationCard(decision, answers.facts, { ...base, unknown: answers.unknown, riskFactors: riskFactors(locale), ...ctx });
      }
      // A refused Acceptér / override comes back with what was typed and what to fix.
      const resultCtx = { ...base, channels: ctx.channels, ...(ctx.typed ? { typed: ctx.typed } : {}), ...(ctx.problems ? { problems: ctx.problems } : {}) };
      return decision.outcome === 'escalate' ? escalationCard(decision, resultCtx) : resultCard(decision, resultCtx);
    },
    caseCard: (locale, found, options) => {
      const view = toCaseView(found);
      return options?.created ? caseCreatedCard(view, found.decision.recommended, view.override, { locale, lookupPassage }) : caseCard(view, { locale, lookupPassage });
    },
    caseList: (locale, cases) => caseListCard(cases.map(toCaseView), { locale }),
    askReference: (locale, askFor, personal) => askReferenceCard(askFor, { locale, personal }),
  };
}
