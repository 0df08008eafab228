import { describe, expect, it } from "vitest";
import { formatNumber, formatSigned, formatTick, MINUS, NBSP, NNBSP, roundTo } from "../../src/format/number";
import { formatDifference, formatPoints } from "../../src/format/difference";
import { formatWithUnit, unitLabel } from "../../src/format/unit";

describe("formatNumber", () => {
  it("groups thousands with a narrow no-break space and uses a decimal comma", () => {
    expect(formatNumber(1234)).toBe(`1${NNBSP}234`);
    expect(formatNumber(1234567.891, 2)).toBe(`1${NNBSP}234${NNBSP}567,89`);
    expect(formatNumber(999)).toBe("999");
    expect(formatNumber(12.4, 1)).toBe("12,4");
    expect(formatNumber(12, 1)).toBe("12,0");
  });
  it("uses the real minus sign and never prints -0", () => {
    expect(formatNumber(-1234.5, 1)).toBe(`${MINUS}1${NNBSP}234,5`);
    expect(formatNumber(-0.04, 1)).toBe("0,0");
    expect(formatNumber(-0)).toBe("0");
  });
  it("rounds half away from zero without binary artefacts", () => {
    expect(formatNumber(1.005, 2)).toBe("1,01");
    expect(formatNumber(2.5)).toBe("3");
    expect(formatNumber(-2.5)).toBe(`${MINUS}3`);
    expect(roundTo(0.125, 2)).toBe(0.13);
    expect([roundTo(2.675, 2), roundTo(1.45, 1), roundTo(-1.45, 1), roundTo(8.345, 2), roundTo(123456789.5, 0)]).toEqual([2.68, 1.5, -1.5, 8.35, 123456790]);
    expect([roundTo(1.4999999, 0), roundTo(1.0049999, 2), roundTo(0.3 * 3, 1)]).toEqual([1, 1, 0.9]);
  });
  it("rounds numbers written with an exponent", () => {
    expect(roundTo(1e-7, 2)).toBe(0);
    expect(formatNumber(4e-7, 1)).toBe("0,0");
  });
  it("refuses what is not a number", () => {
    expect(() => formatNumber(NaN)).toThrow();
    expect(() => formatNumber(Infinity)).toThrow();
  });
  it("signs and ticks", () => {
    expect(formatSigned(2.1, 1)).toBe("+2,1");
    expect(formatSigned(-0.5, 1)).toBe(`${MINUS}0,5`);
    expect(formatSigned(0.01, 1)).toBe("0,0");
    expect(formatTick(2.5)).toBe("2,5");
    expect(formatTick(10000)).toBe(`10${NNBSP}000`);
    expect(formatTick(0.25)).toBe("0,25");
    expect(formatTick(100)).toBe("100");
  });
});

describe("formatWithUnit", () => {
  it("puts a no-break space before %, ‰, € and units", () => {
    expect(formatWithUnit(12.4, "%", 1)).toBe(`12,4${NBSP}%`);
    expect(formatWithUnit(3.2, "‰", 1)).toBe(`3,2${NBSP}‰`);
    expect(formatWithUnit(21450, "€", 0)).toBe(`21${NNBSP}450${NBSP}€`);
    expect(formatWithUnit(45.25, "hab/km²", 1)).toBe(`45,3${NBSP}hab/km²`);
  });
  it("agrees people in number (singular below 2)", () => {
    expect(formatWithUnit(12345, "habitants", 0)).toBe(`12${NNBSP}345${NBSP}habitants`);
    expect(formatWithUnit(1, "habitants", 0)).toBe(`1${NBSP}habitant`);
    expect(formatWithUnit(0, "personnes", 0)).toBe(`0${NBSP}personne`);
    expect(formatWithUnit(2, "personnes", 0)).toBe(`2${NBSP}personnes`);
    expect(formatWithUnit(1.5, "places pour 100", 1)).toBe(`1,5${NBSP}place pour 100`);
    expect(formatWithUnit(45.2, "places pour 100", 1)).toBe(`45,2${NBSP}places pour 100`);
  });
  it("writes the other units of the catalogue", () => {
    expect(formatWithUnit(1234, "nombre", 0)).toBe(`1${NNBSP}234`);
    expect(formatWithUnit(104.24, "indice", 1)).toBe("104,2");
    expect(formatWithUnit(12.3, "pour 10 000", 1)).toBe(`12,3${NBSP}pour 10${NNBSP}000`);
    expect(formatWithUnit(0.42, "%/an", 1)).toBe(`+0,4${NBSP}% par an`);
    expect(formatWithUnit(-0.42, "%/an", 1)).toBe(`${MINUS}0,4${NBSP}% par an`);
    expect(unitLabel("pour 10 000")).toBe(`pour 10${NNBSP}000`);
    expect(unitLabel("%/an")).toBe("% par an");
  });
});

describe("differences", () => {
  it("says points for percentages, singular below 2", () => {
    expect(formatDifference(2.1, "%", 1)).toBe(`+2,1${NBSP}points`);
    expect(formatDifference(-0.5, "%", 1)).toBe(`${MINUS}0,5${NBSP}point`);
    expect(formatDifference(1, "%", 0)).toBe(`+1${NBSP}point`);
    expect(formatDifference(-1.96, "%", 1)).toBe(`${MINUS}2,0${NBSP}points`);
    expect(formatDifference(0.3, "%/an", 1)).toBe(`+0,3${NBSP}point`);
    expect(formatDifference(0.01, "%", 1)).toBe(`0,0${NBSP}point`);
    expect(formatPoints(-3.25, 1)).toBe(`3,3${NBSP}points`);
  });
  it("keeps the unit otherwise", () => {
    expect(formatDifference(1234, "habitants", 0)).toBe(`+1${NNBSP}234${NBSP}habitants`);
    expect(formatDifference(-1.5, "‰", 1)).toBe(`${MINUS}1,5${NBSP}‰`);
    expect(formatDifference(-350, "€", 0)).toBe(`${MINUS}350${NBSP}€`);
  });
});
