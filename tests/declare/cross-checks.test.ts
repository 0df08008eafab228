// Errors found between files: sources ↔ indicators ↔ plan, with closest-name suggestions.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssues, loadDeclarations } from "../../src/declare";
import { errorsOf, variant } from "./helpers";

describe("catalogue against sources", () => {
  it("suggests the closest variable of the source", () => {
    const dir = variant({ "indicators/emploi.yaml": ["numerator: insee-rp.chomeurs_15_64", "numerator: insee-rp.chomeur_15_64"] });
    expect(errorsOf(dir)).toMatchInlineSnapshot(`"indicators/emploi.yaml:12:18 › indicators[1].formula.numerator : variable « chomeur_15_64 » inconnue dans la source « insee-rp ». Vouliez-vous dire : chomeurs_15_64 ?"`);
  });

  it("requires the indicator's source to be one the formula reads", () => {
    const dir = variant({ "indicators/territoire.yaml": ["    source: insee-rp\n    formula: { kind: count, value: insee-rp.pop }", "    source: filosofi\n    formula: { kind: count, value: insee-rp.pop }"] });
    expect(errorsOf(dir)).toMatchInlineSnapshot(`"indicators/territoire.yaml:9:13 › indicators[1].source : la source « filosofi » n'apparaît dans aucune variable de la formule (sources de la formule : insee-rp). La source de l'indicateur est celle dont viennent les valeurs : corriger source ou la formule."`);
  });

  it("reports an indicator id declared twice, in both places", () => {
    const copy = "  - id: taux_emploi\n    label: Taux d'emploi\n    definition: Copie.\n    unit: \"%\"\n    decimals: 1\n    polarity: neutral\n    source: insee-rp\n    formula: { kind: share, numerator: insee-rp.emplois_15_64, denominator: insee-rp.pop_15_64 }\n    aggregation: sum\n";
    const dir = variant({ "indicators/territoire.yaml": ["  - id: femmes_60_plus", `${copy}  - id: femmes_60_plus`] });
    expect(errorsOf(dir)).toMatchInlineSnapshot(`"indicators/territoire.yaml:57:9 › indicators[7].id : identifiant « taux_emploi » déjà utilisé par un autre indicateur (emploi.yaml, ligne 15). Chaque identifiant doit être unique : renommer l'un des deux."`);
  });

  it("reports a source id declared twice", () => {
    const dir = variant({ "sources.yaml": ["  - id: filosofi", "  - id: insee-rp"] });
    expect(errorsOf(dir)).toMatchInlineSnapshot(`
      "sources.yaml:24:9 › sources[2].id : identifiant « insee-rp » déjà utilisé par une autre source (sources.yaml, ligne 2). Chaque identifiant doit être unique : renommer l'un des deux.
      plan.yaml:29:22 › pages[4].blocks[1].indicators[1] : le bloc « Revenu médian » montre « revenu_median », que cette configuration ne peut pas calculer : source « filosofi » non déclarée. Déclarer la source dans sources.yaml, ou retirer l'indicateur du bloc."
    `);
  });

  it("requires each indicator file to be named after its theme", () => {
    const dir = variant({ "indicators/emploi.yaml": ["theme: emploi", "theme: revenus"] });
    expect(errorsOf(dir)).toMatchInlineSnapshot(`"indicators/emploi.yaml:1:8 › theme : le thème « revenus » ne correspond pas au nom du fichier « emploi.yaml ». Renommer le fichier en revenus.yaml, ou corriger theme."`);
  });
});

