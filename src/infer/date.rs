// TEMPORARY STUB (replaced by the real module)
use chrono::{DateTime, FixedOffset, NaiveDate};
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    #[default]
    Dmy,
    Mdy,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParsedDate {
    Day(NaiveDate),
    Instant(DateTime<FixedOffset>),
}
pub fn parse_date(text: &str, order: DateOrder) -> Result<ParsedDate, String> {
    let t = text.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(t) {
        return Ok(ParsedDate::Instant(d));
    }
    for f in [
        "%d.%m.%Y",
        "%Y-%m-%d",
        if order == DateOrder::Dmy {
            "%d/%m/%Y"
        } else {
            "%m/%d/%Y"
        },
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(t, f) {
            return Ok(ParsedDate::Day(d));
        }
    }
    Err(format!("cannot read `{t}` as a date"))
}
