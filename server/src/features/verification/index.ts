import { DEFAULT_VERIFICATION_RULES } from '@govcraft/shared';
import { feature } from '../module';
import { verificationRoutes } from './routes';

/** The published verification rules; photos are processed for evidence by `photo.ts`. */
export function verificationFeature() {
  const rules = DEFAULT_VERIFICATION_RULES;
  return feature('verification', { rules }, { routes: verificationRoutes(rules) });
}
