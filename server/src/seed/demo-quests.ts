import type { Infra } from '../context';
import type { Services } from '../services';

export interface DemoAreaRef {
  areaId: string;
  slug: string;
  officerId: string;
}

/** The storyline and quests of the demo area; filled in by the quests feature. */
export async function seedDemoQuests(
  _infra: Infra,
  _services: Services,
  _area: DemoAreaRef,
): Promise<void> {}
