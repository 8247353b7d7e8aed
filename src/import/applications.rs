//! Applications in: each row of an application file becomes a structure (created, or updated
//! keeping its pathway) and its application to the call, with its status when the application
//! is new to ancrage. Pure: the file's bytes, the workspace and the call's review in, the
//! report and the one `Operation` to apply out.
//!
//! Identity: the platform's dossier number identifies the application (a second import, or a
//! later export of the same platform, updates it); else a structure already in the workspace
//! with the same SIRET, else the same folded name and city, is updated; else a structure is
//! created, its id derived from its name. Two rows of one file for the same structure: the
//! first is taken, the second reported.

use crate::domain::{
    Application, Call, CallId, Contact, Duration, Feature, InseeCode, Jobs, LegalForm, Money,
    Needs, Personal, SectorCode, SiteId, Structure, StructureId, Surface, UseType, Workspace,
};
use crate::edit::{Edit, EditKind, Record, Step, new_id};
use crate::i18n::suggest::closest;
use crate::import::cells::Cells;
use crate::import::field::{Field, Target};
use crate::import::mapping::{Columns, resolve};
use crate::import::problem::{Choice, Expected, ImportProblem};
use crate::import::report::{Disagreement, ImportReport};
use crate::import::values::choices::{key, pick, split};
use crate::import::values::city::{Cities, City};
use crate::import::values::surface::SurfaceRange;
use crate::import::values::taxonomy::{LegalFormFound, Sectors};
use crate::import::values::{boolean, date, duration, number, siret, surface, taxonomy};
use crate::import::{ImportError, ImportFile, ImportOptions, Prepared, read_layout};
use crate::review::{AppKey, Change, Imported, ReviewState, Status};
use crate::session::Operation;
use chrono::NaiveDate;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Everything a row says, each value already checked.
#[derive(Debug, Default)]
struct Parsed {
    dossier: Option<String>,
    name: Option<String>,
    siret: Option<String>,
    legal_form: Option<LegalFormFound>,
    esus: Option<bool>,
    created_on: Option<NaiveDate>,
    city: Option<City>,
    sector: Option<SectorCode>,
    description: Option<String>,
    fte: Option<f64>,
    inclusion_posts: Option<u32>,
    planned_local_jobs: Option<u32>,
    youth_led: Option<bool>,
    surface: Option<SurfaceRange>,
    use_types: Option<Vec<UseType>>,
    features: Option<Vec<Feature>>,
    start: Option<NaiveDate>,
    duration: Option<Duration>,
    budget: Option<Money>,
    preferred_cities: Option<Vec<InseeCode>>,
    grant: Option<Money>,
    contact_name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    status: Option<Status>,
    motivation: Option<String>,
    sites: Option<Vec<SiteId>>,
    submitted_on: Option<NaiveDate>,
}

