// Zod issues as French sentences saying what was found and what is expected (after Starlight's
// friendly error map). Union failures are reduced to the one branch the author most likely meant.
import type { z } from "zod";
import { docAt, keysAt } from "./schema-walk";
import { closest, didYouMean } from "./suggest";
import type { PathSegment } from "./yaml-file";

/** Returned by the parse-time error map: any other message was written in the schema, in French. */
export const DEFAULT_MESSAGE = "\u0000";

export interface Explained {
  path: PathSegment[];
  message: string;
  hint?: string;
  /** The problem is the key itself (unknown or invalid name), not its value. */
  onKey?: boolean;
  /** A required field is absent. */
  missing?: boolean;
  /** For an unknown key: the known keys it was probably meant to be. */
  meant?: string[];
}

type Issue = z.core.$ZodIssue;
type Schema = z.core.$ZodType;
interface Context {
  schema: Schema;
  data: unknown;
}

const TYPES: Record<string, string> = {
  string: "un texte",
  number: "un nombre",
  int: "un nombre entier",
  boolean: "true ou false",
  array: "une liste",
  object: "un bloc « clé: valeur »",
  record: "un bloc « clé: valeur »",
};
const typeName = (expected: string) => TYPES[expected] ?? expected;

/** What the file holds, as a French noun phrase. */
export function found(value: unknown): string {
  if (value === undefined) return "rien";
  if (value === null) return "une valeur vide";
  if (typeof value === "string") return value === "" ? "un texte vide" : `« ${value.length > 60 ? `${value.slice(0, 57)}…` : value} »`;
  if (typeof value === "number") return `le nombre ${value}`;
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.length === 1 ? "une liste de 1 élément" : `une liste de ${value.length} éléments`;
  return "un bloc « clé: valeur »";
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  return path.reduce<unknown>((v, s) => (v as Record<PathSegment, unknown> | null | undefined)?.[s], data);
}

const plural = (n: number | bigint, word: string) => `${n} ${word}${Number(n) > 1 ? "s" : ""}`;
const lastKey = (path: readonly PathSegment[]) => String(path[path.length - 1]);
const sentence = (text?: string) => (text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.?!]$/.test(text) ? "" : "."}` : undefined);

export function explainIssues(issues: readonly Issue[], schema: Schema, data: unknown): Explained[] {
  const explained = issues.flatMap((issue) => explain(issue, [], { schema, data }));
  // "unite" written for "unit" is one mistake: report the unknown key, not also a missing "unit".
  const meant = new Set(explained.flatMap((e) => (e.meant ?? []).map((key) => JSON.stringify([...e.path.slice(0, -1), key]))));
  return explained.filter((e) => !(e.missing && meant.has(JSON.stringify(e.path))));
}

function explain(issue: Issue, prefix: readonly PathSegment[], ctx: Context): Explained[] {
  const path = [...prefix, ...(issue.path as PathSegment[])];
  const custom = issue.message !== DEFAULT_MESSAGE ? issue.message : undefined;
  const value = valueAt(ctx.data, path);
  const doc = () => sentence(docAt(ctx.schema, path, ctx.data));
  const absent = value === undefined && path.length > 0;
  const one = (message: string, hint?: string, missing = false): Explained[] => [
    { path, message, ...(hint ? { hint } : {}), ...(missing ? { missing } : {}) },
  ];

  switch (issue.code) {
    case "invalid_type":
      if (path.length === 0 && value == null) return one("le fichier est vide");
      if (absent) return one(`champ obligatoire « ${lastKey(path)} » manquant (attendu : ${typeName(issue.expected)})`, doc(), true);
      return one(`attendu : ${typeName(issue.expected)}, trouvé : ${found(value)}`, typeHint(issue.expected, value) ?? doc());
    case "invalid_value": {
      const allowed = issue.values.map(String);
      if (absent) return one(`champ obligatoire « ${lastKey(path)} » manquant ; valeurs possibles : ${allowed.join(", ")}`, doc(), true);
      if (allowed.length === 1) return one(`attendu : « ${allowed[0]} », trouvé : ${found(value)}`);
      return one(`valeur ${found(value)} non reconnue ; valeurs possibles : ${allowed.join(", ")}`, didYouMean(String(value), allowed));
    }
    case "unrecognized_keys": {
      const known = keysAt(ctx.schema, path, ctx.data);
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: `clé inconnue « ${key} »`,
        hint: didYouMean(key, known) ?? `Clés possibles : ${known.join(", ")}.`,
        onKey: true,
        meant: closest(key, known),
      }));
    }
    case "invalid_union":
      return explainUnion(issue, path, value, ctx);
    case "too_small":
    case "too_big":
      return one(explainSize(issue, value, custom));
    case "invalid_format":
      if (custom) return one(`attendu : ${custom}, trouvé : ${found(value)}`);
      if (issue.format === "url") return one(`${found(value)} n'est pas une adresse web valide`, "Une adresse web commence par https://.");
      return one(`${found(value)} n'a pas la forme attendue`, doc());
    case "invalid_key": {
      const expected = issue.issues.flatMap((i) => (i.message !== DEFAULT_MESSAGE ? [i.message] : []));
      const why = expected.length > 0 ? ` ; attendu : ${expected.join(", ")}` : "";
      return [{ path, message: `nom ${found(lastKey(path))} invalide${why}`, onKey: true }];
    }
    case "not_multiple_of":
      return one(`attendu : un multiple de ${issue.divisor}, trouvé : ${found(value)}`);
    default:
      return one(custom ?? `valeur ${found(value)} non valide`, doc());
  }
}

