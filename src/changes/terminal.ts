// The change report as terminal lines, for the person who republishes.
import { formatNumber } from "../format/index";
import type { ChangeReport } from "./types";

export function changeLines(report: ChangeReport, max = 15): string[] {
  if (!report.previousDate) return ["Première publication : pas de version précédente à comparer."];
  const lines = [`Changements depuis la publication du ${report.previousDate} :`];
  for (const v of report.vintages) lines.push(`  - nouveau millésime ${v.dataset} : ${v.before ?? "—"} → ${v.after ?? "retirée"}`);
  for (const a of report.agreements) lines.push(`  - ${a.name} : CTG ${a.after ? "signée" : "non signée"} (auparavant ${a.before ? "signée" : "non signée"})`);
  const shown = (x: { status: string; value?: number }, d: number) => (x.status === "ok" ? formatNumber(x.value!, d) : x.status);
  for (const v of report.values.slice(0, max))
    lines.push(`  - ${v.label}, ${v.epciName} : ${shown(v.before, v.decimals)} → ${shown(v.after, v.decimals)}`);
  if (report.values.length > max) lines.push(`  … et ${report.values.length - max} autres valeurs : voir la page /changements/ du site.`);
  if (lines.length === 1) lines.push("  aucun changement.");
  return lines;
}
