/**
 * The pitch deadline: one delayed BullMQ job per approved pitch with a stable id, so a
 * duplicate add is a no-op and a restart keeps it. The handler re-reads the pitch and acts
 * only if it is still approved and due; a sweep catches deadlines whose job was lost.
 */
import { z } from 'zod';
import { ZId } from '@govcraft/shared';
import { defineJob, defineSweepJob } from '../../jobs/registry';

export const ZPitchDeadlinePayload = z.object({ pitchId: ZId });

/** BullMQ refuses custom ids with one ':'. */
export const pitchDeadlineJobId = (pitchId: string) => `pitch-deadline-${pitchId}`;

export const PITCH_DEADLINE_SWEEP_EVERY_MS = 5 * 60_000;

export function createPitchJobs(
  failIfDue: (pitchId: string) => Promise<unknown>,
  sweep: () => Promise<{ failed: number }>,
) {
  return {
    deadline: defineJob({
      queue: 'quest-lifecycle',
      name: 'pitch-deadline',
      version: 1,
      schema: ZPitchDeadlinePayload,
      handle: (payload) => failIfDue(payload.pitchId),
    }),
    sweep: defineSweepJob('pitches.fail-overdue', PITCH_DEADLINE_SWEEP_EVERY_MS, sweep),
  };
}
