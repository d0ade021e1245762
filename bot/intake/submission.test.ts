import { describe, expect, it } from 'vitest';
import { VERBS } from '../../cards/verbs.js';
import {
  parseAcceptSubmission,
  parseCaseOpen,
  parseEnvelope,
  parseMissingSubmission,
  parseOverrideSubmission,
  parseRestart,
  parseStepSubmission as parseStep,
} from './submission.js';

const next = (stepId: string, values: Record<string, unknown>) => ({ verb: VERBS.intakeNext, draftId: 'draft-1', stepId, ...values });

const parentsAll = {
  parentsNeedSupport: 'true',
  benefitsFromFamilyTreatment: 'false',
  solvableInLimitedPeriod: 'unknown',
  intensiveNeeded: 'false',
  parentalCapacityUnclear: 'false',
  emotionalCareAdequate: 'true',
  practicalCareSeriousDeficits: 'true',
  parentsSeeNeed: 'true',
};

const parseStepSubmission = (stepId: Parameters<typeof parseStep>[0], raw: unknown, answers: Parameters<typeof parseStep>[2] = {}) => parseStep(stepId, raw, answers, { olderChildMonths: 156, level1Visits: 1, level1bVisits: 2, level1bMonths: { min: 3, max: 6 } });

describe('parsing an intake step', () => {
  it('refuses more than 11 months beside whole years, naming the age question', () => {
    const r = parseStepSubmission('child', next('child', { childBorn: 'born', childAgeYears: '2', childAgeMonths: '14' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.message)).toEqual(['Barnets alder – måneder ud over de hele år: ved siden af hele år er det højst 11 måneder – skriv fx 2 år og 6 måneder']);
    if (!r.ok) expect(r.problems.map((p) => p.en)).toEqual(["The child's age – months beyond the whole years: beside whole years it is at most 11 months – write e.g. 2 years and 6 months"]);
  });

  it.each([
    ['a born child of 14 months', 'child', { childBorn: 'born', childAgeMonths: '14' }, { child: { ageMonths: 14 } }],
    ['2 years and 6 months', 'child', { childBorn: 'born', childAgeYears: '2', childAgeMonths: '6' }, { child: { ageMonths: 30 } }],
    ['whole years only', 'child', { childBorn: 'born', childAgeYears: '7', childAgeMonths: '' }, { child: { ageMonths: 84 } }],
    ['an age sent as a number by a web client', 'child', { childBorn: 'born', childAgeMonths: 7 }, { child: { ageMonths: 7 } }],
    ['an unborn child late in pregnancy', 'child', { childBorn: 'unborn', childLatePregnancy: 'true' }, { child: { ageMonths: null, latePregnancy: true } }],
    ['an unborn child, pregnancy stage unknown', 'child', { childBorn: 'unborn', childLatePregnancy: 'unknown' }, { child: { ageMonths: null } }],
    ['"ved ikke" whether the child is born leaves the child unknown', 'child', { childBorn: 'unknown' }, {}],
    ['concern and a safe child', 'concern', { concern: 'beginning', safetyConcern: 'false' }, { concern: 'beginning', safetyConcern: false }],
    ['the safety question answered yes', 'concern', { concern: 'pronounced', safetyConcern: 'true' }, { concern: 'pronounced', safetyConcern: true }],
    ['"ved ikke" keeps a boolean fact absent, not false', 'concern', { concern: 'unknown', safetyConcern: 'unknown' }, {}],
    ['the family situation', 'family', { complexity: 'low', problemDelimited: 'true', familyResourcesCarry: 'false' }, { complexity: 'low', problemDelimited: true, familyResourcesCarry: false }],
    [
      'ticked risk factors from two lists',
      'risk',
      { riskFactors_parent: 'parent-3,parent-5', riskFactors_child: 'child-1', riskFactorsReviewed: 'reviewed', riskToDevelopment: 'true' },
      { riskFactors: ['parent-3', 'parent-5', 'child-1'], riskToDevelopment: true },
    ],
    ['lists gone through with no ticks: no risk factors', 'risk', { riskFactorsReviewed: 'reviewed', riskToDevelopment: 'false' }, { riskFactors: [], riskToDevelopment: false }],
    ['lists not gone through and no ticks: unknown', 'risk', { riskFactorsReviewed: 'unknown', riskToDevelopment: 'unknown' }, {}],
    ['ticks on unfinished lists still count', 'risk', { riskFactors_expecting: 'expecting-2', riskFactorsReviewed: 'unknown', riskToDevelopment: 'unknown' }, { riskFactors: ['expecting-2'] }],
    ['an assessment under way with a preliminary plan', 'investigation', { investigation: 'underway', preliminaryPlan: 'true' }, { investigation: 'underway', preliminaryPlan: true }],
    [
      "the parents' capacities",
      'parents',
      parentsAll,
      {
        parentsNeedSupport: true,
        benefitsFromFamilyTreatment: false,
        intensiveNeeded: false,
        parentalCapacityUnclear: false,
        emotionalCareAdequate: true,
        practicalCareSeriousDeficits: true,
        parentsSeeNeed: true,
      },
    ],
    ['special circumstances with a start date', 'special', { extraVisitsNeeded: 'true', receivesVisitationSocial: 'false', startDate: '2026-03-01' }, { extraVisitsNeeded: true, receivesVisitationSocial: false, startDate: '2026-03-01' }],
    ['an empty start date means none given', 'special', { extraVisitsNeeded: 'false', receivesVisitationSocial: 'false', startDate: '' }, { extraVisitsNeeded: false, receivesVisitationSocial: false }],
  ])('accepts %s', (_name, stepId, values, facts) => {
    const result = parseStepSubmission(stepId as never, next(stepId, values));
    expect(result).toEqual({ ok: true, facts, unknown: expect.any(Array) });
  });

  it('remembers which questions were answered "Ved ikke" so the card can show that answer again', () => {
    const result = parseStepSubmission('concern', next('concern', { concern: 'risk', safetyConcern: 'unknown' }));
    expect(result).toMatchObject({ ok: true, unknown: ['safetyConcern'] });
  });

  it('takes the reason for level 2 for an older child only when the child is 13 or older', () => {
    const values = { extraVisitsNeeded: 'false', receivesVisitationSocial: 'false', olderChildReason: '  Familien har brug for intensiv støtte nu.  ' };
    expect(parseStepSubmission('special', next('special', values), { child: { ageMonths: 160 } })).toMatchObject({
      ok: true,
      facts: { olderChildReason: 'Familien har brug for intensiv støtte nu.' },
    });
    const young = parseStepSubmission('special', next('special', values), { child: { ageMonths: 20 } });
    expect(young.ok).toBe(false);
  });

  const long = 'x'.repeat(100_000);
  it.each([
    ['a required answer left out', 'concern', { concern: 'risk' }, 'safetyConcern', 'Ved ikke'],
    ['a boolean sent as a real boolean', 'concern', { concern: 'risk', safetyConcern: true }, 'safetyConcern', 'Ja, Nej eller Ved ikke'],
    ['a boolean as "yes"', 'concern', { concern: 'risk', safetyConcern: 'yes' }, 'safetyConcern', 'Ja, Nej eller Ved ikke'],
    ['a concern level that does not exist', 'concern', { concern: 'panic', safetyConcern: 'false' }, 'concern', 'skal være en af'],
    ['a script tag as a concern level', 'concern', { concern: '<script>alert(1)</script>', safetyConcern: 'false' }, 'concern', 'skal være en af'],
    ['a negative age', 'child', { childBorn: 'born', childAgeMonths: '-3' }, 'childAgeMonths', 'helt tal fra 0'],
    ['a fractional age', 'child', { childBorn: 'born', childAgeMonths: '1.5' }, 'childAgeMonths', 'helt tal fra 0'],
    ['an absurd age', 'child', { childBorn: 'born', childAgeMonths: '99999999' }, 'childAgeMonths', 'helt tal fra 0'],
    ['a huge string as age', 'child', { childBorn: 'born', childAgeMonths: long }, 'childAgeMonths', 'helt tal fra 0'],
    ['a born child without an age', 'child', { childBorn: 'born' }, 'childAgeMonths', 'alder'],
    ['an unborn child with an age', 'child', { childBorn: 'unborn', childAgeMonths: '3' }, 'childAgeMonths', 'ikke er født'],
    ['a risk factor from another list', 'risk', { riskFactors_parent: 'child-1', riskFactorsReviewed: 'reviewed', riskToDevelopment: 'true' }, 'riskFactors_parent', 'ikke en risikofaktor'],
    ['an invented risk factor', 'risk', { riskFactors_parent: 'parent-12', riskFactorsReviewed: 'reviewed', riskToDevelopment: 'true' }, 'riskFactors_parent', 'ikke en risikofaktor'],
    ['a risk factor ticked twice', 'risk', { riskFactors_child: 'child-1,child-1', riskFactorsReviewed: 'reviewed', riskToDevelopment: 'true' }, 'riskFactors_child', 'flere gange'],
    ['a risk-factor list as an array', 'risk', { riskFactors_child: ['child-1'], riskFactorsReviewed: 'reviewed', riskToDevelopment: 'true' }, 'riskFactors_child', 'liste af afkrydsninger'],
    ['a date that does not exist', 'special', { extraVisitsNeeded: 'false', receivesVisitationSocial: 'false', startDate: '2026-02-30' }, 'startDate', 'findes ikke'],
    ['a date in another format', 'special', { extraVisitsNeeded: 'false', receivesVisitationSocial: 'false', startDate: '01-03-2026' }, 'startDate', 'ÅÅÅÅ-MM-DD'],
    ['an extra key beyond the envelope', 'concern', { concern: 'risk', safetyConcern: 'false', isAdmin: 'true' }, 'isAdmin', 'ikke et kendt felt'],
    ['a fact smuggled in as a key', 'concern', { concern: 'risk', safetyConcern: 'false', referenceDate: '2020-01-01' }, 'referenceDate', 'ikke et kendt felt'],
    ['a question from another step', 'concern', { concern: 'risk', safetyConcern: 'false', parentsSeeNeed: 'true' }, 'parentsSeeNeed', 'ikke et kendt felt'],
  ])('refuses %s with a Danish message naming the question', (_name, stepId, values, field, words) => {
    const result = parseStepSubmission(stepId as never, next(stepId, values), { child: { ageMonths: 20 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problem = result.problems.find((p) => p.field === field);
    expect(problem, JSON.stringify(result.problems)).toBeDefined();
    expect(problem?.message).toContain(words);
  });

  it('refuses a reason with markup, a CPR number or control characters', () => {
    for (const reason of ['<img src=x onerror=alert(1)>', 'Se 010190-1234 for detaljer', 'Tekst med \u0007 klokke']) {
      const result = parseStepSubmission(
        'special',
        next('special', { extraVisitsNeeded: 'false', receivesVisitationSocial: 'false', olderChildReason: reason }),
        { child: { ageMonths: 170 } },
      );
      expect(result.ok, reason).toBe(false);
    }
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'true'],
    ['an array', [1, 2]],
    ['the wrong verb', { verb: VERBS.caseAccept, draftId: 'd', stepId: 'concern', concern: 'risk', safetyConcern: 'false' }],
    ['the wrong step', { verb: VERBS.intakeNext, draftId: 'd', stepId: 'family', concern: 'risk', safetyConcern: 'false' }],
    ['a draft id with a path', { verb: VERBS.intakeNext, draftId: '../../etc/passwd', stepId: 'concern', concern: 'risk', safetyConcern: 'false' }],
    ['a prototype-polluting key', JSON.parse('{"verb":"intake.next","draftId":"d","stepId":"concern","concern":"risk","safetyConcern":"false","__proto__":{"x":1}}')],
  ])('refuses %s as the payload without throwing', (_name, raw) => {
    const result = parseStepSubmission('concern', raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
  });
});

describe('parsing the answers to a needs-information card', () => {
  it('accepts exactly the questions for the missing facts', () => {
    const raw = { verb: VERBS.intakeMissing, draftId: 'd1', childBorn: 'born', childAgeMonths: '8', parentsSeeNeed: 'false' };
    expect(parseMissingSubmission(['child.ageMonths', 'parentsSeeNeed'], raw)).toEqual({
      ok: true,
      facts: { child: { ageMonths: 8 }, parentsSeeNeed: false },
      unknown: [],
    });
  });

  it('refuses an answer to a question it did not ask', () => {
    const raw = { verb: VERBS.intakeMissing, draftId: 'd1', parentsSeeNeed: 'false', safetyConcern: 'false' };
    expect(parseMissingSubmission(['parentsSeeNeed'], raw).ok).toBe(false);
  });
});

describe('parsing the action envelope', () => {
  it('reads the verb, draft and step and leaves the inputs to the step parser', () => {
    expect(parseEnvelope({ verb: 'intake.next', draftId: 'abc', stepId: 'risk', riskFactors_child: 'child-1' })).toEqual({
      ok: true,
      value: { verb: 'intake.next', draftId: 'abc', stepId: 'risk' },
    });
  });

  it.each([
    ['an unknown verb', { verb: 'admin.delete' }],
    ['no verb', { draftId: 'abc' }],
    ['an unknown step', { verb: 'intake.next', stepId: 'payment' }],
    ['a number as verb', { verb: 7 }],
  ])('refuses %s', (_name, raw) => {
    expect(parseEnvelope(raw).ok).toBe(false);
  });
});

const caseForm = { draftId: 'd1', caseReference: '2026-001234', childPseudonym: 'AB', channelId: '19:familie-vest@thread.tacv2', startDate: '2026-02-01' };
const overrideForm = {
  draftId: 'd1',
  overrideCaseReference: '2026-001234',
  overrideChildPseudonym: 'AB',
  overrideChannelId: '19:familie-vest@thread.tacv2',
  overrideStartDate: '2026-02-01',
};

describe('parsing Acceptér (the case form)', () => {
  it('accepts a case reference, initials, an offered channel and a start date', () => {
    expect(parseAcceptSubmission({ verb: VERBS.caseAccept, ...caseForm }, ['19:familie-vest@thread.tacv2'])).toEqual({ ok: true, value: caseForm });
  });

  it.each([
    ['a full name as pseudonym', { childPseudonym: 'Anna Jensen' }, 'fuldt navn'],
    ['a CPR number as pseudonym', { childPseudonym: '0101901234' }, 'CPR'],
    ['a CPR number as case reference', { caseReference: '010190-1234' }, 'CPR'],
    ['markup in the case reference', { caseReference: '<b>2026</b>' }, 'må kun indeholde bogstaver'],
    ['a case reference with spaces', { caseReference: '2026 001234' }, 'mellemrum'],
    ['an empty case reference', { caseReference: '   ' }, 'Skriv kommunens sagsnummer'],
    ['a huge case reference', { caseReference: 'A'.repeat(100_000) }, 'for langt'],
    ['a channel that was not offered', { channelId: '19:other@thread.tacv2' }, 'ikke en af de kanaler'],
    ['no start date', { startDate: '' }, 'Startdato'],
  ])('refuses %s', (_name, change, words) => {
    const result = parseAcceptSubmission({ verb: VERBS.caseAccept, ...caseForm, ...change }, ['19:familie-vest@thread.tacv2']);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.message).join(' | ')).toContain(words);
  });

  it('refuses an extra key', () => {
    expect(parseAcceptSubmission({ verb: VERBS.caseAccept, ...caseForm, cpr: '0101901234' }).ok).toBe(false);
  });
});

describe('parsing Vælg andet udfald (override)', () => {
  it('accepts another outcome with a written reason and the case fields', () => {
    const result = parseOverrideSubmission({ verb: VERBS.caseOverride, ...overrideForm, chosen: 'level1', chosenVariant: '1B', reason: 'Familien har selv bedt om færre besøg.' });
    expect(result).toEqual({
      ok: true,
      value: { ...caseForm, chosen: 'level1', chosenVariant: '1B', reason: 'Familien har selv bedt om færre besøg.' },
    });
  });

  it.each([
    ['no reason', {}],
    ['an empty reason', { reason: '' }],
    ['a reason of spaces', { reason: '            ' }],
    ['a reason too short to explain anything', { reason: 'fordi' }],
  ])('requires a reason: refuses %s', (_name, change) => {
    const result = parseOverrideSubmission({ verb: VERBS.caseOverride, ...overrideForm, chosen: 'level2', ...change });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => p.message).join(' ')).toContain('Begrundelse');
  });

  it.each([
    ['needs-information, which is a state and not a choice', { chosen: 'needs-information' }],
    ['a variant for level 2', { chosen: 'level2', chosenVariant: '1A' }],
    ['a reason with a script tag', { chosen: 'level2', reason: '<script>alert("x")</script> og mere tekst' }],
  ])('refuses %s', (_name, change) => {
    expect(parseOverrideSubmission({ verb: VERBS.caseOverride, ...overrideForm, reason: 'En god og lang begrundelse.', ...change }).ok).toBe(false);
  });
});

describe('parsing Start forfra and opening a case', () => {
  it('accepts start over with its draft and nothing more', () => {
    expect(parseRestart({ verb: VERBS.intakeRestart, draftId: 'd1' })).toEqual({ ok: true, value: { draftId: 'd1' } });
    expect(parseRestart({ verb: VERBS.intakeRestart, draftId: 'd1', concern: 'risk' }).ok).toBe(false);
  });

  it('opens a case by its reference only', () => {
    expect(parseCaseOpen({ verb: VERBS.caseOpen, caseReference: '2026-001234' })).toEqual({ ok: true, value: { caseReference: '2026-001234' } });
    expect(parseCaseOpen({ verb: VERBS.caseOpen, caseReference: "x'; DROP TABLE cases;--" }).ok).toBe(false);
  });
});
