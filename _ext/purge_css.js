// Remove the CSS rules no page of the built site can use (run by _ext/sitediet.py).
//   node _ext/purge_css.js OUTDIR CSS_FILE...
// Content scanned: every .html page and every script under OUTDIR/_static,
// so class names that the theme's scripts add at run time are kept.
// Rewrites each CSS file in place; prints {"file": [bytes_before, bytes_after]}.
const fs = require('fs');
const path = require('path');
const {PurgeCSS} = require(path.join(__dirname, 'node_modules', 'purgecss'));

const [outdir, ...cssFiles] = process.argv.slice(2);
const before = Object.fromEntries(cssFiles.map((f) => [f, fs.statSync(f).size]));

new PurgeCSS().purge({
  content: [path.join(outdir, '**', '*.html'), path.join(outdir, '_static', '**', '*.js')],
  css: cssFiles,
  // MathJax's SVG output, and states the browser or a script sets.
  safelist: {standard: [/^mjx-/, /^pst-/, /^sbt-/, /^show$/, /^fade$/, /^collapsing$/],
             greedy: [/data-theme/, /data-mode/]},
  // Custom properties that no remaining rule reads go too.
  variables: true,
}).then((results) => {
  const sizes = {};
  for (const r of results) {
    fs.writeFileSync(r.file, r.css);
    sizes[r.file] = [before[r.file], Buffer.byteLength(r.css)];
  }
  process.stdout.write(JSON.stringify(sizes) + '\n');
}).catch((err) => {
  process.stderr.write(String(err && err.stack || err) + '\n');
  process.exit(1);
});
