// Write NAME.expect.json beside each NAME.argdown with the counts Argdown's own
// model reports (statements, arguments, relations), so that check_corpus.py
// compares agon with Argdown itself. Optional: needs node and @argdown/core
// (npm install @argdown/core in some folder, then run with
// NODE_PATH=that/node_modules node argdown_expectations.mjs FILE...).
// Files Argdown cannot parse without errors get no sidecar.
import { createRequire } from "module";
import fs from "fs";
import path from "path";

const require = createRequire(path.join(process.env.NODE_PATH || ".", "noop.js"));
const core = await import(require.resolve("@argdown/core"));
const { ArgdownApplication, ParserPlugin, ModelPlugin } = core;

const app = new ArgdownApplication();
app.addPlugin(new ParserPlugin(), "parse-input");
app.addPlugin(new ModelPlugin(), "build-model");

let written = 0;
for (const file of process.argv.slice(2)) {
  const input = fs.readFileSync(file, "utf8");
  let response;
  try {
    response = app.run({ process: ["parse-input", "build-model"], input, logLevel: "none" });
  } catch (e) {
    continue;
  }
  if ((response.parserErrors || []).length || (response.lexerErrors || []).length) continue;
  const argumentsWithPcs = Object.values(response.arguments || {}).filter(a => a.pcs && a.pcs.length).length;
  const expect = {
    statements: Object.keys(response.statements || {}).length,
    arguments: Object.keys(response.arguments || {}).length,
    relations: (response.relations || []).length,
    origin: `@argdown/core ${core.version || ""} model of ${path.basename(file)}`.replace("  ", " "),
    argumentsWithPcs,
    mode: (response.frontMatter && response.frontMatter.model && response.frontMatter.model.mode) || "loose"
  };
  fs.writeFileSync(file.replace(/\.(argdown|ad)$/, "") + ".expect.json", JSON.stringify(expect, null, 1) + "\n");
  written++;
}
console.log(`${written} of ${process.argv.length - 2} files given Argdown's expectations`);
