import type { Quest } from '@govcraft/shared';
import type { MapMarker } from './bridge';

/** A quest as the map draws it: its main (first) superpower picks the shape and colour. */
export function toMarker(q: Quest): MapMarker {
  return {
    id: q.id,
    title: q.title,
    lat: q.location.lat,
    lng: q.location.lng,
    radiusM: q.location.radiusM,
    superpower: q.superpowers[0] ?? 'epic_meaning',
    status: q.status,
    startsAt: q.startsAt,
    endsAt: q.endsAt,
  };
}
