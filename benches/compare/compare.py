"""Measure stance against scikit-learn and fastText on the same data, fairly.

Every row gives each tool the same number of threads (1, then 2), both linear
models the same feature budget (at most 20,000 features chosen by
chi-squared), and memory summed over every process a run starts. fastText is
tuned on a validation split of the training data. Classification is compared
like for like (the same statement texts for every tool), next to stance's
whole pipeline (extraction + classification), which the peers do not have.

The parent runs every measurement in a fresh child process and samples the
child's process tree for memory. Children are the stance binary or this
script in `worker` mode. Nothing is written into the repository unless
`--write-results` is given: work files go under a fresh /tmp folder and the
table is printed.
"""
import argparse
import csv
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ALPHAS = [0.1, 0.3, 1.0, 3.0]  # stance's default grid; scikit-learn's C = 1 / alpha
MAX_FEATURES = 20_000  # stance's default cap (FeatureParams::max_features)
# The fastText grid: 16 settings, chosen by macro-F1 on a validation split
# of the training data (never the test set). lr is fixed at 0.5.
FT_EPOCHS = (25, 50)
FT_CHARS = ((0, 0), (3, 6))
FT_DIMS = (50, 100)
FT_WORD_NGRAMS = (1, 2)
FT_VALIDATION_SHARE = 0.15


def read_csv(path, text="text", label="label"):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [r[text] for r in rows], [r.get(label) for r in rows]


def macro_f1(truth, pred):
    labels = sorted(set(truth))
    f1s = []
    for l in labels:
        tp = sum(1 for t, p in zip(truth, pred) if t == l and p == l)
        fp = sum(1 for t, p in zip(truth, pred) if t != l and p == l)
        fn = sum(1 for t, p in zip(truth, pred) if t == l and p != l)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return sum(f1s) / len(f1s)


