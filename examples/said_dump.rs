//! What the model reads of each annotated statement of gold articles: the
//! statement extract finds around it, the input built from it (verb and said
//! content, tokens with their scope marks and cue categories), and the gold
//! and predicted labels. For looking at errors on dev sets; prints article
//! text, so its output stays outside the repository.
//!
//! ```text
//! cargo run --release --example said_dump -- [--model M] DIR...
//! ```

use std::path::PathBuf;

use stance::extract::gold::{match_gold, read_gold};
use stance::extract::{extract, sentence_spans};
use stance::features::{Input, for_each_feature};
use stance::measure::gold_files;
use stance::model::{Model, argmax};
use stance::tokenize::{TokenBuffer, TokenKind};

fn main() {
    let mut args = std::env::args().skip(1).peekable();
    let mut model_path = None;
    let mut dirs = Vec::new();
    while let Some(a) = args.next() {
        if a == "--model" {
            model_path = args.next().map(PathBuf::from);
        } else {
            dirs.push(PathBuf::from(a));
        }
    }
    let model = &*Model::load_or_embedded(model_path.as_deref()).expect("model");
    let v = model.vectorizer();
    for dir in dirs {
        for txt in gold_files(&dir).expect("gold articles") {
            let article = std::fs::read_to_string(&txt).expect("txt");
            let gold = read_gold(&txt.with_extension("gold.jsonl")).expect("gold");
            let statements = extract(&article);
            let sentences = sentence_spans(&article);
            for (gi, (g, found)) in gold
                .iter()
                .zip(match_gold(&article, &statements, &gold))
                .enumerate()
            {
                let name = txt.file_stem().unwrap().to_string_lossy();
                println!("=== {name} #{gi} gold={} kind={:?}", g.label, g.kind);
                println!("  quote: {}", g.quote);
                if let Some(at) = article.find(&g.quote)
                    && let Some(s) = sentences.iter().find(|s| s.start <= at && at < s.end)
                {
                    let p = model.predict_proba(&article[s.start..s.end]);
                    println!(
                        "  sentence [{}]: {}",
                        model.labels()[argmax(&p)],
                        article[s.start..s.end].replace('\n', " ")
                    );
                }
                let Some(i) = found else {
                    println!("  NOT FOUND");
                    continue;
                };
                let st = &statements[i];
                let p = model.predict_statement(&article, st);
                let best = argmax(&p);
                let mark = if model.labels()[best] == g.label {
                    "OK"
                } else {
                    "XX"
                };
                println!(
                    "  {mark} pred={} ({:.2}) kind={:?}",
                    model.labels()[best],
                    p[best],
                    st.kind
                );
                println!(
                    "  statement: {}",
                    article[st.start..st.end].replace('\n', " ")
                );
                let said = v.statement_input(&article, st);
                println!("  input: {}", said.render());
                let mut buffer = TokenBuffer::default();
                let toks = buffer.tokenize_said(&said.content, said.verb.as_deref(), &v.tokenizer);
                let marked: Vec<String> = toks
                    .iter()
                    .filter(|t| t.kind != TokenKind::Punct)
                    .map(|t| {
                        let mut s = String::new();
                        if t.negated {
                            s.push('!');
                        }
                        if t.contrast {
                            s.push('^');
                        }
                        if t.condition {
                            s.push('?');
                        }
                        s.push_str(&t.text);
                        s
                    })
                    .collect();
                println!("  tokens: {}", marked.join(" "));
                let mut cues = Vec::new();
                for_each_feature(
                    Input {
                        text: &said.content,
                        tokens: toks,
                        verb: said.verb.as_deref(),
                        kind: said.kind,
                    },
                    &v.params,
                    v.cues.as_ref(),
                    |f| {
                        if f.starts_with("L:") || f.starts_with("V:") {
                            cues.push(f.to_owned());
                        }
                    },
                );
                println!("  cues: {}", cues.join(" "));
            }
        }
    }
}
