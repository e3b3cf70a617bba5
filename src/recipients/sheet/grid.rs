//! The cells of a sheet gathered one by one as the workbook gives them, each
//! checked against the limits of a list as it comes, so that a stray cell
//! far from the list or a bomb of repeated text is refused before it costs
//! memory.

use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

use super::super::table::{self, Cell, Origin, Place, Table, too_long};
use super::super::{List, Tally};
use crate::error::{Diagnostic, Error, Result, SheetCell, column_letters};
use crate::input::{CELL_TEXT, LIST_CELLS, LIST_COLUMNS, LIST_ROWS, LIST_TEXT};

/// The cells of one sheet that hold something, in the order read.
pub(super) struct Grid<'a> {
    file: &'a Path,
    sheet: Arc<str>,
    /// The cells that hold text, kept small: a sheet may hold two million.
    cells: Vec<Kept>,
    /// The text of every cell of `cells`, one after the other.
    text: String,
    /// The cells that hold a spreadsheet error (`#N/A`): (row, column,
    /// error), from 0.
    errors: Vec<(u32, u32, String)>,
    extent: Extent,
}

/// A cell that holds text: where it is from 0, and where its text is in
/// the grid's text.
#[derive(Clone, Copy)]
struct Kept {
    row: u32,
    column: u32,
    start: u32,
    end: u32,
}

impl<'a> Grid<'a> {
    /// An empty grid for the sheet `sheet` of `file`.
    pub fn new(file: &'a Path, sheet: &str) -> Self {
        Grid {
            file,
            sheet: sheet.into(),
            cells: Vec::new(),
            text: String::new(),
            errors: Vec::new(),
            extent: Extent::default(),
        }
    }

    /// Keeps a cell that holds something, `row` and `column` from 0; a cell
    /// outside the limits, or one too many, is an error.
    pub fn push(
        &mut self,
        row: u32,
        column: u32,
        text: Cow<'_, str>,
        error: Option<String>,
    ) -> Result<()> {
        // Counted up to just past the limit: the text may be a shared
        // string of any length.
        let chars = text.chars().take(CELL_TEXT + 1).count();
        let chars = if chars > CELL_TEXT {
            text.chars().count()
        } else {
            chars
        };
        self.extent.add(
            self.file,
            &self.sheet,
            (row, column),
            (1, 1),
            chars,
            text.len(),
        )?;
        match error {
            Some(error) => self.errors.push((row, column, error)),
            None => {
                // The text of the sheet is within `LIST_TEXT`, far below
                // 4 GiB: its offsets fit in 32 bits.
                let start = self.text.len() as u32;
                self.text.push_str(&text);
                let end = self.text.len() as u32;
                self.cells.push(Kept {
                    row,
                    column,
                    start,
                    end,
                });
            }
        }
        Ok(())
    }

    /// The records of the sheet: the first row that holds something names
    /// the columns, from the first column that holds something to the
    /// last. The header is read first: a list whose header is wrong is
    /// refused before its rows are built, and the rows carry only the
    /// columns a note reads.
    pub fn records(mut self, tally: &mut Tally) -> Result<List> {
        let Some(((first_row, first_column), (_, last_column))) = self.extent.corners() else {
            return Err(Error::invalid(
                Diagnostic::error(format!("the sheet `{}` is empty", self.sheet))
                    .in_file(self.file)
                    .hint("the first row names the columns: code, name_fr, name_en, language"),
            ));
        };
        let width = (last_column - first_column + 1) as usize;
        self.cells.sort_unstable_by_key(|c| (c.row, c.column));
        self.errors
            .sort_unstable_by_key(|&(row, column, _)| (row, column));
        let blank = |row: u32, at: usize| Cell {
            text: String::new(),
            place: Place::Sheet {
                row: row + 1,
                column: first_column + at as u32,
            },
            error: None,
        };
        let mut header: Vec<Cell> = (0..width).map(|at| blank(first_row, at)).collect();
        let mut used = vec![false; width];
        for kept in &self.cells {
            let at = (kept.column - first_column) as usize;
            if kept.row == first_row {
                header[at].text = self.text(kept).to_owned();
            } else if !self.text(kept).trim().is_empty() {
                used[at] = true;
            }
        }
        for (row, column, error) in &self.errors {
            let at = (column - first_column) as usize;
            if *row == first_row {
                header[at].error = Some(error.clone());
            } else {
                used[at] = true;
            }
        }
        let mut table = Table {
            file: self.file.to_owned(),
            origin: Origin::Sheet(self.sheet.clone()),
            header,
            used,
            rows: Vec::new(),
        };
        let columns = table::columns(&table)?;
        // Each row, with a cell for each column a note reads; a row that
        // holds something only in the columns left out is still a row.
        let carried = columns.carried();
        let mut slot = vec![None; width];
        for (position, &at) in carried.iter().enumerate() {
            slot[at] = Some(position);
        }
        let mut rows: Vec<(u32, Vec<Cell>, bool)> = Vec::new();
        let mut errors = self.errors.into_iter().peekable();
        let mut cells = self.cells.iter().peekable();
        loop {
            // The next row that holds something, of the cells or errors.
            let next = match (cells.peek(), errors.peek()) {
                (Some(kept), Some(error)) => kept.row.min(error.0),
                (Some(kept), None) => kept.row,
                (None, Some(error)) => error.0,
                (None, None) => break,
            };
            let mut row: Vec<Cell> = carried.iter().map(|&at| blank(next, at)).collect();
            let mut holds = false;
            while let Some(kept) = cells.next_if(|kept| kept.row == next) {
                let text = &self.text[kept.start as usize..kept.end as usize];
                holds |= !text.trim().is_empty();
                if let Some(position) = slot[(kept.column - first_column) as usize] {
                    row[position].text = text.to_owned();
                }
            }
            while let Some((_, column, error)) = errors.next_if(|error| error.0 == next) {
                holds = true;
                if let Some(position) = slot[(column - first_column) as usize] {
                    row[position].error = Some(error);
                }
            }
            rows.push((next, row, holds));
        }
        table.rows = rows
            .into_iter()
            .filter(|&(row, _, holds)| row != first_row && holds)
            .map(|(_, cells, _)| cells)
            .collect();
        table::read(&table, &columns.narrowed(), tally)
    }

