// The official layouts init knows, recognised by their header columns (never by the file's name):
// each says what the file is, how sure that is, where the code is, and which catalogue variables
// it gives, by logical source, with their vintage read from the column names.
import type { Level, Source } from "../declare/schemas";
import type { InspectedTable } from "./inspect";
import { levelOfCodes, type LevelGuess } from "./levels";
import {
  CENSUS, CIVIL_REGISTRY, ESTABLISHMENTS, FILOSOFI_COMMUNES, FILOSOFI_DISP, FILOSOFI_POVERTY, LEGAL_POPULATIONS,
  digitsOf, fullYear, yearsOf, type VariableSpec,
} from "./variables";

/** Variables a file gives to one logical source: name → column (with <AA>) and its own vintage if it differs. */
export interface Offer {
  source: string;
  family: "census" | "filosofi" | "other";
  producer: string;
  dataset: string;
  vintage: string;
  variables: Record<string, { column: string; vintage?: string }>;
}

export interface Recognition {
  layout: string;
  /** The layout in an id's words (comparateur, dossier-complet…): names a second file of one source at one level. */
  name: string;
  confidence: "sûr" | "probable";
  evidence: string;
  codeColumn: string;
  level: LevelGuess;
  france?: Source["france"];
  secretTokens?: string[];
  missingTokens?: string[];
  offers: Offer[];
  /** Recognised, but read by nothing (the table d'appartenance, the dictionary). */
  unused?: string;
}

const INSEE = "INSEE";
const FILOSOFI_PRODUCER = "INSEE-DGFiP-Cnaf-Cnav-CCMSA";
const LEVEL_NAMES: Record<Level, string> = { commune: "communes", epci: "intercommunalités", group: "groupes", departement: "départements", region: "régions", france: "France métropolitaine" };

