// Work run beside the pipeline on one other thread (builds have two cores), or in a child process when
// all its memory must be given back to the system at the end (a thread's stays with the process):
// tasks, each a TypeScript module exporting `run(data)`, done one after the other in the order they
// are asked for, so that what the pipeline needs first comes first.
import { typeScriptProcess, typeScriptWorker } from "./thread";

type Settle = { resolve: (result: unknown) => void; reject: (error: unknown) => void };

const WORKER = new URL("./aside-worker.ts", import.meta.url);

type RunIn = "thread" | "process";

/** What Aside needs of a thread or a process. */
interface Runner {
  // Each event has its own argument, as on Worker and ChildProcess.
  on(event: "message" | "error" | "exit", listener: (value: any) => void): void;
  send(message: unknown): void;
  end(): void;
}

function runner(runIn: RunIn): Runner {
  if (runIn === "thread") {
    const worker = typeScriptWorker(WORKER);
    return { on: (event, listener) => worker.on(event, listener), send: (m) => worker.postMessage(m), end: () => void worker.terminate() };
  }
  const child = typeScriptProcess(WORKER);
  return { on: (event, listener) => child.on(event, listener), send: (m) => child.send(m as object), end: () => void child.kill() };
}

export class Aside {
  private readonly worker: Runner;
  private readonly waiting = new Map<number, Settle>();
  private readonly listeners: ((event: string) => void)[] = [];
  private asked = 0;
  private finishing = false;

  constructor(runIn: RunIn = "thread") {
    this.worker = runner(runIn);
    this.worker.on("message", ({ id, result, error, event }: { id: number; result?: unknown; error?: unknown; event?: string }) => {
      if (event !== undefined) return this.listeners.forEach((listener) => listener(event));
      const settle = this.waiting.get(id);
      if (!settle) return; // stopped meanwhile
      this.waiting.delete(id);
      if (error === undefined) settle.resolve(result);
      else settle.reject(error);
      if (this.finishing && this.waiting.size === 0) this.stop();
    });
    const failAll = (error: unknown) => {
      for (const settle of this.waiting.values()) settle.reject(error);
      this.waiting.clear();
    };
    this.worker.on("error", failAll);
    this.worker.on("exit", (code: number | null) => failAll(new Error(`le calcul en parallèle s'est arrêté (code ${code})`)));
  }

  /** Calls `listener` with each event the tasks send (pipeline/notify.ts). */
  onEvent(listener: (event: string) => void): void {
    this.listeners.push(listener);
  }

  /** Loads `task`'s module now, ahead of its first run, while the caller does something else. */
  preload(task: URL): void {
    this.worker.send({ task: task.href });
  }

  /** The result of `task`'s `run(data)`, once the tasks asked for before are done. */
  run<T>(task: URL, data: unknown): Promise<T> {
    const id = this.asked++;
    const result = new Promise<T>((resolve, reject) => this.waiting.set(id, { resolve: resolve as (r: unknown) => void, reject }));
    result.catch(() => {}); // awaited by the caller; a pipeline failing first must not report it again
    this.worker.send({ id, task: task.href, data });
    return result;
  }

  /** Ends the thread or process once the tasks asked for are done: its memory is given back. */
  finish(): void {
    this.finishing = true;
    if (this.waiting.size === 0) this.stop();
  }

  /** Ends it now, e.g. when the pipeline fails before needing the results (they never come). */
  stop(): void {
    this.waiting.clear();
    this.worker.end();
  }
}
