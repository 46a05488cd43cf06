/** One quest and one good submission, for the verification rule tests to vary. */
import { ZEvidenceRules } from '../../schemas/quests';
import type { VerificationInput } from './model';

export const HOUR = 3600_000;
export const STARTS = new Date('2026-11-01T09:00:00Z');
export const ENDS = new Date('2026-11-30T17:00:00Z');
export const RECEIVED = new Date('2026-11-20T12:00:00Z');
/** Oakfield underpass; 0.001° of latitude is about 111 m. */
export const SPOT = { lat: 52.627305, lng: -1.14 };
export const north = (metres: number) => ({ lat: SPOT.lat + metres / 111_195, lng: SPOT.lng });

/** A check-in `metres` north of the spot, sent with an honest phone clock. */
export const checkinNorth = (metres: number, accuracyM = 5, deviceTime = RECEIVED) => ({
  ...north(metres),
  accuracyM,
  deviceTime,
});

export const quest = (rules: Partial<VerificationInput['quest']['rules']> = {}) => ({
  ...SPOT,
  radiusM: 50,
  startsAt: STARTS,
  endsAt: ENDS,
  rules: ZEvidenceRules.parse({ checkin: true, photo: true, ...rules }),
});

/** A photo at the spot with camera details, unlike any earlier one unless `over` says so. */
export const photoAt = (
  over: Partial<NonNullable<VerificationInput['photo']>> = {},
): NonNullable<VerificationInput['photo']> => ({
  takenAt: RECEIVED,
  ...SPOT,
  hasExif: true,
  nearestHashDistance: null,
  ...over,
});

/** A photo whose camera wrote nothing down. */
export const bareCameraPhoto = (nearestHashDistance: number | null = null) =>
  photoAt({ takenAt: null, lat: null, lng: null, hasExif: false, nearestHashDistance });

export const goodInput = (over: Partial<VerificationInput> = {}): VerificationInput => ({
  quest: quest(),
  receivedAt: RECEIVED,
  checkin: checkinNorth(12, 8, new Date(RECEIVED.getTime() - 20_000)),
  photo: photoAt({
    takenAt: new Date(RECEIVED.getTime() - 5 * 60_000),
    ...north(20),
    nearestHashDistance: 30,
  }),
  text: null,
  previousCheckin: null,
  attestations: 0,
  officerDecision: null,
  ...over,
});
