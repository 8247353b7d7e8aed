//! The cockpit's part of issue 11, through the real keymap into a TestBackend, on the demo
//! workspace of `ancrage init` (its call has three structures at 94,0 on the Usine des
//! transitions, and the workshop the Conserverie and Les Copeaux Volants both want):
//! lots given once in the decision and chosen with `L`, the allocation view (`A`) applied as
//! the shortlist and undone, ties shown as ties and broken with `D`, the robustness of each
//! place on the tab and in the score card.

mod cockpit;
mod support;

use ancrage::domain::{Holding, LotId, Surface, Workspace};
use ancrage::i18n::Lang;
use ancrage::review::{AppKey, Status, Warning};
use ancrage::tui::DialogKind;
use ancrage::tui::dialogs::allocation::AllocationDialog;
use cockpit::session::Session;
use tempfile::TempDir;

const USINE: &str = "usine-des-transitions";

fn demo() -> Workspace {
    let dir = tempfile::tempdir().expect("temp dir");
    ancrage::store::init::init_workspace(dir.path()).expect("init");
    ancrage::store::load::load_workspace(dir.path()).expect("load")
}

/// The demo in the cockpit, its review opened on a temp folder, on the Appel tab.
fn cockpit(width: u16, height: u16) -> (Session, TempDir) {
    let dir = tempfile::Builder::new()
        .prefix("ancrage-")
        .tempdir()
        .expect("temp dir");
    let mut s = Session::with(demo(), Lang::Fr, width, height);
    s.app.ctx.workspace_path = dir.path().to_owned();
    s.app.open_review_as("Léa Martin");
    s.keys("3");
    (s, dir)
}

fn usine(structure: &str) -> AppKey {
    AppKey::new(structure, USINE)
}

/// Puts the cursor on `structure`'s row on the Usine des transitions.
fn go_to(s: &mut Session, structure: &str) {
    let at = s
        .app
        .appel
        .rows
        .iter()
        .position(|r| r.key == usine(structure))
        .unwrap_or_else(|| panic!("{structure} is a row"));
    s.keys("g");
    for _ in 0..at {
        s.keys("j");
    }
    assert_eq!(
        s.app.appel.row().map(|r| r.key.clone()),
        Some(usine(structure))
    );
}

fn dialog(s: &Session) -> &AllocationDialog {
    s.app
        .top::<AllocationDialog>()
        .expect("the allocation view is open")
}

/// Whether `needle` shows at some point while the detail scrolls down (J), then back up.
fn in_detail(s: &mut Session, needle: &str) -> bool {
    let mut seen = s.screen().contains(needle);
    for _ in 0..60 {
        s.keys("J");
        seen |= s.screen().contains(needle);
    }
    for _ in 0..60 {
        s.keys("K");
    }
    seen
}

fn holding(s: &Session, key: &AppKey) -> Option<Holding> {
    s.app.ctx.application(key).and_then(|a| a.holding.clone())
}

fn status(s: &Session, key: &AppKey) -> Option<Status> {
    s.app.ctx.status(key)
}

/// The screen with what changes from run to run masked: the temp folder, the clock, the
/// time the allocation took.
fn masked(s: &Session, dir: &TempDir) -> String {
    let path = dir.path().display().to_string();
    let mut out = String::new();
    for line in s
        .screen()
        .replace(&path, &"X".repeat(path.chars().count()))
        .lines()
    {
        let mut line = line.to_owned();
        if let Some(at) = line.find("Calculé en ") {
            let start = at + "Calculé en ".len();
            let end = line[start..].find(" ms").map_or(start, |e| start + e);
            line.replace_range(start..end, &"N".repeat(line[start..end].chars().count()));
        }
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        let mut masked = String::new();
        while i < chars.len() {
            let clock = chars.len() >= i + 16
                && chars[i..i + 16].iter().enumerate().all(|(j, c)| match j {
                    2 | 5 => *c == '/',
                    10 => *c == ' ',
                    13 => *c == ':',
                    _ => c.is_ascii_digit(),
                });
            if clock {
                masked.push_str("jj/mm/aaaa hh:mm");
                i += 16;
            } else {
                masked.push(chars[i]);
                i += 1;
            }
        }
        out.push_str(&masked);
        out.push('\n');
    }
    out
}

