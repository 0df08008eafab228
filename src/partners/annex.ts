// The annex of the data-exchange convention, for one partner: the data asked with their
// definitions, the perimeter, the level, the format, the deadline, the source mention as the
// portraits print it and the secrecy rule. Written from the template, so it asks exactly what the build reads.
import { sourceMention } from "../format/source";
import { escapeHtml } from "../format/text";
import { frenchDate } from "../site/labels";
import { fillingRules, returnLine } from "./notice";
import type { Template } from "./template";

const LEVEL = { commune: "la commune", epci: "l'EPCI (intercommunalité)", iris: "l'IRIS (quartier INSEE), ramené ensuite à la commune" };

/** A self-contained A4 HTML page (no external file: it prints the same anywhere). */
export function annexHtml(t: Template, publisher: string): string {
  const e = escapeHtml;
  const variables = t.columns.filter((c) => c.variable);
  const perimeter = {
    epci: `les ${t.rows.length} EPCI du département ${t.departement}`,
    commune: `les ${t.rows.length} communes du département ${t.departement} (liste dans la feuille « ${t.sheet} » du modèle)`,
    iris: `les IRIS des communes du département ${t.departement}`,
  }[t.level];
  const rows = variables
    .map((c) => `<tr><th scope="row"><code>${e(c.name)}</code></th><td>${e(c.definition)}</td><td>${e(c.unit)}</td><td>${e(c.period)}</td><td>${e(c.universe)}</td></tr>`)
    .join("\n");
  const facts: [string, string][] = [
    ["Partenaire", t.producer],
    ["Données", t.dataset],
    ["Millésime demandé", t.vintage],
    ["Périmètre", perimeter],
    ["Niveau géographique le plus fin", LEVEL[t.level]],
    ["Format", `classeur .xls, .xlsx ou .ods (le modèle fourni, ${t.fileBase}.xlsx ou .ods) ; la première ligne comporte les en-têtes des colonnes, les lignes suivantes les données, une ligne par ${t.level === "epci" ? "EPCI" : t.level === "iris" ? "IRIS" : "commune"}`],
    ["Date limite de transmission", t.deadline ? frenchDate(t.deadline) : "à convenir"],
    ["Mention de la source sur les portraits", `Source : ${sourceMention(t)}.`],
    ["Licence de réutilisation", t.licence],
    ["Secret statistique", "aucune donnée dont l'effectif serait inférieur à 5 n'est publiée ; le partenaire écrit « " + t.secret + " » pour un effectif de 1 à 4"],
  ];
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Annexe à la convention d'échange de données — ${e(t.producer)}</title>
<style>
@page { size: A4; margin: 18mm 16mm; }
body { font: 10pt/1.4 "DejaVu Sans", Arial, sans-serif; color: #111; margin: 0; }
h1 { font-size: 15pt; margin: 0 0 4mm; }
h2 { font-size: 11.5pt; margin: 6mm 0 2mm; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.5pt solid #777; padding: 1.5mm 2mm; text-align: left; vertical-align: top; }
thead th { background: #e8e8e8; }
tr { break-inside: avoid; }
dl { display: grid; grid-template-columns: 55mm 1fr; gap: 1.5mm 4mm; margin: 0; }
dt { font-weight: bold; }
dd { margin: 0; }
code { font-size: 9pt; }
</style>
</head>
<body>
<h1>Annexe à la convention d'échange de données entre ${e(publisher)} et ${e(t.producer)}</h1>
<dl>
${facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join("\n")}
</dl>
<h2>Données demandées</h2>
<table>
<thead><tr><th scope="col">Colonne du fichier</th><th scope="col">Définition</th><th scope="col">Unité</th><th scope="col">Date ou période</th><th scope="col">Champ</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<h2>Règles de remplissage</h2>
<ul>
${fillingRules(t).map((r) => `<li>${e(r)}</li>`).join("\n")}
</ul>
<p>${e(returnLine(t))}</p>
</body>
</html>
`;
}
