"""Every candidate-facing string of the portal and its emails, in English and French.

The portal keeps its own small catalogue instead of the shared django.po so its French is
complete on its own (tests/portal/test_texts.py checks both languages have the same keys and
placeholders). Strings with {placeholders} are formatted in Python, then escaped by the
template that shows them.
"""

from __future__ import annotations

LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = "en"

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "lang_name": "English",
        "site_title": "Your application",
        "language": "Language",
        "private_footer": "This page is private to you: please do not share its address.",
        # The page that answers every link that does not work, whatever the reason.
        "not_found_title": "This link does not work",
        "not_found_body": (
            "It may have expired or been replaced by a newer one. Enter the email address you "
            "applied with and we will send you a new link."
        ),
        "reissue_title": "Get a link to your application",
        "reissue_intro": (
            "Enter the email address you applied with. We will email you a private link to "
            "each of your applications. No account or password is needed."
        ),
        "email_label": "Email address",
        "reissue_button": "Email me my link",
        "reissue_sent": (
            "If we know this address, we have sent a link to it. It can take a few minutes to "
            "arrive; please check your spam folder too."
        ),
        "reissue_invalid": "Please enter a valid email address.",
        "too_many_title": "Too many requests",
        "too_many_body": "Please wait a minute, then try again.",
        # The application page.
        "status_heading": "Where you stand",
        "status_active": "In progress",
        "status_rejected": "Not selected",
        "status_hired": "Hired",
        "status_withdrawn": "Withdrawn",
        "next_step": "Next step",
        "next_under_review": "The team is reviewing your application.",
        "next_interview_scheduled": "Your next interview is planned.",
        "next_decision_pending": "Your interviews are done; the team is making its decision.",
        "next_advanced": (
            "You are moving on to the next stage; the team will contact you to plan it."
        ),
        "next_feedback_coming": (
            "The team has made its decision; your personal feedback is being prepared."
        ),
        "next_feedback_sent": "The process is complete. Your feedback is below.",
        "next_hired": "Congratulations! The team will contact you about what comes next.",
        "next_withdrawn": "You withdrew from this process. Nothing else is expected from you.",
        "expected_by": "Expected by",
        "timeline_heading": "Timeline",
        "event_applied": "You applied",
        "event_interview_done": "Interview",
        "event_interview_planned": "Planned interview",
        "event_with": "with",
        "event_decision": "Decision made",
        "event_feedback_sent": "Feedback sent to you",
        "stages_heading": "Stages",
        "stage_reached": "reached",
        "stage_current": "you are here",
        "feedback_heading": "Your feedback",
        "feedback_none": "Your personal feedback will appear here once it has been sent to you.",
        "rating_heading": "Was this feedback useful?",
        "scale_hint": "1 = not at all, 5 = very much",
        "comment_label": "Comment (optional)",
        "rating_button": "Send my rating",
        "rating_thanks": "Thank you: you rated this feedback",
        "contact_heading": "Your contact",
        "contact_recruiter": "Recruiter",
        "contact_none": "Ask your question below: the recruitment team will answer it.",
        "interviewers": "Interviewers",
        "questions_heading": "Questions",
        "questions_intro": (
            "Ask the recruitment team a question. You will get the answer by email and here."
        ),
        "question_label": "Your question",
        "question_button": "Send my question",
        "question_you_asked": "You asked",
        "question_answer": "Answer",
        "question_waiting": "Waiting for an answer",
        "question_empty": "Please write your question.",
        "question_too_long": "Your question is too long: at most {max} characters, please.",
        "question_too_many": (
            "You already have {max} questions waiting for an answer. Please wait for the team "
            "to reply."
        ),
        "consent_heading": "Your choices",
        "consent_explain": (
            "Each choice lasts {months} months, and you can withdraw it at any time."
        ),
        "consent_other_roles": "Be considered for other roles at this organization",
        "consent_partners": "Be suggested to partner organizations",
        "consent_hint_partners": (
            "They see the kind of role you applied for and the skills our interviewers rated "
            "well, never your name or contact details unless you accept one of their invitations."
        ),
        "consent_yes_since": "Yes, since",
        "consent_until": "until",
        "consent_no": "No",
        "consent_grant": "Yes, I agree",
        "consent_withdraw": "Withdraw my agreement",
        "survey_heading": "How was your experience?",
        "survey_knew_where_they_stood": "Did you know where you stood?",
        "survey_respectful_of_time": "Was the process respectful of your time?",
        "survey_would_apply_again": "Would you apply again?",
        "survey_button": "Send my answers",
        "survey_thanks": "Thank you for your answers. You can change them at any time.",
        "score_invalid": "Please choose a score from 1 to 5.",
        "invalid_request": "Something was wrong with that request. Please try again.",
        "comment_too_long": "Your comment is too long: at most {max} characters, please.",
        "rating_no_feedback": "You can rate your feedback once it has been sent to you.",
        "data_heading": "Your data",
        "data_intro": (
            "Download everything we keep about you for this organization, or ask us to erase it."
        ),
        "data_download": "Download my data (JSON)",
        "erasure_explain": (
            "Erasing removes your name, contact details, feedback and messages. Anonymous "
            "statistics stay. It cannot be undone, and this link will stop working."
        ),
        "erasure_button": "Ask to erase my data",
        "erasure_requested": (
            "You asked us to erase your data. The recruitment team will confirm it shortly."
        ),
        "link_heading": "This link",
        "link_expires": "This link works until",
        "link_replace_explain": (
            "Shared it by mistake? Replace it: this one stops working and we email you a new one."
        ),
        "link_replace_button": "Replace my link",
        "feed_heading": "Follow this application elsewhere",
        "feed_intro": (
            "A private, read-only feed of your status, next step and interviews: paste it into "
            "a job-search tracker or subscribe to it in your calendar. It stops working when "
            "this link is replaced."
        ),
        "feed_json": "Status feed (JSON)",
        "feed_ics": "Calendar (iCalendar)",
        "done_question": "Your question has been sent. We will email you the answer.",
        "done_rating": "Thank you for rating your feedback.",
        "done_survey": "Thank you for your answers.",
        "done_consent": "Your choice has been saved.",
        "done_profile": "Your profile for partner organizations has been saved.",
        "done_role_accepted": "Thank you: you are now a candidate for this role.",
        "done_role_declined": "Your answer has been saved.",
        "done_role_closed": "This invitation can no longer be answered.",
        "done_partner_accepted": "Your contact details have been shared with this organization.",
        "done_partner_declined": "Your answer has been saved; nothing was shared.",
        "done_erasure": "Your request has been sent. We will confirm it by erasing your data.",
        # Emails.
        "email_greeting": "Hello {name},",
        "email_signoff": "The recruitment team at {org}",
        "email_link_subject": "Your private link to your application at {org}",
        "email_link_body": (
            "Here is your private link to your application for {job}: see where you stand, "
            "read your feedback and ask a question."
        ),
        "email_link_keep": (
            "This link is yours alone and works until {date}. If you did not ask for it, you "
            "can ignore this email."
        ),
        "email_answer_subject": "Answer to your question about {job}",
        "email_answer_intro": "{recruiter} answered your question:",
        "email_you_asked": "You asked:",
        "email_portal": "Follow your application or ask another question here:",
    },
    "fr": {
        "lang_name": "Français",
        "site_title": "Votre candidature",
        "language": "Langue",
        "private_footer": "Cette page vous est réservée : merci de ne pas partager son adresse.",
        "not_found_title": "Ce lien ne fonctionne pas",
        "not_found_body": (
            "Il a peut-être expiré ou été remplacé par un lien plus récent. Saisissez l'adresse "
            "e-mail avec laquelle vous avez postulé et nous vous enverrons un nouveau lien."
        ),
        "reissue_title": "Recevoir le lien vers votre candidature",
        "reissue_intro": (
            "Saisissez l'adresse e-mail avec laquelle vous avez postulé. Nous vous enverrons un "
            "lien personnel vers chacune de vos candidatures. Aucun compte ni mot de passe "
            "n'est nécessaire."
        ),
        "email_label": "Adresse e-mail",
        "reissue_button": "M'envoyer mon lien",
        "reissue_sent": (
            "Si nous connaissons cette adresse, nous venons d'y envoyer un lien. Il peut mettre "
            "quelques minutes à arriver ; pensez à vérifier vos courriers indésirables."
        ),
        "reissue_invalid": "Merci de saisir une adresse e-mail valide.",
        "too_many_title": "Trop de requêtes",
        "too_many_body": "Merci de patienter une minute avant de réessayer.",
        "status_heading": "Où en est votre candidature",
        "status_active": "En cours",
        "status_rejected": "Non retenue",
        "status_hired": "Retenue",
        "status_withdrawn": "Retirée",
        "next_step": "Prochaine étape",
        "next_under_review": "L'équipe étudie votre candidature.",
        "next_interview_scheduled": "Votre prochain entretien est planifié.",
        "next_decision_pending": (
            "Vos entretiens sont terminés ; l'équipe est en train de prendre sa décision."
        ),
        "next_advanced": (
            "Vous passez à l'étape suivante ; l'équipe vous contactera pour l'organiser."
        ),
        "next_feedback_coming": (
            "L'équipe a pris sa décision ; votre retour personnalisé est en préparation."
        ),
        "next_feedback_sent": "Le processus est terminé. Votre retour se trouve ci-dessous.",
        "next_hired": "Félicitations ! L'équipe vous contactera pour la suite.",
        "next_withdrawn": (
            "Vous vous êtes retiré·e de ce processus. Rien d'autre n'est attendu de vous."
        ),
        "expected_by": "Prévu au plus tard le",
        "timeline_heading": "Historique",
        "event_applied": "Vous avez postulé",
        "event_interview_done": "Entretien",
        "event_interview_planned": "Entretien prévu",
        "event_with": "avec",
        "event_decision": "Décision prise",
        "event_feedback_sent": "Retour envoyé",
        "stages_heading": "Étapes",
        "stage_reached": "franchie",
        "stage_current": "vous êtes ici",
        "feedback_heading": "Votre retour personnalisé",
        "feedback_none": "Votre retour personnalisé apparaîtra ici dès qu'il vous aura été envoyé.",
        "rating_heading": "Ce retour vous a-t-il été utile ?",
        "scale_hint": "1 = pas du tout, 5 = tout à fait",
        "comment_label": "Commentaire (facultatif)",
        "rating_button": "Envoyer ma note",
        "rating_thanks": "Merci : vous avez noté ce retour",
        "contact_heading": "Votre contact",
        "contact_recruiter": "Chargé·e de recrutement",
        "contact_none": "Posez votre question ci-dessous : l'équipe recrutement vous répondra.",
        "interviewers": "Personnes rencontrées",
        "questions_heading": "Questions",
        "questions_intro": (
            "Posez une question à l'équipe recrutement. Vous recevrez la réponse par e-mail et ici."
        ),
        "question_label": "Votre question",
        "question_button": "Envoyer ma question",
        "question_you_asked": "Vous avez demandé",
        "question_answer": "Réponse",
        "question_waiting": "En attente de réponse",
        "question_empty": "Merci d'écrire votre question.",
        "question_too_long": "Votre question est trop longue : {max} caractères au maximum.",
        "question_too_many": (
            "Vous avez déjà {max} questions en attente de réponse. Merci d'attendre la réponse "
            "de l'équipe."
        ),
        "consent_heading": "Vos choix",
        "consent_explain": (
            "Chaque choix vaut pour {months} mois, et vous pouvez le retirer à tout moment."
        ),
        "consent_other_roles": "Être considéré·e pour d'autres postes dans cette entreprise",
        "consent_partners": "Être proposé·e à des entreprises partenaires",
        "consent_hint_partners": (
            "Elles voient le type de poste auquel vous avez postulé et les compétences que nos "
            "interlocuteurs ont bien évaluées, jamais votre nom ni vos coordonnées, sauf si vous "
            "acceptez l'une de leurs invitations."
        ),
        "consent_yes_since": "Oui, depuis le",
        "consent_until": "jusqu'au",
        "consent_no": "Non",
        "consent_grant": "Oui, j'accepte",
        "consent_withdraw": "Retirer mon accord",
        "survey_heading": "Comment s'est passée votre expérience ?",
        "survey_knew_where_they_stood": "Saviez-vous où en était votre candidature ?",
        "survey_respectful_of_time": "Le processus a-t-il respecté votre temps ?",
        "survey_would_apply_again": "Postuleriez-vous à nouveau ?",
        "survey_button": "Envoyer mes réponses",
        "survey_thanks": "Merci pour vos réponses. Vous pouvez les modifier à tout moment.",
        "score_invalid": "Merci de choisir une note de 1 à 5.",
        "invalid_request": "Cette demande n'a pas pu être traitée. Merci de réessayer.",
        "comment_too_long": "Votre commentaire est trop long : {max} caractères au maximum.",
        "rating_no_feedback": (
            "Vous pourrez noter votre retour une fois qu'il vous aura été envoyé."
        ),
        "data_heading": "Vos données",
        "data_intro": (
            "Téléchargez tout ce que nous conservons sur vous pour cette entreprise, ou "
            "demandez-nous de l'effacer."
        ),
        "data_download": "Télécharger mes données (JSON)",
        "erasure_explain": (
            "L'effacement supprime votre nom, vos coordonnées, votre retour et vos messages. "
            "Les statistiques anonymes restent. C'est définitif, et ce lien cessera de "
            "fonctionner."
        ),
        "erasure_button": "Demander l'effacement de mes données",
        "erasure_requested": (
            "Vous avez demandé l'effacement de vos données. L'équipe recrutement va le "
            "confirmer sous peu."
        ),
        "link_heading": "Ce lien",
        "link_expires": "Ce lien fonctionne jusqu'au",
        "link_replace_explain": (
            "Partagé par erreur ? Remplacez-le : celui-ci cessera de fonctionner et nous vous "
            "enverrons un nouveau lien par e-mail."
        ),
        "link_replace_button": "Remplacer mon lien",
        "feed_heading": "Suivre cette candidature ailleurs",
        "feed_intro": (
            "Un flux privé, en lecture seule, de votre statut, de la prochaine étape et de vos "
            "entretiens : collez-le dans votre outil de suivi de candidatures ou abonnez-vous-y "
            "dans votre agenda. Il cesse de fonctionner si ce lien est remplacé."
        ),
        "feed_json": "Flux de statut (JSON)",
        "feed_ics": "Agenda (iCalendar)",
        "done_question": "Votre question a été envoyée. Nous vous enverrons la réponse par e-mail.",
        "done_rating": "Merci d'avoir noté votre retour.",
        "done_survey": "Merci pour vos réponses.",
        "done_consent": "Votre choix a été enregistré.",
        "done_profile": "Votre profil pour les entreprises partenaires a été enregistré.",
        "done_role_accepted": "Merci : votre candidature à ce poste est enregistrée.",
        "done_role_declined": "Votre réponse a été enregistrée.",
        "done_role_closed": "Il n'est plus possible de répondre à cette invitation.",
        "done_partner_accepted": "Vos coordonnées ont été transmises à cette entreprise.",
        "done_partner_declined": "Votre réponse a été enregistrée ; rien n'a été transmis.",
        "done_erasure": (
            "Votre demande a été envoyée. Nous la confirmerons en effaçant vos données."
        ),
        "email_greeting": "Bonjour {name},",
        "email_signoff": "L'équipe recrutement de {org}",
        "email_link_subject": "Votre lien personnel vers votre candidature chez {org}",
        "email_link_body": (
            "Voici votre lien personnel vers votre candidature au poste {job} : voyez où vous en "
            "êtes, lisez votre retour et posez une question."
        ),
        "email_link_keep": (
            "Ce lien n'appartient qu'à vous et fonctionne jusqu'au {date}. Si vous ne l'avez pas "
            "demandé, vous pouvez ignorer cet e-mail."
        ),
        "email_answer_subject": "Réponse à votre question sur le poste {job}",
        "email_answer_intro": "{recruiter} a répondu à votre question :",
        "email_you_asked": "Vous avez demandé :",
        "email_portal": "Suivez votre candidature ou posez une autre question ici :",
    },
}


def texts_for(language: str) -> dict[str, str]:
    """The catalogue of a language, English when the language is not one we write."""
    return TEXTS.get(language, TEXTS[DEFAULT_LANGUAGE])


def language_or_default(language: str | None) -> str:
    """`language` when the portal speaks it, else English."""
    return language if language in LANGUAGES else DEFAULT_LANGUAGE