# ---------------------------------------------------------------- models
def sk_pipeline(C=1.0, max_features=MAX_FEATURES):
    """tf-idf word 1-2-grams and char 2-5-grams inside word boundaries
    (sublinear tf, min_df 2), the best `max_features` by chi-squared, then
    L2-normalised rows and a balanced logistic regression: the budget and
    order of stance's vectorizer (select, then normalise the kept features)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.feature_selection import SelectKBest, chi2
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.preprocessing import Normalizer

    feats = FeatureUnion([
        ("w", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2, norm=None)),
        ("c", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2, norm=None)),
    ])
    return Pipeline([
        ("f", feats),
        ("k", SelectKBest(chi2, k=max_features)),
        ("n", Normalizer()),
        ("lr", LogisticRegression(C=C, class_weight="balanced", max_iter=200)),
    ])


def ft_clean(text):
    # fastText reads one example per line and splits on whitespace only.
    return " ".join(text.lower().split())


def ft_train(texts, labels, threads, **kw):
    import fasttext

    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        for t, l in zip(texts, labels):
            f.write(f"__label__{l} {ft_clean(t)}\n")
    try:
        return fasttext.train_supervised(f.name, lr=0.5, thread=threads, seed=42, verbose=0, **kw)
    finally:
        os.unlink(f.name)


def ft_predict(model, texts):
    labels, _ = model.predict([ft_clean(t) for t in texts], k=1)
    return [ls[0][len("__label__"):] for ls in labels]


def ft_tune(texts, labels, threads, limit=None):
    """Every grid setting trained on 85 % of the training rows and scored on
    the other 15 %; returns (best settings, their validation macro-F1, all)."""
    import random

    idx = list(range(len(texts)))
    random.Random(42).shuffle(idx)
    cut = int((1 - FT_VALIDATION_SHARE) * len(idx))
    tr, va = idx[:cut], idx[cut:]
    tried = []
    for epoch in FT_EPOCHS:
        for minn, maxn in FT_CHARS:
            for dim in FT_DIMS:
                for word_ngrams in FT_WORD_NGRAMS:
                    kw = dict(epoch=epoch, minn=minn, maxn=maxn, dim=dim, wordNgrams=word_ngrams)
                    m = ft_train([texts[i] for i in tr], [labels[i] for i in tr], threads, **kw)
                    f1 = macro_f1([labels[i] for i in va], ft_predict(m, [texts[i] for i in va]))
                    tried.append((f1, kw))
                    if limit and len(tried) >= limit:
                        return kw, f1, tried
    best = max(tried, key=lambda x: x[0])
    return best[1], best[0], tried


def load_model(tool, path):
    if tool == "sklearn":
        import pickle

        with open(path, "rb") as f:
            return pickle.load(f)
    import fasttext

    return fasttext.load_model(path)


def predict(tool, model, texts):
    if tool == "sklearn":
        return list(model.predict(texts))
    return ft_predict(model, texts)


def _warm(tool):
    # Imports the tool in a pool worker before the clock starts, and holds
    # the worker briefly so the other warm-up lands on the other worker.
    if tool == "sklearn":
        import sklearn.linear_model  # noqa: F401
    else:
        import fasttext  # noqa: F401
    time.sleep(0.5)
    return os.getpid()


def _predict_chunk(job):
    tool, path, texts = job
    return predict(tool, load_model(tool, path), texts)


# ---------------------------------------------------------------- workers
def worker(args):
    tool, task = args.tool, args.task
    out = {}
    if tool == "sklearn" and task == "train":
        import pickle

        from sklearn.model_selection import GridSearchCV, StratifiedKFold

        X, y = read_csv(args.data)
        grid = GridSearchCV(
            sk_pipeline(),
            {"lr__C": [1.0 / a for a in args.alphas]},
            cv=StratifiedKFold(args.folds, shuffle=True, random_state=42),
            scoring="f1_macro",
            n_jobs=args.threads,
        )
        grid.fit(X, y)
        best = grid.best_estimator_
        out["cv_macro_f1"] = grid.best_score_
        out["features_seen"] = int(best.named_steps["k"].n_features_in_)
        out["features"] = int(best.named_steps["k"].get_support().sum())
        with open(args.model, "wb") as f:
            pickle.dump(best, f)
    elif tool == "fasttext" and task == "train":
        X, y = read_csv(args.data)
        if args.config:
            kw = json.loads(args.config)
        else:
            kw, val_f1, tried = ft_tune(X, y, args.threads, args.ft_grid_max)
            out["validation_macro_f1"] = val_f1
            out["grid"] = [{"macro_f1": f, **k} for f, k in tried]
        out["config"] = kw
        ft_train(X, y, args.threads, **kw).save_model(args.model)
    elif task == "f1":
        X, y = read_csv(args.data)
        out["macro_f1"] = macro_f1(y, predict(tool, load_model(tool, args.model), X))
    elif task == "classify":
        # Timed like `stance classify --input`: read the CSV, load the model,
        # label every row, write the labels. Interpreter start and imports
        # are left out (stance's process start is a few milliseconds).
        if args.threads > 1:
            from joblib.externals.loky import get_reusable_executor

            pool = get_reusable_executor(max_workers=args.threads)
            list(pool.map(_warm, [tool] * args.threads))
        else:
            if tool == "sklearn":
                import sklearn.linear_model  # noqa: F401
            else:
                import fasttext  # noqa: F401
        start = time.perf_counter()
        X, _ = read_csv(args.data)
        if args.threads > 1:
            step = -(-len(X) // args.threads)
            chunks = [X[i:i + step] for i in range(0, len(X), step)]
            pred = [p for part in pool.map(_predict_chunk, [(tool, args.model, c) for c in chunks]) for p in part]
        else:
            pred = predict(tool, load_model(tool, args.model), X)
        with open(args.out, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["label"])
            w.writerows([p] for p in pred)
        out["seconds"] = time.perf_counter() - start
        out["rows"] = len(X)
    else:
        sys.exit(f"unknown worker task {tool} {task}")
    json.dump(out, sys.stdout)


# ---------------------------------------------------------------- parent
LOADS = []  # 1-minute load average at the start of every measurement


PAGE = os.sysconf("SC_PAGE_SIZE")


def parents():
    """pid -> parent pid for every process, from /proc/PID/stat."""
    out = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat", "rb") as f:
                    stat = f.read()
                # The command name may hold spaces and parentheses; the
                # fields after its closing parenthesis are state, ppid, ...
                out[int(d)] = int(stat[stat.rindex(b")") + 2:].split()[1])
            except (OSError, ValueError, IndexError):
                pass
    return out


def tree(root):
    """root and all its descendants."""
    children = {}
    for pid, ppid in parents().items():
        children.setdefault(ppid, []).append(pid)
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


def rss(pids):
    """Resident memory of these processes together, in bytes."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/statm", "rb") as f:
                total += int(f.read().split()[1]) * PAGE
        except (OSError, ValueError, IndexError):
            pass
    return total


