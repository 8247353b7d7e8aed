//! The terminal side: set up, read keys and the mouse, draw, restore. `ratatui::try_init`
//! installs a panic hook that restores the terminal; ours, in front of it, also releases the
//! mouse. `run` restores both on every other way out too.

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Key, KeyCode};
use crate::tui::ui_state::UiState;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEvent, KeyEventKind, KeyModifiers,
    MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use std::io;
use std::time::{Duration, Instant};

/// Runs the interface until the officer quits. The terminal is restored whatever happens.
pub fn run(app: App) -> io::Result<()> {
    // A half-done set-up (raw mode on, alternate screen refused) is undone too.
    let mut terminal = ratatui::try_init().inspect_err(|_| ratatui::restore())?;
    release_mouse_on_panic();
    let result =
        execute!(io::stdout(), EnableMouseCapture).and_then(|()| event_loop(&mut terminal, app));
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

/// Chains a hook before ratatui's: a panic leaves the mouse to the terminal again, then
/// ratatui's hook leaves raw mode and the alternate screen, then the message is printed.
fn release_mouse_on_panic() {
    let restore_terminal = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        restore_terminal(info);
    }));
}

fn event_loop(terminal: &mut DefaultTerminal, mut app: App) -> io::Result<()> {
    let mut ui = UiState::default();
    draw(terminal, &app, &mut ui)?;
    loop {
        // Wait for an event, or until the status message is due to go or figures may have
        // arrived from their worker.
        let wait = app.next_wake(Instant::now());
        let mut changed = match wait {
            Some(wait) if !event::poll(wait)? => app.tick(Instant::now()),
            _ => handle(&mut app, &ui, event::read()?),
        };
        // Take whatever else is already queued before drawing once: held-down keys and
        // bursts of resizes cost one frame, not one each.
        while !app.quit && event::poll(Duration::ZERO)? {
            changed |= handle(&mut app, &ui, event::read()?);
        }
        if app.quit {
            return Ok(());
        }
        if changed {
            draw(terminal, &app, &mut ui)?;
        }
        // An export waits until « Export en cours… » is on screen, then runs and is redrawn.
        if app.run_pending_export() {
            draw(terminal, &app, &mut ui)?;
        }
    }
}

/// One frame, inside a synchronized update so the terminal shows it whole (terminals that do
/// not know the sequence ignore it).
fn draw(terminal: &mut DefaultTerminal, app: &App, ui: &mut UiState) -> io::Result<()> {
    execute!(io::stdout(), BeginSynchronizedUpdate)?;
    let drawn = terminal.draw(|frame| app.view(ui, frame)).map(|_| ());
    execute!(io::stdout(), EndSynchronizedUpdate)?;
    drawn
}

fn handle(app: &mut App, ui: &UiState, event: Event) -> bool {
    let action = match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            let Some(key) = convert(key) else {
                return false;
            };
            match app.ctx.keymap.lookup(app.scope(), key) {
                Some(action) => action,
                None => return false,
            }
        }
        Event::Resize(..) => Action::Resize,
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => Action::Down,
            MouseEventKind::ScrollUp => Action::Up,
            MouseEventKind::Down(MouseButton::Left) => match ui.click(mouse.column, mouse.row) {
                Some(action) => action,
                None => return false,
            },
            _ => return false,
        },
        _ => return false,
    };
    app.handle(action, ui.viewport())
}

/// crossterm's key event in the interface's terms. Shift is folded into the char (`S`), as the
/// keymap spells it.
pub fn convert(event: KeyEvent) -> Option<Key> {
    use ratatui::crossterm::event::KeyCode as C;
    let code = match event.code {
        C::Char(c) => KeyCode::Char(c),
        C::Enter => KeyCode::Enter,
        C::Esc => KeyCode::Esc,
        C::Tab => KeyCode::Tab,
        C::BackTab => KeyCode::BackTab,
        C::Backspace => KeyCode::Backspace,
        C::Delete => KeyCode::Delete,
        C::Up => KeyCode::Up,
        C::Down => KeyCode::Down,
        C::Left => KeyCode::Left,
        C::Right => KeyCode::Right,
        C::PageUp => KeyCode::PageUp,
        C::PageDown => KeyCode::PageDown,
        C::Home => KeyCode::Home,
        C::End => KeyCode::End,
        C::F(n) => KeyCode::F(n),
        _ => return None,
    };
    Some(Key {
        code,
        ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
        alt: event.modifiers.contains(KeyModifiers::ALT),
    })
}
