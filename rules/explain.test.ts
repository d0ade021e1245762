import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';
import { FACT_LABELS } from './fact-labels.js';
import type { Facts } from './facts.js';

const level1: Facts = {
  referenceDate: '2025-03-01',
  safetyConcern: false,
  child: { ageMonths: 100 },
  concern: 'concern',
  parentsNeedSupport: true,
  benefitsFromFamilyTreatment: false,
  investigation: 'completed',
  solvableInLimitedPeriod: true,
  extraVisitsNeeded: false,
};

describe('a "none" says where the standard points instead', () => {
  it('points parents who can benefit from familiebehandling there', () => {
    const d = decide({ ...level1, benefitsFromFamilyTreatment: true });
    expect(d.outcome).toBe('none');
    expect(d.reasons).toContainEqual(expect.objectContaining({ text: expect.stringContaining('familiebehandling'), passage: 'pps.maalgruppe.1' }));
  });

  it('points to a børnefaglig undersøgelse when level 1 lacks only that', () => {
    const d = decide({ ...level1, investigation: 'none' });
    expect(d.reasons.some((r) => r.text.includes('Start en børnefaglig undersøgelse'))).toBe(true);
  });

  it('does not point anywhere when there is no concern at all', () => {
    const d = decide({ ...level1, concern: 'none', investigation: 'none' });
    expect(d.outcome).toBe('none');
    expect(d.reasons.map((r) => r.passage)).toEqual(['pps.niveauer', 'hpi.3.maalgruppe.spaend']);
  });

  it('points to level 2 when level 3 lacks an established capacity', () => {
    const d = decide({ ...level1, concern: 'pronounced', parentalCapacityUnclear: true, intensiveNeeded: false });
    expect(d.outcome).toBe('none');
    expect(d.reasons.some((r) => r.passage === 'pps.kriterier.3' && r.text.includes('niveau 2'))).toBe(true);
  });
});

describe('the open questions of a decision that needs information', () => {
  it('are named in Danish in the "why not none", never by field name', () => {
    const decision = decide({ referenceDate: '2026-03-01', child: { ageMonths: 84 }, concern: 'concern', safetyConcern: false });
    expect(decision.outcome).toBe('needs-information');
    const text = decision.whyNot.none?.[0]?.text ?? '';
    expect(decision.missing.length).toBeGreaterThan(0);
    for (const fact of decision.missing) {
      expect(FACT_LABELS[fact], `a Danish label for ${fact}`).toBeDefined();
      expect(text).toContain(FACT_LABELS[fact]!);
      expect(text).not.toContain(fact);
    }
  });
});
