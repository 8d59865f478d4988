//! A sparse matrix in compressed sparse row (CSR) form: every row's
//! `(column, value)` pairs end to end in one allocation, and where each row
//! starts. Training keeps a million rows this way: a `Vec` per row would cost
//! an allocation and 24 bytes of header for each, and copies per fold.
//!
//! ```
//! use stance::sparse::Csr;
//!
//! let mut m = Csr::new();
//! m.push_row([(0, 1.0f32), (3, 0.5)]);
//! m.push_row([]);
//! m.push_row([(2, 2.0)]);
//! assert_eq!(m.row(2), &[(2, 2.0)]);
//! let fold = m.select(&[2, 0]);
//! assert_eq!(fold.row(0), m.row(2));
//! assert_eq!(fold.len(), 2);
//! ```

/// Rows of `(column, value)` pairs, stored end to end. Columns within a row
/// are kept in the order they were pushed (training pushes them sorted).
#[derive(Debug, Clone, PartialEq)]
pub struct Csr<T> {
    /// Where row `i` starts in `entries`; one more than the rows, the last is
    /// `entries.len()`.
    offsets: Vec<usize>,
    entries: Vec<(u32, T)>,
}

impl<T: Copy> Default for Csr<T> {
    fn default() -> Self {
        Csr::new()
    }
}

impl<T: Copy> Csr<T> {
    /// An empty matrix (no rows).
    pub fn new() -> Self {
        Csr {
            offsets: vec![0],
            entries: Vec::new(),
        }
    }

    /// An empty matrix with room for `rows` rows and `nnz` entries.
    pub fn with_capacity(rows: usize, nnz: usize) -> Self {
        let mut offsets = Vec::with_capacity(rows + 1);
        offsets.push(0);
        Csr {
            offsets,
            entries: Vec::with_capacity(nnz),
        }
    }

    /// Appends one row.
    pub fn push_row(&mut self, row: impl IntoIterator<Item = (u32, T)>) {
        self.entries.extend(row);
        self.offsets.push(self.entries.len());
    }

    /// Appends the rows of `other` after this matrix's.
    pub fn append(&mut self, other: &Csr<T>) {
        let base = self.entries.len();
        self.entries.extend_from_slice(&other.entries);
        self.offsets
            .extend(other.offsets[1..].iter().map(|&end| base + end));
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    /// True when there are no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of stored entries, over all rows.
    pub fn nnz(&self) -> usize {
        self.entries.len()
    }

    /// Row `i`'s entries.
    pub fn row(&self, i: usize) -> &[(u32, T)] {
        &self.entries[self.offsets[i]..self.offsets[i + 1]]
    }

    /// The rows in order.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = &[(u32, T)]> + '_ {
        self.offsets.windows(2).map(|w| &self.entries[w[0]..w[1]])
    }

    /// Keeps the entries for which `keep` holds, with their column
    /// renumbered by it (`Some(new column)`), in place; rows stay.
    pub fn retain_columns(&mut self, mut keep: impl FnMut(u32) -> Option<u32>) {
        let mut write = 0;
        let mut start = 0;
        for r in 0..self.len() {
            let end = self.offsets[r + 1];
            for read in start..end {
                let (column, value) = self.entries[read];
                if let Some(new) = keep(column) {
                    self.entries[write] = (new, value);
                    write += 1;
                }
            }
            start = end;
            self.offsets[r + 1] = write;
        }
        self.entries.truncate(write);
        self.entries.shrink_to_fit();
    }

    /// A view of some rows, by index, in the order given: what a fold
    /// trains or tests on, without copying them.
    pub fn select<'a>(&'a self, rows: &'a [usize]) -> Rows<'a, T> {
        Rows { matrix: self, rows }
    }

    /// Frees capacity left over from building.
    pub fn shrink_to_fit(&mut self) {
        self.offsets.shrink_to_fit();
        self.entries.shrink_to_fit();
    }
}

/// Some rows of a [`Csr`], by index: row `i` of the view is row `rows[i]`
/// of the matrix.
#[derive(Debug, Clone, Copy)]
pub struct Rows<'a, T> {
    matrix: &'a Csr<T>,
    rows: &'a [usize],
}

impl<'a, T: Copy> Rows<'a, T> {
    /// Number of rows in the view.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when the view has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Row `i` of the view.
    pub fn row(&self, i: usize) -> &'a [(u32, T)] {
        self.matrix.row(self.rows[i])
    }

    /// The view's rows in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &'a [(u32, T)]> + '_ {
        let matrix = self.matrix;
        self.rows.iter().map(move |&r| matrix.row(r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Vec<Vec<(u32, f32)>> {
        vec![
            vec![(0, 1.0), (5, 0.25)],
            vec![],
            vec![(2, -3.0)],
            vec![(1, 0.5), (2, 0.5), (7, 1.5)],
            vec![],
        ]
    }

    fn matrix(rows: &[Vec<(u32, f32)>]) -> Csr<f32> {
        let mut m = Csr::new();
        for r in rows {
            m.push_row(r.iter().copied());
        }
        m
    }

    #[test]
    fn rows_read_back_as_pushed() {
        let rows = rows();
        let m = matrix(&rows);
        assert_eq!(m.len(), rows.len());
        assert_eq!(m.nnz(), 6);
        for (i, r) in rows.iter().enumerate() {
            assert_eq!(m.row(i), r.as_slice(), "row {i}");
        }
        assert_eq!(m.rows().map(<[_]>::to_vec).collect::<Vec<_>>(), rows);
        assert!(Csr::<f32>::new().is_empty());
        assert_eq!(Csr::<f32>::new().rows().count(), 0);
    }

    #[test]
    fn appended_chunks_equal_one_matrix() {
        let rows = rows();
        for split in 0..=rows.len() {
            let mut m = matrix(&rows[..split]);
            m.append(&matrix(&rows[split..]));
            assert_eq!(m, matrix(&rows), "split at {split}");
        }
    }

    #[test]
    fn fold_views_see_their_rows() {
        let rows = rows();
        let m = matrix(&rows);
        // Rows of fold 1 of a 2-fold split, and the rest, as training does.
        let folds = [0, 1, 1, 0, 1];
        for f in 0..2 {
            let test: Vec<usize> = (0..rows.len()).filter(|&i| folds[i] == f).collect();
            let train: Vec<usize> = (0..rows.len()).filter(|&i| folds[i] != f).collect();
            for (ids, view) in [(&test, m.select(&test)), (&train, m.select(&train))] {
                assert_eq!(view.len(), ids.len());
                for (i, &r) in ids.iter().enumerate() {
                    assert_eq!(view.row(i), rows[r].as_slice(), "fold {f} row {r}");
                }
                let seen: Vec<_> = view.iter().collect();
                let want: Vec<_> = ids.iter().map(|&r| rows[r].as_slice()).collect();
                assert_eq!(seen, want);
            }
        }
        let reversed = [4, 3, 2, 1, 0];
        assert_eq!(m.select(&reversed).row(1), rows[3].as_slice());
        assert!(m.select(&[]).is_empty());
    }

    #[test]
    fn retained_columns_are_renumbered_in_place() {
        let mut m = matrix(&rows());
        // Drop odd columns, halve the even ones.
        m.retain_columns(|c| (c % 2 == 0).then_some(c / 2));
        let want: Vec<Vec<(u32, f32)>> = vec![
            vec![(0, 1.0)],
            vec![],
            vec![(1, -3.0)],
            vec![(1, 0.5)],
            vec![],
        ];
        assert_eq!(m, matrix(&want));
    }
}
