import { RISK_FACTOR_GROUPS, type RiskFactorGroup } from './facts.js';
import type { KnownPassageId } from './passages/index.js';

/**
 * The model's three risk-factor checklists (section 3, "Målgruppe") as the intake asks them.
 * The label is short enough for a checkbox; the full wording is the cited passage, shown on request,
 * so the label never has to carry the standard's meaning on its own.
 */
export interface RiskFactor {
  /** The facts contract's id ("parent-3"); the passage id is derived from it. */
  readonly id: string;
  readonly group: RiskFactorGroup;
  readonly passage: KnownPassageId;
  /** Danish checkbox label. */
  readonly label: string;
  /** English checkbox label, for an English Teams locale. */
  readonly labelEn: string;
}

export interface RiskFactorGroupInfo {
  readonly title: string;
  readonly titleEn: string;
  /** The passage that introduces the checklist (what the factors must amount to). */
  readonly intro: KnownPassageId;
}

export const RISK_FACTOR_GROUP_INFO: Readonly<Record<RiskFactorGroup, RiskFactorGroupInfo>> = {
  expecting: { title: 'Kommende forældre', titleEn: 'Expectant parents', intro: 'hpi.3.risikofaktorer' },
  parent: { title: 'Forældre', titleEn: 'Parents', intro: 'hpi.3.risikofaktorer' },
  child: { title: 'Barnet', titleEn: 'The child', intro: 'hpi.3.risiko.child-intro' },
};

type Labels = readonly (readonly [label: string, labelEn: string])[];

const LABELS: Readonly<Record<RiskFactorGroup, Labels>> = {
  expecting: [
    ['Bekymret for forældrerollen', 'Worried about becoming a parent'],
    ['Begyndende nedtrykthed og tristhed', 'Beginning to feel low and sad'],
    ['Glimtvis manglende glæde ved barnet', 'At times no joy about the coming child'],
    ['Enlig med svagt netværk', 'Single with a weak network'],
    ['Særlige udfordringer som ung/ældre forælder', 'Particular challenges as a young/older parent'],
  ],
  parent: [
    ['Pludselig ændring i livssituationen', 'Sudden change in life situation'],
    ['Oplever barnet som en belastning ud over det forventelige', 'Experiences the baby as a strain beyond the expected'],
    ['Forældrerollen opleves vanskelig', 'Finds the parent role difficult'],
    ['Ubalance mellem glæde og bekymringer', 'Imbalance between joy and worries'],
    ['Tidligere fødselsdepression', 'Earlier postnatal depression'],
    ['Tegn på efterfødselsreaktioner', 'Signs of postnatal reactions'],
    ['Mangler viden om barnets udvikling', 'Lacks knowledge of child development'],
    ['Konflikter og manglende kommunikation', 'Conflict and lack of communication'],
    ['Brug for støtte til at omsætte vejledning', 'Needs help to act on professional advice'],
    ['Enlig med få ressourcer og svagt netværk', 'Single with few resources and a weak network'],
    ['Bliver let irriteret på barnet', 'Easily irritated with the child'],
  ],
  child: [
    ['Uroligt', 'Restless'],
    ['Ingen eller svingende rytme', 'No or irregular rhythm'],
    ['Svært trøstbart', 'Hard to comfort'],
    ['Utydelige signaler', 'Unclear signals'],
    ['Passivt (lav arousal)', 'Passive (low arousal)'],
    ['Overaktivt (høj arousal)', 'Overactive (high arousal)'],
    ['Søger mindre kontakt end forventeligt', 'Seeks less contact than expected'],
    ['Sansemotoriske opmærksomhedspunkter', 'Sensorimotor concerns'],
  ],
};

/** All 24 factors, grouped and in the order the model prints them (the facts contract's order). */
export const RISK_FACTORS: readonly RiskFactor[] = (Object.keys(RISK_FACTOR_GROUPS) as RiskFactorGroup[]).flatMap((group) =>
  LABELS[group].map(([label, labelEn], i) => {
    const id = `${group}-${i + 1}`;
    return { id, group, passage: `hpi.3.risiko.${id}` as KnownPassageId, label, labelEn };
  }),
);

const BY_ID: ReadonlyMap<string, RiskFactor> = new Map(RISK_FACTORS.map((f) => [f.id, f]));

export function riskFactorById(id: string): RiskFactor | undefined {
  return BY_ID.get(id);
}

export function riskFactorsIn(group: RiskFactorGroup): readonly RiskFactor[] {
  return RISK_FACTORS.filter((f) => f.group === group);
}
