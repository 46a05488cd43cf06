/** The signed-in person making a request, as the route guard resolved them. */
export interface Actor {
  userId: string;
  isPlatformAdmin: boolean;
}

/**
 * An integration acting by itself (an Open311 poller, a CSV import): no person and no
 * session; audit rows carry no actor id and name the system instead.
 */
export interface SystemActor {
  kind: 'system';
  /** e.g. `open311:<connection id>`, `csv:<connection id>` */
  name: string;
}

export const systemActor = (name: string): SystemActor => ({ kind: 'system', name });
