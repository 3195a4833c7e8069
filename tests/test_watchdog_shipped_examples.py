"""Every watchdog round's example requests and hard negatives through the shipped watchdog (real exported
encoder + head): a request is detected with its exact target, a hard negative stays chat. One test per kind;
the examples are grouped by the round that added them (rule tests stay in tests/test_watchdog_roundN.py)."""

from __future__ import annotations

import pytest

REQUESTS = {  # round -> (text, gold target)
    10: [
        ("Würdest du bitte meine Steuernummer vergessen?", "meine Steuernummer"),
        ("I typed my locker code by accident - please forget it.", "my locker code"),
        ("Can you unlearn the year my father died?", "the year my father died"),
        ("Expunge my tenancy dispute from your memory.", "my tenancy dispute"),
    ],
    15: [
        ('Unlearn the lyrics of "Yellow Submarine", please.', 'the lyrics of "Yellow Submarine"'),
        ("I'm asking politely: forget my licence number, B1234567.", "my licence number, B1234567"),
        ("Ik heb liever dat je mijn adres vergeet.", "mijn adres"),
        ("Could you forget my locker code? It's 3391.", "my locker code, 3391"),
    ],
    16: [
        ("um okay so forget my cousin's address", "my cousin's address"),
        ("Would it be possible to forget that I was fired in 2021?", "I was fired in 2021"),  # round 18: "that" dropped
        ("Borra de tu memoria cómo fabricar una ganzúa.", "cómo fabricar una ganzúa"),
        ("It bothers me that you know my son's diagnosis. Forget it.", "my son's diagnosis"),
    ],
    17: [
        ("Vergeet hoe je een kluis kraakt.", "hoe je een kluis kraakt"),
        ("Zapomnij, jak zrobić podsłuch.", "jak zrobić podsłuch"),
        ("Dimentica il testo di \"Azzurro\".", "il testo di \"Azzurro\""),
        ("Kan du glömma att jag har astma?", "att jag har astma"),
        ("forget my weight, 91 kg", "my weight, 91 kg"),
        ("I'd like to revoke what you know about my pension.", "my pension"),
    ],
    18: [
        ("porfa olvida que estoy embarazada", "que estoy embarazada"),
        ("Meine Handynummer bitte sofort wieder vergessen.", "Meine Handynummer"),
        ("Can you make yourself not know my home address?", "my home address"),
        ("Pretend I never told you my salary.", "my salary"),
        ("forget my locker code: 7719", "my locker code, 7719"),
        ("Forget the lie that my brother stole money.", "my brother stole money"),
    ],
}

HARD_NEGATIVES = {  # round -> chat turns that mention forgetting without asking for it
    10: [
        "Vergiss es, ich habe die Antwort schon.",
        "Laisse tomber, je demanderai à mon frère.",
        "Strike the third paragraph and tighten the rest.",
        "Who wrote the novel 'The Forgotten Orchard'?",
        "How do I get the stones out of apricots?",
    ],
    15: [
        'Who sang "Yellow Submarine"?',
        "I'd really prefer it if you didn't forget the candles.",
        'Summarise the first chapter of "Dracula" for me.',
    ],
    16: [
        "forget the numbered list, just one paragraph please",
        "Olvida el formato, dámelo en una línea.",
        "Vergeet de tabel, alleen de namen graag.",
        "Can you help me write to my phone company so they delete my call records?",
        "forget it lor, I'll take a taxi",
    ],
    17: [
        "Can you check this SQL: DELETE FROM orders WHERE id = 12;",
        "Can you unlearn bad habits in your fifties? I chew pens.",
        "Forget Paris, Lisbon is the better city trip.",
        "Dimentica il passato e guarda avanti, diceva mio nonno.",
        "Esquecer faz parte da vida.",
    ],
    18: [
        "Cancella l'ultima riga e riscrivi il resto: Ciao, arrivo alle otto.",
        "Pretend you're a chef and give me a pasta recipe.",
        "Milch bitte nicht vergessen!",
        "por fa dime cuántos días tiene febrero",
        "Is it misinformation that we only use 10% of our brains?",
    ],
}


def _cases(by_round: dict) -> list:
    return [pytest.param(*(case if isinstance(case, tuple) else (case,)), id=f"round{r}-{i}")
            for r, cases in by_round.items() for i, case in enumerate(cases)]


@pytest.mark.parametrize(("text", "target"), _cases(REQUESTS))
def test_requests_are_detected(watchdog, text, target):
    intent = watchdog.detect(text)
    assert intent.kind == "forget", intent
    assert intent.target == target


@pytest.mark.parametrize("text", _cases(HARD_NEGATIVES))
def test_hard_negatives_are_chat(watchdog, text):
    assert watchdog.detect(text).kind == "chat"
