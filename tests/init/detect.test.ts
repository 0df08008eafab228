// What init tells of a file on its own, before anything is declared: how its text is written
// (sniff.ts), the level of its codes (levels.ts) and which official layout and vintage it is (layouts.ts),
// on files written here in the producers' layouts (rows cut from realdata/france, a few columns kept).
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { inspectFolder, type InspectedTable } from "../../src/init/inspect";
import { assemble } from "../../src/init/assemble";
import { recognise } from "../../src/init/layouts";
import { levelOfCodes } from "../../src/init/levels";
import { sniffText, sniffValues } from "../../src/init/sniff";
import { tempDir } from "../read/helpers";

const latin1 = (text: string) => Buffer.from(text, "latin1");

/** The tables init finds in a folder holding `files`. */
async function tables(files: Record<string, string | Uint8Array>): Promise<InspectedTable[]> {
  return (await inspectFolder(tempDir(files))).filter((i): i is InspectedTable => i.kind === "table");
}

describe("how a text file is written", () => {
  it("tells UTF-8 with its BOM, CRLF and the separator", () => {
    expect(sniffText(strToU8("\uFEFFCODGEO;LIBGEO;P22_POP\r\n32013;Auch;21000\r\n32107;Fleurance;6000\r\n"))).toEqual({ bom: true, encoding: "utf-8", separator: ";", headerRow: 1 });
    expect(sniffText(strToU8("codgeo,libgeo,pop\n32013,Auch,21000\n32107,Fleurance,6000\n"))).toMatchObject({ bom: false, separator: "," });
    expect(sniffText(strToU8("CODGEO\tP22_POP\n32013\t21000\n32107\t6000\n"))).toMatchObject({ separator: "\t" });
  });

  it("tells Latin-1 from its bytes, and a UTF-8 character cut at the end of the sample is no evidence", () => {
    expect(sniffText(latin1("CODGEO;LIBGEO\n32013;Auch\n32383;Saint-Créac\n")).encoding).toBe("latin1");
    const cut = strToU8("CODGEO;LIBGEO\n32013;Auch\n32383;Saint-Créac\n32384;Saint-É").slice(0, -1);
    expect(sniffText(cut).encoding).toBe("utf-8");
  });

  it("finds the header below the title rows, blank lines counted", async () => {
    const text = "Populations légales 2022;;\n\nSource : Insee;;\nCOM;Commune;PMUN\n32013;Auch;21000\n32107;Fleurance;6000\n32003;Aignan;700\n";
    expect(sniffText(strToU8(text)).headerRow).toBe(4);
    const [table] = await tables({ "pop.csv": text });
    expect(table.header).toEqual(["COM", "Commune", "PMUN"]);
    expect(table.values.get("COM")).toEqual(["32013", "32107", "32003"]);
  });

  it("tells the decimal mark and the secret and missing markers from the numeric columns", () => {
    // Filosofi 2021's rates: « s » for a secret cell beside decimal commas.
    expect(sniffValues([["25820", "24480"], ["s", "12,5", "nd", "3,0"]])).toEqual({ decimal: ",", seen: { comma: 2, dot: 0 }, secretTokens: ["s"], missingTokens: ["nd"] });
    expect(sniffValues([["8.9", "15.21"], ["Auch", "Fleurance"]])).toMatchObject({ decimal: ".", seen: { comma: 0, dot: 2 }, secretTokens: [] });
    // A column of names is no numeric column: its words are no markers.
    expect(sniffValues([["Auch", "s"]]).secretTokens).toEqual([]);
  });
});

describe("the level of a file's codes", () => {
  const REGIONS = ["11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94"];
  it("tells régions from départements, whose codes they share (32 is the Gers, or the Hauts-de-France)", () => {
    expect(levelOfCodes(REGIONS)).toMatchObject({ level: "region", confidence: "probable" });
    const departements = Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, "0")).filter((c) => c !== "20").concat("2A", "2B");
    expect(levelOfCodes(departements)).toMatchObject({ level: "departement", confidence: "sûr" });
    expect(levelOfCodes(["31", "32", "40", "47"])).toMatchObject({ level: "departement", confidence: "probable" });
  });

  it("tells communes, EPCIs and France", () => {
    expect(levelOfCodes(["32013", "2A004", "69381"])?.level).toBe("commune");
    expect(levelOfCodes(["200040590", "200046977"])?.level).toBe("epci");
    expect(levelOfCodes(["FRM"])?.level).toBe("france");
    expect(levelOfCodes([])).toBeUndefined();
  });
});

