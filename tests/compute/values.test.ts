// A commune column gives back the values set in it, whichever way it is read: by code, by iteration,
// or by forEachValue, which refills one object instead of making one per value.
import { describe, expect, it } from "vitest";
import { eachValue, ValueColumn } from "../../src/compute/values";
import type { Value } from "../../src/model/types";

const codes = ["32001", "32002", "32003", "32004", "2A004"];
const position = new Map(codes.map((code, i) => [code, i]));
const set: [string, Value][] = [
  ["32001", { status: "ok", value: 12.5 }],
  ["32002", { status: "ok", value: 40, numerator: 4, denominator: 10 }],
  ["32003", { status: "secret", reason: "effectif inférieur à 5" }],
  // 32004 never set: left out of every reading
  ["2A004", { status: "ok", value: 3, approximate: true, reason: "estimation" }],
];

/** What a visitor saw, copied (the object it is given is refilled) without its empty properties. */
function seen(read: (visit: (value: Readonly<Value>, code: string) => void) => void): [string, Value][] {
  const out: [string, Value][] = [];
  read((value, code) => out.push([code, Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as unknown as Value]));
  return out;
}

describe("a column of values", () => {
  const column = new ValueColumn(position);
  for (const [code, value] of set) column.set(code, value);

  it("gives each value back as set, by code and in order, the unset ones left out", () => {
    expect([...column]).toEqual(set);
    expect(column.get("32002")).toEqual(set[1][1]);
    expect(column.get("32004")).toBeUndefined();
  });

  it("gives the same to forEachValue, as to eachValue on a Map", () => {
    expect(seen((visit) => column.forEachValue(visit))).toEqual(set);
    expect(seen((visit) => eachValue(column, visit))).toEqual(set);
    expect(seen((visit) => eachValue(new Map(set), visit))).toEqual(set);
  });

  it("is the same when made again from its data (as the build caches keep it)", () => {
    expect([...new ValueColumn(position, column.columnData())]).toEqual(set);
  });
});
