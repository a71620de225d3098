#!/usr/bin/env bash
# Refreshes the vendored KERN UX design system (https://www.kern-ux.de, EUPL-1.2) under
# src/main/resources/static/vendor/kern-ux/: the product serves it from its own jar and
# loads nothing from a CDN. Usage: scripts/refresh-kern-ux.sh [version]   (needs npm)
set -euo pipefail
version="${1:-2.7.2}"
cd "$(dirname "$0")/.."
target=src/main/resources/static/vendor/kern-ux
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "@kern-ux/native@${version}" >/dev/null && tar xzf kern-ux-native-*.tgz)
dist="$work/package/dist"

rm -rf "$target"
mkdir -p "$target/fonts/fira-sans"
cp "$dist/kern.min.css" "$dist/kern-utilities.min.css" "$work/package/LICENSE.md" "$target/"
# only the faces kern.min.css uses (weights 400, 500, 600; 400 italic): the whole
# family is 5 MB
for face in Regular Italic Medium SemiBold; do
  cp "$dist/fonts/fira-sans/FiraSans-${face}.woff2" "$target/fonts/fira-sans/"
done
chmod 644 "$target"/fonts/fira-sans/*.woff2
cat > "$target/fonts/fira-sans.css" <<'CSS'
/* Fira Sans (SIL Open Font License 1.1), the faces KERN UX uses; from @kern-ux/native */
@font-face { font-family: 'Fira Sans'; src: url("./fira-sans/FiraSans-Regular.woff2") format('woff2'); font-weight: 400; font-style: normal; font-display: swap; }
@font-face { font-family: 'Fira Sans'; src: url("./fira-sans/FiraSans-Italic.woff2") format('woff2'); font-weight: 400; font-style: italic; font-display: swap; }
@font-face { font-family: 'Fira Sans'; src: url("./fira-sans/FiraSans-Medium.woff2") format('woff2'); font-weight: 500; font-style: normal; font-display: swap; }
@font-face { font-family: 'Fira Sans'; src: url("./fira-sans/FiraSans-SemiBold.woff2") format('woff2'); font-weight: 600; font-style: normal; font-display: swap; }
CSS
echo "@kern-ux/native ${version}" > "$target/VERSION"
echo "KERN UX ${version} vendored into ${target}"
