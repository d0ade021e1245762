/**
 * At most `limit` turns run at once; the rest wait in arrival order. Without it every waiting turn
 * has its database calls interleaved with all the others, so under load a turn with several calls
 * (accepting a case) waits once per call behind the whole crowd: a few turns took over a minute
 * while most took seconds. In order, each turn waits its place once and then runs at full speed.
 */
export interface TurnGate {
  run<T>(turn: () => Promise<T>): Promise<T>;
  /** Turns waiting for a place, for the metrics. */
  readonly waiting: number;
}

export function createTurnGate(limit: number): TurnGate {
  let running = 0;
  const queue: (() => void)[] = [];
  const release = () => {
    const next = queue.shift();
    if (next) next();
    else running--;
  };
  return {
    async run(turn) {
      if (running < limit) running++;
      else await new Promise<void>((resolve) => queue.push(resolve));
      try {
        return await turn();
      } finally {
        release();
      }
    },
    get waiting() {
      return queue.length;
    },
  };
}
