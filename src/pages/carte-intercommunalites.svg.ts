// The département's EPCI map, once for the whole site: every portrait's locator map draws over it.
import type { APIRoute } from "astro";
import { epciMapSvg } from "../site/epci-map";
import { siteModel } from "../site/models";

export const GET: APIRoute = () => new Response(epciMapSvg(siteModel()), { headers: { "Content-Type": "image/svg+xml" } });
