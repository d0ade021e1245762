import type { WellbeingArea } from '../rules/parameters/schema.js';
import { wellbeingReasonId, wellbeingScoreId, type WellbeingFormRow } from '../bot/plan/wellbeing-form.js';
import { wordsTable, type Locale, type Localized } from './locale.js';
import { expand, type CardJson } from './template.js';
import template from './templates/parts/wellbeing-fields.json' with { type: 'json' };

/**
 * The wellbeing fields as the plan card (at intake) and the review card bind them: one 1–5 choice
 * and a short reason per area. Both templates insert the part as `${wellbeing}`; bound to null it is gone.
 */

const WELLBEING_TEXT = {
  heading: { da: 'Barnets trivsel (1–5), valgfrit', en: "The child's wellbeing (1–5), optional" },
  help: {
    da: 'Giv hvert område en score fra 1 (meget bekymrende) til 5 (meget godt) med en kort begrundelse, eller lad alle stå tomme.',
    en: 'Give each area a score from 1 (very worrying) to 5 (very good) with a short reason, or leave them all empty.',
  },
  score: { da: 'Score', en: 'Score' },
  reason: { da: 'Kort begrundelse (ingen navne eller CPR)', en: 'Short reason (no names or CPR)' },
  choose: { da: 'Vælg', en: 'Choose' },
  s1: { da: '1 – meget bekymrende', en: '1 – very worrying' },
  s2: { da: '2 – bekymrende', en: '2 – worrying' },
  s3: { da: '3 – hverken godt eller skidt', en: '3 – neither good nor bad' },
  s4: { da: '4 – godt', en: '4 – good' },
  s5: { da: '5 – meget godt', en: '5 – very good' },
} satisfies Record<string, Localized>;

const wordsFor = wordsTable(WELLBEING_TEXT);

export function wellbeingFields(areas: readonly WellbeingArea[], form: readonly WellbeingFormRow[], locale: Locale): CardJson {
  const s = wordsFor(locale);
  return expand(template, {
    s,
    choices: [s.s1, s.s2, s.s3, s.s4, s.s5].map((title, i) => ({ title, value: String(i + 1) })),
    areas: areas.map((a) => {
      const row = form.find((r) => r.area === a.id);
      return { label: a[locale], scoreId: wellbeingScoreId(a.id), reasonId: wellbeingReasonId(a.id), score: row?.score || null, reason: row?.reason ?? '' };
    }),
  });
}
