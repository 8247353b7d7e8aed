//! `ancrage` with no subcommand, until the cockpit lands: creates the workspace on the first
//! run, then prints where it is and what it holds (sites, lots and m² by kind and by city;
//! structures; calls).

use super::count::{Noun, count};
use super::failure::{Failure, Outcome};
use super::init::created_message;
use crate::domain::{Site, SiteKind, Surface, Workspace};
use crate::i18n::{self, Lang, NBSP};
use crate::store::files::contains_workspace;
use crate::store::init::init_workspace;
use crate::store::load::{Loaded, load_workspace_lenient};
use std::path::Path;
use std::process::ExitCode;

pub fn run(dir: &Path, lang: Lang) -> Outcome {
    if !contains_workspace(dir) {
        let created = init_workspace(dir).map_err(|e| Failure::new(e.render(lang)))?;
        super::output::println(&format!("{}\n", created_message(dir, &created, lang)), lang)?;
    }
    let loaded = load_workspace_lenient(dir).map_err(|p| Failure::new(p.render(lang)))?;
    super::output::print(&render(dir, &loaded, lang), lang)?;
    Ok(ExitCode::SUCCESS)
}

/// The summary text (pure, for tests).
pub fn render(dir: &Path, loaded: &Loaded, lang: Lang) -> String {
    let ws = &loaded.workspace;
    let colon = colon(lang);
    let mut out = format!(
        "{}{colon} {}\n\n",
        lang.pick("Espace de travail", "Workspace"),
        dir.display()
    );
    let all: Vec<&Site> = ws.sites.iter().collect();
    out.push_str(&format!(
        "{}{colon} {}\n",
        lang.pick("Lieux", "Sites"),
        figures(&all, lang).join(", ")
    ));
    // One table, two sections, so the columns of both line up.
    let mut table = Table::new(lang);
    table.section(lang.pick("par type", "by kind"));
    for kind in SiteKind::ALL {
        let sites: Vec<&Site> = ws.sites.iter().filter(|s| s.kind == kind).collect();
        table.row(kind_label(kind, lang), &sites);
    }
    table.section(lang.pick("par ville", "by city"));
    by_city(ws, &mut table);
    out.push_str(&table.render());
    out.push('\n');
    out.push_str(&format!(
        "{}{colon} {}\n",
        lang.pick("Structures", "Structures"),
        count(ws.structures.len(), Noun::Structure, lang)
    ));
    out.push_str(&format!(
        "{}{colon} {}\n",
        lang.pick("Appels", "Calls"),
        count(ws.calls.len(), Noun::Call, lang)
    ));
    for call in &ws.calls {
        out.push_str(&format!(
            "  {} [{}]{colon} {}, {}, {} {}\n",
            call.title,
            call.id,
            count(call.sites.len(), Noun::Site, lang),
            count(call.applications.len(), Noun::Application, lang),
            lang.pick("clôture le", "closes on"),
            i18n::date(call.deadline, lang)
        ));
    }
    if !loaded.problems.is_empty() {
        out.push('\n');
        out.push_str(&match lang {
            Lang::Fr => format!(
                "Attention{NBSP}: {} — lancez «{NBSP}ancrage check{NBSP}» pour les voir.\n",
                count(loaded.problems.len(), Noun::Problem, lang)
            ),
            Lang::En => format!(
                "Warning: {} — run `ancrage check` to see them.\n",
                count(loaded.problems.len(), Noun::Problem, lang)
            ),
        });
    }
    out
}

/// Cities of the territory in its order (empty ones too: they matter for rebalancing), then
/// any code the territory does not know.
fn by_city(ws: &Workspace, table: &mut Table) {
    for city in &ws.territory.cities {
        let sites: Vec<&Site> = ws.sites.iter().filter(|s| s.city == city.insee).collect();
        table.row(&city.name, &sites);
    }
    let mut unknown: Vec<_> = ws
        .sites
        .iter()
        .filter(|s| ws.territory.city(&s.city).is_none())
        .map(|s| &s.city)
        .collect();
    unknown.sort();
    unknown.dedup();
    for code in unknown {
        let sites: Vec<&Site> = ws.sites.iter().filter(|s| &s.city == code).collect();
        table.row(code.as_str(), &sites);
    }
}

