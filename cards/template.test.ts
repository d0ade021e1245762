import { describe, expect, it } from 'vitest';
import { expand } from './template.js';

describe('expand', () => {
  it('drops what is bound to null at every depth, keeps the key order, and leaves template and data untouched', () => {
    const template = {
      type: 'AdaptiveCard',
      body: [
        { type: 'TextBlock', text: '${title}', value: '${missing}', wrap: true },
        '${gone}',
        { type: 'Container', items: [{ type: 'Input.Text', id: 'a', value: '${value}' }, '${gone}'] },
      ],
      version: '1.5',
    };
    const data = { title: 'Overskrift', missing: null, gone: null, value: 'x', nested: { keep: 1 } };
    const before = JSON.stringify({ template, data });
    const card = expand(template, data);
    expect(JSON.stringify(card)).toBe(
      '{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"Overskrift","wrap":true},{"type":"Container","items":[{"type":"Input.Text","id":"a","value":"x"}]}],"version":"1.5"}',
    );
    expect(JSON.stringify({ template, data })).toBe(before);
  });

  it('keeps a "__proto__" key of bound data a key, never the object\'s prototype', () => {
    // Data read from a request body may carry one; the card shows it as it came.
    const typed = JSON.parse('{"__proto__": {"polluted": "yes"}, "a": "1"}') as object;
    const card = expand({ type: 'Action.Execute', data: '${typed}' }, { typed }) as { data: object };
    expect(Object.getPrototypeOf(card.data)).toBe(Object.prototype);
    expect((card.data as { polluted?: unknown }).polluted).toBeUndefined();
    expect(JSON.stringify(card)).toBe('{"type":"Action.Execute","data":{"__proto__":{"polluted":"yes"},"a":"1"}}');
  });
});
