import type { Infra } from '../../context';
import { feature } from '../module';
import { createAuditService } from './service';

/** The audit trail: written by other features inside their transactions; read by areas. */
export const auditFeature = (infra: Infra) => feature('audit', createAuditService(infra));
