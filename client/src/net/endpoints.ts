/** Typed functions for every API route the client uses; one line each on top of apiRequest. */
import { z } from 'zod';
import {
  ZArea,
  ZAreaList,
  ZAttestationResponse,
  ZAreaRole,
  ZDashboard,
  ZEvidence,
  ZInviteCodeResponse,
  ZLeaderboardResponse,
  ZLeaveTeamResponse,
  ZMapFeatures,
  ZMeResponse,
  ZMyQuestList,
  ZMyTeamResponse,
  ZParticipation,
  ZQuest,
  ZQuestPage,
  ZReviewQueue,
  ZStoryline,
  ZStorylineList,
  ZSubmitEvidenceResponse,
  ZTeam,
  type CreateQuestRequest,
  type LeaderboardPeriod,
  type LeaderboardScope,
  type LoginRequest,
  type ProposeQuestRequest,
  type QuestStatus,
  type RegisterRequest,
  type Superpower,
  type UpdateQuestRequest,
} from '@govcraft/shared';
import { apiRequest, uploadForm, type UploadProgress } from './api';

const enc = encodeURIComponent;

export const auth = {
  me: () => apiRequest('GET', '/api/me', { schema: ZMeResponse }),
  login: (body: LoginRequest) =>
    apiRequest('POST', '/api/auth/login', { schema: ZMeResponse, body }),
  register: (body: RegisterRequest) =>
    apiRequest('POST', '/api/auth/register', { schema: ZMeResponse, body }),
  logout: () => apiRequest('POST', '/api/auth/logout', { schema: null, body: {} }),
  deleteAccount: (password: string) =>
    apiRequest('DELETE', '/api/me', { schema: null, body: { password } }),
  exportUrl: '/api/me/export',
};

export const areas = {
  list: () => apiRequest('GET', '/api/areas', { schema: ZAreaList }),
  get: (slug: string) => apiRequest('GET', `/api/areas/${enc(slug)}`, { schema: ZArea }),
  mapPath: (slug: string) => `/api/areas/${enc(slug)}/map`,
  map: (slug: string) => apiRequest('GET', `/api/areas/${enc(slug)}/map`, { schema: ZMapFeatures }),
  join: (slug: string) =>
    apiRequest('POST', `/api/areas/${enc(slug)}/join`, {
      schema: z.object({ role: ZAreaRole }),
      body: {},
    }),
};

export interface QuestFilter {
  status?: QuestStatus;
  superpower?: Superpower;
  bbox?: string;
  limit?: number;
}

export const quests = {
  list: (slug: string, filter: QuestFilter = {}) =>
    apiRequest('GET', `/api/areas/${enc(slug)}/quests`, {
      schema: ZQuestPage,
      query: { limit: 500, ...filter },
    }),
  get: (questId: string) => apiRequest('GET', `/api/quests/${enc(questId)}`, { schema: ZQuest }),
  create: (slug: string, body: CreateQuestRequest) =>
    apiRequest('POST', `/api/areas/${enc(slug)}/quests`, { schema: ZQuest, body }),
  update: (questId: string, body: UpdateQuestRequest) =>
    apiRequest('PATCH', `/api/quests/${enc(questId)}`, { schema: ZQuest, body }),
  transition: (questId: string, to: QuestStatus) =>
    apiRequest('POST', `/api/quests/${enc(questId)}/transition`, { schema: ZQuest, body: { to } }),
  manage: (slug: string, status?: QuestStatus) =>
    apiRequest('GET', `/api/areas/${enc(slug)}/quests/manage`, {
      schema: ZQuestPage,
      query: { status },
    }),
  join: (questId: string) =>
    apiRequest('POST', `/api/quests/${enc(questId)}/join`, { schema: ZParticipation, body: {} }),
  leave: (questId: string) =>
    apiRequest('POST', `/api/quests/${enc(questId)}/leave`, { schema: ZParticipation, body: {} }),
  mine: () => apiRequest('GET', '/api/me/quests', { schema: ZMyQuestList }),
  propose: (slug: string, body: ProposeQuestRequest) =>
    apiRequest('POST', `/api/areas/${enc(slug)}/proposals`, { schema: ZQuest, body }),
  proposals: (slug: string) =>
    apiRequest('GET', `/api/areas/${enc(slug)}/proposals`, { schema: ZQuestPage }),
  approve: (questId: string, publish: boolean) =>
    apiRequest('POST', `/api/quests/${enc(questId)}/approve`, {
      schema: ZQuest,
      body: { publish },
    }),
  reject: (questId: string, reason: string) =>
    apiRequest('POST', `/api/quests/${enc(questId)}/reject`, { schema: ZQuest, body: { reason } }),
};

