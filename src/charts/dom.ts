// The only module that touches a DOM: one linkedom document per process, reused by every chart
// (tech-notes §3.2). Plot's output is made accessible and deterministic here, and rejected if Plot warned.
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { FONT_SIZE } from "./theme";

const SVG_NS = "http://www.w3.org/2000/svg";
/** Fixed class so every chart shares one hoisted copy of Plot's CSS. */
export const PLOT_CLASS = "pt-plot";

const { document } = parseHTML("<!doctype html><html><head></head><body></body></html>");
const doc = document as unknown as Document;

/** FNV-1a, 32 bits: a stable short hash of a chart's input, for ids that do not depend on render order. */
export function chartId(kind: string, input: unknown): string {
  let h = 0x811c9dc5;
  const s = JSON.stringify(input);
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return `pt-${kind}-${(h >>> 0).toString(36)}`;
}

export interface ChartMeta {
  /** From chartId: prefixes every id in the SVG. */
  id: string;
  /** Short name: the svg's aria-label and <title>. */
  title: string;
  /** Text alternative: the svg's <desc>. */
  desc: string;
}

let plotCss: string | undefined;

/** The CSS Plot puts in every chart, read once from an empty plot; removed from each chart and hoisted (styles.ts). */
export function plotStyles(): string {
  plotCss ??= Plot.plot({ document: doc, className: PLOT_CLASS, marks: [] }).querySelector("style")?.textContent ?? "";
  return plotCss;
}

function svgElement(tag: string, attrs: Record<string, string | number>): Element {
  const el = doc.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** A custom render mark (tech-notes §5) built from a description of SVG elements: charts never create nodes. */
export interface SvgNode {
  tag: string;
  attrs: Record<string, string | number>;
  text?: string;
  children?: SvgNode[];
}

function build(node: SvgNode): Element {
  const el = svgElement(node.tag, node.attrs);
  if (node.text !== undefined) el.textContent = node.text;
  for (const child of node.children ?? []) el.append(build(child));
  return el;
}

/** Wraps a function of Plot's scales and dimensions into a mark that draws the SVG nodes it returns. */
export function svgMark(draw: (scales: Plot.ScaleFunctions, dimensions: Plot.Dimensions) => SvgNode[]): Plot.RenderFunction {
  return (_index, scales, _values, dimensions) => {
    const g = svgElement("g", {});
    for (const node of draw(scales, dimensions)) g.append(build(node));
    return g as SVGElement;
  };
}

export interface Hatch {
  id: string;
  background: string;
  ink: string;
}

/** A diagonal hatch pattern, referenced as fill: url(#id). */
export const hatchPattern = (h: Hatch): SvgNode => ({
  tag: "pattern",
  attrs: { id: h.id, patternUnits: "userSpaceOnUse", width: 6, height: 6, patternTransform: "rotate(45)" },
  children: [
    { tag: "rect", attrs: { width: 6, height: 6, fill: h.background } },
    { tag: "path", attrs: { d: "M3,0V6", stroke: h.ink, "stroke-width": 1.3 } },
  ],
});

/** <defs> with diagonal hatch patterns, as a Plot mark. */
export function hatchDefs(hatches: Hatch[]): Plot.RenderFunction {
  return svgMark(() => [{ tag: "defs", attrs: {}, children: hatches.map(hatchPattern) }]);
}

/** Renders a Plot chart to an accessible, deterministic SVG string. Throws if Plot warned or produced NaN. */
export function renderPlot(options: Plot.PlotOptions, meta: ChartMeta): string {
  const svg = Plot.plot({ ...options, document: doc, className: PLOT_CLASS });
  // Legends and titles are ours (HTML); a <figure> here means a chart asked Plot for one by mistake.
  if (svg.tagName.toLowerCase() !== "svg") throw new Error(`${meta.id} : Plot a produit un <${svg.tagName}> au lieu d'un <svg>`);
  // Accessibility fix (tech-notes §8): role, name, description; no aria-label on role-less <g>.
  svg.setAttribute("role", "img");
  // Readable text in the page's font (linkedom ignores Plot's `style` option, so set the attributes).
  svg.setAttribute("font-size", String(FONT_SIZE));
  svg.setAttribute("font-family", "inherit");
  svg.setAttribute("aria-label", meta.title);
  svg.removeAttribute("aria-description");
  const title = svgElement("title", {});
  title.textContent = meta.title;
  const desc = svgElement("desc", {});
  desc.textContent = meta.desc;
  svg.prepend(title, desc);
  for (const g of svg.querySelectorAll("g[aria-label]")) g.removeAttribute("aria-label");
  for (const style of svg.querySelectorAll("style")) if (style.textContent === plotStyles()) style.remove();

  // Plot numbers clip paths and patterns with global counters: make them local to this chart.
  const seen = new Map<string, string>();
  const html = svg.outerHTML.replace(/plot-(clip|pattern)-\d+/g, (m, kind) => {
    if (!seen.has(m)) seen.set(m, `${meta.id}-${kind}-${seen.size + 1}`);
    return seen.get(m)!;
  });
  if (html.includes("⚠")) throw new Error(`${meta.id} : Plot a signalé un avertissement (⚠) dans « ${meta.title} »`);
  if (/\bNaN\b/.test(html)) throw new Error(`${meta.id} : valeur NaN dans « ${meta.title} »`);
  return html;
}
