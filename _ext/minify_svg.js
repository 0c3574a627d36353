// Minify the figures' SVG files in place with SVGO (run by _ext/sitediet.py).
//   node _ext/minify_svg.js FILE.svg...
// SVGO's default preset: shorter path data and numbers, no editor metadata,
// no white space. Prints {"file": [bytes_before, bytes_after]}.
const fs = require('fs');
const path = require('path');
const {optimize} = require('svgo');   // from _ext/node_modules, beside this script

const sizes = {};
for (const file of process.argv.slice(2)) {
  const before = fs.readFileSync(file, 'utf8');
  const after = optimize(before, {path: file, multipass: false}).data;
  fs.writeFileSync(file, after);
  sizes[file] = [Buffer.byteLength(before), Buffer.byteLength(after)];
}
process.stdout.write(JSON.stringify(sizes) + '\n');
