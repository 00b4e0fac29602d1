"""Who a protected word is about: the candidate, or the job's subject matter.

"She is deaf" and "signed the lesson for deaf pupils" hold the same word. The first is said of
the candidate and must block; in the second the word describes the people the job serves, and
for a teacher it is a strength. `about` reads a few words on each side of a match, inside its
sentence, and answers "topic" when the match is the job's subject matter, else "person":

1. A possessive right before the match ("her maternity leave", "his accent") -> person.
2. The match qualifies a place, service or work product right after it ("the maternity unit",
   "a wheelchair-accessible ramp", "Muslim families", "disability awareness training") -> topic.
3. Otherwise the nearest cue before the match, reading backwards up to eight words, decides
   (a job title there, "éducatrice de prévention dans les quartiers nord", names the job):
   - a word for the candidate ("he", "she", "you", "the candidate", "his", "seems") or a reason
     or comparison ("too", "because", "would fit", "might", "prefer") -> person;
   - the people a job serves ("patients", "pupils", "customers", "a colleague") or a work
     product or place ("a lesson plan on", "the policy on", "the ward", French "le fait") ->
     topic, unless a possessive makes those people the candidate's own ("his parents").
4. No cue -> person: when in doubt, the rule's verdict stands.

The cue words are data below; the mechanism is the same in both languages (French puts the
noun first, "des patients sourds", which step 3 reads; English puts it after, step 2).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from typing import Literal

About = Literal["person", "topic", "unknown"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_WINDOW_BEFORE = 8
_WINDOW_AFTER = 3
_WIDE = 12
_CLAUSE_END = re.compile(r"[,;:.!?()\n]")
_LIST_THEN_NOUN = re.compile(r"(?:\s*,\s*[a-z]+){1,4},?\s+(?:and|or|et|ou)\s+[a-z]+\s+[a-z]+")
# Plural group nouns whose possessive names who something is for ("women's refuge").
_GROUPS = _words(
    "women men girls boys ladies gents children kids mothers fathers parents babies people"
    " families students veterans elders"
)
_GROUP_OWNER = re.compile(r"(?<![a-z])(?:" + "|".join(sorted(_GROUPS)) + r")(?:'s|') $")


def _base(word: str) -> str:
    """ "patient's" -> "patient", "l'histoire" -> "histoire": the word a cue list holds."""
    if "'" not in word:
        return word
    head, _, tail = word.partition("'")
    return head if tail in ("s", "") else tail


# A topic word further on does not count past these: "she is deaf so support is needed".
_STOPS = _words(
    "so but because which who that since though although while when if is was are "
    "were would might could should will may can for as than to like in on at during "
    "with from by of about into over after before dans sur avec pendant lors"
)

_OF = _words("de des du")
_OF_ANY = _words("de des du of")
# Knowing, answering or going round a subject, right before it (only articles and prepositions
# between): "good knowledge of the parental leave policy", "votre réponse sur la laïcité",
# "le tour de médicaments". Further away they prove nothing: "bonne maîtrise, mais enceinte".
_SUBJECT_OF = _words(
    "knowledge understanding expertise answer answers connaissance connaissances maitrise"
    " reponse reponses tour tournee"
)
# A rough count before the match makes it a caseload, not the candidate's own: "une trentaine
# de grossesses par mois", "dozens of asylum claims" ("three children" stays the person's).
_ROUGH_COUNTS = _words(
    "dozens hundreds thousands scores dizaine dizaines douzaine douzaines vingtaine trentaine"
    " quarantaine cinquantaine soixantaine centaine centaines milliers"
)
_LINKS = _words("of on about in regarding de des du d sur the a an le la les l un une")
_AND = _words("and or et ou")
_PLURAL_POSSESSIVES = _words("their leur leurs")
_CONTRASTS = _words("but however though although yet except mais cependant pourtant sauf")
# A type of person as the subject of a hypothetical: "a man would carry more authority", "un
# homme aurait plus d'autorité", "someone younger would fit" -> a preference about people.
_HYPOTHETICAL = _words("would wouldn't aurait serait ferait pourrait conviendrait saurait")
# A judgement of the person by degree, "too soft-spoken for a site full of blokes", "trop douce
# pour tenir une équipe de gars": the people or place after it is the yardstick, not the job.
_TOO = _words("too trop")

# Role nouns made with a suffix name people a job deals with, seen or not in the cue lists:
# "policyholders", "leaseholders", "mourners", "joueurs", "locataires". Plural, or singular
# right after a preposition and an article ("for a buyer in a wheelchair", "pour un acheteur en
# fauteuil"), because a singular role alone may be the candidate's own ("experienced buyer").
_AGENT_PLURAL = {
    "en": re.compile(r"[a-z]{3,}(?:ers|ors|ists|ians|holders)"),
    "fr": re.compile(r"[a-z]{3,}(?:eurs|euses|trices|istes|aires)"),
}
_AGENT_SINGULAR = {
    "en": re.compile(r"[a-z]{3,}(?:er|or|ist|ian|holder)"),
    "fr": re.compile(r"[a-z]{3,}(?:eur|euse|trice|iste|aire)"),
}
# Words with those endings that are not people: things, abstractions, comparatives, verbs.
_NOT_AGENTS = _words(
    "others another answers orders offers covers papers letters numbers matters centers layers"
    " filters computers enters suffers considers remembers delivers gathers registers counters"
    " corners borders waters powers towers chapters folders headquarters quarters servers"
    " containers clusters barriers careers shelters disasters dinners summers winters banners"
    " trailers markers monitors sensors factors motors vectors sectors mirrors errors colors"
    " colours floors doors indoors outdoors interiors corridors editors processors calendars"
    " whispers prayers ethers matter letter number order paper water power center centre layer"
    " filter computer server container cluster barrier career shelter disaster dinner summer"
    " winter banner trailer chapter folder corner border tower counter register monitor sensor"
    " factor motor vector sector mirror error color colour floor door interior corridor"
    " calendar other rather either neither whether together never ever however whatever"
    " further better bigger smaller older younger newer longer shorter higher lower larger"
    " greater earlier later faster slower harder easier stronger weaker wider deeper cheaper"
    " under over after ever remember consider deliver gather enter suffer offer cover answer"
    " wonder bother prefer refer differ transfer discover recover encounter character"
    " characters christians asians indians italians brazilians russians persians"
    " christian asian indian italian brazilian russian persian"
    " couleurs valeurs douleurs erreurs secteurs moteurs honneurs horreurs humeurs odeurs"
    " saveurs faveurs rumeurs hauteurs longueurs largeurs profondeurs lenteurs rigueurs"
    " compteurs capteurs facteurs ordinateurs radiateurs ascenseurs aspirateurs detecteurs"
    " indicateurs processeurs ailleurs plusieurs leurs meilleurs interieurs exterieurs"
    " superieurs inferieurs anterieurs posterieurs ulterieurs majeurs mineurs"
    " couleur valeur douleur erreur secteur moteur honneur horreur humeur odeur saveur faveur"
    " rumeur hauteur longueur largeur profondeur lenteur rigueur compteur capteur facteur"
    " ordinateur radiateur ascenseur aspirateur detecteur indicateur processeur meilleur"
    " interieur exterieur superieur inferieur majeur mineur peur coeur heure bonheur malheur"
    " horaires salaires inventaires commentaires formulaires dictionnaires anniversaires"
    " affaires necessaires ordinaires secondaires primaires tarifaires sanitaires unitaires"
    " horaire salaire inventaire commentaire formulaire dictionnaire anniversaire affaire"
    " necessaire ordinaire secondaire primaire tarifaire sanitaire unitaire itineraire"
    " itineraires vocabulaire glossaire repertoire territoire territoires histoire histoires"
    " memoire memoires victoire gloire armoire trajectoire"
)
_ARTICLES = _words("a an the each every one un une le la l chaque")
_PREPOSITIONS = _words(
    "for to with among from of in at on by about pour avec a aux au chez aupres de des du"
    " parmi sur dans entre envers"
)
# A plural group right after these is whom the work is for: "accounts for refugees", "des
# comptes à des réfugiés", "support to older people".
_FOR = {
    "en": (("for",), ("to",), ("for", "the"), ("to", "the"), ("among",), ("among", "the")),
    "fr": (
        ("pour",),
        ("aux",),
        ("a", "des"),
        ("a", "les"),
        ("pour", "des"),
        ("pour", "les"),
        ("aupres", "des"),
        ("aupres", "de"),
        ("envers", "les"),
        ("parmi", "les"),
    ),
}
# A verb, not a noun, right after a protected word: "deaf, works nights", "diabetic needs breaks".
_NOT_NOUNS = _words(
    "this his its was has does is always perhaps sometimes nevertheless unless whereas news"
    " means series species lots yes plus towards afterwards backwards upwards diabetes herpes"
    " nerves works wants gets goes takes makes says seems looks sounds feels keeps comes lives"
    " prays attends wears uses tends tries leaves misses struggles suffers refuses avoids"
    " prefers likes loves hates speaks talks drinks smokes needs thinks knows expires"
    # Times and a person's own ways are not a group or a thing the work is for: "Jewish
    # holidays might clash", "religious reasons", "right-wing views", "did time years ago".
    " years months weeks days hours minutes times nights mornings evenings weekends fridays"
    " sundays saturdays holidays reasons views beliefs opinions values ways habits customs"
    " roots origins looks manners principles convictions practices observances duties"
)
# The candidate is the measure: "younger than you", "vingt ans de moins que vous".
_THAN_CANDIDATE = re.compile(
    r"(?<![a-z])(?:than|que|qu') ?(?:you|him|her|them|the candidate|the applicant|vous|lui|elle"
    r"|toi|le candidat|la candidate)(?![a-z])"
)
_COPULAS = _words(
    "is was are were be been being am seems seemed looks looked est etait sont semble semblait"
    " parait paraissait"
)
_GENERALISING = _words(
    "always never typically invariably tend tends toujours jamais forcement generalement"
    " systematiquement"
)
_OWNERS = _words("his hers theirs yours him her them mine")
_PASSIVE = _words("was were is are be been being get got gets getting ete etait est sont fut")
_NEGATIONS = _words("not no never pas jamais aucun aucune ni")
_PRONOUNS = _words("he she they you it i we who il elle ils elles on nous vous tu je qui")
# Words that open a subjectless fragment of a run-on note before a trait: "knew the CQC rules,
# clearly pregnant though, references fine". The fragment is said of the candidate, whatever
# the clauses before it were about (English: French notes put a subject or "l'air" there).
_FRAGMENT_OPENERS = _words(
    "clearly obviously visibly apparently probably possibly maybe definitely seemingly"
    " evidently bit a quite very rather slightly somewhat little also plus really pretty"
    " fairly bloody massively hugely noticeably"
)


def _agent(words: list[str], index: int, lang: str) -> bool:
    """Whether words[index] is a role noun naming people the work deals with (see _AGENT_*)."""
    word = words[index]
    key = "fr" if lang == "fr" else "en"
    if word in _NOT_AGENTS:
        return False
    previous = words[index - 1] if index > 0 else ""
    if _AGENT_PLURAL[key].fullmatch(word):
        # "she answers", "il travaille": after a pronoun it is a verb.
        return previous not in _PRONOUNS
    if _AGENT_SINGULAR[key].fullmatch(word) and previous in _ARTICLES and index > 1:
        return words[index - 2] in _PREPOSITIONS
    return False


# Nouns for what is the person's own: a noun of these before "de" is the candidate's ("un accent
# de l'Est", "une tête de"), not a work product.
_OWN_NOUNS = _words(
    "accent tete physique nom prenom allure look style air type profil origine origines famille"
    " milieu parents mere pere fille fils femme homme mari epouse enfant enfants religion foi"
    " convictions opinions idees age sante etat situation vie passe casier candidat candidate"
    " personne gars mec nana"
)
_OWN_ARTICLES = _words("son sa ses votre vos ton ta tes leur leurs his her their your")
_NUMBERS = _words(
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty"
    " hundred deux trois quatre cinq six sept huit neuf dix onze douze quinze vingt trente"
    " quarante cinquante cent"
)
# What a person says or thinks about a subject is theirs: "a joke about Muslims" is a remark.
_SAYINGS = _words(
    "view views opinion opinions thought thoughts belief beliefs comment comments remark remarks"
    " joke jokes stance position positions feelings feeling rant post posts tweet tweets"
)
_FOLLOWS = _words("suit suivait suivent suivaient suivi suivie accompagne accompagnait")
_FR_ARTICLES = _words("le la les l un une des du ce cet cette ces")
_THING_OWNER = re.compile(r" [a-z]+'s ")


def _qualifies_a_thing(before: list[str], matched: list[str], tail: str, lang: str) -> bool:
    """Whether the match only describes a thing or other people by its place in the phrase:
    "la comptabilité de la mosquée", "un meeting d'extrême droite" (a noun with an article
    before "de"), "a Buddhist temple's shipment" (a thing's owner), "a crew of eight
    nationalities" (a count of groups), "searched by a female colleague" (another person)."""
    if not matched:
        return False
    last = matched[-1]
    if matched[0] in _OWN_ARTICLES or any(w in _TOO for w in before):
        return False  # "votre quartier", "trop douce pour ... une équipe de gars"
    if lang == "fr":
        for index in range(len(before) - 1, max(-1, len(before) - 4), -1):
            if before[index] in ("de", "d", "du", "des") and index >= 2:
                noun, article = before[index - 1], before[index - 2]
                bare = noun.rstrip("s")
                own = bare in _OWN_NOUNS or noun in _OWN_NOUNS or bare in _cues(lang)["person"]
                if own or article in _OWN_ARTICLES or noun in _PRONOUNS:
                    return False
                return article in _FR_ARTICLES and len(noun) > 2
            if before[index] not in _FR_ARTICLES:
                return False
        return False
    if len(matched) == 1 and _THING_OWNER.match(tail) is not None:
        return True
    counted = len(before) >= 2 and (before[-1] in _NUMBERS or before[-1].isdigit())
    if counted and before[-2] in _PREPOSITIONS and _plural_noun(last):
        return True
    # "the handout on breastfeeding", "a podcast about Islam": a work product's subject.
    if len(before) >= 3 and before[-1] in ("on", "about", "regarding"):
        noun, article = before[-2], before[-3]
        if article in _ARTICLES and noun not in _SAYINGS and len(noun) > 2:
            return True
    people = last in _cues(lang)["people"] or _agent(matched, len(matched) - 1, lang)
    if len(matched) < 2 or not people or not before:
        return False
    # "searched by a female colleague", "worked with older people".
    after_preposition = len(before) >= 2 and before[-1] in _ARTICLES and before[-2] in _PREPOSITIONS
    plural = last.endswith("s") or last == "people"
    return after_preposition or (before[-1] in _PREPOSITIONS and plural)


def _doubt(before: list[str], cues: dict[str, frozenset[str]]) -> bool:
    """Whether the words just before a match make it a remark: a negation, a reason, a word for
    the candidate ("not a job for women", "would prefer", "too")."""
    near = before[-5:]
    return any(
        w in _NEGATIONS or w.endswith("n't") or w in cues["reason"] or w in cues["person"]
        for w in near
    )


def _predicated(before: list[str], cues: dict[str, frozenset[str]]) -> bool:
    """Whether the match is said of a subject ("she's a gay rugby player", "il est un ..."):
    a copula or pronoun among the few words before it, with no preposition in between."""
    for word in reversed(before[-4:]):
        if word in _PREPOSITIONS:
            return False
        if word in _COPULAS or word in _PRONOUNS or word in cues["person"]:
            return True
    return False


def _fragment_trait(text: str, start: int, low: int, after: list[str]) -> bool:
    """Whether the match follows only hedges at the start of its comma clause, with no noun
    after it for it to qualify: ", clearly pregnant though," and ", bit overweight for the
    uniform," are said of the candidate; ", mostly elderly clients," is not."""
    opened = _CLAUSE_END.split(text[max(low, start - 40) : start])
    if len(opened) < 2:
        return False
    lead = _WORD.findall(opened[-1])
    if not lead or any(w not in _FRAGMENT_OPENERS for w in lead):
        return False
    return not after or after[0] in _STOPS or after[0] in _NEGATIONS


def _plural_noun(word: str) -> bool:
    """An English plural noun, roughly: "policyholders", "sows", "characters", "clubs"."""
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "ous", "ics", "ies'"))
        and word not in _NOT_NOUNS
        and word not in _STOPS
    )


