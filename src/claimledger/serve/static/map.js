// claimledger web view: the maps. Pan (drag), zoom (wheel, pinch, double click, the +/- buttons),
// labels placed again after every move so that none collides, and the time slider that shows each
// place as the claims made up to a day left it. The server draws the same map without script.
(function () {
  "use strict";
  var UNITS = 100;  // SVG units per degree of latitude (serve/projection.py)
  var SIDES = ["ukraine", "russia"];  // the marker's left and right halves
  var MIN_WIDTH = 40;  // the closest view: about 0.4 degree of longitude across
  var REFERENCE_PIXELS = 700;  // the map width marker and label sizes are drawn for

  function numbers(text) { return text.split(/\s+/).map(parseFloat); }

  function textBox(x, y, em, size, anchor) {  // em: the label's width at a font size of 1
    var width = em * size;
    var left = anchor === "middle" ? x - width / 2 : anchor === "end" ? x - width : x;
    return [left, y - size * 0.8, left + width, y + size * 0.25];
  }
  function free(box, taken) {
    for (var i = 0; i < taken.length; i++) {
      var t = taken[i];
      if (!(box[2] <= t[0] || box[0] >= t[2] || box[3] <= t[1] || box[1] >= t[3])) { return false; }
    }
    return true;
  }

  // a label's width at font size 1, measured once (hidden labels are shown for the measure)
  function measure(el, text) {
    var hidden = [el, el.parentNode].filter(function (e) { return e.classList.contains("off"); });
    hidden.forEach(function (e) { e.classList.remove("off"); });
    var size = el.getAttribute("font-size");
    el.setAttribute("font-size", "10");
    var width = el.getComputedTextLength() / 10;
    el.setAttribute("font-size", size);
    hidden.forEach(function (e) { e.classList.add("off"); });
    return width > 0 ? width * 1.04 : text.length * 0.6;
  }

  function setupMap(fig) {
    var svg = fig.querySelector("svg");
    var home = numbers(fig.dataset.home), world = numbers(fig.dataset.world);
    var view = home.slice();
    var maxLabels = parseInt(fig.dataset.labels || "1000", 10);
    var markers = Array.prototype.map.call(fig.querySelectorAll("a.marker"), function (a) {
      var control = (a.dataset.control || "").split(";").filter(Boolean).map(function (c) {
        var p = c.split(" "); return {day: p[0], side: p[1], kind: p[2]};
      });
      return {el: a, g: a.querySelector("g"), halves: a.querySelectorAll(".half"),
              x: parseFloat(a.dataset.x), y: parseFloat(a.dataset.y), r: parseFloat(a.dataset.r),
              first: a.dataset.first || "", control: control, shown: true, key: a.dataset.key,
              focus: a.classList.contains("focus")};
    });
    var byKey = {};
    markers.forEach(function (m) { byKey[m.key] = m; });
    var markerLabels = Array.prototype.map.call(fig.querySelectorAll("text.mlabel"), function (t) {
      return {el: t, marker: byKey[t.dataset.for], size: parseFloat(t.dataset.size), em: measure(t, t.textContent)};
    });
    var others = Array.prototype.map.call(fig.querySelectorAll(".names text.lbl"), function (t) {
      var city = t.parentNode.classList.contains("city") ? t.parentNode : null;
      return {el: t, city: city, size: parseFloat(t.dataset.size), em: measure(t, t.textContent),
              x: parseFloat(t.getAttribute("x")), y: parseFloat(t.getAttribute("y")),
              cx: city ? parseFloat(city.dataset.x) : 0, cy: city ? parseFloat(city.dataset.y) : 0,
              rank: parseInt(t.dataset.rank, 10), widest: parseFloat(t.dataset.widest || "999"),
              anchor: city ? "start" : "middle"};
    }).sort(function (a, b) { return a.rank - b.rank; });

    function inView(x, y) {
      return x >= view[0] && x <= view[0] + view[2] && y >= view[1] && y <= view[1] + view[3];
    }

    function layout() {
      var k = home[2] / view[2];  // how far in from the first view
      // sizes were set for a map 700 px wide: a phone's narrower map keeps them as large on screen
      var pixels = svg.getBoundingClientRect().width || REFERENCE_PIXELS;
      var screen = Math.min(2.2, Math.max(1, REFERENCE_PIXELS / pixels));
      var markerScale = Math.pow(k, -0.8) * Math.pow(screen, 0.7), textScale = Math.pow(k, -0.9) * screen;
      var taken = [];
      markers.forEach(function (m) {
        m.el.classList.toggle("off", !m.shown);
        var r = m.r * markerScale;
        m.g.setAttribute("transform", "translate(" + m.x + " " + m.y + ") scale(" + r.toFixed(3) + ")");
        m.radius = r;
        if (m.shown) { taken.push([m.x - r, m.y - r, m.x + r, m.y + r]); }
      });
      var named = 0, limit = Math.max(maxLabels, Math.round(maxLabels * k * k));
      markerLabels.forEach(function (l) {
        var m = l.marker, size = l.size * textScale, placed = false;
        if (m && m.shown && inView(m.x, m.y) && (named < limit || m.focus)) {
          var gap = m.radius + size * 0.35;
          var spots = [[m.x + gap, m.y + size * 0.35, "start"], [m.x - gap, m.y + size * 0.35, "end"],
                       [m.x, m.y - gap, "middle"], [m.x, m.y + gap + size * 0.8, "middle"]];
          for (var i = 0; i < spots.length && !placed; i++) {
            var box = textBox(spots[i][0], spots[i][1], l.em, size, spots[i][2]);
            if (free(box, taken)) {
              taken.push(box);
              l.el.setAttribute("x", spots[i][0].toFixed(1));
              l.el.setAttribute("y", spots[i][1].toFixed(1));
              l.el.setAttribute("text-anchor", spots[i][2]);
              l.el.setAttribute("font-size", size.toFixed(2));
              placed = true; named++;
            }
          }
        }
        l.el.classList.toggle("off", !placed);
      });
      var spanLat = view[3] / UNITS;
      others.forEach(function (o) {
        var size = o.size * textScale, x = o.x, y = o.y, show = spanLat <= o.widest;
        if (o.city) {  // the name starts right of the square; both scale with the text
          var half = size * 0.25;
          var rect = o.city.querySelector("rect");
          rect.setAttribute("x", (o.cx - half).toFixed(1)); rect.setAttribute("y", (o.cy - half).toFixed(1));
          rect.setAttribute("width", (2 * half).toFixed(2)); rect.setAttribute("height", (2 * half).toFixed(2));
          x = o.cx + size * 0.5; y = o.cy + size * 0.35;
          o.el.setAttribute("x", x.toFixed(1)); o.el.setAttribute("y", y.toFixed(1));
          show = show && inView(o.cx, o.cy);
        }
        if (show) {
          var box = textBox(x, y, o.em, size, o.anchor);
          show = free(box, taken);
          if (show) { taken.push(box); }
        }
        o.el.setAttribute("font-size", size.toFixed(2));
        (o.city || o.el).classList.toggle("off", !show);
        if (o.city) { o.el.classList.remove("off"); }
      });
    }

    // -- the online tile layer, when the server has one: tiles for the view (basemap.tile_images)
    var tileUrl = fig.dataset.tiles, tileGroup = svg.querySelector("g.tiles"), tileTimer = null;
    function project(lon, lat) { return [(lon - 12) * Math.cos(48.5 * Math.PI / 180) * UNITS, (60 - lat) * UNITS]; }
    function unproject(x, y) { return [x / (Math.cos(48.5 * Math.PI / 180) * UNITS) + 12, 60 - y / UNITS]; }
    function tiles() {
      if (!tileUrl || !tileGroup) { return; }
      var nw = unproject(view[0], view[1]), se = unproject(view[0] + view[2], view[1] + view[3]);
      var zoom = Math.max(1, Math.min(14, Math.round(Math.log2(4 * 360 / Math.max(se[0] - nw[0], 1e-6)))));
      var n = Math.pow(2, zoom);
      function tx(lon) { return Math.min(n - 1, Math.max(0, Math.floor((lon + 180) / 360 * n))); }
      function ty(lat) { var r = lat * Math.PI / 180; return Math.min(n - 1, Math.max(0, Math.floor((1 - Math.asinh(Math.tan(r)) / Math.PI) / 2 * n))); }
      function lonOf(x) { return x / n * 360 - 180; }
      function latOf(y) { return Math.atan(Math.sinh(Math.PI * (1 - 2 * y / n))) * 180 / Math.PI; }
      while (tileGroup.firstChild) { tileGroup.removeChild(tileGroup.firstChild); }
      var count = 0;
      for (var y = ty(Math.min(nw[1], 85)); y <= ty(Math.max(se[1], -85)) && count < 64; y++) {
        for (var x = tx(nw[0]); x <= tx(se[0]) && count < 64; x++, count++) {
          var a = project(lonOf(x), latOf(y)), b = project(lonOf(x + 1), latOf(y + 1));
          var img = document.createElementNS("http://www.w3.org/2000/svg", "image");
          img.setAttribute("href", tileUrl.replace("{z}", zoom).replace("{x}", x).replace("{y}", y));
          img.setAttribute("x", a[0].toFixed(2)); img.setAttribute("y", a[1].toFixed(2));
          img.setAttribute("width", (b[0] - a[0]).toFixed(2)); img.setAttribute("height", (b[1] - a[1]).toFixed(2));
          img.setAttribute("preserveAspectRatio", "none"); img.setAttribute("class", "tile");
          tileGroup.appendChild(img);
        }
      }
    }

    function apply() {
      svg.setAttribute("viewBox", view.map(function (v) { return v.toFixed(1); }).join(" "));
      layout();
      if (tileUrl) { clearTimeout(tileTimer); tileTimer = setTimeout(tiles, 200); }
    }

    function clamp() {
      var w = Math.min(Math.max(view[2], MIN_WIDTH), world[2]), h = w * home[3] / home[2];
      var cx = view[0] + view[2] / 2, cy = view[1] + view[3] / 2;
      cx = Math.min(Math.max(cx, world[0]), world[0] + world[2]);
      cy = Math.min(Math.max(cy, world[1]), world[1] + world[3]);
      view = [cx - w / 2, cy - h / 2, w, h];
    }
    function toMap(clientX, clientY) {
      var m = svg.getScreenCTM();
      if (!m) { return [view[0] + view[2] / 2, view[1] + view[3] / 2]; }
      var p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
      return [p.x, p.y];
    }
    function zoomAt(point, factor) {
      var w = Math.min(Math.max(view[2] / factor, MIN_WIDTH), world[2]);
      var f = view[2] / w;
      view = [point[0] - (point[0] - view[0]) / f, point[1] - (point[1] - view[1]) / f, w, view[3] / f];
      clamp(); apply();
    }
    function centre() { return [view[0] + view[2] / 2, view[1] + view[3] / 2]; }

    svg.addEventListener("wheel", function (e) {
      e.preventDefault();
      zoomAt(toMap(e.clientX, e.clientY), Math.exp(-e.deltaY * (e.deltaMode ? 0.05 : 0.002)));
    }, {passive: false});
    svg.addEventListener("dblclick", function (e) { e.preventDefault(); zoomAt(toMap(e.clientX, e.clientY), 2); });

    var pointers = {}, moved = 0, pinch = null;
    svg.addEventListener("pointerdown", function (e) {
      pointers[e.pointerId] = [e.clientX, e.clientY];
      moved = 0;
      var ids = Object.keys(pointers);
      if (ids.length === 2) {
        var a = pointers[ids[0]], b = pointers[ids[1]];
        pinch = {d: Math.hypot(a[0] - b[0], a[1] - b[1]), view: view.slice()};
      }
    });
    svg.addEventListener("pointermove", function (e) {
      var last = pointers[e.pointerId];
      if (!last) { return; }
      var ids = Object.keys(pointers);
      var scale = view[2] / svg.getBoundingClientRect().width;
      if (ids.length === 1) {
        var dx = e.clientX - last[0], dy = e.clientY - last[1];
        moved += Math.abs(dx) + Math.abs(dy);
        if (moved > 4) {
          if (!svg.hasPointerCapture(e.pointerId)) { svg.setPointerCapture(e.pointerId); }
          fig.classList.add("dragging");
          view[0] -= dx * scale; view[1] -= dy * scale; clamp(); apply();
        }
      }
      pointers[e.pointerId] = [e.clientX, e.clientY];
      if (ids.length === 2 && pinch) {
        var a = pointers[ids[0]], b = pointers[ids[1]];
        var d = Math.hypot(a[0] - b[0], a[1] - b[1]);
        moved = 99;
        if (d > 0 && pinch.d > 0) {
          view = pinch.view.slice();
          zoomAt(toMap((a[0] + b[0]) / 2, (a[1] + b[1]) / 2), d / pinch.d);
        }
      }
    });
    function release(e) {
      delete pointers[e.pointerId];
      if (Object.keys(pointers).length < 2) { pinch = null; }
      fig.classList.remove("dragging");
    }
    svg.addEventListener("pointerup", release);
    svg.addEventListener("pointercancel", release);
    // a drag that ends on a marker is no click on it
    svg.addEventListener("click", function (e) {
      if (moved > 4) { e.preventDefault(); e.stopPropagation(); }
    }, true);

    var tools = fig.querySelector(".map-tools");
    if (tools) {
      tools.hidden = false;
      tools.addEventListener("click", function (e) {
        var button = e.target.closest("button");
        if (!button) { return; }
        if (button.dataset.zoom === "home") { view = home.slice(); apply(); }
        else { zoomAt(centre(), button.dataset.zoom === "in" ? 1.6 : 1 / 1.6); }
      });
    }
    var hint = fig.querySelector(".js-only");
    if (hint) { hint.hidden = false; }

    // -- the time slider: markers and their colours as the claims up to that day left them
    var time = fig.querySelector(".map-time");
    if (time) {
      var days = time.dataset.days.split(" "), slider = time.querySelector("input");
      var output = time.querySelector("output"), count = time.querySelector(".map-count");
      time.hidden = false;
      var showDay = function () {
        var until = days[parseInt(slider.value, 10)] || days[days.length - 1], shown = 0;
        markers.forEach(function (m) {
          // a place named without any control claim has no day: it shows with every date only
          m.shown = m.focus || (m.first ? m.first <= until : until === days[days.length - 1]);
          var latest = {};
          m.control.forEach(function (c) { if (c.day <= until) { latest[c.side] = c.kind; } });
          var quiet = true;
          SIDES.forEach(function (side, i) {
            var kind = latest[side] || "none";
            if (kind !== "none") { quiet = false; }
            m.halves[i].setAttribute("class", "half " + (i ? "right" : "left") + " k-" + kind);
          });
          m.el.classList.toggle("quiet", quiet);
          if (m.shown) { shown++; }
        });
        output.textContent = until;
        count.textContent = shown + " of " + markers.length + " places";
        fig.dataset.until = until;
        layout();
      };
      slider.addEventListener("input", showDay);
      showDay();
    }
    fig.mapView = function () { return view.slice(); };
    window.addEventListener("resize", layout);
    apply();
  }

  document.querySelectorAll("figure.map[data-map]").forEach(setupMap);
})();
