//! What an edit changes, worked out (one function per kind of edit) and checked before it
//! is made: a change breaks no rule of `check` that the dataset did not already break.

use super::fields::{EditError, Refusal, set_indicator, set_observation, set_report};
use super::{Document, Edit, IndicatorField, ObservationField, ReportField, source};
use crate::model::{self, Dataset, Fault, Indicator, Kind, Observation, Report, Rule};

/// Indicators `at..at + remove` replaced by `insert`.
#[derive(Clone, Debug)]
pub(super) struct Splice {
    at: usize,
    remove: usize,
    insert: Vec<Indicator>,
}

/// What one edit changes: the report, and indicators replaced in order. Applying one gives
/// back the change that undoes it.
#[derive(Clone, Debug, Default)]
pub(super) struct Change {
    report: Option<Report>,
    splices: Vec<Splice>,
}

impl Change {
    /// Indicators `at..at + remove` replaced by `insert`.
    fn splice(at: usize, remove: usize, insert: Vec<Indicator>) -> Change {
        Change {
            report: None,
            splices: vec![Splice { at, remove, insert }],
        }
    }

    fn replace(at: usize, indicator: Indicator) -> Change {
        Change::splice(at, 1, vec![indicator])
    }

    /// Makes the change; returns its inverse. `report.source` is left as it is: no edit
    /// changes it, and a save may have moved it since the change was recorded.
    pub(super) fn apply(self, data: &mut Dataset) -> Change {
        let report = self.report.map(|mut r| {
            r.source.clone_from(&data.report.source);
            std::mem::replace(&mut data.report, r)
        });
        let mut undo = Vec::with_capacity(self.splices.len());
        for s in self.splices {
            let inserted = s.insert.len();
            let removed: Vec<Indicator> = data
                .indicators
                .splice(s.at..s.at + s.remove, s.insert)
                .collect();
            undo.push(Splice {
                at: s.at,
                remove: inserted,
                insert: removed,
            });
        }
        undo.reverse();
        Change {
            report,
            splices: undo,
        }
    }
}

impl Document {
    fn indicator(&self, n: usize) -> Result<&Indicator, EditError> {
        self.data.indicators.get(n).ok_or_else(|| EditError {
            indicator: None,
            field: "indicators".into(),
            refusal: Refusal::NoIndicator {
                n,
                count: self.data.indicators.len(),
            },
        })
    }

    fn observation(&self, n: usize, o: usize) -> Result<&Observation, EditError> {
        let ind = self.indicator(n)?;
        ind.observations.get(o).ok_or_else(|| EditError {
            indicator: Some(ind.id.clone()),
            field: "observations".into(),
            refusal: Refusal::NoObservation {
                n: o,
                count: ind.observations.len(),
            },
        })
    }

    /// The change an edit makes, if it breaks no rule that the dataset did not already break.
    pub(super) fn change_for(&self, edit: &Edit) -> Result<Change, EditError> {
        let mut change = match edit {
            Edit::Report { field, value } => self.set_report(*field, value)?,
            Edit::Indicator {
                indicator,
                field,
                value,
            } => self.set_indicator(*indicator, *field, value)?,
            Edit::Observation {
                indicator,
                observation,
                field,
                value,
            } => self.set_observation(*indicator, *observation, *field, value)?,
            Edit::DeleteIndicator { indicator } => {
                self.indicator(*indicator)?;
                Change::splice(*indicator, 1, Vec::new())
            }
            Edit::DeleteObservation {
                indicator,
                observation,
            } => {
                self.observation(*indicator, *observation)?;
                let mut ind = self.data.indicators[*indicator].clone();
                ind.observations.remove(*observation);
                Change::replace(*indicator, ind)
            }
            Edit::Merge { keep, from, take } => self.merge(*keep, *from, take)?,
            Edit::AddObservation {
                indicator,
                observation,
            } => {
                let mut ind = self.indicator(*indicator)?.clone();
                ind.observations.push(observation.clone());
                Change::replace(*indicator, ind)
            }
            Edit::AddIndicator { indicator } => {
                let mut ind = indicator.clone();
                if ind.id.trim().is_empty() {
                    ind.id = self.new_id(ind.name_en.as_deref());
                }
                Change::splice(self.data.indicators.len(), 0, vec![ind])
            }
        };
        self.validate(&change)?;
        self.clear_draft_when_reviewed(&mut change);
        Ok(change)
    }

    /// A report field set: refused if it breaks a report rule it did not break before.
    fn set_report(&self, field: ReportField, value: &str) -> Result<Change, EditError> {
        let mut report = self.data.report.clone();
        set_report(&mut report, field, value).map_err(|refusal| EditError {
            indicator: None,
            field: format!("report.{}", field.key()),
            refusal,
        })?;
        let before = model::report_faults(&self.data.report);
        if let Some(fault) = model::report_faults(&report)
            .into_iter()
            .find(|f| !before.contains(f))
        {
            return Err(EditError::of_fault(None, fault));
        }
        Ok(Change {
            report: Some(report),
            splices: Vec::new(),
        })
    }

    fn set_indicator(
        &self,
        indicator: usize,
        field: IndicatorField,
        value: &str,
    ) -> Result<Change, EditError> {
        let mut ind = self.indicator(indicator)?.clone();
        set_indicator(&mut ind, field, value)
            .map_err(|refusal| self.refused(indicator, field.key().to_owned(), refusal))?;
        Ok(Change::replace(indicator, ind))
    }

