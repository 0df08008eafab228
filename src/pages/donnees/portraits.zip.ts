// Download: the whole dataset in one archive.
import type { APIRoute } from "astro";
import { datasetArchive } from "../../downloads/archive";
import { portraitData, publishedCodes, siteModel } from "../../site/models";

export const GET: APIRoute = () => {
  const rows = publishedCodes().flatMap((code) => portraitData(code).rows);
  return new Response(datasetArchive(siteModel(), rows) as BodyInit, { headers: { "Content-Type": "application/zip" } });
};
