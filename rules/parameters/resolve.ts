import type { ParameterId, ParameterValues } from './ids.js';
import { PARAMETER_IDS } from './ids.js';
import type { ParameterSet } from './schema.js';

export interface ResolvedParameters {
  setName: string;
  values: ParameterValues;
  /** The date each value took effect, for the trace. */
  effectiveFrom: Readonly<Record<ParameterId, string>>;
  /** Figures with no value yet in force on the reference date (the earliest value is used). */
  notYetInForce: readonly ParameterId[];
}

/**
 * A set's dates of change, sorted, and the figures between two of them: every reference date
 * from one change up to the next resolves alike, so each stretch is resolved once per set (a set
 * is not changed once parsed) and shared, frozen, by the decisions that fall in it.
 */
interface Timeline {
  changes: readonly string[];
  stretches: (ResolvedParameters | undefined)[];
}

const TIMELINES = new WeakMap<ParameterSet, Timeline>();

function timelineOf(set: ParameterSet): Timeline {
  let timeline = TIMELINES.get(set);
  if (!timeline) {
    const changes = [...new Set(PARAMETER_IDS.flatMap((id) => Object.keys(set.parameters[id].values)))].sort();
    timeline = { changes, stretches: new Array<ResolvedParameters | undefined>(changes.length + 1) };
    TIMELINES.set(set, timeline);
  }
  return timeline;
}

/** How many of the sorted dates lie on or before `day`. */
function countOnOrBefore(sorted: readonly string[], day: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as string) <= day) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The figures in force on the reference date: for each, the value with the latest date on or
 * before it. A figure whose first value lies after the date still yields its earliest value,
 * flagged, so a decision is always possible and the flag says why it may be off.
 */
export function resolveParameters(set: ParameterSet, referenceDate: string): ResolvedParameters {
  const timeline = timelineOf(set);
  const stretch = countOnOrBefore(timeline.changes, referenceDate);
  let resolved = timeline.stretches[stretch];
  if (!resolved) {
    resolved = resolveOn(set, referenceDate);
    timeline.stretches[stretch] = resolved;
  }
  return resolved;
}

function resolveOn(set: ParameterSet, referenceDate: string): ResolvedParameters {
  const values = {} as Record<ParameterId, number>;
  const effectiveFrom = {} as Record<ParameterId, string>;
  const notYetInForce: ParameterId[] = [];
  for (const id of PARAMETER_IDS) {
    let chosen: string | undefined;
    let earliest: string | undefined;
    for (const date of Object.keys(set.parameters[id].values)) {
      if (earliest === undefined || date < earliest) earliest = date;
      if (date <= referenceDate && (chosen === undefined || date > chosen)) chosen = date;
    }
    if (chosen === undefined) notYetInForce.push(id);
    const from = (chosen ?? earliest) as string;
    values[id] = set.parameters[id].values[from] as number;
    effectiveFrom[id] = from;
  }
  return Object.freeze({ setName: set.name, values: Object.freeze(values), effectiveFrom: Object.freeze(effectiveFrom), notYetInForce: Object.freeze(notYetInForce) });
}
