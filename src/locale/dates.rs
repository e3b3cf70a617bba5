//! Dates and times of day as they are written in running text of a note, in
//! any language: each is its language's rule (see [`super::Language`]).

use chrono::{NaiveDate, NaiveTime};

use super::Lang;
#[cfg(test)]
use super::{en::MONTHS as MONTHS_EN, fr::MONTHS as MONTHS_FR, language::NBSP};

/// How a note writes its dates: as the United Nations writes them ("14
/// August 1987", « 14 août 1987 »), or, in English, as the United States
/// writes them ("August 14, 1987"). French writes its dates one way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateStyle {
    /// Day, month, year.
    #[default]
    Un,
    /// Month, day, year, in English.
    Us,
}

/// The names of the months in `lang`, January first, as a date prints them.
pub fn month_names(lang: Lang) -> &'static [&'static str; 12] {
    lang.rules().months()
}

/// The names of the days of the week in `lang`, Monday first.
pub fn weekday_names(lang: Lang) -> &'static [&'static str; 7] {
    lang.rules().weekdays()
}

/// A date in full: `7\u{a0}décembre 2015`, `1er\u{a0}mars 2018`,
/// `7\u{a0}December 2015`.
pub fn date(d: NaiveDate, lang: Lang) -> String {
    lang.rules().date(d)
}

/// A date in full in `style`: `August 14, 1987` in English in the United
/// States' style.
pub fn date_in(d: NaiveDate, lang: Lang, style: DateStyle) -> String {
    lang.rules().dated(style).date(d)
}

/// A date with its weekday, in `style`: `Friday, August 18, 2017`.
pub fn date_with_weekday_in(d: NaiveDate, lang: Lang, style: DateStyle) -> String {
    lang.rules().dated(style).date_with_weekday(d)
}

/// A period, in `style`: `from September 4 to 6, 2017`.
pub fn date_range_in(start: NaiveDate, end: NaiveDate, lang: Lang, style: DateStyle) -> String {
    lang.rules().dated(style).date_range(start, end)
}

/// A date with its weekday: `vendredi 18\u{a0}août 2017`,
/// `Friday, 18\u{a0}August 2017`.
pub fn date_with_weekday(d: NaiveDate, lang: Lang) -> String {
    lang.rules().date_with_weekday(d)
}

/// A time of day as the United Nations writes it in running text, the
/// number kept with its unit by no-break spaces: `10\u{a0}heures`,
/// `15\u{a0}h\u{a0}30`, `midi`, `minuit`; `10\u{a0}a.m.`, `3.30\u{a0}p.m.`,
/// `noon`, `midnight`.
pub fn time(t: NaiveTime, lang: Lang) -> String {
    lang.rules().time(t)
}