#[test]
fn shortlisting_or_accepting_names_the_best_free_lot() {
    let (mut s, _dir) = cockpit(120, 40);
    go_to(&mut s, "conserverie-quai-sucre");
    s.keys("a n");
    let taken = holding(&s, &usine("conserverie-quai-sucre")).expect("the lot is in the decision");
    assert_eq!(taken.lot, LotId::new("atelier-b1"));
    assert!(
        s.screen()
            .contains("lot «\u{a0}Bâtiment B — atelier 1\u{a0}»"),
        "{}",
        s.screen()
    );
    // The engine would give Les Copeaux Volants the same workshop: the decision takes
    // another free one instead, and nothing is given twice.
    go_to(&mut s, "copeaux-volants");
    s.keys("p");
    let other = holding(&s, &usine("copeaux-volants")).expect("a free lot named");
    assert_ne!(other.lot, taken.lot);
    assert!(
        !s.app
            .ctx
            .warnings
            .iter()
            .any(|w| matches!(w, Warning::LotGivenTwice { .. })),
        "{:?}",
        s.app.ctx.warnings
    );
    // The lot held is in the detail, and in its column where it fits.
    let screen = s.screen();
    assert!(
        screen.contains("Lot tenu") && screen.contains("nommé dans la décision"),
        "{screen}"
    );
    // Undone with the decision.
    s.keys("u");
    assert_eq!(holding(&s, &usine("copeaux-volants")), None);
}

#[test]
fn the_lot_picker_names_a_lot_or_a_share_and_a_lot_given_twice_is_flagged() {
    let (mut s, _dir) = cockpit(120, 40);
    go_to(&mut s, "copeaux-volants");
    s.keys("L");
    assert!(
        s.screen().contains("présélectionnée ou acceptée"),
        "{}",
        s.screen()
    );
    assert_eq!(s.app.dialog(), None, "no lot before a place is held");
    go_to(&mut s, "conserverie-quai-sucre");
    s.keys("a n");
    go_to(&mut s, "copeaux-volants");
    s.keys("p L");
    assert_eq!(s.app.dialog(), Some(DialogKind::LotPicker));
    let picker = s.screen();
    assert!(
        picker.contains("déjà tenu par\u{a0}: Conserverie du Quai Sucré (accepté)"),
        "{picker}"
    );
    assert!(
        picker.contains("partagé au m²") && picker.contains("libre"),
        "{picker}"
    );
    // The first lot is the shared hall: its m², typed the French way.
    s.keys("k k k k k k k k k enter");
    assert_eq!(s.app.scope(), ancrage::tui::keymap::Scope::LotSurface);
    for _ in 0..6 {
        s.keys("backspace");
    }
    s.type_text("abc");
    s.keys("enter");
    assert!(
        s.screen().contains("n’est pas un nombre de m²"),
        "{}",
        s.screen()
    );
    for _ in 0..3 {
        s.keys("backspace");
    }
    s.type_text("2500");
    s.keys("enter");
    assert!(
        s.screen().contains("attendu plus de 0 et au plus"),
        "{}",
        s.screen()
    );
    for _ in 0..4 {
        s.keys("backspace");
    }
    s.type_text("310,5");
    s.keys("enter");
    assert_eq!(s.app.dialog(), None);
    assert_eq!(
        holding(&s, &usine("copeaux-volants")),
        Some(Holding::share(LotId::new("halle-a"), Surface::m2(310.5)))
    );
    // Now the workshop the Conserverie holds: chosen all the same, said, and flagged on both
    // rows and in the detail in full.
    s.keys("L k k k k k k k k k j enter");
    assert_eq!(
        holding(&s, &usine("copeaux-volants")),
        Some(Holding::whole(LotId::new("atelier-b1")))
    );
    let twice = s
        .app
        .ctx
        .warnings
        .iter()
        .find(|w| matches!(w, Warning::LotGivenTwice { .. }))
        .expect("a lot given twice");
    assert!(twice.concerns(&usine("copeaux-volants")));
    assert!(twice.concerns(&usine("conserverie-quai-sucre")));
    let screen = s.screen();
    assert!(
        screen.contains("un lot ne se donne qu'une fois"),
        "{screen}"
    );
    let flagged = screen
        .lines()
        .filter(|l| {
            (l.contains("Les Copeaux Volants") || l.contains("Conserverie du Quai"))
                && l.contains('⚠')
        })
        .count();
    assert!(flagged >= 2, "both rows flagged:\n{screen}");
    // Suppr gives the choice back to the engine.
    s.keys("L delete");
    assert_eq!(holding(&s, &usine("copeaux-volants")), None);
}