export interface CheckinPayload {
  lat: number;
  lng: number;
  accuracyM: number;
  deviceTime: string;
}

export const evidence = {
  submit: (
    questId: string,
    parts: { checkin: CheckinPayload | null; photo: Blob | null; text: string },
    onProgress: (p: UploadProgress) => void,
  ) => {
    const form = new FormData();
    if (parts.checkin) form.set('checkin', JSON.stringify(parts.checkin));
    if (parts.text.trim()) form.set('text', parts.text.trim());
    if (parts.photo) form.set('photo', parts.photo, 'photo.jpg');
    return uploadForm(
      `/api/quests/${enc(questId)}/evidence`,
      form,
      ZSubmitEvidenceResponse,
      onProgress,
    );
  },
  get: (evidenceId: string) =>
    apiRequest('GET', `/api/evidence/${enc(evidenceId)}`, { schema: ZEvidence }),
  attest: (evidenceId: string) =>
    apiRequest('POST', `/api/evidence/${enc(evidenceId)}/attestations`, {
      schema: ZAttestationResponse,
      body: {},
    }),
  photoUrl: (evidenceId: string) => `/api/evidence/${enc(evidenceId)}/photo`,
  reviewQueue: (slug: string) =>
    apiRequest('GET', `/api/areas/${enc(slug)}/review`, { schema: ZReviewQueue }),
  review: (evidenceId: string, decision: 'approve' | 'reject', reason: string) =>
    apiRequest('POST', `/api/evidence/${enc(evidenceId)}/review`, {
      schema: ZEvidence,
      body: { decision, reason },
    }),
};

export const boards = {
  get: (slug: string, scope: LeaderboardScope, period: LeaderboardPeriod) =>
    apiRequest('GET', `/api/areas/${enc(slug)}/leaderboards`, {
      schema: ZLeaderboardResponse,
      query: { scope, period, limit: 10 },
    }),
};

export const teams = {
  mine: (slug: string) =>
    apiRequest('GET', `/api/areas/${enc(slug)}/teams/mine`, { schema: ZMyTeamResponse }),
  create: (slug: string, name: string) =>
    apiRequest('POST', `/api/areas/${enc(slug)}/teams`, { schema: ZTeam, body: { name } }),
  join: (code: string) => apiRequest('POST', '/api/teams/join', { schema: ZTeam, body: { code } }),
  leave: (teamId: string) =>
    apiRequest('POST', `/api/teams/${enc(teamId)}/leave`, { schema: ZLeaveTeamResponse, body: {} }),
  rotateCode: (teamId: string) =>
    apiRequest('POST', `/api/teams/${enc(teamId)}/invite-code`, {
      schema: ZInviteCodeResponse,
      body: {},
    }),
};

export const storylines = {
  list: (slug: string) =>
    apiRequest('GET', `/api/areas/${enc(slug)}/storylines`, { schema: ZStorylineList }),
  get: (storylineId: string) =>
    apiRequest('GET', `/api/storylines/${enc(storylineId)}`, { schema: ZStoryline }),
};

export const transparency = {
  dashboard: (slug: string) =>
    apiRequest('GET', `/api/areas/${enc(slug)}/dashboard`, { schema: ZDashboard }),
};
