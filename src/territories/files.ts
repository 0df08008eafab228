// Referential from the GIP's own CSVs (a fictional département, or a COG the package does not have).
import { readCsv } from "./csv";
import { COMMUNE_CODE, EPCI_CODE, byCode, normalizeNature } from "./codes";
import { atLine, failIfAny } from "./errors";
import type { Commune, Epci, LoadedTerritories } from "./types";

export interface FilesReferential {
  communes: string; // path of communes.csv: code;nom;epci;population;superficie
  epcis: string; // path of epcis.csv: code;nom;nature
  departement: { code: string; name: string };
  region: { code: string; name: string };
  cogVintage: string;
  /**
   * A fictional configuration (config `fictional: true`): its commune codes need not start with the
   * département code. A fictional département has more communes than a two-character prefix leaves
   * room for (the benchmark's national-scale one has 35,000: codes 00001…35000).
   */
  fictional?: boolean;
}

/** "12 345" or "12,5" → number; undefined if not a non-negative number. */
function parseAmount(text: string): number | undefined {
  const n = Number(text.replace(/[\s\u00a0\u202f]/g, "").replace(",", "."));
  return text.trim() !== "" && Number.isFinite(n) && n >= 0 ? n : undefined;
}

function readEpcis(file: string): Map<string, Omit<Epci, "communes">> {
  const epcis = new Map<string, Omit<Epci, "communes">>();
  const problems: string[] = [];
  for (const { line, values } of readCsv(file, ["code", "nom", "nature"])) {
    const { code, nom } = values;
    const nature = normalizeNature(values.nature);
    if (!EPCI_CODE.test(code)) problems.push(atLine(line, `code EPCI « ${code} » invalide (SIREN de 9 chiffres attendu)`));
    else if (epcis.has(code)) problems.push(atLine(line, `code EPCI ${code} en double`));
    if (!nom) problems.push(atLine(line, `nom de l'EPCI ${code} vide`));
    if (!nature) problems.push(atLine(line, `nature « ${values.nature} » inconnue (CC, CA, CU ou ME attendu)`));
    if (!epcis.has(code)) epcis.set(code, { code, name: nom, nature: nature ?? values.nature });
  }
  failIfAny(file, problems);
  return epcis;
}

function readCommunes(file: string, departement: string, epcis: Map<string, unknown>, fictional: boolean): Commune[] {
  const communes = new Map<string, Commune>();
  const problems: string[] = [];
  for (const { line, values } of readCsv(file, ["code", "nom", "epci", "population", "superficie"])) {
    const { code, nom, epci } = values;
    const population = parseAmount(values.population);
    const area = parseAmount(values.superficie);
    if (!COMMUNE_CODE.test(code)) problems.push(atLine(line, `code commune « ${code} » invalide (5 caractères attendus, ex. 32013 ou 2A004)`));
    // A real commune code starts with its département's code (32013 in the Gers, 2A004 in
    // Corse-du-Sud): a code that does not is a commune of another département, or a typo, and would
    // silently count in the wrong place. Invented codes of a fictional configuration are free.
    else if (!fictional && !code.startsWith(departement)) problems.push(atLine(line, `la commune ${code} n'est pas dans le département ${departement}`));
    else if (communes.has(code)) problems.push(atLine(line, `code commune ${code} en double`));
    if (!nom) problems.push(atLine(line, `nom de la commune ${code} vide`));
    if (!epcis.has(epci)) problems.push(atLine(line, `EPCI « ${epci} » de la commune ${code} absent du fichier des EPCI`));
    if (population === undefined || !Number.isInteger(population))
      problems.push(atLine(line, `population « ${values.population} » invalide (nombre entier attendu)`));
    if (values.superficie !== "" && area === undefined) problems.push(atLine(line, `superficie « ${values.superficie} » invalide (km²)`));
    if (!communes.has(code)) communes.set(code, { code, name: nom, epci, population: population ?? 0, ...(area !== undefined ? { area } : {}) });
  }
  failIfAny(file, problems);
  return [...communes.values()].sort(byCode);
}

/** Reads and cross-checks the two referential CSVs (paths already resolved). */
export function fromFiles(ref: FilesReferential): LoadedTerritories {
  const epciInfo = readEpcis(ref.epcis);
  const communes = readCommunes(ref.communes, ref.departement.code, epciInfo, ref.fictional ?? false);
  const warnings: string[] = [];
  const epcis: Epci[] = [];
  const membersOf = new Map([...epciInfo.keys()].map((code) => [code, [] as string[]]));
  for (const c of communes) membersOf.get(c.epci)?.push(c.code);
  for (const e of [...epciInfo.values()].sort(byCode)) {
    const members = membersOf.get(e.code)!;
    // A national or regional EPCI list is fine: only EPCIs with communes here get a portrait.
    if (members.length === 0) warnings.push(`L'EPCI ${e.code} ${e.name} n'a aucune commune dans le fichier des communes : pas de portrait.`);
    else epcis.push({ ...e, communes: members });
  }
  return {
    territories: { cogVintage: ref.cogVintage, departement: ref.departement, region: ref.region, communes, epcis },
    warnings,
  };
}
