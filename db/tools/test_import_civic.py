#!/usr/bin/env python3
"""Unit tests for db/tools/import_civic.py (Python 3 standard library only).

Run from the repository root (shared data at ../shared/data):
    python3 -m unittest db/tools/test_import_civic.py
"""
from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import import_civic as ic  # noqa: E402
import make_transcripts as mt  # noqa: E402

DB = ic.REPO_ROOT / "db"
DATA = ic.DEFAULT_DATA
CURATED = ["genes.txt", "drugs.tsv", "transcripts.GRCh38.tsv", "transcripts.GRCh37.tsv"]


def digest(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def read_rows(path: Path) -> tuple[list[str], list[dict]]:
    lines = [l for l in path.read_text(encoding="utf-8").splitlines() if not l.startswith("#")]
    header = lines[0].split("\t")
    rows = []
    for l in lines[1:]:
        cells = l.split("\t")
        assert len(cells) == len(header), (path, l[:80])
        rows.append(dict(zip(header, cells)))
    return header, rows


def run_import(out: Path):
    with contextlib.redirect_stdout(io.StringIO()):
        rc = ic.main(["--out", str(out)])
    assert rc == 0


@unittest.skipUnless((DATA / ic.REL_CIVIC).is_dir(), "shared CIViC data not found at ../shared/data")
class ImportCivicTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix="civic_test_"))
        cls.out = cls.tmp / "civic"
        cls.before = {f: digest(DB / f) for f in CURATED}
        run_import(cls.out)
        cls.first = {p.name: p.read_bytes() for p in sorted(cls.out.iterdir())}
        run_import(cls.out)  # same --out, so the recorded command is the same
        cls.second = {p.name: p.read_bytes() for p in sorted(cls.out.iterdir())}
        cls.header, cls.rows = read_rows(cls.out / "civic_predictive.tsv")
        _, cls.arows = read_rows(cls.out / "civic_assertions.tsv")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    # -- liftover -------------------------------------------------------------------------------
    def test_liftover_known_positions(self):
        lifter = ic.Lifter(DATA / ic.REL_CHAIN_19_38, {"2", "7", "12"})
        cases = [  # GRCh37 1-based -> GRCh38 1-based
            ("7", 140453136, 140753336),   # BRAF V600E c.1799
            ("7", 55249071, 55181378),     # EGFR T790M c.2369
            ("12", 25398285, 25245351),    # KRAS G12C c.34
            ("2", 29443613, 29220747),     # ALK c.3604 (shared/knowledge/CHECKS.md)
        ]
        for chrom, p37, p38 in cases:
            c, s, e = lifter.lift(chrom, p37 - 1, p37)
            self.assertEqual((c, s + 1, e), (chrom, p38, p38), (chrom, p37))
        # a multi-base interval keeps its length; an insertion point lifts to a point
        c, s, e = lifter.lift("7", 55242464, 55242479)  # EGFR E746_A750del (15 bp)
        self.assertEqual(e - s, 15)
        c, s, e = lifter.lift("7", 55249013, 55249013)
        self.assertEqual(s, e)

    def test_liftover_refuses_unmapped(self):
        lifter = ic.Lifter(DATA / ic.REL_CHAIN_19_38, {"4"})
        with self.assertRaises(ValueError):
            lifter.lift("4", 55524084, 55606881)  # CIViC region spanning a chain gap

    # -- determinism and read-only curated layer ------------------------------------------------
    def test_byte_identical_rerun(self):
        self.assertEqual(sorted(self.first), sorted(self.second))
        for name in self.first:
            self.assertEqual(self.first[name], self.second[name], name)

    def test_curated_files_untouched(self):
        self.assertEqual({f: digest(DB / f) for f in CURATED}, self.before)

    def test_expected_files_and_headers(self):
        for name in ["civic_predictive.tsv", "civic_assertions.tsv", "drugs_civic.tsv", "genes_civic.txt",
                     "IMPORT_REPORT.md"]:
            self.assertIn(name, self.first)
            head = self.first[name].decode()[:600]
            self.assertIn("GENERATED", head, name)
        self.assertIn("01-Aug-2024", self.first["civic_predictive.tsv"].decode()[:1500])
        # the models of genes_civic.txt are make_transcripts.py's (db/transcripts.*.tsv), not the importer's
        self.assertNotIn("transcripts.GRCh38.tsv", self.first)

    def test_committed_layer_is_current(self):
        """db/civic/ is what the importer writes from today's curated db/ (re-run the importer, then
        make_transcripts.py, after changing genes.txt or drugs.tsv)."""
        # the recorded command line names the test's --out: compare with it taken out
        cmd = lambda b: re.sub(r" --out \S+civic_test_\w+/civic", "", b.decode())
        for name, data in self.first.items():
            self.assertEqual(cmd(data), (DB / "civic" / name).read_text(),
                             f"db/civic/{name} is stale: run python3 db/tools/import_civic.py")

    # -- known items ----------------------------------------------------------------------------
    def find(self, gene, alteration, drug, effect=None, rows=None):
        return [r for r in (rows or self.rows) if r["gene"] == gene and r["alteration"] == alteration
                and r["drugs"] == drug and (effect is None or r["effect"] == effect)]

    def test_braf_v600e_vemurafenib(self):
        rows = self.find("BRAF", "p.V600E", "vemurafenib", "sensitivity")
        self.assertTrue(rows)
        r = rows[0]
        self.assertEqual((r["kind"], r["hgvs_c"], r["status"], r["layer"]), ("hgvs_p", "c.1799T>A", "civic", "civic"))
        self.assertIn("GRCh38:7:140753336-140753336:A>T", r["civic_coordinates"])
        self.assertIn("p_ok", r["coordinate_check"])
        # assertions: the combination is taken from the linked evidence items (AID7, Tier I A)
        aid7 = self.find("BRAF", "p.V600E", "dabrafenib+trametinib", rows=self.arows)
        self.assertEqual([(x["civic_id"], x["evidence_level"], x["amp_tier"]) for x in aid7],
                         [("AID7", "A", "Tier I - Level A")])

    def test_egfr_t790m_osimertinib(self):
        rows = self.find("EGFR", "p.T790M", "osimertinib", "sensitivity")
        self.assertTrue(rows)
        self.assertTrue(all(r["hgvs_c"] == "c.2369C>T" and r["mechanism"] == "driver" for r in rows))

    def test_kras_g12c_sotorasib(self):
        rows = self.find("KRAS", "p.G12C", "sotorasib", "sensitivity")
        self.assertTrue(rows)
        r = [x for x in rows if x["civic_id"] == "EID9431"][0]
        self.assertEqual((r["evidence_level"], r["disease"], r["citations"], r["nct_ids"]),
                         ("A", "NSCLC", "PMID:34096690", "NCT03600883"))

    def test_c_derived_from_coordinates(self):
        """Why: without a CIViC c. on our accession, an SNV's c. is computed from its lifted
        position so raw VCFs match without a FASTA. Known answer from shared/knowledge/CHECKS.md:
        ALK c.3604 = chr2:29220747 (GRCh38, minus strand), so c.3586 (L1196 codon, 1st base) is
        29220765, and genomic G>T is c.C>A (CTG -> ATG, L -> M)."""
        rows = [r for r in self.rows if r["gene"] == "ALK" and r["alteration"] == "p.L1196M"
                and "c_derived" in r["coordinate_check"]]
        self.assertTrue(rows)
        for r in rows:
            self.assertEqual(r["hgvs_c"], "c.3586C>A")
            self.assertIn("GRCh38:2:29220765-29220765:G>T", r["civic_coordinates"])
        # never derived where CIViC's own c. on our accession was checked (BRAF V600E: c_ok)
        self.assertFalse([r for r in self.rows if "c_ok" in r["coordinate_check"].split(";")
                          and "c_derived" in r["coordinate_check"]])

    def test_fusion_kinase_rows_carry_their_driver(self):
        """Why: CIViC's "ALK Mutation" (EID1237, ceritinib, NSCLC: patients with ALK alterations)
        matched any ALK change and decided ceritinib "sensitive" for G1202R+L1196M without a fusion.
        Rows on ALK/ROS1/NTRK/RET changes get the curated rows' driver context; ALK in
        neuroblastoma is tumor_type=NB; tool compounds are not members of the approved classes."""
        eid1237 = [r for r in self.rows if r["civic_id"] == "EID1237"]
        self.assertTrue(eid1237)
        self.assertTrue(all(r["context"] == "driver=ALK fusion" for r in eid1237))
        nb = [r for r in self.rows if r["gene"] == "ALK" and r["disease"] == "NB"]
        self.assertTrue(nb and all(r["context"] == "tumor_type=NB" for r in nb))
        _, drugs = read_rows(self.out / "drugs_civic.tsv")
        self.assertEqual({d["id"]: d["class"] for d in drugs if d["id"] == "tae684"}, {"tae684": "tae684"})

    def test_bcr_abl1_t315i_and_profile(self):
        rows = self.find("ABL1", "p.T315I", "imatinib", "resistance")
        self.assertTrue(any(r["context"] == "driver=ABL1 fusion" and r["match_restrict"] == "fusion=BCR::ABL1"
                            for r in rows))

    def test_exon_rows(self):
        ex19 = [r for r in self.rows if r["gene"] == "EGFR" and r["kind"] == "range" and r["match_restrict"] == "deletion"]
        self.assertTrue(ex19)
        self.assertEqual({r["alteration"] for r in ex19}, {"729-761"})  # E746..A750 inside exon 19
        met = [r for r in self.rows if r["gene"] == "MET" and r["match_restrict"] == "exon_skipping=14"]
        self.assertTrue(met)

    def test_combination_drug(self):
        _, drugs = read_rows(self.out / "drugs_civic.tsv")
        ids = {d["id"]: d for d in drugs}
        self.assertIn("dabrafenib+trametinib", ids)
        self.assertTrue(self.find("BRAF", "p.V600E", "dabrafenib+trametinib"))

    def test_levels_not_upgraded(self):
        with ic.open_text(ic.find_release_file(DATA / ic.REL_CIVIC, "evidence")) as f:
            levels = {r["evidence_id"]: r["evidence_level"] for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)}
        for r in self.rows:
            self.assertEqual(r["evidence_level"], levels[r["civic_id"][3:]], r["id"])

    # -- every row passes the C++ loader's rules (plus the two new values) ----------------------
    def test_rows_follow_the_schema(self):
        genes = set(mt.read_genes(DB / "genes.txt")) | {
            l.strip() for l in (self.out / "genes_civic.txt").read_text().splitlines() if l.strip() and not l.startswith("#")}
        _, d1 = read_rows(DB / "drugs.tsv")
        _, d2 = read_rows(self.out / "drugs_civic.tsv")
        drugs = {d["id"] for d in d1} | {d["id"] for d in d2}
        self.assertFalse({d["id"] for d in d1} & {d["id"] for d in d2})
        # every knowledge-base gene (genes.txt + genes_civic.txt) has a model in both main tables
        m38 = ic.read_transcript_table(DB / "transcripts.GRCh38.tsv")
        m37 = ic.read_transcript_table(DB / "transcripts.GRCh37.tsv")
        self.assertLessEqual(genes, set(m38) & set(m37))
        self.assertTrue(all("bulk" not in m38[g].source for g in genes), "a civic gene has a bulk (non-strict) model")
        protein = re.compile(r"^p\.[A-Z*]\d+(_[A-Z*]\d+)?(=|\?|[A-Z*]|del|dup|ins[A-Z*]+|delins[A-Z*]+|"
                             r"[A-Z*]?fs(\*(\d+|\?))?|[A-Z*]ext\*(\d+|\?))$")
        ids = set()
        self.assertEqual(self.header, ic.COLUMNS)
        for r in self.rows + self.arows:
            self.assertRegex(r["id"], r"^[A-Za-z0-9_.-]+$")
            self.assertNotIn(r["id"], ids)
            ids.add(r["id"])
            self.assertIn(r["gene"], genes, r["id"])
            k, a = r["kind"], r["alteration"]
            if k == "hgvs_p":
                self.assertRegex(a, protein, r["id"])
            elif k == "codon":
                self.assertRegex(a, r"^[ACDEFGHIKLMNPQRSTVWY][1-9]\d*$")
            elif k == "range":
                s, e = map(int, a.split("-"))
                self.assertTrue(1 <= s <= e, r["id"])
            elif k == "fusion":
                self.assertRegex(a, r"^[^:]+::[^:]+$")
            elif k == "hgvs_c":
                self.assertTrue(a.startswith("c."))
            elif k == "genomic":
                for x in a.split(";"):
                    self.assertRegex(x, r"^GRCh3[78]:[0-9XY]+:[1-9]\d*:[ACGT]+:[ACGT]+$")
            elif k == "amplification":
                self.assertRegex(a, r"^(cn>=\d+(\.\d+)?)?$")
            else:
                self.assertIn(k, {"lof", "missense", "deletion", "loss"})
                self.assertEqual(a, "")
            for q in filter(None, r["requires"].split(";")):
                self.assertRegex(q, r"^[A-Z0-9-]+:p\.[A-Z]\d+[A-Z*]$")
                self.assertIn(q.split(":")[0], genes)
            self.assertIn(r["drugs"], drugs)
            self.assertIn(r["effect"], {"resistance", "reduced_sensitivity", "sensitivity", "no_benefit", "no_resistance"})
            self.assertIn(r["evidence_level"], set("ABCDE"))
            self.assertTrue(r["disease"])
            self.assertIn(r["mechanism"], {"on_target", "bypass", "downstream", "lineage", "driver", "other"})
            for c in r["citations"].split(";"):
                self.assertRegex(c, r"^(PMID:[1-9]\d{0,8}|DOI:10\.\d{4,9}/\S+)$")
            self.assertEqual(r["status"], "civic")
            for c in filter(None, r["context"].split(";")):
                if c == "tumor_type=NB":  # ALK rows in neuroblastoma (fusion_kinase_context)
                    self.assertEqual(r["gene"], "ALK")
                    continue
                m = re.match(r"^driver=([A-Za-z0-9][A-Za-z0-9.-]*) fusion$", c)
                self.assertTrue(m, c)
                self.assertIn(m.group(1), genes)

    @unittest.skipUnless(os.environ.get("RVANNO_BIN"), "set RVANNO_BIN=path/to/rvanno to run `db check` on the layer")
    def test_loader_accepts_the_layer(self):
        """db/ with the freshly imported layer in place of db/civic/: `rvanno db check` passes (every
        loader rule holds for the generated rows; conflicts between layers are listed, not failures)."""
        d = self.tmp / "merged"
        shutil.copytree(DB, d, ignore=shutil.ignore_patterns("civic", "tools"))
        shutil.copytree(self.out, d / "civic")
        res = subprocess.run([os.environ["RVANNO_BIN"], "db", "check", str(d)], capture_output=True, text=True)
        self.assertEqual(res.returncode, 0, res.stdout + res.stderr)
        self.assertRegex(res.stdout, r"civic:\d+")

    def test_report_headline(self):
        rep = self.first["IMPORT_REPORT.md"].decode()
        m = re.search(r"of these imported: \*\*(\d+) = ([\d.]+)%\*\*", rep)
        self.assertTrue(m)
        self.assertGreaterEqual(float(m.group(2)), 90.0)


@unittest.skipUnless((DATA / mt.REL_MANE).exists(), "shared data not found")
class MakeTranscriptsUnchangedTest(unittest.TestCase):
    def test_existing_tables_regenerate_identically(self):
        """The model_grch38() refactoring shared with the importer leaves the curated tables as they are
        (only the recorded command line differs when --out-dir is given)."""
        with tempfile.TemporaryDirectory() as d:
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                self.assertEqual(mt.main(["--out-dir", d]), 0)
            for b in ("GRCh38", "GRCh37"):
                new = (Path(d) / f"transcripts.{b}.tsv").read_text().splitlines()
                old = (DB / f"transcripts.{b}.tsv").read_text().splitlines()
                strip = lambda ls: [l for l in ls if not l.startswith("## generator:")]
                self.assertEqual(strip(new), strip(old), b)


if __name__ == "__main__":
    unittest.main()
