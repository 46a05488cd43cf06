/** The platform admins' view of background jobs that failed for good, across every queue. */
import type { JobRegistry } from './registry';

export async function listFailedJobs(jobs: Pick<JobRegistry, 'allQueues'>, limit: number) {
  const perQueue = await Promise.all(
    jobs.allQueues().map(async (queue) => {
      const failed = await queue.getFailed(0, limit - 1);
      return failed.map((job) => ({
        queue: queue.name,
        id: String(job.id),
        name: job.name,
        failedReason: job.failedReason ?? '',
        attemptsMade: job.attemptsMade,
        data: job.data as unknown,
        failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      }));
    }),
  );
  const items = perQueue
    .flat()
    .sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''))
    .slice(0, limit);
  return { items };
}
