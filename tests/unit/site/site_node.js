// Runs the site's own analyzer.js and search.js under node for the parity tests
// (search_parity_test.cpp). Usage:
//   node site_node.js terms ASSETS_DIR < lines      -> one JSON array of terms per input line
//   node site_node.js search SITE_DIR < queries     -> one JSON {query, total, ids} per line
"use strict";
const fs = require("fs");
const path = require("path");
const [mode, dir] = process.argv.slice(2);
const input = fs.readFileSync(0, "utf8").split("\n").filter((line) => line.length > 0);

if (mode === "terms") {
  const analyzer = require(path.resolve(dir, "analyzer.js"));
  for (const line of input) process.stdout.write(JSON.stringify(analyzer.terms(line)) + "\n");
} else if (mode === "search") {
  const analyzer = require(path.resolve(dir, "assets/analyzer.js"));
  const { search } = require(path.resolve(dir, "assets/search.js"));
  const load = (p) => Promise.resolve(JSON.parse(fs.readFileSync(path.join(dir, "search", p), "utf8")));
  (async () => {
    for (const query of input) {
      const found = await search(query, analyzer, load, 100000);
      process.stdout.write(JSON.stringify({ query, total: found.total,
                                            ids: found.results.map((r) => r.id) }) + "\n");
    }
  })();
} else {
  process.stderr.write("usage: node site_node.js terms|search DIR\n");
  process.exit(2);
}
