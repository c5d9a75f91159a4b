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
    #resource-types { width: auto; min-width: 420px; }
    th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
    #resource-types td + td, #resource-types th + th { text-align: right; }
    thead th { background: var(--bg); position: sticky; top: 0; z-index: 1; }
    th button { all: unset; cursor: pointer; font-weight: 600; white-space: nowrap; }
    th button:focus-visible { outline: 2px solid #2f6fde; }
    th .arrow { display: inline-block; width: 1.2em; margin-left: 0.2em; white-space: nowrap; color: var(--muted); }
    th[aria-sort="ascending"] .arrow::after { content: "▲"; }
    th[aria-sort="descending"] .arrow::after { content: "▼"; }
    tbody.finding tr:first-child td { border-bottom: none; }
    tbody.finding:hover { background: #fbfcfd; }
    .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; white-space: nowrap; }
    .badge.public { background: #fde2e0; color: var(--red); }
    .badge.external { background: #fff1d6; color: var(--amber); }
    .none { color: var(--muted); }
    .path-row td { padding-top: 0; }
    .path-row summary { cursor: pointer; color: var(--muted); }
    details.more { display: inline; }
    details.more summary { display: inline; cursor: pointer; color: var(--muted); }
    .figure { overflow-x: auto; padding: 6px 0; }
    svg.path-graph { max-width: 100%; height: auto; }
    .controls { display: flex; flex-wrap: wrap; align-items: center; gap: 12px; margin-bottom: 10px; }
    .controls input[type="search"] { width: 320px; padding: 5px 8px; border: 1px solid var(--line); border-radius: 6px; font: inherit; }
    .controls button { padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); font: inherit; cursor: pointer; }
    #shown-count { color: var(--muted); margin-left: auto; }
    .empty, .note { color: var(--muted); font-style: italic; }
    #warnings { margin-top: 24px; }
    """#

    /// Sorting, filtering and unfolding. When it has set itself up, sorted once and filtered once
    /// without an error, it sets `data-ok="true"` on `<body>` (scripts/check-report.sh looks for it).
    static let script = #"""
    (function () {
      "use strict";
      var table = document.getElementById("findings");
      var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
      var groups = Array.prototype.slice.call(table.tBodies);
      var text = document.getElementById("filter-text");
      var publicOnly = document.getElementById("filter-public");
      var shown = document.getElementById("shown-count");
      var noMatch = document.getElementById("no-match");

      function key(group, column, type) {
        var cell = group.rows[0].cells[column];
        var value = cell.getAttribute("data-value");
        if (value === null) { value = cell.textContent; }
        return type === "number" ? Number(value) : value.toLowerCase();
      }

      function sortBy(column, direction) {
        var type = headers[column].getAttribute("data-type");
        var sign = direction === "descending" ? -1 : 1;
        var sorted = groups.slice().sort(function (a, b) {
          var x = key(a, column, type), y = key(b, column, type);
          if (x < y) { return -sign; }
          if (x > y) { return sign; }
          return Number(a.getAttribute("data-index")) - Number(b.getAttribute("data-index"));
        });
        sorted.forEach(function (group) { table.appendChild(group); });
        headers.forEach(function (th, i) { th.setAttribute("aria-sort", i === column ? direction : "none"); });
        return sorted.length;
      }

      function applyFilter() {
        var words = text.value.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
        var count = 0;
        groups.forEach(function (group) {
          var haystack = group.getAttribute("data-search");
          var visible = (!publicOnly.checked || group.getAttribute("data-public") === "true") &&
            words.every(function (w) { return haystack.indexOf(w) !== -1; });
          group.hidden = !visible;
          if (visible) { count += 1; }
        });
        shown.textContent = count + " of " + groups.length + " findings";
        noMatch.hidden = count !== 0 || groups.length === 0;
        return count;
      }

      headers.forEach(function (th, column) {
        th.querySelector("button").addEventListener("click", function () {
          sortBy(column, th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending");
        });
      });
      text.addEventListener("input", applyFilter);
      publicOnly.addEventListener("change", applyFilter);
      function unfold(open) {
        groups.forEach(function (group) { group.querySelector(".path-row details").open = open; });
      }
      document.getElementById("expand-all").addEventListener("click", function () { unfold(true); });
      document.getElementById("collapse-all").addEventListener("click", function () { unfold(false); });

      // The address can preset the view: report.html#q=payroll&public&sort=0&dir=descending
      var params = {};
      window.location.hash.replace(/^#/, "").split("&").forEach(function (part) {
        if (part.length === 0) { return; }
        var pair = part.split("=");
        params[decodeURIComponent(pair[0])] = pair.length > 1 ? decodeURIComponent(pair.slice(1).join("=")) : "";
      });
      var has = function (name) { return Object.prototype.hasOwnProperty.call(params, name); };
      if (has("q")) { text.value = params.q; }
      if (has("public")) { publicOnly.checked = true; }

      var column = headers.findIndex(function (th) { return th.hasAttribute("data-default-sort"); });
      var direction = column >= 0 ? headers[column].getAttribute("data-default-sort") : "ascending";
      if (has("sort") && Number(params.sort) >= 0 && Number(params.sort) < headers.length) { column = Number(params.sort); }
      if (has("dir")) { direction = params.dir === "descending" ? "descending" : "ascending"; }
      if (column >= 0 && sortBy(column, direction) !== groups.length) { throw new Error("sorting lost findings"); }
      var visible = applyFilter();
      if (!has("q") && !has("public") && visible !== groups.length) { throw new Error("the empty filter hid findings"); }
      document.body.setAttribute("data-ok", "true");
    })();
    """#
}
