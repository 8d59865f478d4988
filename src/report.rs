//! Per-speaker aggregation of scored statements and its writers (placeholder).
