// Charts written as SVG text, without Plot nor a DOM: the pyramid and the commune locator, drawn for
// each of up to 35,000 commune sheets, where Plot's fixed cost (about 1 ms a chart, scales, axes and
// a DOM to serialise) outweighed the drawing; and the choropleth, whose thousands of paths Plot
// built as DOM nodes only to serialise them again. Same accessible frame as renderPlot (dom.ts): role,
// name, title and description, the page's font, the class that takes the charts' shared styles.
import { escapeHtml as e } from "../format/text";
import { hatchPattern, PLOT_CLASS, type ChartMeta, type Hatch, type SvgNode } from "./dom";
import { FONT_SIZE } from "./theme";

/** A coordinate, to the hundredth of a pixel: enough for the eye and for print, and short. */
export const px = (n: number) => String(Math.round(n * 100) / 100);

/** An element with its attributes (values escaped) and its content, markup as given. */
export function el(tag: string, attrs: Record<string, string | number | undefined>, content = ""): string {
  const list = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === "number" ? px(v) : e(v!)}"`)
    .join("");
  return `<${tag}${list}${content === "" && tag !== "text" && tag !== "g" ? " />" : `>${content}</${tag}>`}`;
}

/** A node described for svgMark (dom.ts), as markup: the shapes both ways of drawing share. */
export const nodeSvg = (node: SvgNode): string =>
  el(node.tag, node.attrs, node.text !== undefined ? e(node.text) : (node.children ?? []).map(nodeSvg).join(""));

/** <defs> with the charts' hatch patterns. */
export const hatchDefsSvg = (hatches: Hatch[]) => nodeSvg({ tag: "defs", attrs: {}, children: hatches.map(hatchPattern) });

/** The chart's <svg>, its body given as markup. Throws on NaN, as renderPlot does. */
export function svgChart(meta: ChartMeta, width: number, height: number, body: string): string {
  const svg =
    `<svg aria-label="${e(meta.title)}" role="img" viewBox="0 0 ${width} ${height}" height="${height}" width="${width}" text-anchor="middle" ` +
    `font-size="${FONT_SIZE}" font-family="inherit" fill="currentColor" class="${PLOT_CLASS}"><title>${e(meta.title)}</title><desc>${e(meta.desc)}</desc>${body}</svg>`;
  if (/\bNaN\b/.test(svg)) throw new Error(`${meta.id} : valeur NaN dans « ${meta.title} »`);
  return svg;
}
