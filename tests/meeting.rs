//! The notes of a whole meeting: the reminder, the transmittal, the change
//! of dates and the delegation, each read back from both PDFs; a meeting
//! file that extends another, its mistakes located in the file that holds
//! them; and the rules of a meeting that `check` knows.

use crate::common;

use std::path::Path;

use common::{check_json, noteverbale, repo, squeeze, squeezed_pdf, succeed};

/// The seed's meeting file and the reminder that extends it, in `dir`.
fn seed_and_reminder(dir: &Path) {
    for name in ["ccm-7msp.yaml", "ccm-7msp-reminder.yaml"] {
        std::fs::copy(repo("examples").join(name), dir.join(name)).unwrap();
    }
}

/// What `check` says of `args` in `dir`, which it refuses.
fn refused(dir: &Path, args: &[&str]) -> String {
    let out = noteverbale(dir, &[&["check"], args].concat());
    assert_eq!(out.status.code(), Some(1), "{args:?}");
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// What `check` says of `text`, written as `dir/name`, which it refuses.
fn refused_text(dir: &Path, name: &str, text: &str) -> String {
    std::fs::write(dir.join(name), text).unwrap();
    refused(dir, &[name])
}

/// The French and the English of a rendered meeting file, squeezed.
fn both(dir: &Path, file: &str) -> (String, String) {
    succeed(dir, &["render", file, "-o", "out"]);
    let stem = Path::new(file).file_stem().unwrap().to_str().unwrap();
    (
        squeezed_pdf(&dir.join(format!("out/{stem}.fr.pdf"))),
        squeezed_pdf(&dir.join(format!("out/{stem}.en.pdf"))),
    )
}

fn has(text: &str, expected: &[&str]) {
    for expected in expected {
        assert!(text.contains(&squeeze(expected)), "{expected}\n{text}");
    }
}

#[test]
fn a_reminder_that_extends_the_seed_renders_with_the_seed_s_meeting() {
    let dir = tempfile::tempdir().unwrap();
    seed_and_reminder(dir.path());
    succeed(
        dir.path(),
        &["check", "--deny-warnings", "ccm-7msp-reminder.yaml"],
    );
    let (fr, en) = both(dir.path(), "ccm-7msp-reminder.yaml");
    has(
        &fr,
        &[
            "REFERENCE: ODA/41-2017/CCM",
            "Le Secrétaire général de l'Organisation des Nations Unies présente ses compliments aux représentants permanents des États Membres et des États observateurs auprès de l'Organisation des Nations Unies et, comme suite à sa note ODA/25-2017/CCM du 12 avril 2017, a l'honneur de rappeler que la septième Assemblée des États parties à la Convention sur les armes à sous-munitions se tiendra du 4 au 6 septembre 2017, au Palais des Nations, à Genève.",
            "La composition des délégations à la septième Assemblée des États parties devra être communiquée au secrétariat de la septième Assemblée, le vendredi 18 août 2017 au plus tard, à l'adresse ci-après :",
            "Palais des Nations, bureau C.117",
            "Le Secrétaire général rappelle également que les demandes de participation",
            "Le 20 juillet 2017",
        ],
    );
    has(
        &en,
        &[
            "and, further to his note ODA/25-2017/CCM of 12 April 2017, has the honour to recall that the Seventh Meeting of States Parties to the Convention on Cluster Munitions will be held from 4 to 6 September 2017, at the Palais des Nations in Geneva.",
            "should be communicated to the secretariat of the Seventh Meeting no later than Friday, 18 August 2017, at the following address:",
            "The Secretary-General also wishes to recall that requests for the participation",
        ],
    );
    // What the seed's file says of the meeting, the reminder says too.
    let seed = std::fs::read_to_string(dir.path().join("ccm-7msp.yaml")).unwrap();
    std::fs::write(
        dir.path().join("ccm-7msp.yaml"),
        seed.replace("end: 2017-09-06", "end: 2017-09-08"),
    )
    .unwrap();
    let (fr, _) = both(dir.path(), "ccm-7msp-reminder.yaml");
    has(&fr, &["se tiendra du 4 au 8 septembre 2017"]);
}

#[test]
fn a_mistake_in_the_extended_file_is_reported_there() {
    let dir = tempfile::tempdir().unwrap();
    seed_and_reminder(dir.path());
    let seed = std::fs::read_to_string(dir.path().join("ccm-7msp.yaml")).unwrap();
    let broken = seed.replace("start: 2017-09-04", "start: 2017-09-31");
    assert_ne!(broken, seed);
    std::fs::write(dir.path().join("ccm-7msp.yaml"), &broken).unwrap();
    let (code, report) = check_json(dir.path(), &["ccm-7msp-reminder.yaml"]);
    assert_eq!(code, Some(1), "{report:#}");
    let text = report.to_string();
    let line = broken
        .lines()
        .position(|l| l.contains("2017-09-31"))
        .unwrap()
        + 1;
    let errors: Vec<&serde_json::Value> = report
        .get("diagnostics")
        .and_then(|d| d.as_array())
        .map(|d| d.iter().filter(|d| d["severity"] == "error").collect())
        .unwrap_or_default();
    assert!(
        errors.iter().any(|e| e["file"]
            .as_str()
            .is_some_and(|f| f.ends_with("ccm-7msp.yaml"))
            && e["line"] == line
            && e["field"] == "meeting.start"),
        "{text}"
    );
    // `render` refuses it the same way, and writes nothing.
    let out = noteverbale(
        dir.path(),
        &["render", "ccm-7msp-reminder.yaml", "-o", "out"],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("ccm-7msp.yaml:{line}:")),
        "{stderr}"
    );
    assert!(!dir.path().join("out/ccm-7msp-reminder.fr.pdf").exists());
}

