// Download: the portrait's data as CSV (one row per indicator and level). Routed outside a build only
// (astro dev): a build puts the files its pages made in place itself (src/site/portrait-page.ts). A rest
// parameter, unlike the page's [siren], so that Astro writes the downloads after the pages, which make them.
import type { APIRoute } from "astro";
import { downloadFiles } from "../../../site/downloads";
import { downloadRouteCodes } from "../../../site/portrait-page";

export function getStaticPaths() {
  return downloadRouteCodes().map((siren) => ({ params: { siren } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(downloadFiles(params.siren!).csv as BodyInit, { headers: { "Content-Type": "text/csv; charset=utf-8" } });
