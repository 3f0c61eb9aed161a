//! The dataset format (schema 2, a superset of schema 1): its types, reading a file into
//! them, and the rules of meaning they keep. `SCHEMA.md` describes every field.
//!
//! Everything is re-exported here: the rest of the crate says `crate::model::Dataset`.

mod read;
mod types;
mod validate;

pub use read::*;
pub use types::*;
pub use validate::*;
