// The commune search index: every commune, its folded name and its EPCI (read by the search form's script).
import type { APIRoute } from "astro";
import { siteModel } from "../site/models";
import { searchIndex, searchIndexJson } from "../site/search";

export const GET: APIRoute = () =>
  new Response(searchIndexJson(searchIndex(siteModel())), { headers: { "Content-Type": "application/json; charset=utf-8" } });
