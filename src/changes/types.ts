// What a publication was, and what changed since the previous one.
import type { ValueStatus } from "../model/types";

/** A compact record of a published build, kept in the site so the next build can compare with it. */
export interface Publication {
  schemaVersion: 1;
  buildDate: string;
  /** The configuration's site and département: another configuration's site is never compared with nor replaced silently. */
  territory?: { name: string; departement: string };
  sources: Record<string, { dataset: string; vintage: string }>;
  epcis: Record<string, { name: string; signed: boolean }>;
  /** EPCI code → indicator id → the EPCI's published value. */
  values: Record<string, Record<string, { status: ValueStatus; value?: number }>>;
  /** Indicator id → label and unit, to word the report. */
  indicators: Record<string, { label: string; unit: string; decimals: number }>;
  /** Digest of everything the build read (src/changes/inputs.ts): equal on a republication with nothing new. */
  inputs?: string;
  /** The path the site is published under (src/format/base.ts), which `npm run preview` and `npm run pdf` serve it at. */
  base?: string;
  /** EPCI code → key of its portrait's folder (src/site/reuse.ts): equal keys, same files. */
  pages?: Record<string, string>;
  /** Commune code → key of its sheet's folder, likewise. */
  sheets?: Record<string, string>;
}

export interface ValueChange {
  epci: string;
  epciName: string;
  indicator: string;
  label: string;
  unit: string;
  decimals: number;
  before: { status: ValueStatus; value?: number };
  after: { status: ValueStatus; value?: number };
  /** after − before, when both are shown. */
  difference?: number;
}

export interface ChangeReport {
  /** Date of the previous publication, or undefined for a first publication. */
  previousDate?: string;
  buildDate: string;
  vintages: { source: string; dataset: string; before?: string; after?: string }[];
  agreements: { epci: string; name: string; before?: boolean; after?: boolean }[];
  values: ValueChange[];
  /** Indicators added to or removed from the portraits. */
  indicatorsAdded: string[];
  indicatorsRemoved: string[];
}
