// The commune search: an index built at build time (/recherche.json) and the matching the
// browser runs on it. Browser-safe on purpose (no Node imports): the client script imports it.
import { withBase } from "../format/base";
import { NBSP } from "../format/number";
import { foldForSearch } from "../format/text";
import type { SiteModel } from "../model/types";

/** A commune's EPCI: its portrait, with a note when there is no data to see. */
export interface SearchEpci {
  code: string;
  name: string;
  /** None when the EPCI has no page here (its seat is in another département). */
  href?: string;
  note?: string;
}

export interface SearchIndex {
  epcis: SearchEpci[];
  /** Where the commune sheets are ("/commune/"): a commune of an EPCI with a page here has its sheet at `${sheets}${code}/`. */
  sheets: string;
  /** `key` is the folded name the query is compared with; `epci` indexes `epcis`. */
  communes: { name: string; key: string; code: string; epci: number }[];
}

export interface SearchHit {
  name: string;
  key: string;
  epciName: string;
  /** The commune's sheet, when its EPCI has a page here. */
  href?: string;
  /** Its EPCI's portrait. */
  epciHref?: string;
  note?: string;
}

/** The link to a portrait's page on a site published under `base`. */
export const portraitHref = (base: string, code: string) => withBase(base, `/epci/${code}/`);

export const UNPUBLISHED_NOTE = "portrait non publié";
const OUTSIDE: Omit<SearchEpci, "code"> = { name: "intercommunalité d'un autre département", note: "pas de portrait sur ce site" };

/** Every commune with its folded name and its EPCI, alphabetically. */
export function searchIndex(site: Pick<SiteModel, "base" | "epcis" | "communes">): SearchIndex {
  const epcis: SearchEpci[] = site.epcis.map((e) => ({
    code: e.code,
    name: e.name,
    href: portraitHref(site.base, e.code),
    ...(e.agreement.signed ? {} : { note: UNPUBLISHED_NOTE }),
  }));
  const position = new Map(epcis.map((e, i) => [e.code, i]));
  const communes = site.communes.map((c) => {
    // A commune of the département may belong to an EPCI portrayed by a neighbouring département.
    if (!position.has(c.epci)) position.set(c.epci, epcis.push({ code: c.epci, ...OUTSIDE }) - 1);
    return { name: c.name, key: foldForSearch(c.name), code: c.code, epci: position.get(c.epci)! };
  });
  // By folded name, so the alphabetical list groups "Étienne" with the E and ignores leading punctuation.
  return { epcis, sheets: withBase(site.base, "/commune/"), communes: communes.sort((a, b) => a.key.localeCompare(b.key, "fr") || a.name.localeCompare(b.name, "fr")) };
}

/** The index as JSON with "<" written \u003c: a name like "</script>" stays inert wherever the JSON ends up. */
export const searchIndexJson = (index: SearchIndex): string => JSON.stringify(index).replace(/</g, "\\u003c");

/** How well a folded name answers a folded query: 0 starts with it, 1 a word starts with it, 2 contains it. */
function score(key: string, query: string): number | undefined {
  if (key.startsWith(query)) return 0;
  if (key.includes(` ${query}`)) return 1;
  return key.includes(query) ? 2 : undefined;
}

const hitOf = (index: SearchIndex, c: SearchIndex["communes"][number]): SearchHit => {
  const { name, href, note } = index.epcis[c.epci];
  return { name: c.name, key: c.key, epciName: name, ...(href ? { href: `${index.sheets}${c.code}/`, epciHref: href } : {}), note };
};

/** Communes whose name contains the query (accents, case, hyphens and apostrophes ignored), best first. */
export function matchCommunes(index: SearchIndex, query: string): SearchHit[] {
  const q = foldForSearch(query);
  if (!q) return [];
  return index.communes
    .flatMap((c) => {
      const s = score(c.key, q);
      return s === undefined ? [] : [{ c, s }];
    })
    .sort((a, b) => a.s - b.s || a.c.key.localeCompare(b.c.key, "fr"))
    .map(({ c }) => hitOf(index, c));
}

/** Where submitting the query goes straight to: the only match, or the one named exactly so, if it has a page. */
export function directHit(hits: SearchHit[], query: string): SearchHit | undefined {
  const q = foldForSearch(query);
  const hit = hits.length === 1 ? hits[0] : hits.find((h) => h.key === q);
  return hit?.href ? hit : undefined;
}

/** The live region's message: "3 communes trouvées.", "Aucune commune ne correspond à « xyz »." */
export function resultsMessage(found: number, shown: number, query: string): string {
  if (!foldForSearch(query)) return "";
  if (found === 0) return `Aucune commune ne correspond à «${NBSP}${query.trim()}${NBSP}».`;
  if (found > shown) return `${found} communes trouvées, les ${shown} premières sont affichées${NBSP}: précisez le nom.`;
  return found === 1 ? "1 commune trouvée." : `${found} communes trouvées.`;
}

/** The no-JavaScript fallback: every commune under its initial letter (accents folded), with its EPCI. */
export function communesByLetter(index: SearchIndex): { letter: string; communes: SearchHit[] }[] {
  const groups = new Map<string, SearchHit[]>();
  for (const c of index.communes) {
    const letter = (c.key.charAt(0) || "#").toUpperCase();
    if (!groups.has(letter)) groups.set(letter, []);
    groups.get(letter)!.push(hitOf(index, c));
  }
  return [...groups].map(([letter, communes]) => ({ letter, communes }));
}
