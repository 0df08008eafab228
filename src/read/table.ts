// Raw grid → SourceTable: finds the declared columns, gives each row its level and code,
// and each declared cell its status. Collects every error of the file before throwing.
import { columnName, type Level, type Source } from "../declare/schemas";
import { ErrorCollector, closest, quoteList } from "./errors";
import type { ReadErrorDetails } from "./errors";
import { parseNumber } from "./number";
import type { RawTable, RawValue } from "./raw";
import { fold } from "./renew";
import type { Cell, SourceRow, SourceTable } from "./types";

const CODE_FORMATS: Partial<Record<Level | "iris", { pattern: RegExp; expected: string }>> = {
  commune: { pattern: /^(\d{5}|2[AB]\d{3})$/, expected: "un code commune INSEE de 5 caractères (ex. 01001, 32013 ou 2A004)" },
  iris: { pattern: /^(\d{5}|2[AB]\d{3})\d{4}$/, expected: "un code IRIS de 9 caractères : le code de la commune puis 4 chiffres (ex. 320130101 ou 320130000)" },
  epci: { pattern: /^\d{9}$/, expected: "un numéro SIREN d'EPCI de 9 chiffres (ex. 200023620)" },
};

export function buildTable(raw: RawTable, source: Source, file: string): SourceTable {
  const errors = new ErrorCollector();
  const locate = (name: string, what: string) => locateColumn(raw, name, what, file, errors);

  const code = source.code;
  const iris = "iris" in code && code.iris === true;
  const codePos = locate(code.column, "la colonne du code des territoires (code.column)");
  const levelPos = "levelColumn" in code ? locate(code.levelColumn, "la colonne des niveaux (code.levelColumn)") : -1;
  const variables = Object.entries(source.columns).map(([variable, ref]) => {
    const name = columnName(ref);
    return { variable, pos: locate(name, `la colonne de la variable ${variable}`) };
  });
  errors.throwIfAny();

  const at = (pos: number, r: number): Where => ({ file, line: raw.lines[r], column: { name: raw.header[pos], index: pos + 1 }, sheet: raw.sheet });
  const ignored = new Set(source.ignoreCodes.map((c) => c.trim()));
  const cellOf = cellReader(source, errors, at);
  const seen = new Map<string, number>(); // "level code" → line, to report duplicates
  const rows: SourceRow[] = [];
  let dataRows = 0;

  const column = (pos: number) => raw.columns[pos] ?? unread(raw.header[pos]);
  const codes = column(codePos);
  const levels = levelPos >= 0 ? column(levelPos) : [];
  const values = variables.map(({ pos }) => column(pos));
  // Blank lines of a grid read whole; a reader that skips columns has left them out (RawTable.columns).
  const whole = raw.columns.every((col) => col !== undefined);
  for (let r = 0; r < raw.lines.length; r++) {
    if (whole && raw.columns.every((col) => text(col![r]) === "")) continue; // blank line
    dataRows++;
    const rawCode = codes[r];
    if (ignored.has(text(rawCode))) continue;

    let level: Level;
    if ("level" in code) level = code.level;
    else {
      const value = text(levels[r]);
      if (!Object.hasOwn(code.levels, value)) {
        errors.add({
          ...at(levelPos, r),
          found: value,
          problem: `le niveau « ${value} » n'est pas déclaré`,
          expected: `l'une des valeurs déclarées dans code.levels : ${quoteList(Object.keys(code.levels))}`,
          hint: `ajoutez « ${value} » à code.levels avec le niveau qu'il désigne (commune, epci, departement, region, france…)`,
        });
        continue;
      }
      level = code.levels[value];
    }

    // Excel stores "01001" typed as a number as 1001: restore the zero, only for commune codes
    // stored as numbers (a text "1001" in a CSV is a damaged file, reported below).
    const territory = typeof rawCode === "number" && level === "commune" ? String(rawCode).padStart(iris ? 9 : 5, "0") : text(rawCode);
    if (ignored.has(territory)) continue;
    if (!validCode(territory, iris ? "iris" : level, at(codePos, r), errors)) continue;

    const key = `${level} ${territory}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.add({
        ...at(codePos, r),
        found: territory,
        problem: `le territoire « ${territory} » (niveau ${level}) apparaît deux fois, lignes ${first} et ${raw.lines[r]}`,
        expected: "une seule ligne par territoire",
        hint: "supprimez la ligne en double ; si le fichier mêle plusieurs niveaux, déclarez code.levelColumn et code.levels",
      });
      continue;
    }
    seen.set(key, raw.lines[r]);

    const cells: Record<string, Cell> = {};
    variables.forEach(({ variable, pos }, v) => {
      const cell = cellOf(values[v][r], pos, r);
      if (cell) cells[variable] = cell;
    });
    rows.push({ level, code: territory, line: raw.lines[r], cells });
  }

  if (dataRows === 0)
    errors.add({
      file,
      line: raw.headerLine,
      problem: "le fichier ne contient aucune ligne de données après l'en-tête",
      hint: "vérifiez que le bon fichier a été déposé, et headerRow",
    });
  errors.throwIfAny();
  return { sourceId: source.id, file, rows: iris ? communesOfIris(rows) : rows };
}

/** IRIS rows summed into their commune (the first 5 characters): a secret IRIS makes the sum secret, never silently lower. */
function communesOfIris(rows: SourceRow[]): SourceRow[] {
  const byCommune = new Map<string, SourceRow[]>();
  for (const row of rows) byCommune.set(row.code.slice(0, 5), [...(byCommune.get(row.code.slice(0, 5)) ?? []), row]);
  return [...byCommune].map(([code, group]) => ({ level: "commune", code, line: group[0].line, cells: fold(group, code, new Set()) }));
}

/** A declared column the format reader did not keep: the read stage asked for the wrong ones. */
function unread(name: string): never {
  throw new Error(`la colonne « ${name} » n'a pas été lue`);
}

/** Position of a declared column in the header, or -1 after reporting why it is not usable. */
function locateColumn(raw: RawTable, name: string, what: string, file: string, errors: ErrorCollector): number {
  const positions = raw.header.flatMap((h, i) => (h === name ? [i] : []));
  if (positions.length === 1) return positions[0];
  if (positions.length > 1) {
    errors.add({
      file,
      line: raw.headerLine,
      problem: `${what}, « ${name} », apparaît ${positions.length} fois dans l'en-tête (colonnes ${positions.map((p) => p + 1).join(" et ")})`,
      expected: "des noms de colonnes tous différents",
      hint: "renommez les colonnes en double dans le fichier, puis déclarez celle qui convient",
    });
    return -1;
  }
  const near = closest(name, raw.header).map((n) => `« ${n} » (${raw.header.indexOf(n) + 1})`);
  const headerLine = raw.preview.findIndex((fields) => fields.includes(name)) + 1;
  const moved = headerLine > 0 && headerLine !== raw.headerLine ? ` ; les noms de colonnes semblent être ligne ${headerLine} : déclarez headerRow: ${headerLine}` : "";
  errors.add({
    file,
    line: raw.headerLine,
    problem: `${what}, « ${name} », est absente de l'en-tête`,
    expected: "une colonne portant exactement ce nom (majuscules et accents compris)",
    hint: `corrigez le nom déclaré${near.length ? ` ; colonnes les plus proches : ${near.join(", ")}` : ""}${moved}`,
  });
  return -1;
}

function validCode(territory: string, level: Level | "iris", where: Where, errors: ErrorCollector): boolean {
  if (territory === "") {
    errors.add({ ...where, problem: "le code du territoire est vide", hint: "complétez le code, ou supprimez la ligne si c'est une note ou un total" });
    return false;
  }
  const format = CODE_FORMATS[level];
  if (!format || format.pattern.test(territory)) return true;
  const lostZero = level === "commune" && /^\d{4}$/.test(territory);
  errors.add({
    ...where,
    found: territory,
    problem: `« ${short(territory)} » n'est pas un code ${{ commune: "de commune", iris: "IRIS", epci: "d'EPCI" }[level as string] ?? "de territoire"}`,
    expected: format.expected,
    hint: lostZero
      ? "le zéro initial a été perdu, sans doute en ouvrant puis enregistrant le fichier dans Excel : reprenez le fichier d'origine du producteur"
      : "corrigez le code ; si la ligne est hors territoire, une note ou un total, ajoutez ce code à ignoreCodes",
  });
  return false;
}

// Shared by every cell they stand for (cells are read, never changed): files have millions of
// cells, most of them markers or the small whole numbers of small communes.
const SECRET: Cell = { status: "secret" };
const MISSING: Cell = { status: "missing" };
const WHOLE = Array.from({ length: 1000 }, (_, value): Cell => ({ status: "ok", value }));
// Checked as an integer first: WHOLE[34.8] would look up the property "34.8", slowly.
const okCell = (value: number): Cell => (Number.isInteger(value) && value < WHOLE.length && value >= 0 ? WHOLE[value] : { status: "ok", value });

/** A cell reader for the source's markers and decimal mark; reports and returns undefined on error. */
function cellReader(source: Source, errors: ErrorCollector, at: (pos: number, r: number) => Where) {
  const secret = new Set(source.secretTokens.map((t) => t.trim()));
  const missing = new Set(source.missingTokens.map((t) => t.trim()));
  const other = source.decimal === "," ? "." : ",";
  const mark = (d: string) => (d === "," ? "virgule décimale" : "point décimal");
  const tokens = [...secret, ...missing].filter((t) => t !== "");
  const accepted = [
    `un nombre (${mark(source.decimal)})`,
    ...(missing.has("") ? ["une cellule vide"] : []),
    ...(tokens.length ? [`l'un des marqueurs ${quoteList(tokens)}`] : []),
  ];
  const expected = accepted.length === 1 ? accepted[0] : `${accepted.slice(0, -1).join(", ")} ou ${accepted.at(-1)}`;

  return (value: RawValue, pos: number, r: number): Cell | undefined => {
    if (value === undefined) {
      errors.add({
        ...at(pos, r),
        problem: "la ligne s'arrête avant cette colonne",
        expected: "autant de champs que de colonnes dans l'en-tête",
        hint: "vérifiez la ligne dans le fichier : un séparateur manque ou la ligne est coupée",
      });
      return undefined;
    }
    if (typeof value === "number") return { status: "ok", value };
    const token = value.trim();
    if (secret.has(token)) return SECRET;
    if (missing.has(token)) return MISSING;
    const number = parseNumber(token, source.decimal);
    if (number !== undefined) return okCell(number); // never -0 (parseNumber)
    errors.add({
      ...at(pos, r),
      found: value,
      problem: `« ${short(value)} » n'est pas un nombre`,
      expected,
      hint:
        parseNumber(token, other) !== undefined
          ? `les nombres semblent écrits avec « ${other} » comme marque décimale : déclarez decimal: '${other}'`
          : "corrigez la cellule ou déclarez le marqueur dans secretTokens / missingTokens",
    });
    return undefined;
  };
}

/** Where a value sits, for error messages. */
type Where = Required<Pick<ReadErrorDetails, "file" | "line" | "column">> & Pick<ReadErrorDetails, "sheet">;

const text = (v: RawValue) => String(v ?? "").trim();
const short = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);
