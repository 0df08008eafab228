// Download: the portrait's data as JSON, same rows as the CSV (written after the pages, as the CSV).
import type { APIRoute } from "astro";
import { downloadFiles } from "../../../site/downloads";
import { downloadRouteCodes } from "../../../site/portrait-page";

export function getStaticPaths() {
  return downloadRouteCodes().map((siren) => ({ params: { siren } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(downloadFiles(params.siren!).json as BodyInit, { headers: { "Content-Type": "application/json" } });
