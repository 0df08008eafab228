// The geometry stage on its own thread (see pipeline/aside.ts): it needs only the declarations and
// the referential, and takes about as long as reading and computing the indicators.
import { resolve } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import type { Config } from "../declare/schemas";
import { readCommuneChanges } from "./changes";
import { loadGeography } from "./geometry";
import type { Territories } from "./types";

const { config, configDir, territories } = workerData as { config: Config; configDir: string; territories: Territories };
const renew = config.communeChanges ? readCommuneChanges(resolve(configDir, config.communeChanges)) : undefined;
parentPort!.postMessage(loadGeography(config, configDir, territories, renew));
