import { describe, expect, it } from 'vitest';
import { addDays, addMonths, addWeeks } from './dates.js';

describe('date arithmetic for due dates', () => {
  it('clamps month addition to the end of a shorter month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-08-31', 3)).toBe('2025-11-30');
  });

  it('crosses year ends both ways', () => {
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2025-10-31', 12)).toBe('2026-10-31');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
  });

  it('adds weeks as whole days across month and leap-day boundaries', () => {
    expect(addWeeks('2025-01-01', 40)).toBe('2025-10-08');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addWeeks('2024-02-22', 1)).toBe('2024-02-29');
  });
});
