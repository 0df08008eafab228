// Recognised files → source declarations: each catalogue variable, at each level, from one file only.
// Within a logical source the vintage that covers the most levels is preferred (Filosofi 2019 at
// every level rather than 2020 for the départements alone: one vintage compares across levels),
// then the most recent; a file left with nothing to give is listed, not declared.
import type { Level, Source } from "../declare/schemas";
import type { InspectedTable } from "./inspect";
import type { Offer, Recognition } from "./layouts";
import { legalVintages, type LegalVintage } from "./legal-vintage";

export interface Recognised {
  table: InspectedTable;
  recognition: Recognition;
}

export interface Entry {
  declaration: Record<string, unknown> & { id: string; columns: Source["columns"] };
  from: Recognised;
  offer: Offer;
}

const LEVEL_SUFFIX: Record<Level, string> = { commune: "communes", epci: "epci", group: "groupes", departement: "departements", region: "regions", france: "france" };
const LEVEL_ORDER: Level[] = ["commune", "epci", "group", "departement", "region", "france"];

export function assemble(files: Recognised[]): { entries: Entry[]; idle: Recognised[]; legal: Map<InspectedTable, LegalVintage> } {
  const legal = legalVintages(files.filter((f) => f.recognition.offers.some((o) => o.vintage === "")).map((f) => f.table), files);
  const offers = files.flatMap((from) =>
    from.recognition.offers.map((offer) => ({ from, offer: offer.vintage ? offer : { ...offer, vintage: legal.get(from.table)!.vintage }, level: from.recognition.level.level })),
  );
  const entries: Entry[] = [];
  for (const source of [...new Set(offers.map((o) => o.offer.source))]) {
    const candidates = offers.filter((o) => o.offer.source === source);
    const levelsOf = (vintage: string) => new Set(candidates.filter((c) => c.offer.vintage === vintage).map((c) => c.level)).size;
    const main = [...new Set(candidates.map((c) => c.offer.vintage))].sort((a, b) => levelsOf(b) - levelsOf(a) || b.localeCompare(a))[0];
    const ranked = [...candidates].sort(
      (a, b) =>
        Number(b.offer.vintage === main) - Number(a.offer.vintage === main) ||
        b.offer.vintage.localeCompare(a.offer.vintage) ||
        Object.keys(b.offer.variables).length - Object.keys(a.offer.variables).length,
    );
    const taken = new Set<string>();
    const chosen = ranked.flatMap((c) => {
      const variables = Object.fromEntries(Object.entries(c.offer.variables).filter(([name]) => !taken.has(`${name}@${c.level}`)));
      for (const name of Object.keys(variables)) taken.add(`${name}@${c.level}`);
      return Object.keys(variables).length ? [{ ...c, offer: { ...c.offer, variables } }] : [];
    });
    // The base declaration is the finest level's; the others extend it.
    chosen.sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level));
    const ids = new Set<string>();
    chosen.forEach((c, i) => {
      // A second file at the base's level is named by what it is (insee-rp-comparateur), one at
      // another level by its level (insee-filosofi-regions), then by both if that is taken.
      const { name } = c.from.recognition;
      const level = `${source}-${LEVEL_SUFFIX[c.level]}`;
      const names = i === 0 ? [source] : [c.level === chosen[0].level ? `${source}-${name}` : level, `${level}-${name}`, `${level}-${name}-${c.offer.vintage}`];
      let id = names.find((n) => !ids.has(n)) ?? level;
      for (let n = 2; ids.has(id); n++) id = `${level}-${n}`;
      ids.add(id);
      entries.push({ declaration: declaration(c.from, c.offer, id, i === 0 ? undefined : source), from: c.from, offer: c.offer });
    });
  }
  const used = new Set(entries.map((e) => e.from));
  return { entries, idle: files.filter((f) => !used.has(f)), legal };
}

function declaration({ table, recognition }: Recognised, offer: Offer, id: string, extendsId: string | undefined): Entry["declaration"] {
  const secretTokens = recognition.secretTokens ?? table.marks.secretTokens;
  const missingTokens = [...new Set(["", "nd", ...(recognition.missingTokens ?? table.marks.missingTokens)])].filter((t) => !secretTokens.includes(t));
  const hasMayotte = recognition.level.level === "commune" && (table.values.get(recognition.codeColumn) ?? []).some((c) => String(c).startsWith("976"));
  const france = recognition.france === "hors-mayotte" ? (hasMayotte ? undefined : extendsId ? undefined : "hors-mayotte") : recognition.france;
  return {
    id,
    ...(extendsId ? { extends: extendsId } : {}),
    producer: offer.producer,
    dataset: offer.dataset,
    vintage: offer.vintage,
    licence: "Licence Ouverte 2.0",
    file: table.file,
    ...(table.member ? { member: table.member } : {}),
    format: table.format,
    ...(table.text ? { encoding: table.text.encoding, separator: table.text.separator } : {}),
    decimal: table.marks.decimal,
    ...(table.headerRow !== 1 ? { headerRow: table.headerRow } : {}),
    ...(table.sheet ? { sheet: table.sheet } : {}),
    code: { column: recognition.codeColumn, level: recognition.level.level },
    secretTokens,
    missingTokens,
    ...(france ? { france } : {}),
    columns: Object.fromEntries(Object.entries(offer.variables).map(([name, v]) => [name, v.vintage ? { column: v.column, vintage: v.vintage } : v.column])),
  };
}
