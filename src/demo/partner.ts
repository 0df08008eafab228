// The département's own data, as a partner sends it under the data-exchange convention: the
// template `npm run modeles` writes from the demo's declaration (src/partners), filled in, so that
// the whole path (ask, receive, check, publish) runs in the demo. "s" for 1 or 2 beneficiaries
// (the département blurs them; 3 and 4 come raw, as a convention allows: never published), empty
// cells for what was not transmitted.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { sourceSchema, type Source } from "../declare/schemas";
import { templateOf } from "../partners/template";
import { templateWorkbook, type FilledValue } from "../partners/workbook";
import { Counts } from "./counts";
import type { Dataset } from "./dataset";
import { Profile, mixOf } from "./profile";
import { stream, type Rng } from "./random";
import type { DemoCommune, DemoTerritory } from "./territory";
import type { FileWriter } from "./write";

/** The partner source as the demo declares it: the template asks exactly what the build reads. */
function declared(): Source {
  const { sources } = parse(readFileSync(new URL("../../data/demo/sources.yaml", import.meta.url), "utf8")) as { sources: { id: string }[] };
  return sourceSchema.parse(sources.find((s) => s.id === "departement"));
}

/** The fictional territory as the template reads territories. */
const territoriesOf = (t: DemoTerritory) => ({
  cogVintage: "fictif",
  departement: t.departement,
  region: t.region,
  communes: t.communes.map(({ code, name, epci, population }) => ({ code, name, epci, population })),
  epcis: t.epcis.map(({ code, name, nature, communes }) => ({ code, name, nature, communes: communes.map((c) => c.code) })),
});

export async function writePartner({ seed, territory, census }: Dataset, out: FileWriter): Promise<void> {
  const rng = stream(seed, "departement");
  const n = new Counts(true, rng);
  const villages = territory.communes.filter((c) => c.role === "village");
  const withNursingHome = new Set(rng.shuffle(villages).slice(0, 18).map((c) => c.code));
  const unreported = new Set(villages.filter((c) => c.epci === rng.pick(villages).epci).slice(0, 2).map((c) => c.code));
  // The département blurs 1 or 2 beneficiaries (PCH, RSA) as "s", so that nobody can be recognised.
  const blur = (v: number): FilledValue => (v > 0 && v < 3 ? "s" : v);

  const values = new Map(
    territory.communes.map((c): [string, FilledValue[]] => {
      const rp = census.get(c.code)!;
      const p = new Profile(mixOf(c), c.population, rng);
      const rsa = n.part(rp.P21_MEN, p.rate([0.03, 0.075, 0.02]));
      return [
        c.code,
        [
          n.part(rp.P21_POP75P, p.rate([0.125, 0.11, 0.09])),
          n.part(rp.P21_POP75P, 0.055),
          blur(n.part(c.population, 0.0035)),
          blur(rsa),
          blur(n.part(rsa, 0.84)),
          nursingHomePlaces(c, withNursingHome, rng),
          professionals(c, 13, 0.05, rng),
          unreported.has(c.code) ? null : professionals(c, 15, 0.15, rng),
          Math.round(rp.P21_POP0002 * p.value([0.5, 0.3, 0.52])) + crechePlaces(c, rng),
        ],
      ];
    }),
  );
  const source = declared();
  const template = templateOf(source, territoriesOf(territory));
  out.binary(source.file, await templateWorkbook(template, "xlsx", template.rows.map((row) => values.get(row.code)!)));
}

function nursingHomePlaces(c: DemoCommune, chosen: Set<string>, rng: Rng): number {
  if (c.role === "town") return 760;
  if (c.role === "bourg") return c.kind === "mid" ? rng.int(110, 160) : rng.int(65, 110);
  return chosen.has(c.code) ? rng.int(45, 85) : 0;
}

/** Health professionals: a few per 10,000 in towns, now and then one in a village. */
function professionals(c: DemoCommune, per10000: number, villageChance: number, rng: Rng): number {
  if (c.role !== "village") return Math.max(1, Math.round((c.population * per10000 * rng.factor(0.25)) / 10000));
  return rng() < villageChance * (c.population > 500 ? 3 : 1) ? rng.int(1, 2) : 0;
}

/** Crèche places: the préfecture's big structures, small ones in the bourgs. */
function crechePlaces(c: DemoCommune, rng: Rng): number {
  if (c.role === "town") return 190;
  if (c.role === "bourg") return c.kind === "mid" ? rng.int(30, 48) : rng() < 0.6 ? rng.int(12, 24) : 0;
  if (c.role === "suburb") return rng() < 0.5 ? 20 : 0;
  return 0;
}
