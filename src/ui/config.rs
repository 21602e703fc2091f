//! The user's config file over the embedded defaults (`assets/config.toml`
//! and `assets/keymap.toml`): keys, theme, pane sizes, date format. An invalid
//! file is reported with its line and key, and the defaults are used.

use super::theme::Theme;
use crate::app::keymap::Keymap;
use ratatui::style::Color;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::str::FromStr;

pub const DEFAULT: &str = include_str!("../../assets/config.toml");

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    keys: BTreeMap<String, toml::Value>,
    #[serde(default)]
    theme: ThemeCfg,
    #[serde(default)]
    layout: LayoutCfg,
    #[serde(default)]
    display: DisplayCfg,
    #[serde(default)]
    input: InputCfg,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct InputCfg {
    max_file_mib: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeCfg {
    name: Option<String>,
    person: Option<String>,
    org: Option<String>,
    place: Option<String>,
    other: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LayoutCfg {
    sources_width: Option<u16>,
    sources_height: Option<u16>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct DisplayCfg {
    date_format: Option<String>,
}

/// Everything the UI takes from the configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub keymap: Keymap,
    pub theme: Theme,
    /// The largest input file read, in bytes.
    pub max_file_bytes: u64,
}

/// The defaults, printable.
pub fn print_default() -> String {
    format!("{DEFAULT}\n{}", crate::app::keymap::DEFAULT)
}

fn line_of(src: &str, needle: &str) -> usize {
    src.find(needle)
        .map(|p| src[..p].matches('\n').count() + 1)
        .unwrap_or(1)
}

fn short(e: &toml::de::Error) -> String {
    crate::index::aliases::one_line_error(&e.to_string())
}

/// `NO_COLOR` set and not empty.
fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

impl Config {
    /// The configuration from the defaults and a user's file (None: no file).
    pub fn load(user: Option<&str>) -> Result<Config, String> {
        let defaults: File = toml::from_str(DEFAULT).map_err(|e| short(&e))?;
        let f: File = match user {
            Some(src) => toml::from_str(src).map_err(|e| short(&e))?,
            None => File::default(),
        };
        let src = user.unwrap_or("");
        // keys: the keymap's own parser checks the action names
        let keymap = if f.keys.is_empty() {
            Keymap::default_map()
        } else {
            let table =
                toml::to_string(&BTreeMap::from([("keys", &f.keys)])).map_err(|e| e.to_string())?;
            Keymap::with_overrides(&table).map_err(|e| {
                // point at the user's line for the bad action
                let bad = f
                    .keys
                    .iter()
                    .find(|(k, v)| Keymap::parse(&format!("[keys]\n{:?} = {}\n", k, v)).is_err())
                    .map(|(k, _)| k.clone())
                    .unwrap_or_default();
                format!(
                    "line {}: key {bad:?}: {e}",
                    line_of(src, &format!("\"{bad}\""))
                )
            })?
        };
        let pick = |u: Option<String>, d: Option<String>| u.or(d).unwrap_or_default();
        let name = pick(f.theme.name, defaults.theme.name);
        let mut theme = match name.as_str() {
            _ if no_color() => Theme::mono(),
            "auto" | "" => Theme::detect(),
            "dark" => Theme::dark(),
            "light" => Theme::light(),
            "dark16" => Theme::dark16(),
            "mono" => Theme::mono(),
            other => {
                return Err(format!(
                    "line {}: theme name {other:?}: one of auto, dark, light, dark16, mono",
                    line_of(src, other)
                ))
            }
        };
        if !no_color() {
            for (key, value, slot) in [
                ("person", f.theme.person, &mut theme.person),
                ("org", f.theme.org, &mut theme.org),
                ("place", f.theme.place, &mut theme.place),
                ("other", f.theme.other, &mut theme.other),
            ] {
                let Some(v) = value.filter(|v| !v.is_empty()) else {
                    continue;
                };
                let c = Color::from_str(&v).map_err(|_| {
                    format!(
                        "line {}: theme {key} = {v:?}: not a colour (a name, #rrggbb or 0-255)",
                        line_of(src, &v)
                    )
                })?;
                *slot = slot.fg(c);
            }
        }
        let w = f
            .layout
            .sources_width
            .or(defaults.layout.sources_width)
            .unwrap_or(36);
        let h = f
            .layout
            .sources_height
            .or(defaults.layout.sources_height)
            .unwrap_or(45);
        for (key, v) in [("sources_width", w), ("sources_height", h)] {
            if !(10..=90).contains(&v) {
                return Err(format!(
                    "line {}: layout {key} = {v}: a percentage from 10 to 90",
                    line_of(src, key)
                ));
            }
        }
        theme.sources_width = w;
        theme.sources_height = h;
        let fmt = pick(f.display.date_format, defaults.display.date_format);
        // a format chrono cannot render is an error, not a panic later
        use std::fmt::Write;
        let mut probe = String::new();
        let d = chrono::NaiveDate::from_ymd_opt(2025, 10, 16).unwrap_or_default();
        if fmt.is_empty() || write!(probe, "{}", d.format(&fmt)).is_err() {
            return Err(format!(
                "line {}: display date_format {fmt:?}: not a date format",
                line_of(src, "date_format")
            ));
        }
        theme.date_format = fmt;
        let mib = f
            .input
            .max_file_mib
            .or(defaults.input.max_file_mib)
            .unwrap_or(64);
        if !(1..=1 << 20).contains(&mib) {
            return Err(format!(
                "line {}: input max_file_mib = {mib}: from 1 to 1048576",
                line_of(src, "max_file_mib")
            ));
        }
        Ok(Config {
            keymap,
            theme,
            max_file_bytes: mib << 20,
        })
    }

    /// The defaults alone (for when the user's file has errors).
    pub fn defaults() -> Config {
        Config::load(None).unwrap_or_else(|_| Config {
            keymap: Keymap::default_map(),
            theme: Theme::detect(),
            max_file_bytes: crate::corpus::DEFAULT_MAX_FILE_BYTES,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;

    #[test]
    fn defaults_load_and_user_values_override_only_what_they_name() {
        let d = Config::load(None).unwrap();
        assert_eq!(d.theme.sources_width, 36);
        assert_eq!(d.keymap.action("q"), Some(Action::Quit));
        let c = Config::load(Some(
            "[keys]\n\"x\" = \"quit\"\n[layout]\nsources_width = 50\n[display]\ndate_format = \"%d %b\"\n",
        ))
        .unwrap();
        assert_eq!(c.keymap.action("x"), Some(Action::Quit));
        assert_eq!(c.keymap.action("q"), Some(Action::Quit), "defaults kept");
        assert_eq!(c.theme.sources_width, 50);
        assert_eq!(c.theme.sources_height, 45);
        assert_eq!(c.theme.date_format, "%d %b");
        assert_eq!(d.max_file_bytes, 64 << 20);
        let c = Config::load(Some("[input]\nmax_file_mib = 2\n")).unwrap();
        assert_eq!(c.max_file_bytes, 2 << 20);
        assert!(Config::load(Some("[input]\nmax_file_mib = 0\n")).is_err());
    }

    #[test]
    fn errors_name_the_line_and_the_key() {
        let cases = [
            ("[theme]\nname = \"neon\"\n", "line 2"),
            ("[layout]\nsources_width = 99\n", "line 2"),
            ("\n[theme]\nperson = \"blurple\"\n", "line 3"),
            ("[layot]\n", "line 1"),
            ("[keys]\n\"q\" = \"quit\"\n\"z\" = \"fly\"\n", "line 3"),
            ("[display]\ndate_format = \"%Q\"\n", "line 2"),
        ];
        for (src, want) in cases {
            let e = Config::load(Some(src)).unwrap_err();
            assert!(e.contains(want), "{src:?}: {e}");
        }
    }

    #[test]
    fn the_default_file_is_what_print_default_prints() {
        let p = print_default();
        assert!(p.contains("[theme]") && p.contains("[keys]"));
        // and it loads as a user file unchanged
        Config::load(Some(&p)).unwrap();
    }
}
