// What the partner reads before filling the template: each variable's definition, period and
// universe, and the rules of the convention. The « Notice » sheet and the annex both say it from here.
import { frenchDate } from "../site/labels";
import type { Template } from "./template";

const ROWS = { commune: "commune", epci: "EPCI", iris: "IRIS" } as const;

/** The rules of filling, in the order the partner needs them. */
export function fillingRules(t: Template): string[] {
  const row = ROWS[t.level];
  return [
    t.level === "iris"
      ? "Une ligne par IRIS (code IRIS à 9 caractères dans la première colonne), pour tous les IRIS des communes du département."
      : `Une ligne par ${row} : ne pas ajouter, supprimer ni réordonner de lignes ; ne pas ajouter, supprimer ni renommer de colonnes.`,
    "Dans chaque cellule de données : un nombre supérieur ou égal à 0, sans unité ni texte.",
    `Écrire « ${t.secret} » pour un effectif de 1 à 4 (secret statistique) ; jamais 0 pour une valeur secrète : 0 veut dire qu'il n'y a personne.`,
    "Laisser la cellule vide pour une donnée non transmise ; elle sera publiée « non disponible ».",
    "Aucune donnée personnelle : des effectifs par territoire seulement, jamais de nom, d'adresse ni de ligne par personne.",
    "Aucun effectif inférieur à 5 n'est publié : les valeurs de 1 à 4 reçues sont cachées, ainsi que celles qui permettraient de les retrouver par différence.",
  ];
}

/** How to send the file back: to whom, by when, under which name. */
export function returnLine(t: Template): string {
  const by = t.deadline ? ` avant le ${frenchDate(t.deadline)}` : "";
  return `Renvoyer le fichier rempli à ${t.contact}${by}, sous le nom ${t.fileBase} (.xlsx, .xls, .ods ou .csv).`;
}

/** The « Notice » sheet, as rows of cells. */
export function noticeRows(t: Template): string[][] {
  return [
    [`${t.dataset} — ${t.producer}, millésime ${t.vintage}`],
    [`Périmètre : ${t.level === "epci" ? "les EPCI" : "les communes"} du département ${t.departement} (feuille « ${t.sheet} »).`],
    [],
    ["Colonne", "Définition", "Unité", "Date ou période", "Champ"],
    ...t.columns.map((c) => [c.name, c.definition, c.unit, c.variable ? c.period : "", c.variable ? c.universe : ""]),
    [],
    ["Règles"],
    ...fillingRules(t).map((rule) => [`• ${rule}`]),
    [],
    [returnLine(t)],
  ];
}

/** The note on a variable's header cell: what to write in its column. */
export const headerNote = (t: Template, c: Template["columns"][number]) =>
  `${c.definition} (${c.unit}, ${c.period}). Un nombre ≥ 0, « ${t.secret} » pour 1 à 4, vide si non transmis.`;
