import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCommuneChanges } from "../../src/territories/changes";
import { fromFiles } from "../../src/territories/files";
import { withGroups } from "../../src/territories/groups";
import { fixtures, problemsOf, tmpFile } from "./helpers";

const { territories } = fromFiles({
  communes: join(fixtures, "communes.csv"),
  epcis: join(fixtures, "epcis.csv"),
  departement: { code: "99", name: "Fictif" },
  region: { code: "99", name: "Région fictive" },
  cogVintage: "fictif 2025",
});

describe("withGroups", () => {
  it("adds the groups and each commune's group", () => {
    const t = withGroups(territories, "Maison des solidarités", join(fixtures, "groups.csv"));
    expect(t.groups).toEqual({
      levelName: "Maison des solidarités",
      items: [
        { code: "MDS1", name: "MDS Nord", communes: ["99001", "99002"] },
        { code: "MDS2", name: "MDS Sud", communes: ["99003", "99004"] },
      ],
    });
    expect(t.communes.map((c) => c.group)).toEqual(["MDS1", "MDS1", "MDS2", "MDS2"]);
  });

  it("reports missing, unknown, repeated and doubly-assigned communes", () => {
    const file = tmpFile("groups.csv", "commune;code_groupe;nom_groupe\n99001;MDS1;MDS Nord\n99001;MDS1;MDS Nord\n99002;MDS2;Sud\n99077;MDS2;MDS Sud\n");
    expect(problemsOf(() => withGroups(territories, "MDS", file))).toEqual([
      "ligne 3 : la commune 99001 apparaît deux fois",
      "ligne 5 : le groupe MDS2 porte deux noms : « Sud » et « MDS Sud »",
      "ligne 5 : commune 99077 inconnue dans le département 99",
      "2 commune(s) du département sans groupe : 99003, 99004",
    ]);
  });

  it("accepts former codes of a merged commune, in one group only", () => {
    const renew = readCommuneChanges(join(fixtures, "changes.csv"));
    const old = "commune;code_groupe;nom_groupe\n99001;G1;Nord\n99002;G1;Nord\n99003;G2;Sud\n99004;G2;Sud\n99005;G2;Sud\n";
    expect(withGroups(territories, "MDS", tmpFile("g.csv", old), renew).groups!.items[1].communes).toEqual(["99003", "99004"]);
    const split = old.replace("99005;G2;Sud", "99006;G1;Nord");
    expect(problemsOf(() => withGroups(territories, "MDS", tmpFile("g.csv", split), renew))).toEqual([
      "ligne 6 : la commune 99004 (ex-99006) est rattachée à deux groupes : G2 et G1",
    ]);
  });
});