#[test]
fn a_pool_over_its_m2_is_flagged_on_the_row() {
    let (mut s, _dir) = cockpit(120, 40);
    // Matériaux Rebonds takes 700 m² of the 2 000 m² yard; Cyclofret Grand Large is given
    // the storage pool, not the yard: no more than is left.
    go_to(&mut s, "materiaux-rebonds");
    s.keys("p");
    assert_eq!(
        holding(&s, &usine("materiaux-rebonds")),
        Some(Holding::share(LotId::new("cour-est"), Surface::m2(700.0)))
    );
    go_to(&mut s, "cyclofret-grand-large");
    s.keys("p");
    let given = holding(&s, &usine("cyclofret-grand-large")).expect("a free lot");
    assert_ne!(given.lot, LotId::new("cour-est"));
    // The officer asks for the whole yard all the same: taken, and flagged.
    s.keys("L j j j j j j j j j enter");
    for _ in 0..6 {
        s.keys("backspace");
    }
    s.type_text("2000");
    s.keys("enter");
    let over = s
        .app
        .ctx
        .warnings
        .iter()
        .find(|w| matches!(w, Warning::PoolExceeded { .. }))
        .expect("the yard is over its m²");
    assert!(over.concerns(&usine("cyclofret-grand-large")));
    assert!(over.concerns(&usine("materiaux-rebonds")));
    let screen = s.screen();
    assert!(
        screen
            .lines()
            .any(|l| l.contains("Cyclofret") && l.contains('⚠')),
        "{screen}"
    );
    assert!(in_detail(&mut s, "de trop"));
}

#[test]
fn ties_are_shown_as_ties_and_broken_by_the_grid_or_the_officer() {
    let (mut s, _dir) = cockpit(120, 40);
    let screen = s.screen();
    assert!(screen.contains("Rang"), "{screen}");
    assert!(
        screen.contains("1 ex æquo") && screen.contains("3 ex æquo"),
        "{screen}"
    );
    assert!(in_detail(
        &mut s,
        "ex æquo au score comme à la grille du jury"
    ));
    // The officer's order, with its motivation.
    go_to(&mut s, "materiaux-rebonds");
    s.keys("=");
    assert_eq!(s.app.dialog(), Some(DialogKind::TieBreak));
    s.keys("J enter enter");
    assert!(
        s.screen().contains("La motivation est obligatoire"),
        "{}",
        s.screen()
    );
    s.type_text("Chantier prêt dès mars");
    s.keys("enter");
    assert_eq!(s.app.dialog(), None);
    let tie = s
        .app
        .ctx
        .review()
        .and_then(|r| r.tie_breaks.get(&USINE.into()).cloned())
        .expect("the tie-break is recorded");
    assert_eq!(
        tie.order,
        vec!["terre-paille-batisseurs".into(), "materiaux-rebonds".into()]
    );
    assert_eq!(s.app.appel.rows[0].key, usine("terre-paille-batisseurs"));
    s.keys("g");
    assert!(in_detail(
        &mut s,
        "départagé par le service\u{a0}: Chantier prêt dès mars"
    ));
    assert!(!s.screen().contains("1 ex æquo"), "{}", s.screen());
    // Undone: the tie stands again.
    s.keys("u");
    assert!(s.screen().contains("1 ex æquo"), "{}", s.screen());
    // The jury grid breaks it too: Terre et Paille graded, Matériaux Rebonds not.
    go_to(&mut s, "terre-paille-batisseurs");
    s.keys("t 4 4 4 4 4 4 esc");
    s.keys("g");
    assert_eq!(s.app.appel.rows[0].key, usine("terre-paille-batisseurs"));
    assert!(in_detail(&mut s, "départagé par la grille du jury"));
    // No tie, nothing to break.
    go_to(&mut s, "cyclofret-grand-large");
    s.keys("=");
    assert_eq!(s.app.dialog(), None);
    assert!(s.screen().contains("rien à départager"), "{}", s.screen());
}

#[test]
fn robustness_on_the_tab_and_in_the_score_card() {
    let (mut s, _dir) = cockpit(120, 40);
    let screen = s.screen();
    assert!(screen.contains("Robustesse"), "{screen}");
    assert!(
        screen.contains("100\u{a0}% stable") && screen.contains("0\u{a0}% hors"),
        "{screen}"
    );
    // K follows the decisions: three places held, the four at 94,0 tie with the third.
    go_to(&mut s, "conserverie-quai-sucre");
    s.keys("p");
    go_to(&mut s, "materiaux-rebonds");
    s.keys("p j p");
    let key = usine("emplois-du-plateau");
    let structure = s.app.ctx.workspace.structure_index(&key.structure);
    let site = s.app.appel.standings.site(&key.site);
    let standing = structure.and_then(|i| site?.standing(i)).copied();
    assert_eq!(standing.map(|s| s.rank), Some(3));
    assert!(
        structure
            .and_then(|i| site?.p_top_k(i))
            .is_some_and(|p| p > 0.9)
    );
    s.keys("enter");
    assert_eq!(s.app.dialog(), Some(DialogKind::ScoreCard));
    let card = s.screen();
    assert!(card.contains("Rang et robustesse"), "{card}");
    assert!(card.contains("tirages de poids"), "{card}");
    assert!(card.contains("Reste dans les 3 premiers"), "{card}");
}

