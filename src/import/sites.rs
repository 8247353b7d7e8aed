//! Sites in: one row per lot, the site's columns repeated on each (a site without lots is one
//! row). A site is identified by its id when the file gives one, else by its folded name and
//! city; a lot by its id, else its folded label. Sites and lots the file does not mention are
//! kept; what a row does not say of a known site is kept.

use crate::domain::ids::is_slug;
use crate::domain::{Fee, Lot, LotId, Site, SiteId, Surface, Workspace};
use crate::edit::{Edit, EditKind, Record, Step, new_id};
use crate::import::cells::Cells;
use crate::import::field::{Field, Target};
use crate::import::mapping::resolve;
use crate::import::problem::{Expected, ImportProblem, Severity};
use crate::import::report::ImportReport;
use crate::import::values::choices::{key, split};
use crate::import::values::city::{City, city};
use crate::import::values::{boolean, date, duration, number, surface, taxonomy};
use crate::import::{ImportError, ImportFile, ImportOptions, Prepared, lang_header, read_layout};
use crate::session::Operation;
use std::collections::BTreeSet;

pub fn prepare(
    file: &ImportFile<'_>,
    workspace: &Workspace,
    options: &ImportOptions,
) -> Result<Prepared, ImportError> {
    let mut report = ImportReport::new(file.name, Target::Sites, options.skip_invalid);
    let Some((table, layout)) = read_layout(file, Target::Sites, options, &mut report)? else {
        return Ok(Prepared::refused(report));
    };
    let columns = resolve(&layout, Target::Sites, &options.mapping);
    report.unknown_columns = columns.unknown.clone();
    let header_row = table.rows[layout.header].number;
    let mut sites: Vec<Site> = Vec::new();
    let mut seen_lots: Vec<(SiteId, LotId, usize)> = Vec::new();
    let mut missing_columns: BTreeSet<Field> = BTreeSet::new();
    for row in &table.rows[layout.header + 1..] {
        if row.is_blank() {
            continue;
        }
        report.rows += 1;
        let mut cells = Cells::new(row, &layout, &columns);
        let planned = site_row(&mut cells, workspace, &sites, &mut missing_columns);
        let has_error = cells
            .problems
            .iter()
            .any(|p| p.severity() == Severity::Error);
        let mut problems = cells.problems;
        match planned {
            Some((site, lot)) if !has_error => {
                let lot_id = lot.as_ref().map(|l| l.id.clone());
                if let Some(lot_id) = &lot_id
                    && let Some((_, _, first)) = seen_lots
                        .iter()
                        .find(|(s, l, _)| *s == site.id && l == lot_id)
                {
                    problems.push(ImportProblem {
                        row: row.number,
                        column: Field::LotLabel.title(crate::i18n::Lang::Fr).to_owned(),
                        value: lot.map(|l| l.label).unwrap_or_default(),
                        expected: Expected::Duplicate(*first),
                    });
                    report.duplicates += 1;
                } else {
                    if let Some(lot_id) = lot_id {
                        seen_lots.push((site.id.clone(), lot_id, row.number));
                    }
                    merge(&mut sites, site, lot);
                }
            }
            _ => report.refused += 1,
        }
        report.problems.extend(problems);
    }
    for field in missing_columns {
        report.problems.push(ImportProblem {
            row: header_row,
            column: field.title(crate::i18n::Lang::Fr).to_owned(),
            value: String::new(),
            expected: Expected::Column,
        });
    }
    if report.rows == 0 {
        report.problems.push(ImportProblem {
            row: header_row,
            column: lang_header(),
            value: String::new(),
            expected: Expected::Rows,
        });
    }
    report.sort_problems();
    if report.is_refused() {
        return Ok(Prepared::refused(report));
    }
    let mut steps = Vec::new();
    for site in sites {
        match workspace.site(&site.id) {
            None => report.created += 1,
            Some(before) if *before == site => {
                report.unchanged += 1;
                continue;
            }
            Some(_) => report.updated += 1,
        }
        steps.push(Step::Put(Record::Site(Box::new(site))));
    }
    let operation = (!steps.is_empty()).then(|| {
        Operation::edit(Edit::new(
            EditKind::Import,
            format!("Import de {}", file.name),
            steps,
        ))
    });
    Ok(Prepared { report, operation })
}

/// Adds a row's site (and lot) to those planned: a site seen on an earlier row keeps that
/// row's site columns and gains the lot.
fn merge(sites: &mut Vec<Site>, site: Site, lot: Option<Lot>) {
    let slot = match sites.iter().position(|s| s.id == site.id) {
        Some(at) => at,
        None => {
            sites.push(site);
            sites.len() - 1
        }
    };
    if let Some(lot) = lot {
        let lots = &mut sites[slot].lots;
        match lots.iter_mut().find(|l| l.id == lot.id) {
            Some(existing) => *existing = lot,
            None => lots.push(lot),
        }
    }
}

