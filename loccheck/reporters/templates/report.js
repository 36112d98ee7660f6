/* loccheck HTML report: filters, search, sorting, paging and the grouped view.
   Page text is only ever put into the DOM with textContent. */
(function () {
  "use strict";
  var PAGE_SIZE = 200;
  var data = JSON.parse(document.getElementById("loccheck-data").textContent);
  var F = data.findings;
  // Indexes into one finding's array (see report_data in html.py).
  var PG = 0, LINE = 1, COL = 2, RULE = 3, CAT = 4, SEV = 5, MKT = 6, SEL = 7,
      TEXT = 8, MSG = 9, EXP = 10, FOUND = 11, SUG = 12, CONF = 13, GRP = 14,
      CTX = 15;
  var SORTS = {
    list: [["severity", "Severity"], ["page", "Page and line"], ["rule", "Rule"],
           ["category", "Category"], ["market", "Market"]],
    groups: [["pages", "Pages"], ["findings", "Findings"], ["rule", "Rule"],
             ["market", "Market"], ["text", "Text"]]
  };
  var state = {view: "list", market: "", category: "", severity: "", rule: "",
               page: "", q: "", group: -1, sort: {list: "severity", groups: "pages"},
               dir: {list: 1, groups: 1}, pageNo: 0};
  var DESC_FIRST = ["severity", "pages", "findings"];
  var haystack = null;

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function fmt(n) { return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ","); }
  function plural(n, word) { return fmt(n) + " " + word + (n === 1 ? "" : "s"); }
  function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function value(v) {
    if (v === null || v === undefined) { return "none"; }
    if (Array.isArray(v)) { return v.map(value).join(", "); }
    if (typeof v === "object") { return JSON.stringify(v); }
    return String(v);
  }

  function searchText(i) {
    var f = F[i];
    return [f[TEXT], f[MSG], data.pages[f[PG]], f[SEL], data.rules[f[RULE]],
            f[SUG] || "", f[CTX] || "", JSON.stringify(f[EXP]),
            JSON.stringify(f[FOUND])].join("\n").toLowerCase();
  }

  function filtered(withGroup) {
    var q = state.q.trim().toLowerCase();
    var page = state.page.trim();
    var exactPage = data.pages.indexOf(page);
    var pageQ = page.toLowerCase();
    if (q && haystack === null) {
      haystack = new Array(F.length);
      for (var h = 0; h < F.length; h++) { haystack[h] = searchText(h); }
    }
    var out = [];
    for (var i = 0; i < F.length; i++) {
      var f = F[i];
      if (state.market !== "" && f[MKT] !== +state.market) { continue; }
      if (state.category !== "" && f[CAT] !== +state.category) { continue; }
      if (state.severity !== "" && f[SEV] !== +state.severity) { continue; }
      if (state.rule !== "" && f[RULE] !== +state.rule) { continue; }
      if (withGroup && state.group >= 0 && f[GRP] !== state.group) { continue; }
      if (page) {
        if (exactPage >= 0) {
          if (f[PG] !== exactPage) { continue; }
        } else if (data.pages[f[PG]].toLowerCase().indexOf(pageQ) < 0) { continue; }
      }
      if (q && haystack[i].indexOf(q) < 0) { continue; }
      out.push(i);
    }
    return out;
  }

  function byPage(a, b) {
    return F[a][PG] - F[b][PG] || (F[a][LINE] || 0) - (F[b][LINE] || 0) ||
      (F[a][COL] || 0) - (F[b][COL] || 0) || a - b;
  }
  var LIST_KEYS = {
    severity: function (a, b) { return F[a][SEV] - F[b][SEV]; },
    page: function () { return 0; },
    rule: function (a, b) { return cmp(data.rules[F[a][RULE]], data.rules[F[b][RULE]]); },
    category: function (a, b) { return F[a][CAT] - F[b][CAT]; },
    market: function (a, b) { return cmp(data.markets[F[a][MKT]], data.markets[F[b][MKT]]); }
  };

  function sortList(rows) {
    var key = LIST_KEYS[state.sort.list], dir = state.dir.list;
    return rows.sort(function (a, b) { return dir * key(a, b) || dir * byPage(a, b); });
  }

  function buildGroups(rows) {
    var map = {}, groups = [];
    for (var k = 0; k < rows.length; k++) {
      var f = F[rows[k]], g = map[f[GRP]];
      if (!g) {
        g = map[f[GRP]] = {id: f[GRP], first: rows[k], pages: {}, count: 0, n: 0,
                           list: [], sev: f[SEV]};
        groups.push(g);
      }
      g.count++;
      g.sev = Math.min(g.sev, f[SEV]);
      if (!g.pages[f[PG]]) { g.pages[f[PG]] = true; g.n++; g.list.push(f[PG]); }
    }
    return groups;
  }
  var GROUP_KEYS = {
    pages: function (a, b) { return b.n - a.n || b.count - a.count; },
    findings: function (a, b) { return b.count - a.count || b.n - a.n; },
    rule: function (a, b) { return cmp(data.rules[data.groups[a.id][0]], data.rules[data.groups[b.id][0]]); },
    market: function (a, b) { return cmp(data.markets[data.groups[a.id][1]], data.markets[data.groups[b.id][1]]); },
    text: function (a, b) { return cmp(data.groups[a.id][2].toLowerCase(), data.groups[b.id][2].toLowerCase()); }
  };
  function sortGroups(groups) {
    var key = GROUP_KEYS[state.sort.groups], dir = state.dir.groups;
    return groups.sort(function (a, b) { return dir * key(a, b) || a.id - b.id; });
  }

  function badge(sev) { return el("span", "badge sev-" + data.severities[sev], data.severities[sev]); }
  function ruleLink(rule) {
    var a = el("a", "rule-link", data.rules[rule]);
    a.href = "#rule-" + data.rules[rule];
    return a;
  }
  function pageButton(pg) {
    var b = el("button", "linklike page-link", data.pages[pg]);
    b.type = "button";
    b.title = "Show only this page";
    b.setAttribute("data-page", data.pages[pg]);
    return b;
  }
  function cell(label, cls) {
    var td = el("td", cls);
    td.setAttribute("data-label", label);
    return td;
  }

  /* The excerpt inside its surrounding text when a check recorded it
     (found.context), else the excerpt itself: it is the offending text. */
  function excerpt(f) {
    var box = el("p", "excerpt");
    var ctx = f[CTX], text = f[TEXT];
    var at = ctx ? ctx.indexOf(text) : -1;
    if (at >= 0) {
      box.appendChild(document.createTextNode(ctx.slice(0, at)));
      box.appendChild(el("mark", null, text));
      box.appendChild(document.createTextNode(ctx.slice(at + text.length)));
    } else {
      box.appendChild(el("mark", null, text));
    }
    return box;
  }

  function pairs(label, obj, cls) {
    var keys = Object.keys(obj || {});
    if (!keys.length) { return null; }
    var group = el("span", "kv-group " + cls);
    group.appendChild(el("span", "kv-label", label));
    keys.forEach(function (k) {
      var item = el("span", "kv-item");
      item.appendChild(el("span", "kv-key", k));
      item.appendChild(el("span", "kv-value", value(obj[k])));
      group.appendChild(item);
    });
    return group;
  }

  function findingRow(i) {
    var f = F[i], tr = el("tr", "sev-row-" + data.severities[f[SEV]]);
    var td = cell("Severity", "c-sev");
    td.appendChild(badge(f[SEV]));
    td.appendChild(el("span", "confidence", f[CONF] + " confidence"));
    tr.appendChild(td);
    tr.appendChild(cell("Market", "c-market")).textContent = data.markets[f[MKT]];
    td = cell("Rule", "c-rule");
    td.appendChild(ruleLink(f[RULE]));
    td.appendChild(el("span", "sub", data.categories[f[CAT]]));
    tr.appendChild(td);
    td = cell("Page", "c-page");
    td.appendChild(pageButton(f[PG]));
    var where = "line " + (f[LINE] === null ? "?" : f[LINE]);
    if (f[COL] !== null) { where += ", column " + f[COL]; }
    td.appendChild(el("span", "sub", where));
    tr.appendChild(td);
    td = cell("Finding", "c-detail");
    td.appendChild(el("p", "message", f[MSG]));
    td.appendChild(excerpt(f));
    var exp = pairs("Expected", f[EXP], "kv-expected");
    var found = pairs("Found", f[FOUND], "kv-found");
    if (exp || found) {
      var kv = el("div", "kv");
      if (exp) { kv.appendChild(exp); }
      if (found) { kv.appendChild(found); }
      td.appendChild(kv);
    }
    if (f[SUG]) {
      var sug = el("p", "suggestion");
      sug.appendChild(el("span", "kv-label", "Suggestion"));
      sug.appendChild(el("span", "suggestion-text", f[SUG]));
      td.appendChild(sug);
    }
    if (f[SEL]) {
      var sel = el("p", "selector");
      sel.appendChild(el("span", "kv-label", "Selector"));
      sel.appendChild(el("code", null, f[SEL]));
      td.appendChild(sel);
    }
    tr.appendChild(td);
    return tr;
  }

  function groupRow(g) {
    var meta = data.groups[g.id], tr = el("tr", "sev-row-" + data.severities[g.sev]);
    var td = cell("Pages", "c-count");
    td.appendChild(el("strong", "page-count", plural(g.n, "page")));
    td.appendChild(el("span", "sub", plural(g.count, "finding")));
    tr.appendChild(td);
    tr.appendChild(cell("Market", "c-market")).textContent = data.markets[meta[1]];
    td = cell("Rule", "c-rule");
    td.appendChild(ruleLink(meta[0]));
    td.appendChild(badge(g.sev));
    tr.appendChild(td);
    td = cell("Text", "c-detail");
    var text = el("p", "excerpt");
    text.appendChild(el("mark", null, meta[2]));
    td.appendChild(text);
    var first = el("p", "first-pages");
    first.appendChild(el("span", "kv-label", g.n === 1 ? "Page" : "First pages"));
    g.list.slice().sort(function (a, b) { return a - b; }).slice(0, 3).forEach(function (pg) {
      first.appendChild(pageButton(pg));
    });
    if (g.n > 3) { first.appendChild(el("span", "sub", "and " + fmt(g.n - 3) + " more")); }
    td.appendChild(first);
    var show = el("button", "show-group", g.count === 1 ? "Show this finding" : "Show these " + plural(g.count, "finding"));
    show.type = "button";
    show.setAttribute("data-group", String(g.id));
    td.appendChild(show);
    tr.appendChild(td);
    return tr;
  }

  function render() {
    var list = state.view === "list";
    var rows = filtered(list), items, total;
    if (list) {
      items = sortList(rows);
      total = items.length;
    } else {
      items = sortGroups(buildGroups(rows));
      total = items.length;
    }
    var pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    state.pageNo = Math.min(state.pageNo, pages - 1);
    var start = state.pageNo * PAGE_SIZE, end = Math.min(total, start + PAGE_SIZE);
    var body = $(list ? "findings-body" : "groups-body");
    var frag = document.createDocumentFragment();
    for (var k = start; k < end; k++) {
      frag.appendChild(list ? findingRow(items[k]) : groupRow(items[k]));
    }
    if (!total) {
      var tr = el("tr", "no-rows"), td = el("td", null, F.length ? "No finding matches these filters." : "No findings: nothing to fix.");
      td.colSpan = 5;
      tr.appendChild(td);
      frag.appendChild(tr);
    }
    body.replaceChildren(frag);
    var shown = total ? fmt(start + 1) + "–" + fmt(end) + " of " : "0 of ";
    $("result-count").textContent = list
      ? "Showing " + shown + plural(total, "finding") + (total !== F.length ? " (" + fmt(F.length) + " in all)" : "")
      : "Showing " + shown + plural(total, "distinct text") + " (" + plural(rows.length, "finding") + ")";
    $("pager-info").textContent = "Page " + fmt(state.pageNo + 1) + " of " + fmt(pages);
    $("pager-prev").disabled = state.pageNo === 0;
    $("pager-next").disabled = state.pageNo >= pages - 1;
    var chip = $("group-chip");
    chip.hidden = !(list && state.group >= 0);
    if (!chip.hidden) {
      var meta = data.groups[state.group];
      $("group-chip-text").textContent = "Text “" + meta[2] + "” · " + data.rules[meta[0]] + " · " + data.markets[meta[1]];
    }
    syncSortUi();
  }

  function syncSortUi() {
    var view = state.view, key = state.sort[view];
    var table = $(view === "list" ? "findings-table" : "groups-table");
    table.querySelectorAll("th").forEach(function (th) {
      var b = th.querySelector("button");
      if (!b) { return; }
      // Severity, pages and findings read worst / most first by default.
      var desc = (state.dir[view] === 1) === (DESC_FIRST.indexOf(key) >= 0);
      th.setAttribute("aria-sort", b.getAttribute("data-sort") === key ? (desc ? "descending" : "ascending") : "none");
    });
    var select = $("f-sort");
    if (select.getAttribute("data-view") !== view) {
      select.replaceChildren();
      SORTS[view].forEach(function (pair) {
        var o = el("option", null, pair[1]);
        o.value = pair[0];
        select.appendChild(o);
      });
      select.setAttribute("data-view", view);
    }
    select.value = key;
  }

  function setView(view) {
    state.view = view;
    state.pageNo = 0;
    ["list", "groups"].forEach(function (v) {
      $(v + "-view").hidden = v !== view;
      $("view-" + v).setAttribute("aria-selected", v === view ? "true" : "false");
    });
    render();
  }

  function setSort(key) {
    var view = state.view;
    if (state.sort[view] === key) { state.dir[view] = -state.dir[view]; }
    else { state.sort[view] = key; state.dir[view] = 1; }
    state.pageNo = 0;
    render();
  }

  function setFilter(name, val) {
    state[name] = val;
    state.pageNo = 0;
    render();
  }

  var controls = {market: "f-market", category: "f-category", severity: "f-severity",
                  rule: "f-rule", page: "f-page", q: "f-search"};
  Object.keys(controls).forEach(function (name) {
    var node = $(controls[name]);
    node.addEventListener(node.tagName === "SELECT" ? "change" : "input", function () {
      setFilter(name, node.value);
    });
  });
  $("filters").addEventListener("submit", function (e) { e.preventDefault(); });
  $("filters").addEventListener("reset", function (e) {
    e.preventDefault();  // clear the filters here, at once; the sort stays
    Object.keys(controls).forEach(function (name) {
      state[name] = "";
      $(controls[name]).value = "";
    });
    state.group = -1;
    state.pageNo = 0;
    render();
  });
  $("f-sort").addEventListener("change", function () {
    state.sort[state.view] = $("f-sort").value;
    state.dir[state.view] = 1;
    state.pageNo = 0;
    render();
  });
  document.querySelectorAll("th button[data-sort]").forEach(function (b) {
    b.addEventListener("click", function () { setSort(b.getAttribute("data-sort")); });
  });
  document.querySelectorAll(".tab[data-view]").forEach(function (b) {
    b.addEventListener("click", function () { setView(b.getAttribute("data-view")); });
  });
  $("pager-prev").addEventListener("click", function () { state.pageNo--; render(); scrollToTable(); });
  $("pager-next").addEventListener("click", function () { state.pageNo++; render(); scrollToTable(); });
  $("group-chip-clear").addEventListener("click", function () { state.group = -1; state.pageNo = 0; render(); });

  function scrollToTable() { $("findings").scrollIntoView(); }

  function optionIndex(list, name) { var i = list.indexOf(name); return i < 0 ? "" : String(i); }

  /* Dashboard links and page buttons set filters; rule links open the rule. */
  document.addEventListener("click", function (e) {
    var target = e.target instanceof Element ? e.target : null;
    if (!target) { return; }
    var show = target.closest("button[data-group]");
    if (show) {
      state.group = +show.getAttribute("data-group");
      setView("list");
      scrollToTable();
      return;
    }
    var link = target.closest("[data-market], [data-rule], [data-page], [data-category]");
    if (link && (link.tagName === "A" || link.classList.contains("page-link"))) {
      if (link.hasAttribute("data-market")) {
        state.market = optionIndex(data.markets, link.getAttribute("data-market"));
        state.category = ""; state.rule = ""; state.page = ""; state.severity = "";
        state.q = ""; state.group = -1;
      }
      if (link.hasAttribute("data-category")) { state.category = optionIndex(data.categories, link.getAttribute("data-category")); }
      if (link.hasAttribute("data-rule")) { state.rule = optionIndex(data.rules, link.getAttribute("data-rule")); }
      if (link.hasAttribute("data-page")) { state.page = link.getAttribute("data-page"); }
      Object.keys(controls).forEach(function (name) { $(controls[name]).value = state[name]; });
      state.pageNo = 0;
      if (state.view !== "list") { setView("list"); } else { render(); }
      if (link.tagName !== "A") { scrollToTable(); }
      return;
    }
    var rule = target.closest("a[href^='#rule-']");
    if (rule) { openRule(rule.getAttribute("href").slice(1)); }
  });

  function openRule(id) {
    var node = document.getElementById(id);
    if (node && node.tagName === "DETAILS") { node.open = true; }
  }
  window.addEventListener("hashchange", function () { openRule(location.hash.slice(1)); });
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.rule[data-has-findings]").forEach(function (d) { d.open = true; });
  });
  if (location.hash.indexOf("#rule-") === 0) { openRule(location.hash.slice(1)); }
  render();
})();
