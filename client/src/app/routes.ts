/** The few client-side routes; the server sends the same shell for all of them. */
export type Route = 'app' | 'login' | 'register' | 'console';

export function routeOf(pathname: string): Route {
  if (pathname === '/console' || pathname.startsWith('/console/')) return 'console';
  if (pathname === '/login') return 'login';
  if (pathname === '/register') return 'register';
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
