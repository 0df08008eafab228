// The declarations a GIP writes in YAML, as zod schemas. Every object is strict so a typo
// fails with its path instead of being silently ignored; `.describe()` texts are the field docs.
import { z } from "zod";
import { baseProblem, normalizeBase } from "../format/base";

/** Geographic levels, from the finest to the widest. "group" is a declared extra level (e.g. MDS). */
export const LEVELS = ["commune", "epci", "group", "departement", "region", "france"] as const;
export const levelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof levelSchema>;

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, "un identifiant en minuscules (lettres, chiffres, _ ou -), ex. « insee-rp »");

/** A variable of a source: the producer's column, optionally with its own vintage (e.g. P15_POP in a 2021 file). */
const columnRef = z.union([
  z.string().min(1).describe("Nom exact de la colonne dans le fichier du producteur"),
  z
    .object({
      column: z.string().min(1).describe("Nom exact de la colonne dans le fichier du producteur"),
      vintage: z.string().min(1).describe("Millésime propre à cette colonne, s'il diffère de celui de la source"),
    })
    .strict(),
]);
export type ColumnRef = z.infer<typeof columnRef>;

/** The producer's column a variable reads, whichever way it is declared. */
export const columnName = (ref: ColumnRef): string => (typeof ref === "string" ? ref : ref.column);

const codeSchema = z.union([
  z
    .object({
      column: z.string().min(1).describe("Colonne qui porte le code du territoire (ex. CODGEO)"),
      level: levelSchema.describe("Niveau de toutes les lignes du fichier"),
      iris: z
        .literal(true)
        .optional()
        .describe(
          "Avec level: commune, les lignes sont des IRIS (code à 9 caractères, ex. 320130101, comme la CAF les publie) : chaque commune (les 5 premiers caractères) reçoit la somme de ses IRIS, « secret » si l'un d'eux l'est",
        ),
    })
    .strict(),
  z
    .object({
      column: z.string().min(1).describe("Colonne qui porte le code du territoire"),
      levelColumn: z.string().min(1).describe("Colonne qui dit le niveau de chaque ligne (ex. NIVGEO)"),
      levels: z
        .record(z.string(), levelSchema)
        .describe("Valeurs de levelColumn → niveau, ex. { COM: commune, DEP: departement, FRA: france }"),
    })
    .strict(),
]);

/** What the GIP asks a partner for (src/partners): the request kit and the convention's annex are written from it. */
const partnerSchema = z
  .object({
    contact: z.string().min(1).describe("À qui le partenaire renvoie le fichier rempli (service, adresse électronique)"),
    deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "une date AAAA-MM-JJ").optional().describe("Date limite de retour du fichier"),
    period: z.string().min(1).describe("Date ou période que les données décrivent (ex. « au 31 décembre 2023 »)"),
    universe: z.string().min(1).describe("Champ des données (ex. « bénéficiaires domiciliés dans la commune »)"),
    variables: z
      .record(
        id,
        z
          .object({
            definition: z.string().min(1).describe("Définition de la variable, telle que le partenaire la lit"),
            unit: z.string().min(1).default("nombre").describe("Unité (ex. bénéficiaires, places)"),
            period: z.string().min(1).optional().describe("Date ou période propre à cette variable"),
            universe: z.string().min(1).optional().describe("Champ propre à cette variable"),
          })
          .strict(),
      )
      .default({})
      .describe("Pour chaque variable de columns : sa définition et son unité, reprises dans le modèle à remplir et l'annexe de la convention"),
  })
  .strict();
export type Partner = z.infer<typeof partnerSchema>;

