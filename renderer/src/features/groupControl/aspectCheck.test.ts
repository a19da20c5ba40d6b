// The aspect rule: phones whose screen shapes differ by more than 2 % get a warning first.
import { describe, expect, it } from 'vitest';
import { checkAspects } from './aspectCheck.ts';

describe('aspect rule', () => {
  it('warns above 2 % difference, not below; orientation and unknown sizes do not count', () => {
    expect(checkAspects([{ width: 720, height: 1600 }, { width: 1080, height: 2400 }, { width: 540, height: 1200 }]).differs).toBe(false);
    expect(checkAspects([{ width: 1080, height: 2400 }, { width: 1080, height: 2340 }])).toMatchObject({ differs: true });
    expect(checkAspects([{ width: 1080, height: 2400 }, { width: 1080, height: 2376 }]).differs).toBe(false);
    expect(checkAspects([{ width: 1080, height: 2400 }, { width: 2400, height: 1080 }, { width: 0, height: 0 }]).differs).toBe(false);
    expect(checkAspects([{ width: 1080, height: 1920 }, { width: 1080, height: 2400 }]).spread).toBeCloseTo(0.25, 5);
  });
});