/// The site a row is about (created or updated from its columns) and its lot, if any.
fn site_row(
    cells: &mut Cells<'_>,
    ws: &Workspace,
    planned: &[Site],
    missing_columns: &mut BTreeSet<Field>,
) -> Option<(Site, Option<Lot>)> {
    let territory = &ws.territory;
    let name = cells.line(Field::SiteName);
    let given_id = cells.raw(Field::SiteId).and_then(|(column, value)| {
        if is_slug(value) {
            Some(SiteId::new(value))
        } else {
            cells.report(column, value, Expected::Slug);
            None
        }
    });
    let insee = cells.raw(Field::CityInsee).map(|(_, v)| v);
    let city_code = cells
        .raw(Field::City)
        .or_else(|| cells.raw(Field::CityInsee))
        .and_then(|(column, value)| match city(value, insee, territory) {
            Ok(City::Inside(code)) => Some(code),
            Ok(City::Outside(_)) => {
                cells.report(column, value, Expected::TerritoryCity);
                None
            }
            Err(expected) => {
                cells.report(column, value, expected);
                None
            }
        });
    let all: Vec<&Site> = planned.iter().chain(ws.sites.iter()).collect();
    let known = match (&given_id, &name, &city_code) {
        (Some(id), _, _) => all.iter().find(|s| &s.id == id).copied(),
        (None, Some(name), Some(code)) => {
            let wanted = key(name);
            all.iter()
                .find(|s| &s.city == code && key(&s.name) == wanted)
                .copied()
        }
        _ => None,
    };
    let programme = cells.parse(Field::Programme, taxonomy::programme);
    let kind = cells.parse(Field::SiteKind, taxonomy::site_kind);
    let address = cells.line(Field::Address);
    let owner = cells.line(Field::Owner);
    let available_from = cells.parse(Field::AvailableFrom, date::date);
    let status = cells.parse(Field::SiteStatus, taxonomy::site_status);
    let coordinate = |t: &str| number::float(t).map_err(|_| Expected::Coordinate);
    let lat = cells.parse(Field::Latitude, coordinate);
    let lon = cells.parse(Field::Longitude, coordinate);
    let mut site = match known {
        Some(site) => site.clone(),
        None => {
            let mut missing = Vec::new();
            let mut need = |ok: bool, field: Field| {
                if !ok {
                    missing.push(field);
                }
            };
            need(name.is_some(), Field::SiteName);
            need(programme.is_some(), Field::Programme);
            need(kind.is_some(), Field::SiteKind);
            need(city_code.is_some(), Field::City);
            need(address.is_some(), Field::Address);
            need(owner.is_some(), Field::Owner);
            need(available_from.is_some(), Field::AvailableFrom);
            need(status.is_some(), Field::SiteStatus);
            if !missing.is_empty() {
                report_missing(cells, missing, missing_columns);
                return None;
            }
            let city = city_code.clone()?;
            let (lat, lon) = match (lat, lon) {
                (Some(lat), Some(lon)) => (lat, lon),
                _ => {
                    let centre = territory.city(&city)?;
                    cells.report_field(Field::Latitude, Expected::CityCentre);
                    (centre.lat, centre.lon)
                }
            };
            let name = name.clone()?;
            let id = given_id.clone().unwrap_or_else(|| {
                SiteId::new(new_id(&name, "lieu", |id| {
                    all.iter().any(|s| s.id.as_str() == id)
                }))
            });
            Site {
                id,
                name,
                programme: programme?,
                kind: kind?,
                city,
                address: address.clone()?,
                lat,
                lon,
                owner: owner.clone()?,
                available_from: available_from?,
                available_until: None,
                max_occupation_months: None,
                total_surface: None,
                lots: Vec::new(),
                features: Vec::new(),
                priority_sectors: Vec::new(),
                excluded_sectors: Vec::new(),
                call_deadline: None,
                status: status?,
                description: String::new(),
                sources: Vec::new(),
                illustrative: Vec::new(),
            }
        }
    };
    if known.is_some() {
        if let Some(v) = name {
            site.name = v;
        }
        if let Some(v) = programme {
            site.programme = v;
        }
        if let Some(v) = kind {
            site.kind = v;
        }
        if let Some(v) = city_code {
            site.city = v;
        }
        if let Some(v) = address {
            site.address = v;
        }
        if let Some(v) = owner {
            site.owner = v;
        }
        if let Some(v) = available_from {
            site.available_from = v;
        }
        if let Some(v) = status {
            site.status = v;
        }
        if let (Some(lat), Some(lon)) = (lat, lon) {
            site.lat = lat;
            site.lon = lon;
        }
    }
    if let Some(v) = cells.parse(Field::AvailableUntil, date::date) {
        site.available_until = Some(v);
    }
    if let Some(v) = cells.parse(Field::MaxOccupation, duration::duration) {
        site.max_occupation_months = Some(v.in_months());
    }
    if let Some(v) = cells.parse(Field::TotalSurface, surface::single) {
        site.total_surface = Some(Surface::m2(v));
    }
    if let Some(v) = cells.parse(Field::CallDeadline, date::date) {
        site.call_deadline = Some(v);
    }
    if let Some(v) = cells.text(Field::Description) {
        site.description = v;
    }
    if let Some(v) = pieces(cells, Field::Features, taxonomy::feature) {
        site.features = v;
    }
    if let Some(v) = pieces(cells, Field::PrioritySectors, |t| {
        taxonomy::sector(t, territory)
    }) {
        site.priority_sectors = v;
    }
    if let Some(v) = pieces(cells, Field::ExcludedSectors, |t| {
        taxonomy::sector(t, territory)
    }) {
        site.excluded_sectors = v;
    }
    let lot = lot_row(cells, &site, missing_columns);
    if cells.raw(Field::LotLabel).is_some() && lot.is_none() {
        return None;
    }
    Some((site, lot))
}

