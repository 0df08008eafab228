import { describe, expect, it } from "vitest";
import { renewTable } from "../../src/read/renew";
import type { Cell, SourceTable } from "../../src/read/types";

const ok = (value: number): Cell => ({ status: "ok", value });
const missing: Cell = { status: "missing" };
const renew = (code: string) => ({ "32067": "32365", "32260": "32365" })[code] ?? code;

const table: SourceTable = {
  sourceId: "rp",
  file: "rp.csv",
  rows: [
    { level: "commune", code: "32013", line: 2, cells: { pop: ok(22825), med: ok(21800) } },
    { level: "commune", code: "32067", line: 3, cells: { pop: missing, med: ok(19000) } },
    { level: "commune", code: "32260", line: 4, cells: { pop: missing, med: { status: "secret" } } },
    { level: "commune", code: "32365", line: 5, cells: { pop: ok(480), med: ok(20100) } },
    { level: "departement", code: "32", line: 6, cells: { pop: ok(192649), med: ok(21000) } },
  ],
};

describe("renewTable", () => {
  it("folds merged communes into the current one without counting anyone twice", () => {
    const { table: renewed, folded } = renewTable(table, { override: renew }, new Set(["med"]));
    const communes = renewed.rows.filter((r) => r.level === "commune");
    expect(communes.map((r) => r.code).sort()).toEqual(["32013", "32365"]);
    const merged = communes.find((r) => r.code === "32365")!;
    // Former communes' empty census cells add nothing: the new commune already counts them.
    expect(merged.cells.pop).toEqual(ok(480));
    // A median of several former communes cannot be combined.
    expect(merged.cells.med).toEqual(missing);
    expect(folded).toEqual([
      { from: "32067", to: "32365", line: 3, kind: "change" },
      { from: "32260", to: "32365", line: 4, kind: "change" },
    ]);
    expect(renewed.rows.find((r) => r.level === "departement")?.cells.pop).toEqual(ok(192649));
  });

  it("sums counts published separately for the former communes", () => {
    const older: SourceTable = {
      ...table,
      rows: [
        { level: "commune", code: "32067", line: 2, cells: { men: ok(40) } },
        { level: "commune", code: "32365", line: 3, cells: { men: ok(193) } },
      ],
    };
    const merged = renewTable(older, { override: renew }, new Set()).table.rows[0];
    expect(merged).toMatchObject({ code: "32365", cells: { men: ok(233) } });
  });
});
