// A YAML declaration file parsed with its source positions, so any path inside it can be shown as line:column.
import { readFileSync } from "node:fs";
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { Document, ParsedNode } from "yaml";
import type { DeclarationIssue } from "./issues";
import { yamlSyntaxIssue } from "./yaml-syntax";

export type PathSegment = string | number;

export interface YamlFile {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** Plain JS value of the document; may be mutated before validation (see parse-file). */
  data: unknown;
}

/** Parses `file`; on syntax errors returns them (with line:column) instead of a half-read document. */
export function readYaml(file: string): { yaml?: YamlFile; issues: DeclarationIssue[] } {
  const text = readFileSync(file, "utf8");
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((error) => yamlSyntaxIssue(file, text, lineCounter, error));
    const seen = new Set<string>();
    // The parser often reports one mistake twice at the same place: keep the first.
    return { issues: issues.filter((i) => !seen.has(place(i)) && seen.add(place(i))) };
  }
  return { yaml: { file, doc, lineCounter, data: doc.toJS() }, issues: [] };
}

const place = (i: DeclarationIssue) => `${i.line}:${i.column}`;

/**
 * The YAML node at `path`: the value, or the key when `onKey` (unknown keys). When the path goes further
 * than the document (a missing field), the deepest existing node: the object where the field is missing.
 */
export function nodeAt(yaml: YamlFile, path: readonly PathSegment[], onKey = false): ParsedNode | null {
  let node = yaml.doc.contents;
  for (const [i, segment] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(segment));
      if (!pair) return node;
      const last = i === path.length - 1;
      // An empty value (`label:`) has no useful position of its own: point at its key.
      if ((last && onKey) || pair.value === null || (isScalar(pair.value) && pair.value.value === null))
        return pair.key as ParsedNode;
      node = pair.value as ParsedNode;
    } else if (isSeq(node) && typeof segment === "number" && node.items[segment]) {
      node = node.items[segment] as ParsedNode;
    } else {
      return node;
    }
  }
  return node;
}

export function positionOf(yaml: YamlFile, path: readonly PathSegment[], onKey = false): { line?: number; column?: number } {
  const node = nodeAt(yaml, path, onKey);
  if (!node?.range) return {};
  const { line, col } = yaml.lineCounter.linePos(node.range[0]);
  return { line, column: col };
}

/** `indicators[2].formula.numerator`: positions counted from 1, as people count. */
export function formatPath(path: readonly PathSegment[]): string {
  return path.map((s, i) => (typeof s === "number" ? `[${s + 1}]` : i === 0 ? s : `.${s}`)).join("");
}

export function issueAt(
  yaml: YamlFile,
  path: readonly PathSegment[],
  message: string,
  hint?: string,
  onKey = false,
): DeclarationIssue {
  return { file: yaml.file, ...positionOf(yaml, path, onKey), path: formatPath(path), message, ...(hint ? { hint } : {}) };
}

/** A declared item and where it is: its file and the path of its YAML node. */
export interface Located<T> {
  value: T;
  yaml: YamlFile;
  path: PathSegment[];
}
