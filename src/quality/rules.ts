// Every check a build makes before publishing, and whether it blocks publication: listed on the
// methods page so that readers and staff know what was verified.
import type { Severity } from "./findings";

export interface QualityRule {
  rule: string;
  /** Two severities when it depends on the case, said in `what`. */
  severity: Severity | "error-or-warning";
  what: string;
}

export const SEVERITY_LABELS: Record<QualityRule["severity"], string> = {
  error: "Erreur : bloque la publication",
  "error-or-warning": "Erreur ou avertissement, selon le cas",
  warning: "Avertissement : à vérifier, n'empêche pas de publier",
  info: "Pour information",
};

export const QUALITY_RULES: QualityRule[] = [
  { rule: "read", severity: "error", what: "Fichier illisible : séparateur, encodage, colonne absente, texte dans une colonne de nombres, ligne en double." },
  { rule: "implausible-count", severity: "error", what: "Effectif plus grand que la population de toute la France dans un fichier (chiffres en trop, colonne décalée)." },
  { rule: "bounds-negative", severity: "error", what: "Effectif ou taux négatif." },
  { rule: "bounds-share", severity: "error-or-warning", what: "Part au-dessus de 100 % : erreur quand numérateur et dénominateur viennent du même fichier, avertissement quand ils viennent de producteurs différents (effectifs arrondis, autres millésimes)." },
  { rule: "vintage-older", severity: "error", what: "Millésime plus ancien que celui déjà publié." },
  { rule: "value-jump", severity: "error", what: "Valeur d'une intercommunalité cent fois plus grande ou plus petite que celle déjà publiée (hors pourcentages)." },
  { rule: "other-site", severity: "error", what: "Le dossier de publication contient le site d'une autre configuration (autre département)." },
  { rule: "partner-negative", severity: "error", what: "Effectif négatif dans le fichier rendu par un partenaire (cellule nommée comme dans le tableur, Communes!D14)." },
  { rule: "count-falls", severity: "warning", what: "Effectif qui baisse de plus de 10 % depuis la publication précédente." },
  { rule: "reference-sum", severity: "warning", what: "Valeur publiée par le producteur pour la région ou la France et somme de ses communes qui s'écartent de plus de 1 %." },
  { rule: "coverage-missing", severity: "warning", what: "Communes du département sans ligne dans un fichier : leurs valeurs sont « non disponible »." },
  { rule: "coverage-unknown", severity: "warning", what: "Codes de communes inconnus du référentiel national, groupés par fichier." },
  { rule: "partner-awaited", severity: "warning", what: "Fichier d'un partenaire déclaré mais pas encore arrivé : ses indicateurs sont « non disponible »." },
  { rule: "partner-rows", severity: "warning", what: "Communes du modèle absentes du fichier d'un partenaire, ou lignes qui n'en sont pas." },
  { rule: "partner-column", severity: "warning", what: "Colonne inconnue du modèle dans le fichier d'un partenaire, ignorée." },
  { rule: "declaration", severity: "warning", what: "Indicateurs du catalogue que les fichiers déclarés ne permettent pas de calculer." },
  { rule: "territories", severity: "warning", what: "Intercommunalités à cheval sur plusieurs départements, conventions territoriales inconnues." },
  { rule: "geometry", severity: "warning", what: "Contours de communes absents, en double ou illisibles." },
  { rule: "vintage-mix", severity: "info", what: "Indicateur calculé avec des données de millésimes différents." },
  { rule: "coverage-summary", severity: "info", what: "Bilan de chaque fichier : lignes pour le département, pour la région et la France, rattachées, ignorées." },
  { rule: "partner-adapted", severity: "info", what: "Fichier d'un partenaire lu tel qu'envoyé : ligne de total écartée, colonne renommée reprise à sa place." },
  { rule: "partner-small", severity: "info", what: "Valeurs de 1 à 4 envoyées par un partenaire, comptées par colonne : jamais publiées (secret statistique)." },
  { rule: "commune-change", severity: "info", what: "Lignes de communes fusionnées, renumérotées ou d'arrondissements municipaux rattachées à leur commune actuelle." },
];
