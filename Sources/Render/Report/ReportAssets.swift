/// The report's inline stylesheet and script.
enum ReportAssets {
    static let css = #"""
    :root { --fg: #1d232b; --muted: #5b6673; --line: #d8dee6; --bg: #f6f8fa; --red: #b3261e; --amber: #8a5a00; }
    * { box-sizing: border-box; }
    body { margin: 0 auto; max-width: 1400px; padding: 24px 32px 48px; color: var(--fg); background: #fff;
      font: 14px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; }
    h1 { font-size: 22px; margin: 0 0 4px; }
    h2 { font-size: 18px; margin: 28px 0 8px; }
    .zone { color: var(--muted); margin: 0 0 16px; }
    code { font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
    .cards { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 16px; }
    .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 150px; background: var(--bg); }
    .card .value { display: block; font-size: 26px; font-weight: 600; }
    .card .label { color: var(--muted); }
    .card.alert .value { color: var(--red); }
    table { border-collapse: collapse; width: 100%; }
    #resource-types { width: auto; min-width: 420px; margin-top: 6px; }
    #types summary { cursor: pointer; color: var(--muted); }
    th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
    #resource-types td + td, #resource-types th + th { text-align: right; }
    thead th { background: var(--bg); position: sticky; top: 0; z-index: 1; }
    th button { all: unset; cursor: pointer; font-weight: 600; white-space: nowrap; }
    th button:focus-visible { outline: 2px solid #2f6fde; }
    th .arrow { display: inline-block; width: 1.2em; margin-left: 0.2em; white-space: nowrap; color: var(--muted); }
    th[aria-sort="ascending"] .arrow::after { content: "▲"; }
    th[aria-sort="descending"] .arrow::after { content: "▼"; }
    tbody.entry tr:first-child td { border-bottom: none; }
    tbody:hover { background: #fbfcfd; }
    .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; }
    .badge.public { background: #fde2e0; color: var(--red); }
    .badge.external { background: #fff1d6; color: var(--amber); }
    .none { color: var(--muted); }
    .detail-row td { padding-top: 0; }
    .detail-row summary { cursor: pointer; color: var(--muted); }
    table.reach { width: auto; margin: 6px 0 6px 16px; }
    table.reach td, table.reach th { padding: 2px 10px; font-size: 13px; }
    table.reach td.number { text-align: right; }
    .examples { margin: 4px 0 6px 16px; color: var(--muted); }
    .count { color: var(--muted); }
    .legend { color: var(--muted); font-size: 13px; max-width: 1100px; }
    details.more { display: inline; }
    details.more summary { display: inline; cursor: pointer; color: var(--muted); }
    .figure { overflow: auto; max-height: 640px; padding: 6px 0; border: 1px solid var(--line); border-radius: 6px; }
    svg.overview-graph { max-width: 100%; height: auto; }
    .controls { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; margin-bottom: 10px; }
    .controls input[type="search"] { width: 320px; padding: 5px 8px; border: 1px solid var(--line); border-radius: 6px; font: inherit; }
    .controls button { padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); font: inherit; cursor: pointer; }
    .empty, .note { color: var(--muted); font-style: italic; }
    #warnings { margin-top: 24px; }
    """#

    /// Draws, sorts and filters the two tables from their JSON rows, a page of rows at a time
    /// ("show more" adds the next page), and unfolds entry points (their reach tables are built
    /// from the `reach-data` JSON). Text from the snapshot only ever goes into `textContent`.
    /// When it has set itself up, sorted once and filtered once without an error, it sets
    /// `data-ok="true"` on `<body>` and `data-ms` to the milliseconds since navigation started
    /// (scripts/check-report.sh reads both).
    static let script = #"""
    (function () {
      "use strict";
      var byId = function (id) { return document.getElementById(id); };
      var text = byId("filter-text");
      var publicOnly = byId("filter-public");
      var noMatch = byId("no-match");
      var json = function (id) { return JSON.parse(byId(id).textContent); };
      var reachData = json("reach-data");

      function element(name, className, content) {
        var e = document.createElement(name);
        if (className) { e.className = className; }
        if (content !== undefined) { e.textContent = content; }
        return e;
      }
      function cell(row, value, content) {
        var td = element("td");
        td.setAttribute("data-value", String(value));
        if (typeof content === "string") { td.textContent = content; } else { content.forEach(function (c) { td.appendChild(c); }); }
        row.appendChild(td);
      }
      function codes(list, separator) {
        var out = [];
        list.forEach(function (value, i) {
          if (i > 0) { out.push(separator === "br" ? element("br") : document.createTextNode(" ")); }
          out.push(element("code", null, value));
        });
        return out;
      }
      function badge(isPublic) { return [element("span", "badge " + (isPublic ? "public" : "external"), isPublic ? "public" : "cross-account")]; }
      function conditions(lines) { return lines.length ? codes(lines, "br") : [element("span", "none", "none")]; }
      function actions(list) {
        var out = codes(list.slice(0, 6));
        if (list.length > 6) {
          var more = element("details", "more");
          more.appendChild(element("summary", null, (list.length - 6) + " more"));
          codes(list.slice(6)).forEach(function (c) { more.appendChild(c); });
          out.push(document.createTextNode(" "), more);
        }
        return out;
      }
      function group(className, index, isPublic) {
        var body = element("tbody", className);
        body.setAttribute("data-index", String(index));
        body.setAttribute("data-public", isPublic ? "true" : "false");
        return body;
      }

      // [resource, type, principal, public, access levels, [actions], [conditions]]
      var findings = {
        id: "findings", noun: "findings", rows: json("findings-data"),
        text: function (f) { return [f[0], f[1], f[2], f[3] ? "public" : "cross-account", f[4], f[5], f[6]]; },
        keys: [
          function (f) { return f[0]; }, function (f) { return f[1]; }, function (f) { return f[2]; },
          function (f) { return f[3] ? "public" : "cross-account"; }, function (f) { return f[4]; },
          function (f) { return f[5].length; }, function (f) { return f[6].join("\n"); }
        ],
        draw: function (f, index) {
          var body = group("finding", index, f[3]);
          var row = body.insertRow();
          cell(row, f[0], codes([f[0]]));
          cell(row, f[1], f[1]);
          cell(row, f[2], codes([f[2]]));
          cell(row, f[3] ? "public" : "cross-account", badge(f[3]));
          cell(row, f[4], f[4]);
          cell(row, f[5].length, actions(f[5]));
          cell(row, f[6].join("\n"), conditions(f[6]));
          return body;
        }
      };

      // [principal, role, public, [conditions], resources, accounts, access levels, reach list, summary, [examples]]
      var entries = {
        id: "entries", noun: "entry points", rows: json("entries-data"),
        text: function (e) { return [e[0], e[1], e[2] ? "public" : "cross-account", e[3], e[6], e[8], e[9]]; },
        keys: [
          function (e) { return e[0]; }, function (e) { return e[1]; }, function (e) { return e[2] ? "public" : "cross-account"; },
          function (e) { return e[3].join("\n"); }, function (e) { return e[4]; }, function (e) { return e[5]; },
          function (e) { return e[6]; }
        ],
        draw: function (e, index) {
          var body = group("entry", index, e[2]);
          var row = body.insertRow();
          cell(row, e[0], codes([e[0]]));
          cell(row, e[1], codes([e[1]]));
          cell(row, e[2] ? "public" : "cross-account", badge(e[2]));
          cell(row, e[3].join("\n"), conditions(e[3]));
          cell(row, e[4], e[4].toLocaleString("en-US"));
          cell(row, e[5], String(e[5]));
          cell(row, e[6], e[6]);
          var detail = body.insertRow();
          detail.className = "detail-row";
          var td = element("td");
          td.colSpan = 7;
          var details = element("details");
          details.appendChild(element("summary", null, e[8]));
          details.appendChild(element("div", "reach"));
          if (e[9].length) {
            var examples = element("p", "examples", "Examples (public and write access first): ");
            codes(e[9]).forEach(function (c) { examples.appendChild(c); });
            details.appendChild(examples);
          }
          details.addEventListener("toggle", function () { if (details.open) { showReach(body, e[7]); } });
          td.appendChild(details);
          detail.appendChild(td);
          return body;
        }
      };
      var tables = [entries, findings];
      tables.forEach(function (t) {
        t.table = byId(t.id);
        t.headers = Array.prototype.slice.call(t.table.tHead.rows[0].cells);
        t.page = Number(t.table.getAttribute("data-page"));
        t.count = byId(t.id + "-count");
        t.shownNote = byId(t.id + "-shown");
        t.more = byId(t.id + "-more");
        t.order = t.rows.map(function (_, i) { return i; });
        t.matches = t.order;
        t.shown = 0;
      });

      // What an entry point reaches, per account and type, most resources first.
      function showReach(body, listIndex) {
        var box = body.querySelector(".reach");
        if (box.firstChild) { return; }
        var list = reachData.lists[listIndex].slice();
        list.sort(function (a, b) { return b[2] - a[2] || a[0] - b[0] || a[1] - b[1]; });
        var table = element("table", "reach");
        var head = table.createTHead().insertRow();
        ["Account", "Resource type", "Resources", "Access levels"].forEach(function (h) { head.appendChild(element("th", null, h)); });
        var rows = table.createTBody();
        list.forEach(function (item) {
          var row = rows.insertRow();
          row.appendChild(element("td", null, reachData.accounts[item[0]]));
          row.appendChild(element("td", null, reachData.types[item[1]]));
          row.appendChild(element("td", "number", item[2].toLocaleString("en-US")));
          row.appendChild(element("td", null, reachData.levels.filter(function (_, i) { return item[3] & (1 << i); }).join(", ")));
        });
        box.appendChild(table);
      }

      // Draws the next page of matching rows.
      function more(t) {
        var end = Math.min(t.matches.length, t.shown + t.page);
        var fragment = document.createDocumentFragment();
        for (var i = t.shown; i < end; i += 1) { fragment.appendChild(t.draw(t.rows[t.matches[i]], t.matches[i])); }
        t.table.appendChild(fragment);
        t.shown = end;
        t.more.hidden = end >= t.matches.length;
        t.shownNote.textContent = end < t.matches.length ? "(the first " + end + " shown)" : "";
      }
      function redraw(t) {
        Array.prototype.slice.call(t.table.tBodies).forEach(function (b) { t.table.removeChild(b); });
        t.shown = 0;
        more(t);
      }

      function sortBy(t, column, direction) {
        var key = t.keys[column];
        var type = t.headers[column].getAttribute("data-type");
        var sign = direction === "descending" ? -1 : 1;
        var values = t.rows.map(function (r) { var v = key(r); return type === "number" ? Number(v) : String(v).toLowerCase(); });
        t.order = t.order.slice().sort(function (a, b) {
          if (values[a] < values[b]) { return -sign; }
          if (values[a] > values[b]) { return sign; }
          return a - b;
        });
        t.headers.forEach(function (th, i) { th.setAttribute("aria-sort", i === column ? direction : "none"); });
        return t.order.length;
      }

      function filter(t, words) {
        if (!t.search) {
          t.search = t.rows.map(function (r) {
            return t.text(r).map(function (v) { return Array.isArray(v) ? v.join(" ") : v; }).join(" ").toLowerCase();
          });
        }
        t.matches = t.order.filter(function (i) {
          return (!publicOnly.checked || t.rows[i][t === findings ? 3 : 2]) &&
            words.every(function (w) { return t.search[i].indexOf(w) !== -1; });
        });
        t.count.textContent = t.matches.length + " of " + t.rows.length + " " + t.noun;
        return t.matches.length;
      }
      function applyFilter() {
        var words = text.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
        var shown = tables.map(function (t) { return filter(t, words); });
        tables.forEach(redraw);
        noMatch.hidden = shown[0] + shown[1] !== 0 || entries.rows.length + findings.rows.length === 0;
        return shown;
      }

      tables.forEach(function (t) {
        t.headers.forEach(function (th, column) {
          th.querySelector("button").addEventListener("click", function () {
            sortBy(t, column, th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending");
            applyFilter();
          });
        });
        t.more.addEventListener("click", function () { more(t); });
      });
      text.addEventListener("input", applyFilter);
      publicOnly.addEventListener("change", applyFilter);

      // The address can preset the view: report.html#q=payroll&public&sort=0&dir=descending&open=3
      // (sort and dir apply to the findings table; open unfolds the first N entry points shown).
      var params = {};
      window.location.hash.replace(/^#/, "").split("&").forEach(function (part) {
        if (part.length === 0) { return; }
        var pair = part.split("=");
        params[decodeURIComponent(pair[0])] = pair.length > 1 ? decodeURIComponent(pair.slice(1).join("=")) : "";
      });
      var has = function (name) { return Object.prototype.hasOwnProperty.call(params, name); };
      if (has("q")) { text.value = params.q; }
      if (has("public")) { publicOnly.checked = true; }

      var column = findings.headers.findIndex(function (th) { return th.hasAttribute("data-default-sort"); });
      var direction = column >= 0 ? findings.headers[column].getAttribute("data-default-sort") : "ascending";
      if (has("sort") && Number(params.sort) >= 0 && Number(params.sort) < findings.headers.length) { column = Number(params.sort); }
      if (has("dir")) { direction = params.dir === "descending" ? "descending" : "ascending"; }
      if (column >= 0 && sortBy(findings, column, direction) !== findings.rows.length) { throw new Error("sorting lost findings"); }
      var visible = applyFilter();
      if (!has("q") && !has("public") && (visible[0] !== entries.rows.length || visible[1] !== findings.rows.length)) {
        throw new Error("the empty filter hid rows");
      }
      if (has("open")) {
        Array.prototype.slice.call(entries.table.tBodies, 0, Number(params.open)).forEach(function (body) {
          body.querySelector(".detail-row details").open = true;
          showReach(body, entries.rows[Number(body.getAttribute("data-index"))][7]);
        });
      }
      document.body.setAttribute("data-ok", "true");
      document.body.setAttribute("data-ms", String(Math.round(performance.now())));
    })();
    """#
}
