import type { Infra } from '../../context';
import { feature } from '../module';
import { sendMailJob } from './jobs';
import { createMailService } from './service';
import { createMailTransport } from './transport';

/** Outgoing email: composing, queueing and delivering; features above say what to send. */
export function mailFeature(infra: Infra) {
  const job = sendMailJob(createMailTransport(infra.config, infra.logger));
  return feature('mail', createMailService(infra, job), { jobs: [job] });
}
