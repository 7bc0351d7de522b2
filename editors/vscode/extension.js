// Starts `agenda lsp` (the agendadsl language server, over stdio) for .agenda files. Everything the
// server does (diagnostics, outline, formatting, navigation, semantic tokens) is the server's.
"use strict";
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const [command, ...args] = vscode.workspace.getConfiguration("agendadsl").get("command");
  client = new LanguageClient("agendadsl", "agendadsl", { command, args }, {
    documentSelector: [{ language: "agenda" }],
  });
  context.subscriptions.push(client);
  return client.start().catch((error) => {
    vscode.window.showErrorMessage(
      `agendadsl: could not start "${[command, ...args].join(" ")}" (${error.message}); ` +
      "install agendadsl, or set agendadsl.command to the path of its agenda command.");
  });
}

function deactivate() {
  return client && client.stop();
}

module.exports = { activate, deactivate };
