import {
  DEFAULT_VERIFICATION_RULES,
  describeVerificationRules,
  ZRulesResponse,
  type VerificationRules,
} from '@govcraft/shared';
import { defineRoute, type AnyRouteSpec } from '../../http/route';

/**
 * GET /api/rules: how evidence is judged, public so residents can check the game is fair.
 * The explanation is generated from the same rules object the verifier uses.
 */
export function verificationRoutes(
  rules: VerificationRules = DEFAULT_VERIFICATION_RULES,
): AnyRouteSpec[] {
  const described = describeVerificationRules(rules);
  return [
    defineRoute({
      method: 'get',
      path: '/api/rules',
      summary: 'How evidence is checked: weights, thresholds and each check in plain words',
      tags: ['verification'],
      response: ZRulesResponse,
      access: { kind: 'public' },
      handler: async () => described,
    }),
  ];
}