/// Reads, checks and plans the import of an application file into `call`.
pub fn prepare(
    file: &ImportFile<'_>,
    call_id: &CallId,
    workspace: &Workspace,
    review: Option<&ReviewState>,
    options: &ImportOptions,
) -> Result<Prepared, ImportError> {
    let call = workspace
        .call(call_id)
        .ok_or_else(|| ImportError::UnknownCall(call_id.clone()))?;
    let mut report = ImportReport::new(file.name, Target::Applications, options.skip_invalid);
    let Some((table, layout)) = read_layout(file, Target::Applications, options, &mut report)?
    else {
        return Ok(Prepared::refused(report));
    };
    let columns = resolve(&layout, Target::Applications, &options.mapping);
    report.unknown_columns = columns.unknown.clone();
    let header_row = table.rows[layout.header].number;

    let mut plan = Plan::new(workspace, call);
    let lookup = Lookup::new(workspace, call);
    let mut missing_columns: BTreeSet<Field> = BTreeSet::new();
    for row in &table.rows[layout.header + 1..] {
        if row.is_blank() {
            continue;
        }
        report.rows += 1;
        let mut cells = Cells::new(row, &layout, &columns);
        let parsed = parse_row(&mut cells, workspace, &lookup);
        let empty = empty_fields(&cells);
        let name_title = cells.field_title(Field::Name);
        let mut problems = cells.problems;
        let outcome = plan.take(
            row.number,
            parsed,
            Context {
                columns: &columns,
                empty: &empty,
                name_title: &name_title,
            },
            &mut problems,
            &mut missing_columns,
        );
        let refused = problems
            .iter()
            .any(|p| p.severity() == crate::import::problem::Severity::Error)
            || outcome == Outcome::Refused;
        report.problems.extend(problems);
        match outcome {
            _ if refused => report.refused += 1,
            Outcome::Created => report.created += 1,
            Outcome::Updated => report.updated += 1,
            Outcome::Unchanged => report.unchanged += 1,
            Outcome::Duplicate => report.duplicates += 1,
            Outcome::Refused => report.refused += 1,
        }
        if refused {
            plan.forget(row.number);
        }
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
            column: crate::import::lang_header(),
            value: String::new(),
            expected: Expected::Rows,
        });
    }
    report.sort_problems();
    if report.is_refused() {
        return Ok(Prepared::refused(report));
    }
    let operation = plan.operation(file.name, review, &mut report);
    Ok(Prepared { report, operation })
}

/// The mandatory fields a row leaves empty (as opposed to filled with a value refused above),
/// each with the header it is reported under.
fn empty_fields(cells: &Cells<'_>) -> BTreeMap<Field, String> {
    let empty = |fields: &[Field]| fields.iter().all(|&f| cells.is_empty(f));
    let mut out = BTreeMap::new();
    for (field, also) in [
        (Field::Name, &[][..]),
        (Field::Siret, &[]),
        (Field::LegalForm, &[]),
        (Field::CreatedOn, &[]),
        (Field::City, &[Field::CityInsee][..]),
        (Field::Sector, &[]),
        (Field::Surface, &[Field::SurfaceMin, Field::SurfaceMax][..]),
        (Field::UseTypes, &[]),
        (Field::Start, &[]),
        (Field::Duration, &[]),
        (Field::Budget, &[]),
    ] {
        if cells.is_empty(field) && empty(also) {
            out.insert(field, cells.field_title(field));
        }
    }
    out
}

/// True when the file has a column for the field (or one that stands in for it).
fn has_column(columns: &Columns, field: Field) -> bool {
    match field {
        Field::City => columns.has(Field::City) || columns.has(Field::CityInsee),
        Field::Surface => [Field::Surface, Field::SurfaceMin, Field::SurfaceMax]
            .iter()
            .any(|&f| columns.has(f)),
        other => columns.has(other),
    }
}

/// Answers already given for a cell's text: the same legal form, sector or city comes back on
/// most rows of a file.
struct Memo<T>(RefCell<HashMap<String, Result<T, Expected>>>);

impl<T: Clone> Memo<T> {
    fn new() -> Self {
        Memo(RefCell::new(HashMap::new()))
    }

    fn get(
        &self,
        text: &str,
        compute: impl FnOnce(&str) -> Result<T, Expected>,
    ) -> Result<T, Expected> {
        if let Some(known) = self.0.borrow().get(text) {
            return known.clone();
        }
        let answer = compute(text);
        self.0.borrow_mut().insert(text.to_owned(), answer.clone());
        answer
    }
}

/// What rows are matched against, folded once per import rather than once per row.
struct Lookup<'a> {
    legal_forms: Memo<LegalFormFound>,
    sector_memo: Memo<SectorCode>,
    uses: Memo<UseType>,
    city_memo: Memo<City>,
    sectors: Sectors,
    cities: Cities<'a>,
    /// The call's sites by every name they are known by.
    sites: Vec<(String, SiteId)>,
    /// The call's sites in order, with their names and folded names (for suggestions).
    site_order: Vec<SiteId>,
    site_names: Vec<String>,
    site_keys: Vec<String>,
}