def run(cmd, threads):
    """Runs cmd with `threads` threads allowed; returns wall seconds, CPU
    seconds (user + system, of the child and the children it waited for),
    peak memory in MB summed over the process tree, and stdout."""
    env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
    # scikit-learn's parallelism is its n_jobs processes; BLAS threads on
    # top of them would exceed the count the row allows.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env[var] = "1"
    LOADS.append(os.getloadavg()[0])
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        peak, pids, rescan = 0, [proc.pid], 0.0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            # Finding the descendants reads every process's stat: twice a
            # second is enough (workers live long), and keeps this loop from
            # taking CPU time from what it measures.
            now = time.perf_counter()
            if now >= rescan:
                pids, rescan = tree(proc.pid), now + 0.5
            peak = max(peak, rss(pids))
            time.sleep(0.05)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err.read().decode(errors='replace')}")
        # The kernel's high-water mark of the child itself can exceed a sample.
        peak = max(peak, usage.ru_maxrss * 1024)
        return {
            "wall": wall,
            "cpu": usage.ru_utime + usage.ru_stime,
            "mb": peak / 2**20,
            "stdout": out.read().decode(),
        }


def best_of(runs):
    """Median wall and CPU time of repeated runs, largest memory."""
    return {
        "wall": statistics.median(r["wall"] for r in runs),
        "cpu": statistics.median(r["cpu"] for r in runs),
        "mb": max(r["mb"] for r in runs),
        "stdout": runs[-1]["stdout"],
    }


def py_worker(tool, task, threads, **kw):
    cmd = [sys.executable, __file__, "worker", "--tool", tool, "--task", task, "--threads", str(threads)]
    for k, v in kw.items():
        cmd += [f"--{k.replace('_', '-')}"] + ([str(x) for x in v] if isinstance(v, list) else [str(v)])
    r = run(cmd, threads)
    r["out"] = json.loads(r["stdout"] or "{}")
    return r


