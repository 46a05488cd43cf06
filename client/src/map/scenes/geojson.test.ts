import { describe, expect, it } from 'vitest';
import type { MapFeatures } from '@govcraft/shared';
import { labelPoint, readFeatures } from './geojson';

const fc: MapFeatures = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { kind: 'street', name: 'High Street', major: true },
      geometry: {
        type: 'LineString',
        coordinates: [
          [-1.15, 52.63],
          [-1.14, 52.63],
          [-1.13, 52.63],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { kind: 'building', landmark: 'library', name: 'Library' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [0, 0],
            [2, 0],
            [2, 2],
            [0, 2],
            [0, 0],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { kind: 'mystery' },
      geometry: { type: 'Point', coordinates: [1, 1] },
    },
    { type: 'Feature', properties: null, geometry: null },
    {
      type: 'Feature',
      properties: { kind: 'park' },
      geometry: { type: 'Polygon', coordinates: 'not coordinates' },
    },
  ],
};

describe('readFeatures', () => {
  const drawn = readFeatures(fc);

  it('reads kinds, names and flags, and skips features without geometry', () => {
    expect(drawn.map((d) => d.kind)).toEqual(['street', 'building', 'other', 'park']);
    expect(drawn[0]).toMatchObject({ name: 'High Street', major: true, landmark: null });
    expect(drawn[0]!.lines[0]).toHaveLength(3);
    expect(drawn[1]).toMatchObject({ landmark: 'library' });
  });

  it('tolerates malformed coordinates instead of throwing', () => {
    expect(drawn[3]!.polygons).toEqual([]);
  });

  it('labels polygons at their centre (closing vertex not double-counted) and lines at the middle', () => {
    expect(labelPoint(drawn[1]!)).toEqual({ lng: 1, lat: 1 });
    expect(labelPoint(drawn[0]!)).toEqual({ lng: -1.14, lat: 52.63 });
  });
});
