import { describe, expect, it } from 'vitest';
import { RISK_FACTOR_IDS } from './facts.js';
import { CITE, riskFactorPassage } from './citations.js';
import { DEFAULT_PARAMETERS } from './parameters/default.js';
import { isPassageId } from './passages/index.js';

describe('cited passages exist', () => {
  it.each(Object.entries(CITE))("%s → %s is a passage id of the standards", (_name, id) => {
    expect(isPassageId(id)).toBe(true);
  });

  it('every risk factor of the facts has its checklist passage', () => {
    expect(RISK_FACTOR_IDS.map(riskFactorPassage)).toEqual(RISK_FACTOR_IDS.map((id) => `hpi.3.risiko.${id}`));
  });

  it('every default parameter names a passage that exists', () => {
    const unknown = Object.entries(DEFAULT_PARAMETERS.parameters).filter(([, def]) => !isPassageId(def.passage));
    expect(unknown.map(([id]) => id)).toEqual([]);
  });
});
