// Download: the portrait's data as CSV (one row per indicator and level).
import type { APIRoute } from "astro";
import { toCsv } from "../../../downloads/csv";
import { dataRows } from "../../../downloads/rows";
import { publishedCodes, portraitModel } from "../../../site/models";

export function getStaticPaths() {
  return publishedCodes().map((siren) => ({ params: { siren } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(toCsv(dataRows(portraitModel(params.siren!))), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
