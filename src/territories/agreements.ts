// Conventions territoriales globales (CTG) signed by each EPCI, shown on its portrait.
import { readCsv } from "./csv";
import { atLine, failIfAny } from "./errors";
import type { Territories } from "./types";

export interface Agreement {
  signed: boolean;
  date?: string; // ISO YYYY-MM-DD
}

/** "2023-06-30" or "30/06/2023" → "2023-06-30"; undefined if neither. */
function isoDate(text: string): string | undefined {
  const fr = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  const iso = fr ? `${fr[3]}-${fr[2]}-${fr[1]}` : text;
  const d = new Date(`${iso}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : undefined;
}

/**
 * Reads `epci;signee;date` (signee: oui/non). Every portrayed EPCI gets an entry: those absent from
 * the file count as not signed, which the returned warnings say.
 */
export function readAgreements(file: string, territories: Territories): { agreements: Map<string, Agreement>; warnings: string[] } {
  const known = new Set(territories.epcis.map((e) => e.code));
  const agreements = new Map<string, Agreement>();
  const problems: string[] = [];
  for (const { line, values } of readCsv(file, ["epci", "signee", "date"])) {
    const { epci } = values;
    const signee = values.signee.toLowerCase();
    const date = values.date === "" ? undefined : isoDate(values.date);
    if (!known.has(epci)) problems.push(atLine(line, `EPCI « ${epci} » inconnu parmi les EPCI du département`));
    else if (agreements.has(epci)) problems.push(atLine(line, `EPCI ${epci} en double`));
    if (signee !== "oui" && signee !== "non") problems.push(atLine(line, `signee vaut « ${values.signee} » (oui ou non attendu)`));
    if (values.date !== "" && !date) problems.push(atLine(line, `date « ${values.date} » invalide (AAAA-MM-JJ ou JJ/MM/AAAA attendu)`));
    if (!agreements.has(epci)) agreements.set(epci, { signed: signee === "oui", ...(date ? { date } : {}) });
  }
  failIfAny(file, problems);

  const warnings: string[] = [];
  for (const e of territories.epcis)
    if (!agreements.has(e.code)) {
      agreements.set(e.code, { signed: false });
      warnings.push(`L'EPCI ${e.code} ${e.name} est absent du fichier des CTG : considéré comme non signataire.`);
    }
  return { agreements, warnings };
}
