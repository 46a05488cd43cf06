/**
 * Whether this node is shutting down. Shutdown sets it first thing; readiness reads it, so
 * a load balancer stops sending new work while the work already here finishes.
 */
export interface Lifecycle {
  readonly draining: boolean;
  startDraining(): void;
}

export function createLifecycle(): Lifecycle {
  let draining = false;
  return {
    get draining() {
      return draining;
    },
    startDraining() {
      draining = true;
    },
  };
}
