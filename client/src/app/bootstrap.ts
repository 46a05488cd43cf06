/** Loading what every page needs first: who you are and which area you play in. */
import { accountsContracts, areasContracts, type Area, type MeResponse } from '@govcraft/shared';
import { call } from '../net/call';

/** Asks `/api/session`, which answers visitors 200 with `me: null`, not a logged 401. */
export async function loadMe(): Promise<MeResponse | null> {
  return (await call(accountsContracts.getSession)).me;
}

/** ?area=slug, else your first membership (officers: one you run), else the first area. */
export async function pickArea(me: MeResponse | null, roles?: string[]): Promise<Area | null> {
  const asked = new URLSearchParams(location.search).get('area');
  const member = me?.memberships.find((m) => !roles || roles.includes(m.role));
  const slug = asked ?? member?.slug ?? (await call(areasContracts.listAreas)).items[0]?.slug;
  return slug ? call(areasContracts.getArea, { params: { slug } }) : null;
}
