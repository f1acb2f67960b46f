#!/usr/bin/env bash
# Prints an rvanno TSV for a terminal: provenance lines as they are, then the key columns.
awk -F'\t' '
  function show(g, p, c, q, m, d, k, e, l, s, x) {
    printf "%-6s %-8s %-12s %-21s %-10s %-15s %-33s %-20s %-17s %-10s %s\n", g, p, c, q, m, d, k, e, l, s, x }
  /^##/ { print; next }
  !h { for (i = 1; i <= NF; i++) c[$i] = i; h = 1
       show("gene", "protein", "hgvs_c", "consequence", "match", "drug", "kb_id", "effect", "level (AMP)", "status", "citations"); next }
  { show($c["gene"], ($c["protein_change"] == "" ? "-" : $c["protein_change"]), $c["hgvs_c"], $c["consequence"],
         $c["match"], $c["drug"], $c["kb_id"], $c["effect"], $c["evidence_level"] " (" $c["amp_tier"] ")",
         $c["status"], $c["citations"]) }'
