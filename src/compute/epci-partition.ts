// Whether the département is exactly the sum of its portrayed EPCIs, as it must be for a variable
// a partner gives by EPCI only: a commune outside them, or an EPCI with communes in another
// département (kept by the rule majority-population or any-commune), would make the sum wrong.
import type { Territories } from "../territories/types";

/** Why the portrayed EPCIs do not add up to the département, or undefined when they do. */
export function epciPartitionProblem({ communes, epcis }: Territories): string | undefined {
  const inEpci = new Set(epcis.flatMap((e) => e.communes));
  const outside = communes.filter((c) => !inEpci.has(c.code)).length;
  const population = new Map(communes.map((c) => [c.code, c.population]));
  const straddling = epcis.filter((e) => e.wholePopulation !== undefined && e.wholePopulation > e.communes.reduce((sum, code) => sum + (population.get(code) ?? 0), 0));
  const problems = [
    ...(outside > 0 ? [`${outside} commune${outside > 1 ? "s" : ""} du département hors des EPCI décrites`] : []),
    ...straddling.map((e) => `l'EPCI ${e.name} (${e.code}) déborde du département`),
  ];
  return problems.length ? `somme des EPCI impossible : ${problems.join(", ")} ; il faudrait la ligne du département dans le fichier` : undefined;
}
