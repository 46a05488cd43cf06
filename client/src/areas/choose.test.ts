import type { Area } from '@govcraft/shared';
import { describe, expect, it } from 'vitest';
import { decideArea, slugInPath } from './choose';

const area = (slug: string) => ({ slug, name: slug }) as Area;
const TWO = [area('oakfield'), area('riverside')];
const at = (pathname: string, search = '') => ({ pathname, search });
const member = (...slugs: string[]) => ({
  memberships: slugs.map((slug) => ({ slug, areaId: slug, name: slug, role: 'resident' as const })),
});
const picked = (choice: ReturnType<typeof decideArea>) =>
  choice.kind === 'area' ? choice.area.slug : choice.kind;

describe('decideArea', () => {
  it('follows a link first: /a/{slug}, then ?area=', () => {
    expect(picked(decideArea(TWO, at('/a/riverside'), null, 'oakfield'))).toBe('riverside');
    expect(picked(decideArea(TWO, at('/', '?area=riverside'), null, null))).toBe('riverside');
  });

  it('shows the chooser, naming the slug, for a link to an unknown area', () => {
    expect(decideArea(TWO, at('/a/nowhere'), null, 'oakfield')).toMatchObject({
      kind: 'choose',
      unknownSlug: 'nowhere',
    });
  });

  it('then the remembered area, then the only membership, then the only area', () => {
    expect(picked(decideArea(TWO, at('/'), member('oakfield'), 'riverside'))).toBe('riverside');
    expect(picked(decideArea(TWO, at('/'), member('riverside'), 'gone'))).toBe('riverside');
    expect(picked(decideArea([area('solo')], at('/'), null, null))).toBe('solo');
  });

  it('lets the visitor choose when there are several areas and nothing to go on', () => {
    expect(picked(decideArea(TWO, at('/'), null, null))).toBe('choose');
    expect(picked(decideArea(TWO, at('/'), member('oakfield', 'riverside'), null))).toBe('choose');
    expect(picked(decideArea(TWO, at('/areas'), null, 'oakfield'))).toBe('choose');
    expect(picked(decideArea([], at('/'), null, null))).toBe('none');
  });

  it('reads only well-formed /a/{slug} paths', () => {
    expect(slugInPath('/a/oakfield')).toBe('oakfield');
    expect(slugInPath('/a/oakfield/')).toBe('oakfield');
    expect(slugInPath('/a/')).toBeNull();
    expect(slugInPath('/a/%E0%A4%A')).toBeNull();
    expect(slugInPath('/about')).toBeNull();
  });
});
