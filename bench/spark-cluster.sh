#!/usr/bin/env bash
# A Spark standalone cluster on this machine, started from the Spark jars Maven has: a Master and two Workers bound
# to 127.0.0.1 (free ports, work directories in a temporary folder), the job jar submitted in client mode through
# Spark's own SparkSubmit class, and, per scenario, one worker killed with SIGKILL (with its executor) at a chosen
# point of the run. Each run directory is then compared with the local engine's run of the same pipeline, byte for
# byte (statistics without their timings).
#
#   bash bench/spark-cluster.sh [SCENARIO...]
#     none     no kill (also the shading check: Parquet and zstd written by the cluster's class path)
#     observe  kill when the first dedup step's observe pass has left its first stage file
#     dedup    kill when the last dedup step's observe pass is complete (connected components running)
#     final    kill when the first shard of the final pass is complete
#   default: none final dedup observe. Exit status 1 when any scenario failed or differed.
#
# The SPARK_HOME is the jars/ folder of bench/spark-cluster/pom.xml (Spark 4.2 core, its Hadoop client, parquet-mr
# 1.17.0 and zstd-jni 1.5.7-7 as a distribution has them). SKIP_BUILD=1 reuses the built jars; KEEP=1 leaves the
# work folder (printed) for a look at the logs; DEPLOY_MODE=cluster submits the driver to the cluster instead;
# JOB_JAR=path runs another job jar (e.g. one built without the relocations, to see the Parquet files differ);
# DRIVER_OPTS='' starts the driver without the --add-opens flags (in cluster mode it then stops with a message).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
scenarios=("$@")
[[ ${#scenarios[@]} -gt 0 ]] || scenarios=(none final dedup observe)
deploy="${DEPLOY_MODE:-client}"
work=$(mktemp -d /tmp/winnow-spark-cluster.XXXXXX)
pids=()
cleanup() {
  trap - EXIT
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if [[ -z "${KEEP:-}" ]]; then rm -rf "$work"; else echo "work folder: $work"; fi
}
trap cleanup EXIT

opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true"

if [[ -z "${SKIP_BUILD:-}" ]]; then
  mvn -B -q -o -pl winnow-cli,winnow-spark -am package -DskipTests >&2
fi
job="${JOB_JAR:-$repo/winnow-spark/target/winnow-spark.jar}"
cli="$repo/winnow-cli/target/winnow.jar"

# SPARK_HOME/jars: Maven copies the distribution's jars (offline when they are in the local repository)
export SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
(cd bench/spark-cluster && { mvn -B -q -o dependency:copy-dependencies -DoutputDirectory="$SPARK_HOME/jars" >/dev/null 2>&1 \
  || mvn -B -q dependency:copy-dependencies -DoutputDirectory="$SPARK_HOME/jars" >&2; })
mkdir -p "$SPARK_HOME/conf"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { # wait_for FILE PATTERN SECONDS
  for _ in $(seq 1 $(( $3 * 5 ))); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.2; done
  echo "timed out waiting for '$2' in $1" >&2; tail -20 "$1" >&2; return 1
}

# input: six shards of real web documents (the shipped fixtures), the last two repeating others exactly and with
# an edit, so that both dedup steps remove documents across shards
mkdir -p "$work/in"
python3 - "$work/in" <<'PY'
import gzip, json, sys, os
out = sys.argv[1]
docs = [json.loads(l) for l in gzip.open("winnow-core/src/test/resources/fixtures/filters-dev-300.jsonl.gz", "rt") if l.strip()]
docs += [json.loads(l) for l in gzip.open("examples/data/cc-main-2019-30-sample-200.jsonl.gz", "rt") if l.strip()]
for d in docs: d.setdefault("id", str(len(d)))
for s in range(4):
    with open(os.path.join(out, f"shard-{s}.jsonl"), "w") as f:
        for d in docs[s::4]: f.write(json.dumps(d) + "\n")
with open(os.path.join(out, "shard-4.jsonl"), "w") as f, open(os.path.join(out, "shard-5.jsonl"), "w") as g:
    for i, d in enumerate(docs[::5]):
        f.write(json.dumps(dict(d, id=f"{d['id']}-copy")) + "\n")
        g.write(json.dumps(dict(d, id=f"{d['id']}-edited", text=d["text"] + " Read more.")) + "\n")
PY
shards=$(ls "$work/in" | wc -l)
pipeline() { # pipeline OUT: Parquet output (parquet-mr and zstd-jni on the cluster's class path), both dedups
  cat <<YAML
input: {paths: ['$work/in']}
steps:
  - gopher_repetition
  - {type: exact_dedup}
  - gopher_quality
  - {type: minhash_dedup, keeper: longest}
  - {type: c4, filter_no_terminal_punct: false}
  - fineweb_quality
output: {path: '$1', format: parquet, compression: zstd}
YAML
}
pipeline "$work/run-local" > "$work/local.yaml"
java -Xmx1g -jar "$cli" run "$work/local.yaml" --progress none > "$work/local.out"

mport=$(free_port)
java -Xmx256m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$mport" \
  --webui-port "$(free_port)" > "$work/master.log" 2>&1 &
pids+=($!)
wait_for "$work/master.log" "I have been elected leader" 60
master="spark://127.0.0.1:$mport"
declare -A workers
# in cluster deploy mode a worker also runs the driver (one core of its own)
worker_cores=1 && [[ $deploy == cluster ]] && worker_cores=2
start_worker() { # start_worker N
  mkdir -p "$work/worker-$1"
  java -Xmx256m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port "$(free_port)" \
    --webui-port "$(free_port)" --cores "$worker_cores" --memory 1500m --work-dir "$work/worker-$1" "$master" > "$work/worker-$1.log" 2>&1 &
  workers[$1]=$!
  pids+=($!)
  wait_for "$work/worker-$1.log" "Successfully registered with master" 60
}
start_worker 1
start_worker 2

# the point of the run at which a worker dies, read from the run directory the job writes
reached() { # reached SCENARIO OUT
  case $1 in
    observe) compgen -G "$2/corpus/exact_dedup/stage/part-*" > /dev/null ;;
    dedup) [[ $(compgen -G "$2/corpus/minhash_dedup/stage/part-*" | wc -l) -ge $shards ]] ;;
    final) compgen -G "$2/completions/part-*" > /dev/null ;;
    *) return 1 ;;
  esac
}
kill_worker() { # kill_worker N: the worker JVM and the executors it started, as a machine that goes away
  local w=${workers[$1]} children
  children=$(pgrep -P "$w" || true)
  kill -9 "$w" $children 2>/dev/null || true
}

