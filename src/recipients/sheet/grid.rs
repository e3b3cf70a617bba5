//! The cells of a sheet gathered one by one as the workbook gives them, each
//! checked against the limits of a list as it comes, so that a stray cell
//! far from the list or a bomb of repeated text is refused before it costs
//! memory.

use std::borrow::Cow;
use std::path::Path;

use super::super::table::{Cell, Place, Table, too_long};
use crate::error::{Diagnostic, Error, Result, SheetCell, column_letters};
use crate::input::{CELL_TEXT, LIST_CELLS, LIST_COLUMNS, LIST_ROWS, LIST_TEXT};

/// The cells of one sheet that hold something, in the order read.
pub(super) struct Grid<'a> {
    file: &'a Path,
    sheet: &'a str,
    cells: Vec<Kept>,
    extent: Extent,
}

/// A cell that holds something, where it is from 0.
struct Kept {
    row: u32,
    column: u32,
    text: String,
    error: Option<String>,
}

impl<'a> Grid<'a> {
    /// An empty grid for the sheet `sheet` of `file`.
    pub fn new(file: &'a Path, sheet: &'a str) -> Self {
        Grid {
            file,
            sheet,
            cells: Vec::new(),
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
            self.sheet,
            (row, column),
            (1, 1),
            chars,
            text.len(),
        )?;
        self.cells.push(Kept {
            row,
            column,
            text: text.into_owned(),
            error,
        });
        Ok(())
    }

    /// The table: the first row that holds something names the columns,
    /// from the first column that holds something to the last.
    pub fn table(self) -> Result<Table> {
        let Some(((first_row, first_column), (_, last_column))) = self.extent.corners() else {
            return Err(Error::invalid(
                Diagnostic::error(format!("the sheet `{}` is empty", self.sheet))
                    .in_file(self.file)
                    .hint("the first row names the columns: code, name_fr, name_en, language"),
            ));
        };
        let width = (last_column - first_column + 1) as usize;
        let mut cells = self.cells;
        cells.sort_by_key(|c| (c.row, c.column));
        let place = |row: u32, column: u32| {
            Place::Sheet(SheetCell {
                sheet: self.sheet.to_owned(),
                row: row + 1,
                column,
            })
        };
        let mut rows: Vec<(u32, Vec<Cell>)> = Vec::new();
        for kept in cells {
            if rows.last().is_none_or(|(row, _)| *row != kept.row) {
                let row = kept.row;
                let blank = (0..width as u32)
                    .map(|at| Cell {
                        text: String::new(),
                        place: place(row, first_column + at),
                        error: None,
                    })
                    .collect();
                rows.push((row, blank));
            }
            let (_, row) = rows.last_mut().expect("a row was just pushed");
            let cell = &mut row[(kept.column - first_column) as usize];
            cell.text = kept.text;
            cell.error = kept.error;
        }
        let mut rows = rows.into_iter();
        let header = match rows.next() {
            Some((row, cells)) if row == first_row => cells,
            _ => unreachable!("the first row kept holds the first cell"),
        };
        let rows = rows
            .map(|(_, cells)| cells)
            .filter(|row| {
                row.iter()
                    .any(|c| !c.text.trim().is_empty() || c.error.is_some())
            })
            .collect();
        Ok(Table {
            file: self.file.to_owned(),
            header,
            rows,
        })
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
            sheet: sheet.to_owned(),
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
