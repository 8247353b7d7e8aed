//! Finds the line and column of a field path (`site.lots[2].surface`) in a JSON text, so that
//! validation problems — found on typed values, long after parsing — still point into the file.
//!
//! serde_json keeps no positions in its values, hence this small scanner. It only runs on text
//! that already parsed, but stays defensive: any surprise gives `None`, never a panic.

/// One step of a field path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

/// Line and column (1-based, in characters) where the value at `field` starts in `text`.
pub fn locate(text: &str, field: &str) -> Option<(usize, usize)> {
    let segments = parse_path(field)?;
    let offset = Scanner {
        bytes: text.as_bytes(),
    }
    .find(0, &segments, 0)?;
    Some(line_column(text, offset))
}

fn parse_path(field: &str) -> Option<Vec<Segment<'_>>> {
    let mut segments = Vec::new();
    for part in field.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            segments.push(Segment::Key(key));
        }
        while let Some(inner) = rest.strip_prefix('[') {
            let close = inner.find(']')?;
            segments.push(Segment::Index(inner[..close].parse().ok()?));
            rest = &inner[close + 1..];
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(segments)
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Deeper than serde_json's own recursion limit (128): such a text never got this far.
const MAX_DEPTH: usize = 256;

struct Scanner<'a> {
    bytes: &'a [u8],
}

impl Scanner<'_> {
    fn at(&self, pos: usize) -> Option<u8> {
        self.bytes.get(pos).copied()
    }

    fn skip_ws(&self, mut pos: usize) -> usize {
        while matches!(self.at(pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            pos += 1;
        }
        pos
    }

    /// Offset of the value at `segments` below the value starting at (or after spaces from) `pos`.
    fn find(&self, pos: usize, segments: &[Segment<'_>], depth: usize) -> Option<usize> {
        let pos = self.skip_ws(pos);
        let Some((first, rest)) = segments.split_first() else {
            return Some(pos);
        };
        if depth > MAX_DEPTH {
            return None;
        }
        match first {
            Segment::Key(wanted) => {
                self.expect(pos, b'{')?;
                let mut pos = self.skip_ws(pos + 1);
                loop {
                    let key_end = self.skip_string(pos)?;
                    let key = std::str::from_utf8(self.bytes.get(pos + 1..key_end - 1)?).ok()?;
                    pos = self.skip_ws(key_end);
                    self.expect(pos, b':')?;
                    let value = self.skip_ws(pos + 1);
                    if unescape(key)? == *wanted {
                        return self.find(value, rest, depth + 1);
                    }
                    pos = self.skip_ws(self.skip_value(value, depth + 1)?);
                    self.expect(pos, b',')?;
                    pos = self.skip_ws(pos + 1);
                }
            }
            Segment::Index(wanted) => {
                self.expect(pos, b'[')?;
                let mut pos = self.skip_ws(pos + 1);
                for _ in 0..*wanted {
                    pos = self.skip_ws(self.skip_value(pos, depth + 1)?);
                    self.expect(pos, b',')?;
                    pos = self.skip_ws(pos + 1);
                }
                if self.at(pos) == Some(b']') {
                    return None;
                }
                self.find(pos, rest, depth + 1)
            }
        }
    }

    fn expect(&self, pos: usize, byte: u8) -> Option<()> {
        (self.at(pos) == Some(byte)).then_some(())
    }

    /// End (exclusive) of the string starting with `"` at `pos`.
    fn skip_string(&self, pos: usize) -> Option<usize> {
        self.expect(pos, b'"')?;
        let mut pos = pos + 1;
        loop {
            match self.at(pos)? {
                b'\\' => pos += 2,
                b'"' => return Some(pos + 1),
                _ => pos += 1,
            }
        }
    }

    /// End (exclusive) of the value starting at `pos`.
    fn skip_value(&self, pos: usize, depth: usize) -> Option<usize> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.at(pos)? {
            b'"' => self.skip_string(pos),
            open @ (b'{' | b'[') => {
                let close = if open == b'{' { b'}' } else { b']' };
                let mut pos = self.skip_ws(pos + 1);
                if self.at(pos) == Some(close) {
                    return Some(pos + 1);
                }
                loop {
                    if open == b'{' {
                        pos = self.skip_ws(self.skip_string(pos)?);
                        self.expect(pos, b':')?;
                        pos = self.skip_ws(pos + 1);
                    }
                    pos = self.skip_ws(self.skip_value(pos, depth + 1)?);
                    match self.at(pos)? {
                        b',' => pos = self.skip_ws(pos + 1),
                        c if c == close => return Some(pos + 1),
                        _ => return None,
                    }
                }
            }
            _ => {
                // Number, true, false, null: up to the next delimiter.
                let mut end = pos;
                while matches!(self.at(end), Some(c) if !b",]} \t\n\r".contains(&c)) {
                    end += 1;
                }
                (end > pos).then_some(end)
            }
        }
    }
}

fn unescape(raw: &str) -> Option<String> {
    if raw.contains('\\') {
        serde_json::from_str(&format!("\"{raw}\"")).ok()
    } else {
        Some(raw.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r#"{
  "schema_version": 1,
  "site": {
    "id": "friche",
    "tags": {"a": [1, {"b": 2}], "c\"d": "x"},
    "lots": [
      {"id": "a", "surface": 10},
      {
        "id": "b",
        "surface": -5
      }
    ]
  }
}"#;

    #[test]
    fn finds_nested_fields() {
        assert_eq!(locate(TEXT, "site.lots[1].surface"), Some((10, 20)));
        assert_eq!(locate(TEXT, "site.lots[0].surface"), Some((7, 30)));
        assert_eq!(locate(TEXT, "site.id"), Some((4, 11)));
        assert_eq!(locate(TEXT, "schema_version"), Some((2, 21)));
        // Skips over nested values and escaped keys on the way.
        assert_eq!(locate(TEXT, "site.tags.a[1].b"), Some((5, 29)));
        assert_eq!(locate(TEXT, "site.lots"), Some((6, 13)));
    }

    #[test]
    fn missing_fields_give_none() {
        assert_eq!(locate(TEXT, "site.lots[2].surface"), None);
        assert_eq!(locate(TEXT, "site.nope"), None);
        assert_eq!(locate(TEXT, "site.id[0]"), None);
        assert_eq!(locate(TEXT, "site.lots[x]"), None);
    }

    #[test]
    fn garbage_never_panics() {
        for text in [
            "",
            "{",
            "[",
            "{\"a\"",
            "{\"a\":",
            "\"",
            "{\"a\":[1,",
            "é{\"é\":1}",
        ] {
            let _ = locate(text, "a[0].b");
            let _ = locate(text, "a");
        }
    }
}
