import { ZHealthResponse, ZReadyResponse } from '../schemas/health';
import { defineContracts } from './contract';

export const healthContracts = defineContracts('operations', {
  getHealth: {
    method: 'get',
    path: '/api/health',
    summary: 'Database, Redis and queue status; 503 when one is down',
    response: ZHealthResponse,
    errors: [503],
  },
  getReady: {
    method: 'get',
    path: '/api/health/ready',
    summary: 'Readiness for a load balancer; 503 once the node is shutting down',
    response: ZReadyResponse,
    errors: [503],
  },
});
