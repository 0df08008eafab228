// What a commune is like: a mix of three archetypes (rural village, préfecture, suburb) from which
// every rate of the demo is interpolated, so that all producer files tell the same story.
import type { Rng } from "./random";
import type { DemoCommune } from "./territory";

/** Weights of the archetypes, summing to 1. */
export interface Mix {
  rural: number;
  urban: number;
  suburb: number;
}

/** A parameter's value for the rural, urban and suburban archetypes. */
export type Triple = readonly [rural: number, urban: number, suburb: number];

export function mixOf(commune: Pick<DemoCommune, "role" | "kind">): Mix {
  if (commune.role === "town") return { rural: 0, urban: 1, suburb: 0 };
  if (commune.role === "suburb") return { rural: 0.15, urban: 0.15, suburb: 0.7 };
  if (commune.role === "bourg") return commune.kind === "mid" ? { rural: 0.45, urban: 0.55, suburb: 0 } : { rural: 0.65, urban: 0.35, suburb: 0 };
  if (commune.kind === "urban") return { rural: 0.35, urban: 0.15, suburb: 0.5 };
  return commune.kind === "mid" ? { rural: 0.8, urban: 0, suburb: 0.2 } : { rural: 1, urban: 0, suburb: 0 };
}

/** The région and France are more urban than this rural département. */
export const REGION_MIX: Mix = { rural: 0.35, urban: 0.45, suburb: 0.2 };
export const FRANCE_MIX: Mix = { rural: 0.25, urban: 0.5, suburb: 0.25 };

/**
 * Interpolates parameters for one territory. Each commune departs from its archetypes by a
 * noise that grows as the commune shrinks; references (no rng) get the exact interpolation.
 */
export class Profile {
  private readonly sd: number;

  constructor(
    private readonly mix: Mix,
    population: number,
    private readonly rng?: Rng,
  ) {
    this.sd = Math.min(0.3, 0.05 + 0.8 / Math.sqrt(Math.max(population, 1)));
  }

  /** A rate or level, with commune-specific noise (relative, or absolute when `absolute` is set). */
  value(triple: Triple, absolute?: number): number {
    const base = this.mix.rural * triple[0] + this.mix.urban * triple[1] + this.mix.suburb * triple[2];
    if (!this.rng) return base;
    return absolute === undefined ? base * this.rng.factor(this.sd) : base + this.rng.normal(0, absolute);
  }

  /** A rate kept in [0, 1]. */
  rate(triple: Triple): number {
    return Math.min(0.98, Math.max(0, this.value(triple)));
  }

  /** A distribution (weights of parts), each part noised, summing to 1. */
  weights(triples: readonly Triple[]): number[] {
    const raw = triples.map((t) => this.value(t));
    const total = raw.reduce((a, b) => a + b, 0);
    return raw.map((w) => w / total);
  }
}
