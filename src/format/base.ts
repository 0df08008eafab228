// The path a site is published under on its host: "/" at a domain's root, "/portraits/" in a
// sub-folder or a GitHub Pages project. Every link a page, the search index or an SVG carries is
// written from the site's root and goes through withBase. Browser-safe (no Node imports).

/** One folder name of a URL path: letters, digits and - _ . ~ (nothing a host would read otherwise). */
const SEGMENT = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/;

/** What is wrong with `value` as a site's path, in French; undefined when it is one. */
export function baseProblem(value: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith("//"))
    return "une adresse complète n'est pas un chemin : donnez seulement le chemin du site sur son hébergement, par exemple /portraits/";
  const inner = trimSlashes(value);
  if (inner === "" || inner.split("/").every((s) => SEGMENT.test(s))) return undefined;
  return "un chemin comme /portraits/ ou /gip/portraits/ est attendu : des noms de dossier faits de lettres sans accent, chiffres et - _ . ~, séparés par des /";
}

/** `value` with one leading and one trailing slash: "portraits" → "/portraits/", "" → "/". */
export function normalizeBase(value: string): string {
  const inner = trimSlashes(value);
  return inner ? `/${inner}/` : "/";
}

const trimSlashes = (value: string) => value.replace(/^\/+|\/+$/g, "");

/** A path from the site's root ("/epci/200000001/") as it is linked on a site published under `base`. */
export const withBase = (base: string, path: string): string => base + path.replace(/^\//, "");
