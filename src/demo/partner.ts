// The département's own data, as a partner sends it under the data-exchange convention: an XLSX
// whose first row is the header, one row per commune, codes stored as text (leading zeros kept),
// "s" for 1 or 2 beneficiaries and empty cells for what was not transmitted.
import ExcelJS from "exceljs";
import { Counts } from "./counts";
import type { Dataset } from "./dataset";
import { Profile, mixOf } from "./profile";
import { stream, type Rng } from "./random";
import type { DemoCommune } from "./territory";
import { pinZipDates } from "../partners/pinned-zip";
import type { FileWriter } from "./write";

const FILE = "partenaires/departement_2023.xlsx";
const SHEET = "Communes";
export const PARTNER_HEADER = [
  "Code commune", "Nom de la commune", "Bénéficiaires APA à domicile", "Bénéficiaires APA en établissement",
  "Bénéficiaires PCH", "Bénéficiaires RSA soumis aux droits et devoirs", "Bénéficiaires RSA orientés",
  "Places en EHPAD", "Médecins généralistes libéraux", "Infirmiers libéraux", "Places d'accueil du jeune enfant",
];
/** A fixed date for the workbook's properties: the file must not change from one run to the next. */
const STAMP = new Date(Date.UTC(2024, 2, 15, 9, 0, 0));

type Cell = number | "s" | null;

export async function writePartner({ seed, territory, census }: Dataset, out: FileWriter): Promise<void> {
  const rng = stream(seed, "departement");
  const n = new Counts(true, rng);
  const villages = territory.communes.filter((c) => c.role === "village");
  const withNursingHome = new Set(rng.shuffle(villages).slice(0, 18).map((c) => c.code));
  const unreported = new Set(villages.filter((c) => c.epci === rng.pick(villages).epci).slice(0, 2).map((c) => c.code));
  // The département blurs 1 or 2 beneficiaries (PCH, RSA) as "s", so that nobody can be recognised.
  const blur = (v: number): Cell => (v > 0 && v < 3 ? "s" : v);

  const rows = territory.communes.map((c): Cell[] => {
    const rp = census.get(c.code)!;
    const p = new Profile(mixOf(c), c.population, rng);
    const rsa = n.part(rp.P21_MEN, p.rate([0.03, 0.075, 0.02]));
    return [
      n.part(rp.P21_POP75P, p.rate([0.125, 0.11, 0.09])),
      n.part(rp.P21_POP75P, 0.055),
      blur(n.part(c.population, 0.0035)),
      blur(rsa),
      blur(n.part(rsa, 0.84)),
      nursingHomePlaces(c, withNursingHome, rng),
      professionals(c, 13, 0.05, rng),
      unreported.has(c.code) ? null : professionals(c, 15, 0.15, rng),
      Math.round(rp.P21_POP0002 * p.value([0.5, 0.3, 0.52])) + crechePlaces(c, rng),
    ];
  });

  const workbook = new ExcelJS.Workbook();
  Object.assign(workbook, { creator: "Département fictif", lastModifiedBy: "Département fictif", created: STAMP, modified: STAMP });
  const sheet = workbook.addWorksheet(SHEET);
  sheet.addRow(PARTNER_HEADER).font = { bold: true };
  territory.communes.forEach((c, i) => sheet.addRow([c.code, c.name, ...rows[i]]));
  sheet.getColumn(1).numFmt = "@";
  sheet.columns.forEach((column, i) => (column.width = i === 1 ? 40 : 16));
  const readme = workbook.addWorksheet("Lisez-moi");
  [
    ["Données FICTIVES de démonstration (Val-Fictif, département fictif) : aucune personne réelle."],
    ["Une ligne par commune, codes communes au format texte."],
    ["s : secret (1 ou 2 bénéficiaires) ; cellule vide : donnée non transmise."],
  ].forEach((line) => readme.addRow(line));
  const buffer = await workbook.xlsx.writeBuffer();
  out.binary(FILE, pinZipDates(new Uint8Array(buffer as ArrayBuffer)));
}

function nursingHomePlaces(c: DemoCommune, chosen: Set<string>, rng: Rng): number {
  if (c.role === "town") return 760;
  if (c.role === "bourg") return c.kind === "mid" ? rng.int(110, 160) : rng.int(65, 110);
  return chosen.has(c.code) ? rng.int(45, 85) : 0;
}

/** Health professionals: a few per 10,000 in towns, now and then one in a village. */
function professionals(c: DemoCommune, per10000: number, villageChance: number, rng: Rng): number {
  if (c.role !== "village") return Math.max(1, Math.round((c.population * per10000 * rng.factor(0.25)) / 10000));
  return rng() < villageChance * (c.population > 500 ? 3 : 1) ? rng.int(1, 2) : 0;
}

/** Crèche places: the préfecture's big structures, small ones in the bourgs. */
function crechePlaces(c: DemoCommune, rng: Rng): number {
  if (c.role === "town") return 190;
  if (c.role === "bourg") return c.kind === "mid" ? rng.int(30, 48) : rng() < 0.6 ? rng.int(12, 24) : 0;
  if (c.role === "suburb") return rng() < 0.5 ? 20 : 0;
  return 0;
}