def machine():
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB RAM, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def measure(args):
    stance = args.stance
    work = tempfile.mkdtemp(prefix="stance-compare-")
    log = lambda *a: print(*a, file=sys.stderr, flush=True)
    log(f"work files in {work}")
    train_csv = os.path.join(ROOT, "data/quotes.csv")
    test_csv = os.path.join(ROOT, "data/test.csv")
    R = {"stance": {}, "sklearn": {}, "fasttext": {}, "info": {}}
    threads = args.threads
    first = threads[0]

    def st(t, *cmd):
        return [stance, "--quiet", "--threads", str(t), *cmd]

    def put(tool, key, t, r, what=("wall", "cpu", "mb")):
        for w in what:
            R[tool][f"{key}_{w}@{t}"] = r[w]

    # 1. Training on the shipped corpus: stance's CV grid, the same grid for
    #    scikit-learn, fastText's tuning grid.
    m = {tool: os.path.join(work, f"{tool}.model") for tool in ("stance", "sklearn", "fasttext")}
    for t in threads:
        log(f"training on data/quotes.csv, {t} thread(s) ...")
        suffix = "" if t == first else f".{t}"
        r = run(st(t, "train", "--data", train_csv, "--output", m["stance"] + suffix, "--folds", str(args.folds)), t)
        put("stance", "train", t, r)
        r = py_worker("sklearn", "train", t, data=train_csv, model=m["sklearn"] + suffix, folds=args.folds, alphas=ALPHAS)
        put("sklearn", "train", t, r)
        if t == first:
            R["info"]["sklearn_features"] = r["out"]["features"]
            R["info"]["sklearn_features_seen"] = r["out"]["features_seen"]
        r = py_worker("fasttext", "train", t, data=train_csv, model=m["fasttext"] + suffix, ft_grid_max=args.ft_grid_max)
        put("fasttext", "train", t, r)
        if t == first:
            R["info"]["fasttext_config"] = r["out"]["config"]
            R["info"]["fasttext_validation_f1"] = r["out"]["validation_macro_f1"]
            R["info"]["fasttext_grid"] = r["out"]["grid"]
    with open(m["stance"]) as f:
        R["info"]["stance_features"] = json.load(f)["n_features"]

    # The models trained on the first thread count are the ones measured below.
    r = run(st(first, "evaluate", "--model", m["stance"], "--data", test_csv, "--format", "json"), first)
    R["stance"]["f1"] = json.loads(r["stdout"])["macro_f1"]
    for tool in ("sklearn", "fasttext"):
        R[tool]["f1"] = py_worker(tool, "f1", first, data=test_csv, model=m[tool])["out"]["macro_f1"]

    # 2. Whole pipeline (stance only) and like-for-like classification of
    #    the statements stance extracted, every tool on the same texts.
    log(f"scoring {args.article_mb} MB of articles ...")
    arts = os.path.join(work, "articles.jsonl")
    subprocess.run([stance, "-q", "synth", "articles", "--mb", str(args.article_mb), "--output", arts], check=True)
    art_mb = os.path.getsize(arts) / 2**20
    R["info"]["article_mb"] = art_mb
    scored = os.path.join(work, "scored.csv")
    for t in threads:
        r = best_of([run(st(t, "score", "--model", m["stance"], arts, "--output", scored), t) for _ in range(args.repeats)])
        R["stance"][f"score@{t}"] = art_mb / r["wall"]
        R["stance"][f"score_cpu@{t}"] = art_mb / r["cpu"]
        R["stance"][f"score_mb@{t}"] = r["mb"]
    small = os.path.join(work, "articles-small.jsonl")
    subprocess.run([stance, "-q", "synth", "articles", "--mb", str(args.article_mb / 4), "--output", small], check=True)
    R["info"]["small_mb"] = os.path.getsize(small) / 2**20
    r = run(st(first, "score", "--model", m["stance"], small, "--output", scored + ".small"), first)
    R["stance"]["score_mb_small"] = r["mb"]

    stmts = os.path.join(work, "statements.csv")
    n_stmts = 0
    with open(scored, newline="", encoding="utf-8") as f, open(stmts, "w", newline="", encoding="utf-8") as g:
        w = csv.writer(g)
        w.writerow(["text"])
        for row in csv.DictReader(f):
            w.writerow([row["text"]])
            n_stmts += 1
    R["info"]["statements"] = n_stmts
    log(f"classifying the {n_stmts:,} extracted statements ...")
    labels = os.path.join(work, "labels.csv")
    for t in threads:
        r = best_of([run(st(t, "classify", "--model", m["stance"], "--format", "csv", "--input", stmts, "--output", labels), t) for _ in range(args.repeats)])
        R["stance"][f"classify@{t}"] = n_stmts / r["wall"]
        R["stance"][f"classify_cpu@{t}"] = n_stmts / r["cpu"]
        R["stance"][f"classify_mb@{t}"] = r["mb"]
        for tool in ("sklearn", "fasttext"):
            runs = [py_worker(tool, "classify", t, data=stmts, model=m[tool], out=labels) for _ in range(args.repeats)]
            R[tool][f"classify@{t}"] = n_stmts / statistics.median(x["out"]["seconds"] for x in runs)
            R[tool][f"classify_mb@{t}"] = max(x["mb"] for x in runs)

    # 3. Scale: synthetic statements, one alpha, 3 folds; fastText trains
    #    its tuned setting once (it has no cross-validation).
    log(f"training on {args.rows_100k:,} synthetic statements ...")
    syn = os.path.join(work, "synth100k.csv")
    subprocess.run([stance, "-q", "synth", "statements", "--rows", str(args.rows_100k), "--output", syn], check=True)
    for t in threads:
        r = run(st(t, "train", "--data", syn, "--output", os.path.join(work, "s100k.json"), "--folds", "3", "--alphas", "1"), t)
        put("stance", "train100k", t, r)
        r = py_worker("sklearn", "train", t, data=syn, model=os.path.join(work, "sk100k.model"), folds=3, alphas=[1.0])
        put("sklearn", "train100k", t, r)
        r = py_worker("fasttext", "train", t, data=syn, model=os.path.join(work, "ft100k.bin"), config=json.dumps(R["info"]["fasttext_config"]))
        put("fasttext", "train100k", t, r)
    if not args.skip_1m:
        t = threads[-1]
        log(f"training stance on 1M synthetic statements (2 folds, one alpha, {t} thread(s)) ...")
        syn1m = os.path.join(work, "synth1m.csv")
        subprocess.run([stance, "-q", "synth", "statements", "--rows", "1000000", "--output", syn1m], check=True)
        r = run(st(t, "train", "--data", syn1m, "--output", os.path.join(work, "s1m.json"), "--folds", "2", "--alphas", "1"), t)
        put("stance", "train1m", t, r)
        R["info"]["threads_1m"] = t
    R["info"]["loads"] = LOADS
    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump(R, f, indent=1)
    log(f"raw figures in {os.path.join(work, 'results.json')}")
    return R