#[test]
fn the_score_card_scrolls_to_its_last_line_and_no_further() {
    let (mut s, _dir) = cockpit(80, 24);
    s.keys("enter");
    assert_eq!(s.app.dialog(), Some(DialogKind::ScoreCard));
    let top = s.screen();
    assert!(
        top.contains("lignes 1–"),
        "the card says there is more: {top}"
    );
    for _ in 0..200 {
        s.keys("j");
    }
    let bottom = s.screen();
    // The last line of the card shows at the bottom of the popup, and one more `k` moves it.
    assert!(bottom.contains("Les mêmes restent en tête"), "{bottom}");
    let rows: Vec<&str> = bottom.lines().collect();
    let border = rows
        .iter()
        .rposition(|r| r.contains("lignes "))
        .expect("position on the border");
    assert!(
        !rows[border - 1]
            .trim_matches(|c: char| c == '│' || c.is_whitespace())
            .is_empty(),
        "no blank row above the border: {bottom}"
    );
    s.keys("k");
    assert_ne!(s.screen(), bottom);
}

#[test]
fn the_allocation_is_worked_out_again_as_pins_and_forbids_change() {
    let (mut s, _dir) = cockpit(120, 40);
    s.keys("A");
    assert_eq!(s.app.dialog(), Some(DialogKind::Allocation));
    let screen = s.screen();
    assert!(screen.contains("Répartition proposée"), "{screen}");
    assert!(
        screen.contains("au plus de") || screen.contains("optimale"),
        "{screen}"
    );
    // The sites first, then who is left out and why, then the justified envy (J scrolls).
    assert!(screen.contains("utilisés sur"), "{screen}");
    let mut seen_unplaced = false;
    for _ in 0..40 {
        s.keys("J");
        seen_unplaced |= s.screen().contains("Sans place (");
    }
    let screen = s.screen();
    assert!(seen_unplaced, "{screen}");
    assert!(
        screen.contains("À expliquer") && screen.contains("Calculé en"),
        "{screen}"
    );
    for _ in 0..40 {
        s.keys("K");
    }
    let placed_on = |s: &Session, structure: &str| {
        dialog(s)
            .proposal
            .as_ref()
            .and_then(|p| {
                p.placements
                    .iter()
                    .find(|x| x.structure.as_str() == structure)
            })
            .map(|x| x.site.to_string())
    };
    assert_eq!(placed_on(&s, "materiaux-rebonds").as_deref(), Some(USINE));
    // Forbid Matériaux Rebonds on the Usine: it goes elsewhere; allowed again, it comes back.
    assert_eq!(
        dialog(&s).row().map(|r| r.key.clone()),
        Some(usine("materiaux-rebonds"))
    );
    s.keys("x");
    assert!(s.screen().contains("exclue ici"), "{}", s.screen());
    assert_ne!(placed_on(&s, "materiaux-rebonds").as_deref(), Some(USINE));
    s.keys("x");
    assert_eq!(placed_on(&s, "materiaux-rebonds").as_deref(), Some(USINE));
    // Pin an application the proposal leaves out: it is placed.
    let left_out = dialog(&s)
        .rows
        .iter()
        .position(|r| {
            r.eligible
                && dialog(&s)
                    .proposal
                    .as_ref()
                    .is_some_and(|p| !p.placements.iter().any(|x| x.key() == r.key))
        })
        .expect("someone left out");
    let key = dialog(&s).rows[left_out].key.clone();
    s.keys("g");
    for _ in 0..left_out {
        s.keys("j");
    }
    s.keys("p");
    assert!(dialog(&s).request.pins.contains(&key));
    assert!(s.screen().contains("imposée ici"), "{}", s.screen());
    assert!(
        dialog(&s)
            .proposal
            .as_ref()
            .is_some_and(|p| p.placements.iter().any(|x| x.key() == key)),
        "the pinned application is placed"
    );
    // The zone floor and the bonus, by key; r forgets all of it.
    s.keys("+ + b");
    assert_eq!(dialog(&s).request.min_priority, 2);
    assert!(
        s.screen().contains("au moins 2 demandé(s)"),
        "{}",
        s.screen()
    );
    assert!(s.screen().contains("bonus de 5,0 points"), "{}", s.screen());
    s.keys("r");
    assert_eq!(dialog(&s).request, Default::default());
    s.keys("esc");
    assert_eq!(s.app.dialog(), None);
}

