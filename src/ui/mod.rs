//! The terminal interface.
use crate::corpus::Corpus;

pub fn run(_corpus: Corpus) -> std::io::Result<()> {
    Ok(())
}
