/** Loading what every page needs first: who you are and which area you play in. */
import {
  accountsContracts,
  areasContracts,
  ZMeResponse,
  type Area,
  type MeResponse,
} from '@govcraft/shared';
import { ApiError } from '../net/api';
import { call } from '../net/call';

/**
 * The last profile this device saw, so the app starts offline (the service worker has the
 * shell and the map). It is this person's own data on their own device, dropped on sign-out.
 */
const ME_SNAPSHOT = 'govcraft:me';

function rememberMe(me: MeResponse | null): void {
  try {
    if (me) localStorage.setItem(ME_SNAPSHOT, JSON.stringify(me));
    else localStorage.removeItem(ME_SNAPSHOT);
  } catch {
    // Private browsing may refuse storage; the app still works online.
  }
}

function rememberedMe(): MeResponse | null {
  try {
    const parsed = ZMeResponse.safeParse(JSON.parse(localStorage.getItem(ME_SNAPSHOT) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Asks `/api/session`, which answers visitors 200 with `me: null`, not a logged 401. */
export async function loadMe(): Promise<MeResponse | null> {
  try {
    const { me } = await call(accountsContracts.getSession);
    rememberMe(me);
    return me;
  } catch (err) {
    // No connection: play on as the person this device last saw.
    if (err instanceof ApiError && err.status === 0) return rememberedMe();
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
