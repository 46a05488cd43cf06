/**
 * The pure side of verification: from a loaded evidence and its quest to the verifier's
 * input, and from the verifier's outcome to the status that is stored.
 */
import type { EvidenceStatus, Quest } from '@govcraft/shared';
import {
  verifyEvidence,
  type VerificationInput,
  type VerificationOutcome,
} from '@govcraft/shared/rules/verification';
import type { StoredCheckin, StoredExif } from './model';
import type * as repo from './repo';

export type Outcome = Omit<VerificationOutcome, 'status'> & { status: EvidenceStatus };

/**
 * Runs the pure verifier; when the only thing missing is neighbours' attestations, the
 * evidence stays `pending` (waiting, with a reason) instead of going to an officer.
 */
export function judge(input: VerificationInput): Outcome {
  const outcome = verifyEvidence(input);
  const needed = input.quest.rules.attestations;
  if (input.officerDecision !== null || input.attestations >= needed) return outcome;
  const ifVouched = verifyEvidence({ ...input, attestations: needed });
  if (ifVouched.status === 'rejected') return outcome;
  const missing = needed - input.attestations;
  return {
    ...outcome,
    status: 'pending',
    reasons: [
      `Waiting for ${missing} more ${missing === 1 ? 'resident' : 'residents'} to vouch for this.`,
    ],
  };
}

/** The verifier's input for one loaded evidence, with an officer's decision if there is one. */
export function verificationInput(
  loaded: repo.LoadedForVerification,
  quest: Quest,
  officerDecision: 'approve' | 'reject' | null,
): VerificationInput {
  const row = loaded.evidence;
  const checkin = row.checkin as StoredCheckin | null;
  const exif = row.photoExif as StoredExif | null;
  const previous = loaded.previous?.checkin as StoredCheckin | undefined;
  // Offline evidence is judged when it was captured, with the phone's clock corrected to ours.
  const offsetMs = row.deviceClockOffsetMs ?? 0;
  return {
    quest: {
      lat: quest.location.lat,
      lng: quest.location.lng,
      radiusM: quest.location.radiusM,
      startsAt: new Date(quest.startsAt),
      endsAt: new Date(quest.endsAt),
      rules: quest.evidenceRules,
    },
    receivedAt: row.capturedAt ?? row.submittedAt,
    checkin: checkin
      ? { ...checkin, deviceTime: new Date(Date.parse(checkin.deviceTime) - offsetMs) }
      : null,
    photo:
      row.photoHash || exif
        ? {
            takenAt: exif?.takenAt ? new Date(exif.takenAt) : null,
            lat: exif?.lat ?? null,
            lng: exif?.lng ?? null,
            hasExif: exif?.hasExif ?? false,
            nearestHashDistance: loaded.nearestHashDistance,
          }
        : null,
    text: row.text,
    previousCheckin:
      loaded.previous && previous
        ? {
            lat: previous.lat,
            lng: previous.lng,
            accuracyM: previous.accuracyM,
            at: loaded.previous.submittedAt,
          }
        : null,
    attestations: loaded.attestations,
    officerDecision,
  };
}
