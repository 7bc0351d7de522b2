// Tokenizes agenda files with the extension's TextMate grammar, as VS Code does (vscode-textmate on
// the Oniguruma regular expressions of vscode-oniguruma), for tests/test_textmate.py.
//   node test/tokenize.js FILE...   prints {"FILE": [[line, start, end, [scope, ...]], ...], ...}
// Lines and columns count from 0, in UTF-16 code units (JavaScript's string indexes).
"use strict";
const fs = require("fs");
const path = require("path");
const textmate = require("vscode-textmate");
const oniguruma = require("vscode-oniguruma");

const grammarPath = path.join(__dirname, "..", "syntaxes", "agenda.tmLanguage.json");

async function loadGrammar() {
  const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async () => textmate.parseRawGrammar(fs.readFileSync(grammarPath, "utf8"), grammarPath),
  });
  return registry.loadGrammar("source.agenda");
}

// Line ends as agendadsl reads them (CR LF, CR, LF); a byte-order mark is not text.
function readLines(file) {
  return fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
}

function tokenize(grammar, lines) {
  let state = textmate.INITIAL;
  const tokens = [];
  lines.forEach((line, number) => {
    const found = grammar.tokenizeLine(line, state);
    found.tokens.forEach((token) => {
      const end = Math.min(token.endIndex, line.length);
      if (end > token.startIndex) tokens.push([number, token.startIndex, end, token.scopes]);
    });
    state = found.ruleStack;
  });
  return tokens;
}

async function main(files) {
  const grammar = await loadGrammar();
  const result = {};
  for (const file of files) result[file] = tokenize(grammar, readLines(file));
  process.stdout.write(JSON.stringify(result));
}

module.exports = { loadGrammar, readLines, tokenize };

if (require.main === module) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
