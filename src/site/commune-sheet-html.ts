// A commune sheet's markup, inside the page frame: breadcrumb and article. A function, not an Astro
// component, because at national scale there are 35,000 sheets: the build's worker threads write them
// into one page frame that Astro renders once (commune-sheet-page.ts), instead of Astro's single
// thread laying out each. Every text from the data is escaped here; chart and table markup comes
// escaped from src/charts.
import { escapeHtml as e } from "../format/text";
import type { CommuneSheetView, SheetFigure, SheetTheme } from "./commune-sheet";

const NO_DATA = (epci: { name: string; href: string }) =>
  `<div class="notice"><p><strong>Aucune donnée n'est publiée pour cette commune.</strong> Son intercommunalité n'a pas encore signé sa ` +
  `convention territoriale globale (CTG) avec la caisse d'allocations familiales (CAF) et le département&nbsp;: ses ` +
  `communes seront publiées avec son portrait.</p><p><a href="${e(epci.href)}">Voir la page de ${e(epci.name)}</a></p></div>`;

const UNSIGNED_NOTE =
  "<p>Son intercommunalité n'a pas encore signé sa convention territoriale globale (CTG)&nbsp;: ses chiffres ne sont pas " +
  "publiés, la commune est comparée au département, à la région et à la France.</p>";

function figureBlock(page: number, f: SheetFigure): string {
  const id = `p${page}-figure-titre`;
  return (
    `<div class="block block--figure"><figure aria-labelledby="${id}"><h3 id="${id}" class="block-title">${e(f.title)}</h3>` +
    `<div class="block-chart">${f.html}</div>${f.alt ? `<p class="sr-only">${e(f.alt)}</p>` : ""}` +
    `<figcaption class="block-caption"><span class="block-source">${e(f.source)}</span></figcaption></figure>` +
    `<details class="block-data"><summary>Voir les données<span class="sr-only">&nbsp;: ${e(f.title)}</span></summary>` +
    `<div class="table-scroll" role="region" tabindex="0" aria-label="${e(`Données\u00a0: ${f.title}`)}">${f.data}</div></details></div>`
  );
}

function themeBlock(page: number, i: number, t: SheetTheme): string {
  const id = `p${page}-t${i + 1}-titre`;
  const lines = t.lines.map((l) => `<li data-indicator="${e(l.id)}">${e(l.text)}</li>`).join("");
  return (
    `<div class="block block--table"><figure aria-labelledby="${id}"><h3 id="${id}" class="block-title">${e(t.title)}</h3>` +
    `<div class="table-scroll" role="region" tabindex="0" aria-label="${e(t.title)}">${t.table}</div>` +
    `<ul class="block-lines">${lines}</ul><figcaption class="block-caption">${t.notes.length ? `<span class="block-note">${e(t.notes.join(" ; "))}.</span> ` : ""}` +
    `<span class="block-source">${e(t.source)}</span></figcaption></figure></div>`
  );
}

/** The sheet of `view`, `home` being the link to the site's home page. */
export function communeSheetHtml(view: CommuneSheetView, home: string): string {
  const epci = `<a href="${e(view.epci.href)}">${e(view.epci.name)}</a>`;
  const head = `<span class="sheet-epci">${e(view.name)}</span><span>Fiche communale · ${e(view.epci.name)}${view.fictional ? "<strong> · Données fictives</strong>" : ""}</span>`;
  const pages = view.pages.map(
    (page) =>
      `<section class="sheet" data-page="${page.number}" id="page-${page.number}" aria-labelledby="page-${page.number}-titre">` +
      `<header class="sheet-head">${head}</header><h2 id="page-${page.number}-titre" class="sheet-title">${e(page.title)}</h2>` +
      (page.number === 1 ? `<p class="sheet-lead">${e(view.facts)} ${e(view.epci.name)}.</p>` : "") +
      `<div class="sheet-grid">${page.figure ? figureBlock(page.number, page.figure) : ""}${page.themes.map((t, i) => themeBlock(page.number, i, t)).join("")}</div>` +
      `<footer class="sheet-foot"><span>${e(view.published)}</span><span class="folio">${e(page.folio)}</span></footer></section>`,
  );
  const classes = `portrait commune-sheet${view.hasData ? "" : " portrait--unpublished"}`;
  return (
    `<p class="breadcrumb"><a href="${e(home)}">Intercommunalités</a> <span aria-hidden="true">›</span> ${epci} <span aria-hidden="true">›</span> ${e(view.name)}</p>` +
    `<article class="${classes}" data-agreement="${view.epci.signed ? "signed" : "none"}"><div class="portrait-head"><h1>${e(view.name)}</h1>` +
    `<p class="sheet-lead">${e(view.facts)} ${epci}.</p>` +
    (view.hasData && !view.epci.signed ? UNSIGNED_NOTE : "") +
    (view.hasData
      ? `<p class="portrait-actions">Fiche communale en deux pages, à imprimer au format A4 depuis le navigateur. Données&nbsp;: ` +
        `<a href="donnees.csv" download>CSV</a>, <a href="donnees.json" download>JSON</a>.</p>` +
        // Revealed with its size by `npm run pdf -- --fiches` (src/print/link.ts): hidden until the file exists.
        `<p class="portrait-pdf" data-pdf-link hidden><a href="fiche.pdf">Télécharger le PDF</a> <span data-pdf-size></span></p>`
      : "") +
    `</div>${pages.join("")}${view.hasData ? "" : NO_DATA(view.epci)}</article>`
  );
}