/** The usual way out when the type is wrong: quotes around a number, a single value for a list. */
function typeHint(expected: string, value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  if (["number", "int", "boolean"].includes(expected)) return "Écrire la valeur sans guillemets.";
  if (expected === "array") return "Une liste s'écrit [a, b], ou une ligne « - a » par élément.";
  return undefined;
}

function explainSize(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig, value: unknown, custom?: string): string {
  const small = issue.code === "too_small";
  const limit = small ? issue.minimum : issue.maximum;
  const size = typeof value === "string" || Array.isArray(value) ? value.length : undefined;
  if (custom) return size === undefined ? custom : `${custom} (trouvé : ${size})`;
  if (issue.origin === "number") {
    const relation = `${issue.inclusive ? "" : "strictement "}${small ? "supérieur" : "inférieur"}${issue.inclusive ? " ou égal" : ""} à`;
    return `attendu : un nombre ${relation} ${limit}, trouvé : ${found(value)}`;
  }
  if (issue.origin === "string" && small && limit === 1) return "le texte est vide";
  if (issue.origin === "array" && small && limit === 1) return "la liste est vide";
  const unit = issue.origin === "string" ? "caractère" : "élément";
  const bound = issue.exact ? "exactement" : small ? "au moins" : "au plus";
  return `attendu : ${bound} ${plural(limit, unit)}, trouvé : ${size ?? found(value)}`;
}

/**
 * A union (e.g. "a reference or a list of references") fails once per branch. When every branch only
 * rejects the type, say which types were possible; otherwise report the branch that got furthest.
 */
function explainUnion(issue: z.core.$ZodIssueInvalidUnion, path: PathSegment[], value: unknown, ctx: Context): Explained[] {
  const { discriminator, options } = issue as { discriminator?: string; options?: unknown[] };
  if (discriminator && options) {
    const allowed = options.map(String);
    const message =
      value === undefined
        ? `champ obligatoire « ${discriminator} » manquant ; valeurs possibles : ${allowed.join(", ")}`
        : `valeur ${found(value)} non reconnue ; valeurs possibles : ${allowed.join(", ")}`;
    const hint = value === undefined ? undefined : didYouMean(String(value), allowed);
    return [{ path, message, ...(hint ? { hint } : {}), ...(value === undefined ? { missing: true } : {}) }];
  }
  const typeOnly = (branch: Issue[]) => branch.length === 1 && branch[0].code === "invalid_type" && branch[0].path.length === 0;
  const branches = issue.errors.filter((branch) => !typeOnly(branch));
  if (branches.length === 0) {
    const expected = issue.errors.map((b) => typeName((b[0] as z.core.$ZodIssueInvalidType).expected)).join(" ou ");
    const message =
      value === undefined
        ? `champ obligatoire « ${lastKey(path)} » manquant (attendu : ${expected})`
        : `attendu : ${expected}, trouvé : ${found(value)}`;
    const doc = sentence(docAt(ctx.schema, path, ctx.data));
    return [{ path, message, ...(doc ? { hint: doc } : {}), ...(value === undefined ? { missing: true } : {}) }];
  }
  const best = branches.reduce((a, b) => (b.length < a.length ? b : a));
  return best.flatMap((inner) => explain(inner, path, ctx));
}
