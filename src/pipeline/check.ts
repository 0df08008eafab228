// `npm run check`: every declaration and every source file validated without building, each
// problem as a finding a non-programmer can act on. Unlike the build, it does not stop at the
// first bad file: it reads them all, then computes only if they all read.
import { checkAgainstPublished } from "../changes/checks";
import { publicationOf, territoryOf, readPublication } from "../changes/publication";
import { formatIssue, DeclarationError } from "../declare/issues";
import { loadDeclarations } from "../declare/load";
import { awaitedFile } from "../partners/awaited";
import { checkReceived } from "../partners/check-received";
import type { Finding } from "../quality/findings";
import { readSource, ReadErrors } from "../read/index";
import { TerritoryError } from "../territories/errors";
import { loadTerritories } from "../territories/load";
import { runPipeline } from "./run";

/** Known failures as findings; anything else is a bug and is rethrown. */
function asFindings(error: unknown): Finding[] {
  if (error instanceof DeclarationError)
    return error.issues.map((issue) => ({ rule: "declaration", severity: "error", message: formatIssue(issue) }));
  if (error instanceof ReadErrors)
    return error.errors.map((e) => ({ rule: "read", severity: "error", file: e.file, line: e.line, message: e.message }));
  if (error instanceof TerritoryError)
    return error.problems.map((problem) => ({ rule: "territories", severity: "error", file: error.file, message: `${error.file} : ${problem}` }));
  throw error;
}

export async function checkConfiguration(configPath: string, publishedSite: string, buildDate: string): Promise<Finding[]> {
  let declarations, territories;
  try {
    declarations = loadDeclarations(configPath);
    ({ territories } = loadTerritories(declarations.config, declarations.configDir));
  } catch (error) {
    return asFindings(error);
  }
  const readProblems: Finding[] = [];
  const partnerFindings: Finding[] = [];
  for (const source of declarations.sources.values()) {
    // A partner's file not yet arrived: the pipeline says so, its indicators « non disponible ».
    if (source.partner && awaitedFile(source, declarations.dataDir)) continue;
    if (source.partner) {
      const found = await checkReceived(source, declarations.dataDir, territories).catch(asFindings);
      (found.some((f) => f.severity === "error") ? readProblems : partnerFindings).push(...found);
    } else await readSource(source, declarations.dataDir).catch((error) => readProblems.push(...asFindings(error)));
  }
  if (readProblems.length > 0) return readProblems;
  try {
    const result = await runPipeline(configPath, { buildDate });
    const next = publicationOf(buildDate, territoryOf(result.declarations.config), result.declarations.sources.values(), result.portraits);
    return [...partnerFindings, ...result.findings, ...checkAgainstPublished(readPublication(publishedSite), next)];
  } catch (error) {
    return asFindings(error);
  }
}