export const sourceSchema = z
  .object({
    id: id.describe("Identifiant de la source, repris par les indicateurs (ex. insee-rp)"),
    extends: id
      .optional()
      .describe(
        "Identifiant de la source que ce fichier complète : d'autres variables, ou les mêmes à d'autres niveaux (ex. les populations légales des départements complètent celles des communes) ; les indicateurs écrivent alors « source-complétée.variable »",
      ),
    producer: z.string().min(1).describe("Producteur (INSEE, CAF, MSA, CPAM, Département…)"),
    dataset: z.string().min(1).describe("Nom du jeu de données chez le producteur"),
    vintage: z.string().min(1).describe("Millésime des données (ex. 2021)"),
    licence: z.string().min(1).describe("Licence de réutilisation (ex. Licence Ouverte 2.0)"),
    url: z.string().url().optional().describe("Page du producteur où le fichier se télécharge"),
    file: z.string().min(1).describe("Chemin du fichier, relatif au dossier de données de la configuration, ou absolu"),
    member: z
      .string()
      .min(1)
      .optional()
      .describe("Quand file est une archive .zip (comme l'INSEE distribue ses fichiers) : le nom du fichier à y lire"),
    format: z.enum(["csv", "xlsx", "xls", "ods"]).describe("Format du fichier (ou du fichier lu dans l'archive)"),
    encoding: z.enum(["utf-8", "latin1"]).default("utf-8").describe("Encodage (un BOM UTF-8 est toujours accepté)"),
    separator: z.string().length(1).default(";").describe("Séparateur de colonnes (CSV)"),
    decimal: z.enum([",", "."]).default(",").describe("Marque décimale"),
    headerRow: z.number().int().min(1).default(1).describe("Numéro de la ligne d'en-tête (les lignes au-dessus sont des titres)"),
    sheet: z.string().optional().describe("Nom de la feuille (XLSX, XLS, ODS) ; la première par défaut"),
    code: codeSchema.describe("Où trouver le code du territoire de chaque ligne, et à quel niveau"),
    secretTokens: z.array(z.string()).default(["s"]).describe("Valeurs qui signifient « secret statistique »"),
    missingTokens: z.array(z.string()).default(["", "nd"]).describe("Valeurs qui signifient « non disponible »"),
    roundedTo: z.number().int().min(1).optional().describe("Pas d'arrondi des effectifs par le producteur (CAF : 5) ; les sommes sont alors approchées"),
    ignoreCodes: z.array(z.string()).default([]).describe("Codes de lignes hors territoire à ignorer (ex. 99999, XXXXX de la CAF)"),
    references: z
      .enum(["producer", "sum"])
      .default("producer")
      .describe(
        "Pour le département, la région et la France quand la source a la ligne du producteur ET les communes de tout le territoire : producer prend la ligne publiée, sum la somme des communes (les deux sont comparées par les contrôles de qualité)",
      ),
    france: z
      .enum(["entiere", "metropolitaine", "hors-mayotte"])
      .default("entiere")
      .describe(
        "Ce que couvre la France de ce fichier (sa ligne France, ou la somme de ses communes) : la France entière, la France métropolitaine (ex. FILO2019_DISP_METROPOLE) ou la France hors Mayotte (populations légales) ; ainsi nommée partout où elle s'affiche",
      ),
    columns: z.record(id, columnRef).describe("Variables utilisées : nom de variable → colonne du fichier"),
    partner: partnerSchema
      .optional()
      .describe(
        "Source d'un partenaire (convention d'échange de données) : npm run modeles en écrit le modèle à remplir et l'annexe ; tant que le fichier n'est pas arrivé, ses indicateurs sont « non disponible », avec un avertissement",
      ),
  })
  .strict();
export type Source = z.infer<typeof sourceSchema>;
export const sourcesFileSchema = z.object({ sources: z.array(sourceSchema).min(1) }).strict();

/** A reference to a variable: "source-id.variable". A list is summed (e.g. ouvriers + employés). */
const varRef = z.string().regex(/^[a-z0-9][a-z0-9_-]*\.[a-z0-9][a-z0-9_-]*$/, "une référence « source.variable », ex. « insee-rp.pop »");
const varRefs = z.union([varRef, z.array(varRef).min(1)]);

