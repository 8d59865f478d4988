//! Tokens must slice the input on char boundaries, in order, for any text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stance::tokenize::{TokenizerParams, tokenize};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut last = 0;
    for tok in tokenize(text, &TokenizerParams::default()) {
        assert!(tok.start >= last && tok.start < tok.end && tok.end <= text.len());
        assert!(text.is_char_boundary(tok.start) && text.is_char_boundary(tok.end));
        last = tok.end;
    }
});
