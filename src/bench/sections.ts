// The measured figures of each configuration, beside the targets of the "Gates" issue.
import { DEMO_SCALE } from "../demo/scale";
import type { ReadMeasure } from "./dossier";
import { isSkipped, type Measured, type Outcome, type Skipped } from "./measure";
import { gigabytes, integer, kilobytes, seconds, type Figure, type Section } from "./report";

export const TARGETS = { demoColdS: 5, franceColdS: 90, unchangedS: 8, changedShare: 25, chartMs: 1, portraitKo: 50, sheetKo: 15, memoryGo: 1.5, readS: 10, readMemoryGo: 1, pdfS: 0.3 };

const wallS = (o: Outcome) => (isSkipped(o) || !o.ok ? undefined : seconds(o.wallMs));
/** Short, for the table; the build's own message goes under it. */
const noteOf = (o: Outcome) => (isSkipped(o) ? o.skipped : o.ok ? undefined : o.timedOut ? `arrêtée après ${decimal(seconds(o.wallMs))} s : budget atteint` : "échec, voir ci-dessous");
const decimal = (v: number) => v.toFixed(1).replace(".", ",");

export function demoSection(m: Measured): Section {
  const figures: Figure[] = [
    { label: "construction à froid", value: wallS(m.cold), unit: "s", target: TARGETS.demoColdS, note: noteOf(m.cold) },
    { label: "reconstruction sans changement", value: wallS(m.unchanged), unit: "s", note: noteOf(m.unchanged) },
    { label: "reconstruction après un fichier modifié", value: wallS(m.changed), unit: "s", note: noteOf(m.changed) },
    // A few hundred charts: V8 is still compiling the drawing code, which the national scale measures warm.
    ...commonFigures(m, false),
    pdfFigure(m),
  ];
  return { title: `Démo : ${integer(DEMO_SCALE.communes)} communes, ${DEMO_SCALE.epcis} EPCI`, figures, details: details(m) };
}

export interface FranceScale {
  communes: number;
  epcis: number;
  generatedMs: number;
  /** --quick: the demo measured alongside, and the scale to extrapolate to. */
  quick?: { demo: Measured; france: { communes: number; epcis: number } };
}

export function franceSection(m: Measured, scale: FranceScale): Section {
  const [cold, unchanged, changed] = [wallS(m.cold), wallS(m.unchanged), wallS(m.changed)];
  const share = cold && changed ? (100 * changed) / cold : undefined;
  const title = `France synthétique : ${integer(scale.communes)} communes, ${integer(scale.epcis)} EPCI`;
  const generated = `Fichiers des producteurs écrits en ${decimal(seconds(scale.generatedMs))} s (hors mesures).`;
  if (!scale.quick) {
    const figures: Figure[] = [
      { label: "construction à froid", value: cold, unit: "s", target: TARGETS.franceColdS, note: noteOf(m.cold) },
      { label: "reconstruction sans changement", value: unchanged, unit: "s", target: TARGETS.unchangedS, note: noteOf(m.unchanged) },
      { label: "reconstruction après un fichier modifié", value: changed, unit: "s", note: noteOf(m.changed) },
      { label: "  en part de la construction à froid", value: share, unit: "%", target: TARGETS.changedShare },
      ...commonFigures(m),
    ];
    return { title, figures, details: [generated, ...details(m)] };
  }
  // Times grow about linearly with the number of portraits: a line through the demo and this scale.
  const { demo, france } = scale.quick;
  const extrapolate = (small: Outcome, large: number | undefined) => {
    const base = wallS(small);
    if (base === undefined || large === undefined) return undefined;
    return large + ((large - base) / (scale.epcis - DEMO_SCALE.epcis)) * (france.epcis - scale.epcis);
  };
  const [xCold, xUnchanged, xChanged] = [extrapolate(demo.cold, cold), extrapolate(demo.unchanged, unchanged), extrapolate(demo.changed, changed)];
  const extrapolatedNote = (v: number | undefined) => (v === undefined ? "rien à extrapoler" : `extrapolé à ${integer(france.epcis)} EPCI`);
  const measuredHere = `mesuré à ${integer(scale.epcis)} EPCI`;
  const xShare = xCold && xChanged ? (100 * xChanged) / xCold : undefined;
  const figures: Figure[] = [
    { label: "construction à froid", value: cold, unit: "s", note: noteOf(m.cold) ?? measuredHere },
    { label: "reconstruction sans changement", value: unchanged, unit: "s", note: noteOf(m.unchanged) ?? measuredHere },
    { label: "reconstruction après un fichier modifié", value: changed, unit: "s", note: noteOf(m.changed) ?? measuredHere },
    { label: "France : construction à froid", value: xCold, unit: "s", target: TARGETS.franceColdS, note: extrapolatedNote(xCold) },
    { label: "France : reconstruction sans changement", value: xUnchanged, unit: "s", target: TARGETS.unchangedS, note: extrapolatedNote(xUnchanged) },
    { label: "France : après un fichier modifié", value: xChanged, unit: "s", note: extrapolatedNote(xChanged) },
    { label: "  en part de la construction à froid", value: xShare, unit: "%", target: TARGETS.changedShare, note: extrapolatedNote(xShare) },
    ...commonFigures(m).map((f) => ({ ...f, note: f.note ?? measuredHere })),
  ];
  const caveat = "Extrapolation linéaire en nombre d'EPCI entre la démo et cette échelle : ce qui croît plus vite (carte de situation de tous les EPCI dans chaque portrait) y est sous-estimé.";
  return { title: `Échelle réduite : ${integer(scale.communes)} communes, ${integer(scale.epcis)} EPCI, et extrapolation à la France`, figures, details: [generated, caveat, ...details(m)] };
}

