import { describe, expect, it } from 'vitest';
import { describePlanProblems, parsePlanInput, planFieldLabel } from './schema.js';

const preventive = { preventive: true, preventiveMaxWeeks: 40 };
const level = { preventive: false, preventiveMaxWeeks: 40 };

function goodPlan(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    purpose: 'Forældrene får ro på hverdagen og læser barnets signaler.',
    expectedDuration: { value: 40, unit: 'weeks' },
    goals: [{ text: 'Faste sovetider', agreedWithParents: true, progressSign: 'Barnet sover til kl. 6 fem nætter om ugen' }],
    focusPoints: ['interaction'],
    tasks: ['relations-4'],
    referralSource: 'health-visitor',
    daycareStart: { date: '2026-08-01', kind: 'nursery' },
    visitationSocial: { receives: true, contactRole: 'housing-support' },
    ...overrides,
  };
}

function problemsOf(input: unknown, context = preventive, locale: 'da' | 'en' = 'da'): string[] {
  const r = parsePlanInput(input, context);
  if (r.ok) throw new Error('expected the plan to be refused');
  return describePlanProblems(r.problems, locale);
}

describe('plan input', () => {
  it('accepts a full preventive plan and keeps the chosen focus points and tasks', () => {
    const r = parsePlanInput(goodPlan(), preventive);
    expect(r.ok && r.value).toMatchObject({ focusPoints: ['interaction'], tasks: ['relations-4'], visitationSocial: { receives: true, contactRole: 'housing-support' } });
  });

  it('refuses a plan without goals, saying to write at least one', () => {
    expect(problemsOf(goodPlan({ goals: [] }))).toEqual(['Mål: skriv mindst ét mål']);
  });

  it('refuses a goal whose text is blank, naming which goal', () => {
    const goals = [{ text: '  ', agreedWithParents: false, progressSign: 'x' }];
    expect(problemsOf(goodPlan({ goals }))).toEqual(['Mål 1, målet: mangler; skriv målet eller fjern det']);
  });

  it('refuses more than five goals', () => {
    const goal = { text: 'Mål', agreedWithParents: true, progressSign: 'Ses' };
    expect(problemsOf(goodPlan({ goals: Array(6).fill(goal) }))).toEqual(['Mål: højst 5 mål; saml eller fjern nogle']);
  });

  it('refuses over-long text, saying the limit', () => {
    expect(problemsOf(goodPlan({ purpose: 'a'.repeat(1001) }))).toEqual(['Formål: er for lang: højst 1000 tegn; forkort teksten']);
  });

  it.each(['Barnet 010203-1234 skal i vuggestue', 'cpr 0102031234'])('refuses a CPR-like number in the purpose ("%s")', (purpose) => {
    expect(problemsOf(goodPlan({ purpose }))[0]).toMatch(/^Formål: ligner et CPR-nummer/);
  });

  it('refuses a full name in a goal and says to write initials or a role', () => {
    const goals = [{ text: 'Mette Jensen skal have ro om aftenen', agreedWithParents: true, progressSign: 'Ro' }];
    expect(problemsOf(goodPlan({ goals }))[0]).toMatch(/^Mål 1, målet: ser ud til at indeholde et fuldt navn.*initialer eller en rolle/);
  });

  it('limits a preventive course to 40 weeks, as the model does', () => {
    expect(problemsOf(goodPlan({ expectedDuration: { value: 41, unit: 'weeks' } }))).toEqual([
      'Forventet varighed: er for lang: en hjemmepædagogisk indsats varer højst 40 uger (10 måneder)',
    ]);
    expect(parsePlanInput(goodPlan({ expectedDuration: { value: 12, unit: 'months' }, focusPoints: [], tasks: [] }), level).ok).toBe(true);
  });

  it('asks a preventive plan for at least one focus point and one task', () => {
    expect(problemsOf(goodPlan({ focusPoints: [], tasks: [] }))).toEqual([
      'Fokuspunkter: vælg mindst ét fokuspunkt fra modellen',
      'Arbejdsopgaver: vælg mindst én arbejdsopgave fra modellen',
    ]);
  });

  it('keeps focus points and tasks out of a special-support plan', () => {
    expect(problemsOf(goodPlan(), level)).toEqual([
      'Fokuspunkter: gælder kun hjemmepædagogisk indsats; fjern valget',
      'Arbejdsopgaver: gælder kun hjemmepædagogisk indsats; fjern valget',
    ]);
    expect(parsePlanInput(goodPlan({ focusPoints: [], tasks: [] }), level).ok).toBe(true);
  });

  it('refuses a task that is not one of the model\'s', () => {
    expect(problemsOf(goodPlan({ tasks: ['relations-99'] }))).toEqual(['Arbejdsopgaver: er ikke en af modellens arbejdsopgaver']);
  });

  it('asks for the Visitation Social contact\'s role when the parents get support there', () => {
    expect(problemsOf(goodPlan({ visitationSocial: { receives: true } }))).toEqual([
      'Kontaktperson i Visitation Social: vælg kontaktpersonens rolle i Visitation Social (ikke navnet)',
    ]);
  });

  it('has no field for a contact\'s name at all', () => {
    expect(problemsOf(goodPlan({ visitationSocial: { receives: true, contactRole: 'other', contactName: 'X' } }))).toEqual([
      'visitationSocial.contactName: er ikke et kendt felt; fjern det eller ret stavningen',
    ]);
  });

  it('takes a referral note only with "other"', () => {
    expect(problemsOf(goodPlan({ referralNote: 'naboen' }))).toEqual(['Henvist af (andet): bruges kun når henvisningen kom fra »Andet«; fjern teksten']);
    const r = parsePlanInput(goodPlan({ referralSource: 'other', referralNote: 'Familiens netværk' }), preventive);
    expect(r.ok && r.value.referralNote).toBe('Familiens netværk');
  });

  it('refuses a daycare start date that does not exist', () => {
    expect(problemsOf(goodPlan({ daycareStart: { date: '2026-02-30', kind: 'nursery' } }))).toEqual([
      'Planlagt start i dagtilbud: datoen findes ikke i kalenderen',
    ]);
  });

  it('words a missing or unknown choice as what to choose, not as ids', () => {
    expect(problemsOf(goodPlan({ referralSource: 'neighbour' }))).toEqual(['Henvist af: vælg hvem der henviste familien']);
    expect(problemsOf(goodPlan({ visitationSocial: {} }))).toEqual(['Visitation Social: angiv om forældrene får støtte fra Visitation Social (ja eller nej)']);
  });

  it('labels goal fields by their number on the card', () => {
    expect(planFieldLabel('goals.2.progressSign')).toBe('Mål 3, sådan ser vi fremskridt');
  });

  it('words every problem in English for an English reader, the field named as on the English card', () => {
    const goals = [{ text: '  ', agreedWithParents: false, progressSign: 'Se 010203-1234' }];
    expect(problemsOf(goodPlan({ goals, tasks: ['relations-4', 'relations-4'], referralSource: 'neighbour' }), preventive, 'en')).toEqual([
      'Goal 1, the goal: is missing; write the goal or remove it',
      'Goal 1, how we see progress: looks like a CPR number, which must not be stored; remove the number (the case is known by its case number)',
      'Tasks: names the same task more than once',
      'Referred by: choose who referred the family',
    ]);
    expect(problemsOf(goodPlan({ daycareStart: { date: '2026-02-30', kind: 'nursery' } }), preventive, 'en')).toEqual(['Planned start in daycare: the date does not exist in the calendar']);
    expect(planFieldLabel('goals.2.progressSign', 'en')).toBe('Goal 3, how we see progress');
  });
});
