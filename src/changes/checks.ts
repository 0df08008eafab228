// Checks of a new publication against the one on line: it must be the same configuration's site, a
// vintage must not go back in time, a value must not jump by orders of magnitude, and a count that
// falls sharply deserves a second look before publishing.
import { formatNumber } from "../format/number";
import { isCountUnit, isPercentUnit } from "../format/unit";
import type { Finding } from "../quality/findings";
import type { Publication } from "./types";

/** The first year named in a vintage ("2021", "4e trimestre 2023", "2015-2020" → 2015). */
const yearOf = (vintage: string) => Number(/\d{4}/.exec(vintage)?.[0] ?? NaN);

/** Counts falling by more than this share between two publications are reported. */
export const FALL_THRESHOLD = 0.1;

/** A value this many times larger or smaller than the published one is a broken file, not news. */
export const JUMP_FACTOR = 100;

/**
 * What the published site is, when it is another configuration's: another département recorded,
 * or, for a record older than that, no EPCI in common.
 */
export function otherSite(previous: Publication, next: Publication): string | undefined {
  const [was, is] = [previous.territory, next.territory];
  if (was && is) return was.departement === is.departement ? undefined : `le site « ${was.name} » (département ${was.departement})`;
  if (Object.keys(next.epcis).some((code) => code in previous.epcis)) return undefined;
  const names = Object.values(previous.epcis).map((e) => e.name);
  return `le site d'autres intercommunalités (${names.slice(0, 2).join(", ")}${names.length > 2 ? ` et ${names.length - 2} autres` : ""})`;
}

export function checkAgainstPublished(previous: Publication | undefined, next: Publication): Finding[] {
  if (!previous) return [];
  const other = otherSite(previous, next);
  if (other)
    return [
      {
        rule: "other-site",
        severity: "error",
        message: `Le dossier de publication contient déjà ${other}, pas celui de cette configuration${next.territory ? ` (« ${next.territory.name} », département ${next.territory.departement})` : ""} : il n'a été ni comparé ni remplacé.`,
        hint: "Construisez dans un autre dossier (--out <dossier>), ou remplacez ce site par celui-ci avec --force.",
      },
    ];
  const findings: Finding[] = [];
  for (const [id, source] of Object.entries(next.sources)) {
    const was = previous.sources[id];
    if (was && yearOf(source.vintage) < yearOf(was.vintage))
      findings.push({
        rule: "vintage-older",
        severity: "error",
        message: `Le millésime ${source.vintage} de « ${source.dataset} » est plus ancien que celui déjà publié (${was.vintage}).`,
        hint: "Vérifiez que vous avez déposé le bon fichier et déclaré le bon millésime (vintage) dans les sources.",
      });
  }
  for (const [code, values] of Object.entries(next.values))
    for (const [id, after] of Object.entries(values)) {
      const before = previous.values[code]?.[id];
      const meta = next.indicators[id];
      if (!before || before.status !== "ok" || after.status !== "ok") continue;
      const ratio = after.value! / before.value!;
      if (!isPercentUnit(meta.unit) && before.value! > 0 && after.value! > 0 && (ratio >= JUMP_FACTOR || ratio <= 1 / JUMP_FACTOR)) {
        const shown = (v: number) => formatNumber(v, meta.decimals);
        findings.push({
          rule: "value-jump",
          severity: "error",
          indicator: id,
          territory: code,
          message: `${meta.label} de ${next.epcis[code].name} passe de ${shown(before.value!)} à ${shown(after.value!)} (${ratio > 1 ? `${formatNumber(ratio, 0)} fois plus` : `${formatNumber(1 / ratio, 0)} fois moins`}) : aucun territoire ne change ainsi d'une publication à l'autre.`,
          hint: "Une valeur du fichier déposé est sans doute fausse (chiffres en trop, colonne décalée, autre unité) : corrigez-la, puis relancez npm run check.",
        });
        continue;
      }
      if (!isCountUnit(meta.unit)) continue;
      const fall = (before.value! - after.value!) / before.value!;
      if (fall > FALL_THRESHOLD)
        findings.push({
          rule: "count-falls",
          severity: "warning",
          indicator: id,
          territory: code,
          message: `${meta.label} de ${next.epcis[code].name} baisse de ${Math.round(fall * 100)} % (${Math.round(before.value!)} → ${Math.round(after.value!)}).`,
          hint: "Une telle baisse est rare : vérifiez que le fichier couvre toutes les communes et le bon champ avant de publier.",
        });
    }
  return findings;
}
