// The command line of every command: options described once, in French, for `--help` and for the
// one-line error (exit code 2, no stack trace) that an unknown or malformed option gets.
import { parseArgs } from "node:util";

export interface OptionSpec {
  type: "string" | "boolean";
  default?: string | boolean;
  /** What the value looks like in the help (`AAAA-MM-JJ`, `dossier`). */
  value?: string;
  description: string;
  /** The problem with a given value, if any, said in French. */
  check?: (value: string) => string | undefined;
}

export interface CommandSpec<O extends Record<string, OptionSpec>> {
  /** How it is run, e.g. `npm run build --`. */
  command: string;
  summary: string;
  options: O;
  /** Lines printed after the options (examples, what happens next). */
  notes?: string[];
}

type Values<O extends Record<string, OptionSpec>> = {
  [K in keyof O]: O[K]["type"] extends "boolean" ? boolean : O[K] extends { default: string } ? string : string | undefined;
};

export class UsageError extends Error {}

/** `--out <dossier>`, or `--all` for a boolean. */
const optionLabel = (name: string, o: OptionSpec) => (o.type === "boolean" ? `--${name}` : `--${name} <${o.value ?? "valeur"}>`);

export function usageLine(spec: CommandSpec<Record<string, OptionSpec>>): string {
  return `Usage : ${spec.command} ${Object.entries(spec.options).map(([name, o]) => `[${optionLabel(name, o)}]`).join(" ")}`;
}

export function helpText(spec: CommandSpec<Record<string, OptionSpec>>): string {
  const rows = Object.entries(spec.options).map(([name, o]) => {
    const left = optionLabel(name, o);
    const fallback = o.type === "string" && o.default !== undefined ? ` (par défaut : ${o.default})` : "";
    return [left, o.description + fallback] as const;
  });
  rows.push(["--help", "affiche cette aide"]);
  const width = Math.max(...rows.map(([left]) => left.length));
  return [
    spec.summary,
    "",
    usageLine(spec),
    "",
    "Options :",
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`),
    ...(spec.notes?.length ? ["", ...spec.notes] : []),
  ].join("\n");
}

/** The options' values, or a UsageError saying in French what is wrong; `help` when --help was asked. */
export function parseCommandLine<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>, argv: string[]): { help: true } | { help: false; values: Values<O> } {
  if (argv.includes("--help") || argv.includes("-h")) return { help: true };
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, o]) => [name, o.default === undefined ? { type: o.type } : { type: o.type, default: o.default }]),
  ) as Record<string, { type: "string" | "boolean"; default?: string | boolean }>;
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false }) as { values: Record<string, string | boolean | undefined> });
  } catch (error) {
    throw new UsageError(frenchProblem(error as NodeJS.ErrnoException));
  }
  for (const [name, o] of Object.entries(spec.options)) {
    const value = values[name];
    if (typeof value !== "string") continue;
    const problem = o.check?.(value);
    if (problem) throw new UsageError(`--${name} ${value} : ${problem}`);
  }
  return { help: false, values: values as Values<O> };
}

/** Node's parseArgs speaks English: its three kinds of error said in French. */
function frenchProblem(error: NodeJS.ErrnoException): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? "";
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `option inconnue « ${quoted} »`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `argument inattendu « ${quoted} » (chaque valeur suit le nom de son option, par exemple --out dist)`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      // A missing value, or one that looks like the next option (`--out --all`).
      return /does not take an argument/.test(error.message)
        ? `l'option ${quoted.split(" ")[0]} ne prend pas de valeur`
        : `l'option ${quoted.split(" ")[0]} attend une valeur`;
    default:
      return error.message;
  }
}

/** For a command's entry point: the values, or the help (exit 0) or one line and the usage (exit 2). */
export function commandLine<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>, argv = process.argv.slice(2)): Values<O> {
  try {
    const parsed = parseCommandLine(spec, argv);
    if (!parsed.help) return parsed.values;
    console.log(helpText(spec));
    process.exit(0);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`Erreur : ${error.message}.\n${usageLine(spec)}\n(${spec.command} --help pour l'aide)`);
    process.exit(2);
  }
}

export const isoDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)
    ? undefined
    : "une date AAAA-MM-JJ est attendue";

export const positiveInteger = (value: string) => (/^[1-9]\d*$/.test(value) ? undefined : "un nombre entier positif est attendu");
export const positiveNumber = (value: string) => (Number(value) > 0 ? undefined : "un nombre positif est attendu");
