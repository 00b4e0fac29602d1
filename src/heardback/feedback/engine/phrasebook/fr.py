"""French phrasebook: the same sentence roles as English, written for French readers.

Always "vous". No participle agrees with the candidate (we do not know their gender). Write
plain spaces before ":", ";", "?", "!": the loader turns them into the French non-breaking
spaces (see phrasebook/__init__.py).
"""

from __future__ import annotations

from typing import Final

LANGUAGE: Final = "fr"

MONTHS: Final = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
NUMBERS: Final = ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf")
FIRST_DAY: Final = "1er"  # how the first day of a month is written
AND: Final = "et"
SOMEONE: Final = "l'un de vos interlocuteurs"
SOLE: Final = "la personne en charge de l'entretien"
# Après un exercice à la maison ou une étape qui n'était pas un entretien (service d'essai).
SOMEONE_STEP: Final = "l'une des personnes chargées de votre évaluation"
SOLE_STEP: Final = "la personne chargée de votre évaluation"

KIND_NOUNS: Final = {
    "screen": "entretien",
    "technical": "entretien",
    "system_design": "entretien",
    "hiring_manager": "entretien",
    "onsite": "entretien",
    "take_home": "exercice",
    "other": "étape",  # une leçon d'essai, une mise en situation : pas un entretien
}
# Names starting with one of these words already say what the meeting was ("Entretien
# technique"). Only words taking "l'": the phrases below then never need "de le"/"à le".
MEETING_WORDS: Final = frozenset(
    {"entretien", "entretiens", "échange", "exercice", "appel", "étude"}
)

MEETING_WORD_AT: Final = 0  # where that word sits in the name
# Names starting with one of these words are activities, not interviews ("Journée d'essai",
# "Visite de chantier"): « l'étape « … » », jamais « l'entretien « Journée d'essai » ».
ACTIVITY_WORDS: Final = frozenset(
    {
        "journée", "demi-journée", "visite", "leçon", "service", "mise", "atelier",
        "démonstration", "simulation", "test", "tests", "épreuve", "jeu", "observation",
        "stage", "essai", "exercice", "cas", "présentation", "soirée", "immersion", "tournée",
        "quiz", "questionnaire", "dégustation",
    }
)  # fmt: skip

