// The declare stage: YAML declarations in, typed and cross-checked Declarations out.
export { loadDeclarations } from "./load";
export { DeclarationError, formatIssue, formatIssues } from "./issues";
export type { DeclarationIssue } from "./issues";
export type { CatalogueIndicator, Declarations, Theme } from "./declarations";
export { BLOCK_RULES } from "./block-rules";
export type { BlockKind, BlockRule } from "./block-rules";
export { formulaRefs, sourceLevels } from "./formula-refs";
export type { VariableRef } from "./formula-refs";
export { logicalId, mainFile, refLevels } from "./source-files";
