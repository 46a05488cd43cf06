/**
 * Radical transparency: the officer dashboard (what got done, by whom in aggregate, and
 * its estimated social value) and the public open-data export of an area's quests.
 */
import {
  OPEN_DATA_LICENCE,
  OPEN_DATA_QUEST_COLUMNS,
  OPEN_DATA_QUEST_STATUSES,
  QUEST_STATUSES,
  SUPERPOWERS,
  lastLocalDays,
  weeksEndingAt,
  type Dashboard,
  type OpenDataQuest,
  type OpenDataQuests,
  type QuestGeoJson,
  type QuestStatus,
  type SocialValueProxies,
  type SocialValueSummary,
  type Superpower,
} from '@govcraft/shared';
import type { Infra } from '../../context';
import type { AreasService } from '../areas/service';
import type { BudgetsService } from '../budgets/service';
import type { CreditsService } from '../credits/service';
import type { OrganisationsService } from '../organisations/service';
import type { RatingsService } from '../ratings/service';
import { toCsv } from './csv';
import { PRIVATE_QUEST_STATUSES, questCollection, questFeature } from './geojson';
import * as repo from './repo';
import {
  DEFAULT_SOCIAL_VALUE_PROXIES,
  SOCIAL_VALUE_LABEL,
  SOCIAL_VALUE_METHOD,
  splitSocialValue,
} from './social-value';

export const DASHBOARD_WEEKS = 12;
export const ACTIVE_WINDOW_DAYS = 30;
const TOP_PLACES = 5;

/** What each open-data column means, published with the data. */
const OPEN_DATA_FIELDS: Record<(typeof OPEN_DATA_QUEST_COLUMNS)[number], string> = {
  id: 'Stable quest identifier',
  title: 'Short name of the problem',
  problem: 'The local problem, as the council described it',
  desiredOutcome: 'What done looks like',
  status: 'published, active, closed or archived',
  lat: 'Latitude of the place (WGS84)',
  lng: 'Longitude of the place (WGS84)',
  radiusM: 'Radius in metres around the place where check-ins count',
  startsAt: 'When the quest opened (ISO 8601)',
  endsAt: 'When the quest closes or closed (ISO 8601)',
  superpowers: 'What the quest trains, main one first (semicolon-separated in CSV)',
  xp: 'XP reward per completion',
  storylineId: 'The storyline the quest serves, if any',
  verifiedCompletions: "Accepted pieces of evidence (a team's counts once)",
  createdAt: 'When the quest was created (ISO 8601)',
};

const round2 = (n: number) => Math.round(n * 100) / 100;

export function socialValueSummary(
  verifiedByMain: { superpower: string; n: number }[],
  proxies: SocialValueProxies,
): SocialValueSummary {
  const counts = new Map(verifiedByMain.map((r) => [r.superpower, r.n]));
  const bySuperpower = SUPERPOWERS.map((superpower) => {
    const verified = counts.get(superpower) ?? 0;
    const { gbpPerCompletion, basis } = proxies[superpower];
    return {
      superpower,
      verified,
      gbpPerCompletion,
      valueGbp: round2(verified * gbpPerCompletion),
      basis,
    };
  });
  return {
    isEstimate: true,
    label: SOCIAL_VALUE_LABEL,
    currency: 'GBP',
    totalGbp: round2(bySuperpower.reduce((sum, line) => sum + line.valueGbp, 0)),
    method: SOCIAL_VALUE_METHOD,
    bySuperpower,
  };
}

