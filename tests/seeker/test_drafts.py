from __future__ import annotations

from heardback.seeker.drafts import Contact, Draft, contacts


def test_contacts_read_names_emails_and_phones_in_any_order() -> None:
    text = (
        "Anne-Sophie Kowalczyk-Martin, anne@acme.example\n"
        "Bo Chen <bo@acme.example> +33 6 12 34 56 78\n"
        "\n"
        "+1 (415) 555-0100 - Dee O'Neil\n"
        "zed@acme.example"
    )
    assert contacts(text) == [
        Contact("Anne-Sophie Kowalczyk-Martin", "anne@acme.example"),
        Contact("Bo Chen", "bo@acme.example", "+33 6 12 34 56 78"),
        Contact("Dee O'Neil", "", "+1 (415) 555-0100"),
        Contact("", "zed@acme.example"),
    ]


def test_a_mailto_link_encodes_the_subject_and_body() -> None:
    draft = Draft(("a@x.example", "b@x.example"), "Thank you & more", "Line 1\nLine 2 ?")
    assert draft.mailto == (
        "mailto:a@x.example,b@x.example?subject=Thank%20you%20%26%20more"
        "&body=Line%201%0ALine%202%20%3F"
    )
