// A small partner source and its territories, for the request kit's tests.
import type { Territories } from "../../src/territories/types";
import { makeSource } from "../read/helpers";

export const TERRITORIES: Territories = {
  cogVintage: "test",
  departement: { code: "00", name: "Val-Test" },
  region: { code: "00", name: "Région test" },
  communes: [
    { code: "00003", name: "Troisville", epci: "200000001", population: 900 },
    { code: "00001", name: "Unville", epci: "200000001", population: 1200 },
    { code: "00002", name: "Deuxville", epci: "200000002", population: 300 },
  ],
  epcis: [
    { code: "200000001", name: "CC Un", nature: "CC", communes: ["00001", "00003"] },
    { code: "200000002", name: "CC Deux", nature: "CC", communes: ["00002"] },
  ],
};

export const partnerSource = (fields: Record<string, unknown> = {}) =>
  makeSource({
    id: "cd",
    producer: "Département de Val-Test",
    dataset: "Données sociales par commune",
    vintage: "2023",
    licence: "Convention d'échange de données",
    file: "cd_2023.xlsx",
    format: "xlsx",
    code: { column: "Code commune", level: "commune" },
    missingTokens: [""],
    columns: { apa: "Bénéficiaires APA", pch: "Bénéficiaires PCH" },
    partner: {
      contact: "observatoire@gip.example",
      deadline: "2024-03-31",
      period: "au 31 décembre 2023",
      universe: "personnes domiciliées dans la commune",
      variables: { apa: { definition: "Bénéficiaires de l'APA", unit: "bénéficiaires" } },
    },
    ...fields,
  });
