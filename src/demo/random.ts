// Seeded randomness for the demo generator. Each concern draws from its own named stream, so
// changing how one file is generated does not reshuffle the others.
import { randomBinomial, randomLcg, randomNormal, randomPoisson } from "d3-random";

export interface Rng {
  /** Uniform in [0, 1). */
  (): number;
  uniform(min: number, max: number): number;
  int(min: number, maxInclusive: number): number;
  normal(mean: number, sd: number): number;
  /** A multiplicative noise factor around 1 (log-normal, `sd` on the log scale). */
  factor(sd: number): number;
  binomial(n: number, p: number): number;
  poisson(lambda: number): number;
  pick<T>(items: readonly T[]): T;
  /** Fisher–Yates shuffle of a copy. */
  shuffle<T>(items: readonly T[]): T[];
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The stream called `name` for a given seed. */
export function stream(seed: number, name: string): Rng {
  const source = randomLcg(((hash(`${seed}:${name}`) % 1_000_003) + 0.5) / 1_000_004);
  const standardNormal = randomNormal.source(source)(0, 1);
  const rng = (() => source()) as Rng;
  rng.uniform = (min, max) => min + (max - min) * source();
  rng.int = (min, max) => min + Math.floor(source() * (max - min + 1));
  rng.normal = (mean, sd) => mean + sd * standardNormal();
  rng.factor = (sd) => Math.exp(sd * standardNormal());
  rng.binomial = (n, p) => {
    const trials = Math.round(n);
    return trials <= 0 || p <= 0 ? 0 : p >= 1 ? trials : randomBinomial.source(source)(trials, p)();
  };
  rng.poisson = (lambda) => (lambda <= 0 ? 0 : randomPoisson.source(source)(lambda)());
  rng.pick = (items) => items[Math.floor(source() * items.length)];
  rng.shuffle = (items) => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(source() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };
  return rng;
}
