import {
  ZChangeEmailRequest,
  ZEmailSentResponse,
  ZEmailTokenRequest,
  ZEmailVerifiedResponse,
  ZForgotPasswordRequest,
  ZResetPasswordRequest,
} from '../schemas/mail';
import { defineContracts } from './contract';

/** The account flows that go through an email: verify, reset a password, change address. */
export const mailContracts = defineContracts('accounts', {
  verifyEmail: {
    method: 'post',
    path: '/api/auth/verify-email',
    summary: 'Confirm an email address with the token from the verification email',
    body: ZEmailTokenRequest,
    response: ZEmailVerifiedResponse,
  },
  resendVerification: {
    method: 'post',
    path: '/api/me/email/verification',
    summary: 'Send the verification email again',
    status: 202,
    response: ZEmailSentResponse,
  },
  forgotPassword: {
    method: 'post',
    path: '/api/auth/password-reset',
    summary: 'Email a password-reset link (same answer whether or not the address has an account)',
    body: ZForgotPasswordRequest,
    status: 202,
    response: ZEmailSentResponse,
  },
  resetPassword: {
    method: 'post',
    path: '/api/auth/password-reset/confirm',
    summary: 'Set a new password with a reset token; ends every session of the account',
    body: ZResetPasswordRequest,
    status: 204,
    response: null,
  },
  changeEmail: {
    method: 'post',
    path: '/api/me/email',
    summary: 'Change your email address: a link goes to the new address to confirm it',
    body: ZChangeEmailRequest,
    status: 202,
    response: ZEmailSentResponse,
    errors: [401],
  },
  confirmEmailChange: {
    method: 'post',
    path: '/api/auth/email-change/confirm',
    summary: 'Confirm a new email address with the token sent to it',
    body: ZEmailTokenRequest,
    response: ZEmailVerifiedResponse,
    errors: [409],
  },
});
