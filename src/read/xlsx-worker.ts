// One workbook's grid read on its own thread (see pipeline/aside.ts): exceljs takes seconds on a
// large workbook, and the CSV files are read meanwhile.
import { parentPort, workerData } from "node:worker_threads";
import type { Source } from "../declare/schemas";
import { gridMessage, readRaw } from "./index";

const { source, dataDir } = workerData as { source: Source; dataDir: string };
parentPort!.postMessage(await gridMessage(readRaw(source, dataDir)));
