// `node --import tsx src/bench/read-task.ts <dir>`: reads the source declared in <dir>/source.json
// as the build does (the read stage, to the source table), in a process of its own so that its
// time and memory are the read's alone; prints them as one JSON line.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sourceSchema } from "../declare/schemas";
import { readSource } from "../read/index";

const dir = process.argv[2];
const source = sourceSchema.parse(JSON.parse(readFileSync(join(dir, "source.json"), "utf8")));
const started = performance.now();
const table = await readSource(source, dir);
const ms = performance.now() - started;
// maxRSS is in kilobytes: the process's peak, its code and Node included.
console.log(JSON.stringify({ read: { ms, rows: table.rows.length, peakBytes: process.resourceUsage().maxRSS * 1024 } }));
