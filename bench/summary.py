"""Prints bench/run's tables from bench/work/results.txt.

    python3 bench/summary.py WORK JDK RUNS CORPUS...

results.txt has one line per compile: corpus setup user-s sys-s wall-s peak-RSS-KB live-heap-MB
(the last is missing in results from before it was measured). Medians over the runs of each setup.
Memory is judged on the live heap, the largest heap left after a garbage collection: the peak RSS
follows the collector's choice of heap size, which moves by half between two runs of one setup. Ratios come two ways: of the medians, and
paired (the median of run i of one setup over run i of the other: the setups alternate, so a pair
ran side by side and shares the machine's load of that moment). Verdicts use the paired ratio.
"""
import os
import re
import statistics
import sys

BASE = ["javac", "listener", "noop", "checks", "default"]
PEERS = ["errorprone", "checker"]
# DESIGN.md §9: the budgets the checks are held to. §9 measures the checks alone against javac
# alone, but javac keeps comments and end positions for every file once any TaskListener exists,
# and §8 makes the checks a TaskListener: the floor every plugin pays. The matching baseline of
# the checks is therefore javac with an idle plugin (listener); checks/javac is shown too.
TARGET_NO_PINS = 1.03   # checks/listener and default/noop CPU on code without pins
TARGET_DENSE = 1.10     # checks/listener CPU on code dense with pinned types
TARGET_MEMORY = 1.03    # peak memory (the live heap) against the matching baseline


def read_results(work):
    by = {}
    with open(os.path.join(work, "results.txt")) as f:
        for line in f:
            corpus, setup, user, system, wall, rss, *heap = line.split()
            by.setdefault((corpus, setup), []).append(
                (float(user) + float(system), float(wall), int(rss), int(heap[0]) if heap else 0))
    return {key: {"cpu": statistics.median(r[0] for r in v),
                  "wall": statistics.median(r[1] for r in v),
                  "rss": statistics.median(r[2] for r in v) / 1024,
                  "heap": statistics.median(r[3] for r in v),
                  "runs": v,
                  "n": len(v)} for key, v in by.items()}


CPU, RSS, HEAP = 0, 2, 3  # indexes into a run's figures


def paired(x, y, index):
    """Run-by-run ratios of x over y (CPU, RSS or HEAP), as (median, lowest, highest); None
    when a run lacks the figure."""
    pairs = list(zip(x["runs"], y["runs"]))
    if any(not a[index] or not b[index] for a, b in pairs):
        return None
    ratios = [a[index] / b[index] for a, b in pairs]
    return statistics.median(ratios), min(ratios), max(ratios)


