// Simplification must not erase a commune: a ring made of one or two arcs keeps only its arc
// endpoints (1 or 2 points), i.e. collapses. Promote its strongest interior points so that every
// ring keeps at least 3 vertices (mapshaper's "keep-shapes").
import type { Topology } from "topojson-specification";

type Weighted = [number, number, number]; // x, y, weight from presimplify

export function keepShapes(topology: Topology, minWeight: number): void {
  const arcs = topology.arcs as unknown as Weighted[][];
  const rings: number[][] = [];
  for (const o of Object.values(topology.objects))
    if (o.type === "GeometryCollection")
      for (const g of o.geometries) {
        if (g.type === "Polygon") rings.push(...g.arcs);
        else if (g.type === "MultiPolygon") for (const p of g.arcs) rings.push(...p);
      }

  for (const ring of rings) {
    const interior = ring.flatMap((a) => arcs[a < 0 ? ~a : a].slice(1, -1));
    // Each arc contributes its start point; its end is the next arc's start.
    const kept = ring.length + interior.filter((p) => p[2] >= minWeight).length;
    if (kept >= 3) continue;
    const weakest = interior.filter((p) => p[2] < minWeight).sort((a, b) => b[2] - a[2]);
    for (const p of weakest.slice(0, 3 - kept)) p[2] = Infinity;
  }
}
