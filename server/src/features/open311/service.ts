/**
 * GovCraft as an Open311 GeoReport v2 server, composed from its rooms: `keys` (organisations'
 * API keys), `requests` (quests as service requests, reports in), `updates` (the updates
 * extension). Every Open311 call names its jurisdiction: an area's slug.
 */
import type { Area } from '@govcraft/shared';
import type { Infra } from '../../context';
import { AppError } from '../../lib/errors';
import type { AreasService } from '../areas/service';
import type { AuditService } from '../audit/service';
import type { QuestsService } from '../quests/service';
import { createKeys } from './keys';
import { createRequests } from './requests';
import { createUpdates } from './updates';

export interface Open311Deps {
  areas: Pick<AreasService, 'bySlug' | 'idOfSlug'>;
  audit: Pick<AuditService, 'record'>;
  quests: Pick<QuestsService, 'importQuest' | 'afterImport' | 'isInsideArea'>;
}

export function createOpen311Service(infra: Infra, deps: Open311Deps) {
  const keys = createKeys(infra, deps);
  const requests = createRequests(infra, deps);
  const updates = createUpdates(infra);

  /** The area a jurisdiction_id names: the spec's 400 when absent, 404 when unknown. */
  async function jurisdiction(id: string | undefined): Promise<Area> {
    if (!id) throw AppError.field('jurisdiction_id', 'jurisdiction_id was not provided');
    try {
      return await deps.areas.bySlug(id);
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found')
        throw new AppError('not_found', `jurisdiction_id ${id} not found`);
      throw err;
    }
  }

  return { jurisdiction, keys, requests, updates };
}
export type Open311Service = ReturnType<typeof createOpen311Service>;
