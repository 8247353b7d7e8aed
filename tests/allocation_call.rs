//! Lots given once and the allocation of the demo call, end to end: live checks, `review set`
//! choosing a free lot, `ancrage check` pointing at the decision, `ancrage allocate` (human and
//! JSON), and the proposal applied as the shortlist in one undoable step.

use ancrage::allocation::{Request, allocate};
use ancrage::domain::{CallId, Workspace};
use ancrage::i18n::Lang;
use ancrage::review::{AppKey, Change, ReviewState, Status, UndoStack, Warning, apply, check_all};
use chrono::{DateTime, NaiveDate};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

const CALL: &str = "tempo-2026";
const USINE: &str = "usine-des-transitions";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn demo() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    ancrage::store::init::init_workspace(dir.path()).unwrap();
    let ws = ancrage::store::load::load_workspace(dir.path()).unwrap();
    (dir, ws)
}

fn decide(state: &mut ReviewState, structure: &str, site: &str, status: Status) {
    let at = DateTime::parse_from_rfc3339("2026-11-26T10:00:00+01:00").unwrap();
    let change = Change::SetStatus {
        key: AppKey::new(structure, site),
        status,
        motivation: status.requires_motivation().then(|| "motif".to_owned()),
    };
    apply(state, &change, "test", at).unwrap();
}

fn ancrage(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ancrage"))
        .arg("--workspace")
        .arg(dir)
        .args(args)
        .env("ANCRAGE_OFFICER", "Test")
        .env_remove("ANCRAGE_WORKSPACE")
        .output()
        .unwrap()
}

/// The case: the Conserverie and Les Copeaux Volants both accepted in the cockpit get
/// « Bâtiment B — atelier 1 » from the engine; the checks say so, naming both.
#[test]
fn the_same_workshop_accepted_twice_is_warned() {
    let (_dir, ws) = demo();
    let call = ws.call(&CallId::new(CALL)).unwrap();
    let mut state = ReviewState::fresh(call);
    decide(&mut state, "conserverie-quai-sucre", USINE, Status::Accepte);
    decide(&mut state, "copeaux-volants", USINE, Status::Accepte);
    let warnings = check_all(&ws, &state);
    let twice = warnings
        .iter()
        .find(|w| matches!(w, Warning::LotGivenTwice { .. }))
        .expect("a lot given twice");
    let fr = twice.message(Lang::Fr);
    assert!(fr.contains("«\u{a0}Bâtiment B — atelier 1\u{a0}»"), "{fr}");
    assert!(fr.contains("Conserverie du Quai Sucré") && fr.contains("Les Copeaux Volants"));
    assert!(twice.concerns(&AppKey::new("copeaux-volants", USINE)));
    assert!(twice.message(Lang::En).contains("a lot is given once"));

    // Materiaux Rebonds (700 m²) and Cyclofret (2 000 m²) on the 2 000 m² outdoor yard.
    decide(
        &mut state,
        "materiaux-rebonds",
        USINE,
        Status::Preselectionne,
    );
    decide(
        &mut state,
        "cyclofret-grand-large",
        USINE,
        Status::Preselectionne,
    );
    let warnings = check_all(&ws, &state);
    let pool = warnings
        .iter()
        .find(|w| matches!(w, Warning::PoolExceeded { .. }))
        .expect("a pool over its m²");
    let fr = pool.message(Lang::Fr);
    assert!(
        fr.contains("2\u{202f}700\u{a0}m² retenus pour 2\u{202f}000\u{a0}m²"),
        "{fr}"
    );
}

