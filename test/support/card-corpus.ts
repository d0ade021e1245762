import { STANDARD_INTAKE_FIGURES } from './rules.js';
import { STEP_IDS } from '../../bot/intake/steps.js';
import { parseAcceptSubmission, parseOverrideSubmission, parseStepSubmission } from '../../bot/intake/submission.js';
import type { FieldProblem } from '../../rules/facts.js';
import { askReferenceCard } from '../../cards/ask-reference.js';
import { caseCard, caseCreatedCard } from '../../cards/case.js';
import { caseListCard } from '../../cards/case-list.js';
import type { CaseView } from '../../cards/case-view.js';
import { errorCard } from '../../cards/error.js';
import { escalationCard } from '../../cards/escalation.js';
import { helpCard } from '../../cards/help.js';
import { infoCard, withConfirmation } from '../../cards/info.js';
import { intakeStepCard } from '../../cards/intake-step.js';
import type { Locale } from '../../cards/locale.js';
import { needsInformationCard } from '../../cards/needs-information.js';
import { reminderCard, reminderPostCard } from '../../cards/reminder-card.js';
import { noteFormCard, noteNameWarningCard, notesSummaryCard, notesSummaryFailedCard, notesSummaryPendingCard, withNotesOnCaseCard } from '../../cards/notes.js';
import { resultCard } from '../../cards/result.js';
import { resultDetailsCard } from '../../cards/result-details.js';
import type { CardJson } from '../../cards/template.js';
import { VERBS } from '../../cards/verbs.js';
import { shareConfirmCard, summaryPromptCard } from '../../cards/summary-share.js';
import { summaryCard } from '../../cards/summary-card.js';
import { buildCaseSummary } from '../../bot/summary/case-summary.js';
import { standardPassage } from '../../bot/summary/passages.js';
import { contactNotes, level2Decision, OVERRIDE } from './summary-fixtures.js';
import { scopeUsage } from '../../rules/scope-usage.js';
import * as f from './card-fixtures.js';
import { decide } from '../../rules/decide.js';
import type { Facts } from '../../rules/facts.js';
import { weeklyDigestCard } from '../../cards/weekly-digest-card.js';
import { refusedPlanCard, samplePlanCard, sampleReviewCard } from './plan-fixtures.js';

/** Every card the bot can send, in one language, with a name for each: the corpus the card tests walk. */
export const view: CaseView = {
  caseReference: '2026-001234',
  childPseudonym: 'AB',
  outcome: 'level1',
  variant: '1B',
  startDate: '2026-02-01',
  status: 'open',
  channelName: 'Familieafdelingen Vest',
  decidedBy: 'Sagsbehandler K',
  decidedAt: '2026-01-15T10:00:00Z',
  reviews: f.level1Decision.reviews,
};
export const override = {
  recommended: 'level2' as const,
  chosen: 'level1' as const,
  chosenVariant: '1B' as const,
  reason: 'Familien har selv bedt om færre besøg og har et stærkt netværk.',
  by: 'Sagsbehandler K',
  at: '2026-01-15T10:00:00Z',
};
export const answers = { child: { ageMonths: 8 }, concern: 'beginning' as const, safetyConcern: false, riskFactors: ['parent-3', 'parent-7', 'child-3'] };

const sampleUsage = scopeUsage(
  [
    { date: '2026-03-02', kind: 'visit', minutes: 60 },
    { date: '2026-03-03', kind: 'interdisciplinary-meeting', minutes: 45 },
    { date: '2026-03-04', kind: 'phone', minutes: 10 },
  ],
  { outcome: 'level1', variant: '1B', scope: f.level1Decision.scope!, startDate: '2026-02-01' },
  '2026-03-04',
);

const sampleReminder = {
  tenantId: 't1',
  reminderId: 42,
  caseId: '3f1c2b7a-6d4e-4f5a-9b8c-7d6e5f4a3b2c',
  caseRef: '2026-001234',
  due: '2026-04-05',
  notice: 'lead' as const,
  task: 'Genbevilling: har indsatsen tilstrækkelig effekt?',
  passage: 'pps.omfang.2',
  handled: null,
};

