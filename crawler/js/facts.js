// facts.js gathers every DOM fact of a page that only a browser can measure,
// in one call, and returns them as one JSON string. The crawler evaluates it
// as an expression and calls the function:
//
//   (facts.js)("facts", {focusLimit: 200, textLimit: 3000})  -> all facts at the current viewport
//   (facts.js)("reflow", {})                                 -> layout facts at the current (narrow) viewport
//
// Selectors follow the same rules as checks.Selector in Go: the nearest
// ancestor with a unique simple id as "#id", else "tag:nth-of-type(n)" steps
// joined by " > " from html (html, head and body without an index).
(function (mode, opts) {
  'use strict';
  opts = opts || {};
  var doc = document;
  var root = doc.documentElement;
  if (!root) {
    return JSON.stringify({});
  }

  // ---- selectors ------------------------------------------------------
  var idCounts = null;
  function countIDs() {
    idCounts = Object.create(null);
    var all = doc.querySelectorAll('[id]');
    for (var i = 0; i < all.length; i++) {
      var id = all[i].id;
      idCounts[id] = (idCounts[id] || 0) + 1;
    }
  }
  var simpleID = /^[A-Za-z_][A-Za-z0-9_-]*$/;
  var selCache = new Map();
  function sel(el) {
    if (!el || el.nodeType !== 1) {
      return '';
    }
    if (selCache.has(el)) {
      return selCache.get(el);
    }
    if (!idCounts) {
      countIDs();
    }
    var steps = [];
    for (var n = el; n && n.nodeType === 1; n = n.parentElement) {
      var id = n.getAttribute('id');
      if (id && simpleID.test(id) && idCounts[id] === 1) {
        steps.push('#' + id);
        break;
      }
      var tag = n.localName;
      if (tag === 'html' || tag === 'body' || tag === 'head') {
        steps.push(tag);
        if (tag === 'html') {
          break;
        }
        continue;
      }
      var i = 1;
      for (var s = n.previousElementSibling; s; s = s.previousElementSibling) {
        if (s.localName === tag) {
          i++;
        }
      }
      steps.push(tag + ':nth-of-type(' + i + ')');
    }
    var out = steps.reverse().join(' > ');
    selCache.set(el, out);
    return out;
  }

  // ---- colours --------------------------------------------------------
  var colourCache = Object.create(null);
  var canvasCtx = null;
  function parseColour(s) {
    if (colourCache[s]) {
      return colourCache[s];
    }
    var c = null;
    var m = /^rgba?\(\s*([\d.]+)[ ,]+([\d.]+)[ ,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(s);
    if (m) {
      var a = m[4] === undefined ? 1 : (m[4].slice(-1) === '%' ? parseFloat(m[4]) / 100 : parseFloat(m[4]));
      c = {R: Math.round(+m[1]), G: Math.round(+m[2]), B: Math.round(+m[3]), A: a};
    } else if (s === 'transparent') {
      c = {R: 0, G: 0, B: 0, A: 0};
    } else {
      // Other notations (color(), oklch(), ...): let a canvas convert them.
      if (!canvasCtx) {
        var cv = doc.createElement('canvas');
        cv.width = cv.height = 1;
        canvasCtx = cv.getContext('2d', {willReadFrequently: true});
      }
      canvasCtx.clearRect(0, 0, 1, 1);
      canvasCtx.fillStyle = '#000';
      canvasCtx.fillStyle = s;
      canvasCtx.fillRect(0, 0, 1, 1);
      var d = canvasCtx.getImageData(0, 0, 1, 1).data;
      c = {R: d[0], G: d[1], B: d[2], A: d[3] / 255};
    }
    colourCache[s] = c;
    return c;
  }
  // over composites colour top (with alpha) over an opaque-or-not bottom.
  function over(top, bottom) {
    var a = top.A + bottom.A * (1 - top.A);
    if (a === 0) {
      return {R: 0, G: 0, B: 0, A: 0};
    }
    function ch(t, b) {
      return Math.round((t * top.A + b * bottom.A * (1 - top.A)) / a);
    }
    return {R: ch(top.R, bottom.R), G: ch(top.G, bottom.G), B: ch(top.B, bottom.B), A: a};
  }
  function lum(c) {
    function f(v) {
      v /= 255;
      return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * f(c.R) + 0.7152 * f(c.G) + 0.0722 * f(c.B);
  }
  function contrast(a, b) {
    var l1 = lum(a), l2 = lum(b);
    var r = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    return Math.round(r * 100) / 100;
  }
  var white = {R: 255, G: 255, B: 255, A: 1};

  // effectiveBg composites the background colours of el and its ancestors
  // over white, and says whether an image or gradient lies behind el.
  var bgCache = new Map();
  function effectiveBg(el) {
    if (!el || el.nodeType !== 1) {
      return {c: white, img: false};
    }
    if (bgCache.has(el)) {
      return bgCache.get(el);
    }
    var cs = getComputedStyle(el);
    var own = parseColour(cs.backgroundColor);
    var img = cs.backgroundImage && cs.backgroundImage !== 'none';
    var res;
    if (own.A >= 1) {
      res = {c: own, img: img};
    } else {
      var below = effectiveBg(parentOf(el));
      res = {c: own.A > 0 ? over(own, below.c) : below.c, img: img || below.img};
    }
    bgCache.set(el, res);
    return res;
  }
  // parentOf is el's parent in the flat tree: the shadow host for the top
  // of a shadow tree.
  function parentOf(el) {
    return el.parentElement || (el.parentNode && el.parentNode.host) || null;
  }

  // ---- colours behind text: gradients and opacity ----------------------
  // gradientColours returns the colours a background-image made of one
  // gradient paints: its stops and three points between each two stops
  // (interpolated with premultiplied alpha, as browsers do). It returns null
  // for anything else (an image, several layers), whose pixels the script
  // cannot know.
  var colourRe = /(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\([^()]*\)/g;
  function gradientColours(bi) {
    if (/url\(|image-set\(|element\(|cross-fade\(|paint\(/.test(bi) || (bi.match(/gradient\(/g) || []).length !== 1) {
      return null;
    }
    var stops = (bi.match(colourRe) || []).map(parseColour);
    if (stops.length === 0 || stops.length > 16) {
      return null;
    }
    var out = [stops[0]];
    for (var i = 1; i < stops.length; i++) {
      for (var k = 1; k <= 4; k++) {
        out.push(mix(stops[i - 1], stops[i], k / 4));
      }
    }
    return out;
  }
  function mix(a, b, t) {
    var A = a.A + (b.A - a.A) * t;
    if (A === 0) {
      return {R: 0, G: 0, B: 0, A: 0};
    }
    function ch(x, y) {
      return Math.round((x * a.A * (1 - t) + y * b.A * t) / A);
    }
    return {R: ch(a.R, b.R), G: ch(a.G, b.G), B: ch(a.B, b.B), A: A};
  }
  // layerOf is what el paints under its content: its background colour,
  // the colours of a background gradient, whether an image the script
  // cannot read lies there, and its opacity.
  var layerCache = new Map();
  function layerOf(el) {
    var l = layerCache.get(el);
    if (!l) {
      var cs = getComputedStyle(el);
      var bi = cs.backgroundImage;
      var grad = bi && bi !== 'none' ? gradientColours(bi) : null;
      l = {bg: parseColour(cs.backgroundColor), grad: grad, img: !!(bi && bi !== 'none' && !grad),
        op: cs.opacity === '' ? 1 : num(cs.opacity),
        // A gradient of the default size and position covers the whole box;
        // otherwise the background colour may show beside it.
        partial: !!grad && (!/^auto( auto)?$/.test(cs.backgroundSize) ||
          cs.backgroundPosition.split(/\s+/).some(function (v) { return parseFloat(v) !== 0; }))};
      layerCache.set(el, l);
    }
    return l;
  }
  // faded reports whether el or an ancestor has an opacity below 1.
  var fadedCache = new Map();
  function faded(el) {
    if (!el) {
      return false;
    }
    if (!fadedCache.has(el)) {
      fadedCache.set(el, layerOf(el).op < 1 || faded(parentOf(el)));
    }
    return fadedCache.get(el);
  }
  function fade(c, op) {
    return {R: c.R, G: c.G, B: c.B, A: c.A * op};
  }
  // paint composites text colour fg of el, and the background without the
  // text, through el and its ancestors up to the white canvas: background
  // colours, the colours of gradients, and opacities (an element's opacity
  // fades everything it paints, its background and the text in it). It
  // returns the [text, background] colour pairs a reader can see, and img
  // when an image the script cannot read lies behind. Null when the colours
  // are too many to list.
  var clear = {R: 0, G: 0, B: 0, A: 0};
  function paint(el, fg) {
    var pairs = [[fg, clear]], img = false;
    for (var x = el; x; x = parentOf(x)) {
      var l = layerOf(x);
      var covered = pairs.every(function (p) { return p[1].A >= 1; });
      if (!covered) {
        // What is painted so far lies over x's background colour, or over
        // each colour of its gradient (which lies over that colour).
        var unders = [l.bg];
        if (l.grad) {
          unders = l.grad.map(function (g) { return over(g, l.bg); });
          if (l.partial) {
            unders.push(l.bg);
          }
        }
        img = img || l.img;
        var next = [], keys = new Set();
        for (var i = 0; i < pairs.length; i++) {
          for (var j = 0; j < unders.length; j++) {
            var p = [over(pairs[i][0], unders[j]), over(pairs[i][1], unders[j])];
            var key = JSON.stringify(p);
            if (!keys.has(key)) {
              keys.add(key);
              next.push(p);
            }
          }
        }
        if (next.length > 64) {
          return null;
        }
        pairs = next;
      }
      if (l.op < 1) {
        pairs = pairs.map(function (p) { return [fade(p[0], l.op), fade(p[1], l.op)]; });
      } else if (covered && !faded(parentOf(x))) {
        break;
      }
    }
    return {pairs: pairs.map(function (p) { return [over(p[0], white), over(p[1], white)]; }), img: img};
  }
  // shadowHalo returns the colour (over bg) of text shadows that wrap each
  // letter closely enough to be what the letters stand out against: shadows
  // of one colour, each blurred at least as far as it is offset and by at
  // most half the font size. A blurred shadow gives about half its opacity
  // at the edge of a letter; together they must give 90 %. Null otherwise.
  var shadowRe = /((?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\([^()]*\)|[a-z]+)\s+(-?[\d.]+)px\s+(-?[\d.]+)px(?:\s+([\d.]+)px)?/g;
  function shadowHalo(ts, size, bg) {
    if (!ts || ts === 'none') {
      return null;
    }
    var colour = '', alpha = 0, m;
    shadowRe.lastIndex = 0;
    while ((m = shadowRe.exec(ts)) !== null) {
      var x = Math.abs(+m[2]), y = Math.abs(+m[3]), blur = m[4] === undefined ? 0 : +m[4];
      if (blur < x || blur < y || blur === 0 || blur > size / 2) {
        continue;
      }
      if (colour && colour !== m[1]) {
        return null;
      }
      colour = m[1];
      alpha += parseColour(m[1]).A / 2;
    }
    if (alpha < 0.9) {
      return null;
    }
    var c = parseColour(colour);
    return over({R: c.R, G: c.G, B: c.B, A: Math.min(1, alpha)}, bg);
  }

  // ---- visibility -----------------------------------------------------
  function visible(el, cs) {
    cs = cs || getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden' || cs.visibility === 'collapse') {
      return false;
    }
    if (parseFloat(cs.opacity) === 0) {
      return false;
    }
    var r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  }
  // clippedAway reports whether el or an ancestor is cut down to 1 px or
  // less, as screen-reader-only text is (clip: rect(1px, 1px, 1px, 1px), a
  // 1 px box with its overflow hidden, clip-path: inset(50%)): no one sees
  // it.
  var clipCache = new Map();
  function clippedAway(el) {
    if (!el || el === doc.body || el === root) {
      return false;
    }
    if (!clipCache.has(el)) {
      var cs = getComputedStyle(el), r = el.getBoundingClientRect(), away = false;
      if ((r.width <= 1 || r.height <= 1) && cs.overflowX !== 'visible' && cs.overflowY !== 'visible') {
        away = true;
      } else if (cs.clip && cs.clip !== 'auto' && (cs.position === 'absolute' || cs.position === 'fixed')) {
        var v = (cs.clip.match(/-?[\d.]+/g) || []).map(Number);
        away = v.length === 4 && (v[1] - v[3] <= 1 || v[2] - v[0] <= 1);
      } else if (/inset\(\s*(50|100)%/.test(cs.clipPath || '')) {
        away = true;
      }
      clipCache.set(el, away || clippedAway(parentOf(el)));
    }
    return clipCache.get(el);
  }
  function ariaHidden(el) {
    for (var n = el; n && n.nodeType === 1; n = n.parentElement) {
      if (n.getAttribute('aria-hidden') === 'true') {
        return true;
      }
    }
    return false;
  }
  function short(s, max) {
    s = (s || '').replace(/\s+/g, ' ').trim();
    return s.length > max ? s.slice(0, max - 1) + '\u2026' : s;
  }
  function num(v) {
    var f = parseFloat(v);
    return isFinite(f) ? f : 0;
  }

  if (mode === 'reflow') {
    var rf = JSON.stringify(reflow());
    if (opts.clear) {
      // The tab goes back to the desktop width before the next page; with
      // the document removed, that resize costs no layout.
      root.remove();
    }
    return rf;
  }

  // ---- texts ----------------------------------------------------------
  // Texts groups text nodes by their parent element: one entry per element
  // with its own visible text, in the document and in open shadow trees
  // (text at the top of a shadow tree counts for its host). Bounded by
  // opts.textLimit.
  function texts() {
    var limit = opts.textLimit || 3000;
    var out = [], seen = new Set(), capped = false, minFont = 0;
    if (!doc.body) {
      return {list: out, capped: false, minFont: 0};
    }
    var skip = {SCRIPT: 1, STYLE: 1, NOSCRIPT: 1, TEMPLATE: 1, TITLE: 1, OPTION: 1};
    var roots = [doc.body];
    for (var ri = 0; ri < roots.length && !capped; ri++) {
      var all = roots[ri].querySelectorAll('*');
      for (var a = 0; a < all.length; a++) {
        if (all[a].shadowRoot) {
          roots.push(all[a].shadowRoot);
        }
      }
      var walker = doc.createTreeWalker(roots[ri], NodeFilter.SHOW_TEXT, null);
      for (var t = walker.nextNode(); t; t = walker.nextNode()) {
        var el = t.parentElement || (t.parentNode && t.parentNode.host);
        if (!el || seen.has(el) || skip[el.tagName] || !/\S/.test(t.nodeValue)) {
          continue;
        }
        seen.add(el);
        var cs = getComputedStyle(el);
        if (!visible(el, cs) || clippedAway(el)) {
          continue;
        }
        if (out.length >= limit) {
          capped = true;
          break;
        }
        var own = '', kids = t.parentElement ? el.childNodes : t.parentNode.childNodes;
        for (var c = 0; c < kids.length && own.length < 120; c++) {
          if (kids[c].nodeType === 3) {
            own += kids[c].nodeValue;
          }
        }
        var size = num(cs.fontSize);
        if (size > 0 && (minFont === 0 || size < minFont)) {
          minFont = size;
        }
        out.push(textStyle(el, cs, own, size));
      }
    }
    return {list: out, capped: capped, minFont: minFont};
  }
  // textStyle measures the colours of el's text. Text that an opacity fades
  // or that lies on a gradient is composited through its ancestors (paint):
  // its ratio is then the highest contrast it reaches, ratio_min the lowest.
  function textStyle(el, cs, own, size) {
    var fg = parseColour(cs.color);
    var bg = effectiveBg(el);
    var shadow = (cs.textShadow && cs.textShadow !== 'none') || num(cs.webkitTextStrokeWidth) > 0;
    var host = el;
    while (host.getRootNode() !== doc && host.getRootNode().host) {
      host = host.getRootNode().host;
    }
    var res = {
      selector: sel(host),
      text: short(own, 80),
      fg: fg,
      bg: bg.c,
      font_size_px: size,
      font_weight: parseInt(cs.fontWeight, 10) || 400,
      bg_image: bg.img || undefined,
      shadow: shadow || undefined,
      ratio: contrast(fg.A < 1 ? over(fg, bg.c) : fg, bg.c)
    };
    if (faded(el) || bg.img) {
      var p = paint(el, fg);
      if (p) {
        var lo = Infinity, hi = 0, best = null;
        for (var i = 0; i < p.pairs.length; i++) {
          var r = contrast(p.pairs[i][0], p.pairs[i][1]);
          lo = Math.min(lo, r);
          if (r > hi) {
            hi = r;
            best = p.pairs[i];
          }
        }
        res.fg = best[0];
        res.bg = best[1];
        res.ratio = hi;
        res.bg_image = p.img || undefined;
        if (p.pairs.length > 1) {
          res.ratio_min = lo;
        }
      }
    }
    if (shadow) {
      var halo = shadowHalo(cs.textShadow, size, res.bg);
      if (halo) {
        res.halo = halo;
      }
    }
    return res;
  }

  // ---- links in text ---------------------------------------------------
  // textLinks lists links that sit in a run of text (text around them in
  // their parent) with the contrast between the link's colour and the
  // text's, and whether anything but colour sets the link apart in its
  // normal state (underline or other line, a bottom border, weight, style,
  // a background or an image): hover and focus styles do not count, for
  // WCAG 1.4.1.
  function textLinks() {
    var list = doc.querySelectorAll('a[href]'), out = [];
    for (var i = 0; i < list.length && out.length < 500; i++) {
      var el = list[i], cs = getComputedStyle(el);
      if (!inlineLink(el, cs) || !visible(el, cs)) {
        continue;
      }
      var pcs = getComputedStyle(el.parentElement);
      var bg = effectiveBg(el.parentElement).c;
      var lc = parseColour(cs.color), tc = parseColour(pcs.color);
      out.push({selector: sel(el), ratio: contrast(lc.A < 1 ? over(lc, bg) : lc, tc.A < 1 ? over(tc, bg) : tc),
        cue: linkCue(el, cs, pcs) || undefined});
    }
    return out;
  }
  function linkCue(el, cs, pcs) {
    var w = function (v) { return parseInt(v, 10) || 400; };
    if (Math.abs(w(cs.fontWeight) - w(pcs.fontWeight)) >= 300 || cs.fontStyle !== pcs.fontStyle ||
        cs.fontFamily !== pcs.fontFamily || num(cs.fontSize) !== num(pcs.fontSize) ||
        (cs.borderBottomStyle !== 'none' && num(cs.borderBottomWidth) > 0) ||
        (cs.outlineStyle !== 'none' && num(cs.outlineWidth) > 0) ||
        cs.backgroundImage !== 'none' || parseColour(cs.backgroundColor).A > 0) {
      return true;
    }
    var all = [el].concat(Array.prototype.slice.call(el.querySelectorAll('*')));
    for (var i = 0; i < all.length; i++) {
      var c = i === 0 ? cs : getComputedStyle(all[i]);
      if (c.textDecorationLine && c.textDecorationLine !== 'none') {
        return true;
      }
      if (/^(img|svg|picture)$/.test(all[i].localName)) {
        return true;
      }
    }
    return false;
  }

  // hiddenLabels lists label elements that are rendered for screen readers
  // but not seen: 1 px or less (clip patterns, .sr-only), or moved off the
  // page to the left or the top.
  function hiddenLabels() {
    var list = doc.querySelectorAll('label'), out = [];
    for (var i = 0; i < list.length && out.length < 500; i++) {
      var el = list[i], cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden') {
        continue; // not rendered at all: the static checks see that
      }
      var r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1 || r.right + window.scrollX <= 0 || r.bottom + window.scrollY <= 0) {
        out.push(sel(el));
      }
    }
    return out;
  }

  // ---- controls -------------------------------------------------------
  function controls() {
    var out = [];
    var list = doc.querySelectorAll('input:not([type=hidden]), select, textarea, button');
    for (var i = 0; i < list.length && out.length < 1000; i++) {
      var el = list[i];
      var cs = getComputedStyle(el);
      if (!visible(el, cs)) {
        continue;
      }
      var around = effectiveBg(el.parentElement).c;
      var best = 1;
      var own = parseColour(cs.backgroundColor);
      if (own.A > 0) {
        best = Math.max(best, contrast(over(own, around), around));
      }
      var sides = ['Top', 'Right', 'Bottom', 'Left'];
      for (var k = 0; k < sides.length; k++) {
        if (num(cs['border' + sides[k] + 'Width']) > 0 && cs['border' + sides[k] + 'Style'] !== 'none') {
          var bc = parseColour(cs['border' + sides[k] + 'Color']);
          best = Math.max(best, contrast(over(bc, around), around));
        }
      }
      out.push({selector: sel(el), ratio: best});
    }
    return out;
  }

  // ---- focusables -----------------------------------------------------
  var focusSel = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, iframe, ' +
      'summary, audio[controls], video[controls], [contenteditable]:not([contenteditable=false]), [tabindex]';
  var focusTestMs = 0;
  function focusables() {
    var list = doc.querySelectorAll(focusSel);
    var items = [];
    for (var i = 0; i < list.length; i++) {
      var el = list[i];
      if (el.disabled || el.tabIndex < 0) {
        continue;
      }
      if (el.localName === 'summary' && (!el.parentElement || el.parentElement.localName !== 'details')) {
        continue;
      }
      var cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden' || el.closest('[inert]')) {
        continue; // not reachable with Tab
      }
      if (el.checkVisibility && !el.checkVisibility()) {
        continue;
      }
      var r = el.getBoundingClientRect();
      items.push({el: el, idx: i, tab: el.tabIndex, hidden: ariaHidden(el) || r.width === 0 || r.height === 0});
    }
    // Tab order: positive tabindex ascending first, then document order.
    items.sort(function (a, b) {
      var pa = a.tab > 0 ? 0 : 1, pb = b.tab > 0 ? 0 : 1;
      if (pa !== pb) {
        return pa - pb;
      }
      if (pa === 0 && a.tab !== b.tab) {
        return a.tab - b.tab;
      }
      return a.idx - b.idx;
    });
    var limit = opts.focusLimit === undefined ? 200 : opts.focusLimit;
    var out = [];
    for (var j = 0; j < items.length; j++) {
      var it = items[j];
      out.push({selector: sel(it.el), tab_index: it.tab, hidden: it.hidden || undefined, _el: it.el});
    }
    var t = performance.now();
    var sampled = focusTest(out, limit);
    focusTestMs = Math.round(performance.now() - t);
    for (var k = 0; k < out.length; k++) {
      delete out[k]._el;
    }
    return {list: out, sampled: sampled};
  }
  // styleKey sums up what can show focus: outline (only when drawn),
  // box shadow, drawn borders, colours, underline and pseudo-elements.
  function styleKey(el) {
    var cs = getComputedStyle(el);
    var v = [];
    v.push(cs.outlineStyle === 'none' ? 'none' : cs.outlineStyle + ' ' + cs.outlineWidth + ' ' + cs.outlineColor + ' ' + cs.outlineOffset);
    v.push(cs.boxShadow);
    var sides = ['Top', 'Right', 'Bottom', 'Left'];
    for (var i = 0; i < sides.length; i++) {
      var w = cs['border' + sides[i] + 'Width'], st = cs['border' + sides[i] + 'Style'];
      v.push(num(w) > 0 && st !== 'none' ? w + ' ' + st + ' ' + cs['border' + sides[i] + 'Color'] : '0');
    }
    v.push(cs.backgroundColor, cs.backgroundImage, cs.color, cs.textDecorationLine);
    return v.join('|');
  }
  // pseudoKey sums up the ::before and ::after boxes, which some sites use
  // as focus indicator. Read only when the element's own style shows no
  // change, as reading pseudo-element styles is slow.
  function pseudoKey(el) {
    var b = getComputedStyle(el, '::before'), a = getComputedStyle(el, '::after');
    return [b.content, b.outlineStyle, b.backgroundColor, b.borderBottomWidth, b.boxShadow,
      a.content, a.outlineStyle, a.backgroundColor, a.borderBottomWidth, a.boxShadow].join('|');
  }
  function hasOutline(el) {
    var cs = getComputedStyle(el);
    return cs.outlineStyle !== 'none' && num(cs.outlineWidth) > 0;
  }
  // focusTest focuses elements and compares their computed style with the
  // style before focus (read for all elements first, with nothing focused).
  // Elements that share tag, id, classes, role, landmark and unfocused style
  // are styled alike by CSS, so one of each such group is focused and its
  // result holds for the group; at most `limit` groups are tested, the rest
  // keep no result. Focusing the next element blurs the one before, so no
  // blur is needed in between. Pseudo-elements are compared only when the
  // element's own style did not change (reading them is slow). Focus and
  // scroll position are restored at the end. It returns whether some
  // elements were left untested.
  function focusTest(list, limit) {
    var x = window.scrollX, y = window.scrollY;
    var prev = doc.activeElement;
    if (prev && prev !== doc.body && prev.blur) {
      prev.blur();
    }
    // All unfocused styles first, in one style pass: reading them between
    // two focus changes would cost a style recalculation each.
    var groups = {}, order = [];
    for (var i = 0; i < list.length; i++) {
      var el0 = list[i]._el;
      var before = styleKey(el0);
      var land = el0.closest('nav,header,footer,main,aside,form,[role]');
      var key = [el0.localName, el0.id, el0.className && el0.className.baseVal === undefined ? el0.className : '',
        el0.getAttribute('role') || '', land ? land.localName + '.' + (land.getAttribute('role') || '') : '', before].join('\u0001');
      if (!groups[key]) {
        groups[key] = {before: before, members: []};
        order.push(key);
      }
      groups[key].members.push(list[i]);
    }
    var tested = Math.min(order.length, limit);
    for (var j = 0; j < tested; j++) {
      var g = groups[order[j]];
      var vis = undefined;
      for (var m = 0; m < g.members.length && vis === undefined; m++) {
        var el = g.members[m]._el;
        if (!focusOn(el)) {
          continue; // could not take focus: try the next member
        }
        vis = hasOutline(el) || styleKey(el) !== g.before;
        if (!vis) {
          var focused = pseudoKey(el);
          el.blur();
          vis = pseudoKey(el) !== focused;
        }
      }
      if (vis !== undefined) {
        for (var k = 0; k < g.members.length; k++) {
          g.members[k].focus_visible = vis;
        }
      }
    }
    if (prev && prev !== doc.body && prev.focus) {
      prev.focus({preventScroll: true});
    } else if (doc.activeElement && doc.activeElement.blur) {
      doc.activeElement.blur();
    }
    window.scrollTo(x, y);
    return order.length > limit;
  }
  function focusOn(el) {
    try {
      el.focus({preventScroll: true, focusVisible: true});
    } catch (e) {
      return false;
    }
    return doc.activeElement === el;
  }

  // ---- scrollable areas -----------------------------------------------
  // scrollers lists the elements whose content scrolls inside them (overflow
  // auto or scroll) by more than their padding on that axis and at least
  // 10 px (a few pixels of rounding hide nothing), that show something (text
  // or an image, a control, media), and that are not inert: whether they are
  // in the Tab order themselves, or hold something that is. The page itself
  // and frames (another document) are left out. At most 100.
  var mediaSel = 'img, svg, video, canvas, picture, object, embed, iframe, input, select, textarea, button, meter, progress';
  function inTabOrder(el) {
    if (el.disabled || el.tabIndex < 0) {
      return false;
    }
    if (el.checkVisibility) {
      return el.checkVisibility({visibilityProperty: true});
    }
    var cs = getComputedStyle(el);
    return cs.display !== 'none' && cs.visibility !== 'hidden' && cs.visibility !== 'collapse';
  }
  function scrollers() {
    var out = [];
    if (!doc.body) {
      return out;
    }
    var modal = doc.querySelector('dialog:modal');
    var all = doc.body.getElementsByTagName('*');
    for (var i = 0; i < all.length && out.length < 100; i++) {
      var el = all[i];
      var dx = el.scrollWidth - el.clientWidth, dy = el.scrollHeight - el.clientHeight;
      if ((dx < 10 && dy < 10) || /^(iframe|textarea|select|frame|object|embed)$/.test(el.localName)) {
        continue;
      }
      var cs = getComputedStyle(el);
      var sx = /auto|scroll/.test(cs.overflowX) && dx >= 10 && dx > num(cs.paddingLeft) + num(cs.paddingRight);
      var sy = /auto|scroll/.test(cs.overflowY) && dy >= 10 && dy > num(cs.paddingTop) + num(cs.paddingBottom);
      if ((!sx && !sy) || !visible(el, cs) || el.closest('[inert]') || (modal && !modal.contains(el))) {
        continue;
      }
      if (!/\S/.test(el.innerText || '') && !el.querySelector(mediaSel)) {
        continue; // nothing to see: a scroll bar on its own
      }
      var self = el.matches(focusSel) && inTabOrder(el);
      var inside = false;
      var fs = self ? [] : el.querySelectorAll(focusSel);
      for (var k = 0; k < fs.length && !inside; k++) {
        inside = inTabOrder(fs[k]);
      }
      out.push({selector: sel(el), focusable: self || undefined, focusable_inside: inside || undefined});
    }
    return out;
  }

  // ---- targets --------------------------------------------------------
  var targetSel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, area[href], ' +
      '[role=button], [role=link], [role=checkbox], [role=radio], [role=tab], [role=menuitem], [role=switch], [role=option]';
  function inlineLink(el, cs) {
    if (el.localName !== 'a' || cs.display !== 'inline') {
      return false;
    }
    var p = el.parentElement;
    if (!p) {
      return false;
    }
    for (var c = p.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3 && /\w/.test(c.nodeValue)) {
        return true; // text around the link: it sits in a sentence
      }
    }
    return false;
  }
  function targets() {
    var list = doc.querySelectorAll(targetSel);
    var out = [], rects = [];
    for (var i = 0; i < list.length && out.length < 2000; i++) {
      var el = list[i];
      var cs = getComputedStyle(el);
      if (!visible(el, cs)) {
        continue;
      }
      var r = el.getBoundingClientRect();
      out.push({selector: sel(el), w: Math.round(r.width * 10) / 10, h: Math.round(r.height * 10) / 10,
        inline: inlineLink(el, cs) || undefined});
      rects.push({l: r.left, t: r.top, r: r.right, b: r.bottom, cx: r.left + r.width / 2, cy: r.top + r.height / 2,
        small: r.width < 24 || r.height < 24});
    }
    // Spacing: a 24 px circle on the centre of an undersized target must not
    // touch another target nor the circle of another undersized target.
    for (var a = 0; a < rects.length; a++) {
      var ra = rects[a];
      if (!ra.small) {
        continue;
      }
      var spaced = true;
      for (var b = 0; b < rects.length && spaced; b++) {
        if (a === b) {
          continue;
        }
        var rb = rects[b];
        var dx = Math.max(rb.l - ra.cx, 0, ra.cx - rb.r);
        var dy = Math.max(rb.t - ra.cy, 0, ra.cy - rb.b);
        if (dx * dx + dy * dy < 144) {
          spaced = false;
        } else if (rb.small) {
          var ex = ra.cx - rb.cx, ey = ra.cy - rb.cy;
          if (ex * ex + ey * ey < 576) {
            spaced = false;
          }
        }
      }
      out[a].spaced = spaced || undefined;
    }
    return out;
  }

  // ---- images and media -----------------------------------------------
  function images() {
    var list = doc.images, out = [];
    for (var i = 0; i < list.length && out.length < 1000; i++) {
      var el = list[i];
      var r = el.getBoundingClientRect();
      out.push({selector: sel(el), src: el.currentSrc || el.src || '', natural_w: el.naturalWidth,
        natural_h: el.naturalHeight, shown_w: Math.round(r.width * 10) / 10, shown_h: Math.round(r.height * 10) / 10});
    }
    return out;
  }
  function media() {
    var list = doc.querySelectorAll('video, audio'), out = [];
    for (var i = 0; i < list.length; i++) {
      var el = list[i];
      var caps = el.querySelector('track[kind=captions], track[kind=subtitles]') !== null;
      out.push({selector: sel(el), kind: el.localName, autoplay: el.autoplay || undefined,
        muted: el.muted || undefined, controls: el.controls || undefined, captions: caps || undefined,
        playing: (!el.paused && !el.ended) || undefined,
        duration_s: isFinite(el.duration) ? Math.round(el.duration * 10) / 10 : undefined,
        has_audio: hasAudio(el)});
    }
    return out;
  }

  // hasAudio says whether media has an audible track: true when audio was
  // decoded or an audio track is listed, false when it played without any,
  // undefined (unknown) otherwise.
  function hasAudio(el) {
    if (el.audioTracks && el.audioTracks.length > 0) {
      return true;
    }
    if (el.webkitAudioDecodedByteCount > 0) {
      return true;
    }
    if (el.played && el.played.length > 0 && el.currentTime > 0 && el.webkitAudioDecodedByteCount === 0) {
      return false;
    }
    return undefined;
  }

  // ---- overlays -------------------------------------------------------
  // Overlays samples a 3x3 grid of viewport points, finds the fixed,
  // absolute or sticky element on top at each, and keeps those covering at
  // least 15% of the viewport. Open modal dialogs are always candidates.
  function overlays() {
    var vw = window.innerWidth, vh = window.innerHeight;
    var cand = new Set();
    var xs = [0.2, 0.5, 0.8], ys = [0.2, 0.5, 0.8];
    for (var i = 0; i < xs.length; i++) {
      for (var j = 0; j < ys.length; j++) {
        var el = doc.elementFromPoint(vw * xs[i], vh * ys[j]);
        var top = null;
        for (var n = el; n && n !== doc.body && n !== root; n = n.parentElement) {
          var pos = getComputedStyle(n).position;
          if (pos === 'fixed' || pos === 'sticky' || pos === 'absolute') {
            top = n;
          }
        }
        if (top) {
          cand.add(top);
        }
      }
    }
    var dialogs = doc.querySelectorAll('dialog[open], [role=dialog], [role=alertdialog], [aria-modal=true]');
    for (var d = 0; d < dialogs.length; d++) {
      cand.add(dialogs[d]);
    }
    var out = [];
    cand.forEach(function (el) {
      if (!visible(el)) {
        return;
      }
      var r = el.getBoundingClientRect();
      var w = Math.max(0, Math.min(r.right, vw) - Math.max(r.left, 0));
      var h = Math.max(0, Math.min(r.bottom, vh) - Math.max(r.top, 0));
      var cov = vw * vh > 0 ? (w * h) / (vw * vh) : 0;
      if (cov >= 0.15) {
        out.push({selector: sel(el), coverage: Math.round(cov * 100) / 100, text: short(el.innerText, 200)});
      }
    });
    return out;
  }

  // ---- viewport, timing, links ----------------------------------------
  function viewportMeta() {
    var m = doc.querySelector('meta[name=viewport]');
    var content = m ? (m.getAttribute('content') || '') : '';
    var blocked = false;
    var parts = content.toLowerCase().split(/[,;]/);
    for (var i = 0; i < parts.length; i++) {
      var kv = parts[i].split('=');
      var k = (kv[0] || '').trim(), v = (kv[1] || '').trim();
      if (k === 'user-scalable' && (v === 'no' || v === '0')) {
        blocked = true;
      }
      if (k === 'maximum-scale' && parseFloat(v) < 2) {
        blocked = true;
      }
    }
    return {content: content, blocked: blocked};
  }
  function timing() {
    var nav = performance.getEntriesByType && performance.getEntriesByType('navigation')[0];
    if (nav) {
      return {dom_content_loaded_ms: Math.round(nav.domContentLoadedEventEnd), load_ms: Math.round(nav.loadEventEnd)};
    }
    var t = performance.timing;
    return {dom_content_loaded_ms: Math.max(0, t.domContentLoadedEventEnd - t.navigationStart),
      load_ms: Math.max(0, t.loadEventEnd - t.navigationStart)};
  }
  function links() {
    var list = doc.querySelectorAll('a[href], area[href]'), out = [], seen = new Set();
    for (var i = 0; i < list.length; i++) {
      var h = list[i].href;
      if (typeof h === 'string' && h && !seen.has(h)) {
        seen.add(h);
        out.push(h);
      }
    }
    return out;
  }

  // ---- reflow ---------------------------------------------------------
  // Reflow measures the layout at the current viewport width: the scroll
  // width, and the outermost visible elements that stick out on the right or
  // left (elements inside a horizontally scrolling box are allowed).
  function reflow() {
    var vw = root.clientWidth;
    var sw = Math.max(root.scrollWidth, doc.body ? doc.body.scrollWidth : 0);
    var off = [];
    var bad = new Set();
    var clipMemo = new Map();
    // clipped reports whether el or an ancestor below body scrolls or clips
    // horizontally (memoised: ancestors are shared).
    function clipped(el) {
      if (!el || el === doc.body || el === root) {
        return false;
      }
      if (clipMemo.has(el)) {
        return clipMemo.get(el);
      }
      var ox = getComputedStyle(el).overflowX;
      var c = ox === 'auto' || ox === 'scroll' || ox === 'hidden' || ox === 'clip' || clipped(el.parentElement);
      clipMemo.set(el, c);
      return c;
    }
    function underBad(el) {
      for (var p = el.parentElement; p && p !== doc.body; p = p.parentElement) {
        if (bad.has(p)) {
          return true;
        }
      }
      return false;
    }
    // Only what passes the right edge makes the page wider (content moved
    // off to the left, such as screen-reader text at left:-1000em, does
    // not), and a clipped 1 px box (.sr-only) never does. The outermost
    // such elements are kept, in-flow ones first, the widest reach first.
    var found = [];
    if (sw > vw + 1 && doc.body) {
      var all = doc.body.getElementsByTagName('*');
      for (var i = 0; i < all.length && found.length < 200; i++) {
        var el = all[i];
        var r = el.getBoundingClientRect();
        if (r.width === 0 || r.right <= vw + 1) {
          continue;
        }
        if (underBad(el) || clipped(el.parentElement)) {
          continue;
        }
        var cs = getComputedStyle(el);
        if (cs.visibility === 'hidden' || cs.display === 'none') {
          continue;
        }
        var out = cs.position === 'absolute' || cs.position === 'fixed';
        if (out && ((r.width <= 1 && r.height <= 1) || (cs.clip && cs.clip !== 'auto') ||
            (cs.clipPath && cs.clipPath !== 'none'))) {
          continue;
        }
        bad.add(el);
        found.push({sel: sel(el), w: Math.round(r.width), right: r.right, out: out, i: found.length});
      }
    }
    found.sort(function (a, b) {
      return (a.out - b.out) || (b.right - a.right) || (a.i - b.i);
    });
    var widths = [];
    for (var k = 0; k < found.length && k < 20; k++) {
      off.push(found[k].sel);
      widths.push(found[k].w);
    }
    return {viewport_width: vw, scroll_width: sw, overflows: sw > vw + 1, offenders: off, offender_widths: widths.length ? widths : undefined};
  }

  // ---- all facts ------------------------------------------------------
  var perf = {};
  var t0 = performance.now();
  function lap(name) {
    var now = performance.now();
    perf[name] = Math.round(now - t0);
    t0 = now;
  }
  var tx = texts();
  lap('texts');
  var ctl = controls();
  lap('controls');
  var fc = focusables();
  lap('focus');
  perf['focus-test'] = focusTestMs;
  var tg = targets();
  lap('targets');
  var sc = scrollers();
  lap('scrollers');
  var vp = viewportMeta();
  var body = doc.body ? doc.body.innerText || '' : '';
  var html = root.outerHTML;
  if (doc.doctype) {
    html = '<!DOCTYPE ' + doc.doctype.name + '>' + html;
  }
  lap('text+dom');
  var im = images(), md = media(), ov = overlays(), ln = links(), tl = textLinks(), hl = hiddenLabels();
  lap('rest');
  return JSON.stringify({
    title: doc.title,
    lang: root.getAttribute('lang') || '',
    dom: html,
    texts: tx.list,
    texts_capped: tx.capped,
    min_font_size_px: tx.minFont,
    controls: ctl,
    focusables: fc.list,
    focus_sampled: fc.sampled,
    targets: tg,
    images: im,
    media: md,
    overlays: ov,
    viewport: vp,
    timing: timing(),
    rendered_text: body.length > 200000 ? body.slice(0, 200000) : body,
    links: ln,
    text_links: tl.length ? tl : undefined,
    hidden_labels: hl.length ? hl : undefined,
    scrollers: sc.length ? sc : undefined,
    perf: perf
  });
})