# Folded forms (lower case, no accents). Each language: possessives, candidate words, reasons,
# the people a job serves, work products and places, and what may follow a topic word.
_CUES: dict[str, dict[str, str]] = {
    "en": {
        "possessive": "his her their your candidate's applicant's interviewee's",
        "pronoun": "he she they you him them he's she's they're you're himself herself",
        "wide": "might could would wouldn't couldn't won't will sure may should so too because"
        " worried"
        " concern concerned risk risky doubt unsure guy girl lady bloke chap dude man woman"
        " boy gentleman fella mate guys folks hire candidate applicant interviewee fit culture"
        " i i'd i'm we we'd our me my apparently told mentioned said says"
        " asked noticed obviously clearly probably definitely typical"
        # A trait said to be unfit for the place: "not the image for a private bank".
        " image impossible unsuitable inappropriate ideal",
        "told": "asked asks enquired inquired mentioned mentions told tells said says raised"
        " disclosed brought questions question",
        "person": "he she they you him them he's she's they're you're i'd candidate applicant"
        " interviewee seems seemed looks looked sounds sounded appears appeared himself herself"
        " themselves yourself hes shes",
        "reason": "too because given due fit fits would wouldn't might may could couldn't should"
        " won't will prefer preferred rather worried worry concern concerned uncomfortable"
        " since unlike than as need needs want wants wanted mind doubt risk like likes love expect"
        " while despite although though"
        " expects accept accepts trust comfortable",
        "people": "patients patient pupils pupil students student learners learner children kids"
        " customers customer clients client residents resident users user tenants tenant guests"
        " guest visitors visitor families family colleagues colleague staff employees employee"
        " workers members people population communities community audience audiences public"
        " callers caller passengers travellers shoppers readers viewers citizens claimants"
        " offenders prisoners inmates detainees survivors victims refugees migrants carers"
        " parents adults teenagers youngsters elders service-users participants attendees"
        " beneficiaries couple couples clientele customer-base footfall"
        # Other people at work, one at a time: "a team member's return from cancer treatment".
        " member teammate coworker co-worker",
        "work": "lesson lessons plan policy policies curriculum syllabus module modules"
        " course courses unit units ward wards department clinic clinics service services"
        " project projects campaign campaigns training workshop workshops guidance guide"
        " guides report reports audit audits assessment assessments programme programmes"
        " program programs research study studies design designs ramp ramps toilet toilets"
        " entrance entrances law laws legislation rights case cases claim claims tribunal"
        " festival festivals menu menus diet diets food event events"
        " display exhibition collection book books article articles content topic"
        " topics subject subjects theme themes class classes awareness network"
        " screening adjustments accessibility needs requirements equipment aids data records"
        " form forms brief briefing briefs procedure procedures process processes protocol"
        " protocols pathway pathways caseload check checks visit visits rota"
        " handbook toolkit session sessions module unit's ward's department's clinic's"
        " signage feature features app website site product products portal club clubs group"
        " groups centre center equality parity diversity inclusion childminder nanny carer"
        # Pay and benefits a payroll or HR job runs: "payroll for maternity leave".
        " payroll payrolls pensions benefit benefits allowance allowances entitlement"
        " portfolio portfolios",
        "serve": "sold sells selling served serves serving supported supports supporting cared"
        " taught teaches teaching coached coaches coaching trained trains training helped helps"
        " helping advised advises advising treated treats treating nursed housed fed cooked"
        " catered welcomed welcomes greeted interpreted translated ran runs running hosted"
        " hosts hosting offered offers provided provides skilled specialising specializing"
        " specialised specialized specialises specializes specialist expert"
        # Handling a caseload or a work product: "coordinated referrals for women and their
        # children", "processed maternity pay", "negotiated the pay deal with Unite".
        " coordinated coordinates coordinating processed processes processing handled handles"
        " handling drafted drafts edited edits negotiated negotiates negotiating"
        " organised organized organises organizes organising organizing fact-checked"
        " interviewed interviews administered administers reconciled reconciles minuted"
        " reported published publishes photographed studied researched researches analysed"
        " analyzed"
        # Fitting, sourcing and handling what the work deals with: "fitted hearing aids",
        # "renegotiated the headscarf supply", "how you would handle a teenager".
        " handle fitted renegotiated sourced supplied stocked procured cut"
        # Dealing with what came up at work: "dealt with a diabetic episode calmly".
        " dealt",
        "title": "carer carers childminder childminders nanny nannies solicitor lawyer barrister"
        " nurse nurses teacher teachers adviser advisor officer"
        " coordinator caseworker interpreter translator chaplain therapist physio specialist"
        " champion ambassador practitioner midwife midwives doctor consultant worker workers"
        " liaison lead aider aiders artist artists stylist stylists",
        "after": "unit units ward wards department departments clinic clinics service services"
        " care nursing team's policy policies law laws rights needs awareness support studies"
        " education lesson lessons curriculum module course festival festivals"
        " menu menus diet diets food access accessible friendly inclusive ramp ramps"
        " toilet toilets parking adjustments equipment cover pay benefits"
        " organisation organisations organization network networks group groups community"
        " communities patients customers pupils clients residents users families markets"
        " market audiences tribunal case cases claims discrimination equality history"
        " literature society texts art architecture screening assessment assessments"
        " specialist nurse nurses midwife midwives doctor consultant teacher teachers adviser"
        " advisor officer officers liaison coordinator worker workers caseworker unit's ward's"
        " department's hospital hospitals school schools centre center centres"
        " housing provision provisions regulations regulation legislation guidance training"
        " leave-policy law's studies' festival's signage aid aids app apps research data"
        " reform rehabilitation resettlement outreach wing appeals applications returners"
        " changing facilities facility room rooms showers locker lockers couple couples"
        " wedding weddings funeral funerals ceremony ceremonies meal meals catering aider aiders"
        " aftercare"
        # Technical and figurative compounds: "child nodes", "foreign key", "strike rate",
        # "dead man's switch", "child protection", "a religious war over tabs".
        " node nodes key keys rate rates switch switches field fields column columns"
        " protection war wars process processes thread threads company companies round rounds"
        # A pay structure is the employer's: "our salary bands", "the pay scale".
        " band bands scale scales grid grids supply supplies stock contract contracts"
        # What a study, a shop or a campaign is made of: "union membership trends", "the
        # wedding dress campaign", "the gay and lesbian section".
        " trends trend statistics figures survey surveys bulletin campaign campaigns section"
        " sections shelf shelves catalogue aisle range ranges"
        # Compound heads: a protected word right before them names a kind of venue, trade,
        # product or show ("Caribbean takeaway", "gay venues", "Polish deli", "Jewish heritage
        # archive"). Not "passport", "scene" or "month": "a Nigerian passport", "on the gay
        # scene", "turned 60 last month" are said of the person.
        " restaurant restaurants takeaway takeaways deli delis shop shops supermarket grocer"
        " grocers cuisine dishes recipes imports exports importer importers exporter exporters"
        " embassy consulate newspaper newspapers press radio channel magazine"
        " venue venues bar bars parade heritage archive"
        " archives exhibition exhibitions film films cinema theatre choir choirs league"
        " academy forum helpline hotline scheme schemes voucher vouchers"
        " shelter hostel hostels refuge cafe brand brands fashion clothing costume costumes"
        " wigs salon salons supplier suppliers",
    },
    "fr": {
        "possessive": "son sa ses votre vos leur leurs ton ta tes",
        "pronoun": "il elle ils elles vous tu lui iel",
        "wide": "pourrait pourraient risque risquent trop donc car doute inquiet inquiete"
        " devrait devraient gars mec type fille dame monsieur homme femme candidat candidate"
        " profil je j'ai on nous"
        " notre mon ma moi selon apparemment parait visiblement clairement typique apprecier"
        " apprecient aimer aiment aimeront plaire plaira genant genante"
        # "pas l'image d'une agence", "impossible aux pompes funèbres".
        " image impossible inadapte inadaptee inapproprie inappropriee ideal ideale passera",
        "told": "demande demandait mentionne mentionnait dit disait raconte evoque parle questions"
        " question",
        "person": "il elle ils elles vous tu lui iel candidat candidate semble semblait parait"
        " paraissait",
        "reason": "trop car parce vu etant compte pourrait pourraient risque risquent craint"
        " attendent attend veulent veut preferent prefere exigent exige demandent demande"
        " devrait devraient"
        " crains gene genant mieux prefere preferer preferons faut besoin veut voulons doute"
        " comme plutot",
        "people": "patients patient patientes patiente eleves eleve etudiants etudiante"
        " etudiant apprenant apprenants enfant enfants client clients cliente clientes"
        " usagers usager residents"
        " residentes beneficiaires familles public publics salaries salariees collegue"
        " collegues personnel agents visiteurs voyageurs passagers habitants population"
        " citoyens adherents jeunes personnes detenus prisonniers victimes migrants aidants"
        " parents adultes seniors participants stagiaires appelant appelants interlocuteur"
        " interlocuteurs communaute communautes clientele clienteles"
        # Animals a vet, a groomer or a farm treats: "chirurgie des chiens âgés".
        " animaux animal chiens chiennes chats chattes chevaux juments bovins vaches chiots"
        " chatons",
        "work": "paie paies cours lecon lecons sequence sequences programme programmes projet"
        " projets"
        " politique politiques plan plans service services unite unites pole salle"
        " histoire sujet sujets theme themes module modules formation formations atelier"
        " ateliers guide guides audit audits rapport rapports etude etudes dossier dossiers"
        " droit loi lois jurisprudence contentieux accessibilite rampe rampes amenagement"
        " amenagements adaptation adaptations accueil charge soins calendrier fetes fete menu"
        " menus repas regime regimes evenement evenements exposition campagne campagnes"
        " sensibilisation accompagnement clinique cliniques hopital ehpad creche ecole classe"
        " classes etablissement association reseau groupe groupes maternite pediatrie"
        " geriatrie psychiatrie consultation consultations protocole protocoles visite"
        " visites conge conges remplacement egalite index parite mixite equipe equipes club"
        " coiffeuse coiffeur estheticienne photographe fleuriste specialisee specialise"
        " section categorie championnat tournoi option options formulaire formulaires case"
        " champ champs mariage mariages obseques ceremonie ceremonies couverts carte traiteur"
        " renovation renouvellement rehabilitation enquete enquetes indemnites indemnite"
        " parcours livre livres ouvrage ouvrages roman romans memoire these rayon rayons"
        " litterature rite rites rituel rituels tradition traditions tournee tournees"
        " desenclavement officine agence boutique magasin commerce pharmacie cabinet"
        # Where a driver or a rounds job works: "les lignes de nuit de Seine-Saint-Denis".
        " ligne lignes trajet trajets circuit circuits"
        # Rules and agreements a job applies: "la réglementation sur le congé maternité".
        " reglementation reglementations reglement reglements convention conventions accord"
        " accords dispositif dispositifs"
        # What a kitchen or a shop serves: "les plats halal et casher de la carte".
        " plat plats produit produits recette recettes viande viandes boucherie"
        # Venues and titles a trade works in or for: "barman dans un bar gay", "assistance PMR".
        " bar bars boite boites discotheque cabaret cafe festival festivals magazine magazines"
        " revue revues journal chorale assistance transfert transferts deroule deroules",
        "serve": "accompagne accompagnait accueille accueillait soigne soignait enseigne"
        " enseignait forme formait conseille conseillait sert servait vend vendait aide aidait"
        " anime animait entraine entrainait servi accueilli vendu prepare"
        " preparait cuisine cuisinait traduit traduisait interprete redige redigeait concu"
        " aupres specialise specialisee specialiste"
        # Handling a caseload or a work product: "elle coordonne les parcours de FIV", "traite
        # les indemnités de maternité", "pilote la rénovation de trois quartiers".
        # Carrying them: "connaît les règles pour transporter un nourrisson en siège coque".
        " transporter transporte transportait transportent"
        " coordonne coordonnait traite traitait gere gerait pilote pilotait organise"
        " organisait negocie negociait signe instruit instruisait"
        " verifie verifiait publie publiait cree creait dessert desservait etudie etudiait"
        " analyse analysait couvre couvrait",
        "title": "referent referente charge chargee responsable conseiller conseillere"
        " coordinateur coordinatrice educateur educatrice infirmier infirmiere auxiliaire"
        " avocat avocate juriste enseignant enseignante professeur formateur formatrice"
        " medecin psychologue animateur animatrice mediateur mediatrice mission vendeur"
        " vendeuse penaliste lingere brancardier brancardiere ambulancier ambulanciere"
        " standardiste secretaire cuisinier cuisiniere technicien technicienne hotesse agent"
        " assistant assistante assistants assistantes gardien gardienne chauffeur chauffeuse"
        # Titles of social care, early childhood, health, public service and shop work: "Directrice
        # de crèche", "Aumônier en milieu hospitalier", "Hôtelière, elle accueille…".
        " directeur directrice puericulteur puericultrice soignant soignante moniteur monitrice"
        " ergotherapeute orthophoniste psychomotricien psychomotricienne kinesitherapeute"
        " aumonier intervenant intervenante accompagnant accompagnante accompagnateur"
        " accompagnatrice gestionnaire surveillant surveillante instituteur institutrice"
        " professeure atsem bibliothecaire documentaliste libraire conferencier conferenciere"
        " acheteur acheteuse hotelier hoteliere receptionniste serveur serveuse gerant gerante"
        " recruteur recruteuse greffier greffiere pharmacien pharmacienne aide"
        # Care and body trades: "Vétérinaire : chirurgie…", "Audioprothésiste : appareillage…".
        " veterinaire chirurgien chirurgienne dentiste opticien opticienne audioprothesiste"
        " orthoptiste podologue pedicure dieteticien dieteticienne osteopathe thanatopracteur"
        " barman barmaid gouvernante nourrice majordome precepteur preceptrice",
        "after": "unite unites service services politique politiques droit droits accessible"
        " accessibles adaptes adapte adaptee adaptees",
    },
}

