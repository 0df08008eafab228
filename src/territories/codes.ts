// Official code formats: always strings, leading zeros kept.
export const COMMUNE_CODE = /^(\d{5}|2[AB]\d{3})$/;
export const EPCI_CODE = /^\d{9}$/;

/** EPCI natures as the portraits name them; the decoupage package spells metropolises METRO / MET69. */
const NATURES: Record<string, string> = { CC: "CC", CA: "CA", CU: "CU", ME: "ME", METRO: "ME", MET69: "ME" };

export function normalizeNature(nature: string): string | undefined {
  return NATURES[nature.trim().toUpperCase()];
}

/** Code order, independent of the locale ("2A004" after "19001", before "30001"). */
export const byCode = (a: { code: string }, b: { code: string }) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
