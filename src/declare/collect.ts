// The items of each declaration file, gathered with their position for the cross-checks.
import { readdirSync } from "node:fs";
import { basename, extname, join } from "node:path";
import type { z } from "zod";
import type { Theme } from "./declarations";
import type { DeclarationIssue } from "./issues";
import { validateYaml } from "./parse-file";
import { blockSchema, themeSchema } from "./schemas";
import type { Block } from "./schemas";
import { issueAt } from "./yaml-file";
import type { Located, YamlFile } from "./yaml-file";

export const RELATIVE_HINT = "Le chemin est relatif au dossier du fichier de configuration.";

export const empty = <T>() => ({ valid: [] as Located<T>[], ids: [] as Located<string>[] });

/**
 * Validates the whole file (for its errors), then each item of its list on its own, so the items that are
 * valid still take part in the cross-checks, and the ids of invalid ones are not reported as unknown.
 */
export function items<T>(
  yaml: YamlFile,
  key: string,
  fileSchema: z.ZodType,
  itemSchema: z.ZodType<T>,
  issues: DeclarationIssue[],
) {
  issues.push(...validateYaml(yaml, fileSchema).issues);
  const raw = (yaml.data as Record<string, unknown> | null)?.[key];
  const list = Array.isArray(raw) ? raw : [];
  const result = empty<T>();
  list.forEach((item, i) => {
    const path = [key, i];
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id === "string") result.ids.push({ value: id, yaml, path });
    const parsed = itemSchema.safeParse(item);
    if (parsed.success) result.valid.push({ value: parsed.data, yaml, path });
  });
  return result;
}

export function indicatorFiles(folder: string, configYaml: YamlFile, issues: DeclarationIssue[]): string[] {
  const files = readdirSync(folder)
    .filter((name) => [".yaml", ".yml"].includes(extname(name)))
    .sort()
    .map((name) => join(folder, name));
  if (files.length === 0) issues.push(issueAt(configYaml, ["indicators"], "aucun fichier .yaml dans le dossier des indicateurs", RELATIVE_HINT));
  return files;
}

/** The file's theme, which must also be its name (revenus.yaml declares `theme: revenus`). */
export function themeOf(yaml: YamlFile, issues: DeclarationIssue[]): Theme | undefined {
  const theme = themeSchema.safeParse((yaml.data as Record<string, unknown> | null)?.theme).data;
  const name = basename(yaml.file, extname(yaml.file));
  if (theme && theme !== name)
    issues.push(
      issueAt(
        yaml,
        ["theme"],
        `le thème « ${theme} » ne correspond pas au nom du fichier « ${basename(yaml.file)} »`,
        `Renommer le fichier en ${theme}${extname(yaml.file)}, ou corriger theme.`,
      ),
    );
  return theme;
}

export function planBlocks(yaml: YamlFile): Located<Block>[] {
  const pages = (yaml.data as { pages?: unknown } | null)?.pages;
  if (!Array.isArray(pages)) return [];
  return pages.flatMap((page, p) => {
    const blocks = (page as { blocks?: unknown } | null)?.blocks;
    if (!Array.isArray(blocks)) return [];
    return blocks.flatMap((raw, b) => {
      const parsed = blockSchema.safeParse(raw);
      return parsed.success ? [{ value: parsed.data, yaml, path: ["pages", p, "blocks", b] }] : [];
    });
  });
}
