/**
 * Demo data on first start (idempotent; SEED=false skips it): the invented neighbourhood of
 * Oakfield with its map, demo accounts, a storyline and a dozen quests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ZAreaBoundary, ZMapFeatures, type AreaRole } from '@govcraft/shared';
import type { Infra } from '../context';
import type { Services } from '../services';
import { DEMO_AREA_SLUG, DEMO_PASSWORD, demoAccounts } from './demo-data';
import { seedDemoBudgets } from './budgets';
import { seedDemoComments } from './comments';
import { seedDemoCredits } from './credits';
import { seedDemoQuests } from './demo-quests';
import { seedDemoNotifications } from './notifications';
import { seedDemoOpen311 } from './open311';
import { seedDemoOrganisations } from './organisations';

export { DEMO_ACCOUNTS } from './demo-accounts';

export function loadDemoMap() {
  const raw = JSON.parse(
    readFileSync(path.join(import.meta.dirname, 'oakfield.geojson'), 'utf8'),
  ) as unknown;
  const map = ZMapFeatures.parse(raw);
  const boundaryFeature = map.features.find((f) => f.properties?.kind === 'boundary');
  const boundary = ZAreaBoundary.parse(boundaryFeature?.geometry);
  return { map, boundary };
}

async function ensureUser(
  services: Services,
  account: (typeof demoAccounts)[number],
): Promise<string> {
  try {
    const user = await services.accounts.register({
      displayName: account.displayName,
      email: account.email,
      password: DEMO_PASSWORD,
    });
    return user.id;
  } catch {
    // Already there from an earlier start: sign-in proves the password still matches.
    const user = await services.accounts.login(
      { email: account.email, password: DEMO_PASSWORD },
      'seed',
    );
    return user.id;
  }
}

/** Logs each finished step, so a first start says what it is doing while it works. */
function seedProgress(infra: Infra) {
  const started = Date.now();
  let done = 0;
  const step = (name: string) => {
    done += 1;
    infra.logger.info({ step: done, ms: Date.now() - started }, `seeding demo area: ${name} done`);
  };
  return Object.assign(step, { elapsedMs: () => Date.now() - started });
}

export async function seedDemo(infra: Infra, services: Services): Promise<void> {
  const existing = await services.areas.list();
  if (existing.some((a) => a.slug === DEMO_AREA_SLUG)) return;
  const progress = seedProgress(infra);
  const { map, boundary } = loadDemoMap();
  const area = await services.areas.create(null, {
    name: 'Oakfield',
    slug: DEMO_AREA_SLUG,
    timezone: 'Europe/London',
    boundary,
    mapFeatures: map,
  });
  progress('area');
  const ids: Record<string, string> = {};
  for (const account of demoAccounts) {
    const userId = await ensureUser(services, account);
    ids[account.key] = userId;
    await services.areas.join(userId, area.slug);
    if (account.key === 'admin') await services.accounts.grantPlatformAdmin(userId);
    if (account.role !== 'resident') {
      await services.areas.setRole(userId, area.slug, userId, account.role as AreaRole);
    }
  }
  progress('accounts');
  await seedDemoQuests(infra, services, {
    areaId: area.id,
    slug: area.slug,
    officerId: ids.officer!,
  });
  progress('storyline and quests');
  await seedDemoComments(services, {
    slug: area.slug,
    officerId: ids.officer!,
    residentIds: [ids.amara!, ids.ben!],
  });
  progress('comments');
  await seedDemoNotifications(services, {
    slug: area.slug,
    areaId: area.id,
    userIds: Object.values(ids),
    residentId: ids.amara!,
  });
  progress('notifications');
  await seedDemoOpen311(services, { slug: area.slug, areaId: area.id, officerId: ids.officer! });
  progress('council integration');
  await seedDemoCredits(infra, services, {
    slug: area.slug,
    areaId: area.id,
    officerId: ids.officer!,
    residentIds: [ids.amara!, ids.ben!],
  });
  await seedDemoOrganisations(services, {
    slug: area.slug,
    officerId: ids.officer!,
    leadId: ids.amara!,
    memberId: ids.ben!,
  });
  await seedDemoBudgets(services, {
    slug: area.slug,
    officerId: ids.officer!,
    residentIds: [ids.amara!, ids.ben!],
  });
  infra.logger.info({ area: area.slug, ms: progress.elapsedMs() }, 'seeded demo area');
}
