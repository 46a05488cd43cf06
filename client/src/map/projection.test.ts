import { describe, expect, it } from 'vitest';
import { createProjection, zoomLimits } from './projection';

const OAKFIELD = [-1.150064, 52.625329, -1.12964, 52.635031] as const;

describe('createProjection', () => {
  const p = createProjection(OAKFIELD);

  it('puts the north-west corner at the origin and the south-east at (width, height)', () => {
    const nw = p.toWorld({ lng: OAKFIELD[0], lat: OAKFIELD[3] });
    const se = p.toWorld({ lng: OAKFIELD[2], lat: OAKFIELD[1] });
    expect(nw.x).toBeCloseTo(0, 6);
    expect(nw.y).toBeCloseTo(0, 6);
    expect(se.x).toBeCloseTo(p.width, 6);
    expect(se.y).toBeCloseTo(p.height, 6);
    expect(p.width).toBeGreaterThan(0);
    expect(p.height).toBeGreaterThan(0);
  });

  it('round-trips a point', () => {
    const spot = { lat: 52.63, lng: -1.14 };
    const back = p.toLatLng(p.toWorld(spot));
    expect(back.lat).toBeCloseTo(spot.lat, 7);
    expect(back.lng).toBeCloseTo(spot.lng, 7);
  });

  it('fits the area into a phone viewport', () => {
    const z = p.fitZoom(375, 667);
    expect(p.width * z).toBeLessThanOrEqual(375);
    expect(p.height * z).toBeLessThanOrEqual(667);
    expect(Math.max(p.width * z, p.height * z)).toBeGreaterThan(300);
    const lim = zoomLimits(z);
    expect(lim.min).toBeLessThan(z);
    expect(lim.max).toBeGreaterThan(z);
  });

  it('reports about 0.73 m per pixel at zoom 17 in the English Midlands', () => {
    expect(p.metresPerPixel).toBeGreaterThan(0.7);
    expect(p.metresPerPixel).toBeLessThan(0.76);
  });
});
