// The thread or process of pipeline/aside.ts: runs each task it is sent, in order, and sends back its
// result or its error once what the task printed has reached the parent (it may be ended as soon as
// the result arrives, which would lose output still on its way).
import { parentPort } from "node:worker_threads";
import { toParent } from "./notify";

const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write("", () => resolve()));

let done: Promise<void> = Promise.resolve();
(parentPort ?? process).on("message", ({ id, task, data }: { id?: number; task: string; data?: unknown }) => {
  // Without an id, only load the module (Aside.preload): a failure shows when the task is run.
  if (id === undefined) return void (done = done.then(() => import(task).then(() => {}, () => {})));
  done = done.then(async () => {
    let message;
    try {
      const { run } = (await import(task)) as { run: (data: unknown) => unknown };
      message = { id, result: await run(data) };
    } catch (error) {
      message = { id, error };
    }
    await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
    toParent(message);
  });
});
