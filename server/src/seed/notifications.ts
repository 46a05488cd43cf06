/**
 * Demo notifications: the demo accounts count as confirmed (their mail goes nowhere), and
 * the demo resident has a few unread notifications and a watched place, so the bell shows
 * something on first start.
 */
import type { Services } from '../services';

export async function seedDemoNotifications(
  services: Pick<Services, 'accounts' | 'quests' | 'notifications'>,
  demo: { slug: string; areaId: string; userIds: string[]; residentId: string },
): Promise<void> {
  for (const userId of demo.userIds) await services.accounts.confirmEmailWithoutLink(userId);
  const page = await services.quests.managePage(demo.slug, { status: 'active', limit: 2 });
  const [first, second] = page.items;
  if (!first || !second) return;
  await services.notifications.updatePreferences(demo.residentId, {
    watch: { areaId: demo.areaId, ...first.location, radiusM: 1000 },
    quietHours: { from: '22:00', until: '07:00' },
  });
  const about = (quest: typeof first) => ({
    userId: demo.residentId,
    areaId: demo.areaId,
    link: `/?quest=${quest.id}`,
  });
  await services.notifications.notify([
    {
      ...about(first),
      kind: 'quest_nearby',
      title: 'New quest near you',
      body: `"${first.title}" is on the map near the place you watch.`,
      dedupeKey: `demo-nearby-${first.id}`,
    },
    {
      ...about(second),
      kind: 'quest_ends_soon',
      title: 'A quest you joined ends soon',
      body: `"${second.title}" ends soon. Send your evidence before then.`,
      dedupeKey: `demo-ends-${second.id}`,
    },
    {
      ...about(second),
      kind: 'evidence_in_review',
      title: 'Your evidence went to an officer for review',
      body: `Your evidence for "${second.title}" went to an officer for review.`,
      dedupeKey: `demo-review-${second.id}`,
    },
  ]);
}
