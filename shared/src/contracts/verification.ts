import { ZRulesResponse } from '../schemas/verification';
import { defineContracts } from './contract';

export const verificationContracts = defineContracts('verification', {
  getVerificationRules: {
    method: 'get',
    path: '/api/rules',
    summary: 'How evidence is checked: weights, thresholds and each check in plain words',
    response: ZRulesResponse,
  },
});
