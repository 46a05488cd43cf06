export const DEMO_AREA_SLUG = 'oakfield';
export const DEMO_PASSWORD = 'oakfield-demo-2026';

type DemoRole = 'officer' | 'resident' | 'admin';

/** A demo account; its email is `<key>@oakfield.example`. */
const demoAccount = <K extends string>(key: K, displayName: string, role: DemoRole) => ({
  key,
  displayName,
  email: `${key}@oakfield.example` as const,
  role,
});

export const demoAccounts = [
  demoAccount('officer', 'Priya (Council officer)', 'officer'),
  demoAccount('amara', 'Amara', 'resident'),
  demoAccount('ben', 'Ben', 'resident'),
  demoAccount('admin', 'Sam (Council admin)', 'admin'),
] as const;

/** Named spots in Oakfield, [lng, lat]; quests are placed at them. */
export const OAKFIELD_PLACES = {
  underpass: [-1.14, 52.627305],
  park: [-1.144736, 52.631797],
  pond: [-1.14444, 52.631168],
  school: [-1.143256, 52.628293],
  library: [-1.13889, 52.630449],
  highstreet: [-1.13704, 52.629443],
  market: [-1.14111, 52.629416],
  church: [-1.136966, 52.631303],
  community: [-1.13334, 52.628877],
  station: [-1.134302, 52.625868],
  allotments: [-1.133266, 52.632875],
  meadow: [-1.133784, 52.627844],
  canal: [-1.13852, 52.626497],
  parklane: [-1.14222, 52.632964],
  victoria: [-1.1326, 52.631347],
} as const satisfies Record<string, readonly [number, number]>;
