import type { Facts } from '../../rules/facts.js';
import { firstStepId, lastStepId, nextStepId, previousStepId, stepForFact, type IntakeFigures, type Interview, type StepId } from '../intake/steps.js';
import { danishDate } from './dates.js';
import { parseEnvelope, parseMissingSubmission, parseRestart, parseStepSubmission } from '../intake/submission.js';
import type { Draft } from '../storage/drafts.js';
import { teamChannels, type TeamChannel } from './channels.js';
import { decideNow, interviewInForce, standardInForce } from './deciding.js';
import type { Turn } from './deps.js';
import { EMPTY_ANSWERS, mergeMissing, mergeStep, readAnswers, readPosition, type DraftPosition, type IntakeAnswers } from './intake-state.js';
import { say } from './texts.js';
import type { Card } from './types.js';
import type { Problem } from './views.js';

/**
 * The intake interview. Each step's answers are parsed, merged into the draft and saved before
 * the next card is shown, so any instance can take the next turn and a restart loses nothing.
 * A refused submission saves nothing and shows the same card again with what was typed.
 */

type Data = Record<string, unknown>;

export async function startIntake(turn: Turn): Promise<Card> {
  const first = firstStepId(interviewInForce(turn));
  const saved = await turn.deps.storage.drafts.save(turn.scope, {
    conversationId: turn.info.conversation.id,
    step: first,
    answers: { ...EMPTY_ANSWERS },
    expectedVersion: 0,
  });
  if (!saved.ok) throw new Error('a new draft cannot be stale');
  return turn.deps.views.intakeStep(turn.locale, first, EMPTY_ANSWERS, { draftId: saved.draft.draftId, figures: intakeFigures(turn), standard: standardInForce(turn).standard });
}

export async function resumeIntake(turn: Turn): Promise<Card> {
  const draft = await turn.deps.storage.drafts.findForConversation(turn.scope, turn.info.conversation.id);
  if (!draft) return turn.deps.views.info(turn.locale, say('nothingToResume', turn.locale));
  return showPosition(turn, draft, readPosition(draft.step), readAnswers(draft.answers));
}

export async function nextStep(turn: Turn, data: Data): Promise<Card> {
  const loaded = await loadDraft(turn, data);
  if ('card' in loaded) return loaded.card;
  const { draft, answers } = loaded;
  const interview = interviewInForce(turn);
  const stepId = loaded.stepId ?? stepOf(readPosition(draft.step), interview, answers);
  const parsed = parseStepSubmission(stepId, data, answers.facts, intakeFigures(turn), interview);
  if (!parsed.ok) {
    return turn.deps.views.intakeStep(turn.locale, stepId, answers, { draftId: draft.draftId, figures: intakeFigures(turn), typed: data, problems: parsed.problems, standard: standardInForce(turn).standard });
  }
  const merged = mergeStep(answers, stepId, parsed.facts, parsed.unknown, interview);
  // A child who may be in danger: the escalation is shown at once, before any other question.
  const next = merged.facts.safetyConcern === true ? undefined : nextStepId(stepId, interview, merged.facts);
  return moveTo(turn, draft, next ?? 'result', merged, { typed: data, stepId });
}

export async function previousStep(turn: Turn, data: Data): Promise<Card> {
  const loaded = await loadDraft(turn, data);
  if ('card' in loaded) return loaded.card;
  const { draft, answers } = loaded;
  const interview = interviewInForce(turn);
  const from = loaded.stepId ?? readPosition(draft.step);
  const to: StepId = from === 'result' ? lastAskedStep(answers, interview) : (previousStepId(from, interview, answers.facts) ?? from);
  return moveTo(turn, draft, to, answers, {});
}

/** Shows one step again to correct an answer (e.g. "Ret svaret" on the escalation card). */
export async function editStep(turn: Turn, data: Data): Promise<Card> {
  const loaded = await loadDraft(turn, data);
  if ('card' in loaded) return loaded.card;
  const to = loaded.stepId ?? stepOf(readPosition(loaded.draft.step), interviewInForce(turn), loaded.answers);
  return moveTo(turn, loaded.draft, to, loaded.answers, {});
}

export async function restartIntake(turn: Turn, data: Data): Promise<Card> {
  const parsed = parseRestart(data);
  if (!parsed.ok) return turn.deps.views.message(turn.locale, parsed.problems.map((p) => p.message).join('\n'));
  const { draftId } = parsed.value;
  // In one transaction: a turn that fails keeps the old interview rather than leaving none.
  return turn.deps.storage.atomically(async (storage) => {
    if (draftId) await storage.drafts.remove(turn.scope, draftId);
    return startIntake({ ...turn, deps: { ...turn.deps, storage } });
  });
}

/** Answers to exactly the facts a needs-information result asked for. */
export async function answerMissing(turn: Turn, data: Data): Promise<Card> {
  const loaded = await loadDraft(turn, data);
  if ('card' in loaded) return loaded.card;
  const { draft, answers } = loaded;
  const { decision } = decideNow(turn, answers);
  const parsed = parseMissingSubmission(decision.missing, data, interviewInForce(turn));
  if (!parsed.ok) return resultCard(turn, draft.draftId, answers, { typed: data, problems: parsed.problems });
  return moveTo(turn, draft, 'result', mergeMissing(answers, parsed.facts, parsed.unknown), { typed: data });
}

/**
 * The result's background (result.details): the same decision, recomputed from the same stored
 * answers as the result card, so what a person accepts or overrides is the same. What was typed in
 * the result card's forms rides along to the way back.
 */
