# rvanno container image: Debian 12, the packages of scripts/install-deps.sh, a Release build,
# `cmake --install` into /usr/local (binary, share/rvanno/db, man page, bash completion).
#   docker build -t rvanno/rvanno:0.1.0 .
#   docker run --rm -v "$PWD:/data" -w /data rvanno/rvanno:0.1.0 annotate tumour.vcf.gz
# The tag rvanno/rvanno:0.1.0 is the placeholder the workflow's `container:` names; no image is
# published - push your build to your own registry. README.md, "Container".
FROM debian:bookworm AS build
ENV DEBIAN_FRONTEND=noninteractive
COPY scripts/install-deps.sh /src/scripts/install-deps.sh
# The build needs the same packages as a developer machine (tests and benchmarks included, so
# the image build can run the unit tests); the runtime stage below keeps only what rvanno runs on.
RUN /src/scripts/install-deps.sh && rm -rf /var/lib/apt/lists/*
COPY . /src
WORKDIR /src
RUN cmake -S . -B /build -DCMAKE_BUILD_TYPE=Release -DRVANNO_WERROR=ON \
 && cmake --build /build -j"$(nproc)" \
 && (cd /build && ctest -j"$(nproc)" -R '^(Version|DbCheck|Annotate|Compare|Batch|Cases/.*)\.' --output-on-failure) \
 && cmake --install /build --prefix /usr/local

FROM debian:bookworm
ENV DEBIAN_FRONTEND=noninteractive
# Runtime libraries of the build packages, python3 for the workflow's MultiQC step, procps for
# Snakemake's job accounting inside the container.
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends libhts3 libboost-program-options1.74.0 zlib1g \
      python3 procps bash-completion \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /usr/local /usr/local
LABEL org.opencontainers.image.title="rvanno" \
      org.opencontainers.image.description="Resistance-variant annotator for tumour sequencing (research use only)" \
      org.opencontainers.image.version="0.1.0" \
      org.opencontainers.image.licenses="MIT AND CC0-1.0"
RUN rvanno --version && rvanno db check
ENTRYPOINT ["rvanno"]
CMD ["--help"]