#[test]
fn the_allocation_applied_as_the_shortlist_is_one_step_undone_by_u() {
    let (mut s, _dir) = cockpit(120, 40);
    s.keys("A");
    let placements: Vec<AppKey> = s
        .app
        .top::<AllocationDialog>()
        .and_then(|d| d.proposal.as_ref())
        .map(|p| p.placements.iter().map(|x| x.key()).collect())
        .expect("a proposal");
    assert!(placements.len() > 5);
    s.keys("enter");
    assert_eq!(s.app.dialog(), Some(DialogKind::Confirm));
    assert!(
        s.screen()
            .contains("Appliquer cette répartition comme présélection")
    );
    s.keys("o");
    assert_eq!(s.app.dialog(), None, "applied, the view closes");
    for key in &placements {
        assert_eq!(status(&s, key), Some(Status::Preselectionne), "{key}");
        assert!(holding(&s, key).is_some(), "{key} holds its lot");
    }
    let screen = s.screen();
    assert!(
        screen.contains("répartition appliquée comme présélection"),
        "{screen}"
    );
    assert!(screen.contains("★ présélectionné"), "{screen}");
    s.keys("u");
    for key in &placements {
        assert_eq!(status(&s, key), Some(Status::EnInstruction), "{key}");
    }
    let counts = s.screen().lines().nth(2).unwrap_or_default().to_owned();
    assert!(!counts.contains("présélectionné"), "{counts}");
}

#[test]
fn the_allocation_view_at_both_sizes() {
    for (w, h) in [(120, 40), (80, 24)] {
        let (mut s, dir) = cockpit(w, h);
        s.keys("A j x");
        insta::assert_snapshot!(format!("allocation_{w}x{h}"), masked(&s, &dir));
    }
    // The room of a large screen is used: the sites beside the applications.
    let (mut s, dir) = cockpit(200, 60);
    s.keys("A");
    let screen = masked(&s, &dir);
    let beside = screen
        .lines()
        .any(|l| l.contains("Matériaux Rebonds") && l.contains("Lieux, sans place"))
        || screen
            .lines()
            .any(|l| l.contains("Candidatures") && l.contains("Lieux, sans place"));
    assert!(beside, "{screen}");
}

#[test]
fn the_lot_picker_and_the_tie_break_form_snapshots() {
    let (mut s, dir) = cockpit(80, 24);
    go_to(&mut s, "conserverie-quai-sucre");
    s.keys("a n L");
    insta::assert_snapshot!("lot_picker_80x24", masked(&s, &dir));
    s.keys("esc");
    go_to(&mut s, "emplois-du-plateau");
    s.keys("= J");
    insta::assert_snapshot!("tie_break_80x24", masked(&s, &dir));
}

/// The demo's states of this issue (the fixture of `tui_render_sizes` has no tie and no
/// shared lot): every size draws, no line wider than the terminal.
const STATES: [&str; 9] = [
    "A",
    "A J J J",
    "A enter",
    "=",
    "D enter",
    "a L",
    "j j j j j j p L k k k k k k k k k enter",
    "enter",
    "j j p j p j p enter",
];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 48, ..Default::default() })]

    #[test]
    fn any_size_renders(width in 1u16..=260, height in 1u16..=90, state in 0usize..STATES.len(), english: bool) {
        let lang = if english { Lang::En } else { Lang::Fr };
        let dir = tempfile::tempdir().expect("temp dir");
        let mut s = Session::with(demo(), lang, 120, 40);
        s.app.ctx.workspace_path = dir.path().to_owned();
        s.app.open_review_as("Léa Martin");
        s.keys("3");
        s.keys(STATES[state]);
        s.resize(width, height);
        s.keys("j k");
        let screen = s.screen();
        proptest::prop_assert_eq!(screen.lines().count(), usize::from(height));
        for line in screen.lines() {
            proptest::prop_assert!(
                unicode_width::UnicodeWidthStr::width(line) <= usize::from(width),
                "wider than {}: {}", width, line
            );
        }
    }
}
