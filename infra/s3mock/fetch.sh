#!/bin/sh
# Copies Adobe's S3Mock (an S3-compatible server, one executable jar) of the version in VERSION from
# Maven Central into lib/, for the S3 content store's contract suite. Idempotent.
set -eu
cd "$(dirname "$0")"
version=$(cat VERSION)
jar="lib/s3mock-$version-exec.jar"
if [ -f "$jar" ]; then exit 0; fi
command -v mvn >/dev/null || { echo "fetch.sh: mvn not found (apt-get install maven)" >&2; exit 1; }
rm -rf lib
mvn -q --batch-mode -Dstyle.color=never dependency:copy \
  "-Dartifact=com.adobe.testing:s3mock:$version:jar:exec" -DoutputDirectory=lib >&2
test -f "$jar"
