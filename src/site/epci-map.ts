// The département's EPCI map as one file of the site, drawn once per build: the background of every
// portrait's locator map (written by src/pages/carte-intercommunalites.svg.ts).
import { createHash } from "node:crypto";
import { epciMapFile } from "../charts/epci-map";
import { withBase } from "../format/base";
import type { SiteModel } from "../model/types";

export const EPCI_MAP_PATH = "/carte-intercommunalites.svg";

type MapSite = Pick<SiteModel, "base" | "maps" | "mapFrame">;

const drawn = new WeakMap<MapSite, { svg: string; href: string }>();

function draw(site: MapSite) {
  let file = drawn.get(site);
  if (!file) {
    const svg = epciMapFile({ frame: site.mapFrame, epcis: site.maps });
    // Its content in the URL: a browser's cache never pairs a portrait with another build's map.
    file = { svg, href: `${withBase(site.base, EPCI_MAP_PATH)}?v=${createHash("sha256").update(svg).digest("hex").slice(0, 12)}` };
    drawn.set(site, file);
  }
  return file;
}

export const epciMapSvg = (site: MapSite): string => draw(site).svg;
export const epciMapHref = (site: MapSite): string => draw(site).href;
