import { describe, expect, it } from 'vitest';
import { parseChildPlanForm } from './child-plan-form.js';

describe("barnets plan's date on the plan card", () => {
  it('refuses a day the calendar does not have, rather than rolling it over into the next month', () => {
    expect(parseChildPlanForm({ stance: 'yes', madeOn: '2026-02-30' }, '2026-12-04', 'da')).toEqual({ ok: false, problems: ['Barnets plan: skriv datoen som ÅÅÅÅ-MM-DD.'] });
    expect(parseChildPlanForm({ stance: 'yes', madeOn: '2026-02-28' }, '2026-12-04', 'en')).toEqual({ ok: true, value: { stance: 'yes', madeOn: '2026-02-28' } });
  });
});
