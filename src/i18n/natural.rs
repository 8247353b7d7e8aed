//! Natural order for names with numbers: « Atelier n° 78 » before « Atelier n° 191 », as a
//! person sorts them (a plain string order puts 191 first).

use std::cmp::Ordering;

/// Compares two texts run by run: digit runs by their value, the rest char by char. Meant for
/// text already folded (`fold::fold_text`), so accents and case do not count either.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a, b);
    loop {
        match (a.chars().next(), b.chars().next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let (da, ra) = split_digits(a);
                let (db, rb) = split_digits(b);
                let (ta, tb) = (da.trim_start_matches('0'), db.trim_start_matches('0'));
                let by_value = ta.len().cmp(&tb.len()).then_with(|| ta.cmp(tb));
                if by_value != Ordering::Equal {
                    return by_value;
                }
                // Same value: fewer leading zeros first, so the order stays total.
                let by_width = da.len().cmp(&db.len());
                if by_width != Ordering::Equal {
                    return by_width;
                }
                (a, b) = (ra, rb);
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(&y);
                }
                (a, b) = (&a[x.len_utf8()..], &b[y.len_utf8()..]);
            }
        }
    }
}

fn split_digits(text: &str) -> (&str, &str) {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    text.split_at(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn numbers_sort_by_value() {
        let mut names = vec![
            "atelier n° 191",
            "atelier n° 78",
            "atelier n° 19",
            "atelier",
        ];
        names.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            names,
            [
                "atelier",
                "atelier n° 19",
                "atelier n° 78",
                "atelier n° 191"
            ]
        );
        assert_eq!(natural_cmp("lot 007", "lot 7"), Ordering::Greater);
        assert_eq!(natural_cmp("b2", "b10"), Ordering::Less);
    }

    proptest! {
        #[test]
        fn a_total_order(a in "[a-c0-9 ]{0,8}", b in "[a-c0-9 ]{0,8}", c in "[a-c0-9 ]{0,8}") {
            prop_assert_eq!(natural_cmp(&a, &b), natural_cmp(&b, &a).reverse());
            prop_assert_eq!(natural_cmp(&a, &b) == Ordering::Equal, a == b);
            if natural_cmp(&a, &b) != Ordering::Greater && natural_cmp(&b, &c) != Ordering::Greater {
                prop_assert_ne!(natural_cmp(&a, &c), Ordering::Greater);
            }
        }
    }
}
