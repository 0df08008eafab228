// The thread of pipeline/aside.ts: runs each task it is sent, in order, and sends back its result
// or its error.
import { parentPort } from "node:worker_threads";

let done: Promise<void> = Promise.resolve();
parentPort!.on("message", ({ id, task, data }: { id: number; task: string; data: unknown }) => {
  done = done.then(async () => {
    try {
      const { run } = (await import(task)) as { run: (data: unknown) => unknown };
      parentPort!.postMessage({ id, result: await run(data) });
    } catch (error) {
      parentPort!.postMessage({ id, error });
    }
  });
});
