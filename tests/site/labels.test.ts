import { describe, expect, it } from "vitest";
import { frenchDate, natureLabel, withArticle, withDe } from "../../src/site/labels";

describe("French wordings", () => {
  it("puts the right article before the intermediate level's name", () => {
    expect(withArticle("Maison des solidarités")).toBe("la Maison des solidarités");
    expect(withArticle("Espace départemental des solidarités")).toBe("l'Espace départemental des solidarités");
    expect(withArticle("Unité territoriale")).toBe("l'Unité territoriale");
    expect(withArticle("Pôle solidarités")).toBe("le Pôle solidarités");
    expect(withArticle("Circonscription d'action sociale")).toBe("la Circonscription d'action sociale");
  });

  it("contracts « de » with the article", () => {
    expect(withDe("la Maison des solidarités")).toBe("de la Maison des solidarités");
    expect(withDe("le Pôle solidarités")).toBe("du Pôle solidarités");
    expect(withDe("l'Espace social")).toBe("de l'Espace social");
  });

  it("writes dates in French, 1er for the first of the month", () => {
    expect(frenchDate("2026-01-15")).toBe("15 janvier 2026");
    expect(frenchDate("2025-03-01")).toBe("1er mars 2025");
    expect(frenchDate("2025-08-09")).toBe("9 août 2025");
    expect(frenchDate("fictif-2024")).toBe("fictif-2024");
  });

  it("names the EPCI's legal nature", () => {
    expect(natureLabel("CA")).toBe("Communauté d'agglomération");
    expect(natureLabel("cc")).toBe("Communauté de communes");
    expect(natureLabel("XYZ")).toBe("XYZ");
  });
});
