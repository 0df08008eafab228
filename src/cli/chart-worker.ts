// One worker of warmCharts (charts.ts): builds each portrait it is sent exactly as its page does, which
// draws every chart of it into the chart cache; answers when done.
import { parentPort } from "node:worker_threads";
import { portraitModel, siteModel } from "../site/models";
import { blockContext, portraitView } from "../site/portrait";

parentPort!.on("message", (code: string) => {
  const model = portraitModel(code);
  try {
    portraitView(model, blockContext(siteModel()));
  } catch (error) {
    throw new Error(`portrait de ${model.epci.name} : ${error instanceof Error ? error.message : String(error)}`);
  }
  parentPort!.postMessage("done");
});
