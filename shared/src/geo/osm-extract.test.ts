import { describe, expect, it } from 'vitest';
import { ZMapFeatures } from '../schemas/areas';
import type { AreaBoundary } from './polygon';
import { classifyOsmTags, OSM_ATTRIBUTION, osmExtractToMapFeatures } from './osm-extract';

/** The same features as tests/fixtures/osm-extract.geojson, which the API test uploads. */
const extract: Parameters<typeof osmExtractToMapFeatures>[0] = {
  features: [
    {
      type: 'Feature',
      properties: { '@id': 'way/1', highway: 'primary', name: 'High Street' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [-1.149, 52.6305],
          [-1.13, 52.6305],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { '@id': 'way/2', highway: 'residential', name: 'Elm Road' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [-1.1405, 52.626],
          [-1.1405, 52.634],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { '@id': 'way/3', highway: 'footway' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [-1.142, 52.628],
          [-1.141, 52.629],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { '@id': 'way/4', tags: { leisure: 'park', name: 'Oakfield Park' } },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-1.146, 52.631],
            [-1.143, 52.631],
            [-1.143, 52.633],
            [-1.146, 52.633],
            [-1.146, 52.631],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { '@id': 'way/5', waterway: 'canal', name: 'Grand Union Canal' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [-1.15, 52.627],
          [-1.1298, 52.6273],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { '@id': 'way/6', amenity: 'library', building: 'yes', name: 'Oakfield Library' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-1.1412, 52.6301],
            [-1.1408, 52.6301],
            [-1.1408, 52.6304],
            [-1.1412, 52.6304],
            [-1.1412, 52.6301],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { '@id': 'way/7', building: 'house' },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-1.138, 52.629],
            [-1.1378, 52.629],
            [-1.1378, 52.6291],
            [-1.138, 52.6291],
            [-1.138, 52.629],
          ],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { '@id': 'node/8', railway: 'station', name: 'Oakfield Station' },
      geometry: { type: 'Point', coordinates: [-1.136, 52.6275] },
    },
    {
      type: 'Feature',
      properties: { '@id': 'way/9', highway: 'primary', name: 'London Road' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [-0.13, 51.5],
          [-0.12, 51.51],
        ],
      },
    },
    { type: 'Feature', properties: null, geometry: null },
  ],
};

const OAKFIELD = {
  name: 'Oakfield',
  bbox: [-1.150064, 52.625329, -1.12964, 52.635031] as [number, number, number, number],
  boundary: {
    type: 'Polygon',
    coordinates: [
      [
        [-1.15, 52.6253],
        [-1.1296, 52.6253],
        [-1.1296, 52.635],
        [-1.15, 52.635],
        [-1.15, 52.6253],
      ],
    ],
  } as AreaBoundary,
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
