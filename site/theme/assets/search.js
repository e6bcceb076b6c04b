// Offline search of the static site: analyses the query with analyzer.js (the same terms as
// the index, search_terms.h), loads search/meta.json, the shards of the query's terms and the
// doc chunks of the best results only, and ranks with BM25 (Xapian's defaults, k1 = 1, b = 0.5)
// over any of the terms, as `sijill search` does for a plain query. Scrambled paragraphs also
// match a word by all the 3-grams of its stem, at a fifth of the weight (the server's
// NgramFallback).
(function (global) {
  "use strict";
  var K1 = 1.0, B = 0.5, LIMIT = 20, GRAM_WEIGHT = 0.2;

  // load(path) -> Promise of the parsed JSON file at search/<path>.
  function search(query, analyzer, load, limit) {
    limit = limit || LIMIT;
    var terms = Array.from(new Set(analyzer.terms(query)));
    var groups = analyzer.fallbackGroups ? analyzer.fallbackGroups(query) : [];
    var wanted = terms.concat.apply(terms, groups);
    return load("meta.json").then(function (meta) {
      var known = new Set(meta.shards);
      var shardNames = Array.from(new Set(wanted.map(analyzer.shardOf)))
          .filter(function (s) { return known.has(s); });
      return Promise.all(shardNames.map(function (s) { return load("t/" + s + ".json"); }))
          .then(function (shards) {
            var postingsOf = {};
            shards.forEach(function (shard) {
              wanted.forEach(function (t) { if (shard[t]) postingsOf[t] = shard[t]; });
            });
            // doc -> BM25 weight of term t in it.
            function weights(t) {
              var out = new Map(), p = postingsOf[t];
              if (!p) return out;
              var n = p.length / 3;
              var idf = Math.log(1 + (meta.docs - n + 0.5) / (n + 0.5));
              for (var i = 0, doc = 0; i < p.length; i += 3) {
                doc += p[i];
                var tf = p[i + 1], dl = p[i + 2];
                var norm = K1 * ((1 - B) + B * dl / (meta.avgdl || 1));
                out.set(doc, idf * tf * (K1 + 1) / (tf + norm));
              }
              return out;
            }
            var scores = new Map();
            function add(doc, w) { scores.set(doc, (scores.get(doc) || 0) + w); }
            terms.forEach(function (t) { weights(t).forEach(function (w, doc) { add(doc, w); }); });
            groups.forEach(function (grams) {
              var each = grams.map(weights);
              each[0].forEach(function (w, doc) {
                var sum = 0;
                for (var g = 0; g < each.length; ++g) {
                  if (!each[g].has(doc)) return;
                  sum += each[g].get(doc);
                }
                add(doc, GRAM_WEIGHT * sum);
              });
            });
            var ranked = Array.from(scores.entries())
                .sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
            var top = ranked.slice(0, limit);
            var chunks = Array.from(new Set(top.map(function (r) {
              return Math.floor(r[0] / meta.chunk);
            })));
            return Promise.all(chunks.map(function (c) { return load("d/" + c + ".json"); }))
                .then(function (loaded) {
                  var byChunk = {};
                  chunks.forEach(function (c, i) { byChunk[c] = loaded[i]; });
                  return {
                    total: ranked.length,
                    terms: terms,
                    results: top.map(function (r) {
                      var d = byChunk[Math.floor(r[0] / meta.chunk)][r[0] % meta.chunk];
                      return { id: d[0], kind: d[1], title: d[2], url: d[3], snippet: d[4],
                               score: r[1] };
                    })
                  };
                });
          });
    });
  }

  function show(root) {
    var params = new URLSearchParams(global.location.search);
    var query = params.get("q") || "";
    var box = document.getElementById("q");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    if (box) box.value = query;
    if (!query.trim() || !list) return;
    var load = function (path) {
      return fetch(root + "search/" + path).then(function (r) {
        if (!r.ok) throw new Error(path + ": " + r.status);
        return r.json();
      });
    };
    search(query, global.sijillAnalyzer, load).then(function (found) {
      status.textContent = found.total ? String(found.total) : status.dataset.none;
      found.results.forEach(function (r) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = root + r.url;
        a.textContent = r.title || r.id;
        var kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = " " + r.kind + " · " + r.id;
        kind.dir = "ltr";
        var snippet = document.createElement("p");
        snippet.textContent = r.snippet;
        li.append(a, kind, snippet);
        list.appendChild(li);
      });
    }, function (error) {
      // file:// pages cannot fetch: say so instead of failing silently.
      status.textContent = String(error);
    });
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = { search: search };
  } else {
    global.sijillSearch = { search: search };
    document.addEventListener("DOMContentLoaded", function () { show(""); });
  }
})(typeof window !== "undefined" ? window : this);
