// Download: a commune sheet's data as JSON, the same rows as its CSV.
// Routed outside a build only (astro dev): in a build the workers write them beside each sheet
// (src/site/commune-sheet-page.ts).
import type { APIRoute } from "astro";
import { communeFiles } from "../../../downloads/portrait";
import { sheetDownloadRouteCodes } from "../../../site/commune-sheet-page";
import { communeSheetModel } from "../../../site/models";

export const getStaticPaths = () => sheetDownloadRouteCodes().map((code) => ({ params: { code } }));

export const GET: APIRoute = ({ params }) =>
  new Response(communeFiles(communeSheetModel(params.code!)).json as BodyInit, { headers: { "Content-Type": "application/json" } });
