// Fictional commune geometry: an irregular département outline, sites spread inside it, and the
// Voronoi tessellation of the sites clipped to the outline. Everything is planar, in km.
import { Delaunay } from "d3-delaunay";
import type { Rng } from "./random";

export type Point = [number, number];

export interface Cell {
  site: Point;
  /** Counter-clockwise closed ring (first point repeated last). */
  ring: Point[];
}

export interface Tessellation {
  outline: Point[];
  cells: Cell[];
  /** Indices of the cells sharing a border with each cell. */
  neighbours: number[][];
}

/** `semiAxes` (km) size the outline: an ellipse wavering around them. */
export function tessellate(rng: Rng, count: number, semiAxes: Point): Tessellation {
  const outline = makeOutline(rng, semiAxes);
  const sites = scatterSites(rng, outline, count, semiAxes);
  const [xs, ys] = [outline.map((p) => p[0]), outline.map((p) => p[1])];
  const bounds: [number, number, number, number] = [Math.min(...xs) - 5, Math.min(...ys) - 5, Math.max(...xs) + 5, Math.max(...ys) + 5];
  const voronoi = Delaunay.from(sites).voronoi(bounds);
  const cells = sites.map((site, i) => {
    const window = counterClockwise(voronoi.cellPolygon(i) as Point[]);
    return { site, ring: clipToConvex(outline, window) };
  });
  return { outline, cells, neighbours: sharedBorders(cells) };
}

/** A star-shaped polygon: an ellipse whose radius wavers with a few low-frequency harmonics. */
function makeOutline(rng: Rng, semiAxes: Point): Point[] {
  const harmonics = [2, 3, 4, 5, 7].map((k) => ({ k, amplitude: rng.uniform(0.02, 0.09) / Math.sqrt(k - 1), phase: rng.uniform(0, 2 * Math.PI) }));
  const vertices = 64;
  const ring: Point[] = [];
  for (let i = 0; i < vertices; i++) {
    const angle = (2 * Math.PI * i) / vertices;
    const radius = 1 + harmonics.reduce((sum, h) => sum + h.amplitude * Math.sin(h.k * angle + h.phase), 0) + rng.uniform(-0.015, 0.015);
    ring.push([semiAxes[0] * radius * Math.cos(angle), semiAxes[1] * radius * Math.sin(angle)]);
  }
  ring.push(ring[0]);
  return ring;
}

/** Dart throwing with a minimum spacing; the first site is the centre (the future préfecture). */
function scatterSites(rng: Rng, outline: Point[], count: number, semiAxes: Point): Point[] {
  const spacing = 0.72 * Math.sqrt(Math.abs(signedArea(outline)) / count);
  // Grid cells as wide as the spacing: a site too close can only be in the 3×3 cells around.
  const grid = new Map<string, Point[]>();
  const cellOf = (p: Point) => [Math.floor(p[0] / spacing), Math.floor(p[1] / spacing)];
  const add = (p: Point) => {
    const key = cellOf(p).join(",");
    grid.set(key, [...(grid.get(key) ?? []), p]);
    sites.push(p);
  };
  const isFree = (p: Point) => {
    const [i, j] = cellOf(p);
    for (let di = -1; di <= 1; di++)
      for (let dj = -1; dj <= 1; dj++)
        for (const s of grid.get(`${i + di},${j + dj}`) ?? []) if (Math.hypot(s[0] - p[0], s[1] - p[1]) < spacing) return false;
    return true;
  };
  const sites: Point[] = [];
  add([0, 0]);
  while (sites.length < count) {
    const p: Point = [rng.uniform(-semiAxes[0] * 1.3, semiAxes[0] * 1.3), rng.uniform(-semiAxes[1] * 1.3, semiAxes[1] * 1.3)];
    if (!inside(p, outline) || distanceToRing(p, outline) < spacing / 3) continue;
    if (isFree(p)) add(p);
  }
  return sites;
}

