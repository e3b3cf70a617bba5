# Formulas and labels that every kind of note shares, in English.
#
# Variables:
#   $gender      male | female (the Secretary-General) | neuter (an office)
#   $sender      the subject of the sentence, already formed: "The Secretary-General"
#   $addressees  the addressees without "to": "the Permanent Representatives…"

note-verbale = note verbale

## The sender

secretary-general = The Secretary-General of the United Nations
secretary-general-short = The Secretary-General

# A permanent mission, named from its State and its duty station.
#   $status    member | observer
#   $of-state  the State's name after "of": "of France"
#   $at        the duty station, as duty-station gives it
mission = { $status ->
    [observer] The Permanent Observer Mission { $of-state } { $at }
   *[member] The Permanent Mission { $of-state } { $at }
}
mission-short = { $status ->
    [observer] The Permanent Observer Mission
   *[member] The Permanent Mission
}

## The duty station, as the formulas name it
#   $station  new-york | geneva | vienna | nairobi

duty-station = { $station ->
    [geneva] to the United Nations Office at Geneva
    [vienna] to the United Nations (Vienna)
    [nairobi] to the United Nations Office at Nairobi
   *[new-york] to the United Nations
}

## The addressees
#   $at         the duty station, as duty-station gives it
#   $to         persons (the Secretary-General writes to the Permanent Representatives)
#               | missions (every other sender writes to the Permanent Missions)
#   $to-treaty  the treaty after "to": "to the Convention on …"

addressees-circular = { $to ->
    [missions] the Permanent Missions of the Member States and observer States { $at }
   *[persons] the Permanent Representatives of the Member States and observer States { $at }
}
addressees-member-states = { $to ->
    [missions] the Permanent Missions of the Member States { $at }
   *[persons] the Permanent Representatives of the Member States { $at }
}
addressees-all-states = { $to ->
    [missions] the Permanent Missions of all States { $at }
   *[persons] the Permanent Representatives of all States { $at }
}
addressees-states-parties = { $to ->
    [missions] the Permanent Missions of the States parties { $to-treaty } { $at }
   *[persons] the Permanent Representatives of the States parties { $to-treaty } { $at }
}

# A permanent mission, as every sender but the Secretary-General writes to it.
addressee-permanent-mission = { $status ->
    [observer] the Permanent Observer Mission { $of-state } { $at }
   *[member] the Permanent Mission { $of-state } { $at }
}

# The Secretary-General as addressee; the short form is the closing's.
addressee-secretary-general = the Secretary-General of the United Nations
addressee-secretary-general-short = the Secretary-General

# An office, a ministry, an embassy.
#   $name     its name, with its article: "the Ministry of Foreign Affairs"
#   $to-name  the same after "to"
addressee-body = { $name }

# One mission, for notes addressed to each permanent mission.
#   $status  member | observer
#   $gender  male | female (the head of mission; English does not change)
#   $state   the State's name: "France", "the United Kingdom of …"
#   $title   a title in place of the usual one: "the Chargé d'affaires a.i. of the Permanent Mission"
addressee-mission = { $status ->
    [observer] the Permanent Observer of { $state } { $at }
   *[member] the Permanent Representative of { $state } { $at }
}
addressee-titled = { $title } of { $state } { $at }

## Courtesy formulas

opening = { $sender } presents { $gender ->
    [female] her
    [neuter] its
   *[male] his
} compliments to { $addressees }
#   $degree  highest | high
#   $verb    avails ("avails itself of this opportunity") | takes ("takes this opportunity")
closing = { $sender } { $verb ->
    [takes] takes
   *[avails] avails { $gender ->
        [female] herself
        [neuter] itself
       *[male] himself
    } of
} this opportunity to renew to { $addressees } the assurances of { $gender ->
    [female] her
    [neuter] its
   *[male] his
} { $degree ->
    [high] high
   *[highest] highest
} consideration.

# A note that names no addressee (a notification).
opening-alone = { $sender } presents { $gender ->
    [female] her
    [neuter] its
   *[male] his
} compliments
closing-alone = { $sender } { $verb ->
    [takes] takes
   *[avails] avails { $gender ->
        [female] herself
        [neuter] itself
       *[male] himself
    } of
} this opportunity to renew the assurances of { $gender ->
    [female] her
    [neuter] its
   *[male] his
} { $degree ->
    [high] high
   *[highest] highest
} consideration.

## The end of the opening, before what the note is about
#   $by         sender (its own note) | addressee (the addressee's note)
#   $reference  the note's reference, as written
#   $date       its date
#   $addressee  the addressee as later sentences name it: "the Embassy"
honour = and has the honour to
honour-referring = { $by ->
    [addressee] and, with reference to { $addressee }'s note { $reference } of { $date }, has the honour to
   *[sender] and, with reference to { $gender ->
        [female] her
        [neuter] its
       *[male] his
    } note { $reference } of { $date }, has the honour to
}
# The note that follows another (a reminder, a change of dates).
honour-further = { $by ->
    [addressee] and, further to { $addressee }'s note { $reference } of { $date }, has the honour to
   *[sender] and, further to { $gender ->
        [female] her
        [neuter] its
       *[male] his
    } note { $reference } of { $date }, has the honour to
}

## Place and date, at the foot of the note

dateline-place = { $place }, { $date }
dateline = { $date }

## Labels

label-reference = REFERENCE:
label-subject = SUBJECT:
label-phone = Telephone
label-fax = Fax
label-email = Email
label-website = Website
label-page = Page { $number }
draft = DRAFT
enclosures = { $count ->
    [one] Enclosure
   *[other] Enclosures
}

## The e-mail that goes with a note (`batch --mail`)
#   $reference  the note's reference, or "none" without one
#   $title      the note's subject
#   $addressee  "the Permanent Representative of France to the United Nations"
mail-subject = { $reference ->
    [none] Note verbale – { $title }
   *[other] Note verbale { $reference } – { $title }
}
mail-body = Please find attached a note verbale addressed to { $addressee }.

# The number of a numbered paragraph, and the letter of an item under a
# paragraph, as United Nations English letters them.
paragraph-number = { $number }.
item-label = ({ $letter })

# The opening of the depositary's notification, a sentence of its own, with
# no addressee and no closing.
#   $sender  the Secretary-General, as secretary-general names them
#   $gender  male | female
opening-depositary = { $sender }, acting in { $gender ->
    [female] her
   *[male] his
} capacity as depositary, communicates the following:

# The end of the opening with what else it refers to, written out: "the
# talks held at Bonn".
honour-referring-to = and, with reference to { $to }, has the honour to

## The persons a note lists, as the members of a delegation
# The courtesy title before the name.
#   $gender      male | female
#   $excellency  true (an ambassador, a minister: "H.E.") | false
courtesy = { $excellency ->
    [true] { $gender ->
        [female] H.E. Ms.
       *[male] H.E. Mr.
    }
   *[false] { $gender ->
        [female] Ms.
       *[male] Mr.
    }
}
# The place in the delegation, after the title.
#   $role    head | deputy | alternate | adviser | expert
#   $gender  male | female
delegation-role = { $role ->
    [head] Head of Delegation
    [deputy] Deputy Head of Delegation
    [alternate] Alternate Representative
    [adviser] Adviser
   *[expert] Expert
}
