import type { Facts } from '../../rules/facts.js';
import { REFERRAL_SOURCES, type ReferralSource } from './model.js';

/**
 * Who may have referred the family, as the plan's "Henvist af" offers it: those who meet a child of
 * this age (the model's section 5 names the midwife, the health visitor and daycare for the small
 * ones), the school for a child of school age, PPR for every born child (the municipality's
 * educational psychology service advises daycare as well as school about a child, so it finds small
 * children too), and always the GP, the family itself and "other". `young` is the plan's own judgement of a
 * child below school age (the one that also asks for the daycare start), so the two never disagree.
 * A source already saved stays offered, so an older plan still shows what it says.
 */
export function referralSourcesFor(child: Facts['child'], young: boolean, saved = ''): ReferralSource[] {
  const unborn = child?.ageMonths === null;
  const fits: Record<ReferralSource, boolean> = {
    midwife: unborn,
    'health-visitor': young,
    daycare: young && !unborn,
    school: !young,
    ppr: !unborn,
    gp: true,
    family: true,
    other: true,
  };
  return REFERRAL_SOURCES.filter((r) => fits[r] || r === saved);
}
