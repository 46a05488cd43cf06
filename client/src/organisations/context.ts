import type { Area, MeResponse } from '@govcraft/shared';

/** What every community page knows: who is looking (null: a visitor) and which area. */
export interface CommunityContext {
  me: MeResponse | null;
  area: Area;
}
