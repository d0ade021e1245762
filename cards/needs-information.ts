import type { Decision } from '../rules/decision-types.js';
import { factLabel } from '../rules/fact-labels.js';
import type { Facts } from '../rules/facts.js';
import { questionsForFacts } from '../bot/intake/steps.js';
import { restartAction } from './common-actions.js';
import type { IntakeCardContext } from './context.js';
import { questionView } from './intake-step.js';
import { problemText, worded } from './locale.js';
import { CARD_BUDGET_BYTES, cardBytes, expand, execute, pick, type CardJson } from './template.js';
import { VERBS } from './verbs.js';
import template from './templates/intake-step.json' with { type: 'json' };

/**
 * "Unknown is not false": when the rules cannot decide, this card asks exactly the questions that
 * fill the decision's missing facts, prefilled with what the draft holds, and nothing else.
 */
export function needsInformationCard(decision: Decision, answers: Partial<Facts>, ctx: IntakeCardContext): CardJson {
  const t = pick(ctx.locale);
  const { questions, unasked } = questionsForFacts(decision.missing, ctx.interview);
  const notes = [
    ...decision.reasons.map((r) => `${worded(r.text, r.en, ctx.locale)} (${r.passage})`),
    // Named in the rules' words (Danish, as the decision's reasons are), never by field name.
    ...unasked.map((fact) => t({ da: `Oplysningen »${factLabel(fact)}« kan ikke besvares her; kontakt den, der driver løsningen.`, en: `The answer »${factLabel(fact)}« cannot be given here; contact whoever runs the service.` })),
  ];
  const common = {
    product: 'Familiestøtte',
    progress: t({ da: `${questions.length} spørgsmål mangler`, en: `${questions.length} questions missing` }),
    title: t({ da: 'Der mangler oplysninger', en: 'Information is missing' }),
    fallbackText: t({ da: 'Der mangler oplysninger, før jeg kan anbefale en indsats.', en: 'Information is missing before I can recommend a measure.' }),
    problemsTitle: notes.length ? t({ da: 'Det mangler:', en: 'What is missing:' }) : '',
    problems: [...(ctx.problems ?? []).map((p) => problemText(p, ctx.locale)), ...notes],
  };
  const card = expand(template, {
    ...common,
    intro: t({
      da: 'Jeg kan ikke anbefale en indsats endnu: et ubesvaret spørgsmål er ikke et nej. Svar på dette – »Ved ikke« er også et svar – så prøver jeg igen.',
      en: 'I cannot recommend a measure yet: an unanswered question is not a no. Answer these – "Don\'t know" is an answer too – and I will try again.',
    }),
    questions: questions.map((q) => questionView(q.question, answers, ctx)),
    actions: [
      execute(t({ da: 'Send svar', en: 'Send answers' }), VERBS.intakeMissing, { draftId: ctx.draftId }, { style: 'positive' }),
      restartAction(ctx.locale, ctx.draftId),
    ],
  });
  const first = questions[0]?.step;
  if (cardBytes(card) <= CARD_BUDGET_BYTES || !first) return card;
  // Too many questions for one card (nearly every answer was «Ved ikke»): the interview's own steps
  // ask them, one card each, prefilled with what the draft holds, and the result is decided again.
  return expand(template, {
    ...common,
    intro: t({
      da: 'Jeg kan ikke anbefale en indsats endnu: et ubesvaret spørgsmål er ikke et nej. Der mangler for mange svar til ét kort, så gå interviewets trin igennem igen – dine svar står der allerede.',
      en: 'I cannot recommend a measure yet: an unanswered question is not a no. Too many answers are missing for one card, so go through the interview’s steps again – your answers are already there.',
    }),
    questions: [],
    actions: [
      execute(t({ da: 'Besvar trin for trin', en: 'Answer step by step' }), VERBS.intakeEdit, { draftId: ctx.draftId, stepId: first }, { style: 'positive', inputs: 'none' }),
      restartAction(ctx.locale, ctx.draftId),
    ],
  });
}
