// Download: the portrait's data as CSV (one row per indicator and level).
import type { APIRoute } from "astro";
import { toCsv } from "../../../downloads/csv";
import { portraitData, publishedCodes } from "../../../site/models";

export function getStaticPaths() {
  return publishedCodes().map((siren) => ({ params: { siren } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(toCsv(portraitData(params.siren!).rows), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
