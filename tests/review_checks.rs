//! Live checks on a call's decisions, on the fixture workspace.

mod review_fixture;

use ancrage::domain::Money;
use ancrage::i18n::Lang;
use ancrage::review::{AppKey, Change, ReviewState, Status, Warning, apply, check_all};
use chrono::DateTime;
use review_fixture::{CALL, workspace};

fn state_with(decisions: &[(&str, &str, Status)]) -> ReviewState {
    let ws = workspace();
    let call = ws.calls.iter().find(|c| c.id.as_str() == CALL).unwrap();
    let mut state = ReviewState::fresh(call);
    let at = DateTime::parse_from_rfc3339("2026-11-26T10:00:00+01:00").unwrap();
    for (structure, site, status) in decisions {
        let change = Change::SetStatus {
            key: AppKey::new(*structure, *site),
            status: *status,
            motivation: None,
        };
        apply(&mut state, &change, "test", at).unwrap();
    }
    state
}

#[test]
fn nothing_decided_nothing_to_say() {
    assert!(check_all(&workspace(), &state_with(&[])).is_empty());
}

#[test]
fn shortlisted_surfaces_beyond_the_site() {
    // Local 19 has no lot, 120 m² in all: recyclerie (150) alone exceeds it.
    let state = state_with(&[("recyclerie", "local-19", Status::Preselectionne)]);
    let warnings = check_all(&workspace(), &state);
    assert!(
        matches!(
            &warnings[..],
            [Warning::SurfaceExceeded { site, .. }] if site.as_str() == "local-19"
        ),
        "{warnings:?}"
    );
    let fr = warnings[0].message(Lang::Fr);
    assert!(fr.starts_with("Local 19\u{a0}: 150"), "{fr}");
    assert!(warnings[0].concerns(&AppKey::new("recyclerie", "local-19")));
    assert!(!warnings[0].concerns(&AppKey::new("cantine", "local-19")));
    // Friche Gallieni: lots of 200 + 100 m². 150 + 120 fits, + 60 does not.
    let fits = state_with(&[
        ("recyclerie", "friche-gallieni", Status::Preselectionne),
        ("atelier-bois", "friche-gallieni", Status::Accepte),
    ]);
    assert!(
        check_all(&workspace(), &fits)
            .iter()
            .all(|w| !matches!(w, Warning::SurfaceExceeded { .. }))
    );
    let too_many = state_with(&[
        ("recyclerie", "friche-gallieni", Status::Preselectionne),
        ("atelier-bois", "friche-gallieni", Status::Preselectionne),
        ("jardin", "friche-gallieni", Status::Accepte),
    ]);
    let warnings = check_all(&workspace(), &too_many);
    assert!(
        warnings.iter().any(
            |w| matches!(w, Warning::SurfaceExceeded { wished, .. } if wished.value() == 330.0)
        )
    );
    // Refused applications do not count.
    let refused_one = state_with(&[
        ("recyclerie", "friche-gallieni", Status::Preselectionne),
        ("jardin", "friche-gallieni", Status::Accepte),
        ("atelier-bois", "friche-gallieni", Status::EnConstruction),
    ]);
    assert!(
        check_all(&workspace(), &refused_one)
            .iter()
            .all(|w| !matches!(w, Warning::SurfaceExceeded { .. }))
    );
}

#[test]
fn structure_accepted_on_two_sites() {
    let state = state_with(&[
        ("recyclerie", "friche-gallieni", Status::Accepte),
        ("recyclerie", "local-19", Status::Accepte),
    ]);
    let warnings = check_all(&workspace(), &state);
    let several = warnings
        .iter()
        .find(|w| matches!(w, Warning::AcceptedOnSeveralSites { .. }))
        .expect("warned");
    let fr = several.message(Lang::Fr);
    assert!(fr.contains("acceptée sur 2 sites"), "{fr}");
    assert!(
        fr.contains("Friche Gallieni") && fr.contains("Local 19"),
        "names: {fr}"
    );
    assert!(!fr.contains("friche-gallieni"), "never the ids: {fr}");
    assert!(several.message(Lang::En).contains("accepted on 2 sites"));
}

#[test]
fn grants_against_cap_and_envelope() {
    // atelier-bois asks 40 000 € > 30 000 € cap, as soon as it is shortlisted.
    let state = state_with(&[("atelier-bois", "friche-gallieni", Status::Preselectionne)]);
    let warnings = check_all(&workspace(), &state);
    let cap = warnings
        .iter()
        .find(|w| matches!(w, Warning::GrantAboveCap { .. }))
        .expect("cap warned");
    assert_eq!(
        cap.message(Lang::Fr),
        "Atelier Bois Partagé demande 40\u{202f}000\u{a0}€, au-delà du plafond de 30\u{202f}000\u{a0}€ par structure"
    );
    // Envelope: lower it in the territory to trigger with the accepted grants (25 000 + 30 000).
    let mut ws = workspace();
    ws.territory.impact_fund.envelopes[0].amount = Money::euros(50_000);
    let state = state_with(&[
        ("recyclerie", "friche-gallieni", Status::Accepte),
        ("recyclerie", "local-19", Status::Accepte),
        ("cantine", "local-19", Status::Accepte),
    ]);
    let warnings = check_all(&ws, &state);
    assert!(
        warnings.iter().any(|w| matches!(w, Warning::EnvelopeExceeded { total, .. } if *total == Money::euros(55_000))),
        "recyclerie counted once: {warnings:?}"
    );
    // Shortlisted only: the envelope is about accepted structures.
    let state = state_with(&[
        ("cantine", "local-19", Status::Preselectionne),
        ("recyclerie", "local-19", Status::Preselectionne),
    ]);
    assert!(
        check_all(&ws, &state)
            .iter()
            .all(|w| !matches!(w, Warning::EnvelopeExceeded { .. }))
    );
}
