"""In-article boilerplate rules: each on lines the seed never had, and real text they must keep."""

from __future__ import annotations

import pytest

from broadsheet.extract.boilerplate import (
    addresses_reader,
    clean_paragraphs,
    drop_repeats,
    is_author_bio,
    is_call_to_action,
    is_contact_or_notice,
    is_date_stamp,
    is_page_chrome,
    is_pitch,
    is_teaser,
    is_ui_label,
    is_wire_credit,
    tag_lists,
    without_chrome,
)

STORY = (
    "The city council voted 7-2 on Tuesday to approve the new budget, which raises property "
    "taxes by 3 percent."
)


@pytest.mark.parametrize(
    "line",
    [
        "Get the latest updates right in your inbox. Subscribe to NJ.com’s newsletters.",
        "Sign up for our daily briefing",
        "Follow us on Twitter for breaking news",
        "Start your free trial today and get unlimited access to every story.",
    ],
)
def test_calls_to_action(line: str) -> None:
    assert is_call_to_action(line)


@pytest.mark.parametrize(
    "line",
    [
        STORY,
        "The spokesperson declined to comment on the subscription numbers.",
        '"Subscribe to my channel," the influencer told her followers, prosecutors said.',
        "Netflix said its subscriber base grew by 2.4 million in the quarter, beating forecasts.",
    ],
)
def test_reporting_is_not_a_call_to_action(line: str) -> None:
    assert not is_call_to_action(line)


def test_pitch_is_all_commands_to_the_reader() -> None:
    assert is_pitch("Discover your next adventure. Explore the world with us.")
    assert not is_pitch("Try listening to your body. Additionally, doctors advise eating slowly.")
    assert not is_pitch('"Get your vaccine," the health minister urged residents on Monday.')


def test_author_bio() -> None:
    assert is_author_bio(
        "Jane Doe is a staff writer covering climate and energy. She joined the paper in 2019."
    )
    assert not is_author_bio(
        "James has five triple-doubles in the Lakers’ last 10 games, a career best since 2012."
    )


def test_ui_labels() -> None:
    assert is_ui_label("Advertisement")
    assert is_ui_label("Share this article")
    assert not is_ui_label("Share prices fell")


def test_repeated_sentence_kept_once_but_repeated_fragments_stay() -> None:
    items = ["Breakfast", "1 cup oats", STORY, "Lunch", "1 cup oats", STORY]
    assert drop_repeats(items) == ["Breakfast", "1 cup oats", STORY, "Lunch", "1 cup oats"]


def test_teaser_contained_in_a_later_paragraph_is_dropped() -> None:
    teaser = "The brain behind the startup is said to be two young founders."
    later = teaser + " They saw a similar bar in Las Vegas and copied the idea."
    assert drop_repeats([teaser, STORY, later]) == [STORY, later]


def test_promo_paragraphs_inside_an_article_are_removed() -> None:
    paragraphs = [
        STORY,
        "Subscribe to the Morning Review newsletter",
        "Get the day’s top headlines delivered to your inbox every morning.",
        "The mayor said the increase was needed to hire 40 more police officers next year.",
        "The Courier",
    ]
    assert clean_paragraphs(paragraphs, outlet="The Courier") == (STORY, paragraphs[3])


def test_an_article_that_speaks_to_the_reader_keeps_its_advice() -> None:
    advice = [
        "If you have a mortgage, you should weigh paying it off early against investing the "
        "money, because your return depends on the interest rate you pay.",
        "Start by writing down your expenses for a month, then compare them with your income "
        "so you can see where your money goes.",
        "Keep saving and investing, but do not forget to enjoy your life while you get there.",
    ]
    assert addresses_reader(advice)
    assert clean_paragraphs(advice) == tuple(advice)


def test_contact_lines_and_reprint_notices_go_copyright_lines_stay() -> None:
    story = "The council voted on Tuesday to close the old bridge for repairs next spring."
    contact = "Write to Al Root at al.root@example.com"
    tip = ("Have a tip? Amy Lee may be reached at alee@example.com. Follow her on Twitter "
           "@AmyLee or on Facebook.")
    notice = ("This copy is for your personal, non-commercial use only. To order copies for "
              "distribution to your colleagues, visit www.example.com.")
    credit = "© 2019 Associated Press. All Rights Reserved."
    assert is_contact_or_notice(contact) and is_contact_or_notice(tip)
    assert is_contact_or_notice(notice)
    assert not is_contact_or_notice(credit)
    assert not is_contact_or_notice("The clinic can be reached by phone on weekdays.")
    assert not is_contact_or_notice('"Write to me at bob@example.com," he told the court.')
    assert clean_paragraphs([story, contact, credit, notice]) == (story, credit)