# ---------------------------------------------------------------- table
def table(R, args):
    info = R["info"]
    tools = ("stance", "sklearn", "fasttext")

    def cell(tool, key, fmt, higher_better, na="-"):
        v = R[tool].get(key)
        if v is None:
            return na
        text = fmt.format(v)
        base = R["stance"].get(key)
        if tool != "stance" and base:
            ratio = (base / v) if higher_better else (v / base)
            text += f" (stance {ratio:.1f}x)"
        return text

    lines = ["| measure | threads | stance | scikit-learn | fastText |", "|---|---:|---:|---:|---:|"]

    def row(name, t, key, fmt, hb, na=("-", "-", "-")):
        cells = [cell(tool, key, fmt, hb, n) for tool, n in zip(tools, na)]
        lines.append(f"| {name} | {t} | " + " | ".join(cells) + " |")

    threads = [int(k.split("@")[1]) for k in R["stance"] if k.startswith("train_wall@")]
    for t in threads:
        row("training on data/quotes.csv: wall (s)", t, f"train_wall@{t}", "{:.1f}", False)
    for t in threads:
        row("  CPU time, all processes (s)", t, f"train_cpu@{t}", "{:.1f}", False)
    for t in threads:
        row("  peak memory, all processes (MB)", t, f"train_mb@{t}", "{:.0f}", False)
    lines.append(f"| features kept (chi-squared, cap {MAX_FEATURES:,}) | - | {info['stance_features']:,} | "
                 f"{info['sklearn_features']:,} of {info['sklearn_features_seen']:,} | n/a (hashed n-grams) |")
    row("macro-F1 on data/test.csv", threads[0], "f1", "{:.3f}", True)
    na = ("-", "n/a (no extractor)", "n/a (no extractor)")
    for t in threads:
        row("whole pipeline: scoring articles, extraction + classification (MB/s of article)", t, f"score@{t}", "{:.2f}", True, na)
    for t in threads:
        row("  per CPU second (MB/s of article)", t, f"score_cpu@{t}", "{:.2f}", True, na)
    for t in threads:
        row(f"  peak memory, {info['article_mb']:.3g} MB input (MB)", t, f"score_mb@{t}", "{:.0f}", False, na)
    row(f"  peak memory, {info['small_mb']:.3g} MB input (MB)", threads[0], "score_mb_small", "{:.0f}", False, na)
    n = info["statements"]
    for t in threads:
        row(f"like for like: classifying the {n:,} extracted statements (statements/s)", t, f"classify@{t}", "{:,.0f}", True)
    for t in threads:
        for tool in tools:
            if f"classify@{t}" in R[tool]:
                R[tool][f"classify_art@{t}"] = R[tool][f"classify@{t}"] * info["article_mb"] / n
        row("  the same as MB/s of article", t, f"classify_art@{t}", "{:.2f}", True)
    for t in threads:
        row("  peak memory, all processes (MB)", t, f"classify_mb@{t}", "{:.0f}", False)
    rows = f"{args.rows_100k:,}"
    for t in threads:
        row(f"training on {rows} synthetic statements, 3-fold CV, 1 alpha: wall (s)", t, f"train100k_wall@{t}", "{:.1f}", False)
    for t in threads:
        row("  CPU time, all processes (s)", t, f"train100k_cpu@{t}", "{:.1f}", False)
    for t in threads:
        row("  peak memory, all processes (MB)", t, f"train100k_mb@{t}", "{:.0f}", False)
    if "threads_1m" in info:
        t = info["threads_1m"]
        row("training on 1,000,000 synthetic statements, 2-fold CV, 1 alpha: wall (s)", t, f"train1m_wall@{t}", "{:.1f}", False)
        row("  CPU time (s)", t, f"train1m_cpu@{t}", "{:.1f}", False)
        row("  peak memory (MB)", t, f"train1m_mb@{t}", "{:.0f}", False)
    return "\n".join(lines)