describe("plan against catalogue and sources", () => {
  it("suggests the closest indicator for an unknown one", () => {
    const dir = variant({ "plan.yaml": ["indicators: [taux_emploi, taux_chomage_15_64]", "indicators: [taux_emploi, taux_chomage]"] });
    expect(errorsOf(dir)).toMatchInlineSnapshot(`"plan.yaml:35:35 › pages[5].blocks[1].indicators[2] : indicateur inconnu « taux_chomage ». Vouliez-vous dire : taux_chomage_15_64 ?"`);
  });

  it("refuses an indicator whose source this configuration does not declare, naming the block", () => {
    const dir = variant({ "plan.yaml": ["indicators: [population, densite]", "indicators: [population, demandeurs_emploi]"] });
    expect(errorsOf(dir)).toMatchInlineSnapshot(`"plan.yaml:10:34 › pages[1].blocks[2].indicators[2] : le bloc « Chiffres clés » montre « demandeurs_emploi », que cette configuration ne peut pas calculer : source « france-travail » non déclarée. Déclarer la source dans sources.yaml, ou retirer l'indicateur du bloc."`);
  });

  it("suggests the declared source closest to a mistyped one", () => {
    const dir = variant({
      "indicators/territoire.yaml": ["    source: insee-rp\n    formula: { kind: count, value: insee-rp.pop }", "    source: insee-pr\n    formula: { kind: count, value: insee-pr.pop }"],
    });
    expect(errorsOf(dir)).toMatchInlineSnapshot(`"plan.yaml:10:22 › pages[1].blocks[2].indicators[1] : le bloc « Chiffres clés » montre « population », que cette configuration ne peut pas calculer : source « insee-pr » non déclarée. Vouliez-vous dire : insee-rp ?"`);
  });


  it("only warns about a mistyped source of an indicator the plan does not use", () => {
    const dir = variant({ "indicators/emploi.yaml": ["source: filosofi\n    formula: { kind: published, value: filosofi.mediane }", "source: filosofy\n    formula: { kind: published, value: filosofy.mediane }"], "plan.yaml": ["indicators: [revenu_median]", "indicators: [population]"] });
    const { warnings } = loadDeclarations(join(dir, "config.yaml"));
    expect(formatIssues(warnings, dir)).toMatchInlineSnapshot(`
      "indicators/emploi.yaml:27:5 › indicators[3] : source « filosofy » non déclarée dans cette configuration : 1 indicateur du catalogue ne sera pas calculé (revenu_median). Vouliez-vous dire : filosofi ?
      indicators/emploi.yaml:36:5 › indicators[4] : source « france-travail » non déclarée dans cette configuration : 1 indicateur du catalogue ne sera pas calculé (demandeurs_emploi). Sans conséquence tant que le plan n'en a pas besoin."
    `);
  });
});

describe("block rules", () => {
  it("checks the number of indicators and labels of each kind of block", () => {
    const dir = variant({
      "plan.yaml": [
        ["indicators: [hommes_0_59, femmes_0_59, hommes_60_plus, femmes_60_plus]", "indicators: [hommes_0_59, femmes_0_59, hommes_60_plus]"],
        ["labels: [En emploi, Au chômage]", "labels: [En emploi]"],
        ["        title: Situation dans le département", "        title: Situation dans le département\n        indicators: [population]"],
        ["indicators: [revenu_median]", "indicators: [revenu_median, evolution_population]"],
      ],
    });
    expect(errorsOf(dir)).toMatchInlineSnapshot(`
      "plan.yaml:8:21 › pages[1].blocks[1].indicators : un bloc locator-map ne montre aucun indicateur ; trouvé : 1. Retirer la liste indicators de ce bloc.
      plan.yaml:17:21 › pages[2].blocks[1].indicators : une pyramide montre des paires d'indicateurs (hommes, femmes) par tranche d'âge ; trouvé : 3 indicateurs, un nombre impair.
      plan.yaml:30:21 › pages[4].blocks[1].indicators : un bloc comparison-bars montre un seul indicateur ; trouvé : 2. Faire un bloc par indicateur.
      plan.yaml:37:17 › pages[5].blocks[1].labels : attendu : 2 libellés (un par indicateur), trouvé : 1."
    `);
  });

  it("shows one block on the commune sheets, of a kind drawn for a commune", () => {
    const dir = variant({
      "plan.yaml": [
        ["        title: Pyramide des âges", "        title: Pyramide des âges\n        sheet: true"],
        ["        title: Activité des 15-64 ans", "        title: Activité des 15-64 ans\n        sheet: true"],
        ["        title: Revenu médian", "        title: Revenu médian\n        sheet: true"],
      ],
    });
    expect(errorsOf(dir)).toMatchInlineSnapshot(`
      "plan.yaml:30:16 › pages[4].blocks[1].sheet : un bloc comparison-bars ne peut pas être dessiné sur les fiches communales. Seuls les blocs stacked-bar ou pyramid le peuvent.
      plan.yaml:37:16 › pages[5].blocks[1].sheet : un seul bloc du plan est montré sur les fiches communales ; « Pyramide des âges » l'est déjà. Retirer « sheet: true » de l'un des deux blocs."
    `);
    const one = variant({ "plan.yaml": ["        title: Activité des 15-64 ans", "        title: Activité des 15-64 ans\n        sheet: true"] });
    expect(loadDeclarations(join(one, "config.yaml")).plan.pages[4].blocks[0].sheet).toBe(true);
  });

  it("requires one unit in a chart drawn on one scale", () => {
    const dir = variant({ "plan.yaml": ["indicators: [taux_emploi, taux_chomage_15_64]", "indicators: [taux_emploi, population]"] });
    expect(errorsOf(dir)).toMatchInlineSnapshot(`"plan.yaml:35:21 › pages[5].blocks[1].indicators : les indicateurs d'un bloc stacked-bar partagent une même unité ; trouvé : % (taux_emploi), habitants (population)."`);
  });

  it("requires commune values for a choropleth, and EPCI values everywhere", () => {
    const dir = variant({ "plan.yaml": ["indicators: [densite]", "indicators: [revenu_median]"] });
    expect(errorsOf(dir)).toMatchInlineSnapshot(`"plan.yaml:42:22 › pages[6].blocks[1].indicators[1] : une carte par commune demande des valeurs par commune ; les sources de « revenu_median » ne donnent que les niveaux epci, departement, region, france. Choisir un autre type de bloc, par exemple comparison-bars."`);
    const noEpci = variant({ "sources.yaml": ["levels: { EPCI: epci, DEP: departement,", "levels: { DEP: departement,"] });
    expect(errorsOf(noEpci)).toMatchInlineSnapshot(`"plan.yaml:29:22 › pages[4].blocks[1].indicators[1] : « revenu_median » ne peut pas être calculé pour un EPCI : ses sources ne donnent que les niveaux departement, region, france. Un indicateur published demande des valeurs publiées par EPCI ; sans elles, seule une carte par commune (choropleth) peut le montrer."`);
  });
});

