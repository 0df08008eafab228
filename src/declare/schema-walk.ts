// Finds, for a path inside validated data, the schema there: its `.describe()` text and, for objects,
// the keys it accepts. Zod issues carry neither, and both make messages say what is expected.
import { z } from "zod";
import type { PathSegment } from "./yaml-file";

type Schema = z.core.$ZodType;
interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  valueType?: Schema;
  options?: Schema[];
  values?: unknown[];
}
const def = (schema: Schema) => schema._zod.def as unknown as Def;
const WRAPPERS = new Set(["optional", "default", "prefault", "nullable", "readonly", "catch", "pipe"]);

interface Found {
  schema: Schema;
  description?: string;
}

/** Strips optional/default… wrappers, keeping the outermost description (`.describe()` is often last). */
function unwrap(schema: Schema): Found {
  let description = z.globalRegistry.get(schema)?.description;
  while (WRAPPERS.has(def(schema).type)) {
    schema = (def(schema).innerType ?? def(schema).in) as Schema;
    description ??= z.globalRegistry.get(schema)?.description;
  }
  return { schema, description };
}

/** Union options that can apply to `data`: for objects, those whose literal fields (e.g. `kind`) match. */
function options(schema: Schema, data: unknown): Schema[] {
  const all = (def(schema).options ?? []).map((o) => unwrap(o).schema);
  if (typeof data !== "object" || data === null) return all;
  const record = data as Record<string, unknown>;
  const matching = all.filter((o) =>
    Object.entries(def(o).shape ?? {}).every(
      ([key, field]) => def(field).type !== "literal" || def(field).values?.includes(record[key]),
    ),
  );
  return matching.length > 0 ? matching : all;
}

function walk(schema: Schema, path: readonly PathSegment[], data: unknown): Found[] {
  const here = unwrap(schema);
  const d = def(here.schema);
  if (d.type === "union") {
    const inner = options(here.schema, data).flatMap((o) => walk(o, path, data));
    return path.length === 0 ? [here, ...inner] : inner;
  }
  if (path.length === 0) return [here];
  const [segment, ...rest] = path;
  const child = (data as Record<PathSegment, unknown> | undefined)?.[segment];
  const next = d.type === "object" ? d.shape?.[segment] : d.type === "array" ? d.element : d.type === "record" ? d.valueType : undefined;
  return next ? walk(next, rest, child) : [];
}

/** The `.describe()` text of the field at `path`, if any. */
export function docAt(schema: Schema, path: readonly PathSegment[], data: unknown): string | undefined {
  return walk(schema, path, data).find((f) => f.description)?.description;
}

/** Keys accepted by the object at `path` (all options of a union together). */
export function keysAt(schema: Schema, path: readonly PathSegment[], data: unknown): string[] {
  return [...new Set(walk(schema, path, data).flatMap((f) => Object.keys(def(f.schema).shape ?? {})))];
}
