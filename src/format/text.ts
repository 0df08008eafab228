// Text helpers: HTML escaping, label truncation, French lists, search folding.

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

const SPECIAL = /[&<>"']/;

/** For every data string concatenated into HTML by hand (text or attribute value). */
export function escapeHtml(s: string): string {
  // Most texts have nothing to escape: tested first, as replace with a callback costs even then.
  return SPECIAL.test(s) ? s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]) : s;
}

/** Cuts a label to `max` characters with an ellipsis; counts code points, not UTF-16 units. */
export function truncate(s: string, max: number): string {
  const chars = Array.from(s.trim());
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}

/** "a", "a et b", "a, b et c". */
export function joinFrench(items: string[]): string {
  return items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} et ${items[items.length - 1]}`;
}

/** "Saint-Étienne-du-Rouvray (Œuvre)" → "saint etienne du rouvray oeuvre": what a search box compares. */
export function foldForSearch(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** URL-safe identifier: "L'Haÿ-les-Roses" → "l-hay-les-roses". */
export function slugify(s: string): string {
  return foldForSearch(s).replace(/ /g, "-");
}
