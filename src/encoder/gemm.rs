//! The encoder's matrix product `x W + b`, with `W` packed once into
//! column panels so that a block of outputs stays in registers while the
//! inputs stream past.
//!
//! Every output is the bias plus the products `x[i][p] * W[p][j]` added in
//! input order `p`, each a separate multiply and add (Rust never fuses
//! them): the same bits whatever the CPU. The AVX2 copy of the kernel only
//! computes more outputs `j` side by side; it is the same arithmetic, so an
//! embedding, and every label built on it, is the same on any x86-64
//! machine. (A BLAS or `matrixmultiply` picks its kernel, FMA or not, by the
//! CPU it finds, and the last bits move with it.)

use ndarray::{Array1, Array2};

/// Outputs side by side in a panel (two AVX registers of f32).
const WIDTH: usize = 16;
/// Rows of `x` computed together (each output of the panel times this many
/// accumulators stay in registers).
const ROWS: usize = 4;

/// A dense layer's weight `[inputs, outputs]`, packed: panel `q` holds
/// outputs `q * WIDTH ..` for every input in order, `WIDTH` values each.
#[derive(Debug)]
pub(super) struct Packed {
    inputs: usize,
    outputs: usize,
    panels: Vec<f32>,
    bias: Vec<f32>,
}

impl Packed {
    /// Packs `w` (`[inputs, outputs]`) and its bias; the outputs must be a
    /// multiple of [`WIDTH`] (384, 1152 and 1536 in MiniLM).
    pub(super) fn new(w: &Array2<f32>, bias: &Array1<f32>) -> std::result::Result<Packed, String> {
        let (inputs, outputs) = w.dim();
        if outputs % WIDTH != 0 || bias.len() != outputs {
            return Err(format!(
                "a dense layer of {outputs} outputs ({} biases) does not pack into panels of {WIDTH}",
                bias.len()
            ));
        }
        let mut panels = Vec::with_capacity(inputs * outputs);
        for q in 0..outputs / WIDTH {
            for p in 0..inputs {
                panels.extend((0..WIDTH).map(|j| w[[p, q * WIDTH + j]]));
            }
        }
        Ok(Packed {
            inputs,
            outputs,
            panels,
            bias: bias.to_vec(),
        })
    }

    /// `x W + b` for `x` of shape `[n, inputs]`.
    pub(super) fn apply(&self, x: &Array2<f32>) -> Array2<f32> {
        let n = x.nrows();
        let x = x.as_standard_layout();
        let x = x.as_slice().expect("standard layout is contiguous");
        let mut y = vec![0.0f32; n * self.outputs];
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx2") {
                // SAFETY: the CPU has AVX2, checked just above.
                unsafe { self.product_avx2(x, &mut y) };
                return Array2::from_shape_vec((n, self.outputs), y).expect("n x outputs");
            }
        }
        self.product(x, &mut y);
        Array2::from_shape_vec((n, self.outputs), y).expect("n x outputs")
    }

    /// [`Packed::product`] compiled for AVX2: the same code, wider registers.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn product_avx2(&self, x: &[f32], y: &mut [f32]) {
        self.product(x, y)
    }

    /// `y = x W + b`, `ROWS` rows of `x` by one panel at a time.
    #[inline(always)]
    fn product(&self, x: &[f32], y: &mut [f32]) {
        let (k, m) = (self.inputs, self.outputs);
        let n = x.len() / k;
        // The rows' inputs interleaved, input by input, for the block.
        let mut block = vec![[0.0f32; ROWS]; k];
        for first in (0..n).step_by(ROWS) {
            let rows = (n - first).min(ROWS);
            for (p, b) in block.iter_mut().enumerate() {
                for (r, v) in b.iter_mut().enumerate() {
                    *v = if r < rows {
                        x[(first + r) * k + p]
                    } else {
                        0.0
                    };
                }
            }
            for (q, panel) in self.panels.chunks_exact(k * WIDTH).enumerate() {
                let mut acc = [[0.0f32; WIDTH]; ROWS];
                for row in acc.iter_mut() {
                    row.copy_from_slice(&self.bias[q * WIDTH..(q + 1) * WIDTH]);
                }
                for (w, a) in panel.chunks_exact(WIDTH).zip(&block) {
                    let w: &[f32; WIDTH] = w.try_into().expect("a panel row is WIDTH wide");
                    for (row, &ar) in acc.iter_mut().zip(a) {
                        for (o, &wj) in row.iter_mut().zip(w) {
                            *o += ar * wj;
                        }
                    }
                }
                for (r, row) in acc.iter().enumerate().take(rows) {
                    let at = (first + r) * m + q * WIDTH;
                    y[at..at + WIDTH].copy_from_slice(row);
                }
            }
        }
    }
}

