/**
 * How many rows each key has, from a grouped `count()` query: no query at all when there are
 * no keys to ask about, and keys with no rows are simply absent from the map.
 */
export async function countsByKey(
  keys: readonly unknown[],
  grouped: () => Promise<{ key: string | null; n: number | string }[]>,
): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const rows = await grouped();
  return new Map(rows.flatMap((r) => (r.key === null ? [] : [[r.key, Number(r.n)] as const])));
}
