import {
  ZChangePasswordRequest,
  ZDeleteAccountRequest,
  ZLoginRequest,
  ZMeResponse,
  ZSessionResponse,
  ZMyDataExport,
  ZRegisterRequest,
} from '../schemas/accounts';
import { defineContracts } from './contract';

export const accountsContracts = defineContracts('accounts', {
  register: {
    method: 'post',
    path: '/api/auth/register',
    summary: 'Create an account and sign in',
    body: ZRegisterRequest,
    status: 201,
    response: ZMeResponse,
    errors: [409],
  },
  login: {
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in with email and password',
    body: ZLoginRequest,
    response: ZMeResponse,
    errors: [401, 429],
  },
  logout: {
    method: 'post',
    path: '/api/auth/logout',
    summary: 'Sign out and destroy the session',
    status: 204,
    response: null,
  },
  getSession: {
    method: 'get',
    path: '/api/session',
    summary: 'Who is signed in: your profile, or null for a visitor (never a 401)',
    response: ZSessionResponse,
  },
  getMe: {
    method: 'get',
    path: '/api/me',
    summary: 'Your profile, roles per area, XP and level',
    response: ZMeResponse,
  },
  changePassword: {
    method: 'post',
    path: '/api/me/password',
    summary: 'Change your password',
    body: ZChangePasswordRequest,
    status: 204,
    response: null,
  },
  exportMyData: {
    method: 'get',
    path: '/api/me/export',
    summary: 'Download everything GovCraft holds about you (JSON)',
    response: ZMyDataExport,
  },
  deleteAccount: {
    method: 'delete',
    path: '/api/me',
    summary: 'Delete your account: personal data removed, XP kept anonymously',
    body: ZDeleteAccountRequest,
    status: 204,
    response: null,
  },
});