export const formulaSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("count"), value: varRefs.describe("Effectif") }).strict(),
  z.object({ kind: z.literal("share"), numerator: varRefs, denominator: varRefs }).strict().describe("Part en % = numérateur / dénominateur × 100"),
  z
    .object({ kind: z.literal("rate"), numerator: varRefs, denominator: varRefs, per: z.number().positive().default(1000) })
    .strict()
    .describe("Taux = numérateur / dénominateur × per (1 pour une moyenne, 100 pour un indice, 1000 pour ‰)"),
  z.object({ kind: z.literal("density"), numerator: varRefs, area: varRefs.describe("Superficie en km²") }).strict(),
  z
    .object({
      kind: z.literal("evolution"),
      from: varRefs.describe("Effectif au millésime le plus ancien"),
      to: varRefs.describe("Effectif au millésime le plus récent"),
      years: z.number().positive().describe("Années entre les deux millésimes"),
    })
    .strict()
    .describe("Taux d'évolution annuel moyen en % : ((to/from)^(1/years) − 1) × 100"),
  z.object({ kind: z.literal("published"), value: varRef.describe("Valeur publiée par le producteur à chaque niveau") }).strict(),
]);
export type Formula = z.infer<typeof formulaSchema>;

export const THEMES = ["territoire", "familles", "revenus", "emploi", "logement", "sante"] as const;
export const themeSchema = z.enum(THEMES);

export const indicatorSchema = z
  .object({
    id: id.describe("Identifiant stable de l'indicateur"),
    label: z.string().min(1).describe("Libellé court en français ; {vintage} (et {vintage_from} pour une évolution) y est remplacé par le millésime déclaré dans les sources"),
    definition: z.string().min(1).describe("Définition en français, avec le champ (univers) ; mêmes repères {vintage} et {vintage_from}"),
    unit: z.enum(["habitants", "nombre", "%", "‰", "€", "hab/km²", "%/an", "indice", "personnes", "pour 10 000", "places pour 100"]),
    decimals: z.number().int().min(0).max(3).describe("Décimales affichées"),
    polarity: z.enum(["neutral", "higher-is-better", "higher-is-worse"]).describe("Sens de lecture"),
    source: id.describe("Source principale (son producteur et son millésime s'affichent)"),
    formula: formulaSchema,
    aggregation: z
      .enum(["sum", "published"])
      .describe("sum : sommer numérateurs et dénominateurs des communes ; published : valeur du producteur à chaque niveau (médianes, taux Filosofi, taux standardisés)"),
    isCount: z.boolean().optional().describe("Vrai si la valeur est un effectif de personnes (soumis au secret < 5) ; déduit de la formule si absent"),
    note: z.string().optional().describe("Mise en garde de lecture (comparabilité, arrondis…)"),
  })
  .strict()
  .superRefine((ind, ctx) => {
    if (ind.aggregation === "published" && ind.formula.kind !== "published")
      ctx.addIssue({ code: "custom", path: ["aggregation"], message: "« published » demande une formule de type published" });
    if (ind.formula.kind === "published" && ind.aggregation !== "published")
      ctx.addIssue({ code: "custom", path: ["aggregation"], message: "une formule published ne se somme pas : aggregation doit valoir published" });
  });
export type Indicator = z.infer<typeof indicatorSchema>;
export const indicatorsFileSchema = z.object({ theme: themeSchema, indicators: z.array(indicatorSchema).min(1) }).strict();

export const BLOCK_KINDS = [
  "key-figures", // cards: value + comparisons
  "comparison-bars", // one indicator, bars for EPCI / group / dép / région / France
  "stacked-bar", // parts of a whole (shares summing to ~100), EPCI vs references
  "donut", // parts of a whole for the EPCI
  "pyramid", // age groups: indicators in pairs (men, women) from young to old
  "evolution", // same quantity at several vintages
  "choropleth", // one indicator by commune of the EPCI
  "locator-map", // where the EPCI lies in the département
  "table", // indicators as rows, levels as columns
] as const;

export const blockSchema = z
  .object({
    kind: z.enum(BLOCK_KINDS),
    title: z.string().min(1).describe("Titre visible du bloc"),
    indicators: z.array(id).default([]).describe("Identifiants des indicateurs montrés"),
    labels: z.array(z.string()).optional().describe("Libellés des catégories (pyramide, barres empilées), dans l'ordre des indicateurs"),
    wide: z.boolean().default(false).describe("Occupe toute la largeur de la page"),
    sheet: z
      .boolean()
      .optional()
      .describe("Montré aussi sur chaque fiche communale, pour la commune : sa structure par âge (une pyramide ou des barres empilées). Sans ce mot, la première pyramide du plan"),
  })
  .strict();