@pytest.mark.parametrize(("line", "teaser"), [
    ("Related: 7 Strange Signs You're Having an Allergic Reaction", True),
    ("Also read: How to Install OpenShift on Bare Metal", True),
    ("(Leggi anche su: I Cavalieri dello Zodiaco: ecco gli attori –FOTO)", True),
    ("RELATED — Workout of the Week: The Hill-Tempo Sandwich", True),
    ("Related to the budget, the mayor said: taxes will rise.", False),
    ("Related publications", False),
    ("Read more: " + STORY + " " + STORY, False),  # a paragraph of prose under a label
])
def test_a_teaser_is_a_labelled_link_to_another_story(line: str, teaser: bool) -> None:
    assert is_teaser(line) is teaser


@pytest.mark.parametrize(("line", "credit"), [
    ("(Reporting by Will Dunham; Editing by Tom Brown)", True),
    ("Additional reporting by Joseph Hudak", True),
    ("Associated Press writers Alan Fram and Zeke Miller contributed to this report.", True),
    ("editing by hand, and a fair bit of prompting that resulted in targeted code", False),
    ("Reporting by the council shows the budget rose.", False),
])
def test_a_wire_credit_names_who_reported_and_edited(line: str, credit: bool) -> None:
    assert is_wire_credit(line) is credit


def test_a_tag_list_goes_with_its_label_and_a_list_in_the_story_stays() -> None:
    lines = [STORY, "Tags", "stock car 2018, stock car brasil, interlagos", "Keywords",
             "The council, the mayor, and the police chief all agreed."]
    assert tag_lists(lines) == {1, 2}
    assert clean_paragraphs([*lines, "Related: The budget in pictures",
                             "(Reporting by Ann Lee; Editing by Bo Park)"]) == (
        STORY, "Keywords", "The council, the mayor, and the police chief all agreed.")


@pytest.mark.parametrize(("line", "stamp"), [
    ("Updated at 1:23 p.m.", True),
    ("Last updated on September 16th, 2023 at 09:27 am", True),
    ("Published on May 02, 2024 07:44 PM IST", True),
    ("Published June 23, 2025 10:39AM", True),
    ("Last Updated : 20 January 2025", True),
    ("Posted on", True),
    ("Posted in News Release", False),
    ("Updated at the end of May, the rules now cover every landlord.", False),
    ("Published by Penguin in 2019", False),
    ("Posted at the border, the soldiers waited for 12 hours.", False),
])
def test_a_date_stamp_is_a_label_and_a_date_or_time(line: str, stamp: bool) -> None:
    assert is_date_stamp(line) is stamp


def test_the_date_stamp_goes_and_the_story_stays() -> None:
    assert clean_paragraphs(["Updated at 1:23 p.m.", STORY]) == (STORY,)


@pytest.mark.parametrize(("line", "chrome"), [
    ("Add to cart", True), ("- Loading...", True), ("OUT OF STOCK", True), ("Sort by|", True),
    ("Was this helpful?", True), ("Join Date: Aug 2008", True), ("Posts: 1,077", True),
    ("Sign in", True), ("Reaction score 10", True),
    ("messages.", False),  # a count needs a number
    ("Posts about cooking on a budget", False),
    ("Sign in to your account to see every order you placed last week.", False),
    ("Reviews of the new espresso machine", False), ("In stock at the Leeds store", False),
])
def test_a_shop_forum_or_docs_control_is_page_chrome(line: str, chrome: bool) -> None:
    assert is_page_chrome(line) is chrome


def test_without_chrome_keeps_the_content_and_everything_when_nothing_else_is_left() -> None:
    spec = ["Stainless steel body, 1.7 litres", "Add to cart", "In stock", "Weight: 1.2 kg"]
    assert without_chrome(spec) == ("Stainless steel body, 1.7 litres", "Weight: 1.2 kg")
    assert without_chrome(["Sign in", "Register"]) == ("Sign in", "Register")