def fasttext_note(info):
    c = info["fasttext_config"]
    chars = f"char {c['minn']}-{c['maxn']}-grams" if c["maxn"] else "no char n-grams"
    return (f"fastText's grid chose {c['epoch']} epochs, {chars}, dim {c['dim']}, wordNgrams {c['wordNgrams']} "
            f"(macro-F1 {info['fasttext_validation_f1']:.3f} on the validation split).")


def load_note(loads):
    return (f"1-minute load average at the start of each of the {len(loads)} measurements: "
            f"min {min(loads):.1f}, median {statistics.median(loads):.1f}, max {max(loads):.1f} "
            f"(on {os.cpu_count()} cores; above the core count, wall times are inflated by other work "
            "and the CPU-time rows are the steadier guide).")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("mode", nargs="?", default="all", choices=("all", "worker"))
    p.add_argument("--stance", help="the stance binary (run.sh builds it)")
    p.add_argument("--threads", type=int, nargs="+", default=[1, 2], help="thread counts to measure (worker: the one to use)")
    p.add_argument("--repeats", type=int, default=1, help="runs per scoring/classifying measurement (median taken)")
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--rows-100k", type=int, default=100_000)
    p.add_argument("--article-mb", type=float, default=20.0)
    p.add_argument("--skip-1m", action="store_true")
    p.add_argument("--ft-grid-max", type=int, default=0, help=argparse.SUPPRESS)  # development: try only the first N settings
    p.add_argument("--write-results", action="store_true", help="write benches/compare/RESULTS.md (default: print only)")
    # worker-only
    p.add_argument("--tool")
    p.add_argument("--task")
    p.add_argument("--data")
    p.add_argument("--model")
    p.add_argument("--out")
    p.add_argument("--config")
    p.add_argument("--alphas", type=float, nargs="+", default=ALPHAS)
    args = p.parse_args()
    if args.mode == "worker":
        args.threads = args.threads[0]
        return worker(args)
    if not args.stance:
        p.error("--stance is required")

    R = measure(args)
    tbl = table(R, args)
    text = "\n\n".join([
        "# stance vs scikit-learn vs fastText",
        f"One run of `benches/compare/run.sh` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.",
        f"Machine: {machine()}.",
        load_note(R["info"]["loads"]),
        "\"stance Nx\" is how many times better stance is on that line (faster, less memory, higher score); below 1 means stance is behind.",
        tbl,
        fasttext_note(R["info"]),
        NOTES,
    ])
    print(text)
    if args.write_results:
        with open(os.path.join(HERE, "RESULTS.md"), "w", encoding="utf-8") as f:
            f.write(text)
        print(f"wrote {os.path.join(HERE, 'RESULTS.md')}", file=sys.stderr)


