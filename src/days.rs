//! Dates stored as a day number (days since 1 January of year 1) in the
//! on-disk cache: four bytes or fewer, read without parsing text.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The years a date may have in crossread: 1 to 9999 (what ISO 8601 values
/// and the formats it writes hold). A date outside is warned about and
/// ignored where it is read; date sums are checked against it.
pub const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    d.num_days_from_ce().serialize(s)
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    day(i32::deserialize(d)?)
}

/// The date of a day number, or an error (never a panic) out of chrono's range.
fn day<E: serde::de::Error>(n: i32) -> Result<NaiveDate, E> {
    NaiveDate::from_num_days_from_ce_opt(n)
        .ok_or_else(|| E::custom(format!("day {n} out of range")))
}

/// The same for an optional date.
pub mod opt {
    use super::*;

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        d.map(|d| d.num_days_from_ce()).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<i32>::deserialize(d)?.map(day).transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct T {
        #[serde(with = "super")]
        d: NaiveDate,
        #[serde(with = "super::opt")]
        o: Option<NaiveDate>,
    }

    #[test]
    fn days_round_trip() {
        for (y, m, dd) in [(2025, 10, 16), (1, 1, 1), (1875, 1, 31), (9999, 12, 31)] {
            let d = NaiveDate::from_ymd_opt(y, m, dd).unwrap();
            for o in [None, Some(d)] {
                let t = T { d, o };
                let b = postcard::to_stdvec(&t).unwrap();
                assert_eq!(postcard::from_bytes::<T>(&b).unwrap(), t);
            }
        }
        // a day number out of chrono's range is an error, not a panic
        let b = postcard::to_stdvec(&(i32::MAX, None::<i32>)).unwrap();
        assert!(postcard::from_bytes::<T>(&b).is_err());
    }
}
