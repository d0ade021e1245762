import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkScope, schemaAdmits, type TenantScope } from './scope.js';

const admitted = (scope: unknown): boolean => {
  try {
    checkScope(scope as TenantScope);
    return true;
  } catch {
    return false;
  }
};

// Strings near every bound: blank, padded, at and past the lengths, origins of every shape.
const text = fc.oneof(fc.constantFrom('', ' ', '\t', ' x ', 'scheduler', 'chat', 'a', 'ab', 'a-b', 'A', 'a1', 'x'.repeat(31), 'x'.repeat(32)), fc.string({ maxLength: 5 }), fc.string({ minLength: 95, maxLength: 205 }).map((s) => s.replace(/^\s+|\s+$/g, 'x')));
const value = fc.oneof(text, fc.constant(undefined), fc.constant(null), fc.integer(), fc.array(text, { maxLength: 3 }));
const scope = fc.oneof(
  fc.record({ tenantId: value, actorId: value, origin: value, teamIds: fc.oneof(fc.constant(undefined), fc.array(text, { maxLength: 3 }), fc.array(value, { maxLength: 3 }), value) }, { requiredKeys: [] }),
  fc.constantFrom(null, undefined, 'tenant', [], [1]),
);

describe('checkScope', () => {
  it('admits exactly the scopes the schema admits', () => {
    fc.assert(fc.property(scope, (s) => admitted(s) === schemaAdmits(s)), { numRuns: 3000 });
  });

  it('refuses what the schema refuses, and names the field', () => {
    expect(() => checkScope({ tenantId: ' ', actorId: 'u', origin: 'chat' })).toThrow('Invalid tenant scope: tenantId');
    expect(() => checkScope({ tenantId: 't', actorId: 'u', origin: 'chat', teamIds: ['a', ''] })).toThrow('Invalid tenant scope: teamIds.1');
    expect(() => checkScope({ tenantId: 't', actorId: 'u', origin: 'Chat' })).toThrow('Invalid tenant scope: origin');
    const sparse = ['a'];
    sparse.length = 2;
    expect(() => checkScope({ tenantId: 't', actorId: 'u', origin: 'chat', teamIds: sparse })).toThrow('Invalid tenant scope: teamIds.1');
    expect(checkScope({ tenantId: 't', actorId: 'u', origin: 'chat', teamIds: [] })).toEqual({ tenantId: 't', actorId: 'u', origin: 'chat', teamIds: [] });
  });
});