#[test]
fn the_earlier_note_is_by_default_the_extended_file_s_own() {
    let dir = tempfile::tempdir().unwrap();
    seed_and_reminder(dir.path());
    let seed = std::fs::read_to_string(dir.path().join("ccm-7msp.yaml")).unwrap();
    std::fs::write(
        dir.path().join("ccm-7msp.yaml"),
        seed.replace("# reference: ODA/25-2011/CCM", "reference: ODA/19-2017/CCM")
            .replace("\ndate: 2017\n", "\ndate: 2017-04-03\n"),
    )
    .unwrap();
    let reminder = std::fs::read_to_string(dir.path().join("ccm-7msp-reminder.yaml")).unwrap();
    let start = reminder.find("refers_to:").unwrap();
    let end = start + reminder[start..].find("\n\n").unwrap();
    std::fs::write(
        dir.path().join("ccm-7msp-reminder.yaml"),
        format!("{}{}", &reminder[..start], &reminder[end..]),
    )
    .unwrap();
    let (fr, en) = both(dir.path(), "ccm-7msp-reminder.yaml");
    has(
        &fr,
        &["comme suite à sa note ODA/19-2017/CCM du 3 avril 2017"],
    );
    has(
        &en,
        &["further to his note ODA/19-2017/CCM of 3 April 2017"],
    );
    // The reminder's own reference is its own, not the invitation's.
    has(&fr, &["REFERENCE: ODA/41-2017/CCM"]);

    // A file extended that has no day to refer to is said at `extends`.
    std::fs::write(dir.path().join("ccm-7msp.yaml"), &seed).unwrap();
    let stderr = refused(dir.path(), &["ccm-7msp-reminder.yaml"]);
    assert!(
        stderr.contains("has no reference or no day to refer to"),
        "{stderr}"
    );
    assert!(stderr.contains("ccm-7msp-reminder.yaml:"), "{stderr}");
}

#[test]
fn files_that_extend_one_another_in_a_circle_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.yaml"),
        "kind: reminder\nextends: b.yaml\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.yaml"),
        "kind: reminder\nextends: a.yaml\n",
    )
    .unwrap();
    let stderr = refused(dir.path(), &["a.yaml"]);
    assert!(stderr.contains("in a circle"), "{stderr}");
    std::fs::write(
        dir.path().join("c.yaml"),
        "kind: reminder\nextends: missing.yaml\n",
    )
    .unwrap();
    let stderr = refused(dir.path(), &["c.yaml"]);
    assert!(
        stderr.contains("names a file that cannot be read"),
        "{stderr}"
    );
    assert!(stderr.contains("c.yaml:2:"), "{stderr}");
}

