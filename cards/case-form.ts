import { CHOOSABLE_OUTCOMES, type Decision } from '../rules/decision-types.js';
import type { ResultCardContext } from './context.js';
import { noTeamFormLine } from './no-team.js';
import { outcomeShort } from './outcome-text.js';
import { expand, execute, pick, type CardJson } from './template.js';
import { VERBS } from './verbs.js';
import { maskCpr } from '../bot/privacy/cpr.js';
import caseFieldsTemplate from './templates/parts/case-fields.json' with { type: 'json' };
import overrideFieldsTemplate from './templates/parts/override-fields.json' with { type: 'json' };

/**
 * The case form (Acceptér) and the override form (Vælg andet udfald) both sit in Action.ShowCards
 * on the same card, and a card's input ids must be unique, so the override form's copies of the
 * case fields carry a prefix. The parsers in bot/intake/submission.ts know both spellings.
 */
export const CASE_FIELD_IDS = {
  caseReference: 'caseReference',
  childPseudonym: 'childPseudonym',
  channelId: 'channelId',
  startDate: 'startDate',
} as const;

export const OVERRIDE_CASE_FIELD_IDS = {
  caseReference: 'overrideCaseReference',
  childPseudonym: 'overrideChildPseudonym',
  channelId: 'overrideChannelId',
  startDate: 'overrideStartDate',
} as const;

function caseFields(ids: Record<keyof typeof CASE_FIELD_IDS, string>, decision: Decision, ctx: ResultCardContext): CardJson {
  const t = pick(ctx.locale);
  const only = ctx.channels.length === 1 ? ctx.channels[0]?.id : undefined;
  return expand(caseFieldsTemplate, {
    ids,
    labels: {
      caseReference: t({ da: 'Sagsnummer', en: 'Case reference' }),
      childPseudonym: t({ da: 'Barnets initialer eller pseudonym', en: "Child's initials or pseudonym" }),
      channelId: t({ da: 'Teamets kanal til påmindelser', en: "Team channel for reminders" }),
      startDate: t({ da: 'Startdato', en: 'Start date' }),
    },
    placeholders: {
      caseReference: t({ da: 'Fx 27.12.08-G01-123-25', en: 'E.g. 27.12.08-G01-123-25' }),
      childPseudonym: t({ da: 'Fx AB', en: 'E.g. AB' }),
      channelId: t({ da: 'Vælg kanal', en: 'Choose a channel' }),
    },
    hints: {
      childPseudonym: t({ da: 'Aldrig fulde navn eller CPR-nummer.', en: 'Never a full name or CPR number.' }),
      channelId: t({ da: 'Påmindelser om frister sendes hertil.', en: 'Reminders of due dates are posted here.' }),
    },
    errors: {
      caseReference: t({ da: 'Skriv kommunens sagsnummer: 3–40 bogstaver, tal, punktum, bindestreg eller skråstreg, uden mellemrum.', en: "Enter the municipality's case reference: 3–40 letters, digits, dots, hyphens or slashes, no spaces." }),
      childPseudonym: t({ da: 'Skriv barnets initialer eller et pseudonym.', en: "Enter the child's initials or a pseudonym." }),
      channelId: t({ da: 'Vælg den kanal, teamet følger sagen i.', en: 'Choose the channel the team follows the case in.' }),
      startDate: t({ da: 'Vælg startdatoen.', en: 'Choose the start date.' }),
    },
    values: {
      caseReference: typedText(ctx, ids.caseReference),
      childPseudonym: typedText(ctx, ids.childPseudonym),
      channelId: typedText(ctx, ids.channelId) ?? only ?? null,
      startDate: typedText(ctx, ids.startDate) ?? decision.startDate,
    },
    channels: ctx.channels.map((c) => ({ id: c.id, name: c.name })),
    noTeam: ctx.channels.length === 0 ? noTeamFormLine(ctx.locale) : null,
  });
}

/** A refused form's value, shown again as typed: strings only, bounded, CPR numbers masked. */
function typedText(ctx: ResultCardContext, id: string): string | null {
  const v = ctx.typed?.[id];
  return typeof v === 'string' && v !== '' ? maskCpr(v.slice(0, 2000)) : null;
}

