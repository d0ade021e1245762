import type { Outcome, TraceEntry } from './decision-types.js';
import { blockedMeasure } from './standard/explain.js';
import { DEFAULT_STANDARD } from './standard/load.js';

type Level = 'level1' | 'level2' | 'level3';

/**
 * The level a "none" is waiting for: its concern matches the case and every criterion it fails is
 * a process one (the undersøgelse, the foreløbig handleplan; marked so in the standard file).
 * Read from the trace, so a stored decision answers the same. Null otherwise.
 */
export function blockedLevel(outcome: Outcome, trace: readonly TraceEntry[]): Level | null {
  return blockedMeasure(DEFAULT_STANDARD, outcome, trace) as Level | null;
}