impl<'a> Lookup<'a> {
    fn new(ws: &'a Workspace, call: &Call) -> Self {
        let names: Vec<String> = call
            .sites
            .iter()
            .map(|id| ws.site(id).map_or(id.to_string(), |s| s.name.clone()))
            .collect();
        let sites = call
            .sites
            .iter()
            .zip(&names)
            .flat_map(|(id, name)| {
                // « TempO' 2026 — hangar et friche de l'Écocité » is also known by its last part.
                let short = name.rsplit(" — ").next().unwrap_or(name);
                [
                    (key(name), id.clone()),
                    (key(short), id.clone()),
                    (key(id.as_str()), id.clone()),
                ]
            })
            .collect();
        Lookup {
            legal_forms: Memo::new(),
            sector_memo: Memo::new(),
            uses: Memo::new(),
            city_memo: Memo::new(),
            sectors: Sectors::new(&ws.territory),
            cities: Cities::new(&ws.territory),
            sites,
            site_order: call.sites.clone(),
            site_keys: names.iter().map(|n| key(n)).collect(),
            site_names: names,
        }
    }
}

fn parse_row(cells: &mut Cells<'_>, ws: &Workspace, lookup: &Lookup<'_>) -> Parsed {
    let territory = &ws.territory;
    let mut p = Parsed {
        dossier: cells.line(Field::Dossier),
        name: cells.line(Field::Name),
        siret: cells.parse(Field::Siret, siret::siret),
        legal_form: cells.parse(Field::LegalForm, |t| {
            lookup.legal_forms.get(t, taxonomy::legal_form)
        }),
        esus: cells.parse(Field::Esus, boolean::boolean),
        description: cells.text(Field::Description),
        fte: cells.parse(Field::Fte, |t| {
            number::float(t)
                .ok()
                .filter(|v| (0.0..=10_000.0).contains(v))
                .ok_or(Expected::Fte)
        }),
        inclusion_posts: cells.parse(Field::InclusionPosts, number::count),
        planned_local_jobs: cells.parse(Field::PlannedLocalJobs, number::count),
        youth_led: cells.parse(Field::YouthLed, boolean::boolean),
        start: cells.parse(Field::Start, date::date),
        duration: cells.parse(Field::Duration, duration::duration),
        budget: cells.parse(Field::Budget, number::money),
        contact_name: cells.line(Field::ContactName),
        email: cells.line(Field::Email),
        phone: cells.line(Field::Phone),
        motivation: cells.text(Field::Motivation),
        submitted_on: cells.parse(Field::SubmittedOn, date::date),
        ..Parsed::default()
    };
    p.created_on = created_on(cells);
    p.sector = cells.parse(Field::Sector, |t| {
        lookup.sector_memo.get(t, |t| lookup.sectors.find(t))
    });
    p.city = home_city(cells, lookup);
    p.surface = wished_surface(cells);
    p.use_types = several(cells, Field::UseTypes, |t| {
        lookup.uses.get(t, taxonomy::use_type)
    });
    p.features = several(cells, Field::Features, taxonomy::feature);
    p.preferred_cities = preferred_cities(cells, &lookup.cities);
    p.grant = cells.parse(Field::Grant, number::money).and_then(|grant| {
        let cap = territory.impact_fund.cap_per_structure;
        if grant > cap {
            if let Some((column, value)) = cells.raw(Field::Grant) {
                cells.report(column, value, Expected::GrantAboveCap(cap));
            }
            None
        } else {
            Some(grant)
        }
    });
    p.status = cells
        .raw(Field::Status)
        .and_then(|(column, value)| match value.parse::<Status>() {
            Ok(status) => Some(status),
            Err(_) => {
                cells.report(column, value, Expected::Status);
                None
            }
        });
    p.sites = desired_sites(cells, lookup);
    p
}

