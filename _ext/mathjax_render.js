// Render TeX to MathJax SVG for _ext/mathsvg.py.
// Reads one JSON request per line on stdin and answers one JSON line:
//   {"tex": "...", "display": true}  ->  {"html": "<mjx-container ...>"} or {"error": "..."}
//   {"reset": true}                  ->  {"ok": true}    (start a new page: empty glyph cache)
//   {"defs": true}                   ->  {"html": "<svg ...><defs>...</defs></svg>"}
// Glyph outlines are shared by all formulas of a page (fontCache 'global'):
// each formula refers to them with <use>, and the page carries them once.
// Uses only the MathJax files vendored in _vendor/mathjax.
const path = require('path');
const readline = require('readline');
const root = path.resolve(__dirname, '..', '_vendor', 'mathjax');

require(path.join(root, 'node-main.js')).init({
  loader: {
    paths: {mathjax: root},
    load: ['input/tex', 'output/svg', 'adaptors/liteDOM', 'a11y/assistive-mml'],
  },
  svg: {fontCache: 'global'},
  startup: {typeset: false},
}).then((MathJax) => {
  const adaptor = MathJax.startup.adaptor;
  const fontCache = MathJax.startup.output.fontCache;
  const send = (obj) => process.stdout.write(JSON.stringify(obj) + '\n');
  send({ready: true, css: adaptor.textContent(MathJax.svgStylesheet())});
  // Attributes MathJax writes for its in-browser tools (the book loads none)
  // or that the page's stylesheet supplies (mathsvg.ASSISTIVE_CSS): dropped to
  // keep pages light. The glyphs, their layout and the hidden MathML stay.
  const DROP = ['data-mml-node', 'data-c', 'data-mjx-texclass', 'focusable', 'xmlns:xlink'];
  const lighten = (node) => {
    if (adaptor.kind(node) === '#text') return node;
    for (const name of DROP) adaptor.removeAttribute(node, name);
    if (adaptor.kind(node) === 'svg') adaptor.removeAttribute(node, 'xmlns');
    if (adaptor.kind(node) === 'g' && adaptor.getAttribute(node, 'fill') === 'currentColor') {
      for (const name of ['stroke', 'fill', 'stroke-width']) adaptor.removeAttribute(node, name);
    }
    if (adaptor.kind(node) === 'use' && adaptor.getAttribute(node, 'xlink:href')) {
      adaptor.setAttribute(node, 'href', adaptor.getAttribute(node, 'xlink:href'));
      adaptor.removeAttribute(node, 'xlink:href');
    }
    for (const child of adaptor.childNodes(node)) lighten(child);
    return node;
  };
  readline.createInterface({input: process.stdin}).on('line', (line) => {
    try {
      const request = JSON.parse(line);
      if (request.reset) {
        fontCache.clearCache();
        send({ok: true});
        return;
      }
      if (request.defs) {
        const defs = adaptor.outerHTML(fontCache.getCache());
        send({html: '<svg xmlns="http://www.w3.org/2000/svg" aria-hidden="true" '
                    + 'style="display:none">' + defs + '</svg>'});
        return;
      }
      const html = adaptor.outerHTML(lighten(MathJax.tex2svg(request.tex, {display: request.display})));
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
