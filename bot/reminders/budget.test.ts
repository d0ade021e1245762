import { describe, expect, it } from 'vitest';
import { releaseDelays } from './budget.js';

describe('releaseDelays', () => {
  it('frees at once the tokens no request of ours is using', () => {
    expect(releaseDelays(50, [100, 200], 10)).toEqual(Array(10).fill(0));
  });

  it('frees the others one by one as our requests leave the window, so ours and theirs stay within what we held', () => {
    // Holding 4, all four in use: the first handed back is free when our oldest request ages out.
    expect(releaseDelays(4, [300, 100, 400, 200], 2)).toEqual([100, 200]);
    // Holding 4 with 3 in use: one is free now, the next when the oldest ages out.
    expect(releaseDelays(4, [300, 100, 200], 3)).toEqual([0, 100, 200]);
  });

  it('holds back tokens still used by requests in flight, and copes with more in the window than held', () => {
    expect(releaseDelays(2, [Infinity, 50], 2)).toEqual([50]);
    // Held was already lowered to 2 while 4 requests still count: the next must wait for three to age out.
    expect(releaseDelays(2, [10, 20, 30, 40], 2)).toEqual([30, 40]);
  });
});
