//! Colours. True colour when the terminal has it, the 16 ANSI colours
//! otherwise, none at all under NO_COLOR.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone)]
pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub title: Style,
    pub border: Style,
    pub focus_border: Style,
    pub selected: Style,
    pub selected_dim: Style,
    pub status: Style,
    pub mark: Style,
    pub person: Style,
    pub org: Style,
    pub place: Style,
    pub other: Style,
    /// Width of the left column, percent (from the config's [layout]).
    pub sources_width: u16,
    /// Height of the sources list within the left column, percent.
    pub sources_height: u16,
    /// How dates are shown in lists (strftime).
    pub date_format: String,
}

impl Theme {
    pub fn dark16() -> Theme {
        Theme {
            text: Style::default(),
            dim: Style::default().fg(Color::DarkGray),
            title: Style::default().add_modifier(Modifier::BOLD),
            border: Style::default().fg(Color::DarkGray),
            focus_border: Style::default().fg(Color::Cyan),
            selected: Style::default().fg(Color::Black).bg(Color::Cyan),
            selected_dim: Style::default().add_modifier(Modifier::REVERSED),
            status: Style::default().fg(Color::Black).bg(Color::Gray),
            mark: Style::default().bg(Color::Blue).fg(Color::White),
            person: Style::default().fg(Color::LightYellow),
            org: Style::default().fg(Color::LightMagenta),
            place: Style::default().fg(Color::LightGreen),
            other: Style::default().fg(Color::LightCyan),
            sources_width: 36,
            sources_height: 45,
            date_format: "%Y-%m-%d".into(),
        }
    }

    /// Dark text on a light background.
    pub fn light() -> Theme {
        Theme {
            dim: Style::default().fg(Color::Rgb(120, 120, 120)),
            border: Style::default().fg(Color::Rgb(170, 170, 170)),
            focus_border: Style::default().fg(Color::Rgb(0, 110, 160)),
            selected: Style::default()
                .fg(Color::White)
                .bg(Color::Rgb(0, 110, 160)),
            status: Style::default().fg(Color::White).bg(Color::Rgb(90, 90, 90)),
            mark: Style::default().bg(Color::Rgb(255, 236, 150)),
            person: Style::default().fg(Color::Rgb(150, 80, 0)),
            org: Style::default().fg(Color::Rgb(130, 40, 160)),
            place: Style::default().fg(Color::Rgb(0, 120, 50)),
            other: Style::default().fg(Color::Rgb(0, 100, 150)),
            ..Theme::dark16()
        }
    }

    pub fn dark() -> Theme {
        Theme {
            person: Style::default().fg(Color::Rgb(240, 200, 110)),
            org: Style::default().fg(Color::Rgb(210, 150, 240)),
            place: Style::default().fg(Color::Rgb(130, 215, 140)),
            other: Style::default().fg(Color::Rgb(120, 200, 230)),
            mark: Style::default().bg(Color::Rgb(40, 60, 110)),
            ..Theme::dark16()
        }
    }

    /// No colours: emphasis by modifiers only.
    pub fn mono() -> Theme {
        let s = Style::default();
        Theme {
            text: s,
            dim: s.add_modifier(Modifier::DIM),
            title: s.add_modifier(Modifier::BOLD),
            border: s,
            focus_border: s.add_modifier(Modifier::BOLD),
            selected: s.add_modifier(Modifier::REVERSED),
            selected_dim: s.add_modifier(Modifier::UNDERLINED),
            status: s.add_modifier(Modifier::REVERSED),
            mark: s.add_modifier(Modifier::UNDERLINED),
            person: s.add_modifier(Modifier::BOLD),
            org: s.add_modifier(Modifier::BOLD | Modifier::ITALIC),
            place: s.add_modifier(Modifier::ITALIC),
            other: s.add_modifier(Modifier::UNDERLINED),
            ..Theme::dark16()
        }
    }

    /// The theme for this environment.
    pub fn detect() -> Theme {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            return Theme::mono();
        }
        match std::env::var("COLORTERM").as_deref() {
            Ok("truecolor" | "24bit") => Theme::dark(),
            _ => Theme::dark16(),
        }
    }
}