# "Dix ans en maternité": "en" right before a place word means "working in that ward".
_PLACE_PREPOSITIONS = {"fr": {"en"}, "en": set()}
# Two-word cues for the job's topic whose second word alone is too common ("il fait", "le fait").
# "il suit les nourrissons", "a travaillé sur…": following a group, working on a subject.
_TOPIC_PAIRS = {
    # "a mis en place le congé parental": a policy the job set up.
    # "forme les agents aux questions de fait religieux": the subject, not the person.
    "fr": {
        ("le", "fait"),
        ("de", "fait"),
        ("du", "fait"),
        ("suit", "les"),
        ("suivait", "les"),
        ("travaille", "sur"),
        ("en", "place"),
    },
    # "looked after an elderly man with dementia": the person cared for is the work's.
    "en": {
        ("worked", "on"),
        ("looked", "after"),
        ("looks", "after"),
        ("looking", "after"),
        ("look", "after"),
    },
}
_DETERMINERS = _words("the a an our this that these those its le la les un une des du l")


# Verbs of a trade's work, whose object is what the job deals with: "advised pregnant
# policyholders", "a défendu les délégués syndicaux", "a couvert la grève". Listed once as a
# base form and conjugated below, so every tense and person counts. Not here: verbs that also
# say what someone does with their own life ("manages her diabetes", "attends mosque",
# "practises", "joined the union", "suit": "would suit her").
_WORK_VERBS = {
    "en": "advise assist counsel defend deliver diagnose dispense enrol evacuate fundraise greet"
    " inspect insure interpret investigate mediate prescribe prosecute protect publish recruit"
    " rehouse represent resettle safeguard sell serve signpost supervise teach translate"
    " underwrite",
    "fr": "accompagner accueillir animer assister assurer auditer cataloguer coacher coiffer"
    " conseiller controler convoyer coordonner couvrir defendre delivrer depister diagnostiquer"
    " documenter enqueter enseigner entrainer escorter evaluer financer fouiller heberger"
    " informer inscrire inspecter instruire interpreter interroger interviewer loger maquiller"
    " mediatiser negocier orienter photographier plaider prescrire proteger publier recevoir"
    " recruter rediger reloger representer sensibiliser servir soigner soutenir superviser"
    " traduire traiter vendre instaurer deployer elaborer piloter"
    # Looking after a group and working on people's bodies: "il encadre des enfants de 6 à
    # 12 ans", "elle coupe les cheveux des hommes".
    " encadrer couper",
}
# English verbs that are also nouns ("a front-of-house role", "her nursing diploma", "your
# interview", "a cover letter"): only their past forms count ("interviewed the union reps").
_WORK_VERBS_PAST_ONLY = (
    "audit book brief catalogue coach cook curate document draft edit escort host interview"
    " lobby nurse photograph price process register rescue research screen search stock study"
    " survey train treat tutor welcome design"
)
# Irregular forms the rules below do not make (folded: no accents).
_IRREGULAR = {
    "en": "taught sold fed led wrote written drew drawn built kept met ran bought spoke spoken"
    " cuts cutting planned",
    "fr": "couvert couvre couvrait couvrent couvraient accueille accueillait accueilli"
    " accueillie accueillent defend defendait defendu defendue defendent sert servait servi"
    " servent traduit traduisait inscrit inscrivait instruit instruisait prescrit prescrivait"
    " recoit recevait recu recue recoivent soutient soutenait soutenu soutenue vend vendait"
    " vendu vendent",
}
# Forms that are other words in one of the two languages ("former" is "previous" in English).
_NOT_VERB_FORMS = _words("former place places suit assure assures interne informe forme")


