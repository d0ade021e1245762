/** Walks a card's JSON: every object inside it, depth first, in document order. */
export function allObjects(node: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      out.push(n as Record<string, unknown>);
      Object.values(n).forEach(walk);
    }
  };
  walk(node);
  return out;
}

export function ofType(card: unknown, type: string): Record<string, unknown>[] {
  return allObjects(card).filter((o) => o['type'] === type);
}

/** All visible text (TextBlock text, FactSet facts, input labels, choice titles, action titles), joined. */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  for (const o of allObjects(card)) {
    for (const key of ['text', 'title', 'value', 'label', 'placeholder', 'errorMessage']) {
      const v = o[key];
      if (typeof v === 'string') parts.push(v);
    }
  }
  return parts.join('\n');
}

/**
 * The card's own buttons in reading order: those in ActionSets on the card itself and its
 * `actions` row, not the buttons inside a form a ShowCard opens.
 */
export function cardButtons(card: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (typeof o['type'] === 'string' && o['type'].startsWith('Action.')) return void out.push(o);
    for (const [k, v] of Object.entries(o)) if (k !== 'selectAction') walk(v);
  };
  walk([(card as Record<string, unknown>)['body'], (card as Record<string, unknown>)['actions']]);
  return out;
}

export function inputIds(card: unknown): string[] {
  return allObjects(card)
    .filter((o) => typeof o['type'] === 'string' && (o['type'] as string).startsWith('Input.'))
    .map((o) => o['id'] as string);
}

/** Every Action.Execute (and nothing that would bypass the verb router). */
export function executeActions(card: unknown): Record<string, unknown>[] {
  return ofType(card, 'Action.Execute');
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/**
 * Action.Submit is allowed only as the fallback of an Action.Execute carrying the same data and
 * title; returns the offenders (a bare Submit, or a fallback that differs from its Execute).
 */
export function strayActions(card: unknown): unknown[] {
  const stray: unknown[] = [];
  const walk = (n: unknown, key: string | undefined, parent: Record<string, unknown> | undefined): void => {
    if (Array.isArray(n)) return n.forEach((v) => walk(v, undefined, parent));
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if (o['type'] === 'Action.Submit') {
      const ok =
        key === 'fallback' &&
        parent?.['type'] === 'Action.Execute' &&
        JSON.stringify(parent['data']) === JSON.stringify(o['data']) &&
        parent['title'] === o['title'] &&
        parent['associatedInputs'] === o['associatedInputs'];
      if (!ok) stray.push(o);
    }
    for (const [k, v] of Object.entries(o)) walk(v, k, o);
  };
  walk(card, undefined, undefined);
  return stray;
}

/** The card's input with this id (in a ShowCard or a toggled part too), or undefined. */
export function inputById(card: unknown, id: string): Record<string, unknown> | undefined {
  return allObjects(card).find((o) => o.id === id && typeof o.type === 'string' && o.type.startsWith('Input.'));
}

/**
 * The UTF-8 bytes of what a person typed that a card gives back in its text inputs (a refused form
 * keeps every word): the card cannot make these shorter, each input's maxLength bounds them.
 */
export function typedBytes(card: unknown): number {
  return ofType(card, 'Input.Text').reduce((sum, input) => sum + (typeof input['value'] === 'string' ? Buffer.byteLength(JSON.stringify(input['value'])) : 0), 0);
}
