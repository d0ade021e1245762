import type { CardContext } from './context.js';
import { NOTE_VERBS } from './notes.js';
import { execute, pick, type CardJson } from './template.js';
import { VERBS, type Verb } from './verbs.js';

/** What a bare command was for: each opens its own card once the case number is known. */
export type AskFor = 'find' | 'plan' | 'review' | 'notes' | 'note';

const FOR: Record<AskFor, { verb: Verb | (typeof NOTE_VERBS)[keyof typeof NOTE_VERBS]; title: { da: string; en: string }; button: { da: string; en: string } }> = {
  find: { verb: VERBS.caseOpen, title: { da: 'Hvilken sag vil du se?', en: 'Which case do you want to see?' }, button: { da: 'Vis sagen', en: 'Show the case' } },
  plan: { verb: VERBS.planEdit, title: { da: 'Hvilken sags plan vil du se?', en: "Which case's plan do you want to see?" }, button: { da: 'Vis planen', en: 'Show the plan' } },
  review: { verb: VERBS.reviewStart, title: { da: 'Hvilken sag vil du gennemgå?', en: 'Which case do you want to review?' }, button: { da: 'Start gennemgangen', en: 'Start the review' } },
  notes: { verb: NOTE_VERBS.notesSummary, title: { da: 'Hvilken sags notater vil du se?', en: "Which case's notes do you want to see?" }, button: { da: 'Vis resumé af notater', en: 'Show the notes summary' } },
  note: { verb: NOTE_VERBS.noteForm, title: { da: 'Hvilken sag skal notatet på?', en: 'Which case is the note for?' }, button: { da: 'Skriv notatet', en: 'Write the note' } },
};

/**
 * A command picked from the Teams command menu arrives bare ("find", "plan"): it asks for the case
 * number with a small form instead of guessing, and offers "Mine sager" for those who do not have
 * the number at hand. The form's button is the same action as the case's own button.
 */
export function askReferenceCard(askFor: AskFor, ctx: CardContext & { personal: boolean }): CardJson {
  const t = pick(ctx.locale);
  const what = FOR[askFor];
  return {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.5',
    fallbackText: t(what.title),
    body: [
      { type: 'TextBlock', text: t(what.title), weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' },
      {
        type: 'Input.Text',
        id: 'caseReference',
        label: t({ da: 'Sagsnummer', en: 'Case reference' }),
        placeholder: t({ da: 'Fx 27.12.08-G01-123-25', en: 'E.g. 27.12.08-G01-123-25' }),
        maxLength: 40,
        isRequired: true,
        errorMessage: t({ da: 'Skriv sagsnummeret.', en: 'Enter the case reference.' }),
      },
    ],
    actions: [
      execute(t(what.button), what.verb as Verb, {}, { style: 'positive' }),
      // The user's own cases are listed in the personal chat only (doors.ts).
      ...(ctx.personal ? [execute(t({ da: 'Mine sager', en: 'My cases' }), VERBS.caseMine, {}, { inputs: 'none' })] : []),
    ],
  };
}