/// `[12 lieux, 45 lots, 23 400 m²]`: the surface is what the lots offer.
fn figures(sites: &[&Site], lang: Lang) -> [String; 3] {
    let lots = sites.iter().map(|s| s.lots.len()).sum();
    let surface: Surface = sites.iter().map(|s| s.lots_surface()).sum();
    [
        count(sites.len(), Noun::Site, lang),
        count(lots, Noun::Lot, lang),
        i18n::surface(surface, lang),
    ]
}

fn kind_label(kind: SiteKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (SiteKind::Transitional, Lang::Fr) => "transitoire",
        (SiteKind::Transitional, Lang::En) => "transitional",
        (SiteKind::Incubator, Lang::Fr) => "incubateur",
        (SiteKind::Incubator, Lang::En) => "incubator",
        (SiteKind::Permanent, Lang::Fr) => "pérenne",
        (SiteKind::Permanent, Lang::En) => "permanent",
    }
}

fn colon(lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{NBSP}:"),
        Lang::En => ":".to_owned(),
    }
}

/// Aligned rows under section headers: label, then sites, lots and surface right-aligned.
struct Table {
    lang: Lang,
    lines: Vec<[String; 4]>,
}

impl Table {
    fn new(lang: Lang) -> Self {
        Table {
            lang,
            lines: Vec::new(),
        }
    }

    /// A header line naming the section and the columns.
    fn section(&mut self, title: &str) {
        self.lines.push([
            title.to_owned(),
            self.lang.pick("lieux", "sites").to_owned(),
            "lots".to_owned(),
            "surface".to_owned(),
        ]);
    }

    fn row(&mut self, label: &str, sites: &[&Site]) {
        let lang = self.lang;
        let lots: usize = sites.iter().map(|s| s.lots.len()).sum();
        let surface: Surface = sites.iter().map(|s| s.lots_surface()).sum();
        self.lines.push([
            format!("  {label}"),
            i18n::number(sites.len() as f64, 0, lang),
            i18n::number(lots as f64, 0, lang),
            i18n::surface(surface, lang),
        ]);
    }

    fn render(&self) -> String {
        let width = |s: &String| s.chars().count();
        let widths: Vec<usize> = (0..4)
            .map(|i| self.lines.iter().map(|l| width(&l[i])).max().unwrap_or(0))
            .collect();
        let mut out = String::new();
        for line in &self.lines {
            let mut text = format!("  {}{}", line[0], pad(widths[0] - width(&line[0])));
            for i in 1..4 {
                text.push_str(&format!(
                    "  {}{}",
                    pad(widths[i] - width(&line[i])),
                    line[i]
                ));
            }
            out.push_str(text.trim_end());
            out.push('\n');
        }
        out
    }
}

fn pad(n: usize) -> String {
    " ".repeat(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::validate::fixture::fixture_dir;

    #[test]
    fn summary_of_the_fixture() {
        let loaded = load_workspace_lenient(&fixture_dir()).unwrap();
        let text = render(Path::new("/ws"), &loaded, Lang::En);
        let expected = "\
Workspace: /ws

Sites: 2\u{a0}sites, 3\u{a0}lots, 1,400\u{a0}m²
  by kind         sites  lots   surface
    transitional      1     2  1,320\u{a0}m²
    incubator         0     0      0\u{a0}m²
    permanent         1     1     80\u{a0}m²
  by city         sites  lots   surface
    Bagnolet          0     0      0\u{a0}m²
    Bobigny           0     0      0\u{a0}m²
    Bondy             1     2  1,320\u{a0}m²
    Montreuil         1     1     80\u{a0}m²
    Noisy-le-Sec      0     0      0\u{a0}m²

Structures: 2\u{a0}structures
Calls: 1\u{a0}call
  AMI Temp'O 2026 (fixture de test) [tempo-2026]: 2\u{a0}sites, 2\u{a0}applications, closes on 2026-04-03
";
        assert_eq!(text, expected);
    }

    #[test]
    fn french_summary_mentions_problems() {
        let mut loaded = load_workspace_lenient(&fixture_dir()).unwrap();
        loaded.problems.0.push(crate::store::problem::Problem::new(
            "x.json",
            "",
            crate::store::expected::Expected::PresentFile,
        ));
        let text = render(Path::new("/ws"), &loaded, Lang::Fr);
        assert!(text.starts_with("Espace de travail\u{a0}: /ws"), "{text}");
        assert!(
            text.contains("1\u{a0}problème — lancez «\u{a0}ancrage check\u{a0}»"),
            "{text}"
        );
    }
}
