// Links the pages write from the site's root, under the path this build publishes the site at (--base).
import { withBase } from "../format/base";
import { siteModel } from "./models";

/** "/methodes/" as this build's pages link it: "/portraits/methodes/" for a site under /portraits/. */
export const sitePath = (path: string): string => withBase(siteModel().base, path);

/** An indicator's page across the département (src/pages/indicateur): where every mention of it links. */
export const indicatorPath = (id: string): string => sitePath(`/indicateur/${id}/`);
