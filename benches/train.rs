//! Criterion bench of training with the default settings (5-fold CV over the
//! alpha grid, then the final fit) on 20,000 seeded synthetic statements,
//! built outside the timed closure.

use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use stance::corpus::{Corpus, LabelledStatement};
use stance::rng::SplitMix64;
use stance::synth;
use stance::train::TrainParams;

fn corpus(rows: usize) -> Corpus {
    let mut rng = SplitMix64::new(1);
    let examples = (0..rows)
        .map(|i| {
            let (text, label) = synth::statement(&mut rng);
            LabelledStatement {
                text,
                label: label.to_owned(),
                line: i as u64 + 2,
            }
        })
        .collect();
    Corpus {
        path: PathBuf::from("synthetic.csv"),
        sha256: String::new(),
        examples,
        ids: None,
    }
}

fn train(c: &mut Criterion) {
    let corpus = corpus(20_000);
    let params = TrainParams::default();
    let mut group = c.benchmark_group("train");
    group.sample_size(10);
    group.bench_function("synthetic_20k", |b| {
        b.iter(|| params.fit(&corpus).expect("training").1.alpha)
    });
    group.finish();
}

criterion_group!(benches, train);
criterion_main!(benches);
