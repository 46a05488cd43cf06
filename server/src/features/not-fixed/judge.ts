/**
 * A "not fixed" report judged by the same pure checks as evidence: the check-in inside the
 * quest's circle, sent inside the report window, the photo's camera time and place, and no
 * photo already sent by someone else. The window stands in for the quest's own dates.
 */
import type { Quest } from '@govcraft/shared';
import { verifyEvidence, type VerificationOutcome } from '@govcraft/shared/rules/verification';
import type * as repo from './repo';

interface StoredCheckin {
  lat: number;
  lng: number;
  accuracyM: number;
  deviceTime: string;
}
interface StoredExif {
  takenAt: string | null;
  lat: number | null;
  lng: number | null;
  hasExif: boolean;
}

export function judgeReport(
  report: repo.ReportRow,
  nearestHashDistance: number | null,
  quest: Quest,
  window: { from: Date; until: Date },
): VerificationOutcome {
  const checkin = report.checkin as StoredCheckin | null;
  const exif = report.photoExif as StoredExif | null;
  const hasPhoto = report.photoHash !== null;
  return verifyEvidence({
    quest: {
      lat: quest.location.lat,
      lng: quest.location.lng,
      radiusM: quest.location.radiusM,
      startsAt: window.from,
      endsAt: window.until,
      rules: {
        checkin: checkin !== null,
        photo: hasPhoto,
        text: false,
        attestations: 0,
        officerSignOff: false,
      },
    },
    receivedAt: report.submittedAt,
    checkin: checkin ? { ...checkin, deviceTime: new Date(checkin.deviceTime) } : null,
    photo: hasPhoto
      ? {
          takenAt: exif?.takenAt ? new Date(exif.takenAt) : null,
          lat: exif?.lat ?? null,
          lng: exif?.lng ?? null,
          hasExif: exif?.hasExif ?? false,
          nearestHashDistance,
        }
      : null,
    text: null,
    previousCheckin: null,
    attestations: 0,
    officerDecision: null,
  });
}
