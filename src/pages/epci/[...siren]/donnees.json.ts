// Download: the portrait's data as JSON, same rows as the CSV (written after the pages, as the CSV).
import type { APIRoute } from "astro";
import { downloadFiles } from "../../../site/downloads";
import { renderedPublishedCodes } from "../../../site/models";

export function getStaticPaths() {
  return renderedPublishedCodes().map((siren) => ({ params: { siren } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(downloadFiles(params.siren!).json as BodyInit, { headers: { "Content-Type": "application/json" } });
