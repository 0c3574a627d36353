// Render TeX to MathJax SVG for _ext/mathsvg.py.
// Reads one JSON request per line on stdin: {"tex": "...", "display": true}
// and answers one JSON line on stdout: {"html": "<mjx-container ...>"} or
// {"error": "..."}. Uses only the MathJax files vendored in _vendor/mathjax.
const path = require('path');
const readline = require('readline');
const root = path.resolve(__dirname, '..', '_vendor', 'mathjax');

require(path.join(root, 'node-main.js')).init({
  loader: {
    paths: {mathjax: root},
    load: ['input/tex', 'output/svg', 'adaptors/liteDOM', 'a11y/assistive-mml'],
  },
  svg: {fontCache: 'local'},
  startup: {typeset: false},
}).then((MathJax) => {
  const adaptor = MathJax.startup.adaptor;
  const send = (obj) => process.stdout.write(JSON.stringify(obj) + '\n');
  send({ready: true, css: adaptor.textContent(MathJax.svgStylesheet())});
  readline.createInterface({input: process.stdin}).on('line', (line) => {
    try {
      const request = JSON.parse(line);
      const html = adaptor.outerHTML(MathJax.tex2svg(request.tex, {display: request.display}));
      const error = /data-mjx-error="([^"]*)"/.exec(html);
      send(error ? {error: error[1]} : {html});
    } catch (err) {
      send({error: String(err && err.message || err)});
    }
  });
}).catch((err) => {
  process.stdout.write(JSON.stringify({error: 'MathJax failed to start: ' + err.message}) + '\n');
  process.exit(1);
});
