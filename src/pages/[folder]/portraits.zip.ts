// Download: the whole dataset in one archive, /donnees/portraits.zip. The folder is a parameter only
// because Astro writes a route whose first segment is dynamic after all the others: the pages have
// then made every portrait's CSV, which the archive takes as they are (src/site/downloads.ts).
import type { APIRoute } from "astro";
import { portraitsArchive } from "../../site/downloads";

export function getStaticPaths() {
  return [{ params: { folder: "donnees" } }];
}

export const GET: APIRoute = async () =>
  new Response((await portraitsArchive()) as BodyInit, { headers: { "Content-Type": "application/zip" } });
