//! ancrage: match social-economy structures to the sites of Est Ensemble, review calls for
//! expressions of interest, hand juries a shortlist, follow each residential pathway.

pub mod domain;
