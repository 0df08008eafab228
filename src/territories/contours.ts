// Reading commune contours (GeoJSON or TopoJSON, WGS84 lon/lat) into rewound polygons keyed by code.
import { readFileSync } from "node:fs";
import { geoArea } from "d3-geo";
import type { Feature, MultiPolygon, Polygon, Position } from "geojson";
import { feature } from "topojson-client";
import type { GeometryObject, Topology } from "topojson-specification";
import { TerritoryError } from "./errors";

export type Area = Polygon | MultiPolygon;

/** A discrepancy between the contours and the referential, for the quality stage. Never silent. */
export interface GeometryIssue {
  kind: "not-in-referential" | "no-geometry" | "duplicate" | "unreadable";
  code: string;
  message: string; // French
}

export interface ContourOptions {
  codeProperty?: string; // default "code"
  codePrefix?: string; // stripped from the code, e.g. "com" in "com32001"
  object?: string; // TopoJSON object name; the first object by default
}

/**
 * d3-geo wants exterior rings clockwise (holes counter-clockwise), RFC 7946 files are the other way
 * round: d3 would read such a commune as "the whole globe minus the commune". A polygon whose
 * spherical area exceeds a hemisphere is reversed, ring by ring.
 */
export function rewind(rings: Position[][]): Position[][] {
  return geoArea({ type: "Polygon", coordinates: rings }) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings;
}

function rewound(geometry: Area): Area {
  return geometry.type === "Polygon"
    ? { type: "Polygon", coordinates: rewind(geometry.coordinates) }
    : { type: "MultiPolygon", coordinates: geometry.coordinates.map(rewind) };
}

type ContourFile = { type?: string; objects?: Record<string, GeometryObject>; features?: Feature[] };

function featuresOf(json: ContourFile, file: string, object?: string): Feature[] {
  if (json.type === "Topology") {
    const name = object ?? Object.keys(json.objects ?? {})[0];
    const o = json.objects?.[name];
    if (!o) throw new Error(`${file} : objet TopoJSON « ${name} » introuvable`);
    const result = feature(json as Topology, o);
    return result.type === "FeatureCollection" ? result.features : [result];
  }
  if (json.type === "FeatureCollection") return json.features ?? [];
  if (json.type === "Feature") return [json as Feature];
  throw new Error(`${file} : ni FeatureCollection GeoJSON ni Topology TopoJSON`);
}

/** The file's JSON, or where it breaks off (a truncated download is the usual cause) and what to do. */
function parseContourFile(file: string): ContourFile {
  const text = readFileSync(file, "utf8");
  try {
    return JSON.parse(text) as ContourFile;
  } catch (error) {
    const message = (error as Error).message;
    const at = /line (\d+) column (\d+)/.exec(message);
    const where = at ? `ligne ${at[1]}, colonne ${at[2]} : ` : "";
    const position = Number(/at position (\d+)/.exec(message)?.[1] ?? -1);
    const truncated = /end of JSON input/.test(message) || position >= text.trimEnd().length - 1;
    const problem = truncated ? "le fichier s'arrête avant la fin du GeoJSON (téléchargement interrompu ?)" : "ce n'est pas du JSON valide";
    throw new TerritoryError(file, [
      `${where}${problem}. À faire : téléchargez de nouveau le fichier de contours, ou vérifiez geometry.communes dans la configuration.`,
    ]);
  }
}

/** The file's polygons by commune code (several features with one code are kept together, and reported). */
export function readContours(file: string, options: ContourOptions = {}): { areas: Map<string, Area[]>; issues: GeometryIssue[] } {
  const { codeProperty = "code", codePrefix = "", object } = options;
  const areas = new Map<string, Area[]>();
  const issues: GeometryIssue[] = [];
  featuresOf(parseContourFile(file), file, object).forEach((f, i) => {
    const raw = f.properties?.[codeProperty] ?? (codeProperty === "id" ? f.id : undefined);
    // A numeric property has lost its leading zero (1001 for 01001).
    const text = typeof raw === "number" ? String(raw).padStart(5, "0") : raw;
    if (typeof text !== "string" || !text.startsWith(codePrefix)) {
      issues.push({ kind: "unreadable", code: String(raw ?? ""), message: `Objet n° ${i + 1} : propriété « ${codeProperty} » absente${codePrefix ? ` ou sans le préfixe « ${codePrefix} »` : ""}` });
      return;
    }
    const code = text.slice(codePrefix.length);
    const g = f.geometry;
    if (g?.type !== "Polygon" && g?.type !== "MultiPolygon") {
      issues.push({ kind: "unreadable", code, message: `Commune ${code} : géométrie ${g?.type ?? "vide"}, polygone attendu` });
      return;
    }
    if (areas.has(code)) issues.push({ kind: "duplicate", code, message: `Commune ${code} : plusieurs objets dans le fichier de contours, réunis` });
    areas.set(code, [...(areas.get(code) ?? []), rewound(g)]);
  });
  return { areas, issues };
}