export function createTransparencyService(
  infra: Pick<Infra, 'db' | 'clock'>,
  deps: {
    areas: AreasService;
    socialValueProxies?: SocialValueProxies;
    credits: Pick<CreditsService, 'summary'>;
    ratings: Pick<RatingsService, 'forArea'>;
    budgets?: Pick<BudgetsService, 'fundedPenceInArea'>;
    organisations?: Pick<OrganisationsService, 'moneyInArea'>;
  },
) {
  const proxies = deps.socialValueProxies ?? DEFAULT_SOCIAL_VALUE_PROXIES;

  /** Verified completions in each of the area's last weeks, in its own time zone. */
  async function weeklySeries(area: { id: string; timezone: string }, now: Date) {
    const weeks = weeksEndingAt(now, area.timezone, DASHBOARD_WEEKS);
    const bounds = [...weeks.map((w) => w.start), weeks.at(-1)!.end];
    const counts = await repo.verifiedPerSpan(infra.db, area.id, bounds);
    return weeks.map((w, i) => ({ week: w.id, weekStart: w.monday, verified: counts[i]! }));
  }

  async function questsByStatus(areaId: string): Promise<Record<QuestStatus, number>> {
    const rows = await repo.questCountsByStatus(infra.db, areaId);
    const found = new Map(rows.map((r) => [r.status, Number(r.n)]));
    return Object.fromEntries(QUEST_STATUSES.map((s) => [s, found.get(s) ?? 0])) as Record<
      QuestStatus,
      number
    >;
  }

  /**
   * Money decided and paid: budgets allocated are residents' funded projects plus approved
   * pitches' allocations; released is what pitches were paid per evidenced milestone. Both
   * are sums of their ledgers, in pounds.
   */
  async function moneyAgainstOutcomes(areaId: string): Promise<Dashboard['money']> {
    if (!deps.budgets || !deps.organisations) return undefined;
    const [funded, pitches] = await Promise.all([
      deps.budgets.fundedPenceInArea(areaId),
      deps.organisations.moneyInArea(areaId),
    ]);
    return {
      budgetsAllocatedGbp: (funded + pitches.allocated) / 100,
      releasedGbp: pitches.released / 100,
    };
  }

  /** The officer dashboard; the route has already checked the officer role. */
  async function dashboard(slug: string): Promise<Dashboard> {
    const area = await deps.areas.bySlug(slug);
    const now = infra.clock.now();
    const activeSince = lastLocalDays(now, area.timezone, ACTIVE_WINDOW_DAYS).start;
    const [byStatus, weeks, active, xp, byMain, places] = await Promise.all([
      questsByStatus(area.id),
      weeklySeries(area, now),
      repo.activeSince(infra.db, area.id, activeSince),
      repo.xpBySuperpower(infra.db, area.id),
      repo.verifiedByMainSuperpower(infra.db, area.id),
      repo.topPlaces(infra.db, area.id, TOP_PLACES),
    ]);
    const [credits, ratings, money] = await Promise.all([
      deps.credits.summary(area.id),
      deps.ratings.forArea(area.slug),
      moneyAgainstOutcomes(area.id),
    ]);
    const socialValue = socialValueSummary(byMain, proxies);
    return {
      area: { id: area.id, slug: area.slug, name: area.name, timezone: area.timezone },
      generatedAt: now.toISOString(),
      questsByStatus: byStatus,
      completionsByWeek: weeks,
      activeWindowDays: ACTIVE_WINDOW_DAYS,
      activeResidents: active.residents,
      activeTeams: active.teams,
      totalVerified: byMain.reduce((sum, r) => sum + r.n, 0),
      xpBySuperpower: xp,
      topPlaces: places,
      socialValue,
      socialValueSplit: splitSocialValue(socialValue.bySuperpower),
      credits,
      ratings: { overall: ratings.overall, bySuperpower: ratings.bySuperpower },
      money,
    };
  }

  /** Public open data: quests past the private stages, no personal data at all. */
  async function openDataQuests(slug: string): Promise<OpenDataQuests> {
    const area = await deps.areas.bySlug(slug);
    const rows = await repo.openDataQuests(infra.db, area.id, OPEN_DATA_QUEST_STATUSES);
    const quests: OpenDataQuest[] = rows.map(({ quest, verifiedCompletions }) => ({
      id: quest.id,
      title: quest.title,
      problem: quest.problem,
      desiredOutcome: quest.desiredOutcome,
      status: quest.status as OpenDataQuest['status'],
      lat: quest.lat,
      lng: quest.lng,
      radiusM: quest.radiusM,
      startsAt: quest.startsAt.toISOString(),
      endsAt: quest.endsAt.toISOString(),
      superpowers: quest.superpowers as Superpower[],
      xp: quest.xp,
      storylineId: quest.storylineId,
      verifiedCompletions: Number(verifiedCompletions),
      createdAt: quest.createdAt.toISOString(),
    }));
    return {
      area: { slug: area.slug, name: area.name },
      generatedAt: infra.clock.now().toISOString(),
      licence: OPEN_DATA_LICENCE,
      fields: OPEN_DATA_FIELDS,
      quests,
    };
  }

  async function openDataQuestsCsv(slug: string): Promise<string> {
    const { quests } = await openDataQuests(slug);
    return toCsv(
      OPEN_DATA_QUEST_COLUMNS,
      quests.map((q) =>
        OPEN_DATA_QUEST_COLUMNS.map((column) =>
          column === 'superpowers' ? q.superpowers.join(';') : q[column],
        ),
      ),
    );
  }

  /** Every quest past the private stages as GeoJSON, with its outcome and XP paid/reversed. */
  async function questsGeoJson(slug: string): Promise<QuestGeoJson> {
    const area = await deps.areas.bySlug(slug);
    const [rows, xp, changes] = await Promise.all([
      repo.questsExcept(infra.db, area.id, PRIVATE_QUEST_STATUSES),
      repo.xpPaidAndReversed(infra.db, area.id),
      repo.latestQuestStatusChanges(infra.db, area.id),
    ]);
    const features = rows.map(({ quest, verifiedCompletions }) =>
      questFeature({
        quest,
        verifiedCompletions: Number(verifiedCompletions),
        xp: xp.get(quest.id),
        lastChange: changes.get(quest.id),
      }),
    );
    return questCollection(area, infra.clock.now(), features);
  }

  return { dashboard, openDataQuests, openDataQuestsCsv, questsGeoJson };
}
export type TransparencyService = ReturnType<typeof createTransparencyService>;
