// One workbook's grid read as a task of the pipeline's other thread (pipeline/aside.ts): SheetJS
// takes seconds on a large workbook, and the CSV files are read meanwhile.
import type { Source } from "../declare/schemas";
import { gridMessage, readRaw, type GridMessage } from "./index";

export function run({ source, dataDir }: { source: Source; dataDir: string }): Promise<GridMessage> {
  return gridMessage(readRaw(source, dataDir));
}
