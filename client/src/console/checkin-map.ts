/**
 * A small map for the review queue: the quest's circle, the distance the verifier allowed,
 * and where the resident checked in with their phone's accuracy, to scale. Drawn as SVG (no
 * map engine needed for three circles) and described in words for screen readers.
 */
import { allowanceWords, checkGeofence, DEFAULT_VERIFICATION_RULES } from '@govcraft/shared';
import { distanceText } from '../ui/format';

const SIZE = 220;
const SVG = 'http://www.w3.org/2000/svg';
const METRES_PER_DEGREE_LAT = 110_540;
const METRES_PER_DEGREE_LNG_AT_EQUATOR = 111_320;

type Point = { lat: number; lng: number };

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** Metres east and south of `centre`: flat is exact enough over a few hundred metres. */
function offsetMetres(centre: Point, p: Point): { x: number; y: number } {
  const lngScale = METRES_PER_DEGREE_LNG_AT_EQUATOR * Math.cos((centre.lat * Math.PI) / 180);
  return { x: (p.lng - centre.lng) * lngScale, y: -(p.lat - centre.lat) * METRES_PER_DEGREE_LAT };
}

export function checkinMap(
  quest: Point & { radiusM: number },
  checkin: Point & { accuracyM: number },
): SVGSVGElement {
  const { maxAccuracyAllowanceM } = DEFAULT_VERIFICATION_RULES.geofence;
  const fence = checkGeofence(
    quest,
    quest.radiusM,
    checkin,
    checkin.accuracyM,
    maxAccuracyAllowanceM,
  );
  const at = offsetMetres(quest, checkin);
  const reach = Math.max(fence.allowedM, fence.distanceM + checkin.accuracyM) * 1.15;
  const scale = SIZE / 2 / reach;
  const c = SIZE / 2;
  const words = `Checked in ${distanceText(fence.distanceM)} from the spot, ${fence.inside ? 'inside' : 'outside'} the ${allowanceWords(quest.radiusM, fence.allowedM)}. The phone was accurate to ${Math.round(checkin.accuracyM)} m.`;
  const map = svg('svg', {
    class: 'checkin-map',
    viewBox: `0 0 ${SIZE} ${SIZE}`,
    width: SIZE,
    height: SIZE,
    role: 'img',
    'aria-label': words,
  });
  const title = svg('title', {});
  title.textContent = words;
  map.append(
    title,
    svg('rect', { x: 0, y: 0, width: SIZE, height: SIZE, class: 'checkin-map-ground' }),
    svg('circle', { cx: c, cy: c, r: fence.allowedM * scale, class: 'checkin-map-allowed' }),
    svg('circle', { cx: c, cy: c, r: quest.radiusM * scale, class: 'checkin-map-fence' }),
    svg('circle', { cx: c, cy: c, r: 4, class: 'checkin-map-spot' }),
    svg('circle', {
      cx: c + at.x * scale,
      cy: c + at.y * scale,
      r: Math.max(2, checkin.accuracyM * scale),
      class: 'checkin-map-accuracy',
    }),
    svg('circle', {
      cx: c + at.x * scale,
      cy: c + at.y * scale,
      r: 5,
      class: `checkin-map-fix ${fence.inside ? 'inside' : 'outside'}`,
    }),
  );
  return map;
}
