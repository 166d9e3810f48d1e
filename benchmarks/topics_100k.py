"""Scale check for defcoop.analysis.topics: vectorise + NMF + k-means on 100,000 articles.

Not part of the test suite.  Run from the repository root::

    .venv/bin/python benchmarks/topics_100k.py               # synthetic corpus, built in memory
    .venv/bin/python benchmarks/topics_100k.py --n 20000     # smaller synthetic corpus
    .venv/bin/python benchmarks/topics_100k.py --corpus DIR  # a real folder, through defcoop.load

The synthetic corpus is a DataFrame of plausible defence-news articles built from templates:
each article picks a partner country, two to four subjects (training, arms, medicine, the sea,
peacekeeping, history, trade, ...) and writes four to eight paragraphs mixing subject
sentences with the courtesy, names and titles every such item carries; about 5 % of the
articles are syndicated copies (``duplicate_of`` set), which the pipeline must count once.
Prints the wall time of each step and the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time

import numpy as np
import pandas as pd

import defcoop
from defcoop.analysis import topics
from defcoop.corpus import Corpus

SUBJECTS = {
    "training": [
        "{n} cadets will study at the {place} academy under the new training programme.",
        "The two academies agreed to exchange instructors and open language courses for officers.",
        "Scholarships for {n} military students and joint training in staff command were discussed.",
        "Officer education, cadet exchanges and instructor courses remain a pillar of the programme.",
    ],
    "arms": [
        "The contract covers {n} air defence systems, spare parts and the maintenance of radar stations.",
        "Technology transfer for the production of armoured vehicles and ammunition was on the agenda.",
        "Both sides reviewed the delivery schedule of patrol vessels, missiles and technical equipment.",
        "Joint production of drones and the upgrade of fighter aircraft were highlighted.",
    ],
    "medicine": [
        "Military doctors shared experience in trauma surgery and field hospital logistics.",
        "The hospital received {n} ventilators, test kits and vaccine doses for soldiers.",
        "Cooperation in tropical medicine, vaccine research and medical training was praised.",
        "Surgeons from the central military hospital will train colleagues in emergency care.",
    ],
    "maritime": [
        "The ministers discussed freedom of navigation, maritime security and the code of conduct at sea.",
        "Naval ships will make port calls and hold search and rescue drills in the {place} waters.",
        "Coast guard patrols, fisheries protection and the law of the sea were discussed.",
        "They called for peaceful settlement of disputes in accordance with UNCLOS.",
    ],
    "peacekeeping": [
        "The level-two field hospital and engineering unit will deploy to the UN peacekeeping mission.",
        "{n} officers have completed peacekeeping training for missions in South Sudan and Abyei.",
        "Peacekeeping cooperation, mine clearance and the training of blue helmets were reviewed.",
    ],
    "history": [
        "He recalled the wartime assistance and the veterans who fought for national liberation.",
        "The delegation laid wreaths at the memorial to the soldiers of the resistance war.",
        "The anniversary of victory was marked with a parade, veterans and historical exhibitions.",
    ],
    "trade": [
        "The free trade agreement opened new prospects for investment, exports and joint ventures.",
        "Two-way trade reached {n} million USD, with machinery, fertiliser and food leading.",
        "Businesses were encouraged to invest in logistics, energy and manufacturing projects.",
    ],
    "security": [
        "They agreed to step up intelligence sharing against terrorism, cyber crime and trafficking.",
        "Border guards will hold joint patrols against drug smuggling and illegal migration.",
        "Cyber security, counter-terrorism and transnational crime were priorities for the coming year.",
    ],
    "covid": [
        "The two armies shared experience in the fight against the COVID-19 pandemic and quarantine.",
        "Masks, protective suits and test kits were presented to help prevent the pandemic.",
    ],
    "multilateral": [
        "The ministers exchanged views on ASEAN defence cooperation and the ADMM-Plus framework.",
        "They pledged mutual support at regional forums, the United Nations and the Shangri-La Dialogue.",
    ],
}
COURTESY = [
    "{who} welcomed {guest}, saying the visit would give fresh impetus to bilateral ties.",
    "{guest} thanked the host for the warm reception and affirmed that {partner} values the friendship.",
    "The two sides signed a memorandum of understanding and agreed on a cooperation plan for {year}.",
    "{who} proposed that the two ministries continue delegation exchanges at all levels.",
    "On this occasion, {guest} invited {who} to pay an official visit to {partner} at a convenient time.",
]
PARTNERS = [
    ("Belarus", "the Belarusian", ["Viktor Khrenin", "Andrei Ravkov"]),
    ("Russia", "the Russian", ["Sergei Shoigu", "Alexander Fomin"]),
    ("India", "the Indian", ["Rajnath Singh"]),
    ("Japan", "the Japanese", ["Minoru Kihara"]),
    ("Australia", "the Australian", ["Richard Marles"]),
    ("France", "the French", ["Sebastien Lecornu"]),
    ("Laos", "the Lao", ["Chansamone Chanyalath"]),
    ("Cambodia", "the Cambodian", ["Tea Banh"]),
    ("United States", "the American", ["Lloyd Austin"]),
    ("Indonesia", "the Indonesian", ["Prabowo Subianto"]),
]
HOSTS = [
    "Minister Phan Van Giang",
    "Deputy Minister Hoang Xuan Chien",
    "President Luong Cuong",
    "General Nguyen Tan Cuong",
]
OUTLETS = ["VNA", "VOV", "Vietnam News", "VietNamNet", "QDND"]
PLACES = ["Hai Phong", "Cam Ranh", "Da Nang", "Khanh Hoa", "Quang Ninh", "Nha Trang", "Can Tho", "Vinh"]


def synthetic_corpus(n: int, *, seed: int = 0) -> Corpus:
    """``n`` articles built from the templates above, as a Corpus without sentence table."""
    rng = np.random.default_rng(seed)
    subjects = list(SUBJECTS)
    docs = []
    for i in range(n):
        partner, demonym, names = PARTNERS[rng.integers(len(PARTNERS))]
        guest = f"{demonym} Defence Minister {names[rng.integers(len(names))]}"
        who = HOSTS[rng.integers(len(HOSTS))]
        year = int(rng.integers(2015, 2026))
        chosen = rng.choice(subjects, size=int(rng.integers(2, 5)), replace=False, p=None)
        fill = {"who": who, "guest": guest, "partner": partner, "year": year}
        paras = [COURTESY[0].format(**fill)]
        for _ in range(int(rng.integers(3, 8))):
            subject = chosen[rng.integers(len(chosen))]
            sents = SUBJECTS[subject]
            picks = rng.choice(len(sents), size=min(2, len(sents)), replace=False)
            text = " ".join(
                sents[j].format(n=int(rng.integers(2, 500)), place=PLACES[rng.integers(len(PLACES))]) for j in picks
            )
            if rng.random() < 0.5:
                text += " " + COURTESY[rng.integers(1, len(COURTESY))].format(**fill)
            paras.append(text)
        body = "\n\n".join(paras)
        docs.append(
            {
                "doc_id": f"syn{i:06d}",
                "outlet": OUTLETS[rng.integers(len(OUTLETS))],
                "date": f"{year}-{int(rng.integers(1, 13)):02d}-{int(rng.integers(1, 29)):02d}",
                "language": "en",
                "partners": [partner],
                "themes": [],
                "duplicate_of": "",
                "body": body,
                "text": body,
            }
        )
    df = pd.DataFrame(docs)
    copies = rng.choice(n, size=n // 20, replace=False)  # 5 % syndicated copies of an earlier story
    df.loc[copies, "duplicate_of"] = [f"syn{max(0, c - 1):06d}" for c in copies]
    empty = pd.DataFrame(columns=["doc_id", "sent_no", "para_no", "section", "start", "end", "sentence"])
    mentions = pd.DataFrame(columns=["doc_id", "kind", "id", "sent_no", "start", "end"])
    return Corpus("synthetic", df, empty, pd.DataFrame(), mentions, pd.DataFrame(columns=["path", "reason"]))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="synthetic articles (default 100000)")
    parser.add_argument("--corpus", help="a folder of articles instead of the synthetic corpus")
    parser.add_argument("--k-range", type=int, nargs=2, default=(2, 8))
    args = parser.parse_args(argv)

    steps: list[tuple[str, float]] = []
    t0 = time.perf_counter()
    corpus = defcoop.load(args.corpus) if args.corpus else synthetic_corpus(args.n)
    steps.append(("build/load corpus", time.perf_counter() - t0))
    rss_corpus = peak_rss_mb()

    t = time.perf_counter()
    unit, why = topics.choose_unit(corpus)
    u = topics.units(corpus, unit=unit)
    steps.append((f"units ({len(u)} {unit}s)", time.perf_counter() - t))
    t = time.perf_counter()
    v = topics.vectorise(u)
    steps.append((f"vectorise -> {v}", time.perf_counter() - t))
    t = time.perf_counter()
    scores = topics.select_k(v, k_range=tuple(args.k_range))
    k, k_why = topics.choose_k(scores)
    steps.append((f"select_k over {args.k_range[0]}..{args.k_range[1]}, both models", time.perf_counter() - t))
    t = time.perf_counter()
    nmf = topics.fit_topics(v, k=k, model="nmf")
    steps.append((f"final NMF: {nmf}", time.perf_counter() - t))
    t = time.perf_counter()
    km = topics.fit_topics(v, k=k, model="kmeans")
    steps.append((f"final k-means: {km}", time.perf_counter() - t))
    t = time.perf_counter()
    topics.topic_summary(nmf, u)
    topics.unit_map(v, nmf)
    topics.topic_crosstab(nmf, u, by="year")
    steps.append(("summary, map, crosstab", time.perf_counter() - t))
    total = time.perf_counter() - t0

    print(f"corpus: {corpus!r}")
    print(why)
    print(k_why)
    for name, secs in steps:
        print(f"{secs:8.1f} s  {name}")
    print(f"{total:8.1f} s  total")
    print(f"peak RSS: {peak_rss_mb():.0f} MB (after building the corpus: {rss_corpus:.0f} MB)")
    print(topics.topic_summary(nmf, u)[["topic", "label", "passages"]].to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