status=0
echo "scenario  killed-at       run      run directory vs local engine"
for scenario in "${scenarios[@]}"; do
  out="$work/run-$scenario"
  events="$work/events-$scenario" && mkdir -p "$events"
  pipeline "$out" > "$work/$scenario.yaml"
  submit=(java -Xmx1g $opens -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit --master "$master"
    --deploy-mode "$deploy" --class io.winnow.spark.SparkMain --executor-memory 1g
    --conf spark.driver.host=127.0.0.1 --conf spark.ui.port="$(free_port)"
    --conf spark.driver.extraJavaOptions="${DRIVER_OPTS-$opens}"
    --conf spark.eventLog.enabled=true --conf spark.eventLog.dir="file://$events" --conf spark.eventLog.logBlockUpdates.enabled=true)
  if [[ $deploy == cluster ]]; then
    # the driver starts in a worker's folder: the pipeline file travels with --files and is named without a folder
    submit+=(--conf spark.standalone.submit.waitAppCompletion=true --files "$work/$scenario.yaml" "$job" "$scenario.yaml")
  else
    submit+=("$job" "$work/$scenario.yaml")
  fi
  start=$(date +%s.%N)
  "${submit[@]}" > "$work/$scenario.out" 2> "$work/$scenario.err" &
  driver=$!
  pids+=($driver)
  killed="-"
  if [[ $scenario != none ]]; then
    while kill -0 "$driver" 2>/dev/null && ! reached "$scenario" "$out"; do sleep 0.1; done
    if kill -0 "$driver" 2>/dev/null; then
      # never the worker running the driver (cluster deploy mode): a lost driver is a lost application
      victim=1
      [[ -n $(find "$work/worker-1" -maxdepth 1 -name 'driver-*' -newer "$work/$scenario.yaml") ]] && victim=2
      kill_worker $victim
      killed=$(printf '%.1fs' "$(echo "$(date +%s.%N) - $start" | bc -l)")
    fi
  fi
  if wait "$driver" && [[ -f "$out/stats.json" ]]; then result=ok; else result=FAILED; status=1; fi
  if [[ $result == ok ]]; then
    python3 bench/spark-compare.py "$work/run-local" "$out" > "$work/$scenario.cmp" || status=1
    cmp=$(cat "$work/$scenario.cmp")
  else
    cmp="($(cat "$work/$scenario.err" "$work"/worker-*/driver-*/stderr 2>/dev/null | grep -o 'winnow: .*\|Exception: .*' | tail -1 | cut -c1-140 || true))"
  fi
  printf '%-9s %-15s %-8s %s\n' "$scenario" "$killed" "$result" "$cmp"
  # the killed worker comes back for the next scenario
  if [[ $killed != "-" ]]; then start_worker $victim; fi
done
exit $status