_ER_ENDINGS = _words("e es ent ons ez ait aient ais ee ees ant er era eront erait")
_IR_ENDINGS = _words("it is issent issait issaient i ie ir")


def _conjugated(lang: str) -> frozenset[str]:
    """Every tense and person of the work verbs of `lang`, folded, by the regular endings."""
    forms = set(_IRREGULAR[lang].split())
    if lang == "en":
        for verb in _WORK_VERBS_PAST_ONLY.split():
            forms.add(verb + ("d" if verb.endswith("e") else "ed"))
    for verb in _WORK_VERBS[lang].split():
        if lang == "en":
            stem = verb[:-1] if verb.endswith("e") else verb
            es = "es" if verb.endswith(("s", "sh", "ch", "x")) else "s"
            past = verb + ("d" if verb.endswith("e") else "ed")
            if verb.endswith("y") and verb[-2] not in "aeiou":
                es, past = "ies", verb[:-1] + "ied"
                forms.add(verb[:-1] + es)
            else:
                forms.add(verb + es)
            forms |= {verb, past, stem + "ing"}
        elif verb.endswith("er"):
            stem = verb[:-2]
            forms |= {stem + ending for ending in _ER_ENDINGS}
        elif verb.endswith("ir"):
            stem = verb[:-2]
            forms |= {stem + ending for ending in _IR_ENDINGS}
    return frozenset(f for f in forms if len(f) > 3) - _NOT_VERB_FORMS


