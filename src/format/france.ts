// How each France a producer may mean is coded and named (src/territories/france.ts says which
// communes each covers). Here, beside the wordings, since sentences and charts name them.

export const FRANCE_NAMES = {
  entiere: { code: "FRANCE", name: "France" },
  metropolitaine: { code: "FRANCE-METRO", name: "France métropolitaine" },
  "hors-mayotte": { code: "FRANCE-HORS-MAYOTTE", name: "France hors Mayotte" },
} as const;

/** The name of the France a value's code stands for ("France" when unknown). */
export const franceName = (code: string): string => Object.values(FRANCE_NAMES).find((f) => f.code === code)?.name ?? FRANCE_NAMES.entiere.name;
