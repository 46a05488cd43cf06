import { describe, expect, it } from 'vitest';
import { bboxContains, bboxOfPoints } from './bbox';
import { checkGeofence, haversineMetres } from './distance';
import { fromPixels, project, tileFor, toPixels, unproject, zoomToFit } from './mercator';
import { boundaryContains, boundaryIsSimple, type AreaBoundary } from './polygon';

describe('haversine and geofence', () => {
  it('measures known distances', () => {
    // London (Charing Cross) to Paris (Notre-Dame) is about 343 km.
    expect(
      haversineMetres({ lat: 51.5074, lng: -0.1278 }, { lat: 48.853, lng: 2.3499 }) / 1000,
    ).toBeCloseTo(343.5, 0);
    const oneThousandthDegreeLat = haversineMetres(
      { lat: 52.63, lng: -1.14 },
      { lat: 52.631, lng: -1.14 },
    );
    expect(oneThousandthDegreeLat).toBeCloseTo(111.2, 1);
  });

  it('allows radius plus capped accuracy', () => {
    const centre = { lat: 52.63, lng: -1.14 };
    const point = { lat: 52.6309, lng: -1.14 }; // about 100 m north
    expect(checkGeofence(centre, 60, point, 45).inside).toBe(true);
    expect(checkGeofence(centre, 60, point, 30).inside).toBe(false);
    // A 5 km "accuracy" does not stretch the fence beyond the 50 m cap.
    expect(checkGeofence(centre, 40, point, 5000)).toMatchObject({ inside: false, allowedM: 90 });
  });
});

describe('bbox', () => {
  it('contains its edges and nothing outside', () => {
    const box = bboxOfPoints([
      { lat: 1, lng: 2 },
      { lat: 3, lng: 5 },
    ]);
    expect(box).toEqual([2, 1, 5, 3]);
    expect(bboxContains(box, { lat: 1, lng: 2 })).toBe(true);
    expect(bboxContains(box, { lat: 3, lng: 5 })).toBe(true);
    expect(bboxContains(box, { lat: 3.0001, lng: 5 })).toBe(false);
  });
});

describe('web mercator', () => {
  it('round-trips points and pixels', () => {
    const p = { lat: 52.6301, lng: -1.1399 };
    const back = unproject(project(p));
    expect(back.lat).toBeCloseTo(p.lat, 9);
    expect(back.lng).toBeCloseTo(p.lng, 9);
    const px = toPixels(p, 16);
    const again = fromPixels(px, 16);
    expect(again.lat).toBeCloseTo(p.lat, 9);
  });

  it('matches the slippy-map tile scheme', () => {
    expect(tileFor({ lat: 0, lng: 0 }, 1)).toEqual({ x: 1, y: 1, z: 1 });
    expect(tileFor({ lat: 51.5, lng: -0.12 }, 10)).toEqual({ x: 511, y: 340, z: 10 });
  });

  it('fits a neighbourhood into a phone screen at street zoom', () => {
    const zoom = zoomToFit([-1.15, 52.625, -1.13, 52.635], 375, 667);
    expect(zoom).toBeGreaterThan(13);
    expect(zoom).toBeLessThan(17);
  });
});

describe('area boundaries', () => {
  const square: AreaBoundary = {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ],
      [
        [0.4, 0.4],
        [0.6, 0.4],
        [0.6, 0.6],
        [0.4, 0.6],
        [0.4, 0.4],
      ],
    ],
  };

  it('respects holes', () => {
    expect(boundaryContains(square, { lng: 0.2, lat: 0.2 })).toBe(true);
    expect(boundaryContains(square, { lng: 0.5, lat: 0.5 })).toBe(false);
    expect(boundaryContains(square, { lng: 1.5, lat: 0.5 })).toBe(false);
  });

  it('tells a self-crossing ring from a simple one', () => {
    expect(boundaryIsSimple(square)).toBe(true);
    expect(
      boundaryIsSimple({
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [1, 1],
            [1, 0],
            [0, 1],
            [0, 0],
          ],
        ],
      }),
    ).toBe(false);
  });
});
