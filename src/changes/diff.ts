// What changed between two publications: vintages, CTG statuses and every EPCI value.
import type { ChangeReport, Publication, ValueChange } from "./types";

/** Values whose rounded display did not move are not reported as changes. */
function sameShown(a: { status: string; value?: number }, b: { status: string; value?: number }, decimals: number): boolean {
  if (a.status !== b.status) return false;
  if (a.status !== "ok") return true;
  return a.value!.toFixed(decimals) === b.value!.toFixed(decimals);
}

export function diffPublications(previous: Publication | undefined, next: Publication): ChangeReport {
  const before: Omit<Publication, "schemaVersion" | "buildDate"> = previous ?? { sources: {}, epcis: {}, values: {}, indicators: {} };
  const report: ChangeReport = {
    ...(previous ? { previousDate: previous.buildDate } : {}),
    buildDate: next.buildDate,
    vintages: [],
    agreements: [],
    values: [],
    indicatorsAdded: Object.keys(next.indicators).filter((id) => !(id in before.indicators)).sort(),
    indicatorsRemoved: Object.keys(before.indicators).filter((id) => !(id in next.indicators)).sort(),
  };
  for (const id of new Set([...Object.keys(before.sources), ...Object.keys(next.sources)])) {
    const [a, b] = [before.sources[id], next.sources[id]];
    if (a?.vintage !== b?.vintage)
      report.vintages.push({ source: id, dataset: (b ?? a).dataset, ...(a ? { before: a.vintage } : {}), ...(b ? { after: b.vintage } : {}) });
  }
  for (const code of new Set([...Object.keys(before.epcis), ...Object.keys(next.epcis)])) {
    const [a, b] = [before.epcis[code], next.epcis[code]];
    if (a?.signed !== b?.signed)
      report.agreements.push({ epci: code, name: (b ?? a).name, ...(a ? { before: a.signed } : {}), ...(b ? { after: b.signed } : {}) });
  }
  if (!previous) return report;
  for (const [code, values] of Object.entries(next.values))
    for (const [id, after] of Object.entries(values)) {
      const was = before.values[code]?.[id];
      const meta = next.indicators[id];
      if (!was || sameShown(was, after, meta.decimals)) continue;
      const change: ValueChange = {
        epci: code,
        epciName: next.epcis[code].name,
        indicator: id,
        ...meta,
        before: was,
        after,
        ...(was.status === "ok" && after.status === "ok" ? { difference: after.value! - was.value! } : {}),
      };
      report.values.push(change);
    }
  report.values.sort((a, b) => a.label.localeCompare(b.label, "fr") || a.epciName.localeCompare(b.epciName, "fr"));
  return report;
}