#[test]
fn a_transmittal_lists_its_documents_and_asks_for_comments() {
    let dir = tempfile::tempdir().unwrap();
    let file = repo("examples/ccm-8msp-transmittal.yaml");
    let (fr, en) = both(dir.path(), file.to_str().unwrap());
    has(
        &fr,
        &[
            "et a l'honneur de transmettre ci-joint, en vue de la huitième Assemblée des États parties à la Convention sur les armes à sous-munitions, qui se tiendra du 3 au 5 septembre 2018, au Palais des Nations, à Genève, le document suivant : Ordre du jour provisoire (CCM/MSP/2018/1)",
            "Le Bureau saurait gré aux gouvernements de bien vouloir lui faire parvenir leurs observations sur ce document à l'adresse ccm@unog.ch, le vendredi 29 juin 2018 au plus tard.",
            "Pièce jointe",
        ],
    );
    has(
        &en,
        &[
            "and has the honour to transmit herewith, for the Eighth Meeting of States Parties to the Convention on Cluster Munitions, to be held from 3 to 5 September 2018, at the Palais des Nations in Geneva, the following document: Provisional agenda (CCM/MSP/2018/1)",
            "The Office would be grateful to receive the comments of Governments on this document at ccm@unog.ch no later than Friday, 29 June 2018.",
        ],
    );
}

#[test]
fn a_change_that_changes_nothing_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(repo("examples/ccm-review-change-of-dates.yaml")).unwrap();
    let same = text
        .replace("  start: 2015-09-07\n  end: 2015-09-11\n", "  start: 2015-06-22\n  end: 2015-06-26\n")
        .replace(
            "  venue: { fr: à Dubrovnik (Croatie), en: \"in Dubrovnik, Croatia\" }",
            "  venue: { fr: \"au Palais des Nations, à Genève\", en: at the Palais des Nations in Geneva }",
        );
    assert_ne!(same, text);
    let stderr = refused_text(dir.path(), "same.yaml", &same);
    assert!(stderr.contains("the change changes nothing"), "{stderr}");
    assert!(stderr.contains("(field `new`)"), "{stderr}");
    // A first day without a last is refused at the first.
    let half = text.replace("  end: 2015-09-11\n", "");
    let stderr = refused_text(dir.path(), "half.yaml", &half);
    assert!(
        stderr.contains("`start` is given without `end`"),
        "{stderr}"
    );
}