describe("several errors", () => {
  it("are all reported at once, file by file, top to bottom", () => {
    const dir = variant({
      "config.yaml": ["departement: 32", "departement: Gers"],
      "sources.yaml": ["superficie: SUPERF", "Superficie: SUPERF"],
      "indicators/territoire.yaml": ["    polarity: neutral\n    source: insee-rp\n    formula: { kind: count, value: insee-rp.pop }", "    polarity: neutre\n    source: insee-rp\n    formula: { kind: count, value: insee-rp.pop }"],
      "indicators/emploi.yaml": ["  - id: taux_emploi", "  - id: population"],
      "plan.yaml": [
        ["indicators: [densite]\n        wide: true\n", "indicators: [densite]\n        wide: true\n  - title: En trop\n    theme: sante\n    blocks:\n      - kind: table\n        title: Tableau\n        indicators: [taux_chomage, revenu_median]\n"],
      ],
    });
    expect(errorsOf(dir)).toMatchInlineSnapshot(`
      "config.yaml:4:14 › departement : attendu : un code de département, ex. « 32 », « 2A » ou « 971 », trouvé : « Gers ».
      sources.yaml:15:7 › sources[1].columns.Superficie : nom « Superficie » invalide ; attendu : un identifiant en minuscules (lettres, chiffres, _ ou -), ex. « insee-rp ».
      indicators/territoire.yaml:3:9 › indicators[1].id : identifiant « population » déjà utilisé par un autre indicateur (emploi.yaml, ligne 15). Chaque identifiant doit être unique : renommer l'un des deux.
      indicators/territoire.yaml:8:15 › indicators[1].polarity : valeur « neutre » non reconnue ; valeurs possibles : neutral, higher-is-better, higher-is-worse. Vouliez-vous dire : neutral ?
      plan.yaml:3:3 › pages : un portrait compte exactement six pages (trouvé : 7).
      plan.yaml:35:22 › pages[5].blocks[1].indicators[1] : indicateur inconnu « taux_emploi ». Vérifier l'identifiant dans le dossier des indicateurs.
      plan.yaml:49:22 › pages[7].blocks[1].indicators[1] : indicateur inconnu « taux_chomage ». Vouliez-vous dire : taux_chomage_15_64 ?"
    `);
  });
});
