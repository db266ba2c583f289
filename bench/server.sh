#!/usr/bin/env bash
# Load on the archive server: 8 concurrent storescu associations and 4 concurrent REST zip
# uploads into one project (PER instances each, default 250: 3000 in all), on this machine.
# Checks that every instance is stored exactly once and nothing is quarantined, and prints
# instances/s and the server's peak RSS (VmHWM). Needs dcmtk, curl, zip, python3 and the built
# cloak jar (./cloak builds it). Usage: bench/server.sh [PER]
set -euo pipefail
cd "$(dirname "$0")/.."
per=${1:-250}
jar=cloak-cli/target/cloak.jar
[ -f "$jar" ] || ./cloak --help > /dev/null
tmp=$(mktemp -d)
trap 'kill "$pid" 2> /dev/null && wait "$pid" 2> /dev/null; rm -rf "$tmp"' EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
http=$(free_port); dicom=$(free_port)
echo "bench-admin-password" > "$tmp/pw"
# 12 senders, each one study of PER instances made from the bundled sample
for s in $(seq 1 12); do
  mkdir -p "$tmp/in/$s"
  for i in $(seq 1 "$per"); do cp samples/ct-scout.dcm "$tmp/in/$s/$i.dcm"; done
  (cd "$tmp/in/$s" && dcmodify -nb -q -gin -m "(0020,000D)=1.2.826.0.1.3680043.9.7433.$s" ./*.dcm)
done
for s in $(seq 9 12); do (cd "$tmp/in/$s" && zip -q -r "$tmp/up$s.zip" .); done
CLOAK_DEMO=false java -XX:+UseSerialGC -jar "$jar" serve --data "$tmp/data" --http-port "$http" \
    --dicom-port "$dicom" --admin-password-file "$tmp/pw" > "$tmp/server.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$http/api/v1"
until curl -sf "$base/health" > /dev/null; do sleep 0.2; done
tok=$(curl -s -X POST "$base/auth/token" -H 'Content-Type: application/json' \
      -d '{"username":"admin","password":"bench-admin-password"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
curl -sf -X POST "$base/projects" -H "Authorization: Bearer $tok" -H 'Content-Type: application/json' \
     -d '{"id":"bench","aeTitle":"BENCH"}' > /dev/null
t0=$(date +%s.%N)
for s in $(seq 1 8); do storescu -aec BENCH -to 60 127.0.0.1 "$dicom" "$tmp/in/$s"/*.dcm > "$tmp/scu$s.log" 2>&1 & done
jobs_ids=()
for s in $(seq 9 12); do
  jobs_ids+=("$(curl -s -X POST "$base/projects/bench/uploads" -H "Authorization: Bearer $tok" \
      -H 'Content-Type: application/zip' --data-binary @"$tmp/up$s.zip" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')") &
done
wait $(jobs -p | grep -v "^$pid$") 2> /dev/null || true
total=$((12 * per))
while :; do
  n=$(curl -s "$base/projects/bench/sessions" -H "Authorization: Bearer $tok" \
      | python3 -c 'import json,sys; print(sum(s["files"] for s in json.load(sys.stdin)))')
  q=$(curl -s "$base/projects/bench/quarantine" -H "Authorization: Bearer $tok" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
  [ "$n" -ge "$total" ] || [ "$q" -gt 0 ] && break
  sleep 0.2
done
t1=$(date +%s.%N)
rss=$(grep VmHWM /proc/$pid/status | awk '{print $2}')
ondisk=$(find "$tmp/data/archive/bench" -name '*.dcm' | wc -l)
python3 - "$t0" "$t1" "$total" "$n" "$ondisk" "$q" "$rss" <<'PY'
import sys
t0, t1, total, n, disk, q, rss = float(sys.argv[1]), float(sys.argv[2]), *map(int, sys.argv[3:])
print(f"server load: {total} instances (8 storescu + 4 uploads): {n} recorded, {disk} files, {q} quarantined;"
      f" {total / (t1 - t0):.0f} instances/s; peak RSS {rss / 1024:.0f} MiB")
sys.exit(0 if n == total and disk == total and q == 0 else 1)
PY
