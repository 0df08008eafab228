import { describe, expect, it } from "vitest";
import { escapeHtml, foldForSearch, joinFrench, slugify, truncate } from "../../src/format/text";

describe("text helpers", () => {
  it("folds accents, case and punctuation for search", () => {
    expect(foldForSearch("Saint-Étienne")).toBe("saint etienne");
    expect(foldForSearch("  L'Haÿ-les-Roses ")).toBe("l hay les roses");
    expect(foldForSearch("Œuvre Cœur")).toBe("oeuvre coeur");
    expect(foldForSearch("CC du Bas-Armagnac (Gers)")).toBe("cc du bas armagnac gers");
    expect(slugify("Saint-Étienne-du-Rouvray")).toBe("saint-etienne-du-rouvray");
  });
  it("escapes HTML", () => {
    expect(escapeHtml(`<script>alert(1)</script>`)).toBe("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(escapeHtml(`L'Haÿ & "Co"`)).toBe("L&#39;Haÿ &amp; &quot;Co&quot;");
  });
  it("truncates on code points with an ellipsis", () => {
    expect(truncate("Communauté de communes du Bas-Armagnac", 20)).toBe("Communauté de commu…");
    expect(truncate("Gers", 20)).toBe("Gers");
    expect(Array.from(truncate("Éé😀😀😀😀", 4))).toHaveLength(4);
  });
  it("joins lists in French", () => {
    expect(joinFrench([])).toBe("");
    expect(joinFrench(["a"])).toBe("a");
    expect(joinFrench(["a", "b"])).toBe("a et b");
    expect(joinFrench(["a", "b", "c"])).toBe("a, b et c");
  });
});
