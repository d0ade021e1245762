import { describe, expect, it } from 'vitest';
import { Registry } from './metrics.js';
import { productMetrics } from './product-metrics.js';

/** Prometheus reads these lines; a wrong character here means an empty dashboard, not an error. */
describe('the /metrics text', () => {
  it('counts per label set and prints each series once, with HELP and TYPE', () => {
    const r = new Registry();
    const turns = r.counter('t_turns_total', 'Turns handled', ['kind', 'result']);
    turns.inc({ kind: 'message', result: 'ok' });
    turns.inc({ kind: 'message', result: 'ok' });
    turns.inc({ kind: 'invoke', result: 'error' }, 3);
    expect(r.render()).toBe(
      ['# HELP t_turns_total Turns handled', '# TYPE t_turns_total counter', 't_turns_total{kind="message",result="ok"} 2', 't_turns_total{kind="invoke",result="error"} 3', ''].join('\n'),
    );
  });

  it('histogram buckets are cumulative and end in +Inf, with sum and count', () => {
    const r = new Registry();
    const h = r.histogram('t_seconds', 'Latency', [0.1, 1, 5], ['kind']);
    for (const v of [0.05, 0.5, 0.7, 3, 20]) h.observe(v, { kind: 'message' });
    const lines = r.render().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        't_seconds_bucket{kind="message",le="0.1"} 1',
        't_seconds_bucket{kind="message",le="1"} 3',
        't_seconds_bucket{kind="message",le="5"} 4',
        't_seconds_bucket{kind="message",le="+Inf"} 5',
        't_seconds_sum{kind="message"} 24.25',
        't_seconds_count{kind="message"} 5',
      ]),
    );
  });

  it('escapes quotes, backslashes and newlines in label values so one odd value cannot break the page', () => {
    const r = new Registry();
    r.counter('t_total', 'x', ['reason']).inc({ reason: 'a"b\\c\nd' });
    expect(r.render()).toContain('t_total{reason="a\\"b\\\\c\\nd"} 1');
  });

  it('refuses unknown labels, a counter going down, and a name registered twice', () => {
    const r = new Registry();
    const c = r.counter('t_total', 'x', ['kind']);
    expect(() => c.inc({ nope: 'x' } as never)).toThrow(/Unknown label/);
    expect(() => c.inc({}, -1)).toThrow(/only goes up/);
    expect(() => r.counter('t_total', 'again')).toThrow(/registered twice/);
    expect(() => r.counter('bad name', 'x')).toThrow(/Invalid metric name/);
  });

  it('the product metrics render as one valid page with the turn, reminder and language-model series', () => {
    const m = productMetrics();
    m.turns.inc({ kind: 'message', result: 'ok' });
    m.turnSeconds.observe(0.2, { kind: 'message' });
    m.reminders.inc({ outcome: 'sent' });
    m.llmCalls.inc({ purpose: 'summary', result: 'timeout' });
    m.llmFallbacks.inc({ purpose: 'summary', reason: 'timeout' });
    const page = m.registry.render();
    const sample = /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*="([^"\\\n]|\\.)*",?)*\})? -?[0-9.e+Inf]+$/;
    for (const line of page.trim().split('\n')) {
      if (!line.startsWith('#')) expect(line).toMatch(sample);
    }
    expect(page).toContain('familiestotte_turns_total{kind="message",result="ok"} 1');
    expect(page).toContain('familiestotte_turn_duration_seconds_bucket{kind="message",le="0.25"} 1');
    expect(page).toContain('familiestotte_reminders_total{outcome="sent"} 1');
    expect(page).toContain('familiestotte_llm_fallbacks_total{purpose="summary",reason="timeout"} 1');
  });
});
