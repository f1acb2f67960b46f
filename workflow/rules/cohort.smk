# The cohort step. The tables come from `rvanno batch` itself, run on the very same sample
# sheet with the same options, so they are identical to what `rvanno batch` writes (same
# alteration keys, ordering, number formats and "not_assessed" cells) by construction rather
# than by a second implementation that could drift. The price is that batch annotates every
# sample once more (seconds per sample). Its per-sample reports go to a scratch directory that
# is removed. The MultiQC table is computed from the per-sample JSON reports.


rule cohort:
    """cohort_alterations.tsv and cohort_verdicts.tsv as `rvanno batch` writes them, and the
    MultiQC custom-content table rvanno_mqc.tsv (per-sample counts)."""
    input:
        reports=expand(f"{OUT}/samples/{{stem}}.json", stem=list(SAMPLES)),
        inputs=all_inputs(),
    output:
        alterations=f"{OUT}/cohort/cohort_alterations.tsv",
        verdicts=f"{OUT}/cohort/cohort_verdicts.tsv",
        mqc=f"{OUT}/cohort/rvanno_mqc.tsv",
    log:
        f"{OUT}/logs/cohort.log",
    params:
        rvanno=RVANNO,
        args=batch_args(),
        # A fixed name (not mktemp) keeps the `##command=` line of the tables reproducible.
        scratch=f"{OUT}/cohort/batch_scratch",
        mqc_script=os.path.join(workflow.basedir, "scripts", "rvanno_mqc.py"),
        names=" ".join(q(SAMPLES[s]["sample"]) for s in SAMPLES),
    threads: 1
    resources:
        mem_mb=config["resources"]["mem_mb"],
        runtime=config["resources"]["runtime"],
    container:
        CONTAINER
    shell:
        """
        rm -rf {params.scratch:q}
        {params.rvanno:q} batch -q -f json -o {params.scratch:q} {params.args} 2> {log:q}
        mv {params.scratch:q}/cohort_alterations.tsv {output.alterations:q}
        mv {params.scratch:q}/cohort_verdicts.tsv {output.verdicts:q}
        rm -rf {params.scratch:q}
        python3 {params.mqc_script:q} --names {params.names} --reports {input.reports:q} > {output.mqc:q} 2>> {log:q}
        """
