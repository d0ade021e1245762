import { describe, expect, it } from 'vitest';
import { createTurnGate } from './turn-gate.js';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('the turn gate', () => {
  it('runs at most the limit at once and starts the waiting turns in the order they came', async () => {
    const gate = createTurnGate(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const turns = Array.from({ length: 8 }, (_, i) =>
      gate.run(async () => {
        started.push(i);
        running++;
        most = Math.max(most, running);
        await tick();
        running--;
        return i;
      }),
    );
    expect(await Promise.all(turns)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(gate.waiting).toBe(0);
  });

  it('frees the place of a turn that failed', async () => {
    const gate = createTurnGate(1);
    await expect(gate.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await gate.run(async () => 'next')).toBe('next');
  });
});
