import { describe, expect, it } from "vitest";
import { parseNumber } from "../../src/read/number";

describe("parseNumber, decimal comma", () => {
  it.each([
    ["48,0", 48],
    ["-15,1", -15.1],
    ["\u22123,2", -3.2], // typographic minus
    ["19070", 19070],
    ["  42 ", 42],
    ["1 234,5", 1234.5],
    ["1\u00A0234", 1234], // no-break space
    ["12\u202F345\u202F678,9", 12345678.9], // narrow no-break space
    ["1,5E3", 1500],
  ])("reads %j as %d", (text, value) => expect(parseNumber(text, ",")).toBe(value));

  it("reads a lone dot as a decimal point, as INSEE writes weighted counts and areas", () => {
    expect(parseNumber("386.031173335763", ",")).toBe(386.031173335763);
    expect(parseNumber("72.48", ",")).toBe(72.48);
    expect(parseNumber("1.234", ",")).toBe(1.234); // never 1234: a dot does not group thousands
  });

  it.each(["1.234.567", "1.234,5", "1,2,3", "12 5", "1 2345", ",5", "5,", "abc", "", "s", "12 %", "NaN", "Infinity"])(
    "rejects %j",
    (text) => expect(parseNumber(text, ",")).toBeUndefined(),
  );

  it("never returns -0", () => expect(Object.is(parseNumber("-0,0", ","), 0)).toBe(true));
});

describe("parseNumber, decimal point", () => {
  it.each([
    ["1234.5", 1234.5],
    ["1 234.5", 1234.5],
    ["-0.25", -0.25],
    ["7", 7],
  ])("reads %j as %d", (text, value) => expect(parseNumber(text, ".")).toBe(value));

  it.each(["48,0", "1,234", "1,234.5", "1.2.3"])("rejects %j (a comma is never accepted)", (text) =>
    expect(parseNumber(text, ".")).toBeUndefined(),
  );
});
