//! A lot of a site: its surface and use, and its fee with the unit it is quoted in and
//! whether charges are included.

use super::options::{self, enums};
use super::{Cx, ItemBase, shown};
use crate::domain::{Fee, FeeUnit, Lot, LotId, Money, Surface, UseType};
use crate::i18n::{self, labels::Label};
use crate::import::problem::Expected;
use crate::tui::forms::field::{Field, Item};
use crate::tui::forms::read::{Reader, code_of};
use rust_decimal::prelude::ToPrimitive;

pub fn item(lot: &Lot, cx: Cx<'_>) -> Item {
    Item {
        fields: fields(Some(lot), cx),
        base: Some(ItemBase::Lot(Box::new(lot.clone()))),
    }
}

pub fn fields(base: Option<&Lot>, cx: Cx<'_>) -> Vec<Field> {
    let lang = cx.lang;
    let l = base;
    let fee = l.map(|l| &l.fee);
    vec![
        Field::text("label", ("Libellé", "Label"), l.map_or("", |l| &l.label)),
        Field::text(
            "surface",
            ("Surface (m²)", "Surface (m²)"),
            &l.map(|l| shown::number(l.surface.value(), lang))
                .unwrap_or_default(),
        ),
        Field::choice(
            "use_type",
            ("Usage", "Use"),
            enums(&UseType::ALL, lang),
            l.map(|l| code_of(&l.use_type)).as_deref(),
        )
        .alias(options::use_type_alias),
        Field::flag(
            "divisible",
            ("Divisible (pris en partie)", "Divisible (taken in part)"),
            l.is_some_and(|l| l.divisible),
        ),
        Field::text(
            "floor",
            ("Étage", "Floor"),
            &l.and_then(|l| l.floor)
                .map(|f| f.to_string())
                .unwrap_or_default(),
        )
        .hint((
            "0\u{a0}: rez-de-chaussée\u{a0}; vide\u{a0}: en extérieur",
            "0: ground floor; empty: outdoors",
        )),
        Field::text(
            "available_from",
            ("Disponible le", "Available from"),
            &l.and_then(|l| l.available_from)
                .map(|d| shown::date(d, lang))
                .unwrap_or_default(),
        )
        .hint(("si après le lieu", "when later than the site")),
        Field::text(
            "fee.amount",
            ("Redevance", "Fee"),
            &fee.map(|f| shown::decimal(f.amount.amount(), lang))
                .unwrap_or_default(),
        )
        .section(("Redevance", "Fee"))
        .hint(("8,50", "8.50")),
        Field::choice(
            "fee.unit",
            ("Unité", "Unit"),
            enums(
                &[FeeUnit::PerM2Month, FeeUnit::PerM2Year, FeeUnit::FlatMonth],
                lang,
            ),
            Some(code_of(&fee.map_or(FeeUnit::PerM2Month, |f| f.unit)).as_str()),
        )
        .alias(options::fee_unit_alias),
        Field::flag(
            "fee.charges_included",
            ("Charges comprises", "Charges included"),
            fee.is_some_and(|f| f.charges_included),
        ),
        Field::text(
            "fee.charges_provision_month",
            (
                "Provision pour charges (par mois)",
                "Charges provision (a month)",
            ),
            &fee.and_then(|f| f.charges_provision_month)
                .map(|m| shown::money(m, lang))
                .unwrap_or_default(),
        )
        .hint(("si non comprises", "when not included")),
    ]
}

/// The lot read from its fields; a new lot gets `id` (the site makes it unique).
pub fn read(r: &mut Reader<'_>, base: Option<&ItemBase>, id: String) -> Lot {
    let base = match base {
        Some(ItemBase::Lot(l)) => Some(&**l),
        _ => None,
    };
    let floor = r.parsed("floor", |t| {
        crate::import::values::number::decimal(t)
            .ok()
            .filter(|d| d.fract().is_zero())
            .and_then(|d| d.to_i8())
            .ok_or(Expected::Floor)
    });
    Lot {
        id: base.map_or_else(|| LotId::new(id), |b| b.id.clone()),
        label: r.required_text("label").unwrap_or_default(),
        surface: Surface::m2(
            r.required("surface", crate::import::values::surface::single)
                .or(base.map(|b| b.surface.value()))
                .unwrap_or(1.0),
        ),
        use_type: r.code("use_type").unwrap_or(UseType::Mixed),
        divisible: r.flag("divisible"),
        floor,
        available_from: r.date("available_from"),
        fee: Fee {
            amount: r.required_money("fee.amount").unwrap_or(Money::ZERO),
            unit: r.code("fee.unit").unwrap_or(FeeUnit::PerM2Month),
            charges_included: r.flag("fee.charges_included"),
            charges_provision_month: r.money("fee.charges_provision_month"),
        },
    }
}

/// `Atelier A — 120 m² · atelier · 8,50 €/m²/mois, charges comprises`.
pub fn summary(l: &Lot, cx: Cx<'_>) -> String {
    let lang = cx.lang;
    let label = if l.label.is_empty() { "…" } else { &l.label };
    let charges = if l.fee.charges_included {
        lang.pick("charges comprises", "charges included")
    } else {
        lang.pick("hors charges", "charges extra")
    };
    format!(
        "{label} — {} · {} · {} {}, {charges}",
        i18n::surface(l.surface, lang),
        l.use_type.label(lang),
        i18n::decimal(l.fee.amount.amount(), 2, lang),
        l.fee.unit.label(lang),
    )
}
