/** Quest calls several views share, with the defaults they share. */
import { questsContracts, type QuestPage } from '@govcraft/shared';
import { call } from '../net/call';

/** The area's quests in one page of up to 500: the map and the console show them all at once. */
export function listAreaQuests(slug: string): Promise<QuestPage> {
  return call(questsContracts.listQuests, { params: { slug }, query: { limit: 500 } });
}
