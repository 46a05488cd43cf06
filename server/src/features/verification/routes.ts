import {
  DEFAULT_VERIFICATION_RULES,
  describeVerificationRules,
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
  const described = describeVerificationRules(rules);
  return [
    defineRoute(api.getVerificationRules, {
      access: PUBLIC,
      handler: async () => described,
    }),
  ];
}
