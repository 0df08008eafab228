// The items of the alphabetical list of every commune (/communes/), each to its sheet and its EPCI's portrait: about 35,000 at national scale,
// written as one string per letter, which Astro inserts much faster than one expression per item.
import { escapeHtml } from "../format/text";
import type { SearchHit } from "./search";

export function communeItemsHtml(communes: SearchHit[]): string {
  return communes
    .map((c) => {
      const name = c.href ? `<a href="${escapeHtml(c.href)}">${escapeHtml(c.name)}</a>` : escapeHtml(c.name);
      const epci = c.epciHref ? `<a href="${escapeHtml(c.epciHref)}">${escapeHtml(c.epciName)}</a>` : escapeHtml(c.epciName);
      const note = c.note ? `<span class="epci-detail"> (${escapeHtml(c.note)})</span>` : "";
      return `<li><span class="commune-name">${name}</span>&nbsp;: ${epci}${note}</li>`;
    })
    .join("");
}
