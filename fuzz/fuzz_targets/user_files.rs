#![no_main]
//! The parsers of the files people edit (state, aliases, config) on
//! arbitrary text: an error message or a value that writes back to the
//! same value; never a panic.
use crossread::app::userdata::UserData;
use crossread::index::aliases::Aliases;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    if let Ok(u) = UserData::parse(&s) {
        assert_eq!(UserData::parse(&u.to_toml()).ok(), Some(u));
    }
    if let Ok(a) = Aliases::parse(&s) {
        assert_eq!(Aliases::parse(&a.to_toml()).ok(), Some(a));
    }
    let _ = crossread::ui::config::Config::load(Some(&s));
});
