// Findings printed for a person: errors first, then warnings, then notes; each with where,
// what and what to do.
import type { Finding, Severity } from "../quality/findings";

const TITLES: Record<Severity, string> = { error: "Erreurs (à corriger : elles bloquent la publication)", warning: "Avertissements (à vérifier)", info: "Pour information" };

function line(f: Finding): string {
  const where = f.file && !f.message.startsWith(f.file) ? `${f.file}${f.line ? `, ligne ${f.line}` : ""} : ` : "";
  return `  - ${where}${f.message}${f.hint ? `\n    → ${f.hint}` : ""}`;
}

export function findingLines(findings: Finding[], { max = 30, withInfo = false } = {}): string[] {
  const lines: string[] = [];
  for (const severity of ["error", "warning", ...(withInfo ? ["info" as const] : [])] as Severity[]) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(`\n${TITLES[severity]} : ${group.length}`);
    lines.push(...group.slice(0, max).map(line));
    if (group.length > max) lines.push(`  … et ${group.length - max} autres.`);
  }
  return lines;
}

export const errorsIn = (findings: Finding[]) => findings.filter((f) => f.severity === "error");
