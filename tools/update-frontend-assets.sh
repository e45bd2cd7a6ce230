#!/usr/bin/env bash
# Refreshes the GOV.UK Frontend and MOJ Frontend files served from src/Web/wwwroot (see docs/adr/0006).
# The built files are committed, so running the app needs only the .NET SDK; run this to move to a new version.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund "govuk-frontend@${GOVUK_FRONTEND_VERSION:-6.6.0}" "@ministryofjustice/frontend@${MOJ_FRONTEND_VERSION:-11.1.0}" "chart.js@${CHARTJS_VERSION:-4.6.1}" >/dev/null
www="$root/src/Web/wwwroot"
rm -rf "$www/lib" "$www/assets"
mkdir -p "$www/lib/govuk-frontend" "$www/lib/moj-frontend" "$www/lib/chart.js" "$www/assets"
cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js "$www/lib/govuk-frontend/"
cp node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.css node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.js "$www/lib/moj-frontend/"
cp node_modules/chart.js/dist/chart.umd.min.js "$www/lib/chart.js/"
# Both stylesheets refer to /assets/... absolutely: fonts and images go there.
cp -r node_modules/govuk-frontend/dist/govuk/assets/. "$www/assets/"
# GDS Transport is licensed for GOV.UK domains only; a partnership service uses Arial (css/site.css).
rm -rf "$www/assets/fonts"
cp -r node_modules/@ministryofjustice/frontend/moj/assets/. "$www/assets/"
for package in govuk-frontend @ministryofjustice/frontend chart.js; do
  printf '%s %s\n' "$package" "$(node -p "require('./node_modules/$package/package.json').version")"
done > "$www/lib/VERSIONS"
cat "$www/lib/VERSIONS"
