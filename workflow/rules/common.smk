# Sample sheet, output names and the command-line options shared by the per-sample and cohort
# rules. Everything here runs when Snakemake parses the workflow (no jobs yet).
import os
import re
import shlex

from snakemake.exceptions import WorkflowError

OUT = config["outdir"].rstrip("/")
# As given (relative to the working directory), so that paths in the sheet resolve to the very
# strings rvanno batch forms from it (sheet directory / cell), which the reports record.
SHEET = config["samples"]
RVANNO = config["rvanno"]
CONTAINER = config["container"]
REPORT_FORMATS = ["tsv", "json", "html"]
VCF_SUFFIX = {"v": "vcf", "z": "vcf.gz", "b": "bcf"}[config["output_vcf_type"]]

# The sheet parser of `rvanno batch` (src/cli/sample_sheet.cpp) in Python, rule for rule, so
# the workflow plans the same samples and files that `rvanno batch` reads. The cohort rule
# runs `rvanno batch` on the very same sheet, which checks it again (drugs, drivers).
REQUIRED_COLUMNS = ["sample", "vcf", "cnv", "sv", "tumor_type", "driver"]
OPTIONAL_COLUMNS = ["vcf_sample", "therapy_history", "cnv_sample", "sv_sample"]
COHORT_STEMS = ["cohort_alterations", "cohort_verdicts"]


class SheetError(Exception):
    pass


def _cells(cell):
    return [c.strip(" \t") for c in cell.split(",") if c.strip(" \t")]


def safe_file_stem(sample):
    """As rvanno's safe_file_stem: the output file stem of a sample name."""
    # byte by byte, as the C++ does, so a non-ASCII letter becomes one '_' per UTF-8 byte
    s = "".join(chr(b) if chr(b).isascii() and (chr(b).isalnum() or chr(b) in "._-") else "_" for b in sample.encode())
    s = s[:100]
    if s and s[0] in ".-":
        s = "_" + s[1:]
    return s or "sample"


def is_maf(path):
    """As rvanno's is_maf(): the first line that is not a '#' line has the MAF columns."""
    import gzip

    try:
        with open(path, "rb") as raw:
            gz = raw.read(2) == b"\x1f\x8b"
        opener = gzip.open if gz else open
        with opener(path, "rb") as f:
            data = f.read(1 << 20)
    except OSError:
        return False
    for line in data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n"):
        if not line or line.startswith(b"#"):
            continue
        cols = {c.strip().lower() for c in line.split(b"\t")}
        return b"hugo_symbol" in cols and b"tumor_sample_barcode" in cols
    return False


def read_sample_sheet(path):
    base = os.path.dirname(path)
    rows, header = [], None
    with open(path, newline="") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            where = f"{path}:{lineno}"
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                for c in REQUIRED_COLUMNS:
                    if c not in header:
                        raise SheetError(f"{where}: missing column '{c}'")
                for c in header:
                    if c not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS:
                        raise SheetError(f"{where}: unknown column '{c}'")
                    if header.count(c) > 1:
                        raise SheetError(f"{where}: column '{c}' appears twice")
                continue
            get = lambda c: cells[header.index(c)] if c in header and header.index(c) < len(cells) else ""

            def resolve(p):
                full = p if os.path.isabs(p) else os.path.join(base, p)
                if not os.path.exists(full):
                    raise SheetError(f"{where}: file '{p}' does not exist (looked for '{full}')")
                return full

            row = {"where": where, "sample": get("sample").strip(" \t")}
            if not row["sample"]:
                raise SheetError(f"{where}: empty sample name")
            for other in rows:
                if other["sample"] == row["sample"]:
                    raise SheetError(f"{where}: sample '{row['sample']}' is also on {other['where']}")
            vcf = get("vcf").strip(" \t")
            row["vcf"] = resolve(vcf) if vcf else ""
            row["cnv"] = [resolve(p) for p in _cells(get("cnv"))]
            row["sv"] = [resolve(p) for p in _cells(get("sv"))]
            # MAF INPUT: the `vcf` column is the small-variant input, VCF/BCF or MAF; rvanno
            # tells a MAF by its header (io/maf_reader.hpp), and so does is_maf() here, so that
            # no annotated VCF is planned for it (a MAF has no VCF records to pass through).
            # vcf_sample names the MAF's Tumor_Sample_Barcode, as --sample does.
            row["maf"] = bool(row["vcf"]) and is_maf(row["vcf"])
            if not (row["vcf"] or row["cnv"] or row["sv"]):
                raise SheetError(f"{where}: sample '{row['sample']}' has no input (fill at least one of vcf, cnv, sv)")
            row["vcf_sample"] = get("vcf_sample").strip(" \t")
            # the sample of multi-sample cnv / sv tables (SEG, cBioPortal), as --cnv-sample / --sv-sample
            row["cnv_sample"] = get("cnv_sample").strip(" \t")
            row["sv_sample"] = get("sv_sample").strip(" \t")
            row["tumor_type"] = get("tumor_type").strip(" \t")
            row["drivers"] = _cells(get("driver"))
            row["therapy_history"] = get("therapy_history").strip(" \t")
            rows.append(row)
    if header is None:
        raise SheetError(f"{path}: no header line")
    if not rows:
        raise SheetError(f"{path}: the sample sheet lists no sample")
    # Output stems, refused on a case-insensitive collision as rvanno batch does.
    seen = {}
    for row in rows:
        stem = safe_file_stem(row["sample"])
        if stem.lower() in COHORT_STEMS:
            raise SheetError(f"sample '{row['sample']}' would be written as '{stem}.*', the name of a cohort table")
        if stem.lower() in seen:
            raise SheetError(f"samples '{seen[stem.lower()]}' and '{row['sample']}' would both be written as '{stem}.*'")
        seen[stem.lower()] = row["sample"]
        row["stem"] = stem
    return rows


