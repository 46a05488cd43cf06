import type { Area, MeResponse } from '@govcraft/shared';

/** What the budget views need from the page that shows them. */
export interface BudgetContext {
  me: MeResponse | null;
  area: Area;
  /** Where the resident is, if known: new projects are placed there. */
  position: { lat: number; lng: number } | null;
}
