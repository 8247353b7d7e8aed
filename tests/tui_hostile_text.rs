//! Stored text with control characters and escape sequences — a structure named with a
//! window-title sequence, a motivation that would clear the screen — is shown escaped in the
//! cockpit, never sent to the terminal as such; what is stored keeps what was typed.

mod cockpit;
mod support;

use ancrage::i18n::Lang;
use ancrage::review::AppKey;
use cockpit::fixture;
use cockpit::session::Session;

const TITLE: &str = "Recyclerie \u{1b}]0;pwned\u{7} des Lilas";

fn hostile() -> ancrage::domain::Workspace {
    let mut ws = fixture::workspace();
    for s in &mut ws.structures {
        if s.id.as_str() == "recyclerie-des-lilas" {
            s.name = TITLE.to_owned();
            s.description = "\u{1b}[2J\u{202e}inversé".to_owned();
        }
    }
    for site in &mut ws.sites {
        site.address = "12 rue \u{1b}[31mRouge".to_owned();
    }
    ws
}

fn no_control(screen: &str) {
    assert!(
        !screen.chars().any(|c| c.is_control() && c != '\n'),
        "a control character reached the screen:\n{screen:?}"
    );
    assert!(
        !screen.contains('\u{202e}'),
        "a bidi override reached the screen"
    );
}

#[test]
fn names_notes_and_motivations_are_shown_escaped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut s = Session::with(hostile(), Lang::Fr, 160, 50);
    s.app.ctx.workspace_path = dir.path().to_owned();
    s.app.open_review_as("Léa Martin");
    let lieux = s.screen();
    no_control(&lieux);
    assert!(lieux.contains("␛[31mRouge"), "{lieux}");
    s.keys("2");
    let structures = s.screen();
    no_control(&structures);
    assert!(
        structures.contains("Recyclerie ␛]0;pwned␇ des Lilas"),
        "{structures}"
    );
    s.keys("3 j r");
    s.type_text("Refus \u{1b}[2J net");
    s.keys("enter");
    let appel = s.screen();
    no_control(&appel);
    assert!(appel.contains("Refus ␛[2J net"), "{appel}");
    // Stored as typed.
    let key = AppKey::new("recyclerie-des-lilas", "usine-des-transitions");
    let saved = s.app.ctx.application(&key).expect("reviewed");
    assert_eq!(saved.current_motivation(), Some("Refus \u{1b}[2J net"));
    assert_eq!(
        s.app
            .ctx
            .workspace
            .structures
            .iter()
            .find(|st| st.id.as_str() == "recyclerie-des-lilas")
            .map(|st| st.name.as_str()),
        Some(TITLE)
    );
}
