// What reading one file found about its communes, for the build, `npm run check` and the methods
// page: one summary line per file (rows for the département, for the references, folded, left out),
// what was folded into what, and the codes nobody knows, grouped: a national file has tens of
// thousands of rows outside the département, which are not errors.
import type { RenewResult } from "../read/renew";
import type { NationalScope } from "../compute/source-columns";
import { FRANCE } from "../territories/france";
import type { Territories } from "../territories/types";
import { formatNumber } from "../format/number";
import type { Finding } from "./findings";

const list = (items: string[], max = 10) => items.slice(0, max).join(", ") + (items.length > max ? ` et ${formatNumber(items.length - max, 0)} autres` : "");
const plural = (n: number, one: string, many = `${one}s`) => `${formatNumber(n, 0)} ${n > 1 ? many : one}`;

/** `renewed`: the file after its rows were brought onto current communes; `national`: the national referential, if the configuration has it. */
export function coverageFindings(renewed: RenewResult, territories: Territories, national?: NationalScope): Finding[] {
  const referential = national?.referential;
  const { table, folded, doubled } = renewed;
  const rows = table.rows.filter((r) => r.level === "commune");
  if (rows.length === 0) return [];
  const here = new Set(territories.communes.map((c) => c.code));
  const inside = rows.filter((r) => here.has(r.code));
  const outside = rows.filter((r) => !here.has(r.code) && referential?.communes.has(r.code));
  const unknown = rows.filter((r) => !here.has(r.code) && !referential?.communes.has(r.code));
  const findings: Finding[] = [];

  const parts = [
    `${plural(inside.length, "commune")} du département`,
    ...(referential ? [`${plural(outside.length, "autre commune", "autres communes")} pour la région et la France`] : []),
    ...(folded.length ? [`${plural(folded.length, "ligne rattachée", "lignes rattachées")} à leur commune actuelle`] : []),
    ...(doubled.length ? [`${plural(doubled.length, "arrondissement ignoré", "arrondissements ignorés")} (leur commune a sa propre ligne)`] : []),
    ...(unknown.length ? [`${plural(unknown.length, "ligne ignorée", "lignes ignorées")} (code inconnu)`] : []),
  ];
  const levels = [...new Set(table.rows.filter((r) => r.level !== "commune").map((r) => r.level))];
  findings.push({
    rule: "coverage-summary",
    severity: "info",
    file: table.file,
    message: `${table.file} : ${parts.join(", ")}${levels.length ? ` ; lignes du producteur au niveau ${levels.join(", ")}` : ""}${national ? ` ; ${referenceCoverage(rows, national, territories.region.name)}` : ""}.`,
  });

  if (folded.length) {
    const home = (to: string) => here.has(to);
    const mine = folded.filter((f) => home(f.to)).map((f) => `${f.from} → ${f.to}`);
    const others = folded.filter((f) => !home(f.to)).map((f) => `${f.from} → ${f.to}`);
    const how = [...new Set(folded.map((f) => f.kind))].map((k) => KINDS[k]).join(", ");
    findings.push({
      rule: "commune-change",
      severity: "info",
      file: table.file,
      line: folded[0].line,
      territory: folded[0].from,
      message: `${plural(folded.length, "ligne", "lignes")} d'une géographie plus ancienne ou par arrondissement (${how}) ${folded.length > 1 ? "sont rattachées" : "est rattachée"} à leur commune actuelle${mine.length ? ` ; dans le département : ${mine.join(", ")}` : ""}${others.length ? ` ; ailleurs : ${list(others)}` : ""}.`,
    });
  }

  const present = new Set(inside.map((r) => r.code));
  const absent = territories.communes.map((c) => c.code).filter((code) => !present.has(code));
  if (absent.length > 0)
    findings.push({
      rule: "coverage-missing",
      severity: "warning",
      file: table.file,
      message: `${plural(absent.length, "commune")} du territoire sans ligne dans le fichier : ${list(absent)}.`,
      hint: "Leurs valeurs seront « non disponible » et les totaux des EPCI concernés aussi. Vérifiez que le fichier couvre tout le département et le même millésime géographique.",
    });
  if (unknown.length > 0)
    findings.push({
      rule: "coverage-unknown",
      severity: "warning",
      file: table.file,
      line: unknown[0].line,
      territory: unknown[0].code,
      message: `${plural(unknown.length, "code commune inconnu", "codes communes inconnus")} ${referential ? `du référentiel national (${referential.vintage})` : "du référentiel"}, ${unknown.length > 1 ? "lignes ignorées" : "ligne ignorée"} : ${list(unknown.map((r) => `« ${r.code} » (ligne ${r.line})`))}.`,
      hint: referential
        ? "Un code plus récent que le référentiel, ou erroné : vérifiez-le ; une correspondance propre à la configuration se déclare dans communeChanges."
        : "Si la commune a fusionné, déclarez la correspondance ancien → nouveau code (communeChanges) ; sinon vérifiez le code.",
    });
  return findings;
}

/** Whether the file's communes cover the région and France, whose sums are published only then. */
function referenceCoverage(rows: { code: string }[], { referential, region, france }: NationalScope, regionName: string): string {
  const scope = FRANCE[france];
  const inRegion = (code: string) => referential.communes.get(code)?.region === region;
  const inFrance = (code: string) => {
    const place = referential.communes.get(code);
    return place !== undefined && scope.includes(place.zone, place.departement);
  };
  const all = [...referential.communes.keys()];
  const said = (name: string, has: (code: string) => boolean) => {
    const [found, expected] = [rows.filter((r) => has(r.code)).length, all.filter(has).length];
    return found === expected ? `${name} couverte (${plural(expected, "commune")})` : `${name} couverte en partie (${formatNumber(found, 0)} communes sur ${formatNumber(expected, 0)}) : ses sommes sont « non disponible »`;
  };
  return `${said(regionName, inRegion)}, ${said(scope.name, inFrance)}`;
}

const KINDS: Record<RenewResult["folded"][number]["kind"], string> = {
  change: "correspondance de la configuration",
  former: "communes fusionnées ou renumérotées",
  arrondissement: "arrondissements municipaux",
};
