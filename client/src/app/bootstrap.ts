/** Loading what every page needs first: who you are and which area you play in. */
import { accountsContracts, areasContracts, type Area, type MeResponse } from '@govcraft/shared';
import { ApiError } from '../net/api';
import { call } from '../net/call';

export async function loadMe(): Promise<MeResponse | null> {
  try {
    return await call(accountsContracts.getMe);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

/** ?area=slug, else your first membership (officers: one you run), else the first area. */
export async function pickArea(me: MeResponse | null, roles?: string[]): Promise<Area | null> {
  const asked = new URLSearchParams(location.search).get('area');
  const member = me?.memberships.find((m) => !roles || roles.includes(m.role));
  const slug = asked ?? member?.slug ?? (await call(areasContracts.listAreas)).items[0]?.slug;
  return slug ? call(areasContracts.getArea, { params: { slug } }) : null;
}