/// A creation date, or a year alone (1 January, with a warning).
fn created_on(cells: &mut Cells<'_>) -> Option<NaiveDate> {
    let (column, value) = cells.raw(Field::CreatedOn)?;
    if let Some(year) = date::year_alone(value) {
        cells.report(column, value, Expected::YearOnly);
        return NaiveDate::from_ymd_opt(year, 1, 1);
    }
    cells.parse(Field::CreatedOn, date::date)
}

fn home_city(cells: &mut Cells<'_>, lookup: &Lookup<'_>) -> Option<City> {
    let insee = cells.raw(Field::CityInsee).map(|(_, v)| v);
    let (column, value) = cells
        .raw(Field::City)
        .or_else(|| cells.raw(Field::CityInsee))?;
    let memo_key = format!("{}\u{0}{value}", insee.unwrap_or(""));
    match lookup
        .city_memo
        .get(&memo_key, |_| lookup.cities.find(value, insee))
    {
        Ok(found) => {
            if matches!(found, City::Outside(_)) {
                cells.report(column, value, Expected::OutsideTerritory);
            }
            Some(found)
        }
        Err(expected) => {
            cells.report(column, value, expected);
            None
        }
    }
}

/// The wished surface: one column with a figure or a range, or minimum and maximum apart.
fn wished_surface(cells: &mut Cells<'_>) -> Option<SurfaceRange> {
    if let Some(range) = cells.parse(Field::Surface, surface::range) {
        return Some(range);
    }
    let min = cells.parse(Field::SurfaceMin, surface::single);
    let max = cells.parse(Field::SurfaceMax, surface::single);
    match (min, max) {
        (Some(min), Some(max)) if min > max => {
            if let Some((column, value)) = cells.raw(Field::SurfaceMin) {
                cells.report(column, value, Expected::SurfaceOrder);
            }
            None
        }
        (Some(min), Some(max)) => Some(SurfaceRange { min, max }),
        (Some(one), None) | (None, Some(one)) => Some(SurfaceRange { min: one, max: one }),
        (None, None) => None,
    }
}

/// A multiple-choice field whose options each parse alone; an unknown piece is reported.
fn several<T: PartialEq>(
    cells: &mut Cells<'_>,
    field: Field,
    parse: impl Fn(&str) -> Result<T, Expected>,
) -> Option<Vec<T>> {
    let mut found = Vec::new();
    for (column, cell) in cells.choices(field)? {
        for piece in split(&cell) {
            match parse(piece) {
                Ok(v) if !found.contains(&v) => found.push(v),
                Ok(_) => {}
                Err(expected) => cells.report(column, piece, expected),
            }
        }
    }
    (!found.is_empty()).then_some(found)
}

/// Preferred cities must be the territory's (they steer the rebalancing criterion): others are
/// reported and left out.
fn preferred_cities(cells: &mut Cells<'_>, cities: &Cities<'_>) -> Option<Vec<InseeCode>> {
    let mut found: Vec<InseeCode> = Vec::new();
    for (column, cell) in cells.choices(Field::PreferredCities)? {
        for piece in split(&cell) {
            match cities.find(piece, None) {
                Ok(City::Inside(code)) if !found.contains(&code) => found.push(code),
                Ok(City::Inside(_)) => {}
                Ok(City::Outside(_)) => cells.report(column, piece, Expected::OutsideTerritory),
                Err(expected) => cells.report(column, piece, expected),
            }
        }
    }
    Some(found)
}

