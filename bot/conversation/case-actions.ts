import { CHOOSABLE_OUTCOMES, type ChoosableOutcome, type Decision, type Variant } from '../../rules/decision-types.js';
import { validateOverride } from '../../rules/override.js';
import { parseCaseReference } from '../cases/case-reference.js';
import { parseAcceptSubmission, parseOverrideSubmission, type CaseForm } from '../intake/submission.js';
import { withStandingPlan } from '../cases/standing-plan.js';
import { isOverride } from '../storage/decisions.js';
import { StorageInputError } from '../storage/input-errors.js';
import { AUDIT_ACTIONS, type AuditDetails } from '../storage/audit.js';
import type { LoadedStandard } from '../standards/standard-ref.js';
import { teamChannels, type TeamChannel } from './channels.js';
import { decideNow } from './deciding.js';
import type { Turn } from './deps.js';
import { planCardAfterCreate } from './plan-routes.js';
import { loadDraft, resultCard } from './intake.js';
import { say } from './texts.js';
import type { Card } from './types.js';
import type { Problem } from './views.js';

/**
 * Accepting or overriding the recommendation creates the case: the municipality's reference,
 * a pseudonym, the facts, the rules' recommendation beside the caseworker's choice (and the
 * reason when they differ), the team channel for reminders. A person decides; the record says who.
 */

type Data = Record<string, unknown>;

interface Choice {
  chosenOutcome: ChoosableOutcome;
  chosenVariant: Variant;
  overrideReason: string | null;
}

/** A refusal the audit log keeps (a choice the card could not have offered: a forged payload), without personal data. */
interface AuditedRefusal {
  problems: Problem[];
  audit?: AuditDetails;
}

/** What the caseworker chose, given the recommendation as it stands when they submit and the standard it was made under. */
type Choose = (decision: Decision, standard: LoadedStandard) => Choice | AuditedRefusal;

type Submission = { ok: true; form: CaseForm; choose: Choose } | { ok: false; problems: readonly Problem[] };

export async function acceptRecommendation(turn: Turn, data: Data): Promise<Card> {
  const channels = await teamChannels(turn);
  const parsed = parseAcceptSubmission(data, channels.map((c) => c.id));
  const choose: Choose = (decision) =>
    (CHOOSABLE_OUTCOMES as readonly string[]).includes(decision.outcome)
      ? { chosenOutcome: decision.outcome as ChoosableOutcome, chosenVariant: decision.variant, overrideReason: null }
      : {
          problems: [
            {
              field: 'verb',
              message:
                turn.locale === 'da'
                  ? 'Anbefalingen mangler oplysninger og kan ikke accepteres. Besvar spørgsmålene, eller vælg selv et udfald med en begrundelse.'
                  : 'The recommendation lacks information and cannot be accepted. Answer the questions, or choose an outcome yourself with a reason.',
            },
          ],
        };
  return createCase(turn, data, channels, parsed.ok ? { ok: true, form: parsed.value, choose } : parsed, 'channelId');
}

export async function overrideRecommendation(turn: Turn, data: Data): Promise<Card> {
  const channels = await teamChannels(turn);
  const parsed = parseOverrideSubmission(data, channels.map((c) => c.id));
  if (!parsed.ok) return createCase(turn, data, channels, parsed, 'overrideChannelId');
  const { chosen, chosenVariant, reason, ...form } = parsed.value;
  const choose: Choose = (decision, standard) => {
    // The rules' own check of an override record, against the recommendation as it stands now and
    // the standard it was made under: a measure that standard lacks is refused however it was sent.
    const record = { recommended: decision.outcome, chosen, chosenVariant, reason, by: turn.scope.actorId, at: turn.deps.clock().toISOString() };
    const problems = validateOverride(decision, record, standard.standard);
    if (problems.length === 0) return { chosenOutcome: chosen, chosenVariant, overrideReason: reason };
    const foreign = problems.some((p) => p.code === 'chosen-not-in-standard');
    return {
      problems: problems.map((p) => ({ field: p.field, message: p.message, en: p.en })),
      ...(foreign ? { audit: { reason: 'outcome-not-in-standard', chosen, standardId: standard.ref.id, standardVersion: standard.ref.version } } : {}),
    };
  };
  return createCase(turn, data, channels, { ok: true, form, choose }, 'overrideChannelId');
}

