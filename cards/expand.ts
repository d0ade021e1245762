import * as ACData from 'adaptivecards-templating';

/** Binds data to a card template and drops what a false `$when` left behind, so the card stays valid. */
export function expandTemplate(template: object, data: Record<string, unknown>): Record<string, unknown> {
  return prune(new ACData.Template(template).expand({ $root: data })) as Record<string, unknown>;
}

function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(prune);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, prune(v)]));
  }
  return value;
}