PHRASES: Final[dict[str, tuple[str, ...]]] = {
    "subject.warm": ("Votre candidature au poste {of_title} chez {org}",),
    "subject.formal": ("Réponse à votre candidature au poste {of_title} chez {org}",),
    "greeting.warm": ("Bonjour {first},",),
    "greeting.formal": ("Bonjour {first} {last},",),
    # --- thanks ---
    # {meetings}: "l'entretien « Conception technique » et l'entretien « Échange manager »";
    # {meetings_de}, {meetings_a}: the same after "de" or "à", which French says again
    # ("lors de l'entretien RH et de l'entretien …")
    # {when}: "les 12 et 14 juin"
    "thanks.dated": (
        "Merci pour le temps que vous nous avez consacré {when}, lors de {meetings_de}.",
        "Merci d'avoir pris le temps de nous rencontrer {when} pour {meetings}.",
        "Merci d'avoir pris le temps de participer à {meetings_a}, {when}.",
        "Merci pour votre participation à {meetings_a} {when}.",
    ),
    # Seulement des appels (présélection) : personne ne s'est rencontré.
    "thanks.dated.call": (
        "Merci pour le temps que vous nous avez consacré {when}, lors de {meetings_de}.",
        "Merci d'avoir pris le temps de participer à {meetings_a}, {when}.",
        "Merci pour votre participation à {meetings_a} {when}.",
    ),
    # On remercie la personne d'avoir participé, pas « pour l'étape » elle-même.
    "thanks.dated.call.formal": (
        "Nous vous remercions du temps que vous nous avez consacré {when} pour {meetings}.",
        "Nous vous remercions de votre participation à {meetings_a}, {when}.",
    ),
    "thanks.dated.formal": (
        "Nous vous remercions du temps que vous nous avez consacré {when} pour {meetings}.",
        "Nous vous remercions de votre participation à {meetings_a}, {when}.",
    ),
    "thanks.undated": (
        "Merci d'avoir pris le temps de participer à {meetings_a}.",
        "Merci d'avoir pris le temps de nous rencontrer pour {meetings}.",
    ),
    "thanks.undated.call": ("Merci d'avoir pris le temps de participer à {meetings_a}.",),
    "thanks.undated.call.formal": (
        "Nous vous remercions du temps que vous nous avez consacré pour {meetings}.",
    ),
    "thanks.undated.formal": (
        "Nous vous remercions du temps que vous nous avez consacré pour {meetings}.",
    ),
    # {first}/{last}: meetings, {span}: "du 3 au 14 juin"
    "thanks.many": (
        "Merci pour le temps que vous nous avez consacré {span}, de {first} à {last}.",
        "Merci d'avoir suivi notre processus {span}, de {first} jusqu'à {last}.",
        "Merci pour tout le temps que vous nous avez accordé {span}, de {first} à {last}.",
    ),
    "thanks.many.formal": (
        "Nous vous remercions du temps que vous nous avez consacré {span}, de {first} à {last}.",
    ),
    "thanks.many.undated": (
        "Merci pour le temps que vous nous avez consacré, de {first} à {last}.",
    ),
    "thanks.stage": ("Merci pour le temps que vous nous avez consacré à l'étape « {stage} ».",),
    "thanks.generic": ("Merci pour le temps que vous nous avez consacré.",),
    "thanks.screening": (
        "Merci d'avoir postulé au poste {of_title} chez {org}.",
        "Merci pour l'intérêt que vous portez au poste {of_title} chez {org}.",
    ),
    "thanks.screening.formal": (
        "Nous vous remercions de votre candidature au poste {of_title} chez {org}.",
    ),
    # --- decision ---
    "decision.explained": (
        "Nous ne retenons pas votre candidature au poste {of_title}, et nous tenons à vous "
        "expliquer pourquoi.",
        "Nous ne donnerons pas suite à votre candidature au poste {of_title}, "
        "et nous voulons vous dire pourquoi.",
        "Votre candidature au poste {of_title} n'est pas retenue. Voici pourquoi.",
    ),
    "decision.explained.formal": (
        "Nous avons décidé de ne pas retenir votre candidature au poste {of_title}, "
        "et nous souhaitons vous en expliquer les raisons.",
        "Après un examen attentif, nous ne donnerons pas suite à votre candidature au poste "
        "{of_title}. Nous souhaitons vous en expliquer les raisons.",
    ),
    "decision.plain": (
        "Nous ne retenons pas votre candidature au poste {of_title}.",
        "Nous ne donnerons pas suite à votre candidature au poste {of_title}.",
    ),
    "decision.plain.formal": (
        "Nous avons décidé de ne pas retenir votre candidature au poste {of_title}.",
        "Après un examen attentif, nous ne donnerons pas suite à votre candidature au poste "
        "{of_title}.",
    ),
    # Le poste est fermé : rien n'a été pesé, donc ni « après un examen attentif » ni « nous
    # avons décidé ».
    "decision.closed.explained": (
        "Nous ne pourrons pas donner suite à votre candidature au poste {of_title}, et nous "
        "tenons à vous expliquer pourquoi.",
        "Votre candidature au poste {of_title} ne pourra pas aboutir. Voici pourquoi.",
    ),
    "decision.closed.explained.formal": (
        "Nous regrettons de ne pas pouvoir donner suite à votre candidature au poste "
        "{of_title}, et nous souhaitons vous en expliquer les raisons.",
        "Nous ne sommes pas en mesure de donner suite à votre candidature au poste {of_title}. "
        "Nous souhaitons vous en expliquer les raisons.",
    ),
    "decision.closed.plain": (
        "Nous ne pourrons pas donner suite à votre candidature au poste {of_title}.",
        "Votre candidature au poste {of_title} ne pourra pas aboutir.",
    ),
    "decision.closed.plain.formal": (
        "Nous regrettons de ne pas pouvoir donner suite à votre candidature au poste {of_title}.",
        "Nous ne sommes pas en mesure de donner suite à votre candidature au poste {of_title}.",
    ),
    "decision.screening.explained": (
        "Après examen de votre dossier, nous avons décidé de ne pas y donner suite. "
        "Voici pourquoi.",
        "Nous avons étudié votre candidature avec attention et n'y donnerons pas suite. "
        "Voici pourquoi.",
    ),
    "decision.screening.plain": (
        "Après examen de votre dossier, nous avons décidé de ne pas y donner suite.",
    ),
    # --- reason ---
    # French reads competency names as labels ("Communication : …"): no article to guess.
    "reason.skills_gap": (
        "{area} : c'est sur ce point que l'écart avec les attentes du poste était le plus net "
        "{seen}.",
        "{area} : c'est le point décisif. Le poste demande un niveau plus élevé que celui "
        "constaté {seen}.",
        "{area} : c'est ce point qui a fait la différence. Le poste demande davantage que ce "
        "que nous avons constaté {seen}.",
    ),
    "reason.experience_level": (
        "{area} : le poste demande davantage d'expérience que celle constatée {seen}.",
        "{area} : c'est l'expérience qui a été décisive. Le poste en demande davantage que ce "
        "que nous avons constaté {seen}.",
    ),
    "reason.experience_level.general": (
        "La décision tient au niveau d'expérience que ce poste demande aujourd'hui.",
    ),
    # Une autre personne, et une évaluation sous le niveau attendu : l'écart est réel.
    "reason.stronger_candidate.gap": (
        "Un point est toutefois resté {gap} du niveau attendu {seen} : {area}.",
        "Sur un point, le niveau constaté {seen} est resté {gap} des attentes du poste : {area}.",
    ),
    # Le français n'accorde pas le verbe au nom de la compétence : les mêmes tournures.
    "reason.stronger_candidate.gap.plural": (
        "Un point est toutefois resté {gap} du niveau attendu {seen} : {area}.",
        "Sur un point, le niveau constaté {seen} est resté {gap} des attentes du poste : {area}.",
    ),
    "reason.stronger_candidate": (
        "Nous avons retenu une autre personne, dont l'expérience répondait davantage aux "
        "besoins actuels de l'équipe.",
        "Le profil d'une autre personne correspondait davantage aux besoins actuels de "
        "l'équipe, et c'est elle que nous avons retenue.",
    ),
    # Avant l'étape finale, personne n'a été retenu : le processus continue avec d'autres.
    "reason.stronger_candidate.early": (
        "Nous poursuivons le processus avec d'autres personnes, dont l'expérience correspond "
        "davantage aux besoins actuels de l'équipe.",
        "D'autres profils correspondaient davantage aux besoins actuels de l'équipe, et c'est "
        "avec eux que nous poursuivons.",
    ),
    "reason.role_closed": (
        "Ce recrutement est clos : nous ne pourvoirons pas ce poste pour le moment.",
        "Nous avons décidé de ne plus pourvoir ce poste pour le moment.",
    ),
    "reason.compensation": (
        "La décision tient à la rémunération : ce que nous pouvons proposer pour ce poste et "
        "vos attentes étaient trop éloignés.",
    ),
    "reason.location": (
        "La décision tient au lieu de travail, qui ne correspondait pas à votre situation.",
    ),
    "reason.logistics": (
        "La décision tient à des contraintes pratiques de calendrier et d'organisation.",
        "Des contraintes pratiques, de calendrier et d'organisation, ont motivé cette décision.",
    ),
    "reason.gap_unsupported": (
        "Nous n'avons constaté aucune compétence précise en dessous du niveau attendu {seen} : "
        "nous ne pouvons donc pas vous indiquer un écart particulier.",
    ),
    # Deux évaluations très éloignées sur un même point : le dire, pas « aucun écart ».
    "reason.gap_divided": (
        "{area} : les évaluations étaient partagées {seen}, l'une au niveau que demande le "
        "poste ou au-dessus, l'autre en dessous.",
    ),
    # À côté d'un écart, un point sur lequel les avis divergeaient : dit, pas tu. {area} {high}
    "reason.divided": (
        "Sur {area}, les deux évaluations divergeaient : l'une {high} le niveau que demande le "
        "poste, l'autre restait en dessous.",
    ),
    "reason.divided.many": (
        "Sur {area}, les évaluations divergeaient : {above} {high} le niveau que demande le "
        "poste, {below} {low} en dessous.",
    ),
    "reason.no_gap": (
        "Précisons-le : cette décision ne tient pas à vos compétences. Chacune de celles que "
        "nous avons évaluées atteignait le niveau requis pour le poste.",
        "Cette décision ne remet pas en cause vos compétences : toutes celles que nous avons "
        "évaluées atteignaient le niveau requis.",
        "Ce n'est pas une question de compétences : chacune de celles que nous avons évaluées "
        "atteignait le niveau que demande le poste.",
    ),
    "reason.screening.criteria": (
        # Pas de participe accordé à {criteria}, dont le genre est inconnu (« une expérience …,
        # et nous ne l'avons pas trouvé » était faux).
        "Pour ce poste, nous recherchons {criteria}, et votre candidature ne le montrait pas "
        "clairement.",
        "Ce poste demande {criteria}, ce que nous n'avons pas vu clairement dans votre "
        "candidature.",
    ),
    "reason.skills_gap.screening": (
        "Votre candidature ne montrait pas encore les compétences que ce poste demande.",
    ),
    "reason.experience_level.screening": (
        "Votre candidature ne montrait pas le niveau d'expérience que ce poste demande.",
    ),
    # Après des entretiens que personne n'a évalués : pas « votre candidature ». {Seen}
    "reason.skills_gap.interviewed": (
        "{Seen}, nous n'avons pas retrouvé les compétences que ce poste demande au niveau attendu.",
    ),
    "takeaway": (
        "{Who} a résumé son avis ainsi : {quote}",
        "Dans sa synthèse, {who} a écrit : {quote}",
    ),
    # --- strengths: le niveau en mots, rien de plus ---
    # {where}: "pendant l'entretien « Conception technique »", "pendant les deux entretiens", …
    # Aucun accord avec le nom de la compétence (genre inconnu) : tournures sans participe.
    "strength.first": (
        "{name} : un vrai point fort {where}.",
        "Parmi vos points forts {where} : {name}.",
        "{name} : l'un de vos points forts {where}.",
    ),
    "strength.next": (
        "{name} : un autre point fort {where}.",
        "{name} : également l'un de vos points forts {where}.",
        "{name} : là aussi, un point fort {where}.",
    ),
    # Au niveau attendu, sans plus : les mots ne disent pas « point fort ».
    "strength.first.met": (
        "{name} : au niveau que demande le poste {where}.",
        "{name} : le niveau attendu pour le poste a été atteint {where}.",
        "{name} : vous avez atteint le niveau que demande le poste {where}.",
    ),
    "strength.next.met": (
        "{name} : au niveau que demande le poste, là aussi, {where}.",
        "{name} : là encore, le niveau attendu a été atteint {where}.",
        "{name} : vous avez aussi atteint le niveau que demande le poste {where}.",
        # Après un niveau atteint dits en ces mots : la même chose, sans « niveau » encore.
        "{name} : là aussi, vous répondiez aux attentes du poste {where}.",
        "{name} : ce point répondait aussi aux exigences du poste {where}.",
    ),
    "strength.first.met.compact": (
        "{name} : au niveau que demande le poste.",
        "{name} : le niveau attendu pour le poste a été atteint.",
        "{name} : vous avez atteint le niveau que demande le poste.",
    ),
    "strength.next.met.compact": (
        "{name} : au niveau que demande le poste, là aussi.",
        "{name} : là encore, le niveau attendu a été atteint.",
        "{name} : vous avez aussi atteint le niveau que demande le poste.",
        "{name} : là aussi, vous répondiez aux attentes du poste.",
        "{name} : ce point répondait aussi aux exigences du poste.",
    ),
    "strength.first.compact": (
        "{name} : un vrai point fort.",
        "Parmi vos points forts : {name}.",
        "{name} : l'un de vos points forts.",
    ),
    "strength.next.compact": (
        "{name} : un autre point fort.",
        "{name} : également l'un de vos points forts.",
        "{name} : là aussi, un point fort.",
    ),
    # --- observations : uniquement les mots des interlocuteurs ---
    "quote": (
        "{Who} a noté : {quote}",
        "Selon {who} : {quote}",
        "Comme l'a écrit {who} : {quote}",
    ),
    # {said}: le commentaire adressé au candidat (« vous avez posé… »)
    # Pas « a relevé que vous n'avez pas trouvé » : après un verbe au passé, la concordance
    # demanderait « n'aviez » ; le commentaire est rapporté tel qu'il est, sans subordonnée.
    "quote.reported": (
        "D'après {who}, {said}",
        "{Who} l'a relevé : {said}",
        "{Who} l'a souligné : {said}",
    ),
    # --- development ---
    "development.lead": (
        "Pistes de progression pour ce type de poste :",
        "Ce qui vous aiderait le plus pour ce type de poste :",
        "Les points sur lesquels nous vous conseillons de progresser :",
    ),
    # {gap}: « juste en dessous », « en dessous », « nettement en dessous »
    "development.rated": (
        "{name} : le niveau constaté {where} reste {gap} de ce que demande le poste.",
        "{name} : {where}, les évaluations sont restées {gap} du niveau attendu.",
        "{name} : les évaluations {where} sont {gap} du niveau que demande le poste.",
    ),
    "development.rated.compact": (
        "{name} : le niveau constaté reste {gap} de ce que demande le poste.",
        "{name} : les évaluations sont restées {gap} du niveau attendu.",
        "{name} : les évaluations sont {gap} du niveau que demande le poste.",
    ),
    # La même chose, quand une seule personne a évalué ce point.
    "development.rated.one": (
        "{name} : le niveau constaté {where} reste {gap} de ce que demande le poste.",
        "{name} : {where}, l'évaluation est restée {gap} du niveau attendu.",
        "{name} : l'évaluation {where} est {gap} du niveau que demande le poste.",
    ),
    "development.rated.one.compact": (
        "{name} : le niveau constaté reste {gap} de ce que demande le poste.",
        "{name} : l'évaluation est restée {gap} du niveau attendu.",
        "{name} : l'évaluation est {gap} du niveau que demande le poste.",
    ),
    # {needs}: la grille, à l'infinitif, sur le poste (« savoir expliquer son raisonnement… »)
    # Les points en dessous du niveau au-delà des trois puces : nommés, aucun n'est tu. {names}
    "development.more": ("Autres points en dessous du niveau que demande le poste : {names}.",),
    # Des évaluations de part et d'autre du niveau, en dessous en moyenne : pas « l'évaluation
    # est en dessous », ce que l'une ne disait pas. {name} {high} {where}
    "development.divided": (
        "{name} : l'une des deux évaluations {high} le niveau que demande le poste, l'autre "
        "restait en dessous{where}.",
    ),
    "development.divided.many": (
        "{name} : les évaluations divergeaient, {above} {high} le niveau que demande le poste "
        "et {below} {low} en dessous{where}.",
    ),
    "development.divided.compact": (
        "{name} : l'une des deux évaluations {high} le niveau attendu, l'autre non.",
    ),
    "development.divided.many.compact": (
        "{name} : {above} des évaluations {high} le niveau attendu, {below} non.",
    ),
    "development.needs": (
        "Le poste demande de {needs}.",
        "Pour ce poste, il faut {needs}.",
        "Ce poste demande de {needs}.",
    ),
    # --- next steps ---
    "next.open_role.portal": (
        "Notre poste {of_role} fait appel aux mêmes points forts : demandez depuis votre "
        "espace candidat que votre profil y soit étudié.",
        "Le poste {of_role}, ouvert actuellement, correspond à vos points forts. Vous pouvez "
        "demander depuis votre espace candidat que votre profil y soit étudié.",
    ),
    "next.open_role.reply": (
        "Notre poste {of_role} fait appel aux mêmes points forts : pour que votre profil y "
        "soit étudié, répondez simplement à ce message.",
    ),
    # La même, en nommant les points forts que le poste demande aussi : {strengths}
    # « Communication et Go en production » (deux ou plus, dans les mots de la grille).
    "next.open_role.named.portal": (
        "Notre poste {of_role} fait appel aux mêmes points forts ({strengths}) : demandez "
        "depuis votre espace candidat que votre profil y soit étudié.",
        "Le poste {of_role}, ouvert actuellement, correspond à vos points forts ({strengths}). "
        "Vous pouvez demander depuis votre espace candidat que votre profil y soit étudié.",
    ),
    "next.open_role.named.reply": (
        "Notre poste {of_role} fait appel aux mêmes points forts ({strengths}) : pour que votre "
        "profil y soit étudié, répondez simplement à ce message.",
    ),
    "next.open_roles.portal": (
        "Deux autres postes correspondent à vos points forts : {roles}. Demandez depuis "
        "votre espace candidat que votre profil y soit étudié.",
    ),
    "next.open_roles.reply": (
        "Deux autres postes correspondent à vos points forts : {roles}. Pour que votre "
        "profil y soit étudié, répondez simplement à ce message.",
    ),
    # La même quand la note nomme moins de deux points forts : pas de « vos points forts ».
    "next.open_role.few.portal": (
        "Le poste {of_role} est aussi ouvert : demandez depuis votre espace candidat que votre "
        "profil y soit étudié.",
    ),
    "next.open_role.few.reply": (
        "Le poste {of_role} est aussi ouvert : pour que votre profil y soit étudié, répondez "
        "simplement à ce message.",
    ),
    "next.open_roles.few.portal": (
        "Deux autres postes sont ouverts : {roles}. Demandez depuis votre espace candidat que "
        "votre profil y soit étudié.",
    ),
    "next.open_roles.few.reply": (
        "Deux autres postes sont ouverts : {roles}. Pour que votre profil y soit étudié, "
        "répondez simplement à ce message.",
    ),
    "next.reapply": (
        "Vous pourrez postuler à nouveau dès {when}.",
        "Nous serons heureux de recevoir à nouveau votre candidature dès {when}.",
        "Si vous le souhaitez, vous pourrez nous adresser une nouvelle candidature dès {when}.",
        "Vous pourrez postuler à nouveau à des postes comme celui-ci dès {when}.",
    ),
    # La même, en nommant les pistes de progression de la personne : {points} « le point
    # « Communication » », « les points « Communication » et « Résolution de problèmes » ».
    "next.reapply.areas": (
        "Vous pourrez postuler à nouveau dès {when}, après avoir travaillé {points}.",
        "Nous serons heureux de recevoir à nouveau votre candidature dès {when}, quand vous "
        "aurez pu travailler {points}.",
        "Si vous le souhaitez, vous pourrez nous adresser une nouvelle candidature dès {when}, "
        "après avoir progressé sur {points}.",
        "Vous pourrez postuler à nouveau à des postes comme celui-ci dès {when}, après avoir "
        "travaillé {points}.",
    ),
    "next.reapply.anytime": ("Vous pouvez postuler à nouveau à tout moment.",),
    "next.reopen.reply": (
        "Si vous souhaitez que nous vous prévenions si le poste rouvre, répondez simplement à "
        "ce message.",
    ),
    "next.reopen.reply.formal": (
        "Si vous souhaitez que nous vous prévenions si le poste rouvre, il vous suffit de "
        "répondre à ce message.",
    ),
    "next.question.portal": (
        "Pour toute question, écrivez-nous depuis ce même espace : {url}",
        "Si un point n'est pas clair, posez-nous vos questions au même endroit : {url}",
        "Une question sur ces retours ? Posez-la depuis ce même espace : {url}",
    ),
    "next.question.reply": (
        "Pour toute question, répondez simplement à ce message.",
        "Si vous avez une question sur ces retours, répondez simplement à ce message.",
    ),
    "next.question.also_reply": (
        "Vous pouvez aussi répondre à ce message pour toute question sur ces retours.",
    ),
    "next.partners.portal": (
        "Depuis votre espace candidat, vous pouvez accepter que nous vous proposions d'autres "
        "postes et que nous vous suggérions à nos organisations partenaires : elles verraient "
        "{seen}, jamais votre nom ni vos coordonnées, sauf si vous acceptez "
        "l'invitation de l'une d'elles.",
    ),
    "next.partners.portal.again": (
        "Ce même espace vous permet d'accepter que nous vous suggérions à nos organisations "
        "partenaires : elles verraient {seen}, jamais votre nom ni vos coordonnées, "
        "sauf si vous acceptez l'invitation de l'une d'elles.",
    ),
    "next.partners_or_question.portal": (
        "Depuis votre espace candidat, vous pouvez nous poser une question, ou accepter que nous "
        "vous proposions d'autres postes et vous suggérions à nos organisations partenaires, "
        "qui verraient {seen} mais pas votre nom, sauf si vous acceptez leur "
        "invitation : {url}",
    ),
    "next.partners_or_question.portal.again": (
        "Ce même espace vous permet de nous poser une question, ou d'accepter que nous vous "
        "suggérions à nos organisations partenaires, qui verraient {seen} mais pas "
        "votre nom, sauf si vous acceptez leur invitation : {url}",
    ),
    "next.question_or_pool.portal": (
        "Depuis votre espace candidat, vous pouvez nous poser une question ou accepter que "
        "nous vous proposions d'autres postes : {url}",
        "Votre espace candidat vous permet de nous poser une question, ou d'accepter que nous "
        "vous proposions d'autres postes : {url}",
    ),
    "next.reopen_or_question.portal": (
        "Depuis votre espace candidat, vous pouvez nous demander de vous prévenir si le poste "
        "rouvre, nous poser une question ou accepter que nous vous proposions d'autres postes : "
        "{url}",
    ),
    "next.reopen_or_question.portal.again": (
        "Depuis ce même espace, vous pouvez aussi nous demander de vous prévenir si le poste "
        "rouvre, ou nous poser une question : {url}",
    ),
    # --- withdrawn ---
    "withdrew.thanks.dated": (
        "Merci de nous avoir prévenus du retrait de votre candidature au poste {of_title}, "
        "et merci pour le temps que vous nous avez consacré {when}.",
    ),
    "withdrew.thanks.met": (
        "Merci de nous avoir prévenus du retrait de votre candidature au poste {of_title}, "
        "et merci pour le temps que vous nous avez consacré.",
    ),
    "withdrew.thanks": (
        "Merci de nous avoir prévenus du retrait de votre candidature au poste {of_title}, "
        "et merci pour l'intérêt que vous portez à {org}.",
    ),
    "withdrew.door": (
        "Notre porte reste ouverte : vous pouvez postuler de nouveau dès que le moment vous "
        "conviendra.",
        "Nous serons heureux d'avoir de vos nouvelles quand le moment sera venu pour vous.",
    ),
    "withdrew.page": (
        "Si vous souhaitez que nous vous proposions d'autres postes, vous pouvez nous le dire "
        "depuis votre espace candidat : {url}",
    ),
    "withdrew.page.partners": (
        "Si vous souhaitez que nous vous proposions d'autres postes, chez nous ou chez nos "
        "organisations partenaires, vous pouvez nous le dire depuis votre espace candidat : "
        "{url}",
    ),
    # --- signature ---
    "closing.warm": (
        "Belle continuation,",
        "Bien cordialement,",
        "Très cordialement,",
        "Bien à vous,",
    ),
    "closing.formal": ("Cordialement,", "Bien cordialement,"),
    # --- small grammar ---
    "date": ("{day} {month}",),
    "dates.one": ("le {date}",),
    "dates.same_month": ("les {days} {month}",),
    "dates.list": ("{dates}",),
    "dates.list.item": ("le {date}",),
    "span.same_day": ("le {date}",),
    "span.same_month": ("du {day} au {last}",),
    "span": ("du {first} au {last}",),
    "month_year": ("{month} {year}",),
    "meeting": ("l'{noun} « {name} »",),
    "meeting.unnamed": ("l'{noun}",),
    "meeting.named": ("l'{name_lc}",),
    "meeting.foreign": ("l'{noun} « {name} »",),  # un nom dans une autre langue
    "where.one": ("pendant {meeting}",),
    "where.on": ("le {date}",),
    "where.one.dated": ("pendant {meeting} du {date}",),
    "where.activity": ("pendant {meeting}",),
    "where.activity.dated": ("pendant {meeting} du {date}",),
    # Des évaluations partagées, {high} : celles au niveau, ou au-dessus (une, ou plusieurs) ;
    # {low} : celles en dessous ; {above}, {below} : combien (d'évaluations, au féminin).
    "divided.at": ("atteignait",),
    "divided.above": ("dépassait",),
    "divided.at.many": ("atteignaient",),
    "divided.above.many": ("dépassaient",),
    "divided.low": ("restait",),
    "divided.low.many": ("restaient",),
    "divided.one": ("une",),
    "gap.near": ("juste en dessous",),
    "gap.below": ("en dessous",),
    "gap.far": ("nettement en dessous",),
    "where.both": ("pendant les deux entretiens",),
    "where.all": ("pendant vos {count} entretiens",),
    "where.some": ("pendant {count} de vos entretiens",),
    "where.both.steps": ("lors des deux étapes",),
    "where.all.steps": ("lors des {count} étapes",),
    "where.some.steps": ("lors de {count} des étapes",),
    "seen.interviews": ("lors de vos entretiens",),
    "seen.steps": ("au fil des étapes du processus",),
    # The one step the thanks has just named, with its date or without.
    "seen.that_day": ("ce jour-là",),
    "seen.there": ("à cette occasion",),
    # Un exercice à faire chez soi : rien n'a été constaté « ce jour-là ».
    "seen.take_home": ("dans le travail que vous nous avez remis",),
    "seen.process": ("au fil du processus",),
    # Une piste de progression nommée dans une phrase : le nom de la grille, entre guillemets.
    "points.one": ("le point {names}",),
    "points.many": ("les points {names}",),
    # The area the reason named, opening on its evidence or tip (not its level again):
    # {rest} after a colon, or after a dash when it holds a colon of its own.
    "development.named": ("{name} : {rest}",),
    "development.named.dash": ("{name} — {rest}",),
    # {in_meetings} (les remerciements anglais) : « lors de l'entretien », « pendant l'étape ».
    "meetings.in": ("lors de {meetings}",),
    "meetings.in.activity": ("pendant {meetings}",),
    # {seen} dans les phrases des partenaires : ce qu'une organisation partenaire verrait.
    "partners.sees.role": ("le type de poste auquel vous avez postulé",),
    "partners.sees.strengths": ("vos points forts",),
    "partners.sees.named": ("vos points forts ({names})",),
    "partners.sees.named.one": ("votre point fort ({names})",),
    "partners.sees.named.more": ("vos points forts (dont {names})",),
    "partners.sees.rated": ("les compétences bien notées par nos interlocuteurs ({names})",),
    "partners.sees.rated.one": ("la compétence bien notée par nos interlocuteurs ({names})",),
    "partners.sees.rated.more": (
        "les compétences bien notées par nos interlocuteurs (dont {names})",
    ),
    "points.name": ("« {name} »",),
    "quoted": ("« {text} »",),
    "quoted.stop": ("« {text} ».",),
    "of": ("de {text}",),
    "of.elided": ("d'{text}",),
    "signature": ("{name}, {title}, {org}",),
    "signature.untitled": ("{name}, {org}",),
}
