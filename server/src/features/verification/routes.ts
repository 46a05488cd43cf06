import {
  DEFAULT_REOPEN_RULES,
  DEFAULT_REPUTATION_RULES,
  DEFAULT_OFFLINE_CAPTURE_RULES,
  DEFAULT_VERIFICATION_RULES,
  describeOfflineCapture,
  describeTeamScaling,
  describeTimeCredits,
  describeVerificationRules,
  TEAM_SCALING,
  TIME_CREDIT_RULES,
  verificationContracts as api,
  type VerificationRules,
} from '@govcraft/shared';
import { defineRoute, PUBLIC, type AnyRouteSpec } from '../../http/route';

/**
 * GET /api/rules: how evidence is judged, public so residents can check the game is fair.
 * The explanation is generated from the same rules object the verifier uses.
 */
export function verificationRoutes(
  rules: VerificationRules = DEFAULT_VERIFICATION_RULES,
): AnyRouteSpec[] {
  const described = {
    ...describeVerificationRules(rules),
    // How much each vouch or "not fixed" report weighs, and when reports reopen a quest.
    reputation: DEFAULT_REPUTATION_RULES,
    reopen: DEFAULT_REOPEN_RULES,
    // How team quests count on the team board, pay members and ask for evidence.
    teamScaling: { description: describeTeamScaling(), ...TEAM_SCALING },
    // How late evidence captured offline may arrive, and the clock drift allowed for.
    offline: { description: describeOfflineCapture(), ...DEFAULT_OFFLINE_CAPTURE_RULES },
    // How verified participation earns time credits.
    timeCredits: { description: describeTimeCredits(), ...TIME_CREDIT_RULES },
  };
  return [
    defineRoute(api.getVerificationRules, {
      access: PUBLIC,
      handler: async () => described,
    }),
  ];
}