const samplePost = {
  tenantId: 't1',
  caseId: sampleReminder.caseId,
  caseRef: sampleReminder.caseRef,
  items: [
    { ...sampleReminder, reminderId: 43, task: 'Første opfølgning efter Barnets lov § 95.', passage: 'pps.lovgrundlag' },
    { ...sampleReminder, notice: 'due' as const },
  ],
};

/** The case summary (chat command, message extension), built in the reader's language as the bot does. */
function sampleSummary(locale: Locale, withDecision: boolean) {
  return buildCaseSummary({
    case: { tenantId: 't', teamId: 'team', reference: '2026-001234', label: 'AB', caseworkerId: 'cw', status: 'open' },
    decision: withDecision ? level2Decision() : null,
    override: withDecision ? OVERRIDE : null,
    decidedBy: 'Sagsbehandler K',
    notes: contactNotes(6),
    notesSummary: { text: 'Tre besøg; mor er træt.', producedBy: 'familie-gpt', at: '2026-10-01T10:00:00Z', noteCount: 3, byModel: true },
    plan: {
      caseId: '00000000-0000-4000-8000-000000000001',
      version: 2,
      purpose: 'Faste rammer for måltider.',
      expectedDuration: { value: 3, unit: 'months' },
      goals: [{ id: 'g1', text: 'Sengetid kl. 19', agreedWithParents: true, progressSign: 'Sover før kl. 19.30', latest: { progress: 'some', label: 'Noget', date: '2026-09-01', note: null }, history: [] }],
      lastReview: { date: '2026-09-01', decision: 'continue', label: 'Fortsæt' },
      nextReview: { due: '2026-12-01', kind: 'regrant', passage: 'pps.omfang.2', text: 'Ny bevilling' },
      closing: null,
    },
    passage: standardPassage,
    today: '2026-10-13',
    locale,
  });
}

/**
 * Answers the real rules decide as level 1 with every warning that names an answer or a figure:
 * no start date, a born child marked late in pregnancy, the draft's 1/1A choice.
 */
const level1Facts: Facts = {
  ...f.level2Facts,
  child: { ageMonths: 84, latePregnancy: true },
  concern: 'concern',
  investigation: 'completed',
  preliminaryPlan: false,
  solvableInLimitedPeriod: true,
  intensiveNeeded: false,
  receivesVisitationSocial: false,
  startDate: undefined,
};
/** The problems a parser really gives for a refused form: the card shows them as the bot would. */
function problemsOf(result: { ok: true } | { ok: false; problems: FieldProblem[] }): FieldProblem[] {
  if (result.ok) throw new Error('the sample submission was meant to be refused');
  return result.problems;
}
const refusedAge = () => problemsOf(parseStepSubmission('child', { verb: VERBS.intakeNext, draftId: 'draft-1', stepId: 'child', childBorn: 'born', childAgeMonths: '400' }, {}, STANDARD_INTAKE_FIGURES));
const refusedAccept = () =>
  problemsOf(parseAcceptSubmission({ verb: VERBS.caseAccept, draftId: 'draft-1', caseReference: 'x y', childPseudonym: 'Mette Jensen', channelId: '19:c1@thread.tacv2', startDate: '2026-02-30' }));
const refusedOverride = () =>
  problemsOf(
    parseOverrideSubmission({
      verb: VERBS.caseOverride,
      draftId: 'draft-1',
      overrideCaseReference: '2026-001234',
      overrideChildPseudonym: 'AB',
      overrideChannelId: '19:c1@thread.tacv2',
      overrideStartDate: '2026-02-01',
      chosen: 'level1',
      chosenVariant: '1B',
      reason: 'kort',
    }),
  );

const refusedChannel = () =>
  problemsOf(
    parseAcceptSubmission(
      { verb: VERBS.caseAccept, draftId: 'draft-1', caseReference: '2026-001234', childPseudonym: 'AB', channelId: '19:other@thread.tacv2', startDate: '2026-02-01' },
      ['19:c1@thread.tacv2'],
    ),
  );

