import { describe, expect, it } from 'vitest';
import { DEFAULT_VERIFICATION_RULES as RULES } from './model';
import { attestationsCheck, officerSignOffCheck, textCheck } from './people';

describe('text, attestation and officer checks', () => {
  it('needs a note of the minimum length', () => {
    expect(textCheck('Cleared the path', RULES.text).verdict).toBe('pass');
    expect(textCheck('  ', RULES.text).detail).toMatch(/did not write a note/);
    expect(textCheck('ok', RULES.text).verdict).toBe('reject');
  });

  it('waits for enough residents to vouch', () => {
    const short = attestationsCheck(1, 2);
    expect(short.verdict).toBe('doubt');
    expect(short.score).toBe(0.5);
    expect(short.detail).toMatch(/^1 resident has vouched for this so far; it needs 2/);
    expect(attestationsCheck(2, 2).verdict).toBe('pass');
  });

  it("follows the officer's decision and waits without one", () => {
    expect(officerSignOffCheck('approve').verdict).toBe('pass');
    expect(officerSignOffCheck('reject').verdict).toBe('reject');
    expect(officerSignOffCheck(null).verdict).toBe('doubt');
  });
});
