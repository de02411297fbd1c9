//! How serious a finding of the headers tool or the settings doctor is. Findings are listed
//! most serious first, in this order.

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Problem,
    Warning,
    Good,
}

impl Severity {
    /// The class of a finding's line in the page (the style colours problems and good news).
    pub fn class(self) -> &'static str {
        match self {
            Severity::Problem => "problem",
            Severity::Warning => "warning",
            Severity::Good => "ok",
        }
    }
}
