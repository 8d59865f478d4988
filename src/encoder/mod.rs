//! Sentence embeddings from all-MiniLM-L6-v2, computed in-process: the
//! model's own WordPiece tokenizer, the BERT forward pass on ndarray, mean
//! pooling and L2 normalisation, as sentence-transformers' `encode(...,
//! normalize_embeddings=True)` does. The weights are `models/encoder/`,
//! converted by `data/tools/encoder.py`, and embedded in the binary.
//!
//! ```
//! let encoder = stance::encoder::Encoder::shipped();
//! let e = encoder.embed("We are ready to sit down tomorrow.");
//! assert_eq!(e.len(), stance::encoder::DIM);
//! assert!((e.iter().map(|x| x * x).sum::<f32>() - 1.0).abs() < 1e-4);
//! ```

mod gemm;
mod wordpiece;

use std::path::Path;
use std::sync::OnceLock;

use ndarray::{Array1, Array2, ArrayView1, Axis, s};
use rayon::prelude::*;

use crate::corpus::sha256_hex;
use crate::error::{Error, Result};
use gemm::Packed;
use wordpiece::WordPiece;

/// The length of an embedding.
pub const DIM: usize = 384;

/// Tokens a text is cut to, [CLS] and [SEP] included, as sentence-transformers
/// cuts them (`max_seq_length` 256 of the model).
const MAX_TOKENS: usize = 256;
/// The weights file begins with these bytes.
const MAGIC: &[u8; 8] = b"STENCBRT";
/// The format version `data/tools/encoder.py` writes.
const VERSION: u32 = 1;
/// Magic, nine u32/f32 fields and a reserved u32.
const HEADER_BYTES: usize = 48;

static SHIPPED_WEIGHTS: &[u8] = include_bytes!("../../models/encoder/minilm-l6-v2.bin");
static SHIPPED_VOCAB: &str = include_str!("../../models/encoder/vocab.txt");

/// A dense layer as read, its weight stored [in, out]; packed for the
/// product before use ([`Packed`]).
#[derive(Debug)]
struct Dense {
    w: Array2<f32>,
    b: Array1<f32>,
}

#[derive(Debug)]
struct LayerNorm {
    gamma: Array1<f32>,
    beta: Array1<f32>,
}

#[derive(Debug)]
struct Layer {
    /// Query, key and value side by side: one product gives all three.
    qkv: Packed,
    attention_out: Packed,
    attention_norm: LayerNorm,
    intermediate: Packed,
    output: Packed,
    output_norm: LayerNorm,
}

/// The tokenizer and the weights of a BERT sentence encoder, in f32.
#[derive(Debug)]
pub struct Encoder {
    tokenizer: WordPiece,
    word: Array2<f32>,
    position: Array2<f32>,
    token_type: Array1<f32>,
    embedding_norm: LayerNorm,
    layers: Vec<Layer>,
    heads: usize,
    eps: f32,
    max_tokens: usize,
    digest: String,
}

/// Reads the weights file front to back; every read is checked against
/// what is left.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize, what: &str) -> std::result::Result<&[u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let Some(end) = end else {
            return Err(format!(
                "truncated: {what} needs {n} bytes at offset {}, the file has {}",
                self.at,
                self.bytes.len()
            ));
        };
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn u32(&mut self, what: &str) -> std::result::Result<u32, String> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn f16s(&mut self, n: usize, what: &str) -> std::result::Result<Vec<f32>, String> {
        let bytes = self.take(n * 2, what)?;
        Ok(bytes
            .chunks_exact(2)
            .map(|b| half::f16::from_le_bytes([b[0], b[1]]).to_f32())
            .collect())
    }

    fn vector(&mut self, n: usize, what: &str) -> std::result::Result<Array1<f32>, String> {
        Ok(Array1::from_vec(self.f16s(n, what)?))
    }

    /// A PyTorch dense weight [out, in] and its bias, stored transposed.
    fn dense(
        &mut self,
        inputs: usize,
        outputs: usize,
        what: &str,
    ) -> std::result::Result<Dense, String> {
        let w = Array2::from_shape_vec((outputs, inputs), self.f16s(inputs * outputs, what)?)
            .map_err(|e| format!("{what}: {e}"))?;
        let b = self.vector(outputs, what)?;
        Ok(Dense {
            w: w.t().as_standard_layout().into_owned(),
            b,
        })
    }

    fn norm(&mut self, n: usize, what: &str) -> std::result::Result<LayerNorm, String> {
        Ok(LayerNorm {
            gamma: self.vector(n, what)?,
            beta: self.vector(n, what)?,
        })
    }
}

impl Encoder {
    /// Parses the file format written by `data/tools/encoder.py` and its
    /// vocabulary; a bad or truncated file is an error, never a panic.
    pub fn from_bytes(weights: &[u8], vocab: &str) -> Result<Encoder> {
        Self::parse(weights, vocab).map_err(|message| Error::model(Path::new("<encoder>"), message))
    }

