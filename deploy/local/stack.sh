#!/usr/bin/env bash
# Local stack for Liaowang: a real Apache Kafka (KRaft, one node) and a real Elasticsearch
# (one node), fetched from Maven Central with mvn and run on Java 17. No Docker needed.
#
#   deploy/local/stack.sh up     [kafka|elasticsearch]   start (or reuse) and wait until ready
#   deploy/local/stack.sh down   [kafka|elasticsearch]   stop by pid file, wait for the ports
#   deploy/local/stack.sh status [kafka|elasticsearch]   exit 0 if all running and healthy, else 3
#
# Settings (environment variables):
#   KAFKA_PORT             Kafka client port (PLAINTEXT) on 127.0.0.1              9092
#   KAFKA_CONTROLLER_PORT  Kafka KRaft controller port on 127.0.0.1                9093
#   ES_PORT                Elasticsearch HTTP port on 127.0.0.1                    9200
#   LIAOWANG_DATA_DIR      data, logs and pid files                               <repo>/.data
#   ES_HEAP                Elasticsearch JVM heap (-Xms = -Xmx)                    1g
#   KAFKA_HEAP             Kafka JVM heap (-Xms = -Xmx)                            512m
#   KAFKA_VERSION          org.apache.kafka:kafka_2.13 version                     3.9.2
#   ES_VERSION             Elasticsearch version (8.x runs on Java 17; 9.x needs 21) 8.19.21
#   LIAOWANG_START_TIMEOUT seconds to wait for each server to become ready          180
#   LIAOWANG_ES_USER       as root only: system user that runs Elasticsearch       liaowang-es
#
# Elasticsearch's path.repo is <data>/elasticsearch/snapshots: snapshots (`liaowang backup`)
# go there, into the folder named by BACKUP_PATH (relative paths resolve under path.repo).
#   ES_JAVA_HOME           Java for both servers; default: the `java` on PATH
#
# Maven uses its usual local repository (~/.m2), so only the first start downloads.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd -P)

KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
ES_PORT=${ES_PORT:-9200}
DATA_DIR=$(realpath -m -- "${LIAOWANG_DATA_DIR:-$REPO_ROOT/.data}") # servers run elsewhere: absolute
ES_HEAP=${ES_HEAP:-1g}
KAFKA_HEAP=${KAFKA_HEAP:-512m}
KAFKA_VERSION=${KAFKA_VERSION:-3.9.2}
ES_VERSION=${ES_VERSION:-8.19.21}
START_TIMEOUT=${LIAOWANG_START_TIMEOUT:-180}
ES_USER=${LIAOWANG_ES_USER:-liaowang-es}
STOP_TIMEOUT=30 # seconds between SIGTERM and SIGKILL

HOST=127.0.0.1 # never "localhost": Node may resolve it to ::1 first
ES_ARTIFACT=org.elasticsearch.distribution.integ-test-zip:elasticsearch
KAFKA_MAIN=kafka.Kafka
ES_MAIN=org.elasticsearch.bootstrap.Elasticsearch

# ---------------------------------------------------------------- helpers

err() { printf 'stack.sh: %s\n' "$*" >&2; }
die() { err "error: $*"; exit 1; }

# Say what failed, show the end of the server log (and of any other non-empty output
# first, e.g. the JVM's own stderr), then where the server log is. Stack frames are
# left out: the exception's message is what tells.
log_tail() { # lines file
  grep -vE '^[[:space:]]+(at |\.\.\. [0-9]+ more)' "$2" | tail -n "$1" | sed 's/^/  /' >&2 || true
}

die_with_log() { # message server-log [other-output...]
  local msg=$1 log=$2 f
  shift 2
  err "error: $msg"
  for f in "$@"; do
    if [[ -s $f ]]; then
      err "--- last lines of $f:"
      log_tail 10 "$f"
    fi
  done
  if [[ -s $log ]]; then
    err "--- last lines of $log:"
    log_tail 20 "$log"
  fi
  err "server log: $log"
  exit 1
}

