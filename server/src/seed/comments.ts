/** Demo comments: a resident's question, the officer's pinned answer and a neighbour's reply. */
import type { Services } from '../services';

export async function seedDemoComments(
  services: Pick<Services, 'quests' | 'comments'>,
  demo: { slug: string; officerId: string; residentIds: string[] },
): Promise<void> {
  const page = await services.quests.managePage(demo.slug, { status: 'active', limit: 1 });
  const quest = page.items[0];
  const [amara, ben] = demo.residentIds;
  if (!quest || !amara || !ben) return;
  const as = (userId: string) => ({ userId, isPlatformAdmin: false });
  const question = await services.comments.post(as(amara), quest.id, {
    body: 'Do we need to bring our own gloves and bags, or are they provided?',
  });
  const answer = await services.comments.post(as(demo.officerId), quest.id, {
    parentId: question.id,
    body: 'Gloves and bags are in the green box by the library door. Leave full bags beside it and we collect them on Monday.',
  });
  await services.comments.post(as(ben), quest.id, {
    parentId: question.id,
    body: 'Thanks! I will bring a litter picker too.',
  });
  await services.comments.post(as(ben), quest.id, {
    body: 'Anyone going on Saturday morning? Happy to meet at the bench.',
  });
  await services.comments.pin(as(demo.officerId), quest.id, answer.id);
}