    fn parse(weights: &[u8], vocab: &str) -> std::result::Result<Encoder, String> {
        let mut r = Reader {
            bytes: weights,
            at: 0,
        };
        if r.take(MAGIC.len(), "the magic")? != MAGIC {
            return Err("not an encoder weights file (wrong magic)".into());
        }
        let version = r.u32("the version")?;
        if version != VERSION {
            return Err(format!(
                "format version {version}, this build reads {VERSION}"
            ));
        }
        let mut field = |what| r.u32(what).map(|v| v as usize);
        let vocab_size = field("the vocabulary size")?;
        let hidden = field("the hidden size")?;
        let layers = field("the layer count")?;
        let heads = field("the head count")?;
        let intermediate = field("the intermediate size")?;
        let positions = field("the position count")?;
        let token_types = field("the token type count")?;
        let eps = f32::from_bits(r.u32("the layer-norm epsilon")?);
        r.u32("the reserved field")?;
        debug_assert_eq!(r.at, HEADER_BYTES);
        if hidden != DIM {
            return Err(format!("hidden size {hidden}, embeddings here have {DIM}"));
        }
        if heads == 0 || hidden % heads != 0 {
            return Err(format!("{heads} heads do not divide hidden size {hidden}"));
        }
        if layers > 64
            || intermediate > 1 << 16
            || !(2..=1 << 16).contains(&positions)
            || token_types == 0
        {
            return Err(format!(
                "implausible sizes: {layers} layers, intermediate {intermediate}, {positions} positions, {token_types} token types"
            ));
        }
        if !(eps.is_finite() && eps > 0.0) {
            return Err(format!("layer-norm epsilon {eps}"));
        }
        let lines = vocab.lines().count();
        if lines != vocab_size {
            return Err(format!(
                "the vocabulary has {lines} tokens, the weights {vocab_size}"
            ));
        }
        let tokenizer = WordPiece::new(vocab)?;

        let word = r.f16s(vocab_size * hidden, "the word embeddings")?;
        let word = Array2::from_shape_vec((vocab_size, hidden), word).map_err(|e| e.to_string())?;
        let position = r.f16s(positions * hidden, "the position embeddings")?;
        let position =
            Array2::from_shape_vec((positions, hidden), position).map_err(|e| e.to_string())?;
        // Sentences are one segment: only token type 0 is ever added.
        let token_type = r.vector(token_types * hidden, "the token type embeddings")?;
        let token_type = token_type.slice(s![..hidden]).to_owned();
        let embedding_norm = r.norm(hidden, "the embedding layer norm")?;
        let layers = (0..layers)
            .map(|i| {
                let what = format!("layer {i}");
                let q = r.dense(hidden, hidden, &what)?;
                let k = r.dense(hidden, hidden, &what)?;
                let v = r.dense(hidden, hidden, &what)?;
                let qkv = Packed::new(
                    &ndarray::concatenate(Axis(1), &[q.w.view(), k.w.view(), v.w.view()])
                        .map_err(|e| e.to_string())?,
                    &ndarray::concatenate(Axis(0), &[q.b.view(), k.b.view(), v.b.view()])
                        .map_err(|e| e.to_string())?,
                )?;
                let pack = |d: Dense| Packed::new(&d.w, &d.b);
                Ok(Layer {
                    qkv,
                    attention_out: pack(r.dense(hidden, hidden, &what)?)?,
                    attention_norm: r.norm(hidden, &what)?,
                    intermediate: pack(r.dense(hidden, intermediate, &what)?)?,
                    output: pack(r.dense(intermediate, hidden, &what)?)?,
                    output_norm: r.norm(hidden, &what)?,
                })
            })
            .collect::<std::result::Result<Vec<_>, String>>()?;
        if r.at != weights.len() {
            return Err(format!(
                "{} bytes after the last tensor (expected {}, found {})",
                weights.len() - r.at,
                r.at,
                weights.len()
            ));
        }
        Ok(Encoder {
            tokenizer,
            word,
            position,
            token_type,
            embedding_norm,
            layers,
            heads,
            eps,
            max_tokens: MAX_TOKENS.min(positions),
            digest: sha256_hex(weights),
        })
    }

