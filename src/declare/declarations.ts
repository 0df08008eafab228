// The artefact of the declare stage: every declaration loaded, validated and cross-checked.
import type { Config, Indicator, PortraitPlan, Source, THEMES } from "./schemas";
import type { DeclarationIssue } from "./issues";

export type Theme = (typeof THEMES)[number];

/** An indicator of the catalogue, with the theme and the file (absolute path) that declare it. */
export type CatalogueIndicator = Indicator & { theme: Theme; file: string };

export interface Declarations {
  /** Absolute path of the configuration file, and its folder (other paths are relative to it). */
  configPath: string;
  configDir: string;
  config: Config;
  /** Absolute folder of the producers' files. */
  dataDir: string;
  /** Source files declared by this configuration, by their own id (see `extends` for logical sources). */
  sources: Map<string, Source>;
  /** The whole catalogue, by id, including indicators this configuration cannot compute (see warnings). */
  indicators: Map<string, CatalogueIndicator>;
  /** Ids of the catalogue indicators whose sources and variables this configuration declares. */
  computable: Set<string>;
  plan: PortraitPlan;
  /** Distinct indicator ids used by the plan, in plan order. */
  planIndicators: string[];
  /** Problems that do not stop the build (e.g. catalogue indicators whose source is not declared here). */
  warnings: DeclarationIssue[];
}
