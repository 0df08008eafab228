// The artefact of the territories stage: who contains whom, with names and populations.
export interface Commune {
  code: string; // 5 characters, e.g. "32013", "2A004"
  name: string;
  epci: string; // SIREN, 9 digits
  population: number; // population municipale, for the record (indicators use their own sources)
  group?: string; // code of the declared extra level (e.g. MDS), if any
}

export interface Epci {
  code: string;
  name: string;
  nature: string; // CC, CA, CU, ME
  communes: string[]; // codes of its communes in the département
}

export interface Territories {
  cogVintage: string; // e.g. "decoupage-administratif 6.0.0" or the fictional referential's vintage
  departement: { code: string; name: string };
  region: { code: string; name: string };
  communes: Commune[];
  epcis: Epci[];
  /** Extra comparison level between EPCI and département, if declared. */
  groups?: { levelName: string; items: { code: string; name: string; communes: string[] }[] };
}
