/**
 * The public explanation of verification (GET /api/rules), written from the rules
 * themselves so the words and the numbers in force never drift apart.
 */
import type {
  CheckDescription,
  RulesResponse,
  VerificationCheck,
  VerificationRules,
} from '../../schemas/verification';
import { DEFAULT_VERIFICATION_RULES } from './model';
import { percent, plural, wordsForDuration } from './words';

/**
 * What GET /api/rules says about checking evidence, generated from the rules so words and
 * numbers never drift; the route adds the other published rule sets (reputation, reopen).
 */
export function describeVerificationRules(
  rules: VerificationRules = DEFAULT_VERIFICATION_RULES,
): Omit<RulesResponse, 'reputation' | 'reopen' | 'teamScaling' | 'offline' | 'timeCredits'> {
  const { verifyAt, rejectBelow } = rules.thresholds;
  const describe = (
    check: VerificationCheck,
    d: Omit<CheckDescription, 'check' | 'weight'>,
  ): CheckDescription => ({ check, weight: rules.weights[check], ...d });
  return {
    summary:
      'When you send evidence, we run the checks the quest asks for. Each check gives a result you can read, and together they give a confidence score from 0% to 100%.',
    scoring: `Each check scores between 0 and 1 and counts by its weight. Evidence scoring ${percent(verifyAt)} or more, with every check passed, is verified and you get your XP. Under ${percent(rejectBelow)} it is not accepted. In between, or when a check is unsure, an officer takes a look. Some problems reject evidence whatever the score; each check below says which.`,
    thresholds: { verifyAt, rejectBelow },
    checks: [
      describe('geofence', {
        title: 'You were at the spot',
        runsWhen: 'The quest asks for a check-in.',
        description: `Your check-in must be inside the quest's circle. We add your phone's reported accuracy, up to ${rules.geofence.maxAccuracyAllowanceM} m. A location vaguer than ${rules.geofence.poorAccuracyM} m still counts, for a little less.`,
        rejectsOutright: 'Checking in outside the circle, or not checking in.',
        sendsToOfficer: null,
      }),
      describe('timeWindow', {
        title: 'While the quest was open',
        runsWhen: 'Always.',
        description: `You must send evidence between the quest's opening and closing times, by our clock. If your phone's clock differs from ours by more than ${wordsForDuration(rules.timeWindow.maxDeviceClockSkewS * 1000)}, an officer takes a look.`,
        rejectsOutright: 'Sending before the quest opened or after it closed.',
        sendsToOfficer: 'A phone clock far from ours.',
      }),
      describe('travel', {
        title: 'A believable journey',
        runsWhen: 'The quest asks for a check-in.',
        description: `Your check-ins must not be further apart than anyone can travel in the time between them: at most ${rules.travel.maxSpeedKmh} km/h. Moves under ${rules.travel.ignoreBelowM} m never count, and each fix may be off by its reported accuracy (up to ${rules.travel.maxFixSlackM} m). A faster move is turned down only when a second fix confirms it; otherwise an officer takes a look.`,
        rejectsOutright: 'Travelling faster than that between two check-ins.',
        sendsToOfficer: null,
      }),
      describe('photoExif', {
        title: 'When and where the photo was taken',
        runsWhen: 'The quest asks for a photo.',
        description: `If your camera recorded when and where it took the photo, that must fit the quest: taken while it was open (we allow ${rules.photoExif.timeSlackH} h either side for time zones) and within ${rules.photoExif.extraDistanceM} m of the quest's circle. We read these details, then remove them from the photo we keep, so your location is never published.`,
        rejectsOutright: 'Not adding a photo.',
        sendsToOfficer: 'A photo with no camera details, or a time or place that does not fit.',
      }),
      describe('duplicatePhoto', {
        title: 'A new photo',
        runsWhen: 'The quest asks for a photo.',
        description: `We compare a fingerprint of your photo (64 points) with every earlier photo in the area. ${rules.duplicatePhoto.sameMaxDistance} or fewer points different means the same photo; ${rules.duplicatePhoto.similarMaxDistance} or fewer means very alike.`,
        rejectsOutright: 'The same photo as one sent before.',
        sendsToOfficer: 'A photo very like one sent before.',
      }),
      describe('text', {
        title: 'A note',
        runsWhen: 'The quest asks for a note.',
        description: `Write at least ${plural(rules.text.minChars, 'character', 'characters')} about what you did.`,
        rejectsOutright: 'No note, or one too short.',
        sendsToOfficer: null,
      }),
      describe('attestations', {
        title: 'Neighbours vouch for it',
        runsWhen: 'The quest asks for residents to vouch.',
        description:
          "Other residents who saw the work vouch for your evidence. It waits until enough have. Each vouch weighs by the resident's track record (how often their earlier vouches held up; see `reputation`): someone new counts as one resident, a reliable neighbour for more, an unreliable one for less.",
        rejectsOutright: null,
        sendsToOfficer: 'Fewer residents have vouched than the quest needs.',
      }),
      describe('officerSignOff', {
        title: 'An officer signs it off',
        runsWhen: 'The quest asks for an officer to sign off, or an officer reviews your evidence.',
        description:
          'A council officer looks at your evidence. Their approval settles any doubt the other checks raised; it cannot overrule a check that rejects outright.',
        rejectsOutright: 'An officer does not accept it.',
        sendsToOfficer: 'Always, until an officer has decided.',
      }),
    ],
    rules,
  };
}