/** The dossier complet read alone, in its own process: `generatedMs` is the writing of the file. */
export function readSection(m: ReadMeasure | Skipped, generatedMs: number): Section {
  const title = "Lecture d'un gros fichier : dossier complet synthétique de l'INSEE";
  const note = isSkipped(m) ? m.skipped : undefined;
  const read = isSkipped(m) ? undefined : m;
  const figures: Figure[] = [
    { label: "lecture du fichier (jusqu'à la table de la source)", value: read && seconds(read.ms), unit: "s", target: TARGETS.readS, note },
    { label: "mémoire de pointe du processus de lecture", value: read && gigabytes(read.peakBytes), unit: "Go", target: TARGETS.readMemoryGo, note },
  ];
  const details = [`Fichier écrit en ${decimal(seconds(generatedMs))} s (hors mesures).`];
  if (read)
    details.push(
      `${integer(read.rows)} communes × ${integer(read.columns)} colonnes, ${integer(Math.round(read.fileBytes / 1e6))} Mo ; ${read.declared} colonnes déclarées, lues par un processus à part (son démarrage exclu du temps, Node compris dans la mémoire).`,
    );
  return { title, figures, details };
}

/** `chartTarget`: whether the time per chart is held to its target (at a scale where the code runs optimised). */
function commonFigures(m: Measured, chartTarget = true): Figure[] {
  // A failed build's memory still tells how far it got (an out-of-memory crash, say).
  const cold = isSkipped(m.cold) ? undefined : m.cold;
  const failed = cold && !cold.ok ? "construction en échec" : undefined;
  const figures: Figure[] = [
    {
      label: "ms par graphique (dessin, dans les processus légers)",
      value: m.drawing && m.drawing.charts > 0 ? m.drawing.ms / m.drawing.charts : undefined,
      unit: "ms",
      target: chartTarget ? TARGETS.chartMs : undefined,
      note:
        m.drawing && m.drawing.charts === 0
          ? "aucun graphique dessiné par les processus légers (un seul cœur ?)"
          : chartTarget ? undefined : "cible tenue à l'échelle France ; ici, code pas encore optimisé par V8",
    },
    { label: "mémoire de pointe, somme des processus", value: cold && gigabytes(cold.treePeakBytes), unit: "Go", target: TARGETS.memoryGo, note: failed },
    {
      label: "mémoire de pointe, plus gros processus (time -v)",
      value: cold?.maxProcessBytes && gigabytes(cold.maxProcessBytes),
      unit: "Go",
      target: TARGETS.memoryGo,
      note: failed ?? (cold && cold.maxProcessBytes === undefined ? "/usr/bin/time absent" : undefined),
    },
    { label: "HTML gzip par portrait, médiane", value: m.portraits && kilobytes(m.portraits.gzipMedianBytes), unit: "Ko", target: TARGETS.portraitKo },
    { label: "HTML gzip par portrait, maximum", value: m.portraits && kilobytes(m.portraits.gzipMaxBytes), unit: "Ko", target: TARGETS.portraitKo },
    { label: "HTML gzip par fiche communale, médiane", value: m.sheets?.count ? kilobytes(m.sheets.gzipMedianBytes) : undefined, unit: "Ko", target: TARGETS.sheetKo },
    { label: "HTML gzip par fiche communale, maximum", value: m.sheets?.count ? kilobytes(m.sheets.gzipMaxBytes) : undefined, unit: "Ko", target: TARGETS.sheetKo },
    {
      label: "ms de calcul par fiche communale (page et téléchargements)",
      value: m.sheets?.ms !== undefined && m.sheets.made ? m.sheets.ms / m.sheets.made : undefined,
      unit: "ms",
      note: m.sheets?.made ? `${integer(m.sheets.made)} fiches faites par les processus légers` : undefined,
    },
  ];
  return figures.map((f) => {
    if (f.value === undefined) return { ...f, note: f.note ?? "la construction à froid n'a pas abouti" };
    // A failed build's peak is only a lower bound: judged when it already exceeds the target.
    return failed && f.target !== undefined && f.value <= f.target ? { ...f, target: undefined } : f;
  });
}

