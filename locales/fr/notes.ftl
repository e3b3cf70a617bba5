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

## Les destinataires

addressees-circular = aux représentants permanents des États Membres et des États observateurs auprès de l'Organisation des Nations Unies

## Formules de courtoisie
# « ses compliments » et « sa très haute considération » s'accordent avec le
# nom qui suit, non avec l'expéditeur : ils ne changent pas.

opening = { $sender } présente ses compliments { $addressees }
closing = { $sender } saisit cette occasion pour renouveler { $addressees } les assurances de sa très haute considération.

## Lieu et date, au pied de la note

dateline-place = { $place }, le { $date }
dateline = Le { $date }

## Libellés

label-reference = RÉFÉRENCE :
label-subject = OBJET :
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