/// The call's sites the row wishes, by name (or id); none named: every site of the call.
fn desired_sites(cells: &mut Cells<'_>, lookup: &Lookup<'_>) -> Option<Vec<SiteId>> {
    let mut wished: Vec<SiteId> = Vec::new();
    for (column, cell) in cells.choices(Field::DesiredSites)? {
        let (found, unmatched) = pick(&cell, &lookup.sites);
        for id in found {
            if !wished.contains(&id) {
                wished.push(id);
            }
        }
        for piece in unmatched {
            let keys = lookup.site_keys.iter().map(String::as_str);
            let near: Vec<String> = closest(&key(&piece), keys, 3)
                .into_iter()
                .filter_map(|k| lookup.site_keys.iter().position(|x| x == k))
                .map(|i| lookup.site_names[i].clone())
                .collect();
            cells.report(column, &piece, Expected::Choice(Choice::Site, near));
        }
    }
    // Kept in the call's order, so the same wish always writes the same file.
    let ordered: Vec<SiteId> = lookup
        .site_order
        .iter()
        .filter(|s| wished.contains(s))
        .cloned()
        .collect();
    (!ordered.is_empty()).then_some(ordered)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Created,
    Updated,
    Unchanged,
    Duplicate,
    Refused,
}

/// One row's planned result.
struct Planned {
    row: usize,
    structure: Structure,
    created: bool,
    application: Application,
    status: Option<(Status, Option<String>)>,
}

/// The structures and applications the import will write, row by row, with the indexes that
/// keep identifying a row's structure constant-time (10 000 rows import in well under a
/// second).
struct Plan<'a> {
    ws: &'a Workspace,
    call: &'a Call,
    planned: Vec<Planned>,
    /// Structure id → the row that took it.
    taken_by: HashMap<StructureId, usize>,
    by_dossier: HashMap<&'a str, &'a StructureId>,
    by_siret: HashMap<String, StructureId>,
    by_name_city: HashMap<(String, InseeCode), StructureId>,
    /// Ids of the workspace's structures and of those this file creates.
    ids: HashSet<String>,
    /// The call's application of each structure.
    applications: HashMap<&'a StructureId, &'a Application>,
}

impl<'a> Plan<'a> {
    fn new(ws: &'a Workspace, call: &'a Call) -> Self {
        let mut plan = Plan {
            ws,
            call,
            planned: Vec::new(),
            taken_by: HashMap::new(),
            by_dossier: call
                .applications
                .iter()
                .filter(|a| ws.structure_index(&a.structure).is_some())
                .filter_map(|a| a.dossier.as_deref().map(|d| (d, &a.structure)))
                .collect(),
            by_siret: HashMap::new(),
            by_name_city: HashMap::new(),
            ids: ws.structures.iter().map(|s| s.id.to_string()).collect(),
            applications: call
                .applications
                .iter()
                .map(|a| (&a.structure, a))
                .collect(),
        };
        for s in &ws.structures {
            plan.index(s);
        }
        plan
    }

    /// Makes `s` findable by SIRET and by folded name and city (the first one wins).
    fn index(&mut self, s: &Structure) {
        if let Some(siret) = &s.siret {
            self.by_siret
                .entry(siret.clone())
                .or_insert_with(|| s.id.clone());
        }
        self.by_name_city
            .entry((key(&s.name), s.home_city.clone()))
            .or_insert_with(|| s.id.clone());
    }

    /// The structure a row is about: by dossier number, SIRET, or folded name and city, among
    /// the workspace's structures and those this file already creates.
    fn identify(&self, p: &Parsed) -> Option<StructureId> {
        if let Some(id) = p.dossier.as_deref().and_then(|d| self.by_dossier.get(d)) {
            return Some((*id).clone());
        }
        if let Some(id) = p.siret.as_ref().and_then(|s| self.by_siret.get(s)) {
            return Some(id.clone());
        }
        let (Some(name), Some(city)) = (&p.name, &p.city) else {
            return None;
        };
        self.by_name_city
            .get(&(key(name), city.code().clone()))
            .cloned()
    }

