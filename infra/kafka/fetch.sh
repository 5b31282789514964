#!/bin/sh
# Copies the jars of the Kafka broker named in pom.xml from Maven Central into lib/.
# Idempotent: does nothing when lib/ is complete (a stamp written last, with the pom's checksum).
set -eu
cd "$(dirname "$0")"
stamp=lib/.fetched
want=$(sha256sum pom.xml | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then exit 0; fi
command -v mvn >/dev/null || { echo "fetch.sh: mvn not found (apt-get install maven)" >&2; exit 1; }
rm -rf lib
# -q keeps the output to errors; --batch-mode keeps a terminal's progress bars out of logs.
mvn -q --batch-mode -Dstyle.color=never -f pom.xml dependency:copy-dependencies \
  -DoutputDirectory=lib -DincludeScope=runtime >&2
echo "$want" > "$stamp"