/// A period with its prepositions: `du 4 au 6\u{a0}septembre 2017`,
/// `from 4 to 6\u{a0}September 2017`; a single day reads `le …`/`on …`.
/// Month and year are written once when the two ends share them.
/// If `end` is before `start` the two are swapped.
pub fn date_range(start: NaiveDate, end: NaiveDate, lang: Lang) -> String {
    lang.rules().date_range(start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_of_day_as_the_un_writes_them() {
        let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let both = |h, m| {
            (
                time(at(h, m), Lang::Fr).replace(NBSP, " "),
                time(at(h, m), Lang::En).replace(NBSP, " "),
            )
        };
        let pair = |fr: &str, en: &str| (fr.to_owned(), en.to_owned());
        assert_eq!(both(10, 0), pair("10 heures", "10 a.m."));
        assert_eq!(both(15, 30), pair("15 h 30", "3.30 p.m."));
        assert_eq!(both(12, 0), pair("midi", "noon"));
        assert_eq!(both(0, 0), pair("minuit", "midnight"));
        assert_eq!(both(1, 0), pair("1 heure", "1 a.m."));
        assert_eq!(both(12, 15), pair("12 h 15", "12.15 p.m."));
        assert_eq!(both(0, 5), pair("0 h 05", "12.05 a.m."));
        assert_eq!(both(9, 5), pair("9 h 05", "9.05 a.m."));
        // The number never leaves its unit at the end of a line.
        assert_eq!(time(at(15, 30), Lang::Fr), "15\u{a0}h\u{a0}30");
        assert_eq!(time(at(10, 0), Lang::En), "10\u{a0}a.m.");
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn dates_fr() {
        assert_eq!(date(ymd(2015, 12, 7), Lang::Fr), "7\u{a0}décembre 2015");
        assert_eq!(date(ymd(2018, 3, 1), Lang::Fr), "1er\u{a0}mars 2018");
        assert_eq!(date(ymd(2017, 8, 18), Lang::Fr), "18\u{a0}août 2017");
        assert_eq!(date(ymd(2020, 2, 29), Lang::Fr), "29\u{a0}février 2020");
    }

    #[test]
    fn dates_en() {
        assert_eq!(date(ymd(2015, 12, 7), Lang::En), "7\u{a0}December 2015");
        assert_eq!(date(ymd(2018, 3, 1), Lang::En), "1\u{a0}March 2018");
        assert_eq!(date(ymd(2021, 1, 31), Lang::En), "31\u{a0}January 2021");
    }

    #[test]
    fn every_month_named() {
        for m in 1..=12 {
            let fr = date(ymd(2000, m, 2), Lang::Fr);
            let en = date(ymd(2000, m, 2), Lang::En);
            assert_eq!(fr, format!("2\u{a0}{} 2000", MONTHS_FR[m as usize - 1]));
            assert_eq!(en, format!("2\u{a0}{} 2000", MONTHS_EN[m as usize - 1]));
        }
    }

    #[test]
    fn weekdays() {
        let d = ymd(2017, 8, 18);
        assert_eq!(date_with_weekday(d, Lang::Fr), "vendredi 18\u{a0}août 2017");
        assert_eq!(
            date_with_weekday(d, Lang::En),
            "Friday, 18\u{a0}August 2017"
        );
        assert_eq!(
            date_with_weekday(ymd(2018, 3, 1), Lang::Fr),
            "jeudi 1er\u{a0}mars 2018"
        );
        assert_eq!(
            date_with_weekday(ymd(2024, 1, 1), Lang::En),
            "Monday, 1\u{a0}January 2024"
        );
        assert_eq!(
            date_with_weekday(ymd(2023, 12, 31), Lang::Fr),
            "dimanche 31\u{a0}décembre 2023"
        );
    }

    #[test]
    fn ranges_fr() {
        let r = |a, b| date_range(a, b, Lang::Fr);
        assert_eq!(
            r(ymd(2017, 9, 4), ymd(2017, 9, 6)),
            "du 4 au 6\u{a0}septembre 2017"
        );
        assert_eq!(
            r(ymd(2022, 8, 30), ymd(2022, 9, 2)),
            "du 30\u{a0}août au 2\u{a0}septembre 2022"
        );
        assert_eq!(
            r(ymd(2022, 12, 30), ymd(2023, 1, 2)),
            "du 30\u{a0}décembre 2022 au 2\u{a0}janvier 2023"
        );
        assert_eq!(
            r(ymd(2018, 3, 1), ymd(2018, 3, 3)),
            "du 1er au 3\u{a0}mars 2018"
        );
        assert_eq!(
            r(ymd(2018, 2, 27), ymd(2018, 3, 1)),
            "du 27\u{a0}février au 1er\u{a0}mars 2018"
        );
        assert_eq!(
            r(ymd(2017, 9, 4), ymd(2017, 9, 4)),
            "le 4\u{a0}septembre 2017"
        );
        assert_eq!(r(ymd(2018, 3, 1), ymd(2018, 3, 1)), "le 1er\u{a0}mars 2018");
    }

    #[test]
    fn ranges_en() {
        let r = |a, b| date_range(a, b, Lang::En);
        assert_eq!(
            r(ymd(2017, 9, 4), ymd(2017, 9, 6)),
            "from 4 to 6\u{a0}September 2017"
        );
        assert_eq!(
            r(ymd(2022, 8, 30), ymd(2022, 9, 2)),
            "from 30\u{a0}August to 2\u{a0}September 2022"
        );
        assert_eq!(
            r(ymd(2022, 12, 30), ymd(2023, 1, 2)),
            "from 30\u{a0}December 2022 to 2\u{a0}January 2023"
        );
        assert_eq!(
            r(ymd(2017, 9, 4), ymd(2017, 9, 4)),
            "on 4\u{a0}September 2017"
        );
    }

    #[test]
    fn reversed_range_is_swapped() {
        for lang in Lang::ALL {
            assert_eq!(
                date_range(ymd(2017, 9, 6), ymd(2017, 9, 4), lang),
                date_range(ymd(2017, 9, 4), ymd(2017, 9, 6), lang)
            );
        }
    }

    #[test]
    fn same_day_different_year_is_not_collapsed() {
        assert_eq!(
            date_range(ymd(2022, 9, 4), ymd(2023, 9, 4), Lang::En),
            "from 4\u{a0}September 2022 to 4\u{a0}September 2023"
        );
    }

    #[test]
    fn extreme_dates_do_not_panic() {
        for lang in Lang::ALL {
            date_with_weekday(NaiveDate::MIN, lang);
            date_with_weekday(NaiveDate::MAX, lang);
            date_range(NaiveDate::MAX, NaiveDate::MIN, lang);
        }
    }
}
