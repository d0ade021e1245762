import type { Decision } from '../rules/decision-types.js';
import { acceptShowCard } from './case-form.js';
import { actionRows, restartAction } from './common-actions.js';
import type { ResultCardContext } from './context.js';
import { escalationBlock } from './escalation-block.js';
import { problemText } from './locale.js';
import { noTeamSteps } from './no-team.js';
import { expand, execute, pick, type CardJson } from './template.js';
import { VERBS } from './verbs.js';
import template from './templates/escalation.json' with { type: 'json' };

/**
 * Sent the moment the safety question is answered yes, before any other step or result:
 * what to do now (underretning, Barnets lov § 133 and § 136). The caseworker can record the
 * case, correct the answer if it was a mistake, or start over.
 */
export function escalationCard(decision: Decision, ctx: ResultCardContext): CardJson {
  const t = pick(ctx.locale);
  return expand(template, {
    fallbackText: t({
      da: 'Barnet kan være i fare: underret kommunen i dag (Barnets lov § 133). Kommunen vurderer inden for 24 timer (§ 136). Ring 112 ved akut fare.',
      en: 'The child may be in danger: report to the municipality today (Barnets lov § 133). The municipality assesses within 24 hours (§ 136). Call 112 in immediate danger.',
    }),
    speak: t({ da: 'Barnet kan være i fare – underret nu', en: 'The child may be in danger – report now' }),
    escalation: escalationBlock(decision, ctx),
    noTeam: ctx.channels.length === 0 ? noTeamSteps(ctx.locale) : null,
    problemsTitle: t({ da: 'Sagen blev ikke oprettet. Ret dette og prøv igen:', en: 'The case was not created. Correct this and try again:' }),
    problems: (ctx.problems ?? []).map((p) => problemText(p, ctx.locale)),
    notice: ctx.notice ?? '',
    legalTitle: t({ da: 'Lovgrundlag (standarden ↔ gældende nu)', en: 'Legal basis (the standard ↔ in force now)' }),
    legal: decision.legalBasis.map((l) => ({ seed: l.seed || '–', current: l.current })),
    next: t({
      da: 'Anbefalingen er en hjælp – du træffer afgørelsen (GDPR art. 22). Opret sagen, så teamet kan følge den, eller ret svaret, hvis det var en fejl.',
      en: 'The recommendation is an aid – you make the decision (GDPR art. 22). Create the case so the team can follow it, or correct the answer if it was a mistake.',
    }),
    actionRows: actionRows(acceptShowCard(decision, ctx), [
      execute(t({ da: 'Ret svaret', en: 'Correct the answer' }), VERBS.intakeEdit, { draftId: ctx.draftId, stepId: 'concern' }, { inputs: 'none' }),
      restartAction(ctx.locale, ctx.draftId),
    ]),
  });
}
