# Per-sample steps: one rvanno run per report format (TSV, JSON, HTML), and, when the config
# asks for it, the input VCF passed through with INFO/RVANNO_* tags.


rule report:
    """The report `rvanno annotate` writes for one sample of the sheet, in one format."""
    input:
        unpack(sample_inputs),
    output:
        f"{OUT}/samples/{{stem}}.{{fmt}}",
    log:
        f"{OUT}/logs/report/{{stem}}.{{fmt}}.log",
    params:
        rvanno=RVANNO,
        args=lambda w: annotate_args(w.stem),
        bgzf_threads=lambda w, threads: rvanno_threads(threads),
    threads: config["threads"]
    resources:
        mem_mb=config["resources"]["mem_mb"],
        runtime=config["resources"]["runtime"],
    container:
        CONTAINER
    shell:
        "{params.rvanno:q} annotate -q --threads {params.bgzf_threads} -f {wildcards.fmt} -o {output:q} {params.args} 2> {log:q}"


rule annotated_vcf:
    """The sample's VCF with every record passed through and its matches in INFO/RVANNO_* tags
    (samples with a VCF, not a MAF, only; config output_vcf: true)."""
    input:
        unpack(sample_inputs),
    output:
        f"{OUT}/samples/{{stem}}.annotated.{VCF_SUFFIX}",
    log:
        f"{OUT}/logs/annotated_vcf/{{stem}}.log",
    params:
        rvanno=RVANNO,
        args=lambda w: annotate_args(w.stem),
        bgzf_threads=lambda w, threads: rvanno_threads(threads),
        type=config["output_vcf_type"],
    threads: config["threads"]
    resources:
        mem_mb=config["resources"]["mem_mb"],
        runtime=config["resources"]["runtime"],
    container:
        CONTAINER
    shell:
        # The TSV on stdout is the report rule's business; only the VCF is kept.
        "{params.rvanno:q} annotate -q --threads {params.bgzf_threads} --output-vcf {output:q} -O {params.type} {params.args} > /dev/null 2> {log:q}"
