// Commune contours: the GeoJSON whose features carry the most commune codes of the département, the
// property that holds them and the prefix written before the code (« com32001 »).
import { decoupageData } from "../territories/decoupage";
import type { InspectedGeo } from "./inspect";

export interface Contours {
  file: string;
  codeProperty: string;
  codePrefix: string;
  matched: number;
  features: number;
}

export function findContours(files: InspectedGeo[], departement: string): { best?: Contours; others: InspectedGeo[] } {
  // Current communes only: contours of an older geography (a COG 2018 file) would draw merged communes apart.
  const codes = new Set(decoupageData().communes.filter((c) => c.departement === departement).map((c) => c.code));
  const found = files.flatMap((geo) => {
    const properties = [...new Set(geo.features.slice(0, 50).flatMap((p) => Object.keys(p)))].sort();
    const scored = properties.map((property) => {
      const prefixes = new Map<string, number>();
      for (const p of geo.features) {
        const match = /^(.*?)(\d[\dAB]\d{3})$/.exec(String(p[property] ?? ""));
        if (match && codes.has(match[2])) prefixes.set(match[1], (prefixes.get(match[1]) ?? 0) + 1);
      }
      const [codePrefix, matched] = [...prefixes].sort((a, b) => b[1] - a[1])[0] ?? ["", 0];
      return { file: geo.file, codeProperty: property, codePrefix, matched, features: geo.features.length };
    });
    return scored.sort((a, b) => b.matched - a.matched).slice(0, 1).filter((s) => s.matched > 0);
  });
  const best = found.sort((a, b) => b.matched - a.matched || a.file.localeCompare(b.file))[0];
  return { best, others: files.filter((f) => f.file !== best?.file) };
}
