// The portrait plan of a new configuration: for each theme, a page of the repository's plans
// (portraits/*.yaml) kept with the indicators these files allow; what is computable but shown by no
// block is listed in the plan's comment. The real plan rules (src/declare) judge the result.
import { parseDocument, type YAMLMap, type YAMLSeq } from "yaml";
import { BLOCK_RULES } from "../declare/block-rules";
import type { CatalogueIndicator } from "../declare/declarations";
import { THEMES, type Block, type PortraitPlan } from "../declare/schemas";

type Page = PortraitPlan["pages"][number];

const PAGE_TITLES: Record<(typeof THEMES)[number], string> = {
  territoire: "Territoire et population",
  familles: "Familles et ménages",
  revenus: "Revenus et pauvreté",
  emploi: "Emploi et formation",
  logement: "Logement",
  sante: "Vieillissement et santé",
};

/** Six pages with only the map: a plan that loads whatever the sources, to learn what they allow. */
export const draftPlan = (): PortraitPlan => ({
  title: "Portrait de territoire",
  pages: THEMES.map((theme) => ({ title: PAGE_TITLES[theme], theme, blocks: [{ kind: "locator-map", title: "Situation dans le département", indicators: [], wide: false }] })),
});

/**
 * Per theme, the one page of the repository's plans that shows most of what these files allow, cut to
 * it: each of those pages is known to fit its A4 sheet, which a page merged from several would not.
 * `unplaced`: the computable indicators no kept block shows, for the plan's comment.
 */
export function planFrom(
  templates: PortraitPlan[],
  indicators: Map<string, CatalogueIndicator>,
  computable: Set<string>,
  /** The vintage of an indicator's first variable (the labels of an evolution). */
  vintageOf: (indicator: string) => string | undefined,
): { plan: PortraitPlan; unplaced: string[] } {
  const placed = new Set<string>();
  const pages = THEMES.map((theme): Page => {
    const candidates = templates.flatMap((t) => t.pages.filter((p) => p.theme === theme)).map((model) => {
      const blocks = model.blocks.flatMap((block) => keepComputableBlock(block, computable, vintageOf) ?? []);
      return { model, blocks, shown: new Set(blocks.flatMap((b) => b.indicators)).size };
    });
    const best = candidates.reduce<(typeof candidates)[number] | undefined>((a, b) => (a && a.shown >= b.shown ? a : b), undefined);
    const blocks = best?.blocks.length ? best.blocks : draftPlan().pages[0].blocks;
    blocks.forEach((b) => b.indicators.forEach((i) => placed.add(i)));
    // An intro that names a vintage described the files of another configuration.
    const intro = best?.model.intro && !/\b(19|20)\d{2}\b/.test(best.model.intro) ? best.model.intro : undefined;
    return { title: best?.model.title ?? PAGE_TITLES[theme], theme, ...(intro ? { intro } : {}), blocks };
  });
  const unplaced = [...computable].filter((id) => indicators.has(id) && !placed.has(id)).sort();
  return { plan: { title: templates[0]?.title ?? "Portrait de territoire", pages }, unplaced };
}

/** The block with its computable indicators (and their labels), or undefined if too few are left. */
function keepComputableBlock(block: Block, computable: Set<string>, vintageOf: (indicator: string) => string | undefined = () => undefined): Block | undefined {
  const rule = BLOCK_RULES[block.kind];
  const step = rule.pairs ? 2 : 1;
  const indicators: string[] = [];
  const labels: string[] = [];
  for (let i = 0; i < block.indicators.length; i += step) {
    const group = block.indicators.slice(i, i + step);
    if (!group.every((id) => computable.has(id))) continue;
    indicators.push(...group);
    if (block.labels?.[i / step] !== undefined) labels.push(block.labels[i / step]);
  }
  if (indicators.length < rule.min || (rule.max !== undefined && indicators.length > rule.max)) return undefined;
  if (block.kind === "evolution") {
    // Labels are the years of the files, not of the template's.
    const years = indicators.map((id) => vintageOf(id) ?? "");
    return { ...block, indicators, labels: years, title: block.title.replace(/\b(19|20)\d{2}\b/, years[0]) };
  }
  return { ...block, indicators, ...(block.labels ? { labels } : {}) };
}

/** The plan without the indicators the plan rules refused (paths such as pages[2].blocks[1].indicators[3]). */
export function withoutRefused(plan: PortraitPlan, paths: string[]): PortraitPlan {
  const refused = new Set(paths.flatMap((p) => {
    const m = /^pages\[(\d+)\]\.blocks\[(\d+)\](?:\.indicators(?:\[(\d+)\])?)?/.exec(p);
    return m ? [`${Number(m[1]) - 1}/${Number(m[2]) - 1}/${m[3] ? Number(m[3]) - 1 : "*"}`] : [];
  }));
  return {
    ...plan,
    pages: plan.pages.map((page, p) => {
      const blocks = page.blocks.flatMap((block, b) => {
        if (refused.has(`${p}/${b}/*`)) return [];
        const drop = new Set(block.indicators.flatMap((id, i) => (refused.has(`${p}/${b}/${i}`) ? [id] : [])));
        if (drop.size === 0) return [block];
        const computable = new Set(block.indicators.filter((id) => !drop.has(id)));
        const kept = keepComputableBlock(block, computable);
        return kept ? [block.kind === "evolution" ? { ...kept, labels: block.labels?.filter((_, i) => !drop.has(block.indicators[i])), title: block.title } : kept] : [];
      });
      return { ...page, blocks: blocks.length ? blocks : draftPlan().pages[0].blocks };
    }),
  };
}

/** The user's plan (its text, comments kept) without the indicators no longer computable, nor the blocks left too short. */
export function keepComputable(text: string, computable: Set<string>): string {
  const doc = parseDocument(text);
  for (const page of (doc.get("pages") as YAMLSeq<YAMLMap>).items) {
    const blocks = page.get("blocks") as YAMLSeq<YAMLMap>;
    for (const block of [...blocks.items]) {
      const list = block.get("indicators") as YAMLSeq | undefined;
      if (!list) continue;
      const ids = list.items.map((i) => String((i as { value?: unknown }).value ?? i));
      const kept = keepComputableBlock(block.toJSON() as Block, computable);
      if (ids.every((id) => computable.has(id))) continue;
      if (!kept) blocks.items.splice(blocks.items.indexOf(block), 1);
      else {
        block.set("indicators", doc.createNode(kept.indicators, { flow: true }));
        if (kept.labels) block.set("labels", doc.createNode(kept.labels, { flow: true }));
      }
    }
    if (blocks.items.length === 0) blocks.items.push(doc.createNode(draftPlan().pages[0].blocks[0]) as YAMLMap);
  }
  return doc.toString({ lineWidth: 0 });
}
