// The choropleth keeps each outline's last path with the frame it was drawn in (the indicator pages draw
// the same EPCIs a hundred times): a path is reused only in that frame, never drawn stale in another.
import { describe, expect, it } from "vitest";
import { choropleth } from "../../src/charts/choropleth";
import { choroplethInput } from "./fixtures";

const paths = (svg: string) => [...svg.matchAll(/ d="(M[^"]*)"/g)].map((m) => m[1]);
/** The same input with outlines never drawn before. */
const fresh = () => ({ ...choroplethInput, communes: choroplethInput.communes.map((c) => ({ ...c, geometry: structuredClone(c.geometry) })) });

describe("choropleth outlines", () => {
  it("are drawn again in another frame, and the same as without any path kept", () => {
    const narrow = paths(choropleth(choroplethInput).svg);
    const wide = paths(choropleth(choroplethInput, { wide: true }).svg);
    expect(wide).not.toEqual(narrow);
    expect(wide).toEqual(paths(choropleth(fresh(), { wide: true }).svg));
    expect(paths(choropleth(choroplethInput).svg)).toEqual(narrow);
    expect(narrow).toEqual(paths(choropleth(fresh()).svg));
  });

  it("follow a map of fewer areas into its own frame", () => {
    const few = { ...choroplethInput, communes: choroplethInput.communes.slice(0, 2) };
    expect(paths(choropleth(few).svg)).toEqual(paths(choropleth({ ...fresh(), communes: fresh().communes.slice(0, 2) }).svg));
    expect(paths(choropleth(few).svg)[0]).not.toEqual(paths(choropleth(choroplethInput).svg)[0]);
  });
});
