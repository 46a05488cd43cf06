/** What the not-fixed rooms need from the features below, named once. */
import type { EvidenceService } from '../evidence/service';
import type { QuestsService } from '../quests/service';

export type QuestsPort = Pick<QuestsService, 'notFixedState' | 'reopen' | 'timeline'>;
export type EvidencePort = Pick<EvidenceService, 'reputationOf' | 'storage'>;
export type TeamOf = (areaId: string, userId: string) => Promise<{ teamId: string } | null>;

export const reportPhotoKey = (reportId: string) => `not-fixed/${reportId}.jpg`;
