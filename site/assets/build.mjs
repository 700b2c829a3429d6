// Front-end build, run at development time only: `npm run build`.
// Output in site/static/ is committed; running or deploying the site does not
// need Node.
//
//   site/assets/scss/main.scss  ->  site/static/css/main.css  (compressed, no source map)
//   node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js
//                               ->  site/static/js/govuk-frontend.min.js
//
// site/static/js/init.mjs and site/static/images/favicon.svg are hand-written
// and committed as they are; this script does not touch them.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const staticDir = join(root, "site", "static");

async function write(path, contents) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, contents);
  console.log(`wrote ${relative(root, path)} (${Buffer.byteLength(contents)} bytes)`);
}

// 1. Sass
const result = sass.compile(join(root, "site", "assets", "scss", "main.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  sourceMap: false,
});
await write(join(staticDir, "css", "main.css"), result.css + "\n");

// 2. GOV.UK Frontend JavaScript (an ES module). The trailing
// `//# sourceMappingURL=govuk-frontend.min.js.map` comment is removed: we do
// not ship the map, and Django's ManifestStaticFilesStorage would fail
// collectstatic on a reference to a missing .map file.
const jsSource = join(root, "node_modules", "govuk-frontend", "dist", "govuk", "govuk-frontend.min.js");
const js = (await readFile(jsSource, "utf8")).replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, "\n");
if (js.includes("sourceMappingURL")) {
  throw new Error("govuk-frontend.min.js still mentions sourceMappingURL");
}
await write(join(staticDir, "js", "govuk-frontend.min.js"), js);
