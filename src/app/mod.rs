//! Application state and actions (no terminal).