try:
    SAMPLES = {r["stem"]: r for r in read_sample_sheet(SHEET)}
except (SheetError, OSError) as e:
    raise WorkflowError(f"sample sheet: {e}")

if not config.get("genome"):
    no_vcf = [r["sample"] for r in SAMPLES.values() if not r["vcf"]]
    if no_vcf:
        # rvanno batch takes such a sample's build from the first sample; a per-sample job
        # cannot see the other samples, so the build must be named.
        raise WorkflowError(
            f"samples without a VCF ({', '.join(no_vcf)}) need the genome build: set 'genome' (GRCh38 or GRCh37) in the config"
        )

wildcard_constraints:
    stem="|".join(re.escape(s) for s in SAMPLES),
    fmt="|".join(REPORT_FORMATS),


def q(x):
    return shlex.quote(str(x))


def shared_args():
    """Options that must be the same for every sample and for the cohort rule's rvanno batch."""
    a = []
    if config.get("genome"):
        a += ["--genome", config["genome"]]
    if config.get("fasta"):
        a += ["--fasta", os.path.abspath(config["fasta"])]
    if config.get("include_filtered"):
        a += ["--include-filtered"]
    if config.get("strict"):
        a += ["--strict"]
    if config.get("cnv_format"):
        a += ["--cnv-format", config["cnv_format"]]
    if config.get("db"):
        a += ["--db", os.path.abspath(config["db"])]
    cn = config["copy_number"]
    if cn["thresholds"] != "absolute":
        a += ["--cn-thresholds", cn["thresholds"]]
    for key, opt in [("amp_cn", "--amp-cn"), ("gain_cn", "--gain-cn"), ("loss_cn", "--loss-cn"), ("deep_deletion_cn", "--deep-deletion-cn")]:
        if cn.get(key) is not None:
            a += [opt, str(cn[key])]
    return a


def annotate_args(stem):
    """`rvanno annotate` options for one sample, as rvanno batch builds its job for the row."""
    r = SAMPLES[stem]
    a = shared_args()
    if r["vcf_sample"]:
        a += ["--sample", r["vcf_sample"]]
    for p in r["cnv"]:
        a += ["--cnv", p]
    if r["cnv_sample"]:
        a += ["--cnv-sample", r["cnv_sample"]]
    for p in r["sv"]:
        a += ["--sv", p]
    if r["sv_sample"]:
        a += ["--sv-sample", r["sv_sample"]]
    tumor_type = r["tumor_type"] or config.get("tumor_type") or ""
    if tumor_type:
        a += ["--tumor-type", tumor_type]
    for d in list(config.get("drivers", [])) + r["drivers"]:
        a += ["--driver", d]
    therapy = r["therapy_history"] or config.get("therapy_history") or ""
    if therapy:
        a += ["--therapy-history", therapy]
    if r["vcf"]:
        a += [r["vcf"]]
    return " ".join(q(x) for x in a)


def batch_args():
    a = shared_args()
    if config.get("tumor_type"):
        a += ["--tumor-type", config["tumor_type"]]
    for d in config.get("drivers", []):
        a += ["--driver", d]
    if config.get("therapy_history"):
        a += ["--therapy-history", config["therapy_history"]]
    # The sheet as the config names it, so ##sample_sheet= reads as for a batch run from the
    # working directory.
    a += ["--sample-sheet", SHEET]
    return " ".join(q(x) for x in a)


def sample_inputs(wildcards):
    r = SAMPLES[wildcards.stem]
    return {"vcf": [r["vcf"]] if r["vcf"] else [], "cnv": r["cnv"], "sv": r["sv"]}


def all_inputs():
    files = [SHEET]
    for r in SAMPLES.values():
        files += ([r["vcf"]] if r["vcf"] else []) + r["cnv"] + r["sv"]
    return sorted(set(files))


def rvanno_threads(threads):
    # rvanno's --threads counts extra BGZF decompression threads besides the main one.
    return max(0, int(threads) - 1)


def all_outputs():
    out = [f"{OUT}/samples/{s}.{fmt}" for s in SAMPLES for fmt in REPORT_FORMATS]
    if config["output_vcf"]:
        out += [f"{OUT}/samples/{s}.annotated.{VCF_SUFFIX}" for s, r in SAMPLES.items() if r["vcf"] and not r["maf"]]
    out += [f"{OUT}/cohort/cohort_alterations.tsv", f"{OUT}/cohort/cohort_verdicts.tsv", f"{OUT}/cohort/rvanno_mqc.tsv"]
    return out
