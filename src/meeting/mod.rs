//! The frame of a meeting file: what every note verbale has, whatever its
//! kind (the sender, the addressees, the reference, the date, the page),
//! as typed values. A kind's own fields are read by [`crate::kind`].
//!
//! Field names and shapes are documented, for the people who fill them in, in
//! the commented example `examples/ccm-7msp.yaml` and by `noteverbale init`.

mod addressees;
mod formulas;
mod frame;
mod sender;

pub use self::addressees::{Addressee, Addressees};
pub use self::formulas::{Closing, Degree, Opening, RefersTo, Side, Verb};
pub use self::frame::{Annex, DateAt, Enclosures, FRAME_FIELDS, Frame, NoteDate, Paper};
pub use self::sender::{DutyStation, Role, Sender};
