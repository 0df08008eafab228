// Download: the portrait's data as JSON, same rows as the CSV.
import type { APIRoute } from "astro";
import { portraitData, publishedCodes } from "../../../site/models";

export function getStaticPaths() {
  return publishedCodes().map((siren) => ({ params: { siren } }));
}

export const GET: APIRoute = ({ params }) => {
  const { code, name, rows } = portraitData(params.siren!);
  return Response.json({ epci: code, nom: name, licence: "Licence Ouverte 2.0", lignes: rows });
};
