"""Label quality of the peers, trained on the same corpus as stance.

Trains scikit-learn (tf-idf word 1-2 + char 2-5 grams, logistic regression,
C chosen by 5-fold CV) and fastText (a small grid, chosen on a 15% split of
the training data) on one CSV, then reports macro-F1, accuracy, accuracy on
rows with a stance label and neutral recall on each evaluation CSV
(`text`,`label`). The numbers sit next to stance's in data/README.md.

    python3 benches/compare/quality.py data/quotes.csv data/test.csv tests/fixtures/blind-stance-1.csv ...

Needs scikit-learn and fasttext-wheel (pip).
"""
import csv
import random
import sys
import tempfile

from compare import macro_f1  # the same macro-F1 as the speed comparison


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [r["text"] for r in rows], [r["label"] for r in rows]


def figures(truth, pred):
    f1 = macro_f1(truth, pred)
    acc = sum(t == p for t, p in zip(truth, pred)) / len(truth)
    st = [(t, p) for t, p in zip(truth, pred) if t != "neutral"]
    ne = [(t, p) for t, p in zip(truth, pred) if t == "neutral"]
    share = lambda xs: f"{sum(t == p for t, p in xs) / len(xs):.3f}" if xs else "  -  "
    return f"F1 {f1:.3f} acc {acc:.3f} stance {share(st)} neutral {share(ne)} (n={len(truth)})"


def sklearn_model(texts, labels):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GridSearchCV
    from sklearn.pipeline import FeatureUnion, Pipeline

    pipe = Pipeline([
        ("f", FeatureUnion([
            ("w", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)),
            ("c", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)),
        ])),
        ("lr", LogisticRegression(class_weight="balanced", max_iter=300)),
    ])
    grid = GridSearchCV(pipe, {"lr__C": [1 / 3, 1, 3, 10]}, cv=5, scoring="f1_macro", n_jobs=1)
    grid.fit(texts, labels)
    return grid.best_estimator_.predict, f"C={grid.best_params_['lr__C']:.3g}"


def fasttext_model(texts, labels):
    import fasttext

    def clean(t):
        return " ".join(t.replace("\n", " ").split())

    def train(tx, ly, **kw):
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            for t, l in zip(tx, ly):
                f.write(f"__label__{l} {clean(t)}\n")
        return fasttext.train_supervised(f.name, verbose=0, seed=42, thread=1, **kw)

    def label(m, t):
        # fastText's own predict() breaks on NumPy 2; its C++ core does not.
        return m.f.predict(clean(t) + "\n", 1, 0.0, "strict")[0][1][9:]

    idx = list(range(len(texts)))
    random.Random(42).shuffle(idx)
    cut = int(0.85 * len(idx))
    tr, va = idx[:cut], idx[cut:]
    best = None
    for epoch in (25, 50):
        for minn, maxn in ((0, 0), (3, 6)):
            for dim in (50, 100):
                kw = dict(epoch=epoch, lr=0.5, wordNgrams=2, minn=minn, maxn=maxn, dim=dim)
                m = train([texts[i] for i in tr], [labels[i] for i in tr], **kw)
                pred = [label(m, texts[i]) for i in va]
                acc = sum(p == labels[i] for p, i in zip(pred, va)) / len(va)
                if best is None or acc > best[0]:
                    best = (acc, kw)
    m = train(texts, labels, **best[1])
    return (lambda xs: [label(m, t) for t in xs]), str(best[1])


def main():
    train_path, evals = sys.argv[1], sys.argv[2:]
    texts, labels = read(train_path)
    for name, build in (("scikit-learn", sklearn_model), ("fastText", fasttext_model)):
        predict, chosen = build(texts, labels)
        print(f"== {name} ({chosen}) trained on {train_path}")
        for path in evals:
            tx, ly = read(path)
            print(f"  {path:<45} {figures(ly, list(predict(tx)))}")


if __name__ == "__main__":
    main()