describe("the official layout and its vintage, from the column names", () => {
  it("reads the census vintage from P22_ and the older census from P16_", async () => {
    const [table] = await tables({ "base.csv": "\uFEFFCODGEO;P22_POP;P16_POP;SUPERF;NAISD24\r\n32013;21000;21500;25.2;180\r\n32107;6000;6100;40.1;50\r\n" });
    const r = recognise(table)!;
    expect(r.layout).toBe("base du comparateur de territoires (INSEE)");
    expect(r.offers.find((o) => o.source === "insee-rp")).toMatchObject({ vintage: "2022", variables: { pop: { column: "P<AA>_POP" }, pop_precedent: { column: "P<AA>_POP", vintage: "2016" } } });
    expect(r.offers.find((o) => o.source === "insee-etat-civil")?.vintage).toBe("2024");
  });

  it("reads Filosofi 2021's vintage from MED21, its secret « s », and 2019's empty secret cells", async () => {
    const [cc, disp] = await tables({
      "a.csv": "CODGEO;NBMENFISC21;MED21;TP6021\n01001;346;25820;s\n01004;6711;21700;16,5\n",
      "b.csv": "\uFEFFCODGEO;LIBGEO;NBMEN19;Q119;Q219\r\n01001;L'Abergement-Clémenciat;322;;23970\r\n01004;Ambérieu-en-Bugey;6711;14940;20510\r\n",
    });
    expect(recognise(cc)).toMatchObject({ layout: "Filosofi 2021, base communale (« cc_filosofi »)", secretTokens: ["s"], offers: [{ vintage: "2021" }] });
    expect(recognise(disp)).toMatchObject({ layout: "Filosofi 2019, niveau de vie (« DISP »)", secretTokens: [""], offers: [{ vintage: "2019" }] });
  });

  it("reads a CSV inside a ZIP archive, Latin-1 and comma decimals included", async () => {
    const csv = latin1("CODGEO;LIBGEO;NBMEN19;Q219\n32013;Auch;10500;20740,5\n32383;Saint-Créac;80;21010\n");
    const [table] = await tables({ "filo.zip": zipSync({ "FILO2019_DISP_COM.csv": csv, "meta.txt": strToU8("notice") }) });
    expect(table).toMatchObject({ file: "filo.zip", member: "FILO2019_DISP_COM.csv", text: { encoding: "latin1", separator: ";" }, marks: { decimal: "," } });
    expect(table.values.get("LIBGEO")).toContain("Saint-Créac");
    expect(recognise(table)?.level.level).toBe("commune");
  });

  it("recognises nothing in a file of other columns", async () => {
    const [table] = await tables({ "anct.csv": "codgeo;libgeo;an;tx_morta\n32;Gers;1968-1975;12,1\n" });
    expect(recognise(table)).toBeUndefined();
  });
});

describe("the populations légales' vintage, which their files do not write", () => {
  const LEGAL = "REG;Région;DEP;CODARR;CODCAN;CODCOM;COM;Commune;PMUN;PCAP;PTOT\n76;Occitanie;32;2;02;013;32013;Auch;21000;500;21500\n76;Occitanie;32;1;05;107;32107;Fleurance;6000;100;6100\n76;Occitanie;32;1;01;003;32003;Aignan;700;20;720\n";
  const census = (p22: number[]) => `\uFEFFCODGEO;P22_POP;P16_POP;SUPERF\r\n${["32013", "32107", "32003"].map((c, i) => `${c};${p22[i]};${p22[i] - 10};10.5`).join("\r\n")}\r\n`;
  const legalOf = async (files: Record<string, string>) => {
    const found = await tables(files);
    const { entries, legal } = assemble(found.map((table) => ({ table, recognition: recognise(table)! })));
    const entry = entries.find((e) => e.declaration.id === "populations-legales")!;
    return { ...legal.get(entry.from.table)!, vintage: entry.declaration.vintage };
  };

  it("is the census's when PMUN equals its P<AA>_POP commune by commune", async () => {
    expect(await legalOf({ "donnees_communes.csv": LEGAL, "base.csv": census([21000, 6000, 700]) })).toEqual({
      vintage: "2022",
      sure: true,
      how: "PMUN égale à P22_POP de base.csv pour 3 communes sur 3",
    });
  });

  it("is a guess, said to be one, when the values differ", async () => {
    expect(await legalOf({ "donnees_communes.csv": LEGAL, "base.csv": census([21100, 6050, 700]) })).toMatchObject({
      vintage: "2022",
      sure: false,
      how: "celui du recensement déclaré, faute de mieux ; PMUN égale à P22_POP de base.csv pour seulement 1 communes sur 3, ce n'est donc sans doute pas 2022",
    });
    expect(await legalOf({ "donnees_communes_2021.csv": LEGAL })).toMatchObject({ vintage: "2021", sure: false, how: "année 2021 lue dans le chemin du fichier" });
    expect(await legalOf({ "donnees_communes.csv": LEGAL })).toMatchObject({ vintage: "à préciser", sure: false });
  });
});
