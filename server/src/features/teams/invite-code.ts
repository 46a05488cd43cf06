import { randomBytes } from 'node:crypto';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 10 characters from 32 look-alike-free symbols: 50 bits, typed from a poster if need be. */
export function newInviteCode(): string {
  return [...randomBytes(10)].map((b) => CODE_ALPHABET[b & 31]).join('');
}