# Another language's cue that is a common word here: French "car" (because) is an English
# noun ("car seats for disabled children").
_FALSE_FRIENDS = _words("car")
# A hiring preference said before a group: the group is who is wanted, not who is served.
_FR_PREFER = _words(
    "preferons prefererions privilegions privilegierons cherchons recherchons voulons"
    " souhaitons evitons"
)


@lru_cache(maxsize=2)
def _cues(lang: str) -> dict[str, frozenset[str]]:
    """The cue words for `lang`; apart from "wide" and "pronoun", both languages' words count,
    because short texts run both languages' rules ("Aide-soignante en unité Alzheimer")."""
    own = _CUES.get(lang, _CUES["en"])
    cues = {name: frozenset(words.split()) for name, words in own.items()}
    for other, table in _CUES.items():
        if other != lang:
            for name, words in table.items():
                if name not in ("wide", "pronoun"):
                    cues[name] = cues[name] | (frozenset(words.split()) - _FALSE_FRIENDS)
    cues["serve"] = cues["serve"] | _conjugated("en") | _conjugated("fr")
    return cues


# A job title held as an occupation: "As a union organiser for eight years, you ran…",
# "Permanent syndical depuis 2019, il a mené…", "Political journalist with ten years on the
# desk". The title (in the match, right after it, or in French right before it) names the
# job the person did, not a membership or an opinion, when "as a" / "en tant que" introduces
# it or when it opens its clause and is followed by where or how long it was held. "Union rep
# for five years" stays a remark: a rep or a steward is a member's role, not a staff job.
_STAFF_TITLES = {
    "en": _words(
        "organiser organizer organisers organizers official officials negotiator staffer"
        " journalist journalists correspondent reporter editor researcher"
    ),
    "fr": _words(
        "permanent permanente permanents journaliste journalistes redacteur redactrice"
        " chroniqueur chroniqueuse"
    ),
}
_AS_FRAMES = (
    ("as", "a"),
    ("as", "an"),
    ("tant", "que"),
    ("en", "tant", "qu"),
    ("worked", "as"),
    ("working", "as"),
    ("job", "as"),
    ("role", "as"),
    ("career", "as"),
)
_OPENERS = _words("a an the former ex un une l le la ancien ancienne")
_TENURE = _words("for since at with from between until depuis pendant durant chez entre jusqu")
_YEAR = re.compile(r"(?:19|20)\d\d$")
_WHERE_HELD = _words("a au aux chez")
_IN_PLACE = _words("a au aux en")
_WORK_ABROAD = _words(
    "experience experiences stage stages mission missions chantier chantiers poste postes"
    " filiale expatriation expatrie expatriee detachement affectation vie contrat contrats"
    " projet projets campagne alternance volontariat"
)


