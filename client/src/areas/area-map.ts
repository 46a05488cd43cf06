/**
 * The areas drawn from their boundaries as one small SVG map (web-mercator, north up), each
 * labelled with its name. It is a picture for pointer users: the list beside it is the
 * accessible way to choose, so the map is one image to assistive technology.
 */
import { project, type Area, type AreaBoundary } from '@govcraft/shared';

const SVG = 'http://www.w3.org/2000/svg';
const SIZE = 1000;
const PAD = 40;
const FILLS = ['#00736b', '#1d4f91', '#6a3fb5', '#b25e00'];

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  ...children: (SVGElement | string)[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, String(value));
  el.append(...children);
  return el;
}

/** Every ring of a Polygon or MultiPolygon, as [lng, lat] positions. */
const ringsOf = (boundary: AreaBoundary): number[][][] =>
  boundary.type === 'Polygon' ? boundary.coordinates : boundary.coordinates.flat();

/** Draws `areas`; `onSelect` is called with the area a pointer clicked. */
export function areaMap(areas: Area[], onSelect: (area: Area) => void): SVGSVGElement {
  const shapes = areas.map((area) => ({
    area,
    rings: ringsOf(area.boundary).map((ring) =>
      ring.map(([lng, lat]) => project({ lng: lng!, lat: lat! })),
    ),
  }));
  const points = shapes.flatMap((s) => s.rings.flat());
  const minX = Math.min(...points.map((p) => p.x));
  const maxX = Math.max(...points.map((p) => p.x));
  const minY = Math.min(...points.map((p) => p.y));
  const maxY = Math.max(...points.map((p) => p.y));
  const scale = (SIZE - 2 * PAD) / Math.max(maxX - minX, maxY - minY, 1e-12);
  const width = Math.round((maxX - minX) * scale + 2 * PAD);
  const height = Math.round((maxY - minY) * scale + 2 * PAD);
  const at = (p: { x: number; y: number }) =>
    `${((p.x - minX) * scale + PAD).toFixed(1)},${((p.y - minY) * scale + PAD).toFixed(1)}`;

  const title = svg('title', {}, `Map of the areas: ${areas.map((a) => a.name).join(', ')}`);
  const map = svg('svg', {
    class: 'area-map__svg',
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-label': title.textContent ?? 'Map of the areas',
  });
  map.append(title);
  shapes.forEach(({ area, rings }, i) => {
    const d = rings.map((ring) => `M${ring.map(at).join('L')}Z`).join('');
    const fill = FILLS[i % FILLS.length]!;
    const shape = svg('path', {
      d,
      class: 'area-map__shape',
      fill,
      'fill-opacity': area.archivedAt ? 0.12 : 0.28,
      stroke: fill,
      'stroke-width': 4,
      'fill-rule': 'evenodd',
      'data-slug': area.slug,
    });
    shape.addEventListener('click', () => onSelect(area));
    const ringPoints = rings.flat();
    const cx = ringPoints.reduce((s, p) => s + p.x, 0) / ringPoints.length;
    const cy = ringPoints.reduce((s, p) => s + p.y, 0) / ringPoints.length;
    const [x, y] = at({ x: cx, y: cy }).split(',');
    const label = svg('text', { x: x!, y: y!, class: 'area-map__label' }, area.name);
    map.append(shape, label);
  });
  return map;
}