fn report_missing(
    cells: &mut Cells<'_>,
    missing: Vec<Field>,
    missing_columns: &mut BTreeSet<Field>,
) {
    for field in missing {
        if cells.raw(field).is_some() {
            // Refused above, already reported.
        } else if cells.has_column(field) {
            cells.report_field(field, Expected::Required);
        } else {
            missing_columns.insert(field);
        }
    }
}

/// The lot of a row, when it names one: an existing lot of the site updated, or a new one.
fn lot_row(
    cells: &mut Cells<'_>,
    site: &Site,
    missing_columns: &mut BTreeSet<Field>,
) -> Option<Lot> {
    let label = cells.line(Field::LotLabel)?;
    let given_id = cells.raw(Field::LotId).map(|(_, v)| LotId::new(v));
    let known = match &given_id {
        Some(id) => site.lot(id).cloned(),
        None => site
            .lots
            .iter()
            .find(|l| key(&l.label) == key(&label))
            .cloned(),
    };
    let surface = cells.parse(Field::LotSurface, surface::single);
    let use_type = cells.parse(Field::LotUse, taxonomy::use_type);
    let divisible = cells.parse(Field::Divisible, boolean::boolean);
    let floor = cells.parse(Field::Floor, |t| {
        t.trim()
            .parse::<i8>()
            .or_else(|_| {
                if crate::i18n::fold::fold_text(t).contains("rez") {
                    Ok(0)
                } else {
                    Err(())
                }
            })
            .map_err(|_| Expected::Floor)
    });
    let available_from = cells.parse(Field::LotAvailableFrom, date::date);
    let amount = cells.parse(Field::Fee, number::money);
    let unit = cells.parse(Field::FeeUnit, taxonomy::fee_unit);
    let charges_included = cells.parse(Field::ChargesIncluded, boolean::boolean);
    let provision = cells.parse(Field::ChargesProvision, number::money);
    let mut lot = match known {
        Some(lot) => lot,
        None => {
            let mut missing = Vec::new();
            for (ok, field) in [
                (surface.is_some(), Field::LotSurface),
                (use_type.is_some(), Field::LotUse),
                (amount.is_some(), Field::Fee),
                (unit.is_some(), Field::FeeUnit),
            ] {
                if !ok {
                    missing.push(field);
                }
            }
            if !missing.is_empty() {
                report_missing(cells, missing, missing_columns);
                return None;
            }
            let id = given_id.unwrap_or_else(|| {
                LotId::new(new_id(&label, "lot", |id| {
                    site.lot(&LotId::new(id)).is_some()
                }))
            });
            Lot {
                id,
                label: label.clone(),
                surface: Surface::m2(surface?),
                use_type: use_type?,
                divisible: false,
                floor: None,
                available_from: None,
                fee: Fee {
                    amount: amount?,
                    unit: unit?,
                    charges_included: false,
                    charges_provision_month: None,
                },
            }
        }
    };
    lot.label = label;
    if let Some(v) = surface {
        lot.surface = Surface::m2(v);
    }
    if let Some(v) = use_type {
        lot.use_type = v;
    }
    if let Some(v) = divisible {
        lot.divisible = v;
    }
    if floor.is_some() {
        lot.floor = floor;
    }
    if available_from.is_some() {
        lot.available_from = available_from;
    }
    if let Some(v) = amount {
        lot.fee.amount = v;
    }
    if let Some(v) = unit {
        lot.fee.unit = v;
    }
    if let Some(v) = charges_included {
        lot.fee.charges_included = v;
    }
    if provision.is_some() {
        lot.fee.charges_provision_month = provision;
    }
    Some(lot)
}

/// A list field whose pieces each parse alone (`;` or `,` between them).
fn pieces<T: PartialEq>(
    cells: &mut Cells<'_>,
    field: Field,
    parse: impl Fn(&str) -> Result<T, Expected>,
) -> Option<Vec<T>> {
    let (column, cell) = cells.raw(field)?;
    let mut out = Vec::new();
    for piece in split(cell) {
        match parse(piece) {
            Ok(v) if !out.contains(&v) => out.push(v),
            Ok(_) => {}
            Err(expected) => cells.report(column, piece, expected),
        }
    }
    Some(out)
}
