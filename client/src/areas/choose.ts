/**
 * Which area the resident app opens. A link names one (`/a/{slug}`, or the older
 * `?area=slug`); otherwise the area chosen last time on this device, then the visitor's
 * only membership, then the only area there is. With more than one area and nothing to go
 * on, the visitor chooses; `/areas` always shows the chooser.
 */
import { areasContracts, type Area, type MeResponse } from '@govcraft/shared';
import { call } from '../net/call';

export const CHOOSER_PATH = '/areas';
const REMEMBERED_KEY = 'govcraft.area';

export type AreaChoice =
  | { kind: 'area'; area: Area; areas: Area[] }
  | { kind: 'choose'; areas: Area[]; unknownSlug: string | null }
  | { kind: 'none' };

/** `/a/{slug}` → slug; null for any other path. */
export function slugInPath(pathname: string): string | null {
  const match = /^\/a\/([^/]+)\/?$/.exec(pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
}

export const areaPath = (slug: string) => `/a/${encodeURIComponent(slug)}`;

/** Storage can be off (private mode, blocked cookies); the choice is then not kept. */
export function rememberArea(slug: string): void {
  try {
    localStorage.setItem(REMEMBERED_KEY, slug);
  } catch {
    // Nothing to keep it in: the chooser shows again next time.
  }
}

export function rememberedArea(): string | null {
  try {
    return localStorage.getItem(REMEMBERED_KEY);
  } catch {
    return null;
  }
}

/** The area to open, or the list to choose from, for this address and visitor. */
export function decideArea(
  areas: Area[],
  at: { pathname: string; search: string },
  me: Pick<MeResponse, 'memberships'> | null,
  remembered: string | null,
): AreaChoice {
  if (areas.length === 0) return { kind: 'none' };
  const bySlug = (slug: string | null | undefined) => areas.find((a) => a.slug === slug);
  if (at.pathname === CHOOSER_PATH) return { kind: 'choose', areas, unknownSlug: null };
  const linked = slugInPath(at.pathname) ?? new URLSearchParams(at.search).get('area');
  if (linked) {
    const area = bySlug(linked);
    return area ? { kind: 'area', area, areas } : { kind: 'choose', areas, unknownSlug: linked };
  }
  const memberships = me?.memberships ?? [];
  const area =
    bySlug(remembered) ??
    (memberships.length === 1 ? bySlug(memberships[0]!.slug) : undefined) ??
    (areas.length === 1 ? areas[0] : undefined);
  return area ? { kind: 'area', area, areas } : { kind: 'choose', areas, unknownSlug: null };
}

/**
 * Decides for the current page. An area that opens is remembered, and the address becomes
 * its `/a/{slug}` link so it can be shared or bookmarked.
 */
export async function chooseArea(me: MeResponse | null): Promise<AreaChoice> {
  const { items } = await call(areasContracts.listAreas);
  const choice = decideArea(items, location, me, rememberedArea());
  if (choice.kind === 'area') {
    rememberArea(choice.area.slug);
    const path = areaPath(choice.area.slug);
    if (location.pathname !== path) history.replaceState(null, '', path + location.hash);
  }
  return choice;
}
