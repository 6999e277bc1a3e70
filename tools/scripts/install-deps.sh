#!/usr/bin/env bash
# Installs the Debian 12 packages the build and tests need. Safe to run again: when
# every package is already installed it does nothing (and needs no root).
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  libyaml-dev          # YAML parsing (libyaml event API, with positions)
  libyaml-cpp-dev      # YAML writing (YAML::Emitter) and the second reader of the differential tests
  libicu-dev           # Unicode: display width, normalisation, transliteration
  libvalijson-dev      # JSON Schema validation
  nlohmann-json3-dev   # JSON model of documents; valijson's adapter
  libcli11-dev         # command-line parsing
  libxxhash-dev        # content hashes for the result cache
  catch2               # test framework (v2)
  libsimdjson-dev      # fast JSON parsing of verdict files (score, agree)
  libssl-dev           # SHA-256 (OpenSSL EVP) for run and release manifests
  libgit2-dev          # git objects, index, commits and tags for releases and validate --staged
  libcurl4-openssl-dev # HTTP client of the judge runner (multi interface, TLS, HTTP/2)
  libsqlite3-dev       # the judge's answer cache (.clinconsensus/cache/llm.sqlite, WAL)
  libcpp-httplib-dev   # the loopback OpenAI-compatible server the judge tests start
  zlib1g-dev           # leak: .gz corpora read as they decompress
  libzstd-dev          # leak: .zst corpora read as they decompress
  pre-commit git       # the tests run .pre-commit-hooks.yaml under the real pre-commit framework
  chromium             # tests only: report.html and coverage --format html rendered headless (DOM, console, screenshot)
  fonts-noto-cjk       # tests only: the Chinese labels of those pages render in the browser instead of as boxes
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages: ${missing[*]}; run as root (or with sudo)" >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