export async function showResultDetails(turn: Turn, data: Data): Promise<Card> {
  const loaded = await loadDraft(turn, data);
  if ('card' in loaded) return loaded.card;
  const { decision, standard } = decideNow(turn, loaded.answers);
  // A draft no longer at its result (answered further on another card) shows where it is.
  if (readPosition(loaded.draft.step) !== 'result' || decision.outcome === 'needs-information') return showPosition(turn, loaded.draft, readPosition(loaded.draft.step), loaded.answers);
  // «Mere af ordlyden» names the first quotation of the next part; anything else is the first part.
  const from = typeof data.from === 'string' && /^\d{1,3}$/.test(data.from) ? Number(data.from) : 0;
  return turn.deps.views.resultDetails(turn.locale, decision, { draftId: loaded.draft.draftId, standard: standard.standard, typed: data, from });
}

/** Back from the background (result.show): the result card again, with what was typed in its forms. */
export async function backToResult(turn: Turn, data: Data): Promise<Card> {
  const loaded = await loadDraft(turn, data);
  if ('card' in loaded) return loaded.card;
  const position = readPosition(loaded.draft.step);
  if (position !== 'result') return showPosition(turn, loaded.draft, position, loaded.answers);
  return resultCard(turn, loaded.draft.draftId, loaded.answers, { typed: data });
}

/** The result card for a draft at its end, recomputed from the stored answers. */
export async function resultCard(
  turn: Turn,
  draftId: string,
  answers: IntakeAnswers,
  extra: { typed?: Data; problems?: readonly Problem[]; notice?: string; facts?: Partial<Facts>; channels?: readonly TeamChannel[] } = {},
): Promise<Card> {
  const { decision, standard } = decideNow(turn, answers, extra.facts);
  const channels = extra.channels ?? (await teamChannels(turn));
  // Without a team channel the card itself says how to add the app to a team: no error before the
  // caseworker has pressed anything (cards/no-team.ts).
  return turn.deps.views.result(turn.locale, decision, answers, { draftId, channels, typed: extra.typed, problems: extra.problems, notice: extra.notice, standard: standard.standard });
}

async function moveTo(
  turn: Turn,
  draft: Draft,
  to: DraftPosition,
  answers: IntakeAnswers,
  refused: { typed?: Data; stepId?: StepId },
): Promise<Card> {
  // The result card lists the team's channels: read them before the save, so the save is the
  // turn's last use of the database and a turn that fails has saved nothing.
  const channels = to === 'result' ? await teamChannels(turn) : undefined;
  const saved = await turn.deps.storage.drafts.save(turn.scope, {
    draftId: draft.draftId,
    conversationId: turn.info.conversation.id,
    step: to,
    answers: { facts: answers.facts, unknown: answers.unknown },
    expectedVersion: draft.version,
  });
  if (!saved.ok) {
    // Someone (a double click, another device) saved first: show theirs, keep what this person typed.
    const current = saved.current;
    if (!current) return turn.deps.views.message(turn.locale, say('draftGone', turn.locale));
    const problems = [{ field: '(rod)', message: say('draftChanged', turn.locale) }];
    const position = readPosition(current.step);
    const currentAnswers = readAnswers(current.answers);
    if (position === 'result') return resultCard(turn, current.draftId, currentAnswers, { problems, channels });
    return turn.deps.views.intakeStep(turn.locale, position, currentAnswers, { draftId: current.draftId, figures: intakeFigures(turn), typed: refused.typed, problems, standard: standardInForce(turn).standard });
  }
  return showPosition(turn, saved.draft, to, answers, channels);
}

function showPosition(turn: Turn, draft: Draft, position: DraftPosition, answers: IntakeAnswers, channels?: readonly TeamChannel[]): Promise<Card> | Card {
  if (position === 'result') return resultCard(turn, draft.draftId, answers, { channels });
  return turn.deps.views.intakeStep(turn.locale, position, answers, { draftId: draft.draftId, figures: intakeFigures(turn), standard: standardInForce(turn).standard });
}

type Loaded = { draft: Draft; answers: IntakeAnswers; stepId?: StepId } | { card: Card };

/** The draft the card belongs to, read from the database: the card carries only its id. */
export async function loadDraft(turn: Turn, data: Data): Promise<Loaded> {
  // Only the routing fields here; the form itself is parsed by the action, which labels each problem
  // and keeps the rest of what was typed.
  const envelope = parseEnvelope({ verb: data.verb, draftId: data.draftId, stepId: data.stepId });
  if (!envelope.ok) return { card: turn.deps.views.message(turn.locale, envelope.problems.map((p) => p.message).join('\n')) };
  const draftId = envelope.value.draftId;
  const draft = draftId ? await turn.deps.storage.drafts.get(turn.scope, draftId) : null;
  if (!draft) return { card: turn.deps.views.message(turn.locale, say('draftGone', turn.locale)) };
  return { draft, answers: readAnswers(draft.answers), stepId: envelope.value.stepId };
}

function stepOf(position: DraftPosition, interview: Interview, answers: IntakeAnswers): StepId {
  return position === 'result' ? lastStepId(interview, answers.facts) : position;
}

/** Back from the result: to the step the interview ended on (the safety step after an escalation). */
function lastAskedStep(answers: IntakeAnswers, interview: Interview): StepId {
  return answers.facts.safetyConcern === true ? (stepForFact('safetyConcern', interview) ?? 'concern') : lastStepId(interview, answers.facts);
}

/** The tenant's figures the interview asks by, in force today. */
function intakeFigures(turn: Turn): IntakeFigures {
  return turn.rules.intakeFigures(danishDate(turn.deps.clock()));
}
