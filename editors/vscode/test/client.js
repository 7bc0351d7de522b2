// Activates extension.js with stand-ins for the vscode module and vscode-languageclient (no VS Code
// runs here), for tests/test_textmate.py: which command the client starts for the setting given,
// for which documents, and what the user reads when that command does not start.
//   node test/client.js '["/opt/agenda", "lsp"]' ok|fail   prints what happened, as JSON
"use strict";
const Module = require("module");
const path = require("path");

const [setting, outcome] = [JSON.parse(process.argv[2]), process.argv[3]];
const seen = { errors: [] };
const vscode = {
  workspace: { getConfiguration: (section) => ({ get: (key) => (seen.read = `${section}.${key}`, setting) }) },
  window: { showErrorMessage: (message) => seen.errors.push(message) },
};
class LanguageClient {
  constructor(id, name, server, client) {
    Object.assign(seen, { id, server, selector: client.documentSelector });
  }
  start() {
    return outcome === "ok" ? Promise.resolve() : Promise.reject(new Error("spawn /opt/agenda ENOENT"));
  }
  stop() { seen.stopped = true; return Promise.resolve(); }
}
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === "vscode") return vscode;
  if (request === "vscode-languageclient/node") return { LanguageClient };
  return load.call(this, request, ...rest);
};

const extension = require(path.join(__dirname, "..", "extension.js"));
const context = { subscriptions: [] };
Promise.resolve(extension.activate(context))
  .then(() => extension.deactivate())
  .then(() => {
    seen.subscriptions = context.subscriptions.length;
    process.stdout.write(JSON.stringify(seen));
  });
