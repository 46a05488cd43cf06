/**
 * The evidence form's way out when there is no connection: the evidence goes into the
 * offline queue with its capture time, and the form says where it went.
 */
import type { Checkin, Quest } from '@govcraft/shared';
import { enqueueEvidence } from './queue-store';
import { requestBackgroundSync } from './sync';

export interface Captured {
  checkin: Checkin | null;
  photo: Blob | null;
  text: string;
}

/** Queues the evidence; answers the words the form shows in its place. */
export async function holdForLater(quest: Quest, captured: Captured): Promise<string> {
  const now = new Date().toISOString();
  const times = [now, captured.checkin?.deviceTime].filter((t): t is string => !!t).sort();
  await enqueueEvidence({
    questId: quest.id,
    questTitle: quest.title,
    checkin: captured.checkin,
    photo: captured.photo,
    text: captured.text.trim() || null,
    capturedAt: times[0]!,
  });
  await requestBackgroundSync();
  return "You're offline, so your evidence is saved on this phone. We'll send it as soon as you're back online, even if you close GovCraft.";
}
