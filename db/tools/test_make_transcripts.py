#!/usr/bin/env python3
"""Tests of db/tools/make_transcripts.py and the tables it wrote (Python 3 standard library only).

Run from the repository root (shared data at ../shared/data):
    python3 -m unittest db/tools/test_make_transcripts.py

Issue 8: the tables hold every MANE Select gene whose model can be verified. These tests read the
committed tables against the MANE v1.0 summary itself, so a bulk row that is not MANE's
transcript, or a MANE Select gene that vanished without a reason, fails here.
"""
from __future__ import annotations

import contextlib
import io
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import make_transcripts as mt  # noqa: E402

DB = mt.REPO_ROOT / "db"
DATA = mt.DEFAULT_DATA


def read_table(path: Path) -> dict[str, dict]:
    lines = [l for l in path.read_text(encoding="utf-8").splitlines() if not l.startswith("#")]
    header = lines[0].split("\t")
    rows = {}
    for l in lines[1:]:
        r = dict(zip(header, l.split("\t")))
        assert r["gene"] not in rows, f"{path.name}: {r['gene']} twice"
        rows[r["gene"]] = r
    return rows


def read_report(path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    """(gene, builds) -> (reason, detail) from the 'Genes left out' table."""
    out = {}
    text = path.read_text(encoding="utf-8")
    part = text.split("## Genes left out", 1)[1]
    for line in part.splitlines():
        c = [x.strip() for x in line.strip().strip("|").split("|")]
        if len(c) == 5 and c[0] not in ("gene", "---"):
            out[(c[0], c[2])] = (c[3].strip("`"), c[4])
    return out


@unittest.skipUnless((DATA / mt.REL_MANE).exists(), "shared data not found at ../shared/data")
class CommittedTablesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.mane = mt.read_mane_select(DATA / mt.REL_MANE)
        cls.t38 = read_table(DB / "transcripts.GRCh38.tsv")
        cls.t37 = read_table(DB / "transcripts.GRCh37.tsv")
        cls.report = read_report(DB / "transcripts.report.md")
        # the knowledge-base genes: genes.txt and the CIViC layer's genes_civic.txt (both strict)
        cls.kb = mt.read_genes(DB / "genes.txt") + mt.read_genes(DB / "civic" / "genes_civic.txt")

    def test_bulk_rows_are_manes_transcript(self):
        """Every bulk GRCh38 row has MANE's accession, Ensembl twin, chromosome, strand and
        transcript start/end (chr_start-1, chr_end): the BED model is the MANE version."""
        bulk = [g for g, r in self.t38.items() if r["source"].startswith("bulk (MANE span)")]
        self.assertGreater(len(bulk), 900)
        for g in bulk:
            with self.subTest(gene=g):
                self.assertNotIn(g, self.kb)
                rows = self.mane[g]
                self.assertEqual(len(rows), 1)
                m, r = rows[0], self.t38[g]
                self.assertEqual(r["accession"], m["RefSeq_nuc"])
                self.assertEqual(r["protein"], m["RefSeq_prot"])
                self.assertEqual(r["ensembl"], m["Ensembl_nuc"])
                self.assertEqual(r["contig"], m["GRCh38_chr"])
                self.assertEqual(r["strand"], m["chr_strand"])
                self.assertEqual(int(r["tx_start"]), int(m["chr_start"]) - 1)
                self.assertEqual(int(r["tx_end"]), int(m["chr_end"]))
        # the other rows are exactly the knowledge-base genes, with their own source texts
        self.assertEqual(sorted(set(self.t38) - set(bulk)), sorted(self.kb))

    def test_every_mane_select_gene_is_in_the_table_or_has_a_reason(self):
        """No MANE Select gene disappears silently: it is in the GRCh38 table or left out of both
        builds with a reason; a GRCh38 gene missing from GRCh37 is left out of GRCh37 with one."""
        for g in self.mane:
            with self.subTest(gene=g):
                in38, out_both = g in self.t38, (g, "GRCh38+GRCh37") in self.report
                self.assertTrue(in38 != out_both, "in the table and left out" if in38 else "gone without a reason")
                if in38:
                    self.assertEqual(g in self.t37, (g, "GRCh37") not in self.report)
        for g in self.t37:
            self.assertIn(g, self.t38)
        for (g, builds), (reason, detail) in self.report.items():
            self.assertIn(reason, mt.REASONS, g)
            self.assertTrue(detail, g)
            if builds == "GRCh37":
                self.assertEqual(reason, "lift_failed", g)

    def test_known_genes(self):
        """PIK3CA and TP53 (genes.txt, no knowledge rows) are in both builds; VCX2 is a bulk gene
        whose 2018 RefSeq row has MANE's span; A2M's 2018 row is an older version (its 5' end, on the
        minus strand, lies 310 bp beyond MANE's), so it is left out with the reason."""
        for g in ("PIK3CA", "TP53", "VCX2"):
            self.assertIn(g, self.t38)
            self.assertIn(g, self.t37)
        self.assertTrue(self.t38["VCX2"]["source"].startswith("bulk (MANE span)"))
        self.assertEqual(self.report[("A2M", "GRCh38+GRCh37")][0], "span_differs")


@unittest.skipUnless((DATA / mt.REL_MANE).exists(), "shared data not found at ../shared/data")
class BulkRuleTest(unittest.TestCase):
    """bulk_model_grch38() on real MANE and BED rows."""

    @classmethod
    def setUpClass(cls):
        cls.mane = mt.read_mane_select(DATA / mt.REL_MANE)
        want = {cls.mane[g][0]["RefSeq_nuc"].split(".")[0] for g in ("A2M", "VCX2", "ABCB1")}
        cls.bed = mt.read_bed(DATA / mt.REL_BED, want)

    def test_span_rule(self):
        m, why = mt.bulk_model_grch38("VCX2", self.mane["VCX2"][0], self.bed, "span")
        self.assertIsNone(why)
        self.assertEqual((m.accession, m.contig, m.strand, m.tx_start, m.tx_end),
                         ("NM_016378.3", "X", "-", 8169943, 8171267))
        self.assertEqual(m.cds_length(), 420)  # 139 codons and the stop
        m, why = mt.bulk_model_grch38("A2M", self.mane["A2M"][0], self.bed, "span")
        self.assertIsNone(m)
        self.assertEqual(why[0], "span_differs")
        m, why = mt.bulk_model_grch38("ABCB1", self.mane["ABCB1"][0], self.bed, "span")
        self.assertIsNone(m)
        self.assertEqual(why[0], "not_in_bed")  # MANE's NM_001348946 is newer than the 2018 BED12

    def test_cds_in_span_rule_never_claims_the_mane_version(self):
        """The looser rule (not the default) takes A2M's older row, but writes the accession
        without a version and says in the source that it is not verified as MANE."""
        m, why = mt.bulk_model_grch38("A2M", self.mane["A2M"][0], self.bed, "cds-in-span")
        self.assertIsNone(why)
        self.assertEqual(m.accession, "NM_000014")
        self.assertFalse(m.is_mane)
        self.assertIn("NOT verified as MANE", m.source)


@unittest.skipUnless((DATA / mt.REL_MANE).exists(), "shared data not found at ../shared/data")
class RegenerateTest(unittest.TestCase):
    def test_report_regenerates_identically(self):
        """Re-running the generator writes the same report (the tables are compared by
        test_import_civic.MakeTranscriptsUnchangedTest); only the recorded command differs."""
        with tempfile.TemporaryDirectory() as d:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                self.assertEqual(mt.main(["--out-dir", d]), 0)
            strip = lambda p: [l for l in p.read_text().splitlines() if not l.startswith("- generator:")]
            self.assertEqual(strip(Path(d) / "transcripts.report.md"), strip(DB / "transcripts.report.md"))


if __name__ == "__main__":
    unittest.main()
