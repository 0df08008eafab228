// The territorial referential of the fictional département: geometry, communes, EPCIs, Maisons
// des solidarités and CTG signatures, in the shapes the configuration's `territories: files` reads.
import type { DemoTerritory } from "./territory";
import { csv, type FileWriter } from "./write";

export function writeReferential(t: DemoTerritory, out: FileWriter): void {
  // One feature per line keeps the file diffable.
  const features = t.communes.map((c) =>
    JSON.stringify({ type: "Feature", properties: { code: c.code, nom: c.name }, geometry: { type: "Polygon", coordinates: [c.ring] } }),
  );
  out.text("communes.geojson", `{"type":"FeatureCollection","features":[\n${features.join(",\n")}\n]}\n`);

  // Our own format, not a producer's: a dot decimal reads the same everywhere.
  out.text("communes.csv", csv([["code", "nom", "epci", "population", "superficie"], ...t.communes.map((c) => [c.code, c.name, c.epci, c.population, c.area.toFixed(2)])]));
  out.text("epci.csv", csv([["code", "nom", "nature"], ...t.epcis.map((e) => [e.code, e.name, e.nature])]));

  const groupOf = new Map(t.groups.flatMap((g) => g.epcis.map((e) => [e.code, g] as const)));
  out.text("mds.csv", csv([["commune", "code_groupe", "nom_groupe"], ...t.communes.map((c) => [c.code, groupOf.get(c.epci)!.code, groupOf.get(c.epci)!.name])]));
  out.text("ctg.csv", csv([["epci", "signee", "date"], ...t.agreements.map((a) => [a.epci.code, a.date ? "oui" : "non", a.date ?? ""])]));
}
