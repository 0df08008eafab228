// How big the fictional département is. The demo is DEMO_SCALE; the benchmark (src/bench) writes
// the same département at national size to measure the build.
import type { Point } from "./geometry";

export interface DemoScale {
  communes: number;
  epcis: number;
  /** CCs around a small town; one CA surrounds the préfecture, every other EPCI is rural. */
  mids: number;
  /** Maisons des solidarités. */
  groups: number;
  /** Semi-axes of the elliptic outline, km. */
  outline: Point;
}

/** ~6,300 km², the size of a rural département. */
export const DEMO_SCALE: DemoScale = { communes: 450, epcis: 15, mids: 3, groups: 4, outline: [50, 40] };

/** The demo's proportions at another size: communes keep their area, EPCIs their mix of kinds. */
export function scaledDemo(communes: number, epcis: number): DemoScale {
  const ratio = epcis / DEMO_SCALE.epcis;
  const stretch = Math.sqrt(communes / DEMO_SCALE.communes);
  return {
    communes,
    epcis,
    mids: Math.round(DEMO_SCALE.mids * ratio),
    groups: Math.max(1, Math.round(DEMO_SCALE.groups * ratio)),
    outline: [DEMO_SCALE.outline[0] * stretch, DEMO_SCALE.outline[1] * stretch],
  };
}
