"""Helpers the bench scripts share: timing, peak memory, child processes, figures and the table.

Every benchmark prints its results as lines ``FIGURE name value unit target`` (target ``-`` when
there is none) so that ``bench/run`` can collect them into one table; the human-readable lines around
them are free-form. Sizes are measured in a child process each, so that the peak memory of one size
is not hidden by the peak of an earlier one (``ru_maxrss`` only ever grows).
"""
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds" / "corpus"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MB = 1_000_000


def best_of(fn, repeat=3):
    """(best wall seconds, last result) of ``repeat`` calls: the best is the least disturbed by a shared machine."""
    best, result = None, None
    for _ in range(max(1, repeat)):
        t = time.perf_counter()
        result = fn()
        d = time.perf_counter() - t
        best = d if best is None or d < best else best
    return best, result


def rss_mb():
    """Current resident set size of this process in MB (Linux /proc), else the peak."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return peak_rss_mb()


def peak_rss_mb(children=False):
    """Peak resident set size in MB.

    For this process, VmHWM from /proc: Linux carries ``ru_maxrss`` over fork and exec, so a child
    started by a big parent would report the parent's peak; VmHWM belongs to the new address space.
    For children (``children=True``) ``ru_maxrss`` of the largest waited-for child, in KB on Linux.
    """
    if not children:
        try:
            with open("/proc/self/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) / 1024
        except OSError:
            pass
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024


def cpu_seconds():
    """User + system CPU time of this process and its waited-for children."""
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def emit(result):
    """A child's answer: one JSON line after a marker, read by :func:`run_child`."""
    sys.stdout.flush()
    print("CHILD-RESULT " + json.dumps(result), flush=True)


def run_child(script, *args, timeout=3600):
    """Run ``script --child ARGS`` with the same interpreter; returns the dict it emitted.

    A failing child raises RuntimeError with the tail of its stderr, so a broken benchmark says why.
    """
    cmd = [sys.executable, str(script), "--child", *map(str, args)]
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    for line in p.stdout.splitlines():
        if line.startswith("CHILD-RESULT "):
            return json.loads(line[len("CHILD-RESULT "):])
    raise RuntimeError(f"{' '.join(cmd)} failed (exit {p.returncode}):\n{p.stderr[-2000:]}")


def figure(name, value, unit, target="-"):
    """Print one collectable figure. ``target`` is a string such as ``>=2`` or ``<=3`` (or ``-``)."""
    if isinstance(value, float):
        value = f"{value:.4g}" if abs(value) < 1000 else f"{value:.0f}"
    print(f"FIGURE {name} {value} {unit} {target or '-'}", flush=True)


def meets(value, target):
    """True/False if ``value`` satisfies ``target`` (``>=x``, ``<=x``), None when there is no target."""
    if not target or target == "-":
        return None
    try:
        v = float(value)
        if target.startswith(">="):
            return v >= float(target[2:])
        if target.startswith("<="):
            return v <= float(target[2:])
    except ValueError:
        return None
    return None


def table(rows, headers):
    """Plain aligned text table (strings)."""
    rows = [[str(c) for c in r] for r in rows]
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    return "\n".join([line(headers), line(["-" * w for w in widths])] + [line(r) for r in rows])


def machine():
    """One line: cores, CPU model, Python, load average (other people share the machine)."""
    cpu = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((ln.split(":", 1)[1].strip() for ln in f if ln.startswith("model name")), cpu)
    except OSError:
        pass
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"nproc={os.cpu_count()} cpu={cpu!r} python={platform.python_version()} load={load}"


def seed_sentences():
    """Sentences of the seed articles (body text only, header lines left out), in a fixed order."""
    from extract.sentences import split_en

    out = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        body = text.split("\n\n", 1)[1] if "\n\n" in text else text
        out += [s.text.strip() for s in split_en(body) if len(s.text.strip()) > 20]
    return out


def make_corpus(folder, mb, seed=1, doc_kb=20):
    """Write about ``mb`` MB of English articles into ``folder``, from the seed sentences shuffled
    across documents with a fixed random seed; every document has a dated header and distinct content.

    Returns (number of documents, bytes written). Deterministic for a given (mb, seed, doc_kb).
    """
    import random

    rng = random.Random(seed)
    sentences = seed_sentences()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    total, n, target = 0, 0, int(mb * MB)
    while total < target:
        n += 1
        year, month, day = 2019 + n % 7, 1 + n % 12, 1 + n % 28
        parts = [f"Topics:\nBench Article {n}\nDate: {year}-{month:02d}-{day:02d}\nSource: Bench\n"]
        size = 0
        while size < doc_kb * 1000:
            para = " ".join(rng.choice(sentences) for _ in range(rng.randint(3, 7)))
            parts.append(para)
            size += len(para) + 2
        data = "\n\n".join(parts).encode("utf-8") + b"\n"
        (folder / f"doc{n:06d}.txt").write_bytes(data)
        total += len(data)
    return n, total


def read_corpus(folder):
    return [p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.txt"))]
