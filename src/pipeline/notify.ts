// Messages from a task of pipeline/aside.ts to the thread or process that asked for it: its result,
// or, while it runs, an event such as a stage reached (the build starts Astro on one).
import { parentPort } from "node:worker_threads";

export const toParent = (message: unknown) => (parentPort ? parentPort.postMessage(message) : process.send?.(message));

/** Tells the parent that `event` happened; nothing when not run aside. */
export const notifyParent = (event: string) => toParent({ event });
