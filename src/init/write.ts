// The YAML init writes, commented in French for the person who will read and edit it. On a re-run
// the user's sources.yaml is parsed (comments kept) and only what init owns is updated: how each
// file is read, its vintage and the columns it recognised; what the user added or changed is kept.
import { Document, isMap, isSeq, type YAMLMap, type YAMLSeq } from "yaml";
import { VINTAGE_PLACEHOLDER, vintageDigits } from "../declare/vintage-columns";
import type { Entry } from "./assemble";
import type { Labels } from "./dictionary";

/** Keys init owns in a source: how the file is read, where, which vintage. */
const OWNED = ["file", "member", "format", "encoding", "separator", "decimal", "headerRow", "sheet", "code", "secretTokens", "missingTokens", "vintage"] as const;

export const toText = (doc: Document) => doc.toString({ lineWidth: 0, flowCollectionPadding: true });

function comment(lines: string[]): string {
  return lines.map((l) => ` ${l}`).join("\n");
}

/** A source as a YAML map with its comment and each column's label. */
function sourceNode(doc: Document, entry: Entry, about: string[], labels: Labels): YAMLMap {
  const node = doc.createNode(entry.declaration) as YAMLMap;
  node.commentBefore = comment(about);
  for (const key of ["code", "secretTokens", "missingTokens"]) {
    const child = node.get(key, true);
    if (isMap(child) || isSeq(child)) child.flow = true;
  }
  const columns = node.get("columns", true) as unknown as YAMLMap;
  for (const pair of columns.items) {
    if (isMap(pair.value)) pair.value.flow = true;
    const label = labels(realColumn(entry, String((pair.key as { value: unknown }).value)));
    if (label) (pair.value as { comment?: string }).comment = ` ${label}`;
  }
  return node;
}

/** The column a variable reads in this file, <AA> resolved. */
function realColumn(entry: Entry, variable: string): string {
  const ref = entry.declaration.columns[variable];
  const [column, vintage] = typeof ref === "string" ? [ref, String(entry.declaration.vintage)] : [ref.column, ref.vintage];
  return column.replaceAll(VINTAGE_PLACEHOLDER, vintageDigits(vintage) ?? "");
}

export function newSources(entries: Entry[], about: Map<Entry, string[]>, header: string[], footer: string[], labels: Labels): Document {
  const doc = new Document({ sources: [] });
  doc.commentBefore = comment(header);
  const list = doc.get("sources", true) as YAMLSeq;
  for (const entry of entries) list.items.push(sourceNode(doc, entry, about.get(entry)!, labels));
  if (footer.length) doc.comment = comment(footer);
  return doc;
}

export interface SourceChange {
  id: string;
  what: string;
}

/** The user's sources with init's entries brought up to date; what changed, said in French. */
export function mergeSources(doc: Document.Parsed, entries: Entry[], about: Map<Entry, string[]>, labels: Labels, fileExists: (file: string) => boolean): SourceChange[] {
  const changes: SourceChange[] = [];
  const list = doc.get("sources", true) as YAMLSeq<YAMLMap>;
  const byId = new Map(list.items.map((item) => [String(item.get("id")), item]));
  for (const entry of entries) {
    const id = entry.declaration.id;
    const mine = sourceNode(doc, entry, about.get(entry)!, labels);
    const theirs = byId.get(id);
    if (!theirs) {
      list.items.push(mine);
      changes.push({ id, what: `nouvelle source (${entry.declaration.file})` });
      continue;
    }
    const oldVintage = String(theirs.get("vintage"));
    for (const key of OWNED) {
      const value = mine.get(key, true);
      const before = JSON.stringify(theirs.toJSON()[key]);
      if (value === undefined) {
        if (theirs.has(key) && key !== "vintage") theirs.delete(key);
        continue;
      }
      if (before === JSON.stringify((value as { toJSON(): unknown }).toJSON?.() ?? (value as { value: unknown }).value)) continue;
      theirs.set(key, value);
      if (key === "vintage") changes.push({ id, what: `millésime ${oldVintage} → ${entry.declaration.vintage}` });
      else if (key === "file") changes.push({ id, what: `fichier ${JSON.parse(before ?? '""')} → ${entry.declaration.file}` });
    }
    // The dataset's title names the vintage: updated with it, the rest of the user's title kept.
    const dataset = theirs.get("dataset");
    if (typeof dataset === "string" && oldVintage !== entry.declaration.vintage) theirs.set("dataset", dataset.replaceAll(oldVintage, String(entry.declaration.vintage)));
    const columns = theirs.get("columns", true) as unknown as YAMLMap;
    const known = new Set(columns.items.map((p) => String((p.key as { value: unknown }).value)));
    for (const pair of (mine.get("columns", true) as unknown as YAMLMap).items) {
      const variable = String((pair.key as { value: unknown }).value);
      if (!known.has(variable)) {
        columns.items.push(pair);
        changes.push({ id, what: `nouvelle colonne ${realColumn(entry, variable)} (${variable})` });
      }
    }
    // A column as the user wrote it is kept while the file has it; otherwise init's, or none.
    const header = new Set(entry.from.table.header);
    for (const variable of known) {
      const ref = columns.toJSON()[variable] as string | { column: string; vintage: string };
      const [column, vintage] = typeof ref === "string" ? [ref, String(entry.declaration.vintage)] : [ref.column, ref.vintage];
      const real = column.replaceAll(VINTAGE_PLACEHOLDER, vintageDigits(vintage) ?? "");
      if (header.has(real)) continue;
      if (variable in entry.declaration.columns) {
        columns.set(variable, (mine.get("columns", true) as unknown as YAMLMap).get(variable, true));
        changes.push({ id, what: `colonne ${real} (${variable}) absente du nouveau fichier : remplacée par ${realColumn(entry, variable)}` });
        continue;
      }
      columns.delete(variable);
      changes.push({ id, what: `colonne ${real} (${variable}) absente du nouveau fichier : variable retirée` });
    }
  }
  const ids = new Set(entries.map((e) => e.declaration.id));
  for (const item of [...list.items]) {
    const id = String(item.get("id"));
    const file = String(item.get("file"));
    if (!ids.has(id) && !fileExists(file)) {
      list.items.splice(list.items.indexOf(item), 1);
      changes.push({ id, what: `fichier ${file} absent du dossier : source retirée` });
    }
  }
  return changes;
}