#[test]
fn a_delegation_lists_its_members_under_one_head_from_a_mission_of_the_list() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["ccm-7msp.yaml", "ccm-7msp-delegation.yaml", "missions.yaml"] {
        std::fs::copy(repo("examples").join(name), dir.path().join(name)).unwrap();
    }
    succeed(
        dir.path(),
        &[
            "check",
            "--deny-warnings",
            "ccm-7msp-delegation.yaml",
            "-r",
            "missions.yaml",
        ],
    );
    let (fr, en) = both(dir.path(), "ccm-7msp-delegation.yaml");
    has(
        &fr,
        &[
            "La Mission permanente de la France auprès de l'Office des Nations Unies à Genève présente ses compliments au secrétariat de la septième Assemblée",
            "et a l'honneur de communiquer ci-après la composition de la délégation de la France à la septième Assemblée des États parties à la Convention sur les armes à sous-munitions, qui se tiendra du 4 au 6 septembre 2017, au Palais des Nations, à Genève :",
            "S. E. M. Jean Dupont, Ambassadeur, Représentant permanent auprès de la Conférence du désarmement, chef de la délégation",
            "Mme Claire Martin, Conseillère, représentante suppléante",
            "M. Paul Bernard, Ministère de l'Europe et des affaires étrangères, conseiller",
            "La Mission permanente saisit cette occasion pour renouveler au secrétariat les assurances de sa très haute considération.",
        ],
    );
    has(
        &en,
        &[
            "The Permanent Mission of France to the United Nations Office at Geneva presents its compliments to the secretariat of the Seventh Meeting",
            "has the honour to communicate the composition of the delegation of France to the Seventh Meeting of States Parties",
            "H.E. Mr. Jean Dupont, Ambassador, Permanent Representative to the Conference on Disarmament, Head of Delegation",
            "Ms. Claire Martin, Counsellor, Alternate Representative",
        ],
    );
    let text = std::fs::read_to_string(dir.path().join("ccm-7msp-delegation.yaml")).unwrap();
    // Two heads: the second is refused at its role.
    let two = text.replace("    role: alternate", "    role: head");
    let stderr = refused_text(dir.path(), "two.yaml", &two);
    assert!(
        stderr.contains("a second item has `role: head`"),
        "{stderr}"
    );
    assert!(stderr.contains("delegation[1].role"), "{stderr}");
    // No head.
    let none = text.replace("    role: head", "    role: deputy");
    let stderr = refused_text(dir.path(), "none.yaml", &none);
    assert!(stderr.contains("no item has `role: head`"), "{stderr}");
    // A mission that is not in the list checked with it.
    let list = std::fs::read_to_string(dir.path().join("missions.yaml")).unwrap();
    let start = list.find("  - code: FRA").expect("France in the list");
    let end = start + 4 + list[start + 4..].find("  - code:").unwrap();
    std::fs::write(
        dir.path().join("others.yaml"),
        format!("{}{}", &list[..start], &list[end..]),
    )
    .unwrap();
    let stderr = refused(
        dir.path(),
        &["ccm-7msp-delegation.yaml", "-r", "others.yaml"],
    );
    assert!(
        stderr.contains("the mission that sends the note, `FRA`, is not in the list of missions"),
        "{stderr}"
    );
    // Another role than a mission does not send a delegation.
    let office = text.replace(
        "sender:\n  role: mission\n  state: FRA",
        "sender:\n  role: office\n  name: { fr: Le Bureau, en: The Office }\n  short: { fr: Le Bureau, en: The Office }",
    );
    assert_ne!(office, text);
    let stderr = refused_text(dir.path(), "office.yaml", &office);
    assert!(
        stderr.contains("is sent by `mission`, not by `office`"),
        "{stderr}"
    );
}

#[test]
fn an_emblem_named_by_the_extended_file_is_found_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    seed_and_reminder(&sub);
    std::fs::copy(repo("tests/fixtures/emblem.svg"), sub.join("emblem.svg")).unwrap();
    let seed = std::fs::read_to_string(sub.join("ccm-7msp.yaml")).unwrap();
    std::fs::write(
        sub.join("ccm-7msp.yaml"),
        seed.replace("# logo: un-emblem.svg", "logo: emblem.svg"),
    )
    .unwrap();
    succeed(
        dir.path(),
        &["render", "sub/ccm-7msp-reminder.yaml", "-o", "out"],
    );
    assert!(dir.path().join("out/ccm-7msp-reminder.fr.pdf").is_file());
}

#[test]
fn a_delegation_extending_a_file_that_names_no_kind_takes_only_its_meeting() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["ccm-7msp.yaml", "ccm-7msp-delegation.yaml"] {
        std::fs::copy(repo("examples").join(name), dir.path().join(name)).unwrap();
    }
    let seed = std::fs::read_to_string(dir.path().join("ccm-7msp.yaml")).unwrap();
    let unnamed = seed.replace("\nkind: invitation\n", "\n");
    assert_ne!(unnamed, seed);
    std::fs::write(dir.path().join("ccm-7msp.yaml"), unnamed).unwrap();
    succeed(
        dir.path(),
        &["check", "--deny-warnings", "ccm-7msp-delegation.yaml"],
    );
    // An item that is no mapping does not move the others' places.
    let text = std::fs::read_to_string(dir.path().join("ccm-7msp-delegation.yaml")).unwrap();
    let junk = text
        .replace("delegation:\n", "delegation:\n  - junk\n")
        .replace("    role: alternate", "    role: head");
    let stderr = refused_text(dir.path(), "junk.yaml", &junk);
    assert!(stderr.contains("delegation[2].role"), "{stderr}");
    assert!(stderr.contains("after item 2"), "{stderr}");
}
