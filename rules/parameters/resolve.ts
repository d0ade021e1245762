import type { ParameterId, ParameterValues } from './ids.js';
import { PARAMETER_IDS } from './ids.js';
import type { ParameterSet } from './schema.js';

export interface ResolvedParameters {
  setName: string;
  values: ParameterValues;
  /** The date each value took effect, for the trace. */
  effectiveFrom: Readonly<Record<ParameterId, string>>;
  /** Figures with no value yet in force on the reference date (the earliest value is used). */
  notYetInForce: ParameterId[];
}

/**
 * The figures in force on the reference date: for each, the value with the latest date on or
 * before it. A figure whose first value lies after the date still yields its earliest value,
 * flagged, so a decision is always possible and the flag says why it may be off.
 */
export function resolveParameters(set: ParameterSet, referenceDate: string): ResolvedParameters {
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
  return { setName: set.name, values, effectiveFrom, notYetInForce };
}
