#!/usr/bin/env bash
# Installs what Slant needs to build and run on Debian: the BLAS headers and reference
# library (libblas-dev, which the CBLAS module links against) and OpenBLAS (libopenblas0-pthread),
# which takes over libblas.so.3 at run time. Does nothing when both are present.
# Sourced by demo.sh and test.sh; safe to run on its own.
set -euo pipefail

missing=()
for pkg in libblas-dev libopenblas0-pthread pkg-config; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! command -v swift >/dev/null 2>&1; then
  echo "setup: the Swift toolchain (6.0 or later) is required; see https://www.swift.org/install/linux/" >&2
  exit 1
fi
