//! The order in which names are listed: natural order (« Atelier 2 » before « Atelier 10 ») of
//! their folded text (« Élan » among the E), ties by position. Each name is folded once, not
//! at each comparison: sorting 100 000 names compares each many times.

use crate::i18n::natural::natural_cmp;
use crate::tui::shared::search::fold;

/// The place of each of `names` in that order: `places[i]` is where `names[i]` goes.
pub fn places<S: AsRef<str>>(names: &[S]) -> Vec<u32> {
    let folded: Vec<String> = names.iter().map(|n| fold(n.as_ref()).text).collect();
    let mut by_name: Vec<usize> = (0..folded.len()).collect();
    by_name.sort_by(|&a, &b| natural_cmp(&folded[a], &folded[b]).then(a.cmp(&b)));
    let mut places = vec![0; folded.len()];
    for (place, item) in by_name.into_iter().enumerate() {
        places[item] = u32::try_from(place).unwrap_or(u32::MAX);
    }
    places
}

/// `items` sorted by the names `name` gives them, in that order (stable among equal names).
pub fn sort_by_name<'a, T>(items: &mut Vec<T>, name: impl Fn(&T) -> &'a str) {
    let names: Vec<&str> = items.iter().map(&name).collect();
    let places = places(&names);
    let mut placed: Vec<(u32, T)> = places.into_iter().zip(items.drain(..)).collect();
    placed.sort_by_key(|(place, _)| *place);
    items.extend(placed.into_iter().map(|(_, item)| item));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_natural_order_of_their_folded_text() {
        let names = ["atelier 10", "Élan", "Atelier 2", "zèbre", "elan"];
        assert_eq!(places(&names), vec![1, 2, 0, 4, 3]);
        let mut items: Vec<&str> = names.to_vec();
        sort_by_name(&mut items, |s: &&str| *s);
        assert_eq!(items, ["Atelier 2", "atelier 10", "Élan", "elan", "zèbre"]);
    }
}