    fn take(
        &mut self,
        row: usize,
        p: Parsed,
        cx: Context<'_>,
        problems: &mut Vec<ImportProblem>,
        missing_columns: &mut BTreeSet<Field>,
    ) -> Outcome {
        let existing = self.identify(&p);
        if let Some(id) = &existing
            && let Some(&first) = self.taken_by.get(id)
        {
            problems.push(ImportProblem {
                row,
                column: cx.name_title.to_owned(),
                value: p.name.clone().unwrap_or_default(),
                expected: Expected::Duplicate(first),
            });
            return Outcome::Duplicate;
        }
        // Every structure this file creates is taken by its row: an existing one is the
        // workspace's.
        let before = existing.as_ref().and_then(|id| self.ws.structure(id));
        let mut missing = Vec::new();
        let structure = match before {
            Some(before) => update(before.clone(), &p),
            None => match create(&p, &mut missing) {
                Some(mut s) => {
                    s.id =
                        StructureId::new(new_id(&s.name, "structure", |id| self.ids.contains(id)));
                    s
                }
                None => {
                    // A value refused above is reported already; an empty one is reported here.
                    for field in missing {
                        let Some(title) = cx.empty.get(&field) else {
                            continue;
                        };
                        if has_column(cx.columns, field) {
                            problems.push(ImportProblem {
                                row,
                                column: title.clone(),
                                value: String::new(),
                                expected: Expected::Required,
                            });
                        } else {
                            missing_columns.insert(field);
                        }
                    }
                    return Outcome::Refused;
                }
            },
        };
        let created = before.is_none();
        let changed_structure = before != Some(&structure);
        let previous = self.applications.get(&structure.id).copied();
        let application = application_for(previous, &structure.id, &p, self.call);
        let changed_application = previous != Some(&application);
        self.taken_by.insert(structure.id.clone(), row);
        if created {
            self.ids.insert(structure.id.to_string());
            self.index(&structure);
        }
        self.planned.push(Planned {
            row,
            structure,
            created,
            application,
            status: p.status.map(|s| (s, p.motivation.clone())),
        });
        if created {
            Outcome::Created
        } else if changed_structure || changed_application {
            Outcome::Updated
        } else {
            Outcome::Unchanged
        }
    }

    /// Leaves out a row found invalid after it was planned (its parsing reported an error):
    /// always the last one planned.
    fn forget(&mut self, row: usize) {
        if self.planned.last().is_none_or(|p| p.row != row) {
            return;
        }
        let Some(gone) = self.planned.pop() else {
            return;
        };
        self.taken_by.remove(&gone.structure.id);
        if gone.created {
            let s = &gone.structure;
            self.ids.remove(s.id.as_str());
            if let Some(siret) = &s.siret
                && self.by_siret.get(siret) == Some(&s.id)
            {
                self.by_siret.remove(siret);
            }
            let name_city = (key(&s.name), s.home_city.clone());
            if self.by_name_city.get(&name_city) == Some(&s.id) {
                self.by_name_city.remove(&name_city);
            }
        }
    }

