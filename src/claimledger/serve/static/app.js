// claimledger web view: the little JavaScript the pages use. Everything works without it.
(function () {
  "use strict";
  // Article page: the legend's checkboxes switch each kind of mark on and off.
  document.querySelectorAll("#legend input[data-mark]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.dataset.mark, !box.checked);
    });
  });
  // Article page: a claim card in the side panel points at its span in the text.
  document.querySelectorAll(".article-side .claim").forEach(function (card) {
    card.addEventListener("mouseenter", function () {
      var span = document.getElementById("claim-" + card.dataset.claim);
      if (span) { span.classList.add("flash"); }
    });
    card.addEventListener("mouseleave", function () {
      var span = document.getElementById("claim-" + card.dataset.claim);
      if (span) { span.classList.remove("flash"); }
    });
  });
  // Story page: draw each link between two claim cards (contradict, agree, repeat). Cards
  // in different columns are joined across the gutter; cards of one column by an arc in
  // the gutter on its right. The numbered list under the columns says the same in text.
  var columns = document.getElementById("story-columns");
  var items = document.querySelectorAll("#link-list li[data-a]");
  function cardBox(index, origin) {
    var card = document.getElementById("card-" + index);
    if (!card) { return null; }
    var r = card.getBoundingClientRect();
    return {left: r.left - origin.left, right: r.right - origin.left,
            top: r.top - origin.top, mid: r.top - origin.top + Math.min(r.height / 2, 28)};
  }
  function drawLinks() {
    var svg = columns.querySelector("svg.story-links");
    var origin = columns.getBoundingClientRect();
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    items.forEach(function (item) {
      var a = cardBox(item.dataset.a, origin), b = cardBox(item.dataset.b, origin);
      if (!a || !b) { return; }
      var d;
      if (Math.abs(a.left - b.left) < 4) {  // same column: an arc in the gutter beside it
        var bend = 18 + Math.min(Math.abs(b.mid - a.mid) / 12, 14), x = a.right;
        if (a.right + bend > origin.width) { x = a.left; bend = -bend; }  // last column: left
        d = "M" + x + "," + a.mid + " C" + (x + bend) + "," + a.mid + " " + (x + bend) + "," + b.mid + " " + x + "," + b.mid;
      } else {
        if (a.left > b.left) { var t = a; a = b; b = t; }
        var x0 = a.right, x1 = b.left, mx = (x0 + x1) / 2;
        d = "M" + x0 + "," + a.mid + " C" + mx + "," + a.mid + " " + mx + "," + b.mid + " " + x1 + "," + b.mid;
      }
      var path = document.createElementNS("http://www.w3.org/2000/svg", "path");
      path.setAttribute("d", d);
      path.setAttribute("class", item.dataset.label);
      path.dataset.link = item.id;
      svg.appendChild(path);
    });
  }
  // Story page: a click on a clamped claim text shows all of it (and redraws the links).
  document.querySelectorAll(".story-card .content").forEach(function (content) {
    content.addEventListener("click", function () {
      content.closest(".story-card").classList.toggle("open");
      if (columns && items.length) { drawLinks(); }
    });
  });
  if (columns && items.length) {
    drawLinks();
    window.addEventListener("resize", drawLinks);
    window.addEventListener("load", drawLinks);
    items.forEach(function (item) {
      item.addEventListener("mouseenter", function () {
        [item.dataset.a, item.dataset.b].forEach(function (i) {
          var card = document.getElementById("card-" + i); if (card) { card.classList.add("hot"); }
        });
        var path = columns.querySelector('path[data-link="' + item.id + '"]');
        if (path) { path.classList.add("hot"); }
      });
      item.addEventListener("mouseleave", function () {
        document.querySelectorAll(".story-card.hot, svg.story-links path.hot").forEach(function (el) {
          el.classList.remove("hot");
        });
      });
    });
  }
  // Article page: opened at #claim-aN, scroll the span into view in the middle.
  if (location.hash && location.hash.indexOf("#claim-") === 0) {
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) { target.scrollIntoView({block: "center"}); target.classList.add("flash"); }
  }
})();