def read_lines(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def corpus_size(work, corpus):
    files = read_lines(os.path.join(work, "corpus", corpus, "files.txt"))
    lines = 0
    for name in files:
        with open(name, "rb") as f:
            lines += f.read().count(b"\n")
    return len(files), lines


def label(work, corpus):
    found = read_lines(os.path.join(work, "corpus", corpus, "label"))
    return found[0] if found else corpus


def verdict(value, limit):
    return "met" if value <= limit else "MISSED"


def ratio_line(med, corpus, a, b, cpu_limit):
    x, y = med.get((corpus, a)), med.get((corpus, b))
    if not x or not y:
        return None
    cpu, low, high = paired(x, y, CPU)
    rss = paired(x, y, RSS)[0]
    heap = paired(x, y, HEAP)
    text = (f"{a + '/' + b:16} CPU {cpu:.3f} (runs {low:.2f}-{high:.2f}; medians"
            f" {x['cpu'] / y['cpu']:.3f})  RSS {rss:.3f}")
    if heap:
        text += f"  live heap {heap[0]:.3f}"
    if cpu_limit:
        memory, name = (heap[0], "live heap") if heap else (rss, "RSS")
        text += (f"   target CPU <= {cpu_limit:.2f}: {verdict(cpu, cpu_limit)};"
                 f" {name} <= {TARGET_MEMORY:.2f}: {verdict(memory, TARGET_MEMORY)}")
    return text


def print_corpus(work, med, failed, corpus):
    files, lines = corpus_size(work, corpus)
    print(f"\ncorpus {corpus}: {label(work, corpus)} ({files:,} files, {lines:,} lines)")
    print(f"{'setup':12} {'cpu s':>8} {'wall s':>8} {'peak RSS MB':>12} {'live heap MB':>13}"
          f" {'runs':>5}")
    for setup in BASE + PEERS:
        m = med.get((corpus, setup))
        if m:
            heap = f"{m['heap']:13.0f}" if m["heap"] else f"{'-':>13}"
            print(f"{setup:12} {m['cpu']:8.2f} {m['wall']:8.2f} {m['rss']:12.0f} {heap}"
                  f" {m['n']:5}")
    dense = corpus.startswith("dense")
    limit = TARGET_DENSE if dense else TARGET_NO_PINS
    for a, b, cpu_limit in [("checks", "listener", limit), ("checks", "javac", None),
                            ("listener", "javac", None),
                            ("default", "noop", None if dense else limit),
                            ("errorprone", "javac", None), ("checker", "javac", None),
                            ("checker", "noop", None)]:
        line = ratio_line(med, corpus, a, b, cpu_limit)
        if line:
            print(line)
    for line in failed:
        if line.split()[0] == corpus:
            print(line.split(" ", 1)[1])
    print_stats(work, med, corpus)


def own_time(work, corpus):
    """(classes checked, pinned types, ms, ms of the whole compilation) from the stats compile's
    note, or None. The last is 0 for notes that do not give it."""
    for line in read_lines(os.path.join(work, "log", corpus + "-stats.txt")):
        found = re.search(r"pinning: (\d+) classes checked, (\d+) pinned types found, (\d+) ms", line)
        if found:
            whole = re.search(r"of the (\d+) ms (?:of CPU the compiling thread used|this compilation took)",
                              line)
            return tuple(int(x) for x in found.groups()) + (int(whole.group(1)) if whole else 0,)
    return None


def class_files_read(work, corpus):
    """', N class files read' from the stats note: those the checks opened themselves for the
    type annotations javac does not show before JDK 22; '' for notes that do not say."""
    for line in read_lines(os.path.join(work, "log", corpus + "-stats.txt")):
        found = re.search(r"(\d+) class files read for their type annotations", line)
        if found:
            return f", {found.group(1)} class files read for their type annotations"
    return ""


def print_stats(work, med, corpus):
    """The checks' own time, and the projections the default setup compiles on top."""
    stats = own_time(work, corpus)
    if stats and (corpus, "javac") in med:
        classes, pinned, ms, whole = stats
        share = ms / 1000 / med[(corpus, "javac")]["cpu"]
        print(f"checks' own CPU time (-Xplugin:Pinning stats=true): {ms / 1000:.2f} s,"
              f" {share:.1%} of javac's median CPU; {classes} classes checked, {pinned} pinned types"
              f"{class_files_read(work, corpus)}")
        if whole:
            # The compiling thread's CPU time, for both: other processes and the collector's
            # pauses count in neither.
            print(f"  in that compile: {ms / whole:.1%} of the {whole / 1000:.1f} s of CPU its"
                  f" thread used (the share least moved by the machine's noise)")
    generated = []
    for root, _, names in os.walk(os.path.join(work, "out", corpus + "-default")):
        generated += [os.path.join(root, n) for n in names if n.endswith("Projection.java")]
    if generated:
        lines = sum(open(f, "rb").read().count(b"\n") for f in generated)
        print(f"default also compiles the {len(generated)} projections it generates ({lines:,} lines)")


def print_growth(work, med, corpora):
    """The scaling table: how the checks' cost grows with the size of the dense corpus."""
    sizes = [(int(c.split("-")[1]), c) for c in corpora]
    print("\ngrowth of the dense corpus (median CPU seconds; ratios paired; own s: the checks' own"
          " time, pin.stats, and its share of that compilation's time)")
    print(f"{'size':>4} {'lines':>7} {'javac':>7} {'listener':>9} {'checks':>7} {'noop':>7}"
          f" {'default':>8} {'checks/listener':>16} {'checks/javac':>13} {'default/noop':>13}"
          f" {'own s':>6} {'share':>6}")
    rows = {}
    shares = {}
    worst = 0
    for size, corpus in sizes:
        files, lines = corpus_size(work, corpus)
        j, l, n, c, d = (med[(corpus, s)]["cpu"]
                         for s in ["javac", "listener", "noop", "checks", "default"])
        rows[size] = (j, c)
        own = own_time(work, corpus)
        if own and own[3]:
            shares[size] = own[2] / own[3]
        over_listener = paired(med[(corpus, "checks")], med[(corpus, "listener")], CPU)[0]
        worst = max(worst, over_listener)
        print(f"{str(size) + 'x':>4} {lines:7} {j:7.2f} {l:9.2f} {c:7.2f} {n:7.2f} {d:8.2f}"
              f" {over_listener:16.3f}"
              f" {paired(med[(corpus, 'checks')], med[(corpus, 'javac')], CPU)[0]:13.3f}"
              f" {paired(med[(corpus, 'default')], med[(corpus, 'noop')], CPU)[0]:13.3f}"
              f" {own[2] / 1000 if own else float('nan'):6.2f}"
              f" {own[2] / own[3] if own and own[3] else float('nan'):6.1%}")
    small, large = min(rows), max(rows)
    units = large - small
    dj = (rows[large][0] - rows[small][0]) / units
    dc = (rows[large][1] - rows[small][1]) / units
    print(f"time per 1x unit, from {small}x to {large}x: javac {dj:.2f} s, checks {dc:.2f} s;"
          f" checks/javac on the added code {dc / dj:.3f}")
    # Linear: the checks' share of the compilation does not climb with size (the added code costs
    # what the first unit did). Judged on the checks' own share of the compiling thread's CPU, one
    # process and one clock; the difference of two medians' ratios moves by more than the 0.03
    # allowed between two runs of the same code, so it is shown for information only.
    grows = rows[large][1] / rows[large][0] - rows[small][1] / rows[small][0]
    print(f"checks/javac at {large}x minus at {small}x: {grows:+.3f} (two noisy ratios: for"
          f" information)")
    line = (f"targets: checks/listener <= {TARGET_DENSE:.2f} at every size:"
            f" {verdict(worst, TARGET_DENSE)} (worst {worst:.3f})")
    if small in shares and large in shares:
        climb = shares[large] - shares[small]
        line += (f"; linear growth (the checks' own share at {large}x not above {small}x by more"
                 f" than 1 point): {verdict(climb, 0.01)} ({climb * 100:+.1f} points)")
    print(line)


def main():
    work, jdk, runs, corpora = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    med = read_results(work)
    failed = read_lines(os.path.join(work, "failed.txt"))
    print(f"bench: corpus {' '.join(corpora)}; {jdk}; runs per setup: {runs}")
    if int(runs) < 5:
        print("fewer than 5 runs per setup: the ratios and verdicts below are mostly noise")
    for line in read_lines(os.path.join(work, "unavailable.txt")):
        print(line)
    for corpus in corpora:
        print_corpus(work, med, failed, corpus)
    if len(corpora) > 1:
        print_growth(work, med, corpora)


if __name__ == "__main__":
    main()
