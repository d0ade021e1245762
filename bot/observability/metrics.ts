/**
 * A small Prometheus registry (text exposition format 0.0.4): counters and histograms with
 * labels, nothing else. Metrics are per instance by nature; Prometheus sums the instances.
 * Label values must never carry personal data or ids of cases or people: only small fixed sets
 * such as an outcome or a verb.
 */

type Labels<L extends string> = Partial<Record<L, string>>;

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function escapeHelp(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function formatNumber(n: number): string {
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  if (Number.isNaN(n)) return 'NaN';
  return String(n);
}

function key<L extends string>(labelNames: readonly L[], labels: Labels<L>): string {
  for (const name of Object.keys(labels)) {
    if (!labelNames.includes(name as L)) throw new Error(`Unknown label "${name}"`);
  }
  return JSON.stringify(labelNames.map((n) => labels[n] ?? ''));
}

function renderLabels(pairs: [string, string][]): string {
  const set = pairs.filter(([, v]) => v !== '');
  return set.length === 0 ? '' : `{${set.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
}

interface Metric {
  render(): string;
}

export class Counter<L extends string = never> implements Metric {
  private readonly values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly L[] = [],
  ) {}

  inc(labels: Labels<L> = {}, by = 1): void {
    if (!(by >= 0)) throw new Error('A counter only goes up');
    const k = key(this.labelNames, labels);
    this.values.set(k, (this.values.get(k) ?? 0) + by);
  }

  get(labels: Labels<L> = {}): number {
    return this.values.get(key(this.labelNames, labels)) ?? 0;
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${escapeHelp(this.help)}`, `# TYPE ${this.name} counter`];
    for (const [k, v] of this.values) {
      const values = JSON.parse(k) as string[];
      lines.push(`${this.name}${renderLabels(this.labelNames.map((n, i) => [n, values[i] ?? '']))} ${formatNumber(v)}`);
    }
    return lines.join('\n');
  }
}

interface Series {
  buckets: number[];
  sum: number;
  count: number;
}

export class Histogram<L extends string = never> implements Metric {
  private readonly series = new Map<string, Series>();
  readonly buckets: readonly number[];
  constructor(
    readonly name: string,
    readonly help: string,
    buckets: readonly number[],
    readonly labelNames: readonly L[] = [],
  ) {
    if (labelNames.includes('le' as L)) throw new Error('"le" is reserved for histogram buckets');
    this.buckets = [...buckets].sort((a, b) => a - b);
  }

  observe(value: number, labels: Labels<L> = {}): void {
    if (!Number.isFinite(value)) return;
    const k = key(this.labelNames, labels);
    let s = this.series.get(k);
    if (!s) {
      s = { buckets: this.buckets.map(() => 0), sum: 0, count: 0 };
      this.series.set(k, s);
    }
    this.buckets.forEach((le, i) => {
      if (value <= le) (s as Series).buckets[i] = ((s as Series).buckets[i] ?? 0) + 1;
    });
    s.sum += value;
    s.count += 1;
  }

  /** Starts a timer; calling the returned function observes the seconds since. */
  startTimer(labels: Labels<L> = {}): (more?: Labels<L>) => number {
    const start = process.hrtime.bigint();
    return (more = {}) => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      this.observe(seconds, { ...labels, ...more });
      return seconds;
    };
  }

  render(): string {
    const lines = [`# HELP ${this.name} ${escapeHelp(this.help)}`, `# TYPE ${this.name} histogram`];
    for (const [k, s] of this.series) {
      const values = JSON.parse(k) as string[];
      const pairs: [string, string][] = this.labelNames.map((n, i) => [n, values[i] ?? '']);
      // Bucket counts are cumulative: each counts every observation at or below its bound.
      this.buckets.forEach((le, i) => lines.push(`${this.name}_bucket${renderLabels([...pairs, ['le', formatNumber(le)]])} ${s.buckets[i] ?? 0}`));
      lines.push(`${this.name}_bucket${renderLabels([...pairs, ['le', '+Inf']])} ${s.count}`);
      lines.push(`${this.name}_sum${renderLabels(pairs)} ${formatNumber(s.sum)}`);
      lines.push(`${this.name}_count${renderLabels(pairs)} ${s.count}`);
    }
    return lines.join('\n');
  }
}

export class Registry {
  private readonly metrics = new Map<string, Metric>();

  private add<M extends Metric & { name: string; labelNames: readonly string[] }>(metric: M): M {
    if (!NAME.test(metric.name)) throw new Error(`Invalid metric name "${metric.name}"`);
    for (const l of metric.labelNames) if (!LABEL.test(l) || l.startsWith('__')) throw new Error(`Invalid label name "${l}"`);
    if (this.metrics.has(metric.name)) throw new Error(`Metric "${metric.name}" is registered twice`);
    this.metrics.set(metric.name, metric);
    return metric;
  }

  counter<L extends string = never>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    return this.add(new Counter<L>(name, help, labelNames));
  }

  histogram<L extends string = never>(name: string, help: string, buckets: readonly number[], labelNames: readonly L[] = []): Histogram<L> {
    return this.add(new Histogram<L>(name, help, buckets, labelNames));
  }

  /** The body of GET /metrics. */
  render(): string {
    return `${[...this.metrics.values()].map((m) => m.render()).join('\n')}\n`;
  }
}

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
