//! Criterion benches of each pipeline stage. Inputs are synthetic, seeded,
//! and built outside the timed closures.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use stance::Model;
use stance::rng::SplitMix64;
use stance::synth;
use stance::tokenize::{TokenizerParams, tokenize};

const STATEMENT: &str = "Nobody in this government has rejected talks, but we will not \
     accept a meeting for the sake of a meeting while their ships blockade our ports.";

fn stages(c: &mut Criterion) {
    let model = Model::embedded().expect("embedded model");
    let params = TokenizerParams::default();
    let mut rng = SplitMix64::new(7);
    let batch: Vec<String> = (0..1000).map(|_| synth::statement(&mut rng).0).collect();
    let article = synth::article(&mut SplitMix64::new(11), 4_000);

    c.bench_function("tokenize/statement", |b| {
        b.iter(|| tokenize(black_box(STATEMENT), &params))
    });
    c.bench_function("featurize/statement", |b| {
        b.iter(|| model.vectorizer().transform(black_box(STATEMENT)))
    });
    c.bench_function("classify/one", |b| {
        b.iter(|| model.predict_proba(black_box(STATEMENT)))
    });
    let mut group = c.benchmark_group("classify");
    group.throughput(Throughput::Elements(batch.len() as u64));
    group.bench_function("batch_1000", |b| {
        b.iter(|| batch.iter().map(|t| model.predict_proba(t)[0]).sum::<f64>())
    });
    group.finish();

    let mut group = c.benchmark_group("article_4kb");
    group.throughput(Throughput::Bytes(article.len() as u64));
    group.bench_function("extract", |b| {
        b.iter(|| stance::extract::extract(black_box(&article)))
    });
    group.bench_function("score", |b| {
        b.iter(|| stance::score::score_article(model, black_box(&article)))
    });
    group.finish();
}

/// Inputs that trouble extractors, at growing sizes: time per byte should stay flat.
fn adversarial(c: &mut Criterion) {
    let mut group = c.benchmark_group("adversarial_extract");
    group.sample_size(10);
    let kinds: [(&str, &str); 4] = [
        ("quote_marks", "\u{201C}\"\u{201D} said \" "),
        (
            "no_punctuation",
            "he said we will talk to them later maybe never ",
        ),
        (
            "rtl_emoji",
            "\u{5E9}\u{5DC}\u{5D5}\u{5DD} \u{1F600} said \u{201C}\u{627}\u{644}\u{633}\u{644}\u{627}\u{645}. ",
        ),
        (
            "one_paragraph",
            "The minister said \u{201C}we are ready.\u{201D} Officials met. ",
        ),
    ];
    for (name, unit) in kinds {
        for kb in [16usize, 128, 1024] {
            let text = unit.repeat(kb * 1024 / unit.len());
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, format!("{kb}KB")), &text, |b, t| {
                b.iter(|| stance::extract::extract(t))
            });
        }
    }
    group.finish();
}

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = stages, adversarial
}
criterion_main!(benches);
