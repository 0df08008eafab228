// Every command's options: --help in French, and a wrong option said in one line with the usage and
// exit code 2, never a stack trace.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { helpText, isoDate, parseCommandLine, UsageError } from "../../src/cli/args";

const spec = {
  command: "npm run essai --",
  summary: "Une commande d'essai.",
  options: {
    out: { type: "string", default: "dist", value: "dossier", description: "le dossier" },
    date: { type: "string", value: "AAAA-MM-JJ", description: "la date", check: isoDate },
    all: { type: "boolean", default: false, description: "tout" },
  },
} as const;
const problem = (argv: string[]) => {
  try {
    parseCommandLine(spec, argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`${argv.join(" ")} accepté`);
};

describe("the command line", () => {
  it("gives the values, defaults included", () => {
    expect(parseCommandLine(spec, ["--date", "2026-02-28", "--all"])).toEqual({ help: false, values: { out: "dist", date: "2026-02-28", all: true } });
    expect(parseCommandLine(spec, ["--out=site"])).toEqual({ help: false, values: { out: "site", all: false } });
  });

  it("says in French what is wrong with an option", () => {
    expect(problem(["--sortie", "x"])).toBe("option inconnue « --sortie »");
    expect(problem(["--out"])).toBe("l'option --out attend une valeur");
    expect(problem(["--out", "--all"])).toBe("l'option --out attend une valeur");
    expect(problem(["--all=oui"])).toBe("l'option --all ne prend pas de valeur");
    expect(problem(["dist"])).toMatch(/^argument inattendu « dist »/);
    expect(problem(["--date", "2026-02-30"])).toBe("--date 2026-02-30 : une date AAAA-MM-JJ est attendue");
  });

  it("answers --help with every option, its value and its default", () => {
    expect(parseCommandLine(spec, ["--out", "x", "--help"])).toEqual({ help: true });
    const help = helpText(spec);
    expect(help).toContain("Usage : npm run essai -- [--out <dossier>] [--date <AAAA-MM-JJ>] [--all]");
    expect(help).toMatch(/--out <dossier>\s+le dossier \(par défaut : dist\)/);
    expect(help).toMatch(/--help\s+affiche cette aide/);
  });
});

describe.each(["build", "check", "pdf", "bench", "demo:generate"])("npm run %s", (script) => {
  const run = (...args: string[]) => spawnSync("npm", ["run", "-s", script, "--", ...args], { cwd: resolve(import.meta.dirname, "../.."), encoding: "utf8" });

  it("answers --help in French, exit code 0", () => {
    const { status, stdout } = run("--help");
    expect(status).toBe(0);
    expect(stdout).toContain(`Usage : npm run ${script} --`);
    expect(stdout).toContain("Options :");
  });

  it("refuses an unknown option in one line and the usage, exit code 2, no stack trace", () => {
    const { status, stderr } = run("--inconnue");
    expect(status).toBe(2);
    expect(stderr).toMatch(/^Erreur : option inconnue « --inconnue »\.\nUsage : npm run /);
    expect(stderr).not.toMatch(/\n\s+at |ERR_PARSE_ARGS/);
  });
});
