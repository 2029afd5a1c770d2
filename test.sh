#!/usr/bin/env bash
# Runs every test project (unit and integration). Integration tests start OpenIPMI ipmi_sim and the project's own
# simulator on loopback and cross-check with ipmitool and FreeIPMI, so their Debian packages are installed first.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-test-deps.sh
dotnet build BmcExporter.sln -c Release
# One test project at a time (-m:1): the AFL++ campaign in BmcExporter.Fuzz.Tests read an empty coverage map in its
# dry run three times in a row while it started beside BmcExporter.Tests on 2 cores, and passed alone; the
# timing-sensitive integration tests are steadier too. Costs about two minutes of wall time.
dotnet test BmcExporter.sln -c Release --no-build -m:1 "$@"
