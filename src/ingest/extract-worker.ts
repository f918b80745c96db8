// An extraction worker thread (extract-pool.ts): prepares the inputs it is sent, one message
// each, and answers with the prepared documents. Its name tagger model and gazetteer load
// once, when it starts, and serve every input it is given until the pool closes it.
import { parentPort } from "node:worker_threads";
import { getGazetteer } from "./gazetteer/index.js";
import { getModel } from "./ner/model.js";
import { prepareInput } from "./prepare.js";
import type { ExtractionRequest, ExtractionReply } from "./extract-pool.js";

getModel();
getGazetteer();

parentPort!.on("message", ({ id, origin, input, hints }: ExtractionRequest) => {
  let reply: ExtractionReply;
  try {
    reply = { id, prepared: prepareInput(origin, input, hints) };
  } catch (error) {
    reply = { id, error: error as Error };
  }
  parentPort!.postMessage(reply);
});
