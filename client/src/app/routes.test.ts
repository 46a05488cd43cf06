import { describe, expect, it } from 'vitest';
import { routeOf, safeNext } from './routes';

describe('routes', () => {
  it('routes the console, auth pages and everything else to the map', () => {
    expect(routeOf('/console')).toBe('console');
    expect(routeOf('/console/review')).toBe('console');
    expect(routeOf('/login')).toBe('login');
    expect(routeOf('/register')).toBe('register');
    expect(routeOf('/')).toBe('app');
    expect(routeOf('/consoles')).toBe('app');
  });
  it('follows only same-site next paths', () => {
    expect(safeNext('/console')).toBe('/console');
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
