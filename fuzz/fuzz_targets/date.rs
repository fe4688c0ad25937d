//! The date-line parser, in both orders of slash dates.
#![no_main]

use babelfeed::infer::date::{parse_date, DateOrder};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let dmy = parse_date(text, DateOrder::Dmy);
    let mdy = parse_date(text, DateOrder::Mdy);
    // The order only matters for slash dates.
    if !text.contains('/') {
        assert_eq!(dmy, mdy, "{text:?}");
    }
});
