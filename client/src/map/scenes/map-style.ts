/**
 * How each kind of map feature is painted. Colours are chosen for contrast with the
 * marker colours (which are AA on white) so markers always stand out.
 */
export const MAP_COLOURS = {
  land: 0xefede6,
  inside: 0xf8f6f0,
  boundary: 0x505a5f,
  park: 0xcfe6c0,
  parkEdge: 0x8cbf74,
  water: 0xa8d2ec,
  waterEdge: 0x6aa9d0,
  building: 0xdcd5c8,
  buildingEdge: 0xb3a894,
  landmarkBuilding: 0xe9d9b8,
  streetCasing: 0xc9c3b6,
  street: 0xffffff,
  majorStreet: 0xfff4d6,
  label: '#0b0c0c',
  parkLabel: '#1e4620',
  waterLabel: '#1d4f7a',
  user: 0x1d70b8,
} as const;

/** Street widths in world pixels at the base zoom (~0.73 m each in Oakfield). */
export const STREET_WIDTH = { major: 16, minor: 10, casing: 3 } as const;
