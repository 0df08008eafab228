// Where the CPU time of a profiled build goes: V8 profiles (one per Node process, written by
// NODE_OPTIONS=--cpu-prof) summed as self time per package or per folder of src/.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Options that make every Node process of the build write a profile into `dir`. */
export const profileOptions = (dir: string) => `--cpu-prof --cpu-prof-dir=${dir} --cpu-prof-interval=5000`;

interface CpuProfile {
  nodes: { id: number; callFrame: { url: string; functionName: string } }[];
  samples: number[];
  timeDeltas: number[];
}

/** "@observablehq/plot", "linkedom", "src/charts", "ramasse-miettes (GC)"…; undefined: not CPU work. */
function categoryOf({ url, functionName }: CpuProfile["nodes"][number]["callFrame"]): string | undefined {
  // spawnSync: the build process waiting for Astro.
  if (functionName === "(idle)" || functionName === "spawnSync") return undefined;
  if (functionName === "(garbage collector)") return "ramasse-miettes (GC)";
  if (functionName === "(program)" || url === "") return "natif (V8, E/S)";
  // Astro bundles the pages and src/ into chunks named after a module: "models_B3MZ5wJv.mjs".
  const chunk = /\.prerender\/chunks\/(.+?)_[\w-]+\.mjs$/.exec(url)?.[1];
  if (chunk) return `site (${chunk})`;
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(url)?.[1];
  if (inModules) return inModules;
  const inSrc = /\/src\/([^/]+)\//.exec(url)?.[1];
  if (inSrc) return `src/${inSrc}`;
  return url.startsWith("node:") ? "Node (interne)" : "autre";
}

/** One line per process: its busy time and its heaviest categories. */
export function profileLines(dir: string, top = 8): string[] {
  const lines: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")).sort()) {
    const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    profile.samples.forEach((id, i) => {
      const category = categoryOf(byId.get(id)!.callFrame);
      if (category) self.set(category, (self.get(category) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
    const busy = [...self.values()].reduce((a, b) => a + b, 0);
    if (busy < 500) continue; // the tsx launcher: nothing to learn
    const heaviest = [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
    const role = self.has("astro") ? "processus Astro" : "processus de la construction (données)";
    lines.push(
      `${role}, ${(busy / 1000).toFixed(1).replace(".", ",")} s de calcul : ` +
        heaviest.map(([name, ms]) => `${name} ${Math.round((100 * ms) / busy)} %`).join(", "),
    );
  }
  return lines;
}
