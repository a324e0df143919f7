import { describe, expect, it } from 'vitest';
import { scanOptionsOf } from './scan.js';

describe('scan options', () => {
  it('bounds every evaluation by default, and lets --timeout 0 lift the bound', () => {
    expect(scanOptionsOf({}, '/w').timeoutMs).toBe(60_000);
    expect(scanOptionsOf({ timeout: 250 }, '/w').timeoutMs).toBe(250);
    expect(scanOptionsOf({ timeout: 0 }, '/w').timeoutMs).toBe(0);
  });
});
