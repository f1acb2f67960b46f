#!/usr/bin/env bash
# Prints an rvanno TSV for a terminal: provenance lines as they are, then the key columns.
awk -F'\t' '
  /^##/ { print; next }
  !h { for (i = 1; i <= NF; i++) c[$i] = i; h = 1
       printf "%-6s %-10s %-14s %-12s %-10s %-28s %-12s %-19s %s %s\n", "gene", "hgvs_p", "hgvs_c", "match", "drug", "kb_id", "effect", "level/tier", "status", "citations"; next }
  { printf "%-6s %-10s %-14s %-12s %-10s %-28s %-12s %-19s %s %s\n", $c["gene"], ($c["protein_change"] == "" ? "-" : $c["protein_change"]), $c["hgvs_c"], $c["match"], $c["drug"], $c["kb_id"], $c["effect"], $c["evidence_level"] " (" $c["amp_tier"] ")", $c["status"], $c["citations"] }'
