// Small French wordings the pages need: articles, dates, EPCI natures, theme names.
import type { THEMES } from "../declare/schemas";

/** Head nouns of the usual names of the intermediate level that are feminine (the rest take « le »). */
const FEMININE = new Set(["maison", "circonscription", "direction", "agence", "antenne", "délégation", "zone", "plateforme", "cellule"]);

/** "Maison des solidarités" → "la Maison des solidarités", "Espace social" → "l'Espace social": what comparisonSentence needs. */
export function withArticle(name: string): string {
  const head = name.trim().split(/[\s-]/)[0].toLowerCase();
  if (/^[aeiouyàâäéèêëîïôöûüh]/.test(head)) return `l'${name.trim()}`;
  return `${FEMININE.has(head) ? "la" : "le"} ${name.trim()}`;
}

/** "la Maison…" → "de la Maison…", "le Pôle…" → "du Pôle…", "l'Espace…" → "de l'Espace…". */
export function withDe(withArticleName: string): string {
  return withArticleName.startsWith("le ") ? `du ${withArticleName.slice(3)}` : `de ${withArticleName}`;
}

const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/** "2026-01-15" → "15 janvier 2026", "2026-03-01" → "1er mars 2026"; anything else is returned as is. */
export function frenchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const day = Number(m[3]);
  return `${day === 1 ? "1er" : day} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

const NATURES: Record<string, string> = {
  CC: "Communauté de communes",
  CA: "Communauté d'agglomération",
  CU: "Communauté urbaine",
  ME: "Métropole",
  MET: "Métropole",
  METRO: "Métropole",
  EPT: "Établissement public territorial",
};

/** The EPCI's legal nature in words ("CA" → "Communauté d'agglomération"); unknown codes are kept. */
export const natureLabel = (nature: string): string => NATURES[nature.toUpperCase()] ?? nature;

/** Theme titles of the methods page, in the catalogue's order. */
export const THEME_LABELS: Record<(typeof THEMES)[number], string> = {
  territoire: "Territoire et population",
  familles: "Familles, ménages et petite enfance",
  revenus: "Revenus, pauvreté et accès aux droits",
  emploi: "Emploi, formation et insertion",
  logement: "Logement et cadre de vie",
  sante: "Vieillissement, handicap et santé",
};
