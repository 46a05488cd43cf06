import { describe, expect, it } from 'vitest';
import { parseEvidenceCode, vouchProgressText } from './vouch-text';

describe('parseEvidenceCode', () => {
  const id = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b';
  it('finds the code in whatever was pasted', () => {
    expect(parseEvidenceCode(id)).toBe(id);
    expect(parseEvidenceCode(`  "${id.toUpperCase()}" `)).toBe(id);
    expect(parseEvidenceCode(`Please vouch for me: ${id} thanks!`)).toBe(id);
  });
  it('returns null when there is no code', () => {
    expect(parseEvidenceCode('')).toBeNull();
    expect(parseEvidenceCode('3f2b8c1e')).toBeNull();
  });
});

describe('vouchProgressText', () => {
  it('says how many more neighbours are needed', () => {
    expect(vouchProgressText(1, 3)).toContain('1 of 3 neighbours have vouched; 2 more are needed');
    expect(vouchProgressText(1, 2)).toContain('1 more is needed');
    expect(vouchProgressText(2, 2)).toContain('everything this evidence needed');
  });
});
