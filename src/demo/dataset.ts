// Everything the producer files are written from: the territory and the census of each commune
// and of the three reference territories. Other producers derive their counts from it.
import { censusOf, type Census } from "./census";
import { tessellate } from "./geometry";
import { FRANCE_MIX, REGION_MIX, mixOf, type Mix } from "./profile";
import { stream } from "./random";
import type { DemoScale } from "./scale";
import { buildTerritory, type DemoCommune, type DemoTerritory } from "./territory";

export interface Reference {
  level: "departement" | "region" | "france";
  code: string;
  name: string;
  census: Census;
  mix: Mix;
}

export interface Dataset {
  seed: number;
  territory: DemoTerritory;
  census: Map<string, Census>;
  references: Reference[];
}

/** Communes from this size on get fractional (weighted) census counts. */
const WEIGHTED_FROM = 2000;
const REGION_SIZE = { population: 5_841_276, area: 71_308.4 };
const FRANCE_SIZE = { population: 67_162_154, area: 632_733.9 };
/** France has no INSEE code of its own; files use this one. */
const FRANCE_CODE = "FR";

export function buildDataset(seed: number, scale: DemoScale): Dataset {
  const territory = buildTerritory(tessellate(stream(seed, "geometry"), scale.communes, scale.outline), stream(seed, "territory"), scale);
  const rng = stream(seed, "census");
  const census = new Map(
    territory.communes.map((c) => [c.code, censusOf({ population: c.population, area: c.area, mix: mixOf(c), whole: c.population < WEIGHTED_FROM, rng })]),
  );
  const population = territory.communes.reduce((sum, c) => sum + c.population, 0);
  const departementMix = averageMix(territory.communes);
  const references: Reference[] = [
    { level: "departement", ...territory.departement, census: sumOf([...census.values()]), mix: departementMix },
    { level: "region", ...territory.region, census: censusOf({ ...REGION_SIZE, mix: REGION_MIX, whole: false, jobRatio: 1.01 }), mix: REGION_MIX },
    { level: "france", code: FRANCE_CODE, name: "France", census: censusOf({ ...FRANCE_SIZE, mix: FRANCE_MIX, whole: false, jobRatio: 0.99 }), mix: FRANCE_MIX },
  ];
  if (references[0].census.P21_POP !== population) throw new Error("somme des populations incohérente");
  return { seed, territory, census, references };
}

function sumOf(records: Census[]): Census {
  const total: Census = {};
  for (const record of records) for (const [column, value] of Object.entries(record)) total[column] = (total[column] ?? 0) + value;
  total.SUPERF = Math.round(total.SUPERF * 100) / 100;
  return total;
}

/** The département's archetype mix, weighted by population (for producers' own département totals). */
function averageMix(communes: DemoCommune[]): Mix {
  const total = communes.reduce((sum, c) => sum + c.population, 0);
  const mix: Mix = { rural: 0, urban: 0, suburb: 0 };
  for (const c of communes) {
    const m = mixOf(c);
    mix.rural += (m.rural * c.population) / total;
    mix.urban += (m.urban * c.population) / total;
    mix.suburb += (m.suburb * c.population) / total;
  }
  return mix;
}
