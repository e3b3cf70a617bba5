# Formules et libellés communs à toutes les sortes de notes, en français.
#
# Variables :
#   $gender      male | female (le Secrétaire général) | neuter (un bureau)
#   $sender      le sujet de la phrase, déjà formé : « Le Secrétaire général »
#   $addressees  les destinataires avec leur préposition : « aux représentants permanents… »
# Les espaces fines et insécables avant « : ; ! ? » et dans « » sont ajoutées
# automatiquement ; écrire des espaces ordinaires.

note-verbale = note verbale

## L'expéditeur

secretary-general = { $gender ->
    [female] La Secrétaire générale de l'Organisation des Nations Unies
   *[male] Le Secrétaire général de l'Organisation des Nations Unies
}
secretary-general-short = { $gender ->
    [female] La Secrétaire générale
   *[male] Le Secrétaire général
}

# Une mission permanente, nommée d'après son État et son lieu d'affectation.
#   $status    member | observer
#   $of-state  le nom de l'État après « de », déjà contracté : « de la France »
#   $at        le lieu d'affectation, formé par duty-station
mission = { $status ->
    [observer] La Mission permanente d'observation { $of-state } { $at }
   *[member] La Mission permanente { $of-state } { $at }
}
mission-short = { $status ->
    [observer] La Mission permanente d'observation
   *[member] La Mission permanente
}

## Le lieu d'affectation, que nomment les formules
#   $station  new-york | geneva | vienna | nairobi

duty-station = { $station ->
    [geneva] auprès de l'Office des Nations Unies à Genève
    [vienna] auprès de l'Office des Nations Unies à Vienne
    [nairobi] auprès de l'Office des Nations Unies à Nairobi
   *[new-york] auprès de l'Organisation des Nations Unies
}

## Les destinataires
#   $at         le lieu d'affectation, formé par duty-station
#   $to         persons (le Secrétaire général écrit aux représentants permanents)
#               | missions (tout autre expéditeur écrit aux missions permanentes)
#   $to-treaty  le traité après « à », déjà contracté : « à la Convention … »

addressees-circular = { $to ->
    [missions] aux missions permanentes des États Membres et des États observateurs { $at }
   *[persons] aux représentants permanents des États Membres et des États observateurs { $at }
}
addressees-member-states = { $to ->
    [missions] aux missions permanentes des États Membres { $at }
   *[persons] aux représentants permanents des États Membres { $at }
}
addressees-all-states = { $to ->
    [missions] aux missions permanentes de tous les États { $at }
   *[persons] aux représentants permanents de tous les États { $at }
}
addressees-states-parties = { $to ->
    [missions] aux missions permanentes des États parties { $to-treaty } { $at }
   *[persons] aux représentants permanents des États parties { $to-treaty } { $at }
}

# Une mission permanente, à qui écrit tout autre expéditeur que le Secrétaire général.
addressee-permanent-mission = { $status ->
    [observer] à la Mission permanente d'observation { $of-state } { $at }
   *[member] à la Mission permanente { $of-state } { $at }
}

# Le Secrétaire général, destinataire ; la forme courte est celle de la formule finale.
addressee-secretary-general = { $gender ->
    [female] à la Secrétaire générale de l'Organisation des Nations Unies
   *[male] au Secrétaire général de l'Organisation des Nations Unies
}
addressee-secretary-general-short = { $gender ->
    [female] à la Secrétaire générale
   *[male] au Secrétaire général
}

# Un bureau, un ministère, une ambassade.
#   $name     son nom, avec son article : « le Ministère des affaires étrangères »
#   $to-name  le même après « à », déjà contracté : « au Ministère des affaires étrangères »
addressee-body = { $to-name }

# Une seule mission, pour les notes adressées à chaque mission permanente.
#   $status    member | observer
#   $gender    male | female (le chef de mission)
#   $of-state  le nom de l'État après « de », déjà contracté : « de la France », « du Canada »
#   $title     un titre qui remplace l'habituel, avec sa préposition :
#              « au Chargé d'affaires par intérim de la Mission permanente »
addressee-mission = { $status ->
    [observer] { $gender ->
        [female] à l'Observatrice permanente { $of-state } { $at }
       *[male] à l'Observateur permanent { $of-state } { $at }
    }
   *[member] { $gender ->
        [female] à la Représentante permanente { $of-state } { $at }
       *[male] au Représentant permanent { $of-state } { $at }
    }
}
addressee-titled = { $title } { $of-state } { $at }

