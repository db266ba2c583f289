#!/bin/bash
# The architecture figures: lines per main source file (median, p90, max; the generated Tag and
# Uid tables left out), the package graph of the main classes (edges, and the cycles jdeps sees),
# and the walk of one file through `cloak run` and of one instance through `cloak listen`: the
# Cloak classes the JVM loads (command-line classes and lambdas left out). Needs a JDK (jdeps)
# and dcmtk (storescu).
#   bench/walk.sh [WORK]     WORK defaults to bench/work/walk
set -euo pipefail
cd "$(dirname "$0")/.."
work="${1:-bench/work/walk}"
rm -rf "$work" && mkdir -p "$work"
mvn -o -q -pl cloak-cli -am package -DskipTests
jar=cloak-cli/target/cloak.jar

find . -path '*/src/main/java/*.java' -not -name Tag.java -not -name Uid.java -not -path './bench/*' \
    | xargs wc -l | grep -v ' total$' | awk '{print $1}' | sort -n > "$work/lines.txt"
n=$(wc -l < "$work/lines.txt")
echo "lines per file: files=$n median=$(sed -n "$(( (n + 1) / 2 ))p" "$work/lines.txt")" \
    "p90=$(sed -n "$(( (n * 9 + 9) / 10 ))p" "$work/lines.txt") max=$(tail -1 "$work/lines.txt")"

cp=""
for m in cloak-dicom cloak-net cloak-deid cloak-pixel cloak-pipeline cloak-server cloak-spark cloak-cli; do
    [ -d "$m/target/classes" ] && cp="$cp $m/target/classes"
done
# shellcheck disable=SC2086 # one argument per class folder
jdeps -verbose:package -filter:none $cp 2>/dev/null \
    | awk '/->/ && $1 ~ /^org\.cloak/ && $3 ~ /^org\.cloak/ && $1 != $3 {print $1" -> "$3}' | sort -u > "$work/graph.txt"
echo "package graph: $(cut -d' ' -f1 "$work/graph.txt" | sort -u | wc -l) packages," \
    "$(wc -l < "$work/graph.txt") edges ($work/graph.txt)"
python3 - "$work/graph.txt" <<'PY'
import sys
edges = {}
for line in open(sys.argv[1]):
    a, _, b = line.split()
    edges.setdefault(a, set()).add(b)
# Tarjan's strongly connected components: a component of more than one package is a cycle
index, low, stack, on, out, n = {}, {}, [], set(), [], [0]
def visit(v):
    index[v] = low[v] = n[0]; n[0] += 1; stack.append(v); on.add(v)
    for w in edges.get(v, ()):
        if w not in index:
            visit(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        c = []
        while True:
            w = stack.pop(); on.discard(w); c.append(w)
            if w == v: break
        if len(c) > 1: out.append(sorted(c))
sys.setrecursionlimit(10000)
for v in list(edges):
    if v not in index: visit(v)
print("package cycles:", len(out))
for c in out: print("  ", " <-> ".join(c))
PY

classes() { # the Cloak library classes a JVM log shows loaded
    grep -o 'org\.cloak\.[A-Za-z0-9_.$]*' "$1" | grep -v '\$\$Lambda' | grep -v '^org\.cloak\.cli\.' | sort -u
}
export CLOAK_VAULT_PASSPHRASE=walk-figures
cp samples/ct-phantom.dcm "$work/in.dcm"
java -Xshare:off -Xlog:class+load=info -jar "$jar" run --in "$work/in.dcm" --out "$work/run-out" \
    --vault "$work/vault" > "$work/run-log.txt" 2>&1 || true
classes "$work/run-log.txt" > "$work/run-classes.txt"
echo "cloak run, one file: $(wc -l < "$work/run-classes.txt") library classes ($work/run-classes.txt)"

port=$(( 20000 + RANDOM % 20000 ))
java -Xshare:off -Xlog:class+load=info -jar "$jar" listen --port "$port" --aet CLOAK --out "$work/listen-out" \
    --vault "$work/vault-listen" > "$work/listen-log.txt" 2>&1 &
pid=$!
for _ in $(seq 1 100); do grep -q 'listening' "$work/listen-log.txt" 2>/dev/null && break; sleep 0.2; done
storescu -aec CLOAK 127.0.0.1 "$port" "$work/in.dcm"
kill -TERM "$pid"; wait "$pid" || true
classes "$work/listen-log.txt" > "$work/listen-classes.txt"
echo "cloak listen, one instance: $(wc -l < "$work/listen-classes.txt") library classes ($work/listen-classes.txt)"
