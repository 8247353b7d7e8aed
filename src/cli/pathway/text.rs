//! The pathway in words, for the terminal: where a stay is, its dates, its agreement.

use crate::domain::{Agreement, PathwayEpisode, Workspace};
use crate::i18n::{self, Label, Lang, NBSP};

/// The site's name (and its lot's label), or the free-text place.
pub fn place(workspace: &Workspace, episode: &PathwayEpisode) -> String {
    let site = episode.site.as_ref().and_then(|id| workspace.site(id));
    match site {
        Some(site) => {
            let lot = episode
                .lot
                .as_ref()
                .and_then(|id| site.lot(id))
                .map(|l| format!(" — {}", l.label))
                .unwrap_or_default();
            format!("{}{lot}", site.name)
        }
        None => episode
            .place
            .clone()
            .or_else(|| episode.site.as_ref().map(|id| id.to_string()))
            .unwrap_or_else(|| "—".to_owned()),
    }
}

/// `01/03/2024 → 28/02/2027`, `01/03/2024 → …`.
pub fn dates(episode: &PathwayEpisode, lang: Lang) -> String {
    let end = episode
        .end()
        .map_or_else(|| "…".to_owned(), |d| i18n::date(d, lang));
    format!("{} → {end}", i18n::date(episode.from, lang))
}

/// `convention d'occupation temporaire, signée le 12/02/2025, non renouvelable, préavis 1 mois`.
pub fn agreement(agreement: &Agreement, lang: Lang) -> String {
    let mut parts = vec![agreement.kind.label(lang).to_owned()];
    if let Some(signed) = agreement.signed_on {
        parts.push(match lang {
            Lang::Fr => format!("signée le {}", i18n::date(signed, lang)),
            Lang::En => format!("signed on {}", i18n::date(signed, lang)),
        });
    }
    if let Some(end) = agreement.end {
        parts.push(match lang {
            Lang::Fr => format!("jusqu’au {}", i18n::date(end, lang)),
            Lang::En => format!("until {}", i18n::date(end, lang)),
        });
    }
    parts.push(
        if agreement.renewable {
            lang.pick("renouvelable", "renewable")
        } else {
            lang.pick("non renouvelable", "not renewable")
        }
        .to_owned(),
    );
    if let Some(months) = agreement.notice_months {
        parts.push(match lang {
            Lang::Fr => format!("préavis {months}{NBSP}mois"),
            Lang::En if months == 1 => "1 month’s notice".to_owned(),
            Lang::En => format!("{months} months’ notice"),
        });
    }
    parts.join(", ")
}

/// `dans 66 jours`, `aujourd'hui`, `il y a 26 jours`.
pub fn days(days_left: i64, lang: Lang) -> String {
    match (days_left, lang) {
        (0, Lang::Fr) => "aujourd’hui".to_owned(),
        (0, Lang::En) => "today".to_owned(),
        (1, Lang::Fr) => "demain".to_owned(),
        (1, Lang::En) => "tomorrow".to_owned(),
        (d, Lang::Fr) if d > 0 => format!("dans {d}{NBSP}jours"),
        (d, Lang::En) if d > 0 => format!("in {d} days"),
        (d, Lang::Fr) => format!("il y a {}{NBSP}jours", -d),
        (d, Lang::En) => format!("{} days ago", -d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::AgreementKind;

    #[test]
    fn agreements_and_days_in_words() {
        let a = Agreement {
            signed_on: "2025-02-12".parse().ok(),
            notice_months: Some(1),
            ..Agreement::of_kind(AgreementKind::ConventionOccupationTemporaire)
        };
        assert_eq!(
            agreement(&a, Lang::Fr),
            "convention d'occupation temporaire, signée le 12/02/2025, non renouvelable, préavis 1\u{a0}mois"
        );
        assert_eq!(days(66, Lang::Fr), "dans 66\u{a0}jours");
        assert_eq!(days(-26, Lang::En), "26 days ago");
    }
}
