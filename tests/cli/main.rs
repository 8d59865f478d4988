//! The integration tests, one binary: the built `stance` run in temporary
//! folders (as xsv, ripgrep and fd test theirs) and the library's public API.
//! One module per theme; the helpers they share are in `util`.

mod util;

mod bad_input;
mod big_inputs;
mod corpus;
mod faults;
mod identical;
mod interface;
mod model;
mod report;
mod score;
mod train;
