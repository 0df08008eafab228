// Download: a commune sheet's data as CSV (one row per indicator and level), for the sheets with data.
import type { APIRoute } from "astro";
import { communeFiles } from "../../../downloads/portrait";
import { communeSheetModel, publishedSheetCodes } from "../../../site/models";

export const getStaticPaths = () => publishedSheetCodes().map((code) => ({ params: { code } }));

export const GET: APIRoute = ({ params }) =>
  new Response(communeFiles(communeSheetModel(params.code!)).csv as BodyInit, { headers: { "Content-Type": "text/csv; charset=utf-8" } });
