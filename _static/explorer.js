/* Model explorers (_ext/explorers.py): the numbers are precomputed by the
   book's Python package and embedded in the page as JSON; this script only
   selects the numbers for the current controls and draws them. No library,
   no network. */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg", W = 560, H = 300;

  function fmt(x) {                       /* same rule as explorers.fmt */
    if (typeof x !== "number") return String(x);
    var a = Math.abs(x);
    if (x === 0) return "0";
    if (a >= 1e-3 && a < 1e6) return String(x);
    return x.toExponential(2);
  }

  function el(name, attrs, parent, text) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    if (parent) parent.appendChild(e);
    return e;
  }

  function Explorer(root) {
    var data = JSON.parse(root.querySelector("script.tci-explorer-data").textContent);
    var size = {}, pos = {}, byName = {};
    data.controls.forEach(function (c) {
      size[c.name] = c.values.length; pos[c.name] = c.default; byName[c.name] = c;
    });
    var svg = root.querySelector("svg.tci-plot");

    function get(name, whole, fix) {
      var o = data.outputs[name], i = 0;
      o.dims.forEach(function (d) {
        i = i * size[d] + ((fix && d in fix) ? fix[d] : pos[d]);
      });
      var v = o.values[i];
      return (o.along && !whole) ? v[pos[o.along]] : v;
    }

    function syncInputs() {
      root.querySelectorAll("[data-control]").forEach(function (input) {
        var c = byName[input.dataset.control], p = pos[c.name];
        if (input.type === "range") {
          input.value = p;
          input.setAttribute("aria-valuetext", c.texts[p]);
          var out = root.querySelector("#" + input.id + "-value");
          if (out) out.textContent = c.texts[p];
        } else if (input.type === "checkbox") {
          input.checked = p === 1;
        } else {
          input.checked = Number(input.value) === p;
        }
      });
    }

    function update() {
      root.querySelectorAll("[data-out]").forEach(function (s) {
        s.textContent = fmt(get(s.dataset.out));
      });
      while (svg.firstChild) svg.removeChild(svg.firstChild);
      svg.classList.toggle("tci-plot-bars", data.plot.type === "bars");
      (data.plot.type === "bars" ? drawBars : drawLines)();
    }

    function niceMax(m) {
      if (!(m > 0)) return { max: 1, step: 0.25 };
      var e = Math.pow(10, Math.floor(Math.log10(m / 4))), step = e;
      [1, 2, 5, 10].some(function (f) { step = f * e; return m / step <= 5; });
      return { max: Math.ceil(m / step) * step, step: step };
    }

    function legend(items) {             /* one or more rows; returns its bottom */
      var x = 62, y = 14;
      items.forEach(function (s) {
        var g = el("g", {}, svg);
        el("line", { x1: 0, x2: 22, y1: -4, y2: -4,
                     "class": (s.out ? "tci-line" : "tci-vline") + " tci-s" + s.style }, g);
        var w = 30 + el("text", { x: 27, y: 0 }, g, s.label).getComputedTextLength();
        if (x > 62 && x + w > W - 10) { x = 62; y += 20; }
        g.setAttribute("transform", "translate(" + x + " " + y + ")");
        x += w + 16;
      });
      return y;
    }

    function drawLines() {
      var p = data.plot, L = 70, R = W - 24, B = H - 52;
      var T = legend(p.series.concat(p.vlines || [])) + 14;
      var x0 = p.x[0], x1 = p.x[p.x.length - 1];
      var lx = p.xlog ? Math.log : function (v) { return v; };
      var X = function (v) { return L + (lx(v) - lx(x0)) / (lx(x1) - lx(x0)) * (R - L); };
      var curves = p.series.map(function (s) { return get(s.out, true, s.fix); });
      var ymin = p.ymin, ymax = p.ymax, yticks = p.yticks;
      if (ymax === null || ymax === undefined) {
        var m = 0;
        curves.forEach(function (c) { c.forEach(function (v) { if (v > m) m = v; }); });
        var n = niceMax(m); ymax = n.max; yticks = [];
        for (var t = 0; t <= ymax + n.step / 2; t += n.step) yticks.push([t, fmt(+t.toPrecision(3))]);
      }
      var Y = function (v) { return B - (v - ymin) / (ymax - ymin) * (B - T); };
      var g = el("g", { "class": "tci-axes" }, svg);
      el("rect", { x: L, y: T, width: R - L, height: B - T, "class": "tci-frame" }, g);
      p.xticks.forEach(function (t) {
        el("line", { x1: X(t[0]), x2: X(t[0]), y1: B, y2: B + 5, "class": "tci-tick" }, g);
        el("text", { x: X(t[0]), y: B + 18, "text-anchor": "middle" }, g, t[1]);
      });
      yticks.forEach(function (t) {
        el("line", { x1: L - 5, x2: L, y1: Y(t[0]), y2: Y(t[0]), "class": "tci-tick" }, g);
        el("text", { x: L - 8, y: Y(t[0]) + 4, "text-anchor": "end" }, g, t[1]);
      });
      el("text", { x: (L + R) / 2, y: H - 8, "text-anchor": "middle" }, g, p.xlabel);
      el("text", { x: 14, y: (T + B) / 2, "text-anchor": "middle",
                   transform: "rotate(-90 14 " + (T + B) / 2 + ")" }, g, p.ylabel);
      (p.vlines || []).forEach(function (v) {
        var x = get(v.x);
        if (x < x0 || x > x1) return;
        el("line", { x1: X(x), x2: X(x), y1: T, y2: B, "class": "tci-vline tci-s" + v.style }, svg);
      });
      p.series.forEach(function (s, k) {
        var pts = curves[k].map(function (v, i) { return X(p.x[i]).toFixed(1) + "," + Y(v).toFixed(1); });
        el("polyline", { points: pts.join(" "), "class": "tci-line tci-s" + s.style }, svg);
      });
      (p.markers || []).forEach(function (mk) {
        el("circle", { cx: X(get(mk.x)), cy: Y(get(mk.y)), r: 5, "class": "tci-dot tci-s" + mk.style }, svg);
      });
    }

    function drawBars() {
      var p = data.plot, BW = 420, L = 172, R = BW - 72, T = 8, row = 22;
      var maxv = 0;
      p.bars.forEach(function (b) {
        data.outputs[b.out].values.forEach(function (v) { if (v > maxv) maxv = v; });
      });
      p.bars.forEach(function (b, i) {
        var v = get(b.out), y = T + i * row;
        el("text", { x: L - 8, y: y + 15, "text-anchor": "end" }, svg, b.label);
        el("rect", { x: L, y: y + 3, width: Math.max(v / maxv * (R - L), 0), height: row - 6,
                     "class": "tci-bar" }, svg);
        el("text", { x: L + v / maxv * (R - L) + 6, y: y + 15 }, svg, fmt(v) + " FTU");
      });
      var ty = T + p.bars.length * row + 22, n = get(p.tubes.count);
      var grams = get(p.tubes.grams), sz = get(p.tubes.size), shown = Math.min(n, 8);
      el("text", { x: 8, y: ty + 26 }, svg, n + (n === 1 ? " tube" : " tubes") + " of " + fmt(sz) + " g");
      for (var i = 0; i < shown; i++) {
        var fill = (i < n - 1) ? 1 : (grams - (n - 1) * sz) / sz, x = L + i * 20;
        el("rect", { x: x, y: ty, width: 14, height: 40, rx: 3, "class": "tci-tube" }, svg);
        el("rect", { x: x, y: ty + 40 * (1 - fill), width: 14, height: 40 * fill, rx: 3,
                     "class": "tci-tube-fill" }, svg);
      }
      if (n > shown) el("text", { x: L + shown * 20 + 4, y: ty + 26 }, svg, "+ " + (n - shown) + " more");
      svg.setAttribute("viewBox", "0 0 " + BW + " " + (ty + 48));
    }

    root.querySelectorAll("[data-control]").forEach(function (input) {
      input.addEventListener(input.type === "range" ? "input" : "change", function () {
        var c = input.dataset.control;
        pos[c] = input.type === "checkbox" ? (input.checked ? 1 : 0) : Number(input.value);
        syncInputs(); update();
      });
    });
    root.querySelectorAll("[data-preset]").forEach(function (button) {
      button.addEventListener("click", function () {
        var preset = data.presets[Number(button.dataset.preset)];
        for (var c in preset.positions) pos[c] = preset.positions[c];
        var note = root.querySelector(".tci-preset-note");
        if (note) note.textContent = preset.label + ": " + preset.description + ".";
        syncInputs(); update();
      });
    });
    syncInputs(); update();
  }

  function start() {
    document.querySelectorAll("figure.tci-explorer").forEach(function (root) {
      try { Explorer(root); } catch (err) { console.error("explorer:", err); }
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
