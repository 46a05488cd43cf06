/**
 * Demo of the council integration: an Open311 API key for a local organisation with two
 * reports it posted (proposals waiting for the officer), and a CSV connection holding two
 * requests from the council's export, taken as draft quests linked by their request ids.
 */
import type { Services } from '../services';
import { OAKFIELD_PLACES } from './demo-data';

const at = (place: keyof typeof OAKFIELD_PLACES) => {
  const [lng, lat] = OAKFIELD_PLACES[place];
  return { lat, long: lng };
};

export async function seedDemoOpen311(
  services: Services,
  demo: { slug: string; areaId: string; officerId: string },
): Promise<void> {
  const area = await services.areas.bySlug(demo.slug);
  const key = await services.open311.keys.issue(
    demo.officerId,
    demo.areaId,
    'Friends of Oakfield Park',
  );
  await services.open311.requests.create(area, key.id, {
    service_code: 'urgent_optimism',
    ...at('pond'),
    address_string: 'Oakfield Park pond, east bank',
    description: 'Shopping trolley dumped in the pond; ducks are getting tangled in it.',
  });
  await services.open311.requests.create(area, key.id, {
    service_code: 'social_fabric',
    ...at('underpass'),
    address_string: 'Station Road underpass',
    description: 'The underpass mural has been tagged over and the lights flicker at night.',
    attribute: {
      desired_outcome: 'The mural is restored and the underpass feels safe after dark.',
    },
  });

  const csv = await services.integrations.create(demo.officerId, demo.areaId, {
    kind: 'csv',
    name: 'Oakfield Council case export (demo)',
    services: [
      { code: 'FLY', superpower: 'blissful_productivity', autoPublish: false },
      { code: 'GRAF', superpower: 'social_fabric', autoPublish: false },
    ],
    batchSize: 100,
    pollEveryMinutes: 60,
  });
  const row = (id: string, code: string, text: string, place: keyof typeof OAKFIELD_PLACES) => {
    const p = at(place);
    return `${id},${code},"${text}",${p.lat},${p.long}`;
  };
  await services.integrations.importCsv(
    demo.areaId,
    csv.id,
    [
      'id,service_code,description,lat,lng',
      row(
        'OC-1042',
        'FLY',
        'Fly-tipped mattress and bags behind the allotment gates.',
        'allotments',
      ),
      row('OC-1057', 'GRAF', 'Graffiti on the community centre side wall.', 'community'),
    ].join('\n'),
  );
}
