"""Measure stance against scikit-learn and fastText on the same splits.

The parent process runs every measurement in a fresh child under
/usr/bin/time, so each gets its own wall time and peak resident memory.
Children are either the stance binary or this script in `worker` mode.
"""
import argparse
import csv
import json
import os
import platform
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
ALPHAS = [0.1, 0.3, 1.0, 3.0]  # stance's default grid; sklearn's C = 1 / alpha


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


# ---------------------------------------------------------------- workers
def sk_pipeline(C):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    feats = FeatureUnion([
        ("w", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)),
        ("c", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)),
    ])
    clf = LogisticRegression(C=C, class_weight="balanced", max_iter=200)
    return Pipeline([("f", feats), ("lr", clf)])


def worker(args):
    import pickle

    tool, task = args.tool, args.task
    out = {}
    if tool == "sklearn" and task == "train":
        from sklearn.model_selection import GridSearchCV, StratifiedKFold

        X, y = read_csv(args.data)
        grid = GridSearchCV(
            sk_pipeline(1.0),
            {"lr__C": [1.0 / a for a in args.alphas]},
            cv=StratifiedKFold(args.folds, shuffle=True, random_state=42),
            scoring="f1_macro",
            n_jobs=2,
        )
        grid.fit(X, y)
        out["cv_macro_f1"] = grid.best_score_
        with open(args.model, "wb") as f:
            pickle.dump(grid.best_estimator_, f)
    elif tool == "fasttext" and task == "train":
        import fasttext

        X, y = read_csv(args.data)
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            for t, l in zip(X, y):
                f.write(f"__label__{l} {' '.join(t.lower().split())}\n")
            path = f.name
        m = fasttext.train_supervised(path, epoch=25, wordNgrams=2, minn=2, maxn=5, thread=2, seed=42, verbose=0)
        m.save_model(args.model)
    elif task in ("f1", "classify"):
        X, y = read_csv(args.data)
        X = X * args.repeat
        if tool == "sklearn":
            with open(args.model, "rb") as f:
                model = pickle.load(f)
            start = time.perf_counter()
            pred = model.predict(X)
            elapsed = time.perf_counter() - start
        else:
            import fasttext

            model = fasttext.load_model(args.model)
            start = time.perf_counter()
            pred = [model.predict(" ".join(t.lower().split()))[0][0][len("__label__"):] for t in X]
            elapsed = time.perf_counter() - start
        out["seconds"] = elapsed
        out["rows"] = len(X)
        if task == "f1":
            out["macro_f1"] = macro_f1(y, list(pred))
    json.dump(out, sys.stdout)


