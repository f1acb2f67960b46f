#!/usr/bin/env bash
# Installs the Debian 12 packages rvanno needs to build, test and benchmark, skipping what is
# already there. Needs root (or sudo) only when something is missing. snakemake runs the
# workflow tests, help2man builds the man page (man-db checks it), python3-jsonschema validates
# the JSON outputs against docs/schema/.
set -euo pipefail
packages=(build-essential cmake pkg-config libhts-dev libboost-program-options-dev zlib1g-dev
          nlohmann-json3-dev googletest libgtest-dev bcftools tabix python3 time bc chromium poppler-utils
          snakemake help2man man-db python3-jsonschema python3-yaml python3-jinja2)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
