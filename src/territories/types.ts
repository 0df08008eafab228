// The artefact of the territories stage: who contains whom, with names and populations.
export interface Commune {
  code: string; // 5 characters, e.g. "32013", "2A004"
  name: string;
  /** SIREN, 9 digits. May name an EPCI absent from `Territories.epcis` (rule majority-population
   *  leaves out EPCIs mostly outside the département): the commune still counts in the département. */
  epci: string;
  population: number; // population municipale, for the record (indicators use their own sources)
  area?: number; // km², when the referential gives it (files)
  group?: string; // code of the declared extra level (e.g. MDS), if any
}

export interface Epci {
  code: string;
  name: string;
  nature: string; // CC, CA, CU, ME
  communes: string[]; // codes of its communes in the département
  /** Population municipale of the whole EPCI, communes outside the département included
   *  (differs from the sum of `communes` only for an EPCI straddling départements). */
  wholePopulation?: number;
}

export interface Territories {
  cogVintage: string; // e.g. "@etalab/decoupage-administratif 6.0.0" or the fictional referential's vintage
  departement: { code: string; name: string };
  region: { code: string; name: string };
  /** Every commune of the département, whether or not its EPCI is portrayed. */
  communes: Commune[];
  /** The portrayed EPCIs. */
  epcis: Epci[];
  /** Extra comparison level between EPCI and département, if declared. */
  groups?: { levelName: string; items: { code: string; name: string; communes: string[] }[] };
}


/** The territories stage's result, with its non-blocking remarks (in French) for the quality report. */
export interface LoadedTerritories {
  territories: Territories;
  warnings: string[];
}
