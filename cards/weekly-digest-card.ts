import type { Locale, Localized } from './locale.js';
import { formatDate } from './outcome-text.js';
import { danishDate } from './reminder-card.js';
import { expand, type CardJson } from './template.js';
import template from './templates/weekly-digest.json' with { type: 'json' };

/**
 * The weekly digest posted in a team's channel: what is overdue and what falls due in the coming
 * seven days, per kind of due date, by case reference only (no pseudonym, no content of the case).
 * The figures are the team overview's own (bot/overview/figures.ts). Posted to the whole channel,
 * so Danish unless a language is given for the team, as the reminder card.
 */

export type DigestCategory = 'review' | 'grant' | 'statutory' | 'child-plan';

export interface DigestLine {
  category: DigestCategory;
  /** References, sorted. */
  cases: string[];
}

export interface WeeklyDigestData {
  /** ISO week number of the week the digest is for. */
  weekNumber: number;
  /** YYYY-MM-DD: the digest's day and the last day of its coming week. */
  from: string;
  until: string;
  openCases: number;
  overdue: DigestLine[];
  comingWeek: DigestLine[];
  locale?: Locale;
}

/** References shown per line; the rest are counted, and the channel's tab lists them all. */
export const MAX_REFERENCES = 15;

const CATEGORY: Record<DigestCategory, Localized> = {
  review: { da: 'Gennemgange og opfølgninger', en: 'Reviews and follow-ups' },
  grant: { da: 'Bevillinger der udløber', en: 'Grants ending' },
  statutory: { da: 'Lovbestemte frister', en: 'Statutory deadlines' },
  'child-plan': { da: 'Barnets plan (Barnets lov § 91)', en: 'Barnets plan – the child’s plan (Barnets lov § 91)' },
};

const TEXT = {
  heading: { da: (w: number) => `Ugens overblik, uge ${w}`, en: (w: number) => `This week's overview, week ${w}` },
  open: { da: (n: number) => `Teamets åbne sager: ${n}`, en: (n: number) => `The team's open cases: ${n}` },
  overdue: { da: () => 'Overskredne frister', en: () => 'Overdue' },
  coming: { da: (until: string) => `Frister de næste 7 dage (til og med ${until})`, en: (until: string) => `Due in the next 7 days (through ${until})` },
  noneOverdue: { da: 'Ingen frister er overskredet.', en: 'Nothing is overdue.' },
  noneComing: { da: 'Ingen frister de næste 7 dage.', en: 'Nothing falls due in the next 7 days.' },
  more: { da: (n: number) => `og ${n} mere`, en: (n: number) => `and ${n} more` },
  footer: {
    da: 'Kun sagsnumre står her. Åbn fanen Familiestøtte i kanalen for teamets overblik og sagerne bag hvert tal.',
    en: "Only case references are shown here. Open the channel's Familiestøtte tab for the team's overview and the cases behind each figure.",
  },
} as const;

export function weeklyDigestCard(data: WeeklyDigestData): CardJson {
  const locale = data.locale ?? 'da';
  const day = (d: string) => (locale === 'da' ? danishDate(d) : formatDate(d, locale));
  const lines = (list: DigestLine[]) =>
    list
      .filter((l) => l.cases.length > 0)
      .map((l) => ({
        label: `${CATEGORY[l.category][locale]} (${l.cases.length})`,
        cases: [l.cases.slice(0, MAX_REFERENCES).join(', '), ...(l.cases.length > MAX_REFERENCES ? [TEXT.more[locale](l.cases.length - MAX_REFERENCES)] : [])].join(' '),
      }));
  const heading = TEXT.heading[locale](data.weekNumber);
  return expand(template, {
    heading,
    openText: TEXT.open[locale](data.openCases),
    sections: [
      { title: TEXT.overdue[locale](), color: 'Attention', empty: TEXT.noneOverdue[locale], lines: lines(data.overdue) },
      { title: TEXT.coming[locale](day(data.until)), color: 'Default', empty: TEXT.noneComing[locale], lines: lines(data.comingWeek) },
    ],
    footer: TEXT.footer[locale],
  });
}
