//! Typst's compile, its layout started from what a note typeset before
//! found out about its own pages.
//!
//! Typst lays a document out again and again until what its layout asked of
//! the finished pages (the page a footer stands on, a counter's value) is
//! what those pages answer. It starts from knowing nothing, so a note whose
//! footer prints its page number is laid out twice. The notes of a batch,
//! or the drafts of a preview, have the same pages and the same footers,
//! placed alike: started from the last note's answers, a note is laid out
//! once, and its layout is checked against its own pages exactly as Typst
//! checks it. Where the answers do not hold, layout goes on as Typst's does
//! from there; should that fail or not settle, the note is compiled again by
//! Typst from nothing, so a note never comes out otherwise than Typst makes
//! it.

use std::sync::Arc;

use typst::World;
use typst::comemo::{Constraint, Track, Tracked};
use typst::diag::{SourceResult, Warned};
use typst::engine::{Engine, Route, Sink, Traced};
use typst::foundations::{StyleChain, Target, TargetElem};
use typst::introspection::{Introspector, MAX_ITERS};
use typst::utils::Protected;
use typst_layout::{PagedDocument, PagedIntrospector};

/// Compiles `world`'s main file into pages, the layout started from `seed`,
/// the introspector of a note typeset before, if any; else, or should that
/// not settle, as `typst::compile` does.
pub fn compile(
    world: &dyn World,
    seed: Option<&Arc<PagedIntrospector>>,
) -> Warned<SourceResult<PagedDocument>> {
    if let Some(seed) = seed {
        let mut sink = Sink::new();
        if let Some((document, _)) = seeded(world.track(), seed.as_ref(), &mut sink) {
            return Warned {
                output: Ok(document),
                warnings: sink.warnings(),
            };
        }
    }
    typst::compile::<PagedDocument>(world)
}

