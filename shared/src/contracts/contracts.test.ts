import { describe, expect, it } from 'vitest';
import { ALL_CONTRACTS, pathOf } from './index';

describe('route contracts', () => {
  it('gives every route its own operationId and method + path', () => {
    const ids = ALL_CONTRACTS.map((c) => c.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const routes = ALL_CONTRACTS.map((c) => `${c.method} ${c.path}`);
    expect(new Set(routes).size).toBe(routes.length);
  });

  it('declares exactly the params its path names', () => {
    for (const c of ALL_CONTRACTS) {
      const inPath = [...c.path.matchAll(/:(\w+)/g)].map((m) => m[1]).sort();
      const declared = Object.keys(c.params?.shape ?? {}).sort();
      expect(declared, c.operationId).toEqual(inPath);
    }
  });

  it('fills and encodes path params', () => {
    expect(pathOf('/api/areas/:slug/members/:userId/role', { slug: 'oak', userId: 'a/b' })).toBe(
      '/api/areas/oak/members/a%2Fb/role',
    );
    expect(() => pathOf('/api/quests/:questId', {})).toThrow(/questId/);
  });
});
