#!/usr/bin/env bash
# Runs every test project (unit and integration). Integration tests start OpenIPMI ipmi_sim and the project's own
# simulator on loopback and cross-check with ipmitool and FreeIPMI, so their Debian packages are installed first.
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-test-deps.sh
dotnet build BmcExporter.sln -c Release
dotnet test BmcExporter.sln -c Release --no-build "$@"
