/** Loading what every page needs first: who you are and which area you play in. */
import type { Area, MeResponse } from '@govcraft/shared';
import { ApiError } from '../net/api';
import { areas, auth } from '../net/endpoints';

export async function loadMe(): Promise<MeResponse | null> {
  try {
    return await auth.me();
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

/** ?area=slug, else your first membership (officers: one you run), else the first area. */
export async function pickArea(me: MeResponse | null, roles?: string[]): Promise<Area | null> {
  const asked = new URLSearchParams(location.search).get('area');
  const member = me?.memberships.find((m) => !roles || roles.includes(m.role));
  const slug = asked ?? member?.slug ?? (await areas.list()).items[0]?.slug;
  return slug ? areas.get(slug) : null;
}
