import type { Infra } from '../../context';
import { feature } from '../module';
import { createProgressService } from './service';

/**
 * The XP ledger and what is derived from it. Its public-profile route needs a display name
 * from accounts, which sits above progress, so the accounts feature mounts it.
 */
export const progressFeature = (infra: Infra) => feature('progress', createProgressService(infra));
