// Census columns written with <AA>: one declaration reads RP 2021 or RP 2022 files.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDeclarations } from "../../src/declare";
import { errorsOf, variant } from "./helpers";

const columnsOf = (dir: string, id = "insee-rp") => loadDeclarations(join(dir, "config.yaml")).sources.get(id)!.columns;

describe("<AA> in a column name", () => {
  it("stands for the last two digits of the source's vintage, or of the column's own", () => {
    const dir = variant({
      "sources.yaml": [
        ["pop: P21_POP", "pop: P<AA>_POP"],
        ["column: P15_POP", "column: P<AA>_POP"],
        ["chomeurs_15_64: P21_CHOM1564", "chomeurs_15_64: P<AA>_CHOM1564"],
      ],
    });
    expect(columnsOf(dir)).toMatchObject({ pop: "P21_POP", pop_2015: { column: "P15_POP" }, chomeurs_15_64: "P21_CHOM1564" });
    const next = variant({ "sources.yaml": [["pop: P21_POP", "pop: P<AA>_POP"], ["vintage: 2021", "vintage: 2022"]] });
    expect(columnsOf(next).pop).toBe("P22_POP");
  });

  it("is refused with a vintage that is not a year", () => {
    const dir = variant({ "sources.yaml": [["pop: P21_POP", 'pop: { column: P<AA>_POP, vintage: "2015-2020" }']] });
    expect(errorsOf(dir)).toContain("<AA> dans « P<AA>_POP » demande un millésime sur quatre chiffres, pas « 2015-2020 »");
  });
});