    /// The edit (structures, then the call) and the review change (statuses of the new
    /// applications), as one operation; none when nothing changes.
    fn operation(
        self,
        file_name: &str,
        review: Option<&ReviewState>,
        report: &mut ImportReport,
    ) -> Option<Operation> {
        let mut steps = Vec::new();
        let mut call = self.call.clone();
        let mut statuses: Vec<Imported> = Vec::new();
        let before_pairs: BTreeSet<AppKey> = self
            .call
            .application_pairs()
            .map(|(s, t)| AppKey::new(s.clone(), t.clone()))
            .collect();
        let mut slots: HashMap<StructureId, usize> = call
            .applications
            .iter()
            .enumerate()
            .map(|(i, a)| (a.structure.clone(), i))
            .collect();
        for planned in &self.planned {
            let original = self.ws.structure(&planned.structure.id);
            if original != Some(&planned.structure) {
                steps.push(Step::Put(Record::Structure(Box::new(
                    planned.structure.clone(),
                ))));
            }
            match slots.get(&planned.structure.id) {
                Some(&at) => call.applications[at] = planned.application.clone(),
                None => {
                    slots.insert(planned.structure.id.clone(), call.applications.len());
                    call.applications.push(planned.application.clone());
                    report.applications_added += 1;
                }
            }
            for site in &planned.application.sites {
                let key = AppKey::new(planned.structure.id.clone(), site.clone());
                let reviewed = review.and_then(|r| r.get(&key));
                if !before_pairs.contains(&key) && reviewed.is_none_or(|r| r.history.is_empty()) {
                    let (status, motivation) = match &planned.status {
                        Some((status, motivation)) => (*status, motivation.clone()),
                        None => (Status::INITIAL, None),
                    };
                    let motivation = motivation.or_else(|| {
                        status
                            .requires_motivation()
                            .then(|| format!("statut repris de l’import de {file_name}"))
                    });
                    statuses.push(Imported {
                        key,
                        status,
                        motivation,
                    });
                } else if let Some((status, _)) = planned.status {
                    let current = reviewed.map_or(Status::INITIAL, |r| r.status);
                    if current != status {
                        report.disagreements.push(Disagreement {
                            row: planned.row,
                            structure: planned.structure.name.clone(),
                            site: self
                                .ws
                                .site(site)
                                .map_or(site.to_string(), |s| s.name.clone()),
                            in_file: status,
                            in_ancrage: current,
                        });
                    }
                }
            }
        }
        if call != *self.call {
            steps.push(Step::Put(Record::Call(Box::new(call))));
        }
        if steps.is_empty() && statuses.is_empty() {
            return None;
        }
        let edit = (!steps.is_empty())
            .then(|| Edit::new(EditKind::Import, format!("Import de {file_name}"), steps));
        let change = (!statuses.is_empty()).then_some(Change::Import { statuses });
        Some(Operation { change, edit })
    }
}

/// What `Plan::take` needs to know of the file to report a row.
struct Context<'a> {
    columns: &'a Columns,
    /// Mandatory fields the row leaves empty, with their header.
    empty: &'a BTreeMap<Field, String>,
    name_title: &'a str,
}

/// The application of `structure` to the call after this row: the file's sites added to those
/// already wished (an import never withdraws a wish), its dossier number and date.
fn application_for(
    previous: Option<&Application>,
    structure: &StructureId,
    p: &Parsed,
    call: &Call,
) -> Application {
    let wished = p.sites.clone().unwrap_or_else(|| call.sites.clone());
    match previous {
        Some(previous) => {
            let mut sites = previous.sites.clone();
            for site in wished {
                if !sites.contains(&site) {
                    sites.push(site);
                }
            }
            Application {
                structure: structure.clone(),
                sites,
                submitted_on: p.submitted_on.or(previous.submitted_on),
                dossier: previous.dossier.clone().or_else(|| p.dossier.clone()),
            }
        }
        None => Application {
            structure: structure.clone(),
            sites: wished,
            submitted_on: p.submitted_on,
            dossier: p.dossier.clone(),
        },
    }
}

