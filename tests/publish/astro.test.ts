// How many Astro processes share the pages: enough to use the cores, never so many that starting
// them costs more than they save, and never more than memory allows.
import { afterEach, describe, expect, it } from "vitest";
import { astroProcesses } from "../../src/cli/astro";

describe("the number of Astro processes", () => {
  afterEach(() => {
    delete process.env.PORTRAITS_ASTRO_PROCESSES;
  });

  it("is one for a département's few portraits, whatever the cores", () => {
    expect(astroProcesses(15, 8)).toBe(1);
    expect(astroProcesses(0, 8)).toBe(1);
  });

  it("is one per core at national scale, at most four", () => {
    expect(astroProcesses(1_254, 1)).toBe(1);
    expect(astroProcesses(1_254, 2)).toBe(2);
    expect(astroProcesses(1_254, 16)).toBe(4);
    expect(astroProcesses(450, 16)).toBe(3);
  });

  it("is the number asked for in PORTRAITS_ASTRO_PROCESSES, which must be a positive integer", () => {
    process.env.PORTRAITS_ASTRO_PROCESSES = "3";
    expect(astroProcesses(15, 1)).toBe(3);
    for (const wrong of ["0", "deux", "1.5", "-2"]) {
      process.env.PORTRAITS_ASTRO_PROCESSES = wrong;
      expect(() => astroProcesses(15, 2)).toThrow(/PORTRAITS_ASTRO_PROCESSES=.* : un nombre entier/);
    }
  });
});