    fn set_observation(
        &self,
        indicator: usize,
        observation: usize,
        field: ObservationField,
        value: &str,
    ) -> Result<Change, EditError> {
        let mut obs = self.observation(indicator, observation)?.clone();
        set_observation(&mut obs, field, value).map_err(|refusal| {
            let path = format!("observations[{observation}].{}", field.key());
            self.refused(indicator, path, refusal)
        })?;
        let mut ind = self.data.indicators[indicator].clone();
        ind.observations[observation] = obs;
        Ok(Change::replace(indicator, ind))
    }

    /// `from`'s observations moved into `keep` (those listed in `take` replace `keep`'s of
    /// the same year and kind), then `from` deleted.
    fn merge(&self, keep: usize, from: usize, take: &[(i32, Kind)]) -> Result<Change, EditError> {
        let a = self.indicator(keep)?;
        let b = self.indicator(from)?;
        if keep == from {
            return Err(EditError {
                indicator: Some(a.id.clone()),
                field: "indicators".into(),
                refusal: Refusal::MergeIntoItself,
            });
        }
        let mut merged = a.clone();
        for obs in &b.observations {
            let key = (obs.year, obs.kind);
            match merged
                .observations
                .iter()
                .position(|o| (o.year, o.kind) == key)
            {
                Some(at) if take.contains(&key) => merged.observations[at] = obs.clone(),
                Some(_) => {}
                None => merged.observations.push(obs.clone()),
            }
        }
        merged.observations.sort_by_key(|o| (o.year, o.kind));
        merged.reviewed = a.reviewed && b.reviewed;
        // Replace first (no index moves), then remove.
        let mut change = Change::replace(keep, merged);
        change
            .splices
            .extend(Change::splice(from, 1, Vec::new()).splices);
        Ok(change)
    }

    /// Refuses a change whose new indicators break a rule the indicators they replace did
    /// not already break: the rules of `check` for one indicator, unique ids, and quotes
    /// found in the text. (A dataset opened with faults stays editable; only new faults are
    /// refused.)
    fn validate(&self, change: &Change) -> Result<(), EditError> {
        // Splice positions are those of the dataset before the change: only the last
        // splice of a change moves indicators.
        let removed: Vec<usize> = change
            .splices
            .iter()
            .flat_map(|s| s.at..s.at + s.remove)
            .collect();
        let known: Vec<FaultKey> = removed
            .iter()
            .filter_map(|&n| Some((n, self.data.indicators.get(n)?)))
            .flat_map(|(n, ind)| {
                self.indicator_faults(n, ind)
                    .into_iter()
                    .map(move |f| fault_key(ind, f))
            })
            .collect();
        for s in &change.splices {
            for (k, ind) in s.insert.iter().enumerate() {
                let n = s.at + k;
                let new = self
                    .indicator_faults(n, ind)
                    .into_iter()
                    .find(|f| !known.contains(&fault_key(ind, f.clone())));
                let clash = || {
                    self.data
                        .indicators
                        .iter()
                        .enumerate()
                        .any(|(i, other)| other.id == ind.id && !removed.contains(&i))
                };
                let fault = match new {
                    Some(fault) => fault,
                    None if clash() => model::duplicate_id_fault(n),
                    None => continue,
                };
                return Err(EditError::of_fault(Some(ind.id.clone()), fault));
            }
        }
        Ok(())
    }

    /// One indicator's faults, with the quote rule when the text is at hand.
    fn indicator_faults(&self, n: usize, ind: &Indicator) -> Vec<Fault> {
        let mut out = model::indicator_faults(n, ind);
        if let Some(index) = &self.index {
            for (k, obs) in ind.observations.iter().enumerate() {
                let found = match self.found.get(obs.quote.as_str()) {
                    Some(range) => range.is_some(),
                    None => index.find(&obs.quote).is_some(),
                };
                if !found && !obs.quote.trim().is_empty() {
                    out.push(source::quote_not_found(n, k, self.source_name()));
                }
            }
        }
        out
    }

    /// A draft whose every indicator is reviewed after the change is no longer a draft.
    fn clear_draft_when_reviewed(&self, change: &mut Change) {
        let report = change.report.as_ref().unwrap_or(&self.data.report);
        if !report.draft {
            return;
        }
        let (mut reviewed, mut total) = self.reviewed();
        for s in &change.splices {
            let gone = &self.data.indicators[s.at..s.at + s.remove];
            reviewed -= gone.iter().filter(|i| i.reviewed).count();
            total -= gone.len();
            reviewed += s.insert.iter().filter(|i| i.reviewed).count();
            total += s.insert.len();
        }
        if reviewed == total {
            let mut report = report.clone();
            report.draft = false;
            change.report = Some(report);
        }
    }

    /// A refusal at `field` of indicator `indicator`.
    fn refused(&self, indicator: usize, field: String, refusal: Refusal) -> EditError {
        EditError {
            indicator: self.data.indicators.get(indicator).map(|i| i.id.clone()),
            field,
            refusal,
        }
    }
}

/// A fault told apart from others by what it is about rather than by position: deleting
/// an observation moves the others, not their faults. An observation is known by its quote.
type FaultKey = (Option<String>, String, Rule);

fn fault_key(ind: &Indicator, fault: Fault) -> FaultKey {
    let quote = fault
        .observation
        .and_then(|k| ind.observations.get(k))
        .map(|o| o.quote.clone());
    (quote, fault.field, fault.rule)
}
