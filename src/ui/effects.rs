//! The effects `update` returns, carried out: the user's data saved, a
//! correction saved and the index relinked, a link opened, text copied,
//! the process suspended.

use crate::app::{Effect, State};
use crate::index::aliases::Correction;
use crate::index::Index;

/// Carries out what one update asked for; returns whether the process was
/// suspended and is back (the whole screen must then be sent again).
pub fn carry_out(
    fx: Vec<Effect>,
    ix: &mut Index,
    files: &mut crate::store::Files,
    s: &mut State,
) -> bool {
    let mut resumed = false;
    let mut history = vec![];
    for e in fx {
        match e {
            Effect::SaveHistory(kind, line) => history.push((kind, line)),
            Effect::SaveUser => match files.save_user(&s.user) {
                // with what another instance changed meanwhile
                Ok(now) => {
                    if now != s.user {
                        s.set_user(ix, now);
                    }
                }
                Err(e) => {
                    crate::log!("save failed: {e}");
                    s.message = Some(e);
                }
            },
            Effect::Correct(c) => correct(ix, &mut files.aliases, s, c),
            e => {
                let suspending = e == Effect::Suspend;
                match outside(e) {
                    Err(e) => s.message = Some(e),
                    Ok(()) => resumed |= suspending,
                }
            }
        }
    }
    if !history.is_empty() {
        if let Err(e) = files.save_history(&history) {
            crate::log!("history not saved: {e}");
        }
    }
    resumed
}

/// Saves a correction, relinks the index with it, and tells the state.
fn correct(ix: &mut Index, aliases: &mut crate::store::AliasFile, s: &mut State, c: Correction) {
    let what = match &c {
        Correction::Merge(m) => format!("merged {}", m.names.join(" + ")),
        Correction::Split(x) => format!("split \"{}\" off", x.name),
        Correction::Rename(r) => format!("renamed {} to {}", r.from, r.to),
        Correction::Retype(r) => format!("{} is now {:?}", r.name, r.ty).to_lowercase(),
        Correction::Ignore(i) => format!("ignored {}", i.name),
    };
    // mention numbers change when an entity is ignored
    let moved = matches!(c, Correction::Ignore(_));
    match aliases.add(c) {
        Ok(()) => {
            ix.relink(&aliases.aliases);
            let saved = aliases
                .path
                .as_ref()
                .map(|p| format!(" (saved in {})", p.display()))
                .unwrap_or_default();
            s.relinked(ix, format!("{what}{saved}"), moved);
        }
        Err(e) => s.message = Some(e),
    }
}

/// Opens a URL or copies text (OSC 52: the terminal puts it on the clipboard,
/// over ssh too).
fn outside(e: Effect) -> Result<(), String> {
    match e {
        Effect::OpenUrl(url) => {
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                return Err(format!("not opening {url:?}: only http and https links"));
            }
            let browser = std::env::var("BROWSER").unwrap_or_else(|_| "xdg-open".into());
            std::process::Command::new(&browser)
                .arg(&url)
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .map(|_| ())
                .map_err(|e| format!("{browser}: {e}"))
        }
        Effect::Suspend => {
            use crossterm::{event::*, execute, terminal::*};
            // a session leader has no shell to go back to: the stop would be
            // discarded by the kernel (orphaned process group)
            // SAFETY: plain queries of this process's ids.
            if unsafe { libc::getpgrp() == libc::getsid(0) } {
                return Err("no shell to suspend to (not started from a job-control shell)".into());
            }
            let mut out = std::io::stdout();
            let _ = execute!(
                out,
                DisableMouseCapture,
                crossterm::cursor::Show,
                LeaveAlternateScreen
            );
            let _ = disable_raw_mode();
            // stops here until `fg`
            signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)
                .map_err(|e| e.to_string())?;
            let _ = enable_raw_mode();
            let _ = execute!(out, EnterAlternateScreen, EnableMouseCapture);
            Ok(())
        }
        Effect::Copy(text) => {
            use std::io::Write;
            let mut out = std::io::stdout();
            write!(out, "\x1b]52;c;{}\x07", base64(text.as_bytes()))
                .and_then(|_| out.flush())
                .map_err(|e| e.to_string())
        }
        // carried out by `carry_out`
        Effect::SaveUser | Effect::SaveHistory(..) | Effect::Correct(_) => Ok(()),
    }
}

fn base64(b: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::with_capacity(b.len().div_ceil(3) * 4);
    for c in b.chunks(3) {
        let n = (c[0] as u32) << 16
            | (*c.get(1).unwrap_or(&0) as u32) << 8
            | *c.get(2).unwrap_or(&0) as u32;
        for k in 0..4 {
            if k <= c.len() {
                s.push(T[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_as_osc52_wants_it() {
        assert_eq!(super::base64(b""), "");
        assert_eq!(super::base64(b"f"), "Zg==");
        assert_eq!(super::base64(b"fo"), "Zm8=");
        assert_eq!(super::base64(b"foo"), "Zm9v");
        assert_eq!(
            super::base64("Kyiv – “Київ”".as_bytes()),
            "S3lpdiDigJMg4oCc0JrQuNGX0LLigJ0="
        );
    }
}