def _occupation(
    text: str,
    start: int,
    low: int,
    before: list[str],
    matched: list[str],
    after: list[str],
    lang: str,
) -> bool:
    titles = _CUES.get(lang, _CUES["en"])["title"].split()
    staff = _STAFF_TITLES.get(lang, frozenset())
    heads = staff | frozenset(titles)
    clause_before = _CLAUSE_END.split(text[max(low, start - 150) : start])[-1]
    lead = [_base(w) for w in _WORD.findall(clause_before)]
    if matched and matched[-1] in heads:
        rest = after
    elif after and after[0] in heads and lang != "fr":
        rest = after[1:]
    elif lead and lead[-1] in heads and lang == "fr":
        rest, lead = after, lead[:-1]
    else:
        # "Permanente juridique à l'union locale CGT": a staff title and where it is held.
        return lang == "fr" and bool(lead) and lead[0] in staff and bool(_WHERE_HELD & {*lead})
    if any(tuple(lead[-len(frame) :]) == frame for frame in _AS_FRAMES):
        return True
    if lang == "fr" and not lead and not rest and before[-1:] and before[-1] in staff:
        return True  # "Permanent syndical, il a…": a staff title set apart opens the clause
    if any(w not in _OPENERS for w in lead) or not rest:
        return False
    return rest[0] in _TENURE or _YEAR.match(rest[0]) is not None


# A role held in the past, told as a step of a career: "former union rep turned HR manager",
# "six years as a shop steward before moving into employee relations", "ancien délégué
# syndical devenu responsable RH". Work history, unless the sentence holds it against the
# person ("could be a troublemaker", "donc attention").
_ROLE_HEADS = _words(
    "rep reps representative representatives steward stewards official officials organiser"
    " organizer secretary chair convenor convener officer caseworker delegate delegue deleguee"
    " elu elue representant representante permanent permanente secretaire tresorier"
    " tresoriere assistant assistante agent councillor conseiller conseillere"
)
_CAREER_MOVE = re.compile(
    r"(?<![a-z])(?:turned|before (?:moving|going|switching|becoming|joining|retraining|taking)"
    r"|moved (?:into|over|across|on)|moving (?:into|over|across|on)|now (?:works?|working|an?"
    r"|the|in|heads|runs|leads|applying|manages|teaches)|then (?:became|moved|joined|retrained)"
    r"|went on to|later (?:became|moved|joined|retrained)|since (?:moved|retrained|became)"
    r"|retrained|devenue?s?|reconverti\w*|avant de (?:passer|rejoindre|devenir|bifurquer|se"
    r" reconvertir|prendre|basculer)|passee? (?:ensuite )?(?:aux|au|a la|dans|en|cote)"
    r"|aujourd'hui|desormais|puis (?:responsable|chargee?|passee?|devenue?|a rejoint))(?![a-z])"
)
# "his time as a union learning rep", "ses années comme déléguée": a role as a stretch of time.
_PAST_ROLE = re.compile(
    r"(?<![a-z])(?:time|years|spell|stint|decade|experience|annees|ans|experience) (?:as|comme"
    r"|en tant que) (?:an? |the |une? )?(?:[a-z']+ ){0,2}$"
)
_HELD_AGAINST = re.compile(
    r"(?<![a-z])(?:could|might|may|would|won't|wouldn't|risk\w*|worr\w*|concern\w*|careful"
    r"|watch|trouble\w*|agitat\w*|militant\w*|stir\w*|hassle|pass|rather not|not for"
    r"|attention|mefi\w*|risqu\w*|crain\w*|pourrai\w*|donc|vigilan\w*|problem\w*"
    r"|histoires|gen(?:e|ant|er)\w*|bloqu\w*|evit\w*)(?![a-z])"
)


def _career_move(text: str, start: int, end: int, low: int, high: int) -> bool:
    """Whether the match names a role the person held, told as a step of their career and not
    held against them (see _CAREER_MOVE)."""
    role = _WORD.findall(text, start, min(high, end + 30))[:6]
    if not any(w in _ROLE_HEADS for w in role):
        return False
    moved = _CAREER_MOVE.search(text, end, high) is not None
    if not moved and _PAST_ROLE.search(text, max(low, start - 40), start) is None:
        return False
    return _HELD_AGAINST.search(text, low, high) is None


def _coordinated(words: list[str]) -> list[str]:
    """French "comme" between two plural nouns joins them ("les cheveux des hommes comme des
    femmes"): it is "et" there, not the reason it is elsewhere ("comme elle est enceinte")."""
    out = list(words)
    for index in range(1, len(words) - 1):
        if words[index] != "comme":
            continue
        noun, article = words[index - 1], words[index + 1]
        if article in ("les", "des") and noun.endswith(("s", "x")) and noun not in _PRONOUNS:
            out[index] = "et"
    return out


