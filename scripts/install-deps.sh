#!/usr/bin/env bash
# Installs the Debian 12 packages rvanno needs to build, test and benchmark, skipping what is
# already there. Needs root (or sudo) only when something is missing.
set -euo pipefail
packages=(build-essential cmake pkg-config libhts-dev libboost-program-options-dev zlib1g-dev
          nlohmann-json3-dev googletest libgtest-dev bcftools tabix python3 time bc chromium poppler-utils)
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
