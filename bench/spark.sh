#!/usr/bin/env bash
# `cloak spark` scaling figures: the same corpus de-identified (profile dicom-basic, default
# layout, a fresh copy of one vault each time, so every run uses the same secret) by
#   1. `cloak run --threads 2`                      (the batch runner, the reference)
#   2. `cloak spark --master local[1]`              (one executor core)
#   3. `cloak spark --master local[2]`              (two executor cores)
#   4. a standalone cluster: a master and two workers of one core each, every one its own JVM,
#      the job submitted through spark-submit's main class (org.apache.spark.deploy.SparkSubmit
#      --class org.cloak.cli.Main cloak.jar spark ...), as on a real cluster.
# Nothing is downloaded: Spark's jars are the ones Maven resolved for cloak-spark; the cluster's
# SPARK_HOME is a folder of links to them.
# Corpus (made by cloak-bench): SMALL small files (64x64, full header) and SLICES 512x512 CT slices.
# For each run it prints the job's own figures (files/s and MB/s from its summary: listing,
# discovery and processing, without the JVM's and Spark's start) and the wall time of the command.
# Every output is compared with cloak run's (same names, same bytes).
#
# Usage: bench/spark.sh      env: SMALL (default 4000) SLICES (default 200) BUILD=0 KEEP=1
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/bench/work/spark
SMALL=${SMALL:-4000}
SLICES=${SLICES:-200}
JAR=$ROOT/cloak-cli/target/cloak.jar
BENCH=$ROOT/cloak-bench/target/cloak-bench.jar
OPENS="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
 --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
 --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
 --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
 --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
 --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
 --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Djdk.reflect.useDirectMethodHandle=false"

if [ "${BUILD:-1}" = 1 ]; then
    echo "== build"
    mvn -q -o -B -DskipTests -pl cloak-cli,cloak-bench -am package
fi
mkdir -p "$WORK"
# Spark and its dependencies (provided scope: not in cloak.jar), without Cloak's own modules
mvn -q -o -B -pl cloak-spark dependency:build-classpath -Dmdep.includeScope=compile \
    -Dmdep.outputFile="$WORK/spark.classpath" > /dev/null
SPARK_CP=$(tr ':' '\n' < "$WORK/spark.classpath" | grep -v '/org/cloak/' | paste -sd: -)

echo "== machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo)," \
     "$(java -version 2>&1 | head -1)"
IN=$WORK/in
if [ "$(find "$IN" -name '*.dcm' 2>/dev/null | wc -l)" != "$((SMALL + SLICES))" ]; then
    echo "== generating $SMALL small files and $SLICES CT slices in $IN"
    rm -rf "$IN"
    java -cp "$BENCH" org.cloak.bench.MakeSmallCorpus "$IN/small" "$SMALL"
    java -cp "$BENCH" org.cloak.bench.MakeCtCorpus "$IN/ct" "$SLICES"
fi
FILES=$(find "$IN" -type f | wc -l)
BYTES=$(du -sb "$IN" | cut -f1)
echo "== corpus: $FILES files, $((BYTES / 1000000)) MB"

rm -rf "$WORK/out-"* "$WORK/vault"*
printf 'spark benchmark passphrase\n' > "$WORK/pass.txt"
# one vault made once and copied for each run: the same secret, so the outputs must be equal
java -jar "$JAR" run --in "$ROOT/samples" --out "$WORK/out-init" --vault "$WORK/vault" \
    --vault-passphrase-file "$WORK/pass.txt" > /dev/null 2>&1
rm -rf "$WORK/out-init"

declare -A RESULT
measure() { # name, command...: runs it with a fresh vault copy, keeps its summary line and wall time
    local name=$1 t0 t1 line
    shift
    rm -rf "$WORK/vault-$name"
    cp -r "$WORK/vault" "$WORK/vault-$name"
    sync
    t0=$(date +%s.%N)
    "$@" > "$WORK/$name.log" 2>&1 || { echo "$name failed:"; tail -30 "$WORK/$name.log"; exit 1; }
    t1=$(date +%s.%N)
    line=$(grep -E '^cloak (run|spark): [0-9.]+ MB in' "$WORK/$name.log" | tail -1)
    RESULT[$name]="$(printf '%-14s %s   wall %.1f s' "$name" "${line#cloak * }" "$(awk "BEGIN {print $t1 - $t0}")")"
    echo "${RESULT[$name]}"
}
spark_cli() { # master name
    java -Xmx2g $OPENS -cp "$JAR:$SPARK_CP" org.cloak.cli.Main spark --master "$1" \
        --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 \
        --in "$IN" --out "$WORK/out-$2" --vault "$WORK/vault-$2" --vault-passphrase-file "$WORK/pass.txt"
}

echo "== runs"
measure run java -XX:+UseSerialGC -jar "$JAR" run --threads 2 --in "$IN" --out "$WORK/out-run" \
    --vault "$WORK/vault-run" --vault-passphrase-file "$WORK/pass.txt"
measure local1 spark_cli 'local[1]' local1
measure local2 spark_cli 'local[2]' local2

# the standalone cluster: SPARK_HOME/jars links Spark's jars (the launcher builds executors' class path from it)
HOME_DIR=$WORK/spark-home
rm -rf "$HOME_DIR" "$WORK/worker-"*
mkdir -p "$HOME_DIR/jars"
tr ':' '\n' <<< "$SPARK_CP" | while read -r j; do ln -sf "$j" "$HOME_DIR/jars/"; done
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export SPARK_HOME=$HOME_DIR SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.13
PIDS=()
stop_cluster() { for p in "${PIDS[@]}"; do kill "$p" 2> /dev/null || true; done; }
trap stop_cluster EXIT
java -Xmx512m $OPENS -cp "$SPARK_CP" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" \
    --webui-port 0 > "$WORK/master.log" 2>&1 &
PIDS+=($!)
for i in 1 2; do
    mkdir -p "$WORK/worker-$i"
    until grep -q 'I have been elected leader' "$WORK/master.log" 2> /dev/null; do sleep 0.5; done
    java -Xmx512m $OPENS -cp "$SPARK_CP" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 \
        --memory 2g --work-dir "$WORK/worker-$i" --webui-port 0 "spark://127.0.0.1:$port" \
        > "$WORK/worker-$i.log" 2>&1 &
    PIDS+=($!)
done
for i in 1 2; do
    until grep -q 'Successfully registered with master' "$WORK/worker-$i.log" 2> /dev/null; do sleep 0.5; done
done
measure cluster java -Xmx1g $OPENS -cp "$JAR:$SPARK_CP" org.apache.spark.deploy.SparkSubmit \
    --master "spark://127.0.0.1:$port" --deploy-mode client --class org.cloak.cli.Main \
    --conf spark.executor.memory=1500m --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 \
    "$JAR" spark --in "$IN" --out "$WORK/out-cluster" --vault "$WORK/vault-cluster" \
    --vault-passphrase-file "$WORK/pass.txt"
stop_cluster

echo "== outputs equal to cloak run's (names and bytes, state folders aside)"
for name in local1 local2 cluster; do
    if diff -r -q -x .cloak "$WORK/out-run" "$WORK/out-$name" > /dev/null; then
        echo "$name: identical"
    else
        echo "$name: DIFFERS"; exit 1
    fi
done

echo "== summary ($FILES files, $((BYTES / 1000000)) MB)"
for name in run local1 local2 cluster; do echo "${RESULT[$name]}"; done
[ "${KEEP:-0}" = 1 ] || rm -rf "$WORK/out-"* "$WORK/worker-"*
