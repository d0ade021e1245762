import type { Locale } from './locale.js';
import { execute, pick, type CardJson } from './template.js';
import { VERBS } from './verbs.js';

/** Start over asks first: one stray click must not throw a whole interview away. */
export function restartAction(locale: Locale, draftId: string): CardJson {
  const t = pick(locale);
  return {
    type: 'Action.ShowCard',
    title: t({ da: 'Start forfra', en: 'Start over' }),
    card: {
      type: 'AdaptiveCard',
      body: [
        {
          type: 'TextBlock',
          text: t({ da: 'Vil du starte forfra? Alle svar i denne kladde slettes.', en: 'Start over? All answers in this draft are deleted.' }),
          wrap: true,
        },
      ],
      actions: [execute(t({ da: 'Ja, start forfra', en: 'Yes, start over' }), VERBS.intakeRestart, { draftId }, { style: 'destructive', inputs: 'none' })],
    },
  };
}

/**
 * A card's buttons as rows in its body: the main action alone, the others side by side below it.
 * Three buttons in one row are cut to "Følg anb…" on a phone (360 px); two short ones fit, and in
 * the body the buttons come right after the decision, before the details one tap away.
 * A ShowCard opens below its own row.
 */
export function actionRows(main: CardJson, others: readonly CardJson[]): CardJson[] {
  return [
    { type: 'ActionSet', actions: [main] },
    ...(others.length > 0 ? [{ type: 'ActionSet', spacing: 'Small', actions: [...others] }] : []),
  ];
}