## Formules de courtoisie
# « ses compliments » et « sa très haute considération » s'accordent avec le
# nom qui suit, non avec l'expéditeur : ils ne changent pas.

opening = { $sender } présente ses compliments { $addressees }
#   $degree  highest (« très haute », l'usage) | high (« haute »)
#   $verb    avails | takes : le français dit « saisit cette occasion » pour les deux
closing = { $sender } saisit cette occasion pour renouveler { $addressees } les assurances de sa { $degree ->
    [high] haute
   *[highest] très haute
} considération.

# Une note qui ne nomme pas de destinataire (une notification).
opening-alone = { $sender } présente ses compliments
closing-alone = { $sender } saisit cette occasion pour renouveler les assurances de sa { $degree ->
    [high] haute
   *[highest] très haute
} considération.

## La suite de l'ouverture, avant l'objet de la note
#   $by            sender (sa propre note) | addressee (la note du destinataire)
#   $reference     la référence de la note, telle qu'écrite
#   $date          sa date
#   $of-addressee  le destinataire après « de », déjà contracté : « de l'Ambassade »
honour = et a l'honneur de
honour-referring = { $by ->
    [addressee] et, se référant à la note { $reference } { $of-addressee } en date du { $date }, a l'honneur de
   *[sender] et, se référant à sa note { $reference } du { $date }, a l'honneur de
}
# La note qui fait suite à une autre (un rappel, un changement de dates).
honour-further = { $by ->
    [addressee] et, comme suite à la note { $reference } { $of-addressee } en date du { $date }, a l'honneur de
   *[sender] et, comme suite à sa note { $reference } du { $date }, a l'honneur de
}

## Lieu et date, au pied de la note

dateline-place = { $place }, le { $date }
dateline = Le { $date }

## Libellés

# The bilingual stationery of the United Nations prints its label in English.
label-reference = REFERENCE:
label-subject = OBJET :
label-phone = Téléphone
label-fax = Télécopie
label-email = Adresse électronique
label-website = Site Web
label-page = Page { $number }
draft = PROJET
enclosures = { $count ->
    [one] Pièce jointe
   *[other] Pièces jointes
}

## Le courriel qui accompagne une note (`batch --mail`)
#   $reference  la référence de la note, ou « none » sans référence
#   $title      l'objet de la note
#   $addressee  « au Représentant permanent de la France auprès de l'Organisation des Nations Unies »
mail-subject = { $reference ->
    [none] Note verbale – { $title }
   *[other] Note verbale { $reference } – { $title }
}
mail-body = Veuillez trouver ci-joint une note verbale adressée { $addressee }.

# The number of a numbered paragraph, and the letter of an item under a
# paragraph.
paragraph-number = { $number }.
item-label = { $letter })

# The opening of the depositary's notification, a sentence of its own, with
# no addressee and no closing.
#   $sender  the Secretary-General, as secretary-general names them
opening-depositary = { $sender }, agissant en sa qualité de dépositaire, communique ce qui suit :

# The end of the opening with what else it refers to, written out with its
# preposition: « aux entretiens qui ont eu lieu à Bonn ».
honour-referring-to = et, se référant { $to }, a l'honneur de

## Les personnes qu'une note énumère, comme les membres d'une délégation
# Le titre de courtoisie devant le nom.
#   $gender      male | female
#   $excellency  true (un ambassadeur, un ministre : « S. E. ») | false
courtesy = { $excellency ->
    [true] { $gender ->
        [female] S. E. Mme
       *[male] S. E. M.
    }
   *[false] { $gender ->
        [female] Mme
       *[male] M.
    }
}
# Sa place dans la délégation, après son titre.
#   $role    head | deputy | alternate | adviser | expert
#   $gender  male | female
delegation-role = { $role ->
    [head] { $gender ->
        [female] cheffe de la délégation
       *[male] chef de la délégation
    }
    [deputy] { $gender ->
        [female] cheffe adjointe de la délégation
       *[male] chef adjoint de la délégation
    }
    [alternate] { $gender ->
        [female] représentante suppléante
       *[male] représentant suppléant
    }
    [adviser] { $gender ->
        [female] conseillère
       *[male] conseiller
    }
   *[expert] { $gender ->
        [female] experte
       *[male] expert
    }
}
