// Validates a parsed YAML file against its zod schema; every issue gets the file, line and column.
import { isScalar } from "yaml";
import type { z } from "zod";
import type { DeclarationIssue } from "./issues";
import { DEFAULT_MESSAGE, explainIssues } from "./zod-french";
import { issueAt, nodeAt } from "./yaml-file";
import type { PathSegment, YamlFile } from "./yaml-file";

type Issue = z.core.$ZodIssue;

export function validateYaml<T extends z.ZodType>(
  yaml: YamlFile,
  schema: T,
): { data: z.output<T>; issues: [] } | { data?: undefined; issues: DeclarationIssue[] } {
  const parse = () => schema.safeParse(yaml.data, { reportInput: true, error: () => DEFAULT_MESSAGE });
  let result = parse();
  if (!result.success && keepWrittenText(yaml, result.error.issues)) result = parse();
  if (result.success) return { data: result.data, issues: [] };
  const explained = explainIssues(result.error.issues, schema, yaml.data);
  return { issues: explained.map((e) => issueAt(yaml, e.path, e.message, e.hint, e.onKey)) };
}

/**
 * YAML reads `vintage: 2021` as a number and `ignoreCodes: [01001]` as 1001. Where the schema wants
 * text, take the characters as written instead, so nobody has to quote years and codes (and leading
 * zeros survive). Returns whether anything changed.
 */
function keepWrittenText(yaml: YamlFile, issues: readonly Issue[]): boolean {
  let changed = false;
  for (const path of textWanted(issues, [])) {
    const node = nodeAt(yaml, path);
    const parent = path.slice(0, -1).reduce<unknown>((v, s) => (v as Record<PathSegment, unknown>)?.[s], yaml.data);
    if (isScalar(node) && node.source !== undefined && typeof parent === "object" && parent !== null) {
      (parent as Record<PathSegment, unknown>)[path[path.length - 1]] = node.source;
      changed = true;
    }
  }
  return changed;
}

/** Paths where a string was expected and a number or boolean found, also inside union branches. */
function textWanted(issues: readonly Issue[], prefix: PathSegment[]): PathSegment[][] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...(issue.path as PathSegment[])];
    if (issue.code === "invalid_type" && issue.expected === "string" && ["number", "boolean"].includes(typeof issue.input))
      return [path];
    if (issue.code === "invalid_union") return issue.errors.flatMap((branch) => textWanted(branch, path)).slice(0, 1);
    return [];
  });
}
