export * from './distance';
export * from './bbox';
export * from './mercator';
export * from './polygon';
export * from './osm-extract';
