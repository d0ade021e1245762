/** One figure a benchmark reports; ratio is value / target (below 1 is within target). */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: number;
  ratio?: number;
}

export type BenchModule = { run: () => Promise<BenchResult[]> };
