// Download: the portrait's data as JSON, same rows as the CSV.
import type { APIRoute } from "astro";
import { dataRows } from "../../../downloads/rows";
import { publishedCodes, portraitModel } from "../../../site/models";

export function getStaticPaths() {
  return publishedCodes().map((siren) => ({ params: { siren } }));
}

export const GET: APIRoute = ({ params }) => {
  const model = portraitModel(params.siren!);
  return Response.json({ epci: model.epci.code, nom: model.epci.name, licence: "Licence Ouverte 2.0", lignes: dataRows(model) });
};