#[test]
fn the_allocation_respects_decisions_pins_and_capacities() {
    let (_dir, ws) = demo();
    let call = ws.call(&CallId::new(CALL)).unwrap();
    let mut state = ReviewState::fresh(call);
    decide(&mut state, "conserverie-quai-sucre", USINE, Status::Accepte);
    decide(&mut state, "emplois-du-plateau", USINE, Status::Refuse);
    let request = Request {
        pins: vec![AppKey::new(
            "cyclofret-grand-large",
            "tempo-noisy-plaine-ourcq-entrepot",
        )],
        forbids: vec![AppKey::new("materiaux-rebonds", USINE)],
        min_priority: 0,
        bonus: 0.0,
    };
    let proposal = allocate(&ws, call, &state, &request, today()).unwrap();
    let placed = |s: &str| {
        proposal
            .placements
            .iter()
            .find(|p| p.structure.as_str() == s)
    };
    assert_eq!(
        placed("conserverie-quai-sucre").unwrap().site.as_str(),
        USINE
    );
    assert!(placed("conserverie-quai-sucre").unwrap().pinned);
    assert!(placed("emplois-du-plateau").is_none());
    assert!(placed("materiaux-rebonds").is_none_or(|p| p.site.as_str() != USINE));
    assert_eq!(
        placed("cyclofret-grand-large").unwrap().site.as_str(),
        "tempo-noisy-plaine-ourcq-entrepot"
    );
    // Each structure once, each whole lot once, each pool within its m².
    let structures: BTreeSet<_> = proposal.placements.iter().map(|p| &p.structure).collect();
    assert_eq!(structures.len(), proposal.placements.len());
    for site in &proposal.sites {
        for lot in &site.lots {
            if lot.pooled {
                assert!(lot.used_m2 <= lot.surface + 1e-6, "{lot:?}");
            } else {
                assert!(lot.holders.len() <= 1, "{lot:?}");
            }
        }
    }
    assert!(proposal.gap >= 0.0 && proposal.bound + 1e-6 >= proposal.objective);
    // Everyone not placed says why.
    assert_eq!(
        proposal.placements.len() + proposal.unplaced.len(),
        call.applications.len()
    );
    // A floor of placements in the North and East zones is met when it can be; one that
    // cannot still gives a valid allocation, short of the floor.
    for floor in [proposal.priority_placements, 999] {
        let east = allocate(
            &ws,
            call,
            &state,
            &Request {
                min_priority: floor,
                ..request.clone()
            },
            today(),
        )
        .unwrap();
        assert!(east.priority_placements >= floor.min(proposal.priority_placements));
        assert!(east.objective <= east.bound + 1e-6);
    }
}

#[test]
fn the_proposal_becomes_the_shortlist_in_one_undoable_step() {
    let (_dir, ws) = demo();
    let call = ws.call(&CallId::new(CALL)).unwrap();
    let mut state = ReviewState::fresh(call);
    decide(
        &mut state,
        "velos-remontants",
        "tempo-noisy-plaine-ourcq-entrepot",
        Status::Preselectionne,
    );
    let proposal = allocate(&ws, call, &state, &Request::default(), today()).unwrap();
    let before = state.clone();
    let mut stack = UndoStack::new();
    let at = DateTime::parse_from_rfc3339("2026-11-26T11:00:00+01:00").unwrap();
    stack
        .apply(&mut state, &proposal.shortlist_change(), "test", at)
        .unwrap();
    let shortlisted: BTreeSet<AppKey> = state
        .with_status(Status::Preselectionne)
        .map(|(k, _)| k.clone())
        .collect();
    let proposed: BTreeSet<AppKey> = proposal.placements.iter().map(|p| p.key()).collect();
    assert_eq!(shortlisted, proposed);
    assert!(
        check_all(&ws, &state).iter().all(|w| !matches!(
            w,
            Warning::LotGivenTwice { .. } | Warning::PoolExceeded { .. }
        )),
        "{:?}",
        check_all(&ws, &state)
    );
    stack.undo(&mut state, "test", at).unwrap();
    for (key, app) in &state.applications {
        let was = before.get(key).unwrap();
        assert_eq!(
            (app.status, &app.holding),
            (was.status, &was.holding),
            "{key}"
        );
    }
}