    /// The encoder shipped in `models/encoder/`, embedded in the binary and
    /// parsed on first use.
    pub fn shipped() -> &'static Encoder {
        static SHIPPED: OnceLock<Encoder> = OnceLock::new();
        SHIPPED.get_or_init(|| {
            Encoder::from_bytes(SHIPPED_WEIGHTS, SHIPPED_VOCAB)
                .expect("the shipped encoder is checked by the tests")
        })
    }

    /// Hex SHA-256 of the weights file, for a model to record which encoder
    /// it was trained with.
    pub fn digest(&self) -> &str {
        &self.digest
    }

    /// WordPiece ids of `text`, without [CLS] and [SEP] and not truncated.
    pub fn tokenize(&self, text: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        self.tokenizer.tokenize(text, &mut ids);
        ids
    }

    /// The L2-normalised mean-pooled embedding of one text ([`DIM`] values).
    /// An empty text gives the embedding of [CLS][SEP].
    pub fn embed(&self, text: &str) -> Vec<f32> {
        let mut ids = Vec::with_capacity(text.len() / 3 + 2);
        ids.push(self.tokenizer.cls);
        self.tokenizer.tokenize(text, &mut ids);
        ids.truncate(self.max_tokens - 1);
        ids.push(self.tokenizer.sep);
        self.forward(&ids)
    }

    /// The embeddings of many texts, in parallel, in their order.
    pub fn embed_all(&self, texts: &[&str]) -> Vec<Vec<f32>> {
        texts.par_iter().map(|t| self.embed(t)).collect()
    }

    /// The forward pass over one sequence of ids, then mean pooling and L2
    /// normalisation. Every id is below the vocabulary size (the tokenizer
    /// gives only vocabulary ids) and the sequence fits the positions.
    fn forward(&self, ids: &[u32]) -> Vec<f32> {
        let n = ids.len();
        let hidden = self.word.ncols();
        let mut x = Array2::<f32>::zeros((n, hidden));
        for (i, (mut row, &id)) in x.rows_mut().into_iter().zip(ids).enumerate() {
            row.assign(&self.word.row(id as usize));
            row += &self.position.row(i);
            row += &self.token_type;
        }
        layer_norm(&mut x, &self.embedding_norm, self.eps);

        let mut context = Array2::<f32>::zeros((n, hidden));
        for layer in &self.layers {
            let qkv = layer.qkv.apply(&x);
            gemm::attention(
                qkv.as_slice().expect("a fresh array is contiguous"),
                n,
                hidden,
                self.heads,
                context.as_slice_mut().expect("a fresh array is contiguous"),
            );
            let mut attended = layer.attention_out.apply(&context);
            attended += &x;
            layer_norm(&mut attended, &layer.attention_norm, self.eps);
            let mut inner = layer.intermediate.apply(&attended);
            inner.mapv_inplace(gelu);
            x = layer.output.apply(&inner);
            x += &attended;
            layer_norm(&mut x, &layer.output_norm, self.eps);
        }

        let mut mean = x
            .mean_axis(Axis(0))
            .expect("a sequence has [CLS] and [SEP]");
        let norm = mean.dot(&mean).sqrt().max(1e-12);
        mean /= norm;
        mean.to_vec()
    }
}

/// LayerNorm over each row, in place, with the biased variance as PyTorch.
fn layer_norm(x: &mut Array2<f32>, norm: &LayerNorm, eps: f32) {
    let (gamma, beta): (ArrayView1<f32>, ArrayView1<f32>) = (norm.gamma.view(), norm.beta.view());
    for mut row in x.rows_mut() {
        let n = row.len() as f32;
        let mean = row.sum() / n;
        let var = row.fold(0.0, |acc, &v| acc + (v - mean) * (v - mean)) / n;
        let inv = 1.0 / (var + eps).sqrt();
        ndarray::Zip::from(&mut row)
            .and(&gamma)
            .and(&beta)
            .for_each(|v, &g, &b| *v = (*v - mean) * inv * g + b);
    }
}

/// GELU with the exact error function, as BERT's "gelu".
fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + erf(x * std::f32::consts::FRAC_1_SQRT_2))
}

