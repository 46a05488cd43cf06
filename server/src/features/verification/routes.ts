import {
  DEFAULT_REOPEN_RULES,
  DEFAULT_REPUTATION_RULES,
  DEFAULT_VERIFICATION_RULES,
  describeTeamScaling,
  describeVerificationRules,
  TEAM_SCALING,
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
  };
  return [
    defineRoute(api.getVerificationRules, {
      access: PUBLIC,
      handler: async () => described,
    }),
  ];
}
