import type { Area, MeResponse } from '@govcraft/shared';
import type { Realtime } from '../net/socket';

export interface ConsoleContext {
  area: Area;
  me: MeResponse;
  realtime: Realtime;
  navigate(path: string): void;
}

export interface Section {
  el: HTMLElement;
  destroy?(): void;
}