NOTES = """## What each line measures
- Threads: every tool gets the same count on a row. stance runs with `RAYON_NUM_THREADS=N --threads N`; scikit-learn with `n_jobs=N` processes (and `OMP_NUM_THREADS`, `OPENBLAS_NUM_THREADS`, `MKL_NUM_THREADS` at 1, so BLAS adds no threads); fastText with `thread=N`. For classifying on 2 threads, scikit-learn and fastText (whose `predict` uses one thread) each label half the rows in a pool of 2 worker processes, started and warmed up before the clock starts.
- Memory: the peak of the resident memory summed over the process and all its descendants (sampled every 50 ms from /proc, the process tree found again every 0.5 s; at least the kernel's own high-water mark of the main process). Summing counts pages shared between processes more than once, so multi-process runs are, if anything, overstated.
- CPU time: user + system time of the process and the children it waited for, from `wait4`; less sensitive than wall time to other work on the machine.
- Training on data/quotes.csv: the whole process, reading the CSV included. stance: `stance train` (5 folds x 4 alphas, then the final fit). scikit-learn: `GridSearchCV` (stratified 5 folds) over `C = 1/alpha` for stance's 4 alphas, on a `FeatureUnion` of word 1-2-gram and `char_wb` 2-5-gram `TfidfVectorizer`s (sublinear tf, `min_df=2`), then `SelectKBest(chi2, k=20000)`, L2-normalised rows and a balanced `LogisticRegression` (lbfgs, 200 iterations). Feature budget: both linear models keep at most 20,000 features chosen by chi-squared (stance's default cap). The candidate features differ: stance's default model reads what was said (the statement without its attribution, plus the reporting verb), word 1-2-grams, cue categories and scopes, no character n-grams; scikit-learn sees word and character n-grams of the raw text. fastText: the 16-setting grid above, each trained on 85 % of data/quotes.csv and scored (macro-F1) on the other 15 %, then the best setting trained on all of it; lr 0.5; the test set is never used for the choice.
- macro-F1: the models trained on the first thread count, on data/test.csv.
- Whole pipeline: `stance score` on a synthetic JSONL collection (`stance synth articles`): reading, sentence splitting, quote finding, attribution, classification, CSV output, model loading included. scikit-learn and fastText have no extractor, so they have no figure here.
- Like for like: every tool labels the same statement texts, the ones stance extracted from that collection, one per CSV row: read the CSV, load the model, label every row, write the labels. stance is timed as the whole `stance classify --input` process; the peers inside their worker process, from reading the CSV to writing the labels (Python's start and imports are not counted). "As MB/s of article" scales statements/s to the article text they came from, to set it beside the whole-pipeline line.
- Scale: synthetic statements from `stance synth statements` (seeded). stance and scikit-learn: 3 folds, one alpha, same features as above. fastText trains its chosen setting once (no grid, no folds), so it does less work. The 1M run (when not skipped) is stance only.
"""


if __name__ == "__main__":
    main()
