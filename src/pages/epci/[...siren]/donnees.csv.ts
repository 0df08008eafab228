// Download: the portrait's data as CSV (one row per indicator and level). A rest parameter, unlike the
// page's [siren], so that Astro writes the downloads after the pages, which make them (src/site/downloads.ts).
import type { APIRoute } from "astro";
import { downloadFiles } from "../../../site/downloads";
import { renderedPublishedCodes } from "../../../site/models";

export function getStaticPaths() {
  return renderedPublishedCodes().map((siren) => ({ params: { siren } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(downloadFiles(params.siren!).csv as BodyInit, { headers: { "Content-Type": "text/csv; charset=utf-8" } });