/**
 * Sutherland–Hodgman: the part of the (possibly concave) outline inside a convex window. Segment
 * endpoints are taken in a fixed order so both cells along a border compute the same crossing.
 */
function clipToConvex(subject: Point[], window: Point[]): Point[] {
  let points = subject.slice(0, -1);
  for (let i = 0; i < window.length - 1 && points.length > 0; i++) {
    const [a, b] = [window[i], window[i + 1]];
    const isInside = (p: Point) => (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) >= 0;
    const input = points;
    points = [];
    for (let j = 0; j < input.length; j++) {
      const [current, previous] = [input[j], input[(j + input.length - 1) % input.length]];
      if (isInside(current)) {
        if (!isInside(previous)) points.push(intersection(previous, current, a, b));
        points.push(current);
      } else if (isInside(previous)) points.push(intersection(previous, current, a, b));
    }
  }
  return [...points, points[0]];
}

function intersection(s: Point, e: Point, a: Point, b: Point): Point {
  const [p, q] = a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]) ? [a, b] : [b, a];
  const [u, v] = s[0] < e[0] || (s[0] === e[0] && s[1] < e[1]) ? [s, e] : [e, s];
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  const t = (dx * (p[1] - u[1]) - dy * (p[0] - u[0])) / (dx * (v[1] - u[1]) - dy * (v[0] - u[0]));
  return [u[0] + t * (v[0] - u[0]), u[1] + t * (v[1] - u[1])];
}

/** Two cells are neighbours when they share at least two vertices (hence a border), to the millimetre. */
function sharedBorders(cells: Cell[]): number[][] {
  const byVertex = new Map<string, number[]>();
  cells.forEach((cell, i) => {
    for (const p of new Set(cell.ring.map((q) => q.map((c) => c.toFixed(6)).join(","))))
      byVertex.set(p, [...(byVertex.get(p) ?? []), i]);
  });
  const shared = new Map<string, number>();
  for (const owners of byVertex.values())
    for (const i of owners) for (const j of owners) if (i < j) shared.set(`${i}-${j}`, (shared.get(`${i}-${j}`) ?? 0) + 1);
  const neighbours: number[][] = cells.map(() => []);
  for (const [pair, n] of shared) {
    if (n < 2) continue;
    const [i, j] = pair.split("-").map(Number);
    neighbours[i].push(j);
    neighbours[j].push(i);
  }
  return neighbours.map((list) => list.sort((x, y) => x - y));
}

function signedArea(ring: Point[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum / 2;
}

function counterClockwise(ring: Point[]): Point[] {
  return signedArea(ring) < 0 ? [...ring].reverse() : ring;
}

function inside(p: Point, ring: Point[]): boolean {
  let result = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [a, b] = [ring[i], ring[j]];
    if (a[1] > p[1] !== b[1] > p[1] && p[0] < ((b[0] - a[0]) * (p[1] - a[1])) / (b[1] - a[1]) + a[0]) result = !result;
  }
  return result;
}

function distanceToRing(p: Point, ring: Point[]): number {
  let best = Infinity;
  for (let i = 0; i < ring.length - 1; i++) {
    const [a, b] = [ring[i], ring[i + 1]];
    const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
    const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy));
  }
  return best;
}

/** Where the fictional département is pinned on the globe (lon, lat of its centre). */
const ORIGIN: Point = [0.75, 43.5];
const KM_PER_DEGREE_LAT = 110.95;
const KM_PER_DEGREE_LON = 111.32 * Math.cos((ORIGIN[1] * Math.PI) / 180);

/** A planar ring as lon/lat degrees rounded to 5 decimals (~1 m), without repeated vertices. */
export function toLonLat(ring: Point[]): Point[] {
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  const points = ring.map(([x, y]): Point => [round(ORIGIN[0] + x / KM_PER_DEGREE_LON), round(ORIGIN[1] + y / KM_PER_DEGREE_LAT)]);
  return points.filter((p, i) => i === 0 || p[0] !== points[i - 1][0] || p[1] !== points[i - 1][1]);
}