/** The printing's throughput: launching Chromium and copying the site cost the same for one portrait as for all. */
function pdfFigure(m: Measured): Figure {
  const figure = { label: "PDF par portrait (impression ÷ portraits)", unit: "s", decimals: 2, target: TARGETS.pdfS } as const;
  if (!m.pdf) return { ...figure, note: "non demandé" };
  if (isSkipped(m.pdf)) return { ...figure, note: m.pdf.skipped };
  const { count, printMs, tabs, wallMs } = m.pdf;
  return {
    ...figure,
    value: seconds(printMs) / count,
    note: `${count} PDF, ${tabs} à la fois, imprimés en ${decimal(seconds(printMs))} s ; npm run pdf en ${decimal(seconds(wallMs))} s, lancement de Chromium et copie du site compris`,
  };
}

function details(m: Measured): string[] {
  const lines: string[] = [];
  if (m.portraits) {
    const { count, charts } = m.portraits;
    const pages = m.portraitPagesMs ?? 0;
    lines.push(
      `${count} portraits publiés, ${charts} graphiques (${Math.round(charts / Math.max(count, 1))} par portrait) ; pages portrait faites en ` +
        `${decimal(seconds(pages))} s de calcul (Astro et processus légers), soit ${decimal(pages / Math.max(charts, 1))} ms par graphique publié, page entière comprise.`,
    );
    if (m.drawing) lines.push(`Graphiques dessinés par les processus légers : ${m.drawing.charts} en ${decimal(seconds(m.drawing.ms))} s.`);
  }
  if (m.passes.length > 1) {
    const times = (pick: (p: Measured["passes"][number]) => number | undefined) => m.passes.map((p) => { const ms = pick(p); return ms === undefined ? "—" : decimal(seconds(ms)); }).join(" / ");
    lines.push(`Passes (la plus rapide retenue) : à froid ${times((p) => p.cold)} s · sans changement ${times((p) => p.unchanged)} s · après un fichier modifié ${times((p) => p.changed)} s.`);
  }
  for (const [name, o] of [["à froid", m.cold], ["sans changement", m.unchanged], ["après un fichier modifié", m.changed]] as const) {
    if (isSkipped(o)) continue;
    const cpu = o.cpuMs === undefined ? "" : `, CPU ${decimal(seconds(o.cpuMs))} s`;
    lines.push(`Construction ${name} : ${decimal(seconds(o.wallMs))} s${cpu}, charge de la machine au départ ${decimal(o.loadBefore)}${o.ok ? "" : ` ; ${o.failure}`}`);
  }
  if (!isSkipped(m.cold)) {
    const steps = m.cold.steps.filter((s) => s.ms >= 50).map((s) => `${s.name} ${decimal(seconds(s.ms))} s`);
    lines.push(`Où va le temps (construction à froid) : ${steps.join(" · ")}`);
  }
  return lines;
}