def about(text: str, start: int, end: int, low: int, high: int, lang: str) -> About:
    """Whether the match text[start:end] (folded) is said of a person or is the job's topic.

    `low`/`high` bound the match's sentence; nothing outside it is read.
    """
    cues = _cues(lang)
    # "girls' team", "women's refuge": a plural group noun in the possessive names who a
    # service or product is for, not the candidate.
    matched = _WORD.findall(text, start, end)
    if matched and matched[-1] in _GROUPS and text.startswith(("'s ", "' "), end):
        return "topic"
    # "men's mental health", "children's hearing tests": what follows a group's possessive is
    # a service for that group.
    if _GROUP_OWNER.search(text, max(low, start - 20), start) is not None:
        return "topic"
    # French notes open on a heading that names the post: read from after it.
    opening = _after_label_heading(text, low, start) if lang == "fr" else low
    window = text[max(opening, start - 150) : start]
    if lang == "fr" and ("«" in window or '"' in window or "“" in window):
        # "Très « lutte des classes », sûrement syndiqué": a quoted phrase given by degree is a
        # label on the person; its words ("classes") are not the job's.
        window = _LABEL_QUOTE.sub(" trop ", window)
    before_all = [_base(w) for w in _WORD.findall(window)]
    # A word cut by the window's edge is not a word.
    if start - 150 > opening and before_all:
        before_all = before_all[1:]
    if lang == "fr" and "comme" in before_all:
        before_all = _coordinated(before_all)
    before = before_all[-_WINDOW_BEFORE:]
    tail = text[end : min(high, end + 40)]
    listed = _LIST_THEN_NOUN.match(tail)
    if listed:
        # "Christian, Muslim and humanist funerals": the list ends on the topic noun.
        last = _base(_WORD.findall(listed.group(0))[-1])
        if last in cues["after"] or last in cues["people"]:
            return "topic"
    clause = _CLAUSE_END.split(tail, maxsplit=1)[0]
    after_all = [_base(w) for w in _WORD.findall(clause)]
    clause_after = after_all
    # "Pregnant teachers always go off sick early, so I'd pass on her": a group said to
    # behave one way is a stereotype applied to the candidate, not the job's topic.
    rest = _WORD.findall(text, end, min(high, end + 80))
    generalised = any(w in _GENERALISING for w in rest)
    # "maternity and paternity leave", "congés maternité et paternité de 300 agents": a word
    # coordinated with the match shares its noun, so what follows the pair decides.
    if len(after_all) > 2 and after_all[0] in _AND and matched and after_all[1] != matched[-1]:
        after_all = after_all[2:]
    after = after_all[:_WINDOW_AFTER]
    # "known to the police round here": a place, not a medication round.
    if lang == "en" and after[:2] == ["round", "here"]:
        after = []

    # "patients ... their pre-op checks": a plural possessive whose antecedent is the people
    # a job serves, named earlier in the sentence, is theirs, not the candidate's.
    # Whether people a job serves are named before a point of the sentence (role nouns too:
    # "self-employed builders and their spouses").
    def served_before(index: int) -> bool:
        return any(
            w in cues["people"] or w in _GROUPS or _agent(before_all, i, lang)
            for i, w in enumerate(before_all[:index])
        )

    plural_owner = (
        bool(before) and before[-1] in _PLURAL_POSSESSIVES and served_before(len(before_all) - 1)
    )
    # "referrals for women and their children": the match holds the possessive.
    if len(matched) > 1 and matched[0] in _PLURAL_POSSESSIVES and served_before(len(before_all)):
        return "topic"
    if plural_owner:
        before, before_all = before[:-1], before_all[:-1]  # read it as "the"
    elif before and before[-1] in cues["possessive"]:
        return "person"
    if lang == "en" and _fragment_trait(text, start, low, after_all):
        return "person"
    # "garlands for a Hindu wedding and the chuppah for a Jewish one": "one" stands for the
    # service or place named before it.
    ellipsis = after_all[:1] in (["one"], ["ones"])
    if lang == "en" and ellipsis and any(w in cues["after"] for w in before_all):
        return "topic"
    # "younger than you", "vingt ans de moins que vous": compared with the candidate.
    if _THAN_CANDIDATE.search(clause) is not None:
        return "person"
    # "une quarantaine de couples": a rough count of something is not an age ("une trentaine
    # d'années" is).
    if matched and matched[-1] in _ROUGH_COUNTS and after_all[:1] and after_all[0] in _OF_ANY:
        return "topic"
    if any(w in cues["reason"] for w in matched):
        return "person"  # "too young", "trop jeune": the match is itself a reason
    if lang == "fr" and after_all[:1] == ["oblige"]:
        return "person"  # "religion oblige", "âge oblige": the trait given as the cause
    # "un stage de six mois au Sénégal", "son expérience au Maroc": a country is where a job
    # was done, not where the person comes from.
    if lang == "fr" and before[-1:] and before[-1] in _IN_PLACE and _WORK_ABROAD & {*before[-5:-1]}:
        return "topic"
    # "Not the look for the shop floor", "pas le physique pour la boutique": a trait the
    # person is said to lack for the job.
    if before[-1:] in (["not"], ["pas"]) or before[-2:] in (["not", "the"], ["pas", "le"]):
        return "person"
    linked = [w for w in before if w not in _LINKS]
    if linked and linked[-1] in _ROUGH_COUNTS and len(before) - before.index(linked[-1]) <= 3:
        return "topic"
    if linked and linked[-1] in _SUBJECT_OF and len(before) - before.index(linked[-1]) <= 4:
        return "topic"
    if len(matched) == 1 and matched[0] in cues["title"]:
        return "topic"  # a job title ("carer", "midwife") names the job
    if _occupation(text, start, low, before, matched, clause_after, lang):
        return "topic"
    if _career_move(text, start, end, low, high):
        return "topic"
    # A topic pair right before the match decides before the candidate's words do: "forme
    # les agents aux questions de fait religieux".
    if tuple(before[-2:]) in _TOPIC_PAIRS.get(lang, set()):
        return "topic"
    # "asked about our parental leave policy", "mentioned a history of depression": the
    # candidate's own words about the topic are about the candidate.
    content = [w for w in before if w not in _DETERMINERS][-3:]
    if any(w in cues["told"] for w in content):
        return "person"
    # A job title right next to the match names the job, not the person: "an immigration
    # solicitor", French "référente handicap".
    # Short texts run both languages' rules, so titles of both count, on either side.
    titles = _cues("en")["title"] | _cues("fr")["title"]
    if not generalised and (
        (after[:1] and after[0] in titles) or (before[-1:] and before[-1] in titles)
    ):
        return "topic"
    # "elle suit trois enfants autistes", "suivait 40 familles": French "suivre" a number of
    # people is a caseload (English "suit" is another word, so French text only).
    if lang == "fr" and matched:
        counted = [*before[-2:], matched[0]]
        if any(a in _FOLLOWS and (b in _NUMBERS or b.isdigit()) for a, b in pairwise(counted)):
            return "topic"
    # French names whom a thing is for after "de": "les tenues de 1500 agents".
    served = [w for w in after if not w.isdigit()]
    # "il opère les patientes": the match acts on the people a job serves.
    if (
        lang == "fr"
        and len(served) > 1
        and served[0] in ("les", "des")
        and (served[1] in cues["people"])
    ):
        return "topic"
    if lang == "fr" and len(served) > 1 and served[0] in _OF and served[1] in cues["people"]:
        return "topic"
    # Words inside a long match count too ("she's Black").
    lead = before + [_base(w) for w in matched[:-1]]
    doubt = _doubt(before, cues) or _doubt(lead, cues) or generalised
    following = matched + after
    for index, word in enumerate(after, start=len(matched)):
        # A role noun not in the lists counts unless a reason is given ("we'd prefer younger
        # drivers").
        agent = not doubt and _agent(following, index, lang)
        people = word in cues["people"] or agent
        if not generalised and (word in cues["after"] or (lang == "en" and people)):
            return "topic"
        if word in _HYPOTHETICAL:
            return "person"
        if word in _STOPS or word in _DETERMINERS or word in cues["person"]:
            break
        if word in cues["possessive"]:
            break
    # "pregnant policyholders", "the local gay rugby club": a protected word qualifying a
    # group or a thing describes that, unless it is said of the candidate ("she's a gay
    # rugby player") or given as a reason ("we'd prefer younger staff").
    adjective = (
        bool(matched)
        and not _plural_noun(matched[-1])
        and matched[-1] not in _PREPOSITIONS
        and matched[-1] not in _STOPS
    )
    if lang != "fr" and adjective and not doubt and not _predicated(lead, cues):
        reasoned = any(w in cues["reason"] or w.endswith("n't") for w in clause_after)
        # "ageing relatives of his": the group is the candidate's own.
        owned = any(a == "of" and b in _OWNERS for a, b in pairwise(clause_after))
        for word in after[:2] if not (reasoned or owned) else ():
            if word in cues["person"] or word in cues["possessive"] or word in _STOPS:
                break
            if _plural_noun(word) or word in cues["work"]:
                return "topic"
    # "bank accounts for refugees", "des comptes à des réfugiés": a group the work is for.
    plural = (
        bool(matched)
        and matched[-1] not in _NOT_AGENTS
        and (matched[-1].endswith(("s", "x")) if lang == "fr" else _plural_noun(matched[-1]))
    )
    if plural and not doubt and any(tuple(before[-len(p) :]) == p for p in _FOR.get(lang, ())):
        return "topic"
    if not doubt and _qualifies_a_thing(before, matched, text[end : min(high, end + 40)], lang):
        return "topic"
    place = before[-1:] and before[-1] in _PLACE_PREPOSITIONS.get(lang, set())
    if place and len(matched) == 1 and matched[0] in cues["work"]:
        return "topic"
    contrast = False
    for index in range(len(before) - 1, -1, -1):
        word = before[index]
        # "Très bonne vendeuse, mais maman de trois enfants": past a "but" the title is praise.
        contrast = contrast or word in _CONTRASTS
        if index > 0 and (before[index - 1], word) in _TOPIC_PAIRS.get(lang, set()):
            return "topic"
        # "let Muslim staff break their fast during Ramadan": "their" is the staff's.
        if word in _PLURAL_POSSESSIVES and served_before(len(before_all) - len(before) + index):
            continue
        if word in cues["person"] or word in cues["possessive"] or word in cues["reason"]:
            return "person"
        if word in cues["serve"] and index > 0 and before[index - 1] in _PASSIVE:
            return "person"  # "was treated for depression", "a été soignée pour": done to them
        if word in cues["serve"] or (word in titles and not contrast):
            return "topic"  # "taught deaf pupils", "éducatrice ... dans les quartiers nord"
        agent = not contrast and _agent(before, index, lang)
        if word in cues["people"] or word in cues["work"] or agent:
            owner = before[index - 1] if index > 0 else ""
            if word in cues["people"] and owner in cues["possessive"]:
                return "person"
            # "the callers won't understand a word with that twang", "the drivers call it
            # bandit country": people reacting to the match are its audience, not its topic.
            if lang == "en" and word in cues["people"] and _reacts(window, len(before) - index):
                return "person"
            if not contrast and any(w in _TOO for w in before[:index]):
                return "person"
            # "nous préférons des collaborateurs résidant hors des…": the people the hiring
            # prefers, not the people the job serves (French only).
            if lang == "fr" and not contrast and any(w in _FR_PREFER for w in before[:index]):
                return "person"
            return "topic"
    # No cue next to the match: any word for the candidate or a reason in the sentence around
    # it ("Muslim, so Ramadan could be a problem") still says who it is about.
    wide = before_all[-_WIDE:] + [_base(w) for w in _WORD.findall(text, start, high)][:_WIDE]
    if any(w in cues["wide"] or w in cues["pronoun"] or w in cues["possessive"] for w in wide):
        return "person"
    return "unknown"


