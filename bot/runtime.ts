/**
 * Which Node.js releases the product runs on. Node 24 is the production runtime (Active LTS when
 * chosen), 22 is in maintenance until April 2027, and 20 reached end of life in April 2026: it gets
 * no security fixes, so an operator is told at every start rather than finding out from an audit.
 */
export type RuntimeSupport = 'supported' | 'end-of-life' | 'untested';

const SUPPORTED_MAJORS = [22, 24];

export function runtimeSupport(nodeVersion: string): RuntimeSupport {
  const major = Number(nodeVersion.split('.')[0]);
  if (SUPPORTED_MAJORS.includes(major)) return 'supported';
  return major < Math.min(...SUPPORTED_MAJORS) ? 'end-of-life' : 'untested';
}

export const RUNTIME_WARNINGS: Record<Exclude<RuntimeSupport, 'supported'>, string> = {
  'end-of-life': 'this Node.js is end-of-life and gets no security fixes: run Node.js 24 (production) or 22',
  untested: 'this Node.js is newer than the releases the product is tested on (24, 22): run Node.js 24 in production',
};