# ---------------------------------------------------------------- parent
def timed(cmd, env=None):
    """Runs cmd under /usr/bin/time; returns (seconds, peak MB, stdout)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        full = ["/usr/bin/time", "-f", "%e %M", "-o", t.name] + cmd
        res = subprocess.run(full, capture_output=True, text=True, env=env)
        if res.returncode != 0:
            sys.exit(f"failed: {' '.join(cmd)}\n{res.stderr}")
        secs, kb = t.read().split()[-2:]
    return float(secs), int(kb) / 1024.0, res.stdout


def py_worker(tool, task, **kw):
    cmd = [sys.executable, __file__, "worker", "--tool", tool, "--task", task]
    for k, v in kw.items():
        if isinstance(v, list):
            cmd += [f"--{k}"] + [str(x) for x in v]
        else:
            cmd += [f"--{k}", str(v)]
    secs, mb, out = timed(cmd)
    return secs, mb, json.loads(out or "{}")


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


def main():
    p = argparse.ArgumentParser()
    p.add_argument("mode", nargs="?", default="all")
    p.add_argument("--stance")
    p.add_argument("--tool")
    p.add_argument("--task")
    p.add_argument("--data")
    p.add_argument("--model")
    p.add_argument("--repeat", type=int, default=1)
    p.add_argument("--folds", type=int, default=5)
    p.add_argument("--alphas", type=float, nargs="+", default=ALPHAS)
    p.add_argument("--rows-100k", type=int, default=100_000)
    p.add_argument("--article-mb", type=float, default=20.0)
    p.add_argument("--skip-1m", action="store_true")
    args = p.parse_args()
    if args.mode == "worker":
        return worker(args)

    stance = args.stance
    work = tempfile.mkdtemp(prefix="stance-compare-")
    train_csv = os.path.join(ROOT, "data/quotes.csv")
    test_csv = os.path.join(ROOT, "data/test.csv")
    results = {}
    log = lambda *a: print(*a, file=sys.stderr, flush=True)

    # 1. Training on the shipped corpus with the same CV grid; F1 on the held-out split.
    log("training on data/quotes.csv ...")
    m = {t: os.path.join(work, f"{t}.model") for t in ("stance", "sklearn", "fasttext")}
    s, mb, _ = timed([stance, "train", "--data", train_csv, "--out", m["stance"], "--folds", str(args.folds)])
    results["stance"] = {"train_s": s, "train_mb": mb}
    s, mb, _ = py_worker("sklearn", "train", data=train_csv, model=m["sklearn"], folds=args.folds, alphas=args.alphas)
    results["sklearn"] = {"train_s": s, "train_mb": mb}
    s, mb, _ = py_worker("fasttext", "train", data=train_csv, model=m["fasttext"])
    results["fasttext"] = {"train_s": s, "train_mb": mb}

    _, _, out = timed([stance, "evaluate", "--model", m["stance"], "--data", test_csv, "--format", "json"])
    results["stance"]["f1"] = json.loads(out)["macro_f1"]
    for t in ("sklearn", "fasttext"):
        results[t]["f1"] = py_worker(t, "f1", data=test_csv, model=m[t])[2]["macro_f1"]

    # 2. Classifying: the held-out statements repeated to 100x (53,700 rows).
    log("classifying ...")
    big = os.path.join(work, "classify.csv")
    texts, _ = read_csv(test_csv)
    with open(big, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["text"])
        for _ in range(100):
            for t in texts:
                w.writerow([t])
    n = len(texts) * 100
    s, _, _ = timed([stance, "classify", "--model", m["stance"], "--format", "csv", "--input", big, "--output", os.path.join(work, "c.csv")])
    results["stance"]["classify_per_s"] = n / s
    for t in ("sklearn", "fasttext"):
        r = py_worker(t, "classify", data=test_csv, model=m[t], repeat=100)[2]
        results[t]["classify_per_s"] = r["rows"] / r["seconds"]

    # 3. Scoring articles: stance end to end (extract + classify); the peers
    #    vectorize + predict on the statements stance extracted.
    log(f"scoring {args.article_mb} MB of articles ...")
    arts = os.path.join(work, "articles.jsonl")
    subprocess.run([stance, "synth", "articles", "--mb", str(args.article_mb), "--output", arts], check=True)
    art_mb = os.path.getsize(arts) / 2**20
    scored = os.path.join(work, "scored.csv")
    per_threads = {}
    for threads in ("1", "2"):
        env = dict(os.environ, RAYON_NUM_THREADS=threads)
        s, mb, _ = timed([stance, "score", "--model", m["stance"], arts, "--output", scored], env=env)
        per_threads[threads] = (art_mb / s, mb)
    results["stance"]["score_mb_s_1"] = per_threads["1"][0]
    results["stance"]["score_mb_s_2"] = per_threads["2"][0]
    results["stance"]["score_peak_mb"] = per_threads["2"][1]
    small = os.path.join(work, "articles-small.jsonl")
    subprocess.run([stance, "synth", "articles", "--mb", str(args.article_mb / 4), "--output", small], check=True)
    _, mb_small, _ = timed([stance, "score", "--model", m["stance"], small, "--output", scored + ".small"])
    results["stance"]["score_peak_mb_quarter"] = mb_small
    stmts = os.path.join(work, "statements.csv")
    with open(scored, newline="", encoding="utf-8") as f, open(stmts, "w", newline="", encoding="utf-8") as g:
        w = csv.writer(g)
        w.writerow(["text"])
        for row in csv.DictReader(f):
            w.writerow([row["text"]])
    for t in ("sklearn", "fasttext"):
        r = py_worker(t, "classify", data=stmts, model=m[t])[2]
        results[t]["score_mb_s_1"] = art_mb / r["seconds"]

    # 4. Scale: 100k synthetic statements, same grid for stance and sklearn.
    log(f"training on {args.rows_100k} synthetic statements ...")
    syn = os.path.join(work, "synth100k.csv")
    subprocess.run([stance, "synth", "statements", "--rows", str(args.rows_100k), "--output", syn], check=True)
    s, mb, _ = timed([stance, "train", "--data", syn, "--out", os.path.join(work, "s100k.json"), "--folds", "3", "--alphas", "1"])
    results["stance"].update(train100k_s=s, train100k_mb=mb)
    s, mb, _ = py_worker("sklearn", "train", data=syn, model=os.path.join(work, "sk100k.model"), folds=3, alphas=[1.0])
    results["sklearn"].update(train100k_s=s, train100k_mb=mb)
    if not args.skip_1m:
        log("training stance on 1M synthetic statements (2 folds, one alpha) ...")
        syn1m = os.path.join(work, "synth1m.csv")
        subprocess.run([stance, "synth", "statements", "--rows", "1000000", "--output", syn1m], check=True)
        s, mb, _ = timed([stance, "train", "--data", syn1m, "--out", os.path.join(work, "s1m.json"), "--folds", "2", "--alphas", "1"])
        results["stance"].update(train1m_s=s, train1m_mb=mb)

    write_table(results, art_mb, args)


def write_table(r, art_mb, args):
    st = r["stance"]

    def cell(tool, key, fmt, higher_better):
        v = r[tool].get(key)
        if v is None:
            return "-"
        base = st.get(key)
        text = fmt.format(v)
        if tool != "stance" and base:
            ratio = (base / v) if higher_better else (v / base)
            text += f" (stance {ratio:.1f}x)"
        return text

    rows = [
        ("training on data/quotes.csv, 5-fold CV over 4 alphas (s)", "train_s", "{:.1f}", False),
        ("  peak memory (MB)", "train_mb", "{:.0f}", False),
        ("macro-F1 on data/test.csv", "f1", "{:.3f}", True),
        ("classifying (statements/s, single process)", "classify_per_s", "{:,.0f}", True),
        ("scoring articles, 1 thread (MB/s of article text)", "score_mb_s_1", "{:.2f}", True),
        ("scoring articles, 2 threads (MB/s)", "score_mb_s_2", "{:.2f}", True),
        (f"scoring peak memory, {art_mb:.0f} MB input (MB)", "score_peak_mb", "{:.0f}", False),
        (f"scoring peak memory, {art_mb / 4:.0f} MB input (MB)", "score_peak_mb_quarter", "{:.0f}", False),
        (f"training on {args.rows_100k:,} synthetic statements, 3-fold CV, 1 alpha (s)", "train100k_s", "{:.1f}", False),
        ("  peak memory (MB)", "train100k_mb", "{:.0f}", False),
        ("training on 1,000,000 synthetic statements, 2-fold CV, 1 alpha (s)", "train1m_s", "{:.1f}", False),
        ("  peak memory (MB)", "train1m_mb", "{:.0f}", False),
    ]
    lines = [
        "| measure | stance | scikit-learn | fastText |",
        "|---|---:|---:|---:|",
    ]
    for name, key, fmt, hb in rows:
        lines.append(f"| {name} | {cell('stance', key, fmt, hb)} | {cell('sklearn', key, fmt, hb)} | {cell('fasttext', key, fmt, hb)} |")
    table = "\n".join(lines)
    print(table)
    with open(os.path.join(HERE, "RESULTS.md"), "w") as f:
        f.write("# stance vs scikit-learn vs fastText\n\n")
        f.write(f"One run of `benches/compare/run.sh` on {time.strftime('%Y-%m-%d')}.\n\n")
        f.write(f"Machine: {machine()}.\n\n")
        f.write("\"stance Nx\" is how many times better stance is on that line (faster, less memory, higher score); below 1 means stance is behind.\n\n")
        f.write(table + "\n\n")
        f.write(NOTES)


NOTES = """## What each line measures
- Training: wall time and peak resident memory of the whole process (`/usr/bin/time`), reading the CSV included. scikit-learn: `GridSearchCV` (`n_jobs=2`, stratified 5-fold) over `C = 1/alpha` for stance's alphas, on a `FeatureUnion` of word 1-2-gram and `char_wb` 2-5-gram `TfidfVectorizer`s (sublinear tf, `min_df=2`) and a balanced `LogisticRegression` (lbfgs, 200 iterations): the same features, objective and grid as stance. fastText: `train_supervised` with word bigrams and character 2-5-grams, 25 epochs, 2 threads; it has no cross-validation grid, so it does less work.
- Classifying: stance is timed end to end as a CLI (`stance classify --input`, CSV in and out, model loading included); the peers are timed inside Python around `predict` only, which favours them.
- Scoring articles: stance runs `stance score` on a synthetic JSONL collection (extraction, attribution, classification, CSV output). The peers have no extractor; they are timed on vectorize + predict of the statements stance extracted, and the figure is article megabytes over that time.
- Scale: synthetic statements from `stance synth statements` (seeded); the 1M run is stance only.
"""


if __name__ == "__main__":
    main()
