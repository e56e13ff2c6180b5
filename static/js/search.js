// search.js: the search page (templates/search.html). When the reader first comes to the
// search box, it loads the index, search-index.<lang>.<hash>.js, which puts it in
// self.iptsiteSearch (see internal/search): a script, not a fetch, so search works from a
// folder opened from disk. It matches what the reader types against the index and lists
// the pages that hold the most of the words, best first, each with its best sentence and
// the words marked. Matching ignores case and accents, and a word matches the start of a
// longer one ("grie" finds "grief").
// The query never leaves the browser: there is no form, no request, nothing in the URL.
(function () {
  "use strict";
  var box = document.getElementById("search");
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!box || !input || !status || !list || !box.dataset.index) return;
  document.getElementById("search-noscript").hidden = true;
  box.hidden = false;

  var MAX = 50, SNIPPET = 220;
  var wordChar = /[\p{L}\p{N}]/u;
  var nonASCII = /[^\x00-\x7f]/;
  var marks = /[\u0300-\u036f]/g;
  var folded = {};

  // fold returns s in lower case without accents, one character for each character of s,
  // so that a match in the folded text is at the same place in s.
  function fold(s) {
    if (!nonASCII.test(s)) return s.toLowerCase();
    var out = "";
    for (var i = 0; i < s.length; i++) {
      var c = s[i], f = folded[c];
      if (f === undefined) {
        f = c.normalize("NFD").replace(marks, "").toLowerCase();
        if (c === "\u2019" || c === "\u2018") f = "'";
        if (f.length !== 1) f = c.toLowerCase().length === 1 ? c.toLowerCase() : c;
        folded[c] = f;
      }
      out += f;
    }
    return out;
  }

  function text(s) { return { s: s, f: fold(s) }; }

  // The index loads once, when the reader first comes to the box, so a visit that does
  // not search does not download it; a query typed meanwhile runs when it arrives.
  var docs = null, script = null;
  function load() {
    if (script) return;
    script = document.createElement("script");
    script.src = box.dataset.index;
    script.onload = function () {
      var ix = self.iptsiteSearch;
      if (!ix || !ix.pages) return failed();
      docs = ix.pages.map(function (p) {
        return {
          u: p.u, title: text(p.t), desc: text(p.d || ""),
          secs: (p.s || []).map(function (s) {
            return { a: s.a || "", h: text(s.h || ""), x: (s.x || []).map(text) };
          })
        };
      });
      run();
    };
    script.onerror = failed;
    document.head.appendChild(script);
  }
  function failed() {
    input.disabled = true;
    status.textContent = box.dataset.failed;
  }

  // find returns where term starts a word in the folded text f, from index from, or -1.
  function find(f, term, from) {
    var i = f.indexOf(term, from || 0);
    while (i > 0 && wordChar.test(f[i - 1])) i = f.indexOf(term, i + 1);
    return i;
  }

  // terms returns the words of the query, folded; one-letter words only when alone.
  function terms(q) {
    var ws = fold(q).match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) || [];
    var long = ws.filter(function (w) { return w.length > 1; });
    return (long.length ? long : ws).filter(function (w, i, all) { return all.indexOf(w) === i; });
  }

  // match scores one page: how many of the words it holds, a score, and its best text.
  function match(d, ts) {
    var has = {}, score = 0, best = null, bestN = 0, bestSec = null;
    function count(t, weight) {
      var n = 0;
      ts.forEach(function (w) {
        if (find(t.f, w) >= 0) { n++; has[w] = true; score += weight; }
      });
      return n;
    }
    count(d.title, 20);
    count(d.desc, 4);
    d.secs.forEach(function (s) {
      var n = count(s.h, 6);
      if (n > bestN) { best = s.h; bestN = n; bestSec = s; }
      s.x.forEach(function (x) {
        var n = count(x, 1);
        // A sentence says more than a heading with as many of the words.
        if (n > bestN || (n === bestN && n > 0 && best === bestSec.h)) { best = x; bestN = n; bestSec = s; }
      });
    });
    if (!best && d.desc.s) best = d.desc;
    return { d: d, n: Object.keys(has).length, score: score, best: best, sec: bestSec };
  }

  // mark appends s to el with every word of ts that it starts marked.
  function mark(el, t, ts, from, to) {
    var ranges = [];
    ts.forEach(function (w) {
      for (var i = find(t.f, w, from); i >= 0 && i < to; i = find(t.f, w, i + 1)) ranges.push([i, Math.min(i + w.length, to)]);
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var at = from;
    ranges.forEach(function (r) {
      if (r[0] < at) r[0] = at;
      if (r[1] <= r[0]) return;
      if (r[0] > at) el.appendChild(document.createTextNode(t.s.slice(at, r[0])));
      var m = document.createElement("mark");
      m.textContent = t.s.slice(r[0], r[1]);
      el.appendChild(m);
      at = r[1];
    });
    if (at < to) el.appendChild(document.createTextNode(t.s.slice(at, to)));
  }

  // snippet appends the text t, cut to about SNIPPET characters around its first match.
  function snippet(el, t, ts) {
    var from = 0, to = t.s.length;
    if (to > SNIPPET) {
      var first = to;
      ts.forEach(function (w) { var i = find(t.f, w); if (i >= 0 && i < first) first = i; });
      if (first > SNIPPET / 3 && first < to) {
        from = t.s.indexOf(" ", first - SNIPPET / 4) + 1;
        if (from < 1 || from > first) from = first;
      }
      to = Math.min(to, from + SNIPPET);
      var sp = t.s.lastIndexOf(" ", to);
      if (to < t.s.length && sp > from) to = sp;
    }
    if (from > 0) el.appendChild(document.createTextNode("… "));
    mark(el, t, ts, from, to);
    if (to < t.s.length) el.appendChild(document.createTextNode(" …"));
  }

  function say(key, n, q) {
    status.textContent = box.dataset[key].replace("{n}", n).replace("{q}", q);
  }

  function run() {
    if (!docs) return load();
    var q = input.value.trim(), ts = terms(q);
    list.textContent = "";
    if (!q) { status.textContent = ""; return; }
    if (ts.join("").length < 2) { say("short", 0, q); return; }
    var found = docs.map(function (d) { return match(d, ts); });
    var most = Math.max.apply(null, found.map(function (r) { return r.n; }));
    found = found.filter(function (r) { return r.n > 0 && r.n === most; });
    found.sort(function (a, b) { return b.score - a.score; });
    if (!found.length) { say("none", 0, q); return; }
    say(found.length === 1 ? "one" : "many", found.length, q);
    found.slice(0, MAX).forEach(function (r) {
      var li = document.createElement("li"), a = document.createElement("a");
      var anchor = r.sec && r.sec.a ? "#" + r.sec.a : "";
      a.href = new URL(r.d.u + anchor, script.src).href;
      mark(a, r.d.title, ts, 0, r.d.title.s.length);
      li.appendChild(a);
      if (r.sec && r.sec.h.s) {
        var where = document.createElement("span");
        where.className = "search-where";
        where.textContent = r.sec.h.s;
        li.appendChild(where);
      }
      if (r.best && r.best !== (r.sec && r.sec.h)) {
        var p = document.createElement("p");
        snippet(p, r.best, ts);
        li.appendChild(p);
      }
      list.appendChild(li);
    });
  }

  var timer = 0;
  input.addEventListener("focus", load);
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter") { clearTimeout(timer); run(); }
  });
  // Up and down arrows move between the search box and the results.
  box.addEventListener("keydown", function (e) {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    var links = [input].concat([].slice.call(list.querySelectorAll("a")));
    var i = links.indexOf(document.activeElement);
    if (i < 0) return;
    var next = links[i + (e.key === "ArrowDown" ? 1 : -1)];
    if (next) { e.preventDefault(); next.focus(); }
  });
  // A query the browser kept (back to this page) gets its results again.
  window.addEventListener("pageshow", function () { if (input.value) run(); });
  if (input.value) run();
})();