now() { # EPOCHREALTIME uses the locale's decimal mark; awk wants a dot
  local t=${EPOCHREALTIME:-$(date +%s.%N)}
  printf '%s' "${t/,/.}"
}
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }

report_ready() { # server start|reuse t0 pid address
  if [[ $2 == reuse ]]; then
    echo "$1 already running (pid $4, $5)"
  else
    echo "$1 ready in $(since "$3") (pid $4, $5)"
  fi
}

is_root() { [[ $(id -u) -eq 0 ]]; }

check_port_var() {
  if ! [[ $2 =~ ^[0-9]{1,5}$ ]] || ((10#$2 < 1 || 10#$2 > 65535)); then
    die "$1=$2 is not a port number"
  fi
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$HOST/$1" 2>/dev/null; }

wait_ports_free() { # seconds port...
  local deadline=$((SECONDS + $1)) p
  shift
  for p in "$@"; do
    while port_open "$p"; do
      ((SECONDS < deadline)) || return 1
      sleep 0.2
    done
  done
}

# Print the pid from a pid file if that process is alive and is the expected server
# (the command line is checked so that a recycled pid is never mistaken for ours).
live_pid() { # pidfile main-class
  local pid
  [[ -s $1 ]] || return 1
  pid=$(<"$1")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  [[ -r /proc/$pid/cmdline ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$2" || return 1
  printf '%s' "$pid"
}

# Alive and not a zombie (a broker that dies during startup is our unreaped child).
# Only for a pid we just started: before exec its command line is still bash's.
proc_alive() {
  local s
  s=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  s=${s##*) }
  [[ ${s%% *} != Z ]]
}

# Java: ES_JAVA_HOME if set, else the java on PATH (ES has no bundled JDK in this zip).
resolve_java() {
  local j
  if [[ -n ${ES_JAVA_HOME:-} ]]; then
    JAVA_HOME_DIR=$ES_JAVA_HOME
  else
    j=$(command -v java) || die "java not found on PATH (Java 17 or newer is needed)"
    j=$(readlink -f "$j")
    JAVA_HOME_DIR=${j%/bin/java}
  fi
  JAVA_BIN=$JAVA_HOME_DIR/bin/java
  [[ -x $JAVA_BIN ]] || die "no java at $JAVA_BIN (set ES_JAVA_HOME to a Java 17+ home)"
  local v=
  if [[ -r $JAVA_HOME_DIR/release ]]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME_DIR/release")
  fi
  if [[ -n $v ]] && ((v < 17)); then
    die "Java $v at $JAVA_HOME_DIR is too old: Kafka and Elasticsearch need Java 17+"
  fi
}

# mvn -q -B, its output kept in a log and shown only on failure.
run_maven() { # description args...
  local what=$1 log=$DATA_DIR/maven.log
  shift
  command -v mvn >/dev/null || die "mvn not found on PATH (needed once to fetch $what)"
  if ! mvn -q -B -f "$SCRIPT_DIR/pom.xml" "$@" >"$log" 2>&1; then
    err "error: maven could not fetch $what; its output ($log):"
    sed 's/^/  /' "$log" | tail -n 30 >&2
    exit 1
  fi
}

lock() {
  mkdir -p "$DATA_DIR"
  exec 9>"$DATA_DIR/.stack.lock"
  flock -w 600 9 || die "another stack.sh holds $DATA_DIR/.stack.lock"
}

# ---------------------------------------------------------------- kafka

KAFKA_DIR=$DATA_DIR/kafka
KAFKA_PID=$KAFKA_DIR/kafka.pid
KAFKA_PORTS=$KAFKA_DIR/kafka.ports # ports the running broker was started with
KAFKA_LOG=$KAFKA_DIR/logs/server.log

# True when the broker answers an ApiVersions request (v0) with error code 0. Speaks the
# wire protocol from bash: no JVM to start, so it is fast enough to poll. The listener
# only serves requests once the broker is registered and unfenced.
kafka_probe() { # port
  local out
  # shellcheck disable=SC2016 # $0 and $1 belong to the inner bash
  out=$(timeout 3 bash -c '
    exec 3<>"/dev/tcp/$0/$1" || exit 1
    # size=12 | api_key=18 | api_version=0 | correlation_id="LWLW" | client_id="lw"
    printf "\x00\x00\x00\x0c\x00\x12\x00\x00LWLW\x00\x02lw" >&3
    head -c 10 <&3 | od -An -tx1 -v | tr -d " \n"' "$HOST" "$1" 2>/dev/null) || return 1
  # response: size(4) | correlation_id(4) = "LWLW" | error_code(2) = 0
  [[ $out =~ ^[0-9a-f]{8}4c574c570000$ ]]
}

kafka_recorded_ports() { # prints "client controller" of the running broker
  if [[ -s $KAFKA_PORTS ]]; then cat "$KAFKA_PORTS"; else echo "$KAFKA_PORT $KAFKA_CONTROLLER_PORT"; fi
}

kafka_fetch() {
  local lib=$KAFKA_DIR/lib-$KAFKA_VERSION
  [[ -d $lib ]] && return 0 # already resolved for this version: no Maven at all
  local t0 tmp=$KAFKA_DIR/.lib-$KAFKA_VERSION.tmp
  t0=$(now)
  rm -rf "$tmp"
  run_maven "kafka $KAFKA_VERSION" dependency:copy-dependencies -DincludeScope=runtime \
    -Dkafka.version="$KAFKA_VERSION" -DoutputDirectory="$tmp"
  mv "$tmp" "$lib"
  echo "kafka $KAFKA_VERSION fetched in $(since "$t0")"
}

kafka_write_config() {
  cat >"$KAFKA_DIR/server.properties" <<EOF
# Written by stack.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$KAFKA_PORT,CONTROLLER://$HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
EOF
}

kafka_java() { # main args... (runs in the foreground; used for the one-off format)
  # Its own log dir, so that a tool never muddles the server's log.
  "$JAVA_BIN" -Xms64m -Xmx256m -Dkafka.logs.dir="$KAFKA_DIR/logs/tools" \
    -Dlog4j.configuration="file:$SCRIPT_DIR/kafka-log4j.properties" \
    -cp "$KAFKA_DIR/lib-$KAFKA_VERSION/*" "$@"
}

kafka_up() {
  local pid
  if pid=$(live_pid "$KAFKA_PID" "$KAFKA_MAIN"); then
    local ports
    ports=$(kafka_recorded_ports)
    [[ $ports == "$KAFKA_PORT $KAFKA_CONTROLLER_PORT" ]] ||
      die "kafka (pid $pid) runs with ports $ports, not $KAFKA_PORT $KAFKA_CONTROLLER_PORT; run 'stack.sh down kafka' first"
    kafka_wait "$pid" "" "$(now)" reuse
    return
  fi
  rm -f "$KAFKA_PID" "$KAFKA_PORTS"
  local p
  for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    ! port_open "$p" || die "port $HOST:$p is taken by a process this script did not start (for kafka; see ss -ltnp)"
  done

  mkdir -p "$KAFKA_DIR/logs" "$KAFKA_DIR/data"
  resolve_java
  kafka_fetch
  kafka_write_config

  # KRaft storage must be formatted once; meta.properties marks a formatted log dir.
  if [[ ! -s $KAFKA_DIR/data/meta.properties ]]; then
    local cid
    # A Kafka Uuid: 16 random bytes, base64url, no padding. Like Kafka, avoid a leading
    # "-": the tool's argument parser would take the id for an option.
    cid=-
    while [[ $cid == -* ]]; do
      cid=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | cut -c1-22)
    done
    kafka_java kafka.tools.StorageTool format --cluster-id="$cid" --config="$KAFKA_DIR/server.properties" \
      --ignore-formatted >"$KAFKA_DIR/logs/format.out" 2>&1 ||
      die_with_log "formatting kafka storage failed" "$KAFKA_DIR/logs/format.out" "$KAFKA_DIR/logs/tools/server.log"
  fi

  local offset=0 t0
  [[ -f $KAFKA_LOG ]] && offset=$(stat -c %s "$KAFKA_LOG")
  t0=$(now)
  # setsid: no controlling terminal, so closing the shell or Ctrl-C does not reach it.
  # 9>&- : the broker must not inherit (and hold) the stack lock.
  (
    cd "$KAFKA_DIR"
    exec setsid "$JAVA_BIN" -Xms"$KAFKA_HEAP" -Xmx"$KAFKA_HEAP" -server -XX:+UseG1GC \
      -XX:MaxGCPauseMillis=20 -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true \
      -Dkafka.logs.dir="$KAFKA_DIR/logs" \
      -Dlog4j.configuration="file:$SCRIPT_DIR/kafka-log4j.properties" \
      -cp "$KAFKA_DIR/lib-$KAFKA_VERSION/*" "$KAFKA_MAIN" "$KAFKA_DIR/server.properties"
  ) </dev/null >"$KAFKA_DIR/logs/kafka.out" 2>&1 9>&- &
  pid=$!
  echo "$pid" >"$KAFKA_PID"
  echo "$KAFKA_PORT $KAFKA_CONTROLLER_PORT" >"$KAFKA_PORTS"
  kafka_wait "$pid" "$offset" "$t0" start
}

kafka_wait() { # pid log-offset t0 start|reuse
  local pid=$1 offset=$2 t0=$3 mode=$4 started=
  local deadline=$((SECONDS + START_TIMEOUT))
  while :; do
    proc_alive "$pid" ||
      die_with_log "kafka (pid $pid) exited during startup" "$KAFKA_LOG" "$KAFKA_DIR/logs/kafka.out"
    if [[ $mode == start && -z $started ]]; then
      [[ -f $KAFKA_LOG ]] && (($(stat -c %s "$KAFKA_LOG") < offset)) && offset=0 # rolled over
      grep -q 'Kafka Server started' <(tail -c +"$((offset + 1))" "$KAFKA_LOG" 2>/dev/null) && started=1
    else
      started=1
    fi
    if [[ -n $started ]] && kafka_probe "$KAFKA_PORT"; then
      report_ready kafka "$mode" "$t0" "$pid" "$HOST:$KAFKA_PORT"
      return 0
    fi
    ((SECONDS < deadline)) ||
      die_with_log "kafka (pid $pid) not ready on $HOST:$KAFKA_PORT after ${START_TIMEOUT}s" "$KAFKA_LOG" "$KAFKA_DIR/logs/kafka.out"
    sleep 0.2
  done
}

kafka_down() {
  # shellcheck disable=SC2046
  stop_server kafka "$KAFKA_PID" "$KAFKA_MAIN" $(kafka_recorded_ports)
  rm -f "$KAFKA_PORTS"
}

kafka_status() {
  local pid ports
  read -r -a ports <<<"$(kafka_recorded_ports)"
  if pid=$(live_pid "$KAFKA_PID" "$KAFKA_MAIN"); then
    local health=unhealthy
    kafka_probe "${ports[0]}" && health=ok
    printf '%-14s %-8s pid %-8s %s:%s (controller %s)  health %s  log %s\n' kafka running "$pid" \
      "$HOST" "${ports[0]}" "${ports[1]}" "$health" "$KAFKA_LOG"
    [[ $health == ok ]]
  else
    local note=
    port_open "${ports[0]}" && note="  (port ${ports[0]} is taken by another process)"
    printf '%-14s %-8s %s:%s%s\n' kafka stopped "$HOST" "${ports[0]}" "$note"
    return 1
  fi
}

# ---------------------------------------------------------------- elasticsearch

ES_STATE=$DATA_DIR/elasticsearch # our pid copy and a pointer to where ES lives
ES_PID=$ES_STATE/elasticsearch.pid
ES_PORTFILE=$ES_STATE/elasticsearch.port
ES_BASE_FILE=$ES_STATE/base
CLUSTER_NAME=liaowang-local

es_base() { # where install/data/logs live: normally $ES_STATE, see es_choose_base
  if [[ -s $ES_BASE_FILE ]]; then cat "$ES_BASE_FILE"; else printf '%s' "$ES_STATE"; fi
}

es_port() { if [[ -s $ES_PORTFILE ]]; then cat "$ES_PORTFILE"; else printf '%s' "$ES_PORT"; fi; }

# ES refuses to run as root. As root, run it as a system user, which must be able to
# reach its files: if a parent of the data dir is closed to others (say a repo in root's
# home), ES lives in a root-made directory outside it instead, and we say so.
es_choose_base() {
  ES_BASE=$ES_STATE
  if is_root; then
    if ! id -u "$ES_USER" >/dev/null 2>&1; then
      useradd --system --user-group --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin "$ES_USER" >/dev/null ||
        die "could not create the system user $ES_USER (Elasticsearch refuses to run as root)"
    fi
    chmod o+x "$DATA_DIR" "$ES_STATE" # our own dirs; parents above are left alone
    if ! runuser -u "$ES_USER" -- test -x "$ES_STATE" 2>/dev/null; then
      ES_BASE=/var/lib/liaowang-es/$(printf '%s' "$DATA_DIR" | sha1sum | cut -c1-12)
      mkdir -p "$ES_BASE"
      chmod 755 /var/lib/liaowang-es "$ES_BASE"
      echo "note: user $ES_USER cannot reach $ES_STATE (a parent directory is closed);" \
        "elasticsearch lives in $ES_BASE instead"
    fi
  fi
  if [[ $ES_BASE == "$ES_STATE" ]]; then rm -f "$ES_BASE_FILE"; else printf '%s' "$ES_BASE" >"$ES_BASE_FILE"; fi
}

# Cluster health at least yellow, and the header the official client insists on.
es_probe() { # port
  local r
  r=$(curl -sS -i -m 3 "http://$HOST:$1/_cluster/health?wait_for_status=yellow&timeout=1s" 2>/dev/null) || return 1
  [[ $r =~ ^HTTP/[0-9.]+\ 200 ]] || return 1
  grep -qi '^x-elastic-product: *Elasticsearch' <<<"$r"
}

es_health() { # port -> green|yellow|red|unreachable|not-elasticsearch
  local r
  r=$(curl -sS -i -m 3 "http://$HOST:$1/_cluster/health" 2>/dev/null) || { echo unreachable; return; }
  grep -qi '^x-elastic-product: *Elasticsearch' <<<"$r" || { echo not-elasticsearch; return; }
  [[ $r =~ \"status\":\"([a-z]+)\" ]] && echo "${BASH_REMATCH[1]}" || echo unknown
}

es_fetch() {
  local home=$ES_BASE/elasticsearch-$ES_VERSION
  [[ -d $home ]] && return 0 # unpacked already: no Maven at all
  local t0 dl=$DATA_DIR/downloads tmp=$ES_BASE/.unpack.tmp
  t0=$(now)
  run_maven "elasticsearch $ES_VERSION" dependency:copy -Dartifact="$ES_ARTIFACT:$ES_VERSION:zip" \
    -Dtransitive=false -DoutputDirectory="$dl"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  unzip -q "$dl/elasticsearch-$ES_VERSION.zip" -d "$tmp" ||
    die "could not unzip $dl/elasticsearch-$ES_VERSION.zip"
  mv "$tmp/elasticsearch-$ES_VERSION" "$home"
  rm -rf "$tmp" "$dl/elasticsearch-$ES_VERSION.zip" # the zip stays in ~/.m2
  rmdir "$dl" 2>/dev/null || true
  echo "elasticsearch $ES_VERSION fetched in $(since "$t0")"
}

es_write_config() {
  cat >"$ES_BASE/elasticsearch-$ES_VERSION/config/elasticsearch.yml" <<EOF
# Written by stack.sh on every start; edit the script, not this file.
cluster.name: $CLUSTER_NAME
node.name: $CLUSTER_NAME
discovery.type: single-node
network.host: $HOST
http.port: $ES_PORT
path.data: "$ES_BASE/data"
path.logs: "$ES_BASE/logs"
path.repo: ["$ES_BASE/snapshots"]
xpack.security.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
EOF
}

es_up() {
  local pid
  if pid=$(live_pid "$ES_PID" "$ES_MAIN"); then
    [[ $(es_port) == "$ES_PORT" ]] ||
      die "elasticsearch (pid $pid) runs on port $(es_port), not $ES_PORT; run 'stack.sh down elasticsearch' first"
    es_wait "$pid" "$(now)" reuse
    return
  fi
  rm -f "$ES_PID" "$ES_PORTFILE"
  ! port_open "$ES_PORT" || die "port $HOST:$ES_PORT is taken by a process this script did not start (for elasticsearch; see ss -ltnp)"

  mkdir -p "$ES_STATE"
  resolve_java
  es_choose_base
  es_fetch
  local home=$ES_BASE/elasticsearch-$ES_VERSION
  mkdir -p "$ES_BASE/data" "$ES_BASE/logs" "$ES_BASE/tmp" "$ES_BASE/run" "$ES_BASE/snapshots"
  es_write_config
  rm -f "$ES_BASE/run/elasticsearch.pid"
  local as=()
  if is_root; then
    # ES writes its keystore into config/, so the whole install must be its own.
    find "$home" "$ES_BASE/data" "$ES_BASE/logs" "$ES_BASE/tmp" "$ES_BASE/run" "$ES_BASE/snapshots" \
      ! -user "$ES_USER" -exec chown "$ES_USER:$ES_USER" {} +
    as=(runuser -u "$ES_USER" --)
  fi

  local t0 out=$ES_BASE/logs/startup.out log=$ES_BASE/logs/$CLUSTER_NAME.log
  t0=$(now)
  # -d returns once the node has started; the server writes its pid with -p.
  # cwd = logs: the stock jvm.options writes gc.log and crash files to the cwd.
  # timeout: a hung start must not hang CI; killing the launcher also ends the server,
  # which exits when the launcher's pipe closes before it has detached.
  local rc=0
  (cd "$ES_BASE/logs" && exec "${as[@]}" timeout -k 10 "$START_TIMEOUT" env \
    ES_JAVA_HOME="$JAVA_HOME_DIR" ES_JAVA_OPTS="-Xms$ES_HEAP -Xmx$ES_HEAP" \
    ES_TMPDIR="$ES_BASE/tmp" "$home/bin/elasticsearch" -d -p "$ES_BASE/run/elasticsearch.pid") \
    </dev/null >"$out" 2>&1 9>&- || rc=$?
  case $rc in
    0) ;;
    124 | 137) die_with_log "elasticsearch did not start within ${START_TIMEOUT}s" "$log" "$out" ;;
    *) die_with_log "elasticsearch failed to start" "$log" "$out" ;;
  esac
  pid=$(cat "$ES_BASE/run/elasticsearch.pid" 2>/dev/null) ||
    die_with_log "elasticsearch wrote no pid file" "$log" "$out"
  echo "$pid" >"$ES_PID" # root-owned copy in the data dir: down/status trust only this
  echo "$ES_PORT" >"$ES_PORTFILE"
  es_wait "$pid" "$t0" start
}

es_wait() { # pid t0 start|reuse
  local pid=$1 t0=$2 mode=$3 base
  local deadline=$((SECONDS + START_TIMEOUT))
  base=$(es_base)
  while :; do
    live_pid "$ES_PID" "$ES_MAIN" >/dev/null ||
      die_with_log "elasticsearch (pid $pid) exited during startup" "$base/logs/$CLUSTER_NAME.log" "$base/logs/startup.out"
    if es_probe "$ES_PORT"; then
      report_ready elasticsearch "$mode" "$t0" "$pid" "http://$HOST:$ES_PORT"
      return 0
    fi
    ((SECONDS < deadline)) ||
      die_with_log "elasticsearch (pid $pid) not healthy on $HOST:$ES_PORT after ${START_TIMEOUT}s" "$base/logs/$CLUSTER_NAME.log"
    sleep 0.25
  done
}

es_down() {
  stop_server elasticsearch "$ES_PID" "$ES_MAIN" "$(es_port)"
  rm -f "$ES_PORTFILE"
}

es_status() {
  local pid port log
  port=$(es_port)
  log=$(es_base)/logs/$CLUSTER_NAME.log
  if pid=$(live_pid "$ES_PID" "$ES_MAIN"); then
    local health
    health=$(es_health "$port")
    printf '%-14s %-8s pid %-8s http://%s:%s  health %s  log %s\n' elasticsearch running "$pid" \
      "$HOST" "$port" "$health" "$log"
    [[ $health == green || $health == yellow ]]
  else
    local note=
    port_open "$port" && note="  (port $port is taken by another process)"
    printf '%-14s %-8s http://%s:%s%s\n' elasticsearch stopped "$HOST" "$port" "$note"
    return 1
  fi
}

# ---------------------------------------------------------------- both

stop_server() { # name pidfile main-class port...
  local name=$1 pidf=$2 main=$3 pid t0
  shift 3
  if ! pid=$(live_pid "$pidf" "$main"); then
    rm -f "$pidf"
    echo "$name not running"
    return 0
  fi
  t0=$(now)
  kill -TERM "$pid" 2>/dev/null || die "cannot signal $name (pid $pid): started by another user?"
  local deadline=$((SECONDS + STOP_TIMEOUT))
  while live_pid "$pidf" "$main" >/dev/null; do
    if ((SECONDS >= deadline)); then
      err "$name (pid $pid) ignored SIGTERM for ${STOP_TIMEOUT}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.2
  done
  rm -f "$pidf"
  wait_ports_free 15 "$@" || die "$name stopped, but port(s) $* on $HOST are still taken"
  echo "$name stopped in $(since "$t0")"
}

usage() {
  sed -n '5,7p' "$0" | sed 's/^# *//' >&2
  exit 2
}

main() {
  local cmd=${1:-} targets=()
  [[ -n $cmd ]] || usage
  shift
  case ${1:-all} in
    all) targets=(kafka es) ;;
    kafka) targets=(kafka) ;;
    es | elasticsearch) targets=(es) ;;
    *) usage ;;
  esac
  check_port_var KAFKA_PORT "$KAFKA_PORT"
  check_port_var KAFKA_CONTROLLER_PORT "$KAFKA_CONTROLLER_PORT"
  check_port_var ES_PORT "$ES_PORT"
  [[ $KAFKA_PORT != "$KAFKA_CONTROLLER_PORT" ]] || die "KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ"

  local t rc=0
  case $cmd in
    up)
      lock
      for t in "${targets[@]}"; do "${t}_up"; done
      ;;
    down)
      lock
      for t in "${targets[@]}"; do "${t}_down"; done
      ;;
    status)
      for t in "${targets[@]}"; do "${t}_status" || rc=3; done
      ;;
    *) usage ;;
  esac
  return "$rc"
}

main "$@"
