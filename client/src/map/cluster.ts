/** Greedy screen-space clustering: dense markers merge so every one stays tappable. */

export interface ScreenPoint<T> {
  x: number;
  y: number;
  item: T;
}

export interface Cluster<T> {
  x: number;
  y: number;
  items: T[];
}

/**
 * Groups points closer than `radiusPx` on screen. Points are visited in input order and
 * each joins the first cluster whose centre is within the radius; a cluster's centre is
 * the mean of its members. Grid buckets keep it near-linear for a few thousand markers.
 */
export function clusterPoints<T>(
  points: readonly ScreenPoint<T>[],
  radiusPx: number,
): Cluster<T>[] {
  const clusters: (Cluster<T> & { sx: number; sy: number })[] = [];
  const grid = new Map<string, number[]>();
  const cellOf = (x: number, y: number) =>
    [Math.floor(x / radiusPx), Math.floor(y / radiusPx)] as const;
  const r2 = radiusPx * radiusPx;

  for (const p of points) {
    const [cx, cy] = cellOf(p.x, p.y);
    let home: number | undefined;
    search: for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const idx of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
          const c = clusters[idx]!;
          if ((c.x - p.x) ** 2 + (c.y - p.y) ** 2 <= r2) {
            home = idx;
            break search;
          }
        }
      }
    }
    if (home === undefined) {
      clusters.push({ x: p.x, y: p.y, sx: p.x, sy: p.y, items: [p.item] });
      const key = `${cx},${cy}`;
      grid.set(key, [...(grid.get(key) ?? []), clusters.length - 1]);
    } else {
      const c = clusters[home]!;
      c.items.push(p.item);
      c.sx += p.x;
      c.sy += p.y;
      // The centre is not re-bucketed when it drifts: a drift is under one radius, and
      // the 3×3 search around each point's cell still finds it.
      c.x = c.sx / c.items.length;
      c.y = c.sy / c.items.length;
    }
  }
  return mergeCrowded(
    clusters.map(({ sx, sy, items }) => ({ sx, sy, items })),
    r2,
  );
}

/**
 * A cluster's centre drifts towards its members as they join, and may end up closer than
 * the radius to a neighbour: markers would overlap. Merging such pairs until none is left
 * guarantees every drawn marker and cluster keeps `radiusPx` of space around it.
 */
function mergeCrowded<T>(
  groups: { sx: number; sy: number; items: T[] }[],
  r2: number,
): Cluster<T>[] {
  const centre = (g: { sx: number; sy: number; items: T[] }) => ({
    x: g.sx / g.items.length,
    y: g.sy / g.items.length,
  });
  let merged = true;
  while (merged) {
    merged = false;
    outer: for (let i = 0; i < groups.length; i++) {
      const a = centre(groups[i]!);
      for (let j = i + 1; j < groups.length; j++) {
        const b = centre(groups[j]!);
        if ((a.x - b.x) ** 2 + (a.y - b.y) ** 2 >= r2) continue;
        const into = groups[i]!;
        const from = groups[j]!;
        into.sx += from.sx;
        into.sy += from.sy;
        into.items.push(...from.items);
        groups.splice(j, 1);
        merged = true;
        break outer;
      }
    }
  }
  return groups.map((g) => ({ ...centre(g), items: g.items }));
}