export function recognise(table: InspectedTable): Recognition | undefined {
  const header = table.header;
  const has = (...names: string[]) => names.every((n) => header.includes(n));
  const codeLevel = (column: string) => levelOfCodes(table.values.get(column) ?? []);
  const fixed = (level: Level, why: string): LevelGuess => ({ level, confidence: "sûr", why });

  if (has("COD_VAR", "LIB_VAR"))
    return { layout: "dictionnaire des variables du dossier complet (INSEE)", name: "dictionnaire", confidence: "sûr", evidence: "colonnes COD_VAR, LIB_VAR", codeColumn: "COD_VAR", level: fixed("france", ""), offers: [], unused: "sert aux libellés des variables écrits en commentaire" };
  if (has("CODGEO", "LIBGEO", "DEP", "REG", "EPCI") && table.format !== "csv")
    return { layout: "table d'appartenance géographique des communes (INSEE)", name: "appartenance", confidence: "sûr", evidence: "colonnes CODGEO, LIBGEO, DEP, REG, EPCI", codeColumn: "CODGEO", level: fixed("commune", "feuille des communes"), offers: [], unused: "les territoires viennent du référentiel national (@etalab/decoupage-administratif), qui donne déjà les EPCI" };
  if (has("PMUN", "PTOT")) {
    const [column, level, what] = has("COM") ? ["COM", "commune", "communes"] : has("DEP") ? ["DEP", "departement", "départements"] : ["REG", "region", "régions"];
    return {
      layout: `populations légales des ${what} (INSEE)`,
      name: "populations-legales",
      confidence: "sûr",
      evidence: `colonnes ${column}, PMUN, PTOT`,
      codeColumn: column,
      level: fixed(level as Level, `colonne ${column}`),
      france: "hors-mayotte",
      offers: [{ source: "populations-legales", family: "other", producer: INSEE, dataset: `Populations légales, ${what}`, vintage: "", variables: offered(header, LEGAL_POPULATIONS, "") }],
    };
  }
  if (has("TYPEQU", "NB_EQUIP") || has("TYPEQU", "DEPCOM"))
    return { layout: "base permanente des équipements (INSEE), une ligne par commune et type d'équipement", name: "bpe", confidence: "sûr", evidence: "colonne TYPEQU", codeColumn: header.includes("DEPCOM") ? "DEPCOM" : header[0], level: fixed("commune", "colonne DEPCOM"), offers: [], unused: "format long (une ligne par équipement) : la lecture attend une colonne par variable ; les équipements du dossier complet (BPE_<année>_D307…) sont lus, eux" };
  if (!header.includes("CODGEO")) return undefined;
  const level = codeLevel("CODGEO");
  if (!level) return undefined;

  const filosofi = (aa: string, vintage: string, layout: string, name: string, variables: Record<string, VariableSpec>, secret: string[], missing: string[]): Recognition => {
    const france = level.level === "france" ? "metropolitaine" : undefined;
    return {
      layout,
      name: `${name}-${vintage}`,
      confidence: "sûr",
      evidence: `colonnes ${Object.values(variables).slice(0, 3).map((v) => v.column.replace("<AA>", aa)).join(", ")}…`,
      codeColumn: "CODGEO",
      level,
      france,
      secretTokens: secret,
      missingTokens: missing,
      offers: [{ source: "insee-filosofi", family: "filosofi", producer: FILOSOFI_PRODUCER, dataset: `Revenus, pauvreté et niveau de vie en ${vintage} (Filosofi), ${LEVEL_NAMES[level.level]}`, vintage, variables: offered(header, variables, aa) }],
    };
  };
  const disp = yearsOf(header, "Q2<AA>")[0];
  // 2019 layout: an empty cell is the secret (communes of fewer than 50 households have no row at all).
  if (disp && has(`NBMEN${disp}`)) return filosofi(disp, fullYear(disp), `Filosofi ${fullYear(disp)}, niveau de vie (« DISP »)`, "disp", FILOSOFI_DISP, table.marks.secretTokens.length ? table.marks.secretTokens : [""], []);
  const poverty = yearsOf(header, "TP60<AA>")[0];
  if (poverty && !header.some((h) => h.startsWith("NBMENFISC"))) return filosofi(poverty, fullYear(poverty), `Filosofi ${fullYear(poverty)}, taux de pauvreté (« DISP_PAUVRES »)`, "pauvres", FILOSOFI_POVERTY, table.marks.secretTokens, table.marks.missingTokens);
  const cc = yearsOf(header, "MED<AA>")[0];
  // The census vintage is the prefix most columns carry (P16_POP and P11_POP are older censuses).
  const census = yearsOf(header, "[PC]<AA>_.+")[0];
  if (cc && has(`NBMENFISC${cc}`) && !census) {
    const recognition = filosofi(cc, fullYear(cc), `Filosofi ${fullYear(cc)}, base communale (« cc_filosofi »)`, "cc", FILOSOFI_COMMUNES, table.marks.secretTokens, table.marks.missingTokens);
    recognition.offers[0] = { ...recognition.offers[0], source: "insee-filosofi-communes", dataset: `Revenus, pauvreté et niveau de vie en ${fullYear(cc)} (Filosofi), base communale` };
    return recognition;
  }
  if (!census) return undefined;
  const big = header.length > 500;
  const comparateur = has("SUPERF") && header.length < 200;
  const layout = big ? "dossier complet (INSEE)" : comparateur ? "base du comparateur de territoires (INSEE)" : "recensement par commune, colonnes du dossier complet (INSEE)";
  const kind = big ? "dossier complet" : comparateur ? "base du comparateur de territoires" : "colonnes du dossier complet";
  const name = big ? "dossier-complet" : comparateur ? "comparateur" : "recensement";
  const vintage = fullYear(census);
  const offers: Offer[] = [{ source: "insee-rp", family: "census", producer: INSEE, dataset: `Recensement de la population ${vintage}, ${kind}`, vintage, variables: offered(header, CENSUS, census) }];
  const yearOffer = (source: string, variables: Record<string, VariableSpec>, pattern: string, dataset: (year: string) => string) => {
    const aa = yearsOf(header, pattern)[0];
    if (aa) offers.push({ source, family: "other", producer: INSEE, dataset: `${dataset(fullYear(aa))}, ${kind}`, vintage: fullYear(aa), variables: offered(header, variables, aa) });
  };
  yearOffer("insee-etat-civil", CIVIL_REGISTRY, "NAISD<AA>", (y) => `État civil, naissances et décès domiciliés en ${y}`);
  const period = header.map((h) => /^NAIS(\d{2})(\d{2})$/.exec(h)).find(Boolean);
  const civil = offers.find((o) => o.source === "insee-etat-civil");
  if (civil && period && header.includes(`DECE${period[1]}${period[2]}`)) {
    const span = `${fullYear(period[1])}-${fullYear(period[2])}`;
    civil.variables.naissances_periode = { column: period[0], vintage: span };
    civil.variables.deces_periode = { column: `DECE${period[1]}${period[2]}`, vintage: span };
  }
  yearOffer("insee-etablissements", ESTABLISHMENTS, "ETTOT<AA>", (y) => `Établissements actifs fin ${y}`);
  if (has("SUPERF")) offers.push({ source: "geo", family: "other", producer: INSEE, dataset: `Superficie des communes, ${kind}`, vintage: latestYear(header) ?? vintage, variables: { superficie: { column: "SUPERF" } } });
  const bpe = header.map((h) => /^BPE_(\d{4})_D307$/.exec(h)).find(Boolean);
  if (bpe) offers.push({ source: "insee-bpe", family: "other", producer: INSEE, dataset: `Base permanente des équipements ${bpe[1]}, ${kind}`, vintage: bpe[1], variables: { pharmacies: { column: bpe[0] } } });
  return {
    layout,
    name,
    confidence: big || comparateur ? "sûr" : "probable",
    evidence: `colonnes CODGEO, P${census}_POP…, ${header.length} colonnes`,
    codeColumn: "CODGEO",
    level,
    offers: offers.filter((o) => Object.keys(o.variables).length > 0),
  };
}

/** The variables of `specs` the header has, at the file's vintage (`aa`) or years before it. */
function offered(header: string[], specs: Record<string, VariableSpec>, aa: string): Offer["variables"] {
  const present = new Set(header);
  const result: Offer["variables"] = {};
  for (const [name, spec] of Object.entries(specs)) {
    const year = spec.back ? 2000 + Number(aa) - spec.back : undefined;
    const column = spec.column.replace("<AA>", year ? digitsOf(year) : aa);
    if (present.has(column)) result[name] = year ? { column: spec.column, vintage: String(year) } : { column: spec.column };
  }
  return result;
}

/** The latest year a column name ends in (NAISD24, ETTOT24): the edition of a comparateur. */
function latestYear(header: string[]): string | undefined {
  const years = header.flatMap((h) => /^(?:NAISD|DECESD|ETTOT)(\d{2})$/.exec(h)?.[1] ?? []).sort();
  return years.length ? fullYear(years[years.length - 1]) : undefined;
}
