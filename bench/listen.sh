#!/bin/sh
# The full listener load figure: 8 concurrent dcmtk storescu processes, 2000 instances in total,
# to an in-process ListenService (de-identification with dicom-basic). Prints instances/s and
# the test JVM's peak RSS (VmHWM) and peak heap. Needs dcmtk (storescu) and a prior
# `mvn -o install -DskipTests`.
set -e
cd "$(dirname "$0")/.."
mvn -o -q -pl cloak-pipeline test -Dtest='org.cloak.pipeline.node.ListenLoadTest' -Dcloak.listen.load="${1:-2000}" \
    -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep -E 'listen load|FAIL|ERROR' || true
