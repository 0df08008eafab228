// Comparison sentences, numbers first, after Census Reporter's phrase bands (domain.md §3.2):
// percentages are compared in points, other rates by ratio bands, counts by rank only.
import type { Level } from "../declare/schemas";
import type { IndicatorModel, Value } from "../model/types";
import { franceName } from "./france";
import { formatPoints } from "./difference";
import { NBSP, roundTo } from "./number";
import { joinFrench } from "./text";
import { formatWithUnit, isCountUnit, isPercentUnit } from "./unit";
import { isShown } from "./value";

/** Lower bounds of round(100 × EPCI / reference), widest first. */
const RATIO_BANDS: [number, string][] = [
  [206, "plus de deux fois plus que"],
  [195, "environ deux fois plus que"],
  [180, "près de deux fois plus que"],
  [161, "plus de 1,5 fois plus que"],
  [145, "environ 1,5 fois plus que"],
  [135, "environ 1,4 fois plus que"],
  [128, "environ 1,3 fois plus que"],
  [122, `environ 25${NBSP}% de plus que`],
  [115, `environ 20${NBSP}% de plus que`],
  [107, `environ 10${NBSP}% de plus que`],
  [103, "un peu plus que"],
  [98, "à peu près autant que"],
  [94, "un peu moins que"],
  [86, `environ 90${NBSP}% de`],
  [78, `environ 80${NBSP}% de`],
  [72, "environ les trois quarts de"],
  [64, "environ les deux tiers de"],
  [56, "environ les trois cinquièmes de"],
  [45, "environ la moitié de"],
  [37, "environ les deux cinquièmes de"],
  [30, "environ le tiers de"],
  [23, "environ le quart de"],
  [17, "environ le cinquième de"],
  [13, "moins du cinquième de"],
  [8, `environ 10${NBSP}% de`],
  [0, `moins de 10${NBSP}% de`],
];

/** The band for EPCI / reference; nothing when the ratio has no meaning (≤ 0, infinite). */
export function ratioPhrase(ratio: number): string | undefined {
  if (!(ratio > 0) || !Number.isFinite(ratio)) return undefined;
  const index = Math.round(100 * ratio);
  return RATIO_BANDS.find(([min]) => index >= min)?.[1];
}

/** How a reference level is named in a sentence; the group level is named by the caller, France by its scope ("France métropolitaine"). */
export function territoryPhrase(level: Level, groupName?: string, franceName = "France"): string {
  switch (level) {
    case "departement":
      return "le département";
    case "region":
      return "la région";
    case "france":
      return `la ${franceName}`;
    case "group":
      return groupName ?? "le territoire de rattachement";
    case "epci":
      return "l'intercommunalité";
    case "commune":
      return "la commune";
  }
}

/** Joins "… de" / "… que" to a territory with French contraction and elision ("du département", "qu'Auch"). */
function attach(phrase: string, territory: string): string {
  const vowel = /^[aeiouyàâéèêëîïôöûü]/i.test(territory);
  if (phrase.endsWith(" de")) {
    const stem = phrase.slice(0, -3);
    if (territory.startsWith("le ")) return `${stem} du ${territory.slice(3)}`;
    if (territory.startsWith("les ")) return `${stem} des ${territory.slice(4)}`;
    if (vowel) return `${stem} d'${territory}`;
  }
  if (phrase.endsWith(" que") && vowel) return `${phrase.slice(0, -1)}'${territory}`;
  return `${phrase} ${territory}`;
}

/** A signed gap said in words: "2,1 points de plus que", "à peu près autant que" when it rounds to 0. */
function gapPhrase(diff: number, unit: string, decimals: number): string {
  const r = roundTo(diff, decimals);
  if (r === 0) return "à peu près autant que";
  const amount = isPercentUnit(unit) ? formatPoints(r, decimals) : formatWithUnit(Math.abs(r), unit, decimals);
  return `${amount} de ${r > 0 ? "plus" : "moins"} que`;
}

/** The comparison of one EPCI value with one reference value, without the territory; nothing for counts. */
export function comparisonPhrase(epci: number, reference: number, unit: string, decimals: number): string | undefined {
  if (isCountUnit(unit)) return undefined;
  if (isPercentUnit(unit)) return gapPhrase(epci - reference, unit, decimals);
  // A ratio with a zero or negative term means nothing: say the gap instead.
  return (reference > 0 ? ratioPhrase(epci / reference) : undefined) ?? gapPhrase(epci - reference, unit, decimals);
}

export interface ReferenceValue {
  level: Level;
  value: Value;
  /** The territory's name, which tells France entière from France métropolitaine. */
  name?: string;
}

/** One clause per shown reference: ["2,1 points de plus que le département", …]. */
export function comparisonClauses(
  epci: Value,
  references: ReferenceValue[],
  unit: string,
  decimals: number,
  groupName?: string,
): string[] {
  if (!isShown(epci)) return [];
  return references.flatMap((ref) => {
    if (!isShown(ref.value)) return [];
    const phrase = comparisonPhrase(epci.value, ref.value.value, unit, decimals);
    return phrase ? [attach(phrase, territoryPhrase(ref.level, groupName, ref.level === "france" ? ref.name : undefined))] : [];
  });
}

export interface SentenceOptions {
  /** What the value counts, after the number: "des ménages" → "12,4 % des ménages, soit …". */
  of?: string;
  /** The group level with its article, e.g. "la Maison des solidarités". */
  groupName?: string;
  /** Only compare with these levels (all present references by default). */
  levels?: Level[];
  /** The level the sentence is about, compared with the others: the EPCI by default, a commune on its sheet. */
  subject?: Level;
}

/** "au 3e rang des 12 intercommunalités du département" (rank 1 = highest value). */
export function rankPhrase(rank: { rank: number; of: number }): string {
  return `au ${rank.rank === 1 ? "1er" : `${rank.rank}e`} rang des ${rank.of} intercommunalités du département`;
}

/** "12,4 % des ménages, soit 2,1 points de plus que le département et à peu près autant que la France."
 * Nothing when the EPCI's (the subject's) value is not shown. */
export function comparisonSentence(ind: IndicatorModel, options: SentenceOptions = {}): string | undefined {
  const subject = options.subject ?? "epci";
  const epci = ind.values.find((v) => v.level === subject);
  if (!epci || !isShown(epci)) return undefined;
  const head =
    (epci.approximate ? "environ " : "") + formatWithUnit(epci.value, ind.unit, ind.decimals) + (options.of ? ` ${options.of}` : "");
  if (isCountUnit(ind.unit))
    return ind.rank ? `${head}, ${rankPhrase(ind.rank)}.` : `${head}.`;
  const refs = ind.values.filter((v) => v.level !== subject && (!options.levels || options.levels.includes(v.level)));
  const clauses = comparisonClauses(epci, refs.map((v) => ({ level: v.level, value: v, name: franceName(v.code) })), ind.unit, ind.decimals, options.groupName);
  return clauses.length ? `${head}, soit ${joinFrench(clauses)}.` : `${head}.`;
}
