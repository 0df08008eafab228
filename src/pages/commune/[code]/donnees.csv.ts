// Download: a commune sheet's data as CSV (one row per indicator and level), for the sheets with data.
// Routed outside a build only (astro dev): in a build the workers write them beside each sheet
// (src/site/commune-sheet-page.ts).
import type { APIRoute } from "astro";
import { communeFiles } from "../../../downloads/portrait";
import { sheetDownloadRouteCodes } from "../../../site/commune-sheet-page";
import { communeSheetModel } from "../../../site/models";

export const getStaticPaths = () => sheetDownloadRouteCodes().map((code) => ({ params: { code } }));

export const GET: APIRoute = ({ params }) =>
  new Response(communeFiles(communeSheetModel(params.code!)).csv as BodyInit, { headers: { "Content-Type": "text/csv; charset=utf-8" } });
