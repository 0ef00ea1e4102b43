/* yogolint HTML report: builds the page from the JSON in #yogolint-data.
   Document text is only ever set with textContent (never as markup). */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("yogolint-data").textContent);
  var app = document.getElementById("app");
  var F = data.findings;  // [file, line, col, rule, severity, term, message, suggestions, left, mark, right]
  var SEVERITY_LABELS = {error: "エラー", warning: "警告", info: "情報"};
  var TOP = 20, PAGE = 200;
  var state = {q: "", rules: {}, sev: {}, term: -1, folder: "", open: {}, openAll: false, pages: 1};
  var hay = null;  // lower-cased search text of each finding, built on the first search
  var matched = [];

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "text") { node.textContent = attrs[k]; }
        else if (k === "cls") { node.className = attrs[k]; }
        else { node.setAttribute(k, attrs[k]); }
      });
    }
    (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
    return node;
  }

  function ready() {
    document.body.setAttribute("data-ready", "1");
    document.body.setAttribute("data-ready-ms", String(Math.round(performance.now())));
    // and once the first view is laid out and painted (what a reader waits for)
    requestAnimationFrame(function () {
      setTimeout(function () { document.body.setAttribute("data-painted-ms", String(Math.round(performance.now()))); }, 0);
    });
  }

  // --- folders: every folder above a file, up to the files' common root ---
  var root = commonRoot(data.folders);
  var areaOf = data.folders.map(function (f) {  // the first folder level below the root
    if (f === root) { return f; }
    var rest = (root === "." ? f : f.slice(root.length + 1)).split("/")[0];
    return root === "." ? rest : root + "/" + rest;
  });
  var folderChoices = (function () {
    var seen = {};
    data.folders.forEach(function (f) {
      while (f && !seen[f]) {
        seen[f] = true;
        if (f === root || f.length <= root.length) { break; }
        var cut = f.lastIndexOf("/");
        f = cut > 0 ? f.slice(0, cut) : root;
      }
    });
    return Object.keys(seen).sort();
  })();

  function commonRoot(folders) {
    if (!folders.length) { return "."; }
    var parts = folders[0].split("/");
    folders.forEach(function (f) {
      var p = f.split("/"), i = 0;
      while (i < parts.length && i < p.length && parts[i] === p[i]) { i += 1; }
      parts = parts.slice(0, i);
    });
    return parts.join("/") || (folders[0].charAt(0) === "/" ? "/" : ".");
  }

  function inFolder(folder, wanted) {
    return !wanted || wanted === "." || folder === wanted || folder.indexOf(wanted === "/" ? "/" : wanted + "/") === 0;
  }

  // --- the static parts ---
  var totals = el("section", {cls: "totals", "aria-label": "集計"});
  function total(key, label, value) {
    totals.appendChild(el("div", {cls: "total", id: "total-" + key}, [
      el("span", {cls: "num", text: String(value)}), el("span", {cls: "label", text: label})]));
  }
  var filesWithFindings = {};
  F.forEach(function (f) { filesWithFindings[f[0]] = true; });
  total("files-scanned", "チェックしたファイル", data.files_scanned);
  total("findings", "指摘の件数", F.length);
  total("files-with-findings", "指摘のあるファイル", Object.keys(filesWithFindings).length);
  if (data.errors.length) { total("errors", "読めなかったファイル", data.errors.length); }
  app.appendChild(totals);
  if (data.errors.length) {
    app.appendChild(el("section", {cls: "errors"}, [el("h2", {text: "読めなかったファイル"}),
      el("ul", null, data.errors.map(function (e) { return el("li", {text: e}); }))]));
  }
  if (!F.length) {
    app.appendChild(el("p", {cls: "empty", text: "問題は見つかりませんでした。"}));
    ready();
    return;
  }

  var search = el("input", {type: "search", id: "search", placeholder: "用語・指摘・パスで検索", "aria-label": "検索"});
  var termSelect = el("select", {id: "term-filter", "aria-label": "用語で絞り込む"});
  var folderSelect = el("select", {id: "folder-filter", "aria-label": "フォルダで絞り込む"});
  var shownCount = el("strong", {id: "shown-count"});
  var ruleBoxes = data.rules.map(function (r, i) {
    return el("label", {cls: "choice rule-choice", title: r.summary}, [
      el("input", {type: "checkbox", name: "rule", value: r.id, "data-index": String(i)}),
      document.createTextNode(" "), el("code", {text: r.id}), document.createTextNode(" "),
      el("span", {cls: "n", text: String(F.filter(function (f) { return f[3] === i; }).length)})]);
  });
  var sevBoxes = data.severities.map(function (s, i) {
    return el("label", {cls: "choice severity-choice"}, [
      el("input", {type: "checkbox", name: "severity", value: s, "data-index": String(i)}),
      document.createTextNode(" " + SEVERITY_LABELS[s] + " "),
      el("span", {cls: "n", text: String(F.filter(function (f) { return f[4] === i; }).length)})]);
  });
  var termCounts = count(F, function (f) { return f[5]; });
  termSelect.appendChild(el("option", {value: "-1", text: "すべての用語"}));
  ranked(termCounts).forEach(function (e) {
    termSelect.appendChild(el("option", {value: String(e[0]), text: data.terms[e[0]] + " (" + e[1] + ")"}));
  });
  folderSelect.appendChild(el("option", {value: "", text: "すべてのフォルダ"}));
  folderChoices.forEach(function (f) { folderSelect.appendChild(el("option", {value: f, text: f})); });
  var clear = el("button", {type: "button", id: "select-all", text: "絞り込みを解除"});
  var openAll = el("button", {type: "button", id: "open-all", text: "すべて開く"});
  app.appendChild(el("section", {cls: "controls", "aria-label": "検索と絞り込み"}, [
    el("h2", {text: "検索と絞り込み"}),
    el("div", {cls: "row"}, [search]),
    el("div", {cls: "row"}, [el("span", {text: "ルール:"})].concat(ruleBoxes)),
    el("div", {cls: "row"}, [el("span", {text: "重大度:"})].concat(sevBoxes.slice().reverse())),
    el("div", {cls: "row"}, [termSelect, folderSelect, clear, openAll,
      el("span", {cls: "shown"}, [document.createTextNode("表示中 "), shownCount,
        document.createTextNode(" / " + F.length + " 件")])])]));
  var charts = el("div", {cls: "charts"});
  app.appendChild(charts);
  var files = el("div", {id: "files"});
  app.appendChild(files);
  var more = el("button", {type: "button", id: "more-files"});
  app.appendChild(el("section", {cls: "pager"}, [more]));

  function count(list, key) {
    var c = {};
    list.forEach(function (f) { var k = key(f); c[k] = (c[k] || 0) + 1; });
    return c;
  }
  function ranked(counts, byName) {  // byName: the keys are names (folders), not table indexes
    return Object.keys(counts).map(function (k) { return [byName ? k : +k, counts[k]]; })
      .sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
  }

  // --- filtering ---
  function matches(f, i, q) {
    if (!state.rules[f[3]] || !state.sev[f[4]]) { return false; }
    if (state.term >= 0 && f[5] !== state.term) { return false; }
    if (state.folder && !inFolder(data.folders[f[0]], state.folder)) { return false; }
    if (q) {
      if (!hay) {
        hay = F.map(function (g) {
          return (data.terms[g[5]] + "\n" + data.messages[g[6]] + "\n" + data.files[g[0]]).toLowerCase();
        });
      }
      if (hay[i].indexOf(q) === -1) { return false; }
    }
    return true;
  }

  function apply() {
    var q = state.q.trim().toLowerCase();
    matched = [];
    for (var i = 0; i < F.length; i += 1) { if (matches(F[i], i, q)) { matched.push(i); } }
    shownCount.textContent = String(matched.length);
    ruleBoxes.forEach(function (b, i) { b.firstChild.checked = !!state.rules[i]; b.classList.toggle("off", !state.rules[i]); });
    sevBoxes.forEach(function (b, i) { b.firstChild.checked = !!state.sev[i]; b.classList.toggle("off", !state.sev[i]); });
    termSelect.value = String(state.term);
    folderSelect.value = state.folder;
    if (search.value !== state.q) { search.value = state.q; }
    drawCharts();
    drawFiles();
  }

  function drawCharts() {
    var rows = matched.map(function (i) { return F[i]; });
    charts.textContent = "";
    charts.appendChild(chart("用語別の件数", "term", count(rows, function (f) { return f[5]; }), TOP,
      function (k) { return data.terms[k]; }, function (k) { return state.term === k; }));
    charts.appendChild(chart("ルール別の件数", "rule", count(rows, function (f) { return f[3]; }), 0,
      function (k) { return data.rules[k].id; }, function (k) { return onlyOne(state.rules, k); }));
    charts.appendChild(chart("重大度別の件数", "severity", count(rows, function (f) { return f[4]; }), 0,
      function (k) { return SEVERITY_LABELS[data.severities[k]]; }, function (k) { return onlyOne(state.sev, k); }));
    charts.appendChild(chart("フォルダ別の件数", "folder", count(rows, function (f) { return areaOf[f[0]]; }), TOP,
      function (k) { return k; }, function (k) { return state.folder === k; }, shortFolder));
  }

  function onlyOne(set, k) {
    var on = Object.keys(set).filter(function (x) { return set[x]; });
    return on.length === 1 && +on[0] === k;
  }

  function shortFolder(folder) {  // below the common root, which the title still shows
    return folder === root || root === "." || root === "/" ? folder : "…/" + folder.slice(root.length + 1);
  }

  function chart(title, kind, counts, limit, label, isOn, shortLabel) {
    var all = ranked(counts, kind === "folder"), shown = limit ? all.slice(0, limit) : all;
    var top = shown.length ? shown[0][1] : 1;
    var body = el("tbody");
    shown.forEach(function (e) {
      var button = el("button", {type: "button", cls: "bar-button" + (isOn(e[0]) ? " on" : ""),
        "data-kind": kind, "data-value": String(e[0]), text: (shortLabel || label)(e[0]), title: label(e[0])});
      body.appendChild(el("tr", null, [el("th", {scope: "row"}, [button]),
        el("td", null, [el("div", {cls: "bar bar-" + kind, style: "width:" + Math.max(2, 100 * e[1] / top).toFixed(1) + "%"})]),
        el("td", {cls: "count", text: String(e[1])})]));
    });
    var section = el("section", {cls: "chart", id: "chart-" + kind}, [el("h2", {text: title}),
      el("table", {cls: "bars"}, [body])]);
    if (limit && all.length > limit) { section.appendChild(el("p", {cls: "more", text: "ほか " + (all.length - limit) + " 件"})); }
    return section;
  }

  function drawFiles() {
    var byFile = {}, order = [];
    matched.forEach(function (i) {
      var file = F[i][0];
      if (!byFile[file]) { byFile[file] = []; order.push(file); }
      byFile[file].push(i);
    });
    files.textContent = "";
    var limit = state.pages * PAGE;
    order.slice(0, limit).forEach(function (file) { files.appendChild(fileSection(file, byFile[file])); });
    more.hidden = order.length <= limit;
    more.textContent = "さらに表示 (残り " + Math.max(0, order.length - limit) + " ファイル)";
    if (!order.length) { files.appendChild(el("p", {cls: "empty", text: "条件に合う指摘はありません。"})); }
  }

  function fileSection(file, found) {
    var open = state.openAll || !!state.open[file];
    var head = el("button", {type: "button", cls: "file-name", "aria-expanded": String(open)}, [
      el("span", {cls: "path", text: data.files[file]}),
      el("span", {cls: "file-count"}, [el("span", {cls: "visible-n", text: String(found.length)}), document.createTextNode(" 件")])]);
    var section = el("section", {cls: "file" + (open ? " open" : ""), "data-file-index": String(file)}, [head]);
    if (open) {
      var body = el("tbody");
      found.forEach(function (i) { body.appendChild(row(F[i])); });
      section.appendChild(el("table", {cls: "findings"}, [body]));
    }
    head.addEventListener("click", function () {
      if (state.openAll) { state.openAll = false; matched.forEach(function (i) { state.open[F[i][0]] = true; }); }
      state.open[file] = !open;
      section.replaceWith(fileSection(file, found));
      writeHash();
    });
    return section;
  }

  function row(f) {
    var severity = data.severities[f[4]];
    var detail = el("td", {cls: "detail"}, [el("p", {cls: "message", text: data.messages[f[6]]})]);
    if (f[7].length) {
      detail.appendChild(el("div", {cls: "suggestions"}, [el("span", {cls: "k", text: "候補"}),
        el("ul", null, f[7].map(function (s) { return el("li", {text: s}); }))]));
    }
    if (f[8] || f[9] || f[10]) {
      detail.appendChild(el("div", {cls: "context"}, [el("span", {cls: "ln", text: String(f[1])}),
        el("code", null, [document.createTextNode(f[8]), el("mark", {text: f[9]}), document.createTextNode(f[10])])]));
    }
    return el("tr", {cls: "finding sev-" + severity, "data-rule": data.rules[f[3]].id}, [
      el("td", {cls: "pos", text: f[1] + ":" + f[2]}),
      el("td", {cls: "rule"}, [el("code", {text: data.rules[f[3]].id}), el("span", {cls: "sev", text: SEVERITY_LABELS[severity]})]),
      detail]);
  }

  // --- the address keeps the state: #rules=a,b&severity=error&term=…&folder=…&q=…&open=all ---
  function allOn(list) { var s = {}; list.forEach(function (_, i) { s[i] = true; }); return s; }
  function reset() {
    state.q = ""; state.rules = allOn(data.rules); state.sev = allOn(data.severities);
    state.term = -1; state.folder = ""; state.pages = 1;
  }

  function readHash() {
    reset();
    state.openAll = false;
    location.hash.replace(/^#/, "").split("&").forEach(function (part) {
      var eq = part.indexOf("="); if (eq < 0) { return; }
      var key = part.slice(0, eq), value = decodeURIComponent(part.slice(eq + 1));
      if (key === "rules" || key === "severity") {
        var names = key === "rules" ? data.rules.map(function (r) { return r.id; }) : data.severities;
        var wanted = value.split(","), set = {};
        names.forEach(function (n, i) { if (wanted.indexOf(n) !== -1) { set[i] = true; } });
        state[key === "rules" ? "rules" : "sev"] = set;
      } else if (key === "term") { state.term = data.terms.indexOf(value); }
      else if (key === "folder") { state.folder = value; }
      else if (key === "q") { state.q = value; }
      else if (key === "open") { state.openAll = value === "all"; }
    });
  }

  function writeHash() {
    var parts = [];
    function on(set, names) { return names.filter(function (_, i) { return set[i]; }); }
    var rules = on(state.rules, data.rules.map(function (r) { return r.id; }));
    if (rules.length !== data.rules.length) { parts.push("rules=" + encodeURIComponent(rules.join(","))); }
    var sev = on(state.sev, data.severities);
    if (sev.length !== data.severities.length) { parts.push("severity=" + sev.join(",")); }
    if (state.term >= 0) { parts.push("term=" + encodeURIComponent(data.terms[state.term])); }
    if (state.folder) { parts.push("folder=" + encodeURIComponent(state.folder)); }
    if (state.q) { parts.push("q=" + encodeURIComponent(state.q)); }
    if (state.openAll) { parts.push("open=all"); }
    try { history.replaceState(null, "", location.pathname + location.search + (parts.length ? "#" + parts.join("&") : "")); }
    catch (e) { /* some file: pages refuse it */ }
  }

  function changed() { state.pages = 1; apply(); writeHash(); }

  var timer = null;
  search.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { state.q = search.value; changed(); }, 120);
  });
  ruleBoxes.forEach(function (b, i) {
    b.firstChild.addEventListener("change", function () { state.rules[i] = b.firstChild.checked; changed(); });
  });
  sevBoxes.forEach(function (b, i) {
    b.firstChild.addEventListener("change", function () { state.sev[i] = b.firstChild.checked; changed(); });
  });
  termSelect.addEventListener("change", function () { state.term = +termSelect.value; changed(); });
  folderSelect.addEventListener("change", function () { state.folder = folderSelect.value; changed(); });
  clear.addEventListener("click", function () { reset(); changed(); });
  openAll.addEventListener("click", function () { state.openAll = true; apply(); writeHash(); });
  more.addEventListener("click", function () { state.pages += 1; drawFiles(); });
  charts.addEventListener("click", function (event) {
    var button = event.target.closest(".bar-button");
    if (!button) { return; }
    var kind = button.getAttribute("data-kind"), value = button.getAttribute("data-value");
    var wasOn = button.classList.contains("on");
    if (kind === "term") { state.term = wasOn ? -1 : +value; }
    else if (kind === "folder") { state.folder = wasOn ? "" : value; }
    else if (kind === "rule") { state.rules = wasOn ? allOn(data.rules) : {}; if (!wasOn) { state.rules[+value] = true; } }
    else if (kind === "severity") { state.sev = wasOn ? allOn(data.severities) : {}; if (!wasOn) { state.sev[+value] = true; } }
    changed();
  });
  window.addEventListener("hashchange", function () { readHash(); apply(); });
  readHash();
  apply();
  ready();
})();
