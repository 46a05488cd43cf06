/** The few client-side routes; the server sends the same shell for all of them. */
/** Pages that email links (and "forgot your password?") open. */
export const EMAIL_FLOW_ROUTES = [
  'forgot-password',
  'reset-password',
  'verify-email',
  'change-email',
  'unsubscribe',
] as const;
export type EmailFlowRoute = (typeof EMAIL_FLOW_ROUTES)[number];

export type Route =
  'app' | 'login' | 'register' | 'console' | 'community' | 'budget' | EmailFlowRoute;

export function routeOf(pathname: string): Route {
  if (pathname === '/console' || pathname.startsWith('/console/')) return 'console';
  if (/^\/(pitches|organisations)(\/|$)/.test(pathname)) return 'community';
  if (pathname === '/budget') return 'budget';
  if (pathname === '/login') return 'login';
  if (pathname === '/register') return 'register';
  const flow = EMAIL_FLOW_ROUTES.find((r) => pathname === `/${r}`);
  if (flow) return flow;
  return 'app';
}

/** Only same-site paths are followed after sign-in, so a link cannot bounce users away. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//')) return '/';
  return next;
}

export function go(path: string): void {
  window.location.assign(path);
}
