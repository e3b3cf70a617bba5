//! The embedded fonts, and a copy of them for each worker of a batch.
//!
//! Typst and its PDF writer share what they build from a font among every
//! compile that uses the same font data, for their caches know a font by its
//! data; and they count the references to it at each glyph. Two threads
//! typesetting with the same fonts thus write the same counters all the
//! time, and each waits for the other's processor to hand them over: a batch
//! with two jobs spent a third more processor time than with one. Each
//! worker after the first therefore has its own copy: the font's data with a
//! few bytes after its last table, which no reader looks at (a font's tables
//! are found by their offsets) but which makes it another font to those
//! caches. The PDFs are the same bytes whichever worker made them.

use std::sync::{Arc, OnceLock};

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst_kit::fonts::{FontSource, FontStore};

/// The fonts a compile reads: the embedded ones, or one worker's copy.
#[derive(Clone)]
pub struct Fonts(Arc<FontStore>);

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fonts").finish_non_exhaustive()
    }
}

impl Fonts {
    /// The embedded fonts, loaded once per process.
    pub fn embedded() -> Self {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS
            .get_or_init(|| {
                let mut store = FontStore::new();
                store.extend(typst_kit::fonts::embedded());
                Fonts(Arc::new(store))
            })
            .clone()
    }

    /// The fonts of the `worker`-th worker of a batch (from 0): the embedded
    /// ones for the first, a copy of them for each other, each font copied
    /// when the worker first uses it.
    pub fn for_worker(worker: usize) -> Self {
        let embedded = Self::embedded();
        if worker == 0 {
            return embedded;
        }
        let mut store = FontStore::new();
        for (index, info) in (0..).map_while(|i| Some((i, embedded.book().info(i)?))) {
            store.push((
                Copied {
                    embedded: embedded.clone(),
                    index,
                    padding: 4 * worker,
                },
                info.clone(),
            ));
        }
        Fonts(Arc::new(store))
    }

    /// What the fonts are, for Typst to choose among them.
    pub fn book(&self) -> &LazyHash<FontBook> {
        self.0.book()
    }

    /// The font at `index` of the book.
    pub fn font(&self, index: usize) -> Option<Font> {
        self.0.font(index)
    }
}

/// A worker's copy of an embedded font: its data, then `padding` zeros.
struct Copied {
    embedded: Fonts,
    index: usize,
    padding: usize,
}

impl FontSource for Copied {
    fn load(&self) -> Option<Font> {
        let font = self.embedded.font(self.index)?;
        let mut data = Vec::with_capacity(font.data().len() + self.padding);
        data.extend_from_slice(font.data().as_slice());
        data.resize(data.len() + self.padding, 0);
        Font::new(Bytes::new(data), font.index())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_workers_copy_is_another_font_with_the_same_data() {
        let embedded = Fonts::embedded();
        let copy = Fonts::for_worker(1);
        let index = embedded
            .book()
            .select("libertinus serif", Default::default())
            .expect("Libertinus Serif is embedded");
        let (a, b) = (embedded.font(index).unwrap(), copy.font(index).unwrap());
        assert_ne!(a, b, "the caches must tell them apart");
        assert_eq!(a.info(), b.info());
        assert_eq!(a.post_script_name(), b.post_script_name());
        assert!(b.data().as_slice().starts_with(a.data().as_slice()));
        assert_eq!(Fonts::for_worker(0).font(index).unwrap(), a);
    }
}
