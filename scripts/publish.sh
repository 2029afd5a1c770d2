#!/usr/bin/env bash
# Self-contained single-file builds of bmc-exporter for Linux (no .NET runtime needed on the host), one per
# runtime identifier, each packed with the systemd unit and the example config:
#   scripts/publish.sh [OUT_DIR=artifacts/publish] [RIDS="linux-x64 linux-arm64"]
# gives OUT_DIR/bmc-exporter-VERSION-RID.tar.gz holding bmc-exporter, bmc-exporter.service, exporter.yaml.example.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/artifacts/publish}"
rids="${2:-linux-x64 linux-arm64}"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/src/BmcExporter/BmcExporter.csproj")"
mkdir -p "$out"
# A build tree of its own: a release build starts clean, and never rewrites the bin/obj folders a running build or
# test run uses (a shared tree lost its .pdb files to a concurrent build with different properties).
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
for rid in $rids; do
  dir="$out/bmc-exporter-$version-$rid"
  rm -rf "$dir"
  # PackAsTool is for `dotnet pack` (framework-dependent); a self-contained single file is a separate build.
  dotnet publish "$root/src/BmcExporter/BmcExporter.csproj" -c Release -r "$rid" --self-contained true \
    -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:PackAsTool=false \
    -p:DebugType=none -p:GenerateDocumentationFile=false --artifacts-path "$build" -o "$dir"
  # Only the executable (and the simulator profiles it can also read from disk) ship.
  find "$dir" -maxdepth 1 -type f ! -name bmc-exporter ! -name '*.yaml' -delete
  cp "$root/packaging/systemd/bmc-exporter.service" "$root/exporter.yaml.example" "$dir/"
  tar -C "$out" -czf "$out/bmc-exporter-$version-$rid.tar.gz" "bmc-exporter-$version-$rid"
  echo "$out/bmc-exporter-$version-$rid.tar.gz"
done
