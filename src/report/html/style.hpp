// The inline style sheet of the HTML report, written by the html::Writer sections in
// findings.cpp and details.cpp. Self-contained: no fonts, images or anything else is loaded;
// system fonts only. Screen and print (A4) rules. Verdict/effect badges carry a symbol, a text
// label, a border style and a background pattern besides the colour, so that a greyscale
// print keeps them apart. Private to src/report.
#pragma once

namespace rvanno::html {

inline constexpr const char* kStyle = R"css(
:root { --ink: #111; --muted: #555; --rule: #999; --head: #e8e8e8; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 10.5pt;
       color: var(--ink); background: #fff; margin: 0 auto; padding: 12px 18px; max-width: 1240px; line-height: 1.35; }
h1 { font-size: 17pt; margin: 0 0 4px 0; }
h2 { font-size: 13.5pt; margin: 18px 0 6px 0; padding: 3px 6px; border-left: 6px solid #333; background: var(--head); }
h3 { font-size: 11pt; margin: 12px 0 4px 0; }
p { margin: 4px 0; }
a { color: #0b3d91; }
code, .mono { font-family: "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace; font-size: 0.92em; }
.muted { color: var(--muted); }
.nw { white-space: nowrap; }
.small { font-size: 0.88em; }
.wrap, td.wrap, .wrap a { overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px 0; }
th, td { border: 1px solid var(--rule); padding: 3px 5px; text-align: left; vertical-align: top;
         overflow-wrap: break-word; }
table.fixed { table-layout: fixed; }
thead th { background: var(--head); font-weight: bold; }
tr.group th { background: #d0d0d0; border-top: 2px solid #333; font-size: 1.02em; }
table.kv th { width: 20%; background: #f3f3f3; font-weight: bold; }
table.kv td { width: 80%; }
.subtitle { color: var(--muted); margin: 0 0 8px 0; }
.notice { border: 3px double #000; background: #fff3b0; padding: 8px 12px; margin: 10px 0 12px 0; font-size: 11pt; }
.notice strong { font-size: 12.5pt; letter-spacing: 0.03em; }
.empty { font-style: italic; color: var(--muted); border: 1px dashed var(--rule); padding: 6px 8px; margin: 4px 0 8px 0; }
ol.history { margin: 0; padding-left: 20px; }
ul.plain { margin: 2px 0; padding-left: 16px; }
ul.plain li { margin: 1px 0; }
ul.negatives { column-count: 2; column-gap: 24px; }
ul.negatives li { break-inside: avoid; }
.fnum { font-weight: bold; }

/* Badges: symbol + text label + border + pattern, not colour alone. */
.badge { display: inline-block; padding: 1px 6px; border: 2px solid #000; border-radius: 3px;
         font-weight: bold; font-size: 0.9em; line-height: 1.4; }
.badge .sym { font-size: 1.05em; margin-right: 3px; }
.v-res { background-color: #f6c6c6; border-color: #9b0016; border-style: solid; border-width: 3px;
         background-image: repeating-linear-gradient(45deg, rgba(155,0,22,0.28) 0 2px, transparent 2px 6px); }
.v-red { background-color: #fde2bd; border-color: #a35400; border-style: solid;
         background-image: repeating-linear-gradient(135deg, rgba(163,84,0,0.30) 0 1px, transparent 1px 8px); }
.v-sen { background-color: #cfead6; border-color: #1b6631; border-style: solid; }
.v-con { background-color: #e4d8f4; border-color: #4f2378; border-style: double; border-width: 4px;
         background-image: repeating-linear-gradient(45deg, rgba(79,35,120,0.22) 0 1px, transparent 1px 7px),
                           repeating-linear-gradient(135deg, rgba(79,35,120,0.22) 0 1px, transparent 1px 7px); }
.v-none { background-color: #fff; border-color: #777; border-style: dashed; color: #333; font-weight: normal; }
.v-nob { background-color: #e3e3e3; border-color: #444; border-style: dotted; border-width: 3px; }
.lowconf { display: inline-block; border: 2px dashed #000; padding: 0 5px; font-weight: bold; font-size: 0.85em; }
.given { display: inline-block; border: 2px solid #000; background: #eee; padding: 0 5px; font-weight: bold;
         font-size: 0.85em; }
.unverified { display: inline-block; border: 2px dashed #9b0016; color: #7a0012; background: #fff0f0; padding: 0 4px;
              font-weight: bold; font-size: 0.85em; }
.verified { color: #1b6631; font-size: 0.9em; }
.conflict { display: inline-block; border: 2px double #4f2378; color: #3b1a5a; padding: 0 4px; font-weight: bold;
            font-size: 0.85em; white-space: nowrap; }
.hs-det { font-weight: bold; }
.hs-na { font-weight: bold; border: 2px dashed #000; padding: 0 4px; white-space: nowrap; }

table.legend { width: 100%; }
table.legend td.mark { white-space: nowrap; width: 1%; }
tr.notes td { border-top: 1px dotted var(--rule); background: #fafafa; }
tbody.keep { break-inside: avoid; page-break-inside: avoid; }
table.legend td, table.legend th { border: 1px solid #bbb; }
td.rule { font-size: 0.9em; }
ul.evidence { margin: 3px 0 0 0; padding-left: 14px; }
ul.evidence li { margin: 0; }
li.not-applied { color: var(--muted); }
.lowconf, .given, .unverified { margin: 1px 0; }
.finding-block { margin: 6px 0 12px 0; }
pre.cmd { white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-all; background: #f4f4f4;
          border: 1px solid #ccc; padding: 4px 6px; margin: 2px 0; font-size: 0.88em; }
footer { margin-top: 18px; border-top: 1px solid #999; padding-top: 4px; color: var(--muted); font-size: 0.85em; }

@page { size: A4 portrait; margin: 13mm 11mm 14mm 11mm; }
@media print {
  body { font-size: 8.6pt; max-width: none; padding: 0; }
  h1 { font-size: 14pt; }
  h2 { font-size: 11.5pt; margin-top: 0; }
  section.page { break-before: page; page-break-before: always; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  table { break-inside: auto; }
  thead { display: table-header-group; }
  tr, .badge, .notice, .finding-block h3 { break-inside: avoid; page-break-inside: avoid; }
  table.legend, table.kv, .keep { break-inside: avoid; page-break-inside: avoid; }
  a { color: #000; text-decoration: underline; }
  .notice { font-size: 9.5pt; }
}
)css";

}  // namespace rvanno::html