/// Multi-head self-attention over one sequence: `qkv` holds each token's
/// queries, keys and values side by side (`[n, 3 * hidden]`, as the packed
/// query-key-value layer writes them), `context` gets each head's
/// attention-weighted values in its columns (`[n, hidden]`). Every sum runs
/// in order, as in [`Packed`].
pub(super) fn attention(qkv: &[f32], n: usize, hidden: usize, heads: usize, context: &mut [f32]) {
    let d = hidden / heads;
    let stride = 3 * hidden;
    let scale = 1.0 / (d as f32).sqrt();
    let mut weights = vec![0.0f32; n];
    for h in 0..heads {
        for i in 0..n {
            let q = &qkv[i * stride + h * d..][..d];
            let mut max = f32::NEG_INFINITY;
            for (j, w) in weights.iter_mut().enumerate() {
                let k = &qkv[j * stride + hidden + h * d..][..d];
                let mut sum = 0.0f32;
                for (a, b) in q.iter().zip(k) {
                    sum += a * b;
                }
                *w = sum * scale;
                max = max.max(*w);
            }
            let mut total = 0.0f32;
            for w in weights.iter_mut() {
                *w = exp(*w - max);
                total += *w;
            }
            let out = &mut context[i * hidden + h * d..][..d];
            out.fill(0.0);
            for (j, &w) in weights.iter().enumerate() {
                let v = &qkv[j * stride + 2 * hidden + h * d..][..d];
                for (o, x) in out.iter_mut().zip(v) {
                    *o += (w / total) * x;
                }
            }
        }
    }
}

/// `e^x` from arithmetic alone: `x = k ln 2 + r` with `|r| <= ln 2 / 2`,
/// a degree-7 Taylor polynomial of `e^r` (error below 2e-7 relative), then
/// `2^k` put in the exponent bits. `f32::exp` calls the C library, which
/// picks an FMA variant or not by the CPU; this gives the same bits on every
/// machine. Below -87 it gives 0, as the encoder's uses (softmax and erf)
/// only meet `x <= 0`.
pub(super) fn exp(x: f32) -> f32 {
    if x < -87.0 {
        return 0.0;
    }
    let x = x.min(88.0);
    let k = (x * std::f32::consts::LOG2_E).round();
    // ln 2 in two parts, so that k ln 2 is exact enough for r.
    let r = x - k * 0.693_145_75 - k * 1.428_606_8e-6;
    let mut p = 1.0 / 5040.0;
    for c in [
        1.0 / 720.0,
        1.0 / 120.0,
        1.0 / 24.0,
        1.0 / 6.0,
        0.5,
        1.0,
        1.0,
    ] {
        p = p * r + c;
    }
    p * f32::from_bits(((k as i32 + 127) as u32) << 23)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The arithmetic exp is within 4e-7 of the library's relative to the
    /// value, over the range the encoder uses, and 0 far below it.
    #[test]
    fn exp_is_close_to_the_library_s() {
        for i in 0..=20_000 {
            let x = -87.0 + i as f32 * (88.0 / 20_000.0);
            let (ours, theirs) = (exp(x), x.exp());
            assert!(
                ((ours - theirs) / theirs).abs() < 4e-7,
                "{x}: {ours} {theirs}"
            );
        }
        assert_eq!(exp(-100.0), 0.0);
    }

    /// The packed product is `x W + b` (against a plain triple loop in the
    /// same order, so bit for bit), for row counts that do and do not fill
    /// a block, and the AVX2 copy (where the CPU has it) gives the same bits.
    #[test]
    fn the_packed_product_is_x_w_plus_b_bit_for_bit() {
        let (k, m) = (37, 48);
        let w = Array2::from_shape_fn((k, m), |(p, j)| ((p * 31 + j * 17) % 23) as f32 / 7.0 - 1.5);
        let b = Array1::from_shape_fn(m, |j| j as f32 * 0.25 - 3.0);
        let packed = Packed::new(&w, &b).unwrap();
        for n in [1, 3, 4, 5, 9] {
            let x =
                Array2::from_shape_fn((n, k), |(i, p)| ((i * 13 + p * 7) % 19) as f32 / 5.0 - 2.0);
            let y = packed.apply(&x);
            for i in 0..n {
                for j in 0..m {
                    let mut sum = b[j];
                    for p in 0..k {
                        sum += x[[i, p]] * w[[p, j]];
                    }
                    assert_eq!(y[[i, j]].to_bits(), sum.to_bits(), "row {i} output {j}");
                }
            }
            let mut plain = vec![0.0; n * m];
            packed.product(x.as_slice().unwrap(), &mut plain);
            assert_eq!(y.as_slice().unwrap(), &plain[..]);
        }
        assert!(Packed::new(&Array2::zeros((3, 20)), &Array1::zeros(20)).is_err());
    }
}