# Negations and verbs of reaction after the people a job serves ("the callers won't", "the
# drivers call it"): what follows is said to them or of someone else, not the work's topic.
_REACTIONS = _words(
    "won't wouldn't can't couldn't cannot never hate hates mind complain complained struggle"
    " struggled call calls called object"
)


def _reacts(window: str, after: int) -> bool:
    """Whether one of the last `after` - 1 words of `window` (those after the people word) is
    a reaction: "won't", "can't", "call", "hate"."""
    words = _WORD.findall(window)[-after + 1 :] if after > 1 else []
    return any(w in _REACTIONS for w in words)


# "Chauffeur VTC : un gros lourdaud", "Candidate pour l'école : cruche": a short heading that
# names the post applied for labels the person the note is about, not the job's subject matter
# (French notes open so; "Maternité : a tenu le planning" has no title and keeps its cue).
_HEADING = re.compile(r"[ \t*•-]*([a-z' ]{2,40}?) ?: ")
_HEADING_PEOPLE = _words("candidat candidate candidats candidates profil poste")


def _after_heading(text: str, low: int, start: int, heading_re: re.Pattern[str] = _HEADING) -> int:
    """Where the sentence text[low:] goes on after an opening heading that names a post
    (`low` when it has none)."""
    heading = heading_re.match(text, low, start)
    if heading is None:
        return low
    words = _WORD.findall(heading.group(1))
    if len(words) > 5 or not any(_names_a_post(w) for w in words):
        return low
    return heading.end()


# What follows a heading is a label on the person when it opens on an article, a degree or a
# negation ("Chauffeur VTC : un gros lourdaud", "Hôtesse de caisse, un peu cagole", "pas très
# présentable") or is a short phrase closed by a clause mark ("cruche, mais gentille"); a
# description of the work goes on longer ("Orthophoniste, suit des enfants bègues et
# dyslexiques", "Puéricultrice en PMI, suivi des nourrissons"), and the heading's title then
# still names the job.
_LABEL_OPENING = re.compile(
    r"(?:un|une|pas|trop|tres|un peu|assez|plutot|vraiment|franchement|completement|super"
    r"|carrement|limite|clairement|genre|un vrai|une vraie)(?![a-z'])"
    r"|(?:[a-z'-]+ ){0,2}[a-z'-]+(?<![sx]) ?(?:[,.;!?…]|$| mais )"
)


def _after_label_heading(text: str, low: int, start: int) -> int:
    """Where the sentence text[low:] goes on after a heading or apposition that names a post,
    when what follows it is a label on the person (`low` otherwise)."""
    begin = _after_heading(text, low, start, _HEADING_OR_APPOSITION)
    if begin == low or _LABEL_OPENING.match(text, begin) is None:
        return low
    return begin


@lru_cache(maxsize=4096)
def _names_a_post(word: str) -> bool:
    """A job title or a word for the candidate ("réceptionniste", "téléconseiller")."""
    titles = _cues("fr")["title"]
    return (
        word in _HEADING_PEOPLE
        or word in titles
        or (word not in _NOT_AGENTS and _AGENT_SINGULAR["fr"].fullmatch(word) is not None)
        or any(word.endswith(t) for t in ("conseiller", "conseillere", "agent", "operateur"))
    )


_LABEL_QUOTE = re.compile(
    r"(?<![a-z])(?:tres|trop|un peu|assez|genre|style|super|hyper|vraiment|limite|plutot|cote)"
    r" ?[«\"“][^«»\"“”\n]{1,60}[»\"”]"
)
_DEGREE = re.compile(r"(?:(?<![a-z])too|(?<![a-z])trop)(?: (?:a|un) (?:bit|little|peu))? $")
_DEGREE_BEFORE = re.compile(r"(?<![a-z])(?:a bit|a little|un peu|bit) (?:too|trop) $")


def by_degree(text: str, start: int, low: int) -> bool:
    """Whether the word at text[start:] is said by degree of the person: "too butch", "trop
    masculine", "a bit too churchy". A protected trait given as an excess is a verdict on the
    person whatever else the sentence says."""
    window = text[max(low, start - 16) : start]
    return _DEGREE.search(window) is not None or _DEGREE_BEFORE.search(window) is not None


# An epithet the note equates with the candidate, at the opening of a sentence or after a
# heading (or an apposition) that names the post: "Secrétaire médicale : une vraie commère",
# "Animatrice, une vraie mégère avec les petits"; after a copula anywhere: "il a l'air d'un
# zombie", "vous êtes une girouette".
# The noun is no word the lexicon knows, so only the second opinion's score says it is a
# verdict; a noun with a complement ("une tournée de 80 colis"), a person the job deals with
# ("un client agressif") or a job title ("un cariste expérimenté") is not an epithet.
_HEADING_OR_APPOSITION = re.compile(r"[ \t*•-]*([a-z' ]{2,40}?) ?[:,] ")
_COPULA = r"(?:(?:il|elle) (?:est|etait)|vous etes|(?:il|elle|vous) (?:a|avait|avez) l'air d')"
_EPITHET = {
    # After a heading the bare noun phrase is enough; at a sentence's opening it takes a copula
    # ("Une clé d'idempotence rendrait…", "Un conseil : …" open advice, not verdicts).
    heading: re.compile(
        rf" *{_COPULA}{'?' if heading else ''} ?(?:un|une) "
        r"(?:(?:vrai|vraie|sacre|sacree|gros|grosse|petit|petite|grand|grande|pauvre|drole de) )?"
        r"([a-z]{3,})(?![a-z'])"
        r"(?! (?:(?:de|du|des|a|au|aux|en|pour|par|chez|dans|sur)(?![a-z])|d'))"
    )
    for heading in (True, False)
}
_UN = re.compile(r"(?<![a-z])une? ")
_NOT_EPITHETS = _words(
    "pro professionnel professionnelle perle crack bosseur bosseuse pointure moteur leader"
    " meneur meneuse battant battante fonceur fonceuse atout exemple plaisir modele"
    " bon bonne excellent excellente tres peu bel belle beau vrai vraie autre seul seule"
    " profil candidat candidate personne entretien echange essai test peu"
)


def epithet(text: str, low: int, high: int) -> tuple[int, int] | None:
    """The span of an epithet said of the candidate at the opening of the French sentence
    text[low:high] (folded), or None."""
    if _UN.search(text, low, high) is None:
        return None  # most sentences: no noun phrase to read
    begin = _after_heading(text, low, high, _HEADING_OR_APPOSITION)
    found = _EPITHET[begin > low].match(text, begin, high)
    if found is None:
        return None
    noun = found.group(1)
    cues = _cues("fr")
    if (
        noun in _NOT_EPITHETS
        or noun in cues["people"]
        or noun in cues["title"]
        or noun in cues["work"]
        or _AGENT_SINGULAR["fr"].fullmatch(noun) is not None
    ):
        return None
    return found.span(1)
