#!/bin/bash
# Times the two README commands on a fresh clone of this repository (committed state).
#   cold: empty Maven caches (wrapper, plugins, libraries, PostgreSQL binaries) and no ./data
#   warm: the same clone again, caches and ./data kept
# Usage: run-times.sh [run|verify|all]
set -u
WHAT=${1:-all}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DIR=/tmp/cold-jamsos
export MAVEN_USER_HOME=/tmp/cold-mvnhome
REPO=-Dmaven.repo.local=/tmp/cold-m2
fresh() { rm -rf $DIR /tmp/cold-m2 /tmp/cold-mvnhome; git clone -q "$ROOT" $DIR; }
run() {
  local label=$1; cd $DIR; local start=$(date +%s.%N)
  ./mvnw $REPO spring-boot:run > /tmp/run-$label.log 2>&1 &
  local pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' http://localhost:8080/actuator/health)" = 200 ]; do
    sleep 0.2; kill -0 $pid 2>/dev/null || { echo "run $label: died"; tail -20 /tmp/run-$label.log; return; }
  done
  echo "run $label: healthy after $(echo "$(date +%s.%N) - $start" | bc) s"
  pkill -TERM -f "jamsos.JamsosApplication"; wait $pid 2>/dev/null; sleep 1
}
verify() {
  local label=$1; cd $DIR; local start=$(date +%s.%N)
  ./mvnw $REPO verify > /tmp/verify-$label.log 2>&1; local rc=$?
  echo "verify $label: rc=$rc in $(echo "$(date +%s.%N) - $start" | bc) s; $(grep -E 'Tests run:.*Fail' /tmp/verify-$label.log | tail -1)"
}
case $WHAT in
  run) fresh; run cold; run warm ;;
  verify) fresh; verify cold; verify warm ;;
  all) fresh; run cold; run warm; rm -rf /tmp/cold-m2 /tmp/cold-mvnhome; verify cold; verify warm ;;
esac
