import { describe, expect, it } from 'vitest';
import { buildCaseSummary, type CaseSummaryInput } from '../bot/summary/case-summary.js';
import { standardPassage } from '../bot/summary/passages.js';
import { cardBytes, summaryCard } from './summary-card.js';
import { contactNotes, level2Decision, OVERRIDE } from '../test/support/summary-fixtures.js';
import { loaded } from '../bot/standards/standard-ref.js';
import { DEFAULT_STANDARD } from '../rules/standard/load.js';

const input = (over: Partial<CaseSummaryInput> = {}): CaseSummaryInput => ({
  case: { tenantId: 't', teamId: 'team', reference: 'SAG-2026-0042', label: 'AB', caseworkerId: 'cw', status: 'open' },
  decision: level2Decision(),
  override: null,
  decidedBy: 'Sagsbehandler A',
  notes: [],
  notesSummary: null,
  passage: standardPassage,
  today: '2026-10-13',
  ...over,
});

const texts = (card: unknown): string[] => {
  const out: string[] = [];
  JSON.stringify(card, (key, value) => {
    if ((key === 'text' || key === 'title' || key === 'value') && typeof value === 'string') out.push(value);
    return value;
  });
  return out;
};

describe('the summary card', () => {
  it('shows the decision, who decided, the next due date and each reason with its passage id', () => {
    const card = summaryCard(buildCaseSummary(input()));
    const t = texts(card);
    expect(t).toContain('Sag SAG-2026-0042 (AB)');
    expect(t).toContain('Niveau 2: intensiv praktisk pædagogisk støtte');
    expect(t).toContain('Sagsbehandler A');
    expect(t).toContain('1. december 2026');
    expect(t).toContain('Afsnit i standarden · pps.kriterier.2 · vis/skjul teksten');
    expect(card.version).toBe('1.5');
  });

  it('says which version of which standard the case was decided under when another is in force now, in the reader’s language, and nothing when it is the same', () => {
    const decidedUnder = loaded(DEFAULT_STANDARD);
    const inForce = loaded({ ...DEFAULT_STANDARD, version: '2' });
    const da = texts(summaryCard(buildCaseSummary(input({ standards: { decidedUnder, inForce } }))));
    expect(da).toContain(`Afgjort efter ${DEFAULT_STANDARD.name.da} version ${DEFAULT_STANDARD.version}; gældende er version 2.`);
    const en = texts(summaryCard(buildCaseSummary(input({ locale: 'en', standards: { decidedUnder, inForce } })), { locale: 'en' }));
    expect(en).toContain(`Decided under ${DEFAULT_STANDARD.name.en} version ${DEFAULT_STANDARD.version}; in force is version 2.`);
    const same = texts(summaryCard(buildCaseSummary(input({ standards: { decidedUnder, inForce: decidedUnder } }))));
    expect(same.join('\n')).not.toContain('Afgjort efter');
  });

  it('in English: the labels the summary carries (measure, override, due dates, scope) and the dates are English', () => {
    const s = buildCaseSummary(input({ locale: 'en', override: OVERRIDE, notes: contactNotes(14, '2026-09-01', 3) }));
    // Reasons and warnings (the "• " lines) are the rules' own Danish texts until rules/ has English ones.
    const t = texts(summaryCard(s, { locale: 'en' }))
      .filter((x) => !x.startsWith('• '))
      .join('\n');
    expect(t).toContain('Case SAG-2026-0042 (AB)');
    expect(t).toContain('Recommendation under the service standard');
    expect(t).toMatch(/Level \d: /);
    expect(t).toContain('1 December 2026');
    expect(t).toMatch(/visits a week of/);
    expect(t).not.toMatch(/Niveau|Ny bevilling|Opfølgning|besøg om ugen|december 2026|Sagsresumé|Anbefaling/);
  });

  it('carries the standard’s own words hidden behind a toggle, each passage once, every reason opening its copy', () => {
    const summary = buildCaseSummary(input());
    const card = JSON.stringify(summaryCard(summary));
    const verbatim = JSON.stringify(standardPassage('pps.kriterier.2')!.text);
    expect(card.split(verbatim).length - 1).toBe(1);
    const targets = [...card.matchAll(/"targetElements":\["(passage-\d+)"\]/gu)].map((m) => m[1]!);
    expect(targets).toHaveLength(summary.decision!.reasons.length);
    for (const id of targets) expect(card).toContain(`"id":"${id}","isVisible":false`);
    expect(new Set(targets).size).toBe(new Set(summary.decision!.reasons.map((r) => r.passage.id)).size);
  });

  it('puts the recommendation and the caseworker’s choice side by side when overridden, with the reason', () => {
    const card = summaryCard(buildCaseSummary(input({ override: OVERRIDE })));
    const columns = JSON.stringify((card.body as { type: string }[]).find((b) => b.type === 'ColumnSet'));
    expect(columns).toContain('Anbefaling efter servicestandarden');
    expect(columns).toContain('Niveau 3: kompenserende praktisk pædagogisk støtte');
    expect(texts(card)).toContain(OVERRIDE.reason);
  });

  it('shows the wellbeing course as one compact line, and nothing before the first scores', () => {
    const areas = [{ id: 'child-development', da: 'Barnets udvikling og adfærd', en: "The child's development" }];
    const course = [
      { assessmentId: 'a', occasion: 'intake' as const, date: '2026-09-01', scores: [{ area: 'child-development', score: 2 as const, reason: 'Uro.' }] },
      { assessmentId: 'b', occasion: 'review' as const, date: '2026-10-01', scores: [{ area: 'child-development', score: 4 as const, reason: 'Ro.' }] },
    ];
    expect(texts(summaryCard(buildCaseSummary(input({ wellbeing: { course, areas } }))))).toContain('Trivsel (1–5): Barnets udvikling og adfærd 2 → 4');
    expect(texts(summaryCard(buildCaseSummary(input({ wellbeing: { course: [], areas } })))).join(' ')).not.toContain('Trivsel');
    // An English reader gets the line in English, with the areas' English names.
    expect(texts(summaryCard(buildCaseSummary(input({ wellbeing: { course, areas }, locale: 'en' })), { locale: 'en' }))).toContain("Wellbeing (1–5): The child's development 2 → 4");
  });

  it('binds each card afresh: a second case shows nothing of the first', () => {
    summaryCard(buildCaseSummary(input({ override: OVERRIDE })));
    const second = JSON.stringify(summaryCard(buildCaseSummary(input({ case: { ...input().case, reference: 'SAG-2026-0099' } }))));
    expect(second).toContain('SAG-2026-0099');
    expect(second).not.toContain('SAG-2026-0042');
    expect(second).not.toContain(OVERRIDE.reason);
  });

  it('leaves no unbound template expression and no empty element behind', () => {
    const json = JSON.stringify(summaryCard(buildCaseSummary(input({ decision: null }))));
    expect(json).not.toMatch(/\$\{|\$when|\$data|null/);
    expect(json).toContain('Der er ikke truffet en afgørelse i sagen endnu.');
  });

  it('stays under 80 KB for the largest case: many reasons and warnings, long notes, 200 notes', () => {
    const decision = level2Decision();
    const long = 'Lang begrundelse med mange ord om familiens situation. '.repeat(40);
    const many = {
      ...decision,
      reasons: Array.from({ length: 20 }, (_, i) => ({ text: `${i}: ${long}`, passage: i % 2 ? 'pps.kriterier.2' : 'pps.maalgruppe.2' })),
      warnings: Array.from({ length: 10 }, () => ({ text: long, passage: 'pps.saerlige.foreloebig' })),
      reviews: Array.from({ length: 12 }, (_, i) => ({ kind: 'regrant' as const, due: `2027-${String(i + 1).padStart(2, '0')}-01`, passage: 'pps.omfang.2', text: long.slice(0, 200) })),
    };
    const summary = buildCaseSummary(
      input({
        decision: many,
        override: { ...OVERRIDE, reason: long.repeat(3) },
        notes: contactNotes(200, '2026-01-01', 1),
        notesSummary: { text: long.repeat(20), producedBy: 'sprogmodel (pseudonymiseret)', byModel: true, at: '2026-10-12T08:00:00Z', noteCount: 200 },
      }),
    );
    const bytes = cardBytes(summaryCard(summary));
    expect(bytes).toBeLessThan(80 * 1024);
  });
});
