#!/usr/bin/env bash
# Prints an rvanno TSV for a terminal: provenance lines as they are, then the key columns.
awk -F'\t' '
  function show(f, g, a, w, m, d, e, l, s, x) {
    printf "%-13s %-6s %-26s %-40s %-20s %-15s %-12s %-16s %-10s %s\n", f, g, a, w, m, d, e, l, s, x }
  /^##/ { print; next }
  !h { for (i = 1; i <= NF; i++) c[$i] = i; h = 1
       show("finding", "gene", "alteration", "where", "match", "drug", "effect", "level (AMP)", "status", "citations"); next }
  { alt = $c["hgvs_c"] != "" ? $c["hgvs_c"] : $c["consequence"]
    if ($c["protein_change"] != "") alt = alt " (" $c["protein_change"] ")"
    where = $c["finding"] == "small_variant" ? $c["consequence"] " " $c["location"] : $c["location"]
    show($c["finding"], $c["gene"], alt, substr(where, 1, 40), $c["match"], $c["drug"], $c["effect"],
         $c["evidence_level"] " (" $c["amp_tier"] ")", $c["status"], $c["citations"]) }'
