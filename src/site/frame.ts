// What a portrait page reads of the site model besides its own model: the frame of every page
// (layouts/Base.astro) and what its blocks take (site/portrait.ts blockContext). Picked out so that
// a portrait's reuse key (src/site/reuse.ts) covers exactly that.
import type { SiteModel } from "../model/types";

export interface SiteFrame {
  name: string;
  base: string;
  publisher: string;
  fictional: boolean;
  date: string;
  cogVintage: string;
}

export const siteFrame = (site: SiteModel): SiteFrame => ({
  name: site.site.name,
  base: site.base,
  publisher: site.site.publisher,
  fictional: site.fictional,
  date: site.build.date,
  cogVintage: site.build.cogVintage,
});

export type BlockSite = Pick<SiteModel, "base" | "groupLevelName" | "epcis" | "maps" | "mapFrame">;

export const blockSite = (site: SiteModel): BlockSite => ({ base: site.base, groupLevelName: site.groupLevelName, epcis: site.epcis, maps: site.maps, mapFrame: site.mapFrame });