export type Block = z.infer<typeof blockSchema>;

export const portraitPlanSchema = z
  .object({
    title: z.string().min(1),
    pages: z
      .array(
        z
          .object({
            title: z.string().min(1),
            theme: themeSchema,
            intro: z.string().optional(),
            blocks: z.array(blockSchema).min(1),
          })
          .strict(),
      )
      .length(6, "un portrait compte exactement six pages"),
  })
  .strict();
export type PortraitPlan = z.infer<typeof portraitPlanSchema>;

/** The configuration file that `npm run build -- --config <file>` takes: it names everything else. */
export const configSchema = z
  .object({
    name: z.string().min(1).describe("Nom du site (ex. « Portraits de territoire du Gers »)"),
    publisher: z.string().min(1).describe("Qui publie (ex. GIP Gers Solidaire)"),
    fictional: z.boolean().default(false).describe("Données fictives : chaque page l'affiche"),
    base: z
      .string()
      .superRefine((value, ctx) => {
        const problem = baseProblem(value);
        if (problem) ctx.addIssue({ code: "custom", message: `« ${value} » : ${problem}` });
      })
      .transform(normalizeBase)
      .default("/")
      .describe("Chemin du site sur son hébergement (ex. /portraits/ pour https://exemple.org/portraits/) ; npm run build -- --base le remplace"),
    departement: z
      .string()
      .regex(/^(\d{2}|2A|2B|\d{3})$/, "un code de département, ex. « 32 », « 2A » ou « 971 »")
      .describe("Code du département"),
    dataDir: z.string().min(1).describe("Dossier des fichiers des producteurs, relatif au fichier de configuration"),
    sources: z.string().min(1).describe("Fichier YAML des sources, relatif au fichier de configuration"),
    indicators: z.string().default("../../indicators").describe("Dossier du catalogue d'indicateurs"),
    plan: z.string().min(1).describe("Plan du portrait (YAML), relatif au fichier de configuration"),
    territories: z.discriminatedUnion("from", [
      z.object({ from: z.literal("decoupage-administratif"), epciRule: z.enum(["majority-population", "any-commune"]).default("majority-population") }).strict(),
      z
        .object({
          from: z.literal("files"),
          communes: z.string().describe("CSV des communes : code;nom;epci;population;superficie"),
          epcis: z.string().describe("CSV des EPCI : code;nom;nature"),
          departement: z.object({ code: z.string(), name: z.string() }).strict(),
          region: z.object({ code: z.string(), name: z.string() }).strict(),
          cogVintage: z.string(),
        })
        .strict(),
    ]),
    geometry: z
      .object({ communes: z.string().describe("GeoJSON ou TopoJSON des communes"), codeProperty: z.string().default("code"), codePrefix: z.string().default("") })
      .strict()
      .optional(),
    groups: z
      .object({ name: z.string().describe("Nom du niveau (ex. Maison des solidarités)"), file: z.string().describe("CSV commune;code_groupe;nom_groupe") })
      .strict()
      .optional(),
    agreements: z.string().optional().describe("CSV des CTG signées : epci;signee;date"),
    communeSheets: z
      .object({
        withoutAgreement: z
          .enum(["notice", "data"])
          .default("notice")
          .describe("Fiche d'une commune dont l'EPCI n'a pas signé de CTG : notice (pourquoi elle n'a pas de données, comme le portrait grisé) ou data (ses chiffres, sans ceux de son EPCI)"),
      })
      .strict()
      .default({ withoutAgreement: "notice" })
      .describe("Fiches communales"),
    communeChanges: z.string().optional().describe("CSV de correspondance ancien_code;nouveau_code (fusions de communes)"),
  })
  .strict();
export type Config = z.infer<typeof configSchema>;
