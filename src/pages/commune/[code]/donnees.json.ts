// Download: a commune sheet's data as JSON, the same rows as its CSV.
import type { APIRoute } from "astro";
import { communeFiles } from "../../../downloads/portrait";
import { communeSheetModel, publishedSheetCodes } from "../../../site/models";

export const getStaticPaths = () => publishedSheetCodes().map((code) => ({ params: { code } }));

export const GET: APIRoute = ({ params }) =>
  new Response(communeFiles(communeSheetModel(params.code!)).json as BodyInit, { headers: { "Content-Type": "application/json" } });