/** Acceptér: opens the case form; submitting it accepts the recommendation and creates the case. */
export function acceptShowCard(decision: Decision, ctx: ResultCardContext): CardJson {
  const t = pick(ctx.locale);
  return {
    type: 'Action.ShowCard',
    title: t({ da: 'Følg anbefalingen', en: 'Follow the recommendation' }),
    style: 'positive',
    card: {
      type: 'AdaptiveCard',
      body: [
        { type: 'TextBlock', text: t({ da: 'Opret sagen med anbefalingen. Du er den, der beslutter – det registreres.', en: 'Create the case with the recommendation. You are the one deciding – this is recorded.' }), wrap: true },
        caseFields(CASE_FIELD_IDS, decision, ctx),
      ],
      actions: [execute(t({ da: 'Opret sag', en: 'Create case' }), VERBS.caseAccept, { draftId: ctx.draftId }, { style: 'positive' })],
    },
  };
}

/** Vælg andet udfald: another outcome with a required written reason; both are kept on the case. */
export function overrideShowCard(decision: Decision, ctx: ResultCardContext): CardJson {
  const t = pick(ctx.locale);
  // Only what the decision's standard has: a municipality without a level 3 is not offered one.
  const outcomes = (ctx.choosable ?? CHOOSABLE_OUTCOMES).filter((o) => o !== decision.outcome).map((o) => ({ title: outcomeShort(o, ctx.locale, ctx.names), value: o }));
  const fields = expand(overrideFieldsTemplate, {
    labels: {
      chosen: t({ da: 'Det udfald, du beslutter', en: 'The outcome you decide' }),
      // Named as the decision's standard names the measure with variants.
      chosenVariant: t({ da: `Variant (kun ${outcomeShort('level1', 'da', ctx.names).toLowerCase()})`, en: `Variant (${outcomeShort('level1', 'en', ctx.names)} only)` }),
      reason: t({ da: 'Begrundelse', en: 'Reason' }),
    },
    placeholders: { reason: t({ da: 'Hvorfor vælger du et andet udfald end anbefalingen?', en: 'Why do you choose another outcome than recommended?' }) },
    hints: {
      reason: t({
        da: 'Mindst 10 tegn. Gemmes sammen med anbefalingen og vises på sagen. Skriv ingen navne eller CPR-numre.',
        en: 'At least 10 characters. Kept with the recommendation and shown on the case. Write no names or CPR numbers.',
      }),
    },
    errors: {
      chosen: t({ da: 'Vælg det udfald, du beslutter.', en: 'Choose the outcome you decide.' }),
      reason: t({ da: 'Skriv en begrundelse på mindst 10 tegn – den er påkrævet.', en: 'Write a reason of at least 10 characters – it is required.' }),
    },
    values: { chosen: typedText(ctx, 'chosen'), chosenVariant: typedText(ctx, 'chosenVariant') ?? 'none', reason: typedText(ctx, 'reason') },
    outcomes,
    variants: [
      { title: t({ da: 'Ingen variant', en: 'No variant' }), value: 'none' },
      { title: '1A', value: '1A' },
      { title: '1B', value: '1B' },
    ],
  });
  return {
    type: 'Action.ShowCard',
    title: t({ da: 'Træf en anden afgørelse', en: 'Make another decision' }),
    card: {
      type: 'AdaptiveCard',
      body: [
        {
          type: 'TextBlock',
          text: t({ da: 'Du kan beslutte et andet udfald end anbefalingen. Både anbefalingen og dit valg gemmes.', en: 'You may decide another outcome than recommended. Both the recommendation and your choice are kept.' }),
          wrap: true,
        },
        fields,
        caseFields(OVERRIDE_CASE_FIELD_IDS, decision, ctx),
      ],
      actions: [execute(t({ da: 'Gem mit valg og opret sag', en: 'Save my choice and create case' }), VERBS.caseOverride, { draftId: ctx.draftId }, { style: 'positive' })],
    },
  };
}