export function everyCard(locale: Locale): [string, CardJson][] {
  const intake = { locale, draftId: 'draft-1', figures: STANDARD_INTAKE_FIGURES };
  const result = { ...intake, channels: f.channels };
  return [
    ...STEP_IDS.map((s): [string, CardJson] => [`intake step ${s}`, intakeStepCard(s, answers, intake)]),
    // Refused forms show the parsers' own messages, in the reader's language.
    ['intake step with problems', intakeStepCard('child', {}, { ...intake, typed: { childAgeMonths: '400' }, problems: refusedAge() })],
    ['older child reason', intakeStepCard('special', { child: { ageMonths: 170 } }, intake)],
    ['escalation', escalationCard(f.escalateDecision, result)],
    ['result level 2', resultCard(f.level2Decision, result)],
    ['result refused', resultCard(f.level2Decision, { ...result, typed: { caseReference: 'x y', reason: 'kort' }, problems: refusedAccept() })],
    ['result refused override', resultCard(f.level1Decision, { ...result, typed: { reason: 'kort' }, problems: refusedOverride() })],
    ['escalation refused', escalationCard(f.escalateDecision, { ...result, problems: refusedChannel() })],
    ['result level 1B', resultCard(f.level1Decision, result)],
    ['result preventive', resultCard(f.preventiveDecision, result)],
    ['result escalate', resultCard(f.escalateDecision, result)],
    ['result none', resultCard(f.noneDecision, result)],
    // The result's background, one tap from the result card: why not, the legal basis, the standard's words.
    ['result details level 2', resultDetailsCard(f.level2Decision, intake)],
    ['result details level 1 from the rules', resultDetailsCard(decide(level1Facts), { ...intake, typed: { caseReference: '2026-001234', reason: 'Familien har selv bedt om færre besøg.' } })],
    ['result details escalate', resultDetailsCard(f.escalateDecision, intake)],
    ['result details level 1 from the rules, more of the wording', resultDetailsCard(decide(level1Facts), { ...intake, from: 6 })],
    ['needs information', needsInformationCard(f.needsInfoDecision, answers, intake)],
    // The rules' own words, not a fixture's: warnings and questions as a decision really words them.
    ['result level 1 from the rules', resultCard(decide(level1Facts), result)],
    ['needs information from the rules', needsInformationCard(decide({ referenceDate: '2026-01-15', safetyConcern: false }), {}, intake)],
    ['case created', caseCreatedCard({ ...view, outcome: 'level2', variant: null, reviews: f.level2Decision.reviews }, f.level2Decision, undefined, { locale })],
    ['case created with override', caseCreatedCard(view, f.level2Decision, override, { locale })],
    ['case', caseCard({ ...view, override }, { locale })],
    ['case list', caseListCard([view, { ...view, caseReference: '2026-000999', childPseudonym: 'CD', outcome: 'preventive', variant: null }], { locale })],
    ['empty case list', caseListCard([], { locale })],
    ['help', helpCard({ locale })],
    // The plan's tasks are the standard's own Danish words: an English card quotes them »…«.
    ['plan', samplePlanCard(locale)],
    // What was typed comes back as typed (Danish in both); the problems are the card's own words.
    ['plan refused', refusedPlanCard(locale)],
    ['plan review', sampleReviewCard(locale)],
    // What a caseworker typed comes back as typed (Danish here in both languages; it is not the card's words).
    ['note form', noteFormCard(locale, '2026-001234', '6f1f3c1e-2b7a-4c55-9d1e-0a6b5c4d3e2f', '2026-03-02')],
    ['note form refused', noteFormCard(locale, '2026-001234', '6f1f3c1e-2b7a-4c55-9d1e-0a6b5c4d3e2f', '2026-03-02', { kind: 'visit', text: 'Besøg hos familien' }, [locale === 'da' ? 'Skriv tidsforbruget i minutter som et tal.' : 'Write the time spent in minutes as a number.'])],
    ['case with notes', withNotesOnCaseCard(caseCard(view, { locale }), '2026-001234', sampleUsage, 3, locale)],
    // The summary is made from the Danish notes and stays as written; the card's own words follow the reader.
    ['notes summary', notesSummaryCard({ caseReference: '2026-001234', summary: 'Tre besøg; mor er træt.', passages: [{ id: 'hpi.titel', why: 'Praktisk støtte i hjemmet.' }], producedBy: 'uden sprogmodel', method: 'extractive', noteCount: 3 }, locale)],
    ['note with a name', noteNameWarningCard(locale, '2026-001234', '6f1f3c1e-2b7a-4c55-9d1e-0a6b5c4d3e2f', { kind: 'visit', date: '2026-03-02', minutes: '45', text: 'Besøg hos Mette; Storm legede.' }, ['Mette', 'Storm'])],
    ['notes summary being made', notesSummaryPendingCard('2026-001234', locale)],
    // The reminder card, posted in the case's thread: open, refused with what was typed, and handled.
    // A channel's card is in the team's language (Danish unless one is set); both must be whole.
    ['reminder', reminderCard({ ...sampleReminder, locale })],
    ['reminder for its caseworker', reminderCard({ ...sampleReminder, locale, to: { id: '29:aad-sanne', name: 'Sanne Sagsbehandler' } })],
    ['reminder refused', reminderCard({ ...sampleReminder, locale, message: locale === 'da' ? 'Notatet ser ud til at indeholde et CPR-nummer.' : 'The note seems to contain a CPR number.', typedNote: 'Mødet gik godt.' })],
    ['reminder handled', reminderCard({ ...sampleReminder, locale, handled: { byName: 'Anna Berg', at: new Date('2026-03-20T09:30:00Z'), action: 'continue' } })],
    // A case's reminders of one day on one post: the § 95 follow-up and the re-grant, each with its own forms.
    ['reminder post of two', reminderPostCard({ ...samplePost, locale, to: { id: '29:aad-sanne', name: 'Sanne Sagsbehandler' } })],
    ['reminder post of two, one handled', reminderPostCard({ ...samplePost, locale, items: [{ ...samplePost.items[0]!, handled: { byName: 'Anna Berg', at: new Date('2026-03-20T09:30:00Z'), action: 'snoozed', reason: 'Afventer skolen' } }, samplePost.items[1]!] })],
    ['notes summary failed', notesSummaryFailedCard('2026-001234', locale)],
    // The weekly digest in a team's channel: figures and references, and the week with nothing in it.
    ['weekly digest', weeklyDigestCard({ weekNumber: 49, from: '2026-11-30', until: '2026-12-06', openCases: 12, locale,
      overdue: [{ category: 'review', cases: ['SAG-2026-0002', 'SAG-2026-0007'] }, { category: 'grant', cases: [] }, { category: 'statutory', cases: ['SAG-2026-0002'] }],
      comingWeek: [{ category: 'grant', cases: Array.from({ length: 18 }, (_, i) => `SAG-2026-${String(100 + i).padStart(4, '0')}`) }] })],
    ['weekly digest, nothing due', weeklyDigestCard({ weekNumber: 1, from: '2027-01-04', until: '2027-01-10', openCases: 0, overdue: [], comingWeek: [], locale })],
    // The case summary for chats and the message extension; what people typed (goals, purpose) is shown as typed.
    ['summary card', summaryCard(sampleSummary(locale, true), { locale, tabUrl: 'https://teams.microsoft.com/l/entity/app/tab' })],
    ['summary card before a decision', summaryCard(sampleSummary(locale, false), { locale })],
    // In a group or meeting chat: the prompt with nothing of the case, and the audience before a share.
    ['summary prompt', summaryPromptCard(locale, '2026-001234')],
    ['summary share confirmation', shareConfirmCard(locale, '2026-001234', { members: 6, outsideTeam: ['Ole Udenfor', 'Pia Psykolog'] })],
    ['result without a team', resultCard(f.level2Decision, { ...result, channels: [] })],
    ['escalation without a team', escalationCard(f.escalateDecision, { ...result, channels: [] })],
    ['welcome without a team', helpCard({ locale, noTeam: true })],
    ['information', infoCard(locale === 'da' ? 'Du har ikke noget interview i gang her. Skriv »ny sag« for at starte et.' : 'You have no interview in progress here. Write »new case« to start one.', { locale })],
    ['note saved', withConfirmation(caseCard(view, { locale }), locale === 'da' ? 'Notatet er gemt.' : 'Note saved.')],
    ...(['find', 'plan', 'review', 'notes', 'note'] as const).map((a): [string, CardJson] => [`ask for the case number (${a})`, askReferenceCard(a, { locale, personal: true })]),
    ['error', errorCard('Sagsnummeret findes allerede.', { caseReference: { label: 'Sagsnummer', value: '2026-001234' } }, { locale, retry: { verb: VERBS.caseAccept, data: { draftId: 'd1' } } })],
  ];
}

