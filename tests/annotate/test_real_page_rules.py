"""Rules learnt from real pages (issue 15), each on an article written for the test.

The error classes come from the real development corpora (``benchmarks/devsets``); the texts
here are the team's own, so that the rule, not one page, is what passes.
"""

from __future__ import annotations

import defcoop

NO_VIETNAM = """Singapore and Japan deepen defence ties

TOKYO - Singapore's Minister for Defence Ng Eng Hen held talks with Japanese Defence Minister Minoru Kihara
in Tokyo on Monday. The two ministers discussed defence cooperation and military training.
"""

HISTORY = """Vietnam, Cuba mark ties

HANOI (VNA) - Deputy Minister of National Defence Nguyen Chi Vinh met the Cuban delegation on March 3, 2019.
The delegation paid tribute to late President Ho Chi Minh at his mausoleum.
It laid flowers at President Ho Chi Minh’s monument.
It then visited Ho Chi Minh City.
"""

TITLES = (  # (one sentence a line: a line break inside a sentence is a separate class of problem)
    "Vietnam, partners hold defence dialogues\n\n"
    "HANOI (VNA) - Deputy Minister of National Defence Nguyen Chi Vinh held talks with Deputy Assistant "
    "Secretary of Defense for South and Southeast Asia Vikram Singh on October 2, 2013.\n"
    "He also received Shri Rajesh Kumar Singh, who leads the Indian delegation.\n"
    "Director General for International Relations and Strategy at the French Ministry of the Armed Forces "
    "Alice Rufo co-chaired the dialogue.\n"
    "Defence Minister Ngo Xuan Lich held talks with his New Zealand counterpart Ron Mark.\n"
)


def _doc(write_corpus, text: str) -> dict:
    root = write_corpus({"a.txt": text})
    return defcoop.load(root, cache=False).docs.iloc[0].to_dict()


IMPLICIT_HOST = """Military region hosts Lao delegation

DA NANG (VNA) - The Commander of Military Region 5 received a delegation of the Lao People's Army led by
Lao Deputy Defence Minister Khamlieng Outhakaysone on May 4, 2023. The two sides discussed border cooperation
and military training.
"""


def test_an_article_vietnam_takes_no_part_in_has_no_partner(write_corpus):
    doc = _doc(write_corpus, NO_VIETNAM)
    assert doc["partners"] == [] and doc["on_topic"] is False


def test_a_vietnamese_outlet_leaving_its_own_side_implicit_keeps_its_partner(write_corpus):
    assert _doc(write_corpus, IMPLICIT_HOST)["partners"] == ["Laos"]


def test_figures_of_history_are_no_officials(write_corpus):
    doc = _doc(write_corpus, HISTORY)
    assert doc["actors"] == ["Nguyễn Chí Vịnh"]
    assert doc["partners"] == ["Cuba"]


def test_names_after_long_titles_honorifics_and_counterparts(write_corpus):
    doc = _doc(write_corpus, TITLES)
    names = set(doc["actors"])
    assert {"Vikram Singh", "Rajesh Kumar Singh", "Alice Rufo", "Ron Mark"} <= names
    assert not any(n.startswith(("Southeast", "Shri", "Armed", "Forces")) for n in names), names