/// The layout loop of `typst::compile`, from `seed`'s answers rather than
/// none: the pages, and how many times they were laid out. `None` on any
/// error, or if the layout does not settle.
fn seeded(
    world: Tracked<dyn World + '_>,
    seed: &dyn Introspector,
    sink: &mut Sink,
) -> Option<(PagedDocument, usize)> {
    let library = world.library();
    let target = TargetElem::target.set(Target::Paged).wrap();
    let base = StyleChain::new(&library.styles);
    let styles = base.chain(&target);
    let main = world.source(world.main()).ok()?;
    let traced = Traced::default();
    let traced = traced.track();
    let route = Route::default();
    let module = typst_eval::eval(
        world,
        library,
        traced,
        sink.track_mut(),
        route.track(),
        &main,
    );
    let content = module.ok()?.content();

    let mut last: Option<PagedDocument> = None;
    for pass in 0..MAX_ITERS {
        let introspector: &dyn Introspector = match &last {
            Some(document) => document.introspector().as_ref(),
            None => seed,
        };
        let constraint = Constraint::new();
        let mut subsink = Sink::new();
        let mut engine = Engine {
            library,
            world,
            introspector: Protected::new(introspector.track_with(&constraint)),
            traced,
            sink: subsink.track_mut(),
            route: Route::default(),
        };
        let document = typst_layout::layout_document(&mut engine, &content, styles).ok()?;
        let answers: &dyn Introspector = document.introspector().as_ref();
        if constraint.validate(answers) {
            sink.extend_from_sink(subsink);
            return sink.delayed().is_empty().then_some((document, pass + 1));
        }
        last = Some(document);
    }
    None
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::assets::Assets;
    use crate::source::Composed;
    use crate::typeset::world::NoteWorld;
    use crate::typeset::{Fonts, Typesetter};
    use crate::{Engine, Lang, NoteOptions, Sources};

    /// What the tests compose and compile notes with.
    struct Notes {
        engine: Engine,
        typesetter: Typesetter,
        fonts: Fonts,
    }

    impl Notes {
        fn new() -> Self {
            Self {
                engine: Engine::new(&Sources::default()).unwrap(),
                typesetter: Typesetter::new(&Assets::templates(None).unwrap()).unwrap(),
                fonts: Fonts::embedded(),
            }
        }

        /// The source of the French note of `meeting` (in `examples`) to
        /// the mission of `code`.
        fn composed(&self, meeting: &str, code: &str) -> Composed {
            let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
            let loaded = self.engine.load(&examples.join(meeting)).unwrap();
            let list = crate::recipients::load(&examples.join("missions.yaml")).unwrap();
            let record = (list.records.iter())
                .find(|record| record.recipient.as_ref().is_ok_and(|r| r.code == code))
                .unwrap();
            let recipient = record.recipient.as_ref().ok();
            let options = NoteOptions::default();
            (self
                .engine
                .compose_note(&loaded, Lang::Fr, recipient, &options))
            .unwrap()
        }

        fn world<'a>(&'a self, composed: &'a Composed) -> NoteWorld<'a> {
            let typesetter = &self.typesetter;
            NoteWorld::new(
                composed,
                &typesetter.library,
                &self.fonts,
                &typesetter.templates,
            )
            .unwrap()
        }
    }

    #[test]
    fn a_note_laid_out_from_another_s_pages_comes_out_as_typst_makes_it() {
        let notes = Notes::new();
        let pages = |document: &PagedDocument| typst::utils::hash128(document.pages());
        let typst = |composed: &Composed| {
            let document = typst::compile::<PagedDocument>(&notes.world(composed))
                .output
                .unwrap();
            (pages(&document), document.introspector().clone())
        };
        // Invitations of two pages to two missions, a reminder of one.
        let france = notes.composed("ccm-7msp.yaml", "FRA");
        let (france_pages, france_seen) = typst(&france);
        let (_, belgium_seen) = typst(&notes.composed("ccm-7msp.yaml", "BEL"));
        let (_, reminder_seen) = typst(&notes.composed("ccm-7msp-reminder.yaml", "FRA"));
        let from = |seed: &Arc<PagedIntrospector>| {
            let mut sink = Sink::new();
            let world = notes.world(&france);
            let (document, passes) =
                seeded((&world as &dyn World).track(), seed.as_ref(), &mut sink).unwrap();
            (pages(&document), passes)
        };
        // From another mission's invitation: laid out once.
        assert_eq!(from(&belgium_seen), (france_pages, 1));
        assert_eq!(from(&france_seen), (france_pages, 1));
        // From a note of one page: its footer's page number is wrong at
        // first, and the note is laid out again, as Typst would.
        assert_eq!(from(&reminder_seen), (france_pages, 2));
        // Through `compile`, with Typst's warnings: none here.
        let warned = compile(&notes.world(&france), Some(&belgium_seen));
        assert_eq!(pages(&warned.output.unwrap()), france_pages);
        assert!(warned.warnings.is_empty());
    }

    #[test]
    fn a_note_that_fails_from_another_s_pages_fails_as_typst_makes_it_fail() {
        let notes = Notes::new();
        let france = notes.composed("ccm-7msp.yaml", "FRA");
        let seed = typst::compile::<PagedDocument>(&notes.world(&france))
            .output
            .unwrap()
            .introspector()
            .clone();
        let messages = |warned: Warned<SourceResult<PagedDocument>>| {
            let Err(errors) = warned.output else {
                panic!("the note fails");
            };
            errors
                .iter()
                .map(|e| e.message.to_string())
                .collect::<Vec<_>>()
        };
        // An error as the source is evaluated, and one only as it is laid
        // out: the seeded layout gives up, and Typst's compile says why.
        let mistakes = [
            ("#panic(\"evaluated\")", "evaluated"),
            ("#context panic(\"laid out\")", "laid out"),
        ];
        for (mistake, said) in mistakes {
            let mut broken = france.clone();
            broken.source.push_str(&format!("\n{mistake}\n"));
            let mut sink = Sink::new();
            let world = notes.world(&broken);
            assert!(seeded((&world as &dyn World).track(), seed.as_ref(), &mut sink).is_none());
            let typst = messages(typst::compile::<PagedDocument>(&world));
            assert_eq!(messages(compile(&world, Some(&seed))), typst);
            assert!(typst[0].contains(said), "{typst:?}");
        }
    }
}
