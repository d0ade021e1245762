import type { Decision } from '../rules/decision-types.js';
import type { CardContext } from './context.js';
import { citedItem, citedItems } from './cited.js';
import { expand, pick, type CardJson } from './template.js';
import template from './templates/parts/escalation.json' with { type: 'json' };

/** The model's own words on the pedagogue's duty to report; cited on every escalation. */
export const UNDERRETNING_PASSAGE = 'hpi.6.underretning';

/**
 * What to do when the child may be in danger. It leads every card it appears on: safety first,
 * and nothing else on the card may push it out of sight. `shown` is the card's record of passages
 * already quoted, so a passage the block quotes is not quoted again further down.
 */
export function escalationBlock(decision: Decision, ctx: CardContext, shown?: Map<string, string>): CardJson {
  const t = pick(ctx.locale);
  const options = { locale: ctx.locale, ...(ctx.lookupPassage ? { lookupPassage: ctx.lookupPassage } : {}), ...(shown ? { shown } : {}) };
  const reasons = citedItems(decision.reasons, 'esc-reason', options);
  const cited = decision.reasons.some((r) => r.passage === UNDERRETNING_PASSAGE)
    ? []
    : [
        citedItem(
          {
            text: t({
              da: 'Modellen: pædagogen skal kunne underrette familieafdelingen, hvis hjemmet viser sig at kræve yderligere hjælp eller indgriben.',
              en: 'The model: the pedagogue must be able to report to the family department when the home turns out to need more help or intervention.',
            }),
            passage: UNDERRETNING_PASSAGE,
          },
          'esc-model',
          options,
        ),
      ];
  return expand(template, {
    kicker: t({ da: 'SIKKERHED FØRST', en: 'SAFETY FIRST' }),
    title: t({ da: 'Barnet kan være i fare – underret nu', en: 'The child may be in danger – report now' }),
    lead: t({
      da: 'Svarene peger på vold, overgreb eller alvorligt omsorgssvigt. En underretning går forud for valg af indsats: vent ikke på resten af interviewet.',
      en: 'The answers point to violence, abuse or serious neglect. An underretning comes before choosing any measure: do not wait for the rest of the interview.',
    }),
    stepsTitle: t({ da: 'Det skal du gøre nu', en: 'What to do now' }),
    steps: [
      {
        number: 1,
        text: t({ da: 'Er barnet i akut fare, så ring 112.', en: 'If the child is in immediate danger, call 112.' }),
        law: '',
      },
      {
        number: 2,
        text: t({
          da: 'Underret kommunen i dag. Som offentligt ansat har du skærpet underretningspligt: du skal underrette, når du har grund til at antage, at et barn kan have behov for særlig støtte.',
          en: 'Report to the municipality today. As a public employee you have a heightened duty to report (skærpet underretningspligt) when you have reason to believe a child may need special support.',
        }),
        law: 'Barnets lov § 133',
      },
      {
        number: 3,
        text: t({
          da: 'Kommunen skal senest 24 timer efter underretningen vurdere, om barnets sundhed eller udvikling er i fare, og om der skal iværksættes akutte foranstaltninger. Sig til din leder, så vurderingen når at blive lavet.',
          en: "Within 24 hours of the report the municipality must assess whether the child's health or development is in danger and whether urgent measures are needed. Tell your manager so the assessment is made in time.",
        }),
        law: 'Barnets lov § 136',
      },
      {
        number: 4,
        text: t({
          da: 'Skriv konkret, hvad du har set og hørt, hvornår og af hvem – ikke fortolkninger. Brug kommunens underretningsformular, og skriv ikke CPR-nummer her i Teams.',
          en: 'Write down concretely what you saw and heard, when and from whom – not interpretations. Use the municipality’s report form, and do not write a CPR number here in Teams.',
        }),
        law: '',
      },
    ],
    citations: [...reasons, ...cited],
  });
}