async function createCase(turn: Turn, data: Data, channels: readonly TeamChannel[], submission: Submission, channelField: 'channelId' | 'overrideChannelId'): Promise<Card> {
  const loaded = await loadDraft(turn, data);
  if ('card' in loaded) return loaded.card;
  const { draft, answers } = loaded;
  // Nothing is stored on a refusal; the same card comes back with what was typed.
  const refuse = (problems: readonly Problem[]) => resultCard(turn, draft.draftId, answers, { typed: data, problems });
  // No channel to choose: the app is in no team yet, or it was added after the card was drawn
  // (the card comes back with the channel picker, and nothing typed is lost).
  if (channels.length === 0) return refuse([{ field: channelField, message: say('noTeamChannel', turn.locale) }]);
  // The app was added to a team after the card was drawn: nothing was wrong, the channel is simply
  // new on the card, so it is said as information, not as an error.
  if (typeof data[channelField] !== 'string' || data[channelField] === '') {
    return resultCard(turn, draft.draftId, answers, { typed: data, notice: say('channelNowKnown', turn.locale) });
  }
  if (!submission.ok) return refuse(submission.problems);
  const { form } = submission;

  const reference = parseCaseReference(form.caseReference);
  if (!reference.ok) return refuse([{ field: 'caseReference', message: reference.message, en: reference.en }]);
  const channel = channels.find((c) => c.id === form.channelId);
  if (!channel) return refuse([{ field: 'channelId', message: turn.locale === 'da' ? 'Vælg teamets kanal igen.' : "Choose the team's channel again." }]);

  const { facts, decision, standard } = decideNow(turn, answers, { startDate: form.startDate });
  const choice = submission.choose(decision, standard);
  if ('problems' in choice) {
    // Nothing of the case is stored; the refusal is, as the doors keep theirs.
    if (choice.audit) await turn.deps.storage.audit.append(turn.scope, { action: AUDIT_ACTIONS.decisionRefused, caseId: null, details: choice.audit });
    return refuse(choice.problems);
  }

  // Everything the turn reads comes first (the channel, with its service URL, was read with the
  // team's channels), then one transaction writes the case, removes the draft and schedules the
  // reminders, and the answer needs the database no more: a turn that fails (the database gone)
  // has written nothing, so "try again" is true, and a turn that answers has written it all.
  // The chosen measure's scope and due dates, by this tenant's figures, stored with the decision.
  const chosen = isOverride(decision, choice.chosenOutcome, choice.chosenVariant)
    ? turn.rules.consequencesOfChoice(facts, choice.chosenOutcome, choice.chosenVariant, standard.standard)
    : { scope: decision.scope, reviews: decision.reviews };
  try {
    const created = await turn.deps.storage.atomically(async (storage) => {
      const created = await storage.cases.create(turn.scope, {
        reference: reference.value,
        childPseudonym: form.childPseudonym,
        teamId: channel.teamId,
        channel: channel.id,
        caseworkerName: turn.info.userName ?? turn.scope.actorId,
        startDate: form.startDate,
        facts,
        decision: { recommended: decision, ...choice, underStandard: standard, chosen },
      });
      await storage.drafts.remove(turn.scope, draft.draftId);
      if (turn.deps.reminders) {
        await turn.deps.reminders.scheduleCase(
          {
            tenantId: turn.scope.tenantId, caseId: created.caseId, caseRef: created.reference, teamId: channel.teamId, channel: { id: channel.id, serviceUrl: channel.serviceUrl },
            caseworkerId: created.caseworkerId, chosenOutcome: choice.chosenOutcome, decision,
            chosenReviews: chosen.reviews,
            cadence: turn.rules.cadence(choice.chosenOutcome, decision.startDate),
          },
          storage.db,
        );
      }
      return created;
    });
    return planCardAfterCreate(turn, created) ?? turn.deps.views.caseCard(turn.locale, withStandingPlan(created, turn.rules, standard.standard), { created: true, standards: { decidedUnder: standard, inForce: standard } });
  } catch (error) {
    // Storage's own last-line checks (a taken reference, a CPR number) carry a Danish message.
    if (error instanceof StorageInputError) return refuse([{ field: 'caseReference', message: error.userMessage, en: error.userMessageEn }]);
    throw error;
  }
}
