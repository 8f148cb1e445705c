#!/usr/bin/env python3
"""Per-document shuffle and cache figures of a Winnow run on Spark, from its event log.

    python3 bench/spark-eventlog.py EVENT_LOG_DIR_OR_FILE DOCUMENTS

Prints, per stage that shuffles, its name, tasks, shuffle bytes written and read, and records; then the totals and
the bytes per input document; and the largest size of each persisted RDD (memory + disk) the stages reported.
"""
import collections, glob, json, os, subprocess, sys

path, docs = sys.argv[1], int(sys.argv[2])
files = sorted(glob.glob(os.path.join(path, "**", "*"), recursive=True)) if os.path.isdir(path) else [path]
stages = collections.defaultdict(collections.Counter)
names, cached, blocks = {}, {}, {}
for f in files:
    if os.path.isdir(f) or os.path.basename(f).startswith((".", "appstatus")): continue
    lines = subprocess.run(["zstd", "-dc", f], capture_output=True, text=True, check=True).stdout.splitlines() \
        if f.endswith(".zstd") else open(f)
    for line in lines:
        e = json.loads(line)
        if e["Event"] == "SparkListenerTaskEnd":
            m = e.get("Task Metrics") or {}
            st = stages[e["Stage ID"]]
            sw, sr = m.get("Shuffle Write Metrics", {}), m.get("Shuffle Read Metrics", {})
            st["tasks"] += 1
            st["shuffle_write"] += sw.get("Shuffle Bytes Written", 0)
            st["records_written"] += sw.get("Shuffle Records Written", 0)
            st["shuffle_read"] += sr.get("Remote Bytes Read", 0) + sr.get("Local Bytes Read", 0)
            st["spilled"] += m.get("Disk Bytes Spilled", 0)
            st["result"] += m.get("Result Size", 0)
        elif e["Event"] == "SparkListenerBlockUpdated":
            # with spark.eventLog.logBlockUpdates.enabled: each cached partition's size, per RDD
            b = e["Block Updated Info"]
            bid = b["Block ID"]
            if bid.startswith("rdd_"):
                rdd = int(bid.split("_")[1])
                size = b.get("Memory Size", 0) + b.get("Disk Size", 0)
                blocks.setdefault(rdd, {})[bid] = size
                cached[rdd] = max(cached.get(rdd, 0), sum(blocks[rdd].values()))
        elif e["Event"] == "SparkListenerStageCompleted":
            i = e["Stage Info"]
            names[i["Stage ID"]] = i["Stage Name"]
            for r in i["RDD Info"]:
                size = r.get("Memory Size", 0) + r.get("Disk Size", 0)
                if size: cached[r["RDD ID"]] = max(cached.get(r["RDD ID"], 0), size)
total = collections.Counter()
for s in sorted(stages):
    st = stages[s]
    total.update(st)
    if st["shuffle_write"] or st["shuffle_read"]:
        print(f"stage {s:4d} {names.get(s, '?')[:48]:48s} tasks {st['tasks']:5d} write {st['shuffle_write']:10d} "
              f"read {st['shuffle_read']:10d} records {st['records_written']:9d}")
print(f"stages {len(stages)}, tasks {total['tasks']}, shuffle written {total['shuffle_write']} B, read {total['shuffle_read']} B, "
      f"records {total['records_written']}, spilled {total['spilled']} B, task results to the driver {total['result']} B")
print(f"per input document ({docs}): shuffle written {total['shuffle_write'] / docs:.0f} B, "
      f"records {total['records_written'] / docs:.1f}, task results {total['result'] / docs:.0f} B")
print(f"persisted RDDs (largest size seen, memory + disk): {sum(cached.values())} B = {sum(cached.values()) / docs:.0f} B per document "
      + str(sorted(cached.items())))
