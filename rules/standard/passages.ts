import { passagesOf, type PassageSource } from '../passages/index.js';
import type { Standard } from './schema.js';

/**
 * A standard's own passages and those of the sources it names, by id: what its reasons, due dates
 * and "show the standard's text" quote. The law (Barnets lov) is every municipality's, so its
 * passages are found under any standard (the product cites it, e.g. the § 95 follow-up); another
 * standard's texts are not. Pure.
 */

export interface StandardPassage {
  id: string;
  /** The source's name (rules/passages), or the standard's own id for its own passages. */
  source: PassageSource | 'own';
  heading: string;
  text: string;
}

const LAW: PassageSource = 'barnets-lov';
const byStandard = new WeakMap<Standard, ReadonlyMap<string, StandardPassage>>();

export function passagesOfStandard(standard: Standard): ReadonlyMap<string, StandardPassage> {
  let known = byStandard.get(standard);
  if (!known) {
    const sources = new Set<PassageSource>([...standard.passages.sources, LAW]);
    const all: StandardPassage[] = [
      ...[...sources].flatMap((s) => passagesOf(s).map((p) => ({ id: p.id, source: p.source, heading: p.heading, text: p.text }))),
      ...(standard.passages.own ?? []).map((p) => ({ id: p.id, source: 'own' as const, heading: p.heading, text: p.text })),
    ];
    byStandard.set(standard, (known = new Map(all.map((p) => [p.id, p]))));
  }
  return known;
}

/** One passage as the standard has it; undefined for an id it neither has nor draws from its sources. */
export function standardPassageById(standard: Standard, id: string): StandardPassage | undefined {
  return passagesOfStandard(standard).get(id);
}
