// Sub-counts that always fit in their total. Small communes get whole numbers drawn at random
// (a real census of 80 people is lumpy); larger ones get fractional weighted counts, as the
// INSEE census publishes them for communes surveyed by sampling.
import type { Rng } from "./random";

export class Counts {
  constructor(
    readonly whole: boolean,
    private readonly rng?: Rng,
  ) {
    if (whole && !rng) throw new Error("whole counts are drawn at random: an rng is required");
  }

  /** The part of `n` that has a property of probability `p`. */
  part(n: number, p: number): number {
    const q = Math.min(1, Math.max(0, p));
    return this.whole ? this.rng!.binomial(n, q) : n * q;
  }

  /** `n` shared among parts in proportion to `weights` (multinomial for whole counts). */
  split(n: number, weights: number[]): number[] {
    const total = weights.reduce((a, b) => a + b, 0);
    if (!this.whole) return weights.map((w) => (total > 0 ? (n * w) / total : 0));
    let remaining = n;
    let weightLeft = total;
    return weights.map((w, i) => {
      const drawn = i === weights.length - 1 ? remaining : this.rng!.binomial(remaining, weightLeft > 0 ? w / weightLeft : 0);
      remaining -= drawn;
      weightLeft -= w;
      return drawn;
    });
  }

  /** A level (not a part of a total): rounded for whole counts. */
  level(x: number): number {
    return this.whole ? Math.round(x) : x;
  }
}