/// The error function to within 1.5e-7 (Abramowitz and Stegun 7.1.26),
/// below f32's own rounding at the values GELU meets; std has no erf.
fn erf(x: f32) -> f32 {
    let t = 1.0 / (1.0 + 0.327_591_1 * x.abs());
    let poly = t
        * (0.254_829_6
            + t * (-0.284_496_74 + t * (1.421_413_7 + t * (-1.453_152_1 + t * 1.061_405_4))));
    let y = 1.0 - poly * gemm::exp(-x * x);
    y.copysign(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped_error(weights: &[u8], vocab: &str) -> String {
        Encoder::from_bytes(weights, vocab).unwrap_err().to_string()
    }

    #[test]
    fn bad_weight_files_are_errors() {
        let mut wrong_magic = SHIPPED_WEIGHTS[..HEADER_BYTES].to_vec();
        wrong_magic[0] = b'X';
        let mut wrong_vocab = SHIPPED_WEIGHTS[..HEADER_BYTES].to_vec();
        wrong_vocab[12..16].copy_from_slice(&30_000u32.to_le_bytes());
        let mut wrong_version = SHIPPED_WEIGHTS[..HEADER_BYTES].to_vec();
        wrong_version[8..12].copy_from_slice(&9u32.to_le_bytes());
        let mut trailing = SHIPPED_WEIGHTS.to_vec();
        trailing.push(0);
        let table: [(&[u8], &str, &str); 8] = [
            (&[], SHIPPED_VOCAB, "truncated: the magic"),
            (&wrong_magic, SHIPPED_VOCAB, "wrong magic"),
            (&wrong_version, SHIPPED_VOCAB, "format version 9"),
            (
                &SHIPPED_WEIGHTS[..20],
                SHIPPED_VOCAB,
                "truncated: the layer count",
            ),
            (
                &wrong_vocab,
                SHIPPED_VOCAB,
                "the vocabulary has 30522 tokens, the weights 30000",
            ),
            (
                &SHIPPED_WEIGHTS[..HEADER_BYTES + 1000],
                SHIPPED_VOCAB,
                "truncated: the word embeddings",
            ),
            (
                &SHIPPED_WEIGHTS[..SHIPPED_WEIGHTS.len() - 1],
                SHIPPED_VOCAB,
                "truncated: layer 5",
            ),
            (&trailing, SHIPPED_VOCAB, "1 bytes after the last tensor"),
        ];
        for (weights, vocab, expected) in table {
            let message = shipped_error(weights, vocab);
            assert!(message.contains(expected), "{message:?} lacks {expected:?}");
        }
        let no_unk = SHIPPED_VOCAB.replace("[UNK]", "[UNKNOWN]");
        assert!(shipped_error(SHIPPED_WEIGHTS, &no_unk).contains("no [UNK] token"));
    }

    #[test]
    fn shipped_encoder_parses_and_embeds_unit_vectors() {
        let encoder = Encoder::shipped();
        assert_eq!(encoder.digest(), sha256_hex(SHIPPED_WEIGHTS));
        for text in ["", "Talks resume.", &"word ".repeat(400)] {
            let e = encoder.embed(text);
            assert_eq!(e.len(), DIM);
            let norm: f32 = e.iter().map(|v| v * v).sum();
            assert!((norm - 1.0).abs() < 1e-4, "{text:?}: {norm}");
        }
        let texts = ["One.", "Two words.", ""];
        let each: Vec<Vec<f32>> = texts.iter().map(|t| encoder.embed(t)).collect();
        assert_eq!(encoder.embed_all(&texts), each);
    }

    /// The rows of a fixture written by tests/fixtures/encoder/make_fixture.py.
    fn fixture(name: &str) -> Vec<serde_json::Value> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/encoder")
            .join(name);
        let text = std::fs::read_to_string(&path).expect("fixture");
        text.lines()
            .map(|l| serde_json::from_str(l).expect("fixture row"))
            .collect()
    }

    #[test]
    fn tokens_equal_the_python_tokenizer() {
        let encoder = Encoder::shipped();
        let rows = fixture("tokens.jsonl");
        assert!(rows.len() >= 300);
        let wrong: Vec<String> = rows
            .iter()
            .filter_map(|row| {
                let text = row["text"].as_str().expect("text");
                let expected: Vec<u32> = serde_json::from_value(row["ids"].clone()).expect("ids");
                let ids = encoder.tokenize(text);
                (ids != expected).then(|| format!("{text:?}: {ids:?} != {expected:?}"))
            })
            .collect();
        assert!(
            wrong.is_empty(),
            "{} of {} differ:\n{}",
            wrong.len(),
            rows.len(),
            wrong.join("\n")
        );
    }

    #[test]
    fn embeddings_equal_sentence_transformers() {
        let encoder = Encoder::shipped();
        let rows = fixture("embeddings.jsonl");
        let texts: Vec<&str> = rows
            .iter()
            .map(|r| r["text"].as_str().expect("text"))
            .collect();
        let mut worst = (0.0f32, "");
        for (row, embedding) in rows.iter().zip(encoder.embed_all(&texts)) {
            let expected: Vec<f32> =
                serde_json::from_value(row["embedding"].clone()).expect("embedding");
            assert_eq!(expected.len(), DIM);
            for (a, b) in embedding.iter().zip(&expected) {
                if (a - b).abs() > worst.0 {
                    worst = ((a - b).abs(), row["text"].as_str().expect("text"));
                }
            }
        }
        assert!(worst.0 < 2e-3, "difference {} on {:?}", worst.0, worst.1);
    }

    #[test]
    fn erf_matches_known_values() {
        for (x, expected) in [
            (0.0f32, 0.0f32),
            (0.5, 0.520_499_9),
            (1.0, 0.842_700_8),
            (-2.0, -0.995_322_3),
            (4.0, 0.999_999_98),
        ] {
            assert!((erf(x) - expected).abs() < 3e-7, "erf({x}) = {}", erf(x));
        }
    }
}
