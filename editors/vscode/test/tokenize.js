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
const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));

async function main(files) {
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async () => textmate.parseRawGrammar(fs.readFileSync(grammarPath, "utf8"), grammarPath),
  });
  const grammar = await registry.loadGrammar("source.agenda");
  const result = {};
  for (const file of files) {
    // Line ends as agendadsl reads them (CR LF, CR, LF); a byte-order mark is not text.
    const lines = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
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
    result[file] = tokens;
  }
  process.stdout.write(JSON.stringify(result));
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exit(1);
});
