/**
 * Inline stylesheet and script of the HTML report. Both are wrapped in commented CDATA
 * markers so the page is also well-formed XML (tests parse it strictly); neither may contain
 * the text `]]>` or a closing script/style tag.
 */

export const HTML_STYLE = `
:root { color-scheme: light dark; --bg: #fff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --code: #f6f8fa;
  --hl: #fff8c5; --CRITICAL: #8e1b1b; --HIGH: #d1242f; --MEDIUM: #bc4c00; --LOW: #0969da; --INFO: #59636e; }
@media (prefers-color-scheme: dark) { :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d;
  --code: #151b23; --hl: #3b2e0a; --CRITICAL: #ff7b72; --HIGH: #f85149; --MEDIUM: #f0883e; --LOW: #58a6ff; --INFO: #9198a1; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1400px; padding: 1.5rem; background: var(--bg); color: var(--fg);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .75rem; }
.meta { color: var(--muted); margin: 0; }
.summary { display: flex; flex-wrap: wrap; gap: 2rem; align-items: center; margin-top: 1.5rem; }
.cards { display: flex; gap: .75rem; flex-wrap: wrap; }
.card { border: 1px solid var(--line); border-radius: 8px; padding: .6rem 1rem; min-width: 7.5rem; }
.card b { display: block; font-size: 1.5rem; }
.card span { color: var(--muted); }
.chart text { fill: var(--fg); font-size: 12px; }
.filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin-bottom: .75rem; }
.filters input[type=search] { padding: .35rem .6rem; min-width: 18rem; border: 1px solid var(--line); border-radius: 6px;
  background: var(--bg); color: var(--fg); }
fieldset { border: 0; padding: 0; margin: 0; display: flex; gap: .6rem; } legend { float: left; color: var(--muted); margin-right: .3rem; }
#count { color: var(--muted); }
table { border-collapse: collapse; width: 100%; }
#findings { table-layout: fixed; }
/* Fixed columns: long paths and resources wrap inside theirs, so the Finding column stays on screen (1280 px). */
col.c-sev { width: 7.5rem; } col.c-status { width: 4.5rem; } col.c-id { width: 5.5rem; } col.c-loc { width: 24%; } col.c-res { width: 16%; }
th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid var(--line); }
th button { font: inherit; font-weight: 600; background: none; border: 0; color: inherit; cursor: pointer; padding: 0; }
th[aria-sort=ascending] button::after { content: " \\25B2"; } th[aria-sort=descending] button::after { content: " \\25BC"; }
td.loc, td.id { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; }
td.id { white-space: nowrap; }
td.loc, td.res { overflow-wrap: anywhere; }
td details { min-width: 0; }
.sev { font-weight: 700; font-size: 12px; color: var(--sev); } .sev::before { content: "\\25CF "; }
.sev-CRITICAL { --sev: var(--CRITICAL); } .sev-HIGH { --sev: var(--HIGH); } .sev-MEDIUM { --sev: var(--MEDIUM); }
.sev-LOW { --sev: var(--LOW); } .sev-INFO { --sev: var(--INFO); }
tr.st-waived td { opacity: .65; }
summary { cursor: pointer; }
.detail p { margin: .4rem 0; white-space: pre-wrap; }
.detail dt { font-weight: 600; margin-top: .4rem; }
.detail dd { margin: 0; white-space: pre-wrap; }
pre.code { background: var(--code); border: 1px solid var(--line); border-radius: 6px; padding: .5rem 0; overflow-x: auto;
  font: 12px/1.45 ui-monospace, SFMono-Regular, Menlo, monospace; }
pre.code span.l { display: block; padding: 0 .75rem; white-space: pre; }
pre.code span.hl { background: var(--hl); }
pre.code span.n { display: inline-block; min-width: 3.5em; color: var(--muted); user-select: none; }
.empty { color: var(--muted); }
footer { margin-top: 2rem; color: var(--muted); font-size: 12px; }
`;

export const HTML_SCRIPT = `
(function () {
  'use strict';
  var table = document.getElementById('findings');
  if (!table) return;
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var search = document.getElementById('q');
  var count = document.getElementById('count');
  var empty = document.getElementById('nomatch');

  function selected(name) {
    var set = {};
    Array.prototype.forEach.call(document.querySelectorAll('input[name="' + name + '"]'), function (input) {
      if (input.checked) set[input.value] = true;
    });
    return set;
  }

  function apply() {
    var text = search.value.trim().toLowerCase();
    var sev = selected('sev');
    var status = selected('status');
    var shown = 0;
    rows.forEach(function (row) {
      var visible = !!sev[row.getAttribute('data-severity')] && !!status[row.getAttribute('data-status')] &&
        (text === '' || row.textContent.toLowerCase().indexOf(text) !== -1);
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    count.textContent = shown + ' of ' + rows.length + ' findings shown';
    empty.hidden = shown !== 0;
  }

  var headers = Array.prototype.slice.call(table.querySelectorAll('th[data-key]'));
  headers.forEach(function (th) {
    th.querySelector('button').addEventListener('click', function () {
      var key = 'data-k-' + th.getAttribute('data-key');
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      headers.forEach(function (other) { other.setAttribute('aria-sort', 'none'); });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      rows.sort(function (a, b) {
        var x = a.getAttribute(key), y = b.getAttribute(key);
        var c = x === y ? 0 : (x > y ? 1 : -1);
        if (!ascending) c = -c;
        return c !== 0 ? c : Number(a.getAttribute('data-order')) - Number(b.getAttribute('data-order'));
      });
      rows.forEach(function (row) { tbody.appendChild(row); });
    });
  });

  search.addEventListener('input', apply);
  Array.prototype.forEach.call(document.querySelectorAll('.filters input[type="checkbox"]'), function (input) {
    input.addEventListener('change', apply);
  });
  apply();
})();
`;
