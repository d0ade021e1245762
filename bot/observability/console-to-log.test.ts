import { describe, expect, it } from 'vitest';
import { consoleLine } from './console-to-log.js';

describe('console output of the SDK, as a log line', () => {
  it('keeps an error to its name and first line, without the stack', () => {
    const error = new Error('Unauthorized. Invalid signature\nmore detail');
    const line = consoleLine([error]);
    expect(line).toBe('Error: Unauthorized. Invalid signature');
    expect(line).not.toContain('at ');
  });

  it('masks tokens and key material and stays short', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4eHh4eHh4In0.c2lnbmF0dXJlc2lnbmF0dXJl';
    const key = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0';
    const line = consoleLine(['token', token, 'key', key, 'x'.repeat(1000)]);
    expect(line).not.toContain(token);
    expect(line).not.toContain(key);
    expect(line.length).toBeLessThanOrEqual(301);
  });
});
