"""The default corpus is raw data: byte-identical to the shipped articles, never edited."""

import hashlib

from defcoop.paths import SEEDS_DIR

EXPECTED = {
    "000_792274446db92004.txt": "caca0423485405a37d3a7bbb1d6f44e9078d5a55803c8bd564924a7487e74ffd",
    "001_8730907d0d9a0f8e.txt": "1bf2fe6e7f25a513c847ea95f98cef6645a5db8729e7c184e19286a34eacf9fe",
    "002_4f2acdd73294d25d.txt": "9f3d2467369b864c942ff3f2fa3080b332a80e95849aae13f7741372731423a9",
    "003_a96526d9f035a37c.txt": "a4c46669278aedb778637a1e2b3dc723f1f27c991921b49a30136807a78744d3",
    "004_d34a69dbff5fb9f4.txt": "5e7913924e02483eb9339cf1f268e6ba0359ede6edcd602b89a1da89503e1062",
}


def test_seed_files_are_exactly_the_shipped_articles():
    found = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in SEEDS_DIR.iterdir()}
    assert found == EXPECTED


def test_loading_does_not_write_to_the_corpus(seeds):
    # the session fixture has loaded the seeds by now; nothing may have been added or changed
    assert sorted(p.name for p in SEEDS_DIR.iterdir()) == sorted(EXPECTED)
    assert len(seeds.docs) == 5