/// A new structure from a row, or the mandatory fields it lacks.
fn create(p: &Parsed, missing: &mut Vec<Field>) -> Option<Structure> {
    let informal = p
        .legal_form
        .is_some_and(|f| f.form == LegalForm::InformalCollective);
    let mut need = |present: bool, field: Field| {
        if !present {
            missing.push(field);
        }
    };
    need(p.name.is_some(), Field::Name);
    need(p.siret.is_some() || informal, Field::Siret);
    need(p.legal_form.is_some(), Field::LegalForm);
    need(p.created_on.is_some(), Field::CreatedOn);
    need(p.city.is_some(), Field::City);
    need(p.sector.is_some(), Field::Sector);
    need(p.surface.is_some(), Field::Surface);
    need(p.use_types.is_some(), Field::UseTypes);
    need(p.start.is_some(), Field::Start);
    need(p.duration.is_some(), Field::Duration);
    need(p.budget.is_some(), Field::Budget);
    let form = p.legal_form?;
    let surface = p.surface?;
    let structure = Structure {
        id: StructureId::new(""),
        name: p.name.clone()?,
        legal_form: form.form,
        siret: p.siret.clone(),
        esus: p.esus.unwrap_or(form.esus),
        created_on: p.created_on?,
        home_city: p.city.clone()?.code().clone(),
        sector: p.sector.clone()?,
        description: p.description.clone().unwrap_or_default(),
        jobs: Jobs {
            fte: p.fte.unwrap_or(0.0),
            inclusion_posts: p.inclusion_posts.unwrap_or(0),
            planned_local_jobs: p.planned_local_jobs.unwrap_or(0),
        },
        youth_led: p.youth_led.unwrap_or(false),
        needs: Needs {
            surface_min: Surface::m2(surface.min),
            surface_max: Surface::m2(surface.max),
            use_types: p.use_types.clone()?,
            required_features: p.features.clone().unwrap_or_default(),
            start: p.start?,
            duration: p.duration?,
            max_annual_budget: p.budget?,
            preferred_cities: p.preferred_cities.clone().unwrap_or_default(),
        },
        grant_requested: p.grant,
        contact: contact(p, None),
        pathway: Vec::new(),
        grants: Vec::new(),
        support: Vec::new(),
    };
    Some(structure)
}

/// An existing structure with what the row says; what it does not say (and the pathway) kept.
fn update(mut s: Structure, p: &Parsed) -> Structure {
    fn set<T: Clone>(slot: &mut T, value: &Option<T>) {
        if let Some(v) = value {
            *slot = v.clone();
        }
    }
    set(&mut s.name, &p.name);
    if p.siret.is_some() {
        s.siret = p.siret.clone();
    }
    if let Some(form) = p.legal_form {
        s.legal_form = form.form;
        s.esus |= form.esus;
    }
    set(&mut s.esus, &p.esus);
    set(&mut s.created_on, &p.created_on);
    if let Some(city) = &p.city {
        s.home_city = city.code().clone();
    }
    set(&mut s.sector, &p.sector);
    set(&mut s.description, &p.description);
    set(&mut s.jobs.fte, &p.fte);
    set(&mut s.jobs.inclusion_posts, &p.inclusion_posts);
    set(&mut s.jobs.planned_local_jobs, &p.planned_local_jobs);
    set(&mut s.youth_led, &p.youth_led);
    if let Some(range) = p.surface {
        s.needs.surface_min = Surface::m2(range.min);
        s.needs.surface_max = Surface::m2(range.max);
    }
    set(&mut s.needs.use_types, &p.use_types);
    set(&mut s.needs.required_features, &p.features);
    set(&mut s.needs.start, &p.start);
    set(&mut s.needs.duration, &p.duration);
    set(&mut s.needs.max_annual_budget, &p.budget);
    if p.preferred_cities.as_ref().is_some_and(|c| !c.is_empty()) {
        set(&mut s.needs.preferred_cities, &p.preferred_cities);
    }
    if p.grant.is_some() {
        s.grant_requested = p.grant;
    }
    s.contact = contact(p, s.contact.take());
    s
}

/// The contact as the row gives it, over the one known.
fn contact(p: &Parsed, known: Option<Personal<Contact>>) -> Option<Personal<Contact>> {
    let Personal(mut contact) = known.unwrap_or(Personal(Contact {
        name: String::new(),
        email: None,
        phone: None,
    }));
    if let Some(name) = &p.contact_name {
        contact.name = name.clone();
    }
    if p.email.is_some() {
        contact.email = p.email.clone();
    }
    if p.phone.is_some() {
        contact.phone = p.phone.clone();
    }
    let empty = contact.name.is_empty() && contact.email.is_none() && contact.phone.is_none();
    (!empty).then_some(Personal(contact))
}
