import { describe, expect, it } from "vitest";
import { NBSP } from "../../src/format/number";
import { formatValue, isShown } from "../../src/format/value";

describe("formatValue", () => {
  it("formats a shown value", () => {
    expect(formatValue({ status: "ok", value: 12.43 }, "%", 1)).toBe(`12,4${NBSP}%`);
    expect(formatValue({ status: "ok", value: 0 }, "%", 1)).toBe(`0,0${NBSP}%`);
  });
  it("says why a value is not shown, never 0", () => {
    expect(formatValue({ status: "secret" }, "%", 1)).toBe("secret statistique");
    expect(formatValue({ status: "missing" }, "habitants", 0)).toBe("non disponible");
    expect(formatValue({ status: "not-applicable" }, "€", 0)).toBe("non disponible à cette échelle");
    // A secret value that still carries a number (a bug upstream) is not shown either.
    expect(formatValue({ status: "secret", value: 0 }, "%", 1)).toBe("secret statistique");
    // "ok" without a number is treated as missing, not as zero.
    expect(formatValue({ status: "ok" }, "%", 1)).toBe("non disponible");
    for (const status of ["secret", "missing", "not-applicable"] as const)
      expect(formatValue({ status, value: 0 }, "nombre", 0)).not.toMatch(/\d/);
  });
  it("isShown requires a finite number", () => {
    expect(isShown({ status: "ok", value: NaN })).toBe(false);
    expect(isShown({ status: "ok", value: 3 })).toBe(true);
    expect(isShown(undefined)).toBe(false);
  });
});
