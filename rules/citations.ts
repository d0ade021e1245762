import { isPassageId, type KnownPassageId } from './passages/index.js';

/**
 * Every passage id the rules cite, in one place, so a test can hold them against the passages
 * data: a rule can never point a caseworker at a passage that does not exist.
 */
export const CITE = {
  // Servicestandard for praktisk pædagogisk støtte i hjemmet
  niveauer: 'pps.niveauer',
  maalgruppe1: 'pps.maalgruppe.1',
  maalgruppe2: 'pps.maalgruppe.2',
  maalgruppe3: 'pps.maalgruppe.3',
  kriterier1: 'pps.kriterier.1',
  kriterier2: 'pps.kriterier.2',
  kriterier3: 'pps.kriterier.3',
  omfang1: 'pps.omfang.1',
  omfang1a: 'pps.omfang.1a',
  omfang1aOpstart: 'pps.omfang.1a.opstart',
  omfang1b: 'pps.omfang.1b',
  omfang2: 'pps.omfang.2',
  omfang2Alder: 'pps.omfang.2.alder',
  omfang3: 'pps.omfang.3',
  foreloebig: 'pps.saerlige.foreloebig',
  visitationSocial: 'pps.saerlige.visitation-social',
  tvaerfagligeMoeder: 'pps.saerlige.tvaerfaglige-moeder',
  redaktion: 'pps.redaktion',
  // Model for kommunal hjemmepædagogisk indsats
  alder: 'hpi.3.maalgruppe.alder',
  spaend: 'hpi.3.maalgruppe.spaend',
  ikkeSaerligStoette: 'hpi.3.maalgruppe.ikke-saerlig-stoette',
  kompleksitet: 'hpi.3.problemstilling.kompleksitet',
  afgraenset: 'hpi.3.problemstilling.afgraenset',
  forudsaetninger: 'hpi.3.problemstilling.forudsaetninger',
  risikofaktorer: 'hpi.3.risikofaktorer',
  varighed: 'hpi.4.varighed',
  underretning: 'hpi.6.underretning',
  // Barnets lov, where a reason rests on the law rather than the standards
  blAfdaekning: 'bl.19',
  blUndersoegelseFrist: 'bl.20.3',
  blFormaalVarighed: 'bl.32.3',
  blGrundlag: 'bl.32.4',
  blBarnetsPlan: 'bl.91.1',
  blOpfoelgning: 'bl.95',
  bl24Timer: 'bl.136',
} as const satisfies Record<string, KnownPassageId>;

export type CitedPassage = (typeof CITE)[keyof typeof CITE];

/** The model's checklist bullets have one passage each, named after the risk-factor id ("parent-3"). */
export function riskFactorPassage(riskFactorId: string): KnownPassageId {
  const id = `hpi.3.risiko.${riskFactorId}`;
  // Facts only admit known risk-factor ids, each with its passage; the fallback is the checklist intro.
  return isPassageId(id) ? id : CITE.risikofaktorer;
}
