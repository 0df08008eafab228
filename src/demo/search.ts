// Search structures that keep the generator fast at the benchmark's national scale (35,000
// communes) while giving exactly what a plain scan gives: the demo's bytes do not change.
import type { Point } from "./geometry";

const dist = (a: Point, b: Point) => Math.hypot(a[0] - b[0], a[1] - b[1]);

/**
 * The index of the point nearest to `p`, the lowest index among equals (as a scan keeping the
 * first strict minimum). Points sit in square cells; rings of cells are visited outwards until no
 * unvisited cell can hold a nearer point.
 */
export function nearestFinder(points: Point[]): (p: Point) => number {
  const [x0, y0] = [Math.min(...points.map((p) => p[0])), Math.min(...points.map((p) => p[1]))];
  const [x1, y1] = [Math.max(...points.map((p) => p[0])), Math.max(...points.map((p) => p[1]))];
  const size = Math.sqrt(((x1 - x0) * (y1 - y0)) / points.length) || 1;
  const cellOf = (p: Point) => [Math.floor((p[0] - x0) / size), Math.floor((p[1] - y0) / size)];
  const [columns, rows] = cellOf([x1, y1]).map((n) => n + 1);
  const grid = new Map<number, number[]>();
  points.forEach((p, i) => {
    const [cx, cy] = cellOf(p);
    grid.set(cx * rows + cy, [...(grid.get(cx * rows + cy) ?? []), i]);
  });
  return (p) => {
    const [cx, cy] = cellOf(p);
    const reach = Math.max(cx, columns - cx, cy, rows - cy);
    let [best, bestDist] = [-1, Infinity];
    const visit = (x: number, y: number) => {
      if (x < 0 || y < 0 || x >= columns || y >= rows) return;
      for (const i of grid.get(x * rows + y) ?? []) {
        const d = dist(points[i], p);
        if (d < bestDist || (d === bestDist && i < best)) [best, bestDist] = [i, d];
      }
    };
    for (let r = 0; r <= reach; r++) {
      for (let x = cx - r; x <= cx + r; x++) for (const y of r === 0 ? [cy] : [cy - r, cy + r]) visit(x, y);
      for (let y = cy - r + 1; y <= cy + r - 1; y++) for (const x of [cx - r, cx + r]) visit(x, y);
      // Cells beyond ring r hold points farther than r cell widths.
      if (best >= 0 && bestDist < r * size) break;
    }
    return best;
  };
}

/** A binary heap of (cost, index) pairs, popped by lowest cost, then lowest index. */
export class MinQueue {
  private readonly items: [number, number][] = [];

  push(cost: number, index: number): void {
    const { items } = this;
    items.push([cost, index]);
    for (let i = items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!before(items[i], items[parent])) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  pop(): number | undefined {
    const { items } = this;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      for (let i = 0; ; ) {
        const [l, r] = [2 * i + 1, 2 * i + 2];
        let least = i;
        if (l < items.length && before(items[l], items[least])) least = l;
        if (r < items.length && before(items[r], items[least])) least = r;
        if (least === i) break;
        [items[i], items[least]] = [items[least], items[i]];
        i = least;
      }
    }
    return top?.[1];
  }
}

const before = (a: [number, number], b: [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
