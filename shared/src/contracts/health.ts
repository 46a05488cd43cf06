import { ZHealthResponse } from '../schemas/health';
import { defineContracts } from './contract';

export const healthContracts = defineContracts('operations', {
  getHealth: {
    method: 'get',
    path: '/api/health',
    summary: 'Database, Redis and queue status; 503 when one is down',
    response: ZHealthResponse,
    errors: [503],
  },
});
