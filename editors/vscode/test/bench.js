// Times the TextMate grammar on one file, for benchmarks/textmate.py:
//   node test/bench.js FILE RUNS   prints {"first": ms, "runs": [ms, ...]}
// The first pass compiles the grammar's regular expressions; the runs after it are warm, as in an
// editor that has the grammar loaded and tokenizes a file again.
"use strict";
const { loadGrammar, readLines, tokenize } = require("./tokenize");

async function main(file, runs) {
  const grammar = await loadGrammar();
  const lines = readLines(file);
  const time = () => {
    const start = process.hrtime.bigint();
    tokenize(grammar, lines);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const first = time();
  process.stdout.write(JSON.stringify({ first, runs: Array.from({ length: runs }, time) }));
}

main(process.argv[2], Number(process.argv[3] || 20)).catch((error) => {
  console.error(error);
  process.exit(1);
});
