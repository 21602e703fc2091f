//! The screen shown while a corpus is analyzed: the TUI is up at once, with
//! what is being done, how far it got, the rate and the time left.

use super::theme::Theme;
use crate::index::Progress;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Gauge, Paragraph};
use ratatui::Frame;
use std::time::Duration;

/// Draws the progress of an analysis in a box in the middle of the screen.
pub fn draw(f: &mut Frame, th: &Theme, p: &Progress, elapsed: Duration) {
    let area = centered(f.area(), 64, 6);
    let (_, _, _, share) = p.get();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.border)
        .title(Line::styled(" crossread: analyzing ", th.title));
    let inner = block.inner(area);
    f.render_widget(block, area);
    let rows = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .split(inner);
    let text = p.text(elapsed);
    f.render_widget(Paragraph::new(Line::styled(text, th.text)), rows[0]);
    f.render_widget(
        Gauge::default()
            .gauge_style(th.selected)
            .ratio(share.clamp(0.0, 1.0)),
        rows[1],
    );
    f.render_widget(
        Paragraph::new(Line::styled(
            "q quits · the result is cached for next time",
            th.dim,
        )),
        rows[2],
    );
}

fn centered(r: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(r.width);
    let h = h.min(r.height);
    Rect {
        x: r.x + (r.width - w) / 2,
        y: r.y + (r.height - h) / 2,
        width: w,
        height: h,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::Stage;
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;

    #[test]
    fn the_share_done_grows_through_the_stages() {
        let p = Progress::default();
        let mut last = -1.0;
        for stage in [
            Stage::Reading,
            Stage::Words,
            Stage::Mentions,
            Stage::Linking,
            Stage::Done,
        ] {
            p.start(stage, 10);
            for _ in 0..5 {
                p.tick();
            }
            let (s, done, total, share) = p.get();
            assert_eq!((s, done, total), (stage, 5, 10));
            assert!(share > last && share <= 1.0, "{stage:?}: {share}");
            last = share;
        }
        assert_eq!(last, 1.0);
    }

    #[test]
    fn shows_the_stage_and_counts_at_any_size() {
        let p = Progress::default();
        p.start(Stage::Mentions, 200);
        for _ in 0..50 {
            p.tick();
        }
        for (w, h) in [(80, 24), (20, 5), (3, 2)] {
            let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
            t.draw(|f| draw(f, &Theme::dark16(), &p, Duration::from_secs(1)))
                .unwrap();
            if w == 80 {
                let screen = t.backend().to_string();
                assert!(screen.contains("names and dates 50/200"), "{screen}");
            }
        }
    }
}
