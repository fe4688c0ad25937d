//! Problems found in the input, collected over a whole run so the user sees
//! every one of them at once instead of fixing them one build at a time.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Stops the run from publishing.
    Error,
    /// Published anyway, but the user should look (e.g. an unlinked
    /// translation candidate).
    Warning,
}

/// One problem, located as precisely as the input allows.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Path relative to the articles folder (or the configuration file).
    pub path: String,
    /// 1-based line, when the problem has one.
    pub line: Option<usize>,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    pub fn error(path: impl Into<String>, line: Option<usize>, message: impl Into<String>) -> Self {
        Diagnostic::new(path.into(), line, Severity::Error, message.into())
    }

    pub fn warning(
        path: impl Into<String>,
        line: Option<usize>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic::new(path.into(), line, Severity::Warning, message.into())
    }

    /// One problem is one line (`path:line: severity: message`), which
    /// scripts and cron mail rely on: a message of several lines, as a
    /// parser may give, is joined with `; `.
    fn new(path: String, line: Option<usize>, severity: Severity, message: String) -> Self {
        let message = if message.contains(['\n', '\r']) {
            let lines: Vec<&str> = message
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            lines.join("; ")
        } else {
            message
        };
        Diagnostic {
            path,
            line,
            severity,
            message,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.line {
            Some(line) => write!(f, "{}:{}: {kind}: {}", self.path, line, self.message),
            None => write!(f, "{}: {kind}: {}", self.path, self.message),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_message_of_several_lines_is_one_line() {
        let d = super::Diagnostic::error(
            "a.md",
            Some(3),
            "invalid TOML: invalid date-time\nvalue is out of range\n",
        );
        assert_eq!(
            d.to_string(),
            "a.md:3: error: invalid TOML: invalid date-time; value is out of range"
        );
    }
}