    /// The text of a kept cell.
    fn text(&self, kept: &Kept) -> &str {
        &self.text[kept.start as usize..kept.end as usize]
    }
}

/// How far the cells that hold something reach, and how much text they
/// hold, checked against the limits of a list cell by cell.
#[derive(Debug, Default)]
pub(super) struct Extent {
    /// The first and last rows and columns that hold something, from 0.
    corners: Option<((u32, u32), (u32, u32))>,
    /// The bytes of text of every cell so far.
    text: u64,
}

impl Extent {
    /// Counts a block of `size` (rows, columns) equal cells whose first is
    /// at `at` (row, column, from 0), each holding `chars` characters in
    /// `bytes` bytes: a block beyond the rows or columns of a list, a cell
    /// of too long a text, or text past the sheet's limit is an error.
    pub fn add(
        &mut self,
        file: &Path,
        sheet: &str,
        at: (u32, u32),
        size: (u32, u32),
        chars: usize,
        bytes: usize,
    ) -> Result<()> {
        let (row, column) = at;
        let last = (
            row.saturating_add(size.0.max(1) - 1),
            column.saturating_add(size.1.max(1) - 1),
        );
        let cell = |row: u32, column: u32| SheetCell {
            sheet: sheet.into(),
            row: row.saturating_add(1),
            column,
        };
        if last.0 >= LIST_ROWS || last.1 >= LIST_COLUMNS {
            // The first cell of the block past the limits.
            let outside = cell(
                if last.0 >= LIST_ROWS {
                    row.max(LIST_ROWS)
                } else {
                    row
                },
                if last.1 >= LIST_COLUMNS {
                    column.max(LIST_COLUMNS)
                } else {
                    column
                },
            );
            return Err(Error::invalid(
                Diagnostic::error(format!(
                    "cell {} of sheet {sheet} is far outside the list: delete it",
                    outside.name()
                ))
                .in_file(file)
                .in_cell(outside)
                .hint(format!(
                    "a list keeps to the first {LIST_ROWS} rows and the columns A to {}: \
                     delete what lies beyond, or move the list to a sheet of its own (`--sheet`)",
                    column_letters(LIST_COLUMNS - 1)
                )),
            ));
        }
        if chars > CELL_TEXT {
            return Err(Error::invalid(
                Diagnostic::error(too_long("cell", chars))
                    .in_file(file)
                    .in_cell(cell(row, column))
                    .hint("a cell holds one value of one mission: shorten it"),
            ));
        }
        let count = u64::from(size.0.max(1)) * u64::from(size.1.max(1));
        self.text = self.text.saturating_add(count.saturating_mul(bytes as u64));
        if self.text > LIST_TEXT {
            return Err(Error::invalid(
                Diagnostic::error(format!(
                    "the cells of sheet {sheet} hold more than the {} MiB of text allowed",
                    LIST_TEXT >> 20
                ))
                .in_file(file)
                .in_cell(cell(row, column))
                .hint("the list is a few hundred kilobytes: delete what is not part of it, or move it to a sheet of its own (`--sheet`)"),
            ));
        }
        let ((top, left), (bottom, right)) = self.corners.unwrap_or((at, last));
        let corners = (
            (top.min(row), left.min(column)),
            (bottom.max(last.0), right.max(last.1)),
        );
        self.corners = Some(corners);
        let ((top, left), (bottom, right)) = corners;
        let cells = u64::from(bottom - top + 1) * u64::from(right - left + 1);
        if cells > LIST_CELLS {
            return Err(Error::invalid(
                Diagnostic::error(format!(
                    "the list in sheet {sheet} spans cells {} to {}: {cells} cells, more than the {LIST_CELLS} allowed",
                    cell(top, left).name(),
                    cell(bottom, right).name(),
                ))
                .in_file(file)
                .in_cell(cell(row, column))
                .hint("delete the cells around the list that are not part of it, or move the list to a sheet of its own (`--sheet`)"),
            ));
        }
        Ok(())
    }

    /// The first and last rows and columns that hold something, from 0.
    pub fn corners(&self) -> Option<((u32, u32), (u32, u32))> {
        self.corners
    }
}