#[test]
fn command_line_review_set_check_and_allocate() {
    let (dir, _ws) = demo();
    let d = dir.path();
    let set = |structure: &str| {
        ancrage(
            d,
            &[
                "review",
                "set",
                "--call",
                CALL,
                "--structure",
                structure,
                "--site",
                USINE,
                "--status",
                "accepte",
                "--today",
                "2026-11-26",
            ],
        )
    };
    let first = set("conserverie-quai-sucre");
    assert!(first.status.success());
    assert!(String::from_utf8_lossy(&first.stdout).contains("Bâtiment B — atelier 1"));
    // The second acceptance takes another, free, lot: no warning.
    let second = set("copeaux-volants");
    let out = String::from_utf8_lossy(&second.stdout);
    assert!(
        second.status.success() && !out.contains("atelier 1"),
        "{out}"
    );
    assert!(!String::from_utf8_lossy(&second.stderr).contains("une fois"));
    // Forcing the same lot is allowed, and warned.
    let forced = ancrage(
        d,
        &[
            "review",
            "set",
            "--call",
            CALL,
            "--structure",
            "terre-paille-batisseurs",
            "--site",
            USINE,
            "--status",
            "preselectionne",
            "--lot",
            "atelier-b1",
        ],
    );
    assert!(forced.status.success());
    assert!(String::from_utf8_lossy(&forced.stderr).contains("un lot ne se donne qu'une fois"));
    let bad = ancrage(
        d,
        &[
            "review",
            "set",
            "--call",
            CALL,
            "--structure",
            "materiaux-rebonds",
            "--site",
            USINE,
            "--status",
            "preselectionne",
            "--lot",
            "atelier-b1",
            "--m2",
            "50",
        ],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("indivisible"));

    let check = ancrage(d, &["check"]);
    assert!(check.status.success());
    let text = String::from_utf8_lossy(&check.stdout);
    let line = text
        .lines()
        .find(|l| l.contains("une fois"))
        .expect("the check names the lot given twice");
    assert!(line.starts_with("reviews/tempo-2026.json:"), "{line}");
    assert!(line.contains(": review.applications["), "{line}");

    let json = ancrage(
        d,
        &[
            "allocate",
            "--call",
            CALL,
            "--json",
            "--today",
            "2026-11-26",
        ],
    );
    assert!(
        json.status.success(),
        "{}",
        String::from_utf8_lossy(&json.stderr)
    );
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    for field in [
        "placements",
        "objective",
        "bound",
        "gap",
        "unplaced",
        "envy",
        "millis",
    ] {
        assert!(value.get(field).is_some(), "{field} missing");
    }
    let placement = &value["placements"][0];
    for field in ["structure", "site", "lot", "m2", "score"] {
        assert!(
            placement.get(field).is_some(),
            "placements[].{field} missing"
        );
    }
    assert!(value["gap"].as_f64().unwrap() >= 0.0);

    let human = ancrage(d, &["allocate", "--call", CALL, "--today", "2026-11-26"]);
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(text.contains("Répartition proposée"), "{text}");
    assert!(
        text.contains("de l’optimum") || text.contains("optimale"),
        "{text}"
    );
    assert!(
        !text.contains("usine-des-transitions"),
        "names, not ids: {text}"
    );

    let refused = ancrage(d, &["allocate", "--call", CALL, "--pin", "nobody:nowhere"]);
    assert_eq!(refused.status.code(), Some(2));

    // The officer breaks the tie between the two accepted at 94,0; the jury file says why.
    let tie = ancrage(
        d,
        &[
            "review",
            "tie-break",
            "--call",
            CALL,
            "--site",
            USINE,
            "--order",
            "copeaux-volants,conserverie-quai-sucre",
            "--motivation",
            "visite du 3 décembre",
        ],
    );
    assert!(
        tie.status.success(),
        "{}",
        String::from_utf8_lossy(&tie.stderr)
    );
    assert!(String::from_utf8_lossy(&tie.stdout).contains("Les Copeaux Volants > Conserverie"));
    let out = d.join("jury.md");
    let export = ancrage(
        d,
        &[
            "export",
            "--call",
            CALL,
            "--format",
            "md",
            "--status",
            "accepte",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(
        export.status.success(),
        "{}",
        String::from_utf8_lossy(&export.stderr)
    );
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(
        md.contains("départagé par le service\u{a0}: visite du 3 décembre"),
        "{md}"
    );
    // Allocation applied as the shortlist, in one step.
    let applied = ancrage(
        d,
        &[
            "allocate",
            "--call",
            CALL,
            "--apply",
            "--today",
            "2026-11-26",
        ],
    );
    assert!(applied.status.success());
    assert!(String::from_utf8_lossy(&applied.stderr).contains("annulable d'un bloc"));
}
