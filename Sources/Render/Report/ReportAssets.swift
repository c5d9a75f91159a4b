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

    /// Sorting, filtering, and unfolding entry points (their reach tables are built from the
    /// `reach-data` JSON when unfolded). When it has set itself up, sorted once and filtered once
    /// without an error, it sets `data-ok="true"` on `<body>` and `data-ms` to the milliseconds
    /// since navigation started (scripts/check-report.sh reads both).
    static let script = #"""
    (function () {
      "use strict";
      var text = document.getElementById("filter-text");
      var publicOnly = document.getElementById("filter-public");
      var noMatch = document.getElementById("no-match");
      var reachData = JSON.parse(document.getElementById("reach-data").textContent);
      var slice = function (list) { return Array.prototype.slice.call(list); };

      function setUp(id, noun) {
        var table = document.getElementById(id);
        return {
          table: table, noun: noun, count: document.getElementById(id + "-count"),
          headers: slice(table.tHead.rows[0].cells), groups: slice(table.tBodies)
        };
      }
      var findings = setUp("findings", "findings");
      var entries = setUp("entries", "entry points");
      var tables = [entries, findings];

      function key(group, column, type) {
        var cell = group.rows[0].cells[column];
        var value = cell.getAttribute("data-value");
        if (value === null) { value = cell.textContent; }
        return type === "number" ? Number(value) : value.toLowerCase();
      }

      function sortBy(t, column, direction) {
        var type = t.headers[column].getAttribute("data-type");
        var sign = direction === "descending" ? -1 : 1;
        var sorted = t.groups.slice().sort(function (a, b) {
          var x = key(a, column, type), y = key(b, column, type);
          if (x < y) { return -sign; }
          if (x > y) { return sign; }
          return Number(a.getAttribute("data-index")) - Number(b.getAttribute("data-index"));
        });
        var fragment = document.createDocumentFragment();
        sorted.forEach(function (group) { fragment.appendChild(group); });
        t.table.appendChild(fragment);
        t.headers.forEach(function (th, i) { th.setAttribute("aria-sort", i === column ? direction : "none"); });
        return sorted.length;
      }

      function filterTable(t, words) {
        var count = 0;
        t.groups.forEach(function (group) {
          if (group.searchText === undefined) { group.searchText = group.rows[0].textContent.toLowerCase(); }
          var visible = (!publicOnly.checked || group.getAttribute("data-public") === "true") &&
            words.every(function (w) { return group.searchText.indexOf(w) !== -1; });
          group.hidden = !visible;
          if (visible) { count += 1; }
        });
        t.count.textContent = count + " of " + t.groups.length + " " + t.noun;
        return count;
      }

      function applyFilter() {
        var words = text.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
        var shown = tables.map(function (t) { return filterTable(t, words); });
        noMatch.hidden = shown[0] + shown[1] !== 0 || entries.groups.length + findings.groups.length === 0;
        return shown;
      }

      function cell(row, value, className) {
        var td = document.createElement("td");
        td.textContent = value;
        if (className) { td.className = className; }
        row.appendChild(td);
      }

      // What an entry point reaches, per account and type, most resources first.
      function showReach(group) {
        var box = group.querySelector(".reach");
        if (box.firstChild) { return; }
        var list = reachData.lists[Number(group.getAttribute("data-reach"))].slice();
        list.sort(function (a, b) { return b[2] - a[2] || a[0] - b[0] || a[1] - b[1]; });
        var table = document.createElement("table");
        table.className = "reach";
        var head = table.createTHead().insertRow();
        ["Account", "Resource type", "Resources", "Access levels"].forEach(function (h) {
          var th = document.createElement("th");
          th.textContent = h;
          head.appendChild(th);
        });
        var body = table.createTBody();
        list.forEach(function (item) {
          var row = body.insertRow();
          cell(row, reachData.accounts[item[0]]);
          cell(row, reachData.types[item[1]]);
          cell(row, item[2].toLocaleString("en-US"), "number");
          cell(row, reachData.levels.filter(function (_, i) { return item[3] & (1 << i); }).join(", "));
        });
        box.appendChild(table);
      }

      tables.forEach(function (t) {
        t.headers.forEach(function (th, column) {
          th.querySelector("button").addEventListener("click", function () {
            sortBy(t, column, th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending");
          });
        });
      });
      entries.groups.forEach(function (group) {
        var details = group.querySelector(".detail-row details");
        details.addEventListener("toggle", function () { if (details.open) { showReach(group); } });
      });
      text.addEventListener("input", applyFilter);
      publicOnly.addEventListener("change", applyFilter);

      // The address can preset the view: report.html#q=payroll&public&sort=0&dir=descending&open=3
      // (sort and dir apply to the findings table; open unfolds the first N entry points).
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
      if (column >= 0 && sortBy(findings, column, direction) !== findings.groups.length) { throw new Error("sorting lost findings"); }
      var visible = applyFilter();
      if (!has("q") && !has("public") && (visible[0] !== entries.groups.length || visible[1] !== findings.groups.length)) {
        throw new Error("the empty filter hid rows");
      }
      if (has("open")) {
        entries.groups.slice(0, Number(params.open)).forEach(function (group) {
          group.querySelector(".detail-row details").open = true;
          showReach(group);
        });
      }
      document.body.setAttribute("data-ok", "true");
      document.body.setAttribute("data-ms", String(Math.round(performance.now())));
    })();
    """#
}
