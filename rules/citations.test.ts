import { describe, expect, it } from 'vitest';
import { RISK_FACTOR_IDS } from './facts.js';
import { CITE, riskFactorPassage } from './citations.js';
import { DEFAULT_PARAMETERS } from './parameters/default.js';
import { isKnownPassageId } from '../test/support/passage-ids.js';

describe('cited passages exist', () => {
  it.each(Object.entries(CITE))('%s → %s is a passage id of the standards', (_name, id) => {
    expect(isKnownPassageId(id)).toBe(true);
  });

  it('every risk factor of the facts has its checklist passage', () => {
    const unknown = RISK_FACTOR_IDS.map(riskFactorPassage).filter((id) => !isKnownPassageId(id));
    expect(unknown).toEqual([]);
  });

  it('every default parameter names a passage that exists', () => {
    const unknown = Object.entries(DEFAULT_PARAMETERS.parameters).filter(([, def]) => !isKnownPassageId(def.passage));
    expect(unknown.map(([id]) => id)).toEqual([]);
  });
});
