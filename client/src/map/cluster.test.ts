import { describe, expect, it } from 'vitest';
import { clusterPoints } from './cluster';

describe('clusterPoints', () => {
  it('keeps far-apart markers separate', () => {
    const out = clusterPoints(
      [
        { x: 0, y: 0, item: 'a' },
        { x: 100, y: 0, item: 'b' },
      ],
      40,
    );
    expect(out.map((c) => c.items)).toEqual([['a'], ['b']]);
  });

  it('merges close markers and centres the cluster on their mean', () => {
    const out = clusterPoints(
      [
        { x: 10, y: 10, item: 1 },
        { x: 20, y: 10, item: 2 },
        { x: 15, y: 22, item: 3 },
        { x: 300, y: 300, item: 4 },
      ],
      40,
    );
    expect(out).toHaveLength(2);
    expect(out[0]!.items).toEqual([1, 2, 3]);
    expect(out[0]!.x).toBeCloseTo(15);
    expect(out[0]!.y).toBeCloseTo(14);
    expect(out[1]!.items).toEqual([4]);
  });

  it('loses no marker when many share a spot', () => {
    const pts = Array.from({ length: 500 }, (_, i) => ({
      x: (i % 25) * 3,
      y: Math.floor(i / 25) * 3,
      item: i,
    }));
    const out = clusterPoints(pts, 40);
    expect(out.reduce((n, c) => n + c.items.length, 0)).toBe(500);
    expect(out.length).toBeLessThan(10);
  });

  it('leaves no two drawn markers or clusters closer than the radius', () => {
    // b joins a, whose centre drifts to (10, -15): 42.7 px from c, which would overlap it.
    const pts = [
      { x: 0, y: 0, item: 'a' },
      { x: 50, y: 0, item: 'c' },
      { x: 20, y: -30, item: 'b' },
    ];
    const out = clusterPoints(pts, 44);
    expect(out.reduce((n, c) => n + c.items.length, 0)).toBe(3);
    for (const [i, a] of out.entries())
      for (const b of out.slice(i + 1))
        expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(44);
  });
});
