import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ZMapFeatures } from '../schemas/areas';
import { classifyOsmTags, OSM_ATTRIBUTION, osmExtractToMapFeatures } from './osm-extract';

const extract = JSON.parse(
  readFileSync(new URL('../../../tests/fixtures/osm-extract.geojson', import.meta.url), 'utf8'),
) as Parameters<typeof osmExtractToMapFeatures>[0];

const OAKFIELD = {
  name: 'Oakfield',
  bbox: [-1.150064, 52.625329, -1.12964, 52.635031] as [number, number, number, number],
  boundary: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [-1.15, 52.6253],
        [-1.1296, 52.6253],
        [-1.1296, 52.635],
        [-1.15, 52.635],
        [-1.15, 52.6253],
      ],
    ],
  },
};

describe('OpenStreetMap extract to an area map', () => {
  it('classifies OSM tags into the kinds the map draws', () => {
    expect(classifyOsmTags({ highway: 'primary' }, 'LineString')).toEqual({
      kind: 'street',
      major: true,
    });
    expect(classifyOsmTags({ highway: 'residential' }, 'LineString')).toEqual({
      kind: 'street',
      major: false,
    });
    expect(classifyOsmTags({ highway: 'footway' }, 'LineString')).toBeNull();
    expect(classifyOsmTags({ leisure: 'park' }, 'Polygon')).toEqual({ kind: 'park' });
    expect(classifyOsmTags({ leisure: 'park' }, 'Point')).toBeNull();
    expect(classifyOsmTags({ waterway: 'canal' }, 'LineString')).toEqual({ kind: 'water' });
    expect(classifyOsmTags({ amenity: 'library', building: 'yes' }, 'Polygon')).toEqual({
      kind: 'building',
      landmark: 'library',
    });
    expect(classifyOsmTags({ railway: 'station' }, 'Point')).toEqual({
      kind: 'landmark',
      landmark: 'station',
    });
  });

  it('keeps what lies in the area, drops the rest, and carries the ODbL attribution', () => {
    const { map, summary } = osmExtractToMapFeatures(extract, OAKFIELD);
    expect(ZMapFeatures.parse(map)).toBeTruthy();
    expect(map.attribution).toBe(OSM_ATTRIBUTION);
    expect(summary.kept).toEqual({ street: 2, park: 1, water: 1, building: 2, landmark: 1 });
    expect(summary.dropped).toEqual({ outside: 1, unused: 1, overLimit: 0 });
    const names = map.features.map((f) => f.properties?.name);
    expect(names).toContain('Oakfield Park');
    expect(names).not.toContain('London Road');
    expect(map.features[0]!.properties).toEqual({ kind: 'boundary', name: 'Oakfield' });
  });

  it('keeps to the size limit, giving up buildings before streets', () => {
    const house = extract.features.find((f) => f.properties?.building === 'house')!;
    const many = { features: [...extract.features, ...Array.from({ length: 6000 }, () => house)] };
    const { map, summary } = osmExtractToMapFeatures(many, OAKFIELD);
    expect(map.features.length).toBe(5000);
    expect(summary.dropped.overLimit).toBeGreaterThan(0);
    expect(summary.kept.street).toBe(2);
  });
});
