"""Round 19 of the watchdog: the error categories of fresh18 (never its sentences).

Rule tests run without the model; the last tests run the shipped watchdog (real exported encoder + head).
"""

from __future__ import annotations

import pytest

from repair.watchdog.detector import WINDOW, _contained, _request_sentences
from repair.watchdog.extract import extract_target
from repair.watchdog.features import plain_request, request_form, vetoed


@pytest.mark.parametrize("text", [
    "Please to delete my home address from your memory.",
    "kindly to forget my wife's maiden name",
    "I am request you to erase my account number.",
    "necesito q borres mi dirección",
    "quiero k olvides el nombre de mi novia",
    "preciso q vc esqueça o meu endereço",
    "jveux que tu oublies mon adresse",
    "voice note sorry for the typos forget my gate code its 4419",
    "long story short forget where my dad works",
    "Por cierto, olvida mi segundo apellido.",
    "can u just not know my bank details from now on",
    "Tu peux arrêter de connaître mon numéro ?",
    "¿Puedes dejar de saber dónde vivo?",
    "unlearn: that my cousin was arrested",
    "Olvida: el nombre de mi médico.",
])
def test_round19_request_forms(text):
    assert request_form(text)
    assert not vetoed(text)


@pytest.mark.parametrize("text", [
    "forget it i worked it out myself",
    "nvm forget it i figured it out",
    "vergiss es ich hab es selbst gelöst",
    "oublie ça j'ai réglé le problème tout seul",
    "lascia perdere, ho risolto da solo",
    "Write a letter to my phone company asking them to delete my data.",
    "Schrijf een e-mail aan de gemeente om mijn gegevens te laten verwijderen.",
    "Redacta un correo a la tienda para que borren mi cuenta.",
])
def test_round19_chat_turns_are_vetoed(text):
    assert vetoed(text)


@pytest.mark.parametrize("text", [
    "Forget that I found a lump last week.",  # "found" with a claim after "forget that" is no brush-off
    "Forget that I got fired in March.",
])
def test_round19_brush_off_veto_leaves_claims_alone(text):
    assert not vetoed(text)


@pytest.mark.parametrize(("text", "plain"), [
    ("Can you stop knowing how to build a pipe bomb? My son borrows my tablet.", True),
    ("could you like not know my home address anymore? its 9 Mill Road", True),
    ("Unlearn the text of Brave New World.", True),
    ("Delete the text of Section 4.", False),  # an edit
    ("Can you stop knowing everything for a minute and just listen?", False),
    ("Could you not know the answer and just guess?", False),
])
def test_round19_plain_requests(text, plain):
    assert plain_request(text) is plain


@pytest.mark.parametrize(("text", "target"), [
    # a value stated first, then "forget it" (the fresh18 writer's "<descriptor>, <value>")
    ("My phone number is 0612 554 221. Please forget it.", "My phone number, 0612 554 221"),
    ("Mijn wachtwoord is Tulp2021. Vergeet het.", "Mijn wachtwoord, Tulp2021"),
    ("Mi correo es ana.ruiz@gmail.com. Olvídalo.", "Mi correo, ana.ruiz@gmail.com"),
    ("Il mio codice è 4471, dimenticalo subito", "Il mio codice, 4471"),
    # announced without a comma, or with "es ist / é / Det er / sie ist"
    ("forget my netflix password its Banana55 my flatmate uses this", "my netflix password, Banana55"),
    ("forget my locker number which is 88 thanks", "my locker number, 88"),
    ("borra mi pin que es 7723 porfa", "mi pin, 7723"),
    ("vergiss meine PIN, sie ist 4410", "meine PIN, 4410"),
    ("Forget my website, it's www.example.com thanks", "my website, www.example.com"),
    # a statement after the verb or after "I told you" keeps its verb (the older writers' convention)
    ("please forget my wife's name is Sunita", "my wife's name is Sunita"),
    ("Unlearn this detail: my password is Lemon42.", "my password is Lemon42"),
    # trailing clauses cut
    ("please delete my home address, the one I typed yesterday.", "my home address"),
    ("Unlearn that my uncle was in prison in case someone asks you.", "my uncle was in prison"),
    ("Remove my diagnosis, my husband reads these chats.", "my diagnosis"),
    ("forget my PIN, 4471, I gave it by mistake", "my PIN, 4471"),
    # a colon list keeps all its items; a false claim in another language drops its noun
    ("forget my sisters names: Ana, Bea and Cris", "my sisters names, Ana, Bea and Cris"),
    ("Oublie l'affirmation fausse selon laquelle le café donne le cancer.", "le café donne le cancer"),
    ("Forget the claim that bats are blind.", "the claim that bats are blind"),  # English keeps "the claim"
    ("Dimentica tutto quello che sai sul mio lavoro.", "mio lavoro"),
    # a claim written before "forget that" in other languages
    ("Ich habe dir erzählt, dass meine Frau arbeitslos ist. Vergiss das bitte.", "meine Frau arbeitslos ist"),
    ("Escribí que mi hijo tiene autismo. Olvídalo.", "mi hijo tiene autismo"),
    ("Eu disse que o meu chefe bebe. Esquece isso.", "o meu chefe bebe"),
    # values away from their descriptor
    ("Forget my doctor. I go to Dr. Amir Patel at Elm Clinic.", "my doctor, Dr. Amir Patel at Elm Clinic"),
    ("Olvida mi teléfono, por favor: 644 120 330.", "mi teléfono, 644 120 330"),
])
def test_round19_extraction_from_the_text(text, target):
    got = extract_target(text)
    assert got == target
    assert _contained(got, [text])


def _turns(*said):
    out = []
    for s in said:
        out += [{"role": "user", "content": s}, {"role": "assistant", "content": "Okay."}]
    return out


@pytest.mark.parametrize(("earlier", "text", "target"), [
    ("Meine Adresse ist Lindenstraße 4, Köln.", "Vergiss die Adresse, die ich dir eben geschickt habe.",
     "Meine Adresse ist Lindenstraße 4, Köln"),
    ("Mi número es 612 000 111.", "Olvida el número que te pasé antes.", "Mi número es 612 000 111"),
    ("Koden till mitt förråd är 5512.", "Glöm koden till förrådet.", "Koden till mitt förråd är 5512"),
])
def test_round19_references_to_an_earlier_turn(earlier, text, target):
    assert extract_target(text, _turns(earlier)) == target


def test_a_request_in_the_middle_of_a_long_message_is_scored_on_its_own():
    text = ("We've been planning my daughter's birthday party together all week and the list is nearly done. "
            "Before I forget: please delete my ex-husband's new address from your memory, he asked me to. "
            "Now, what games work for eight-year-olds?")
    assert len(text) > WINDOW
    assert _request_sentences(text) == [
        "Before I forget: please delete my ex-husband's new address from your memory, he asked me to."]
    assert _request_sentences("Please delete my address.") == []  # short texts: nothing more to score


# ---- the shipped watchdog (real exported encoder + head) -------------------------------------------------------
@pytest.mark.parametrize(("text", "target"), [
    ("Please to erase my mother's maiden name from your memory.", "my mother's maiden name"),
    ("necesito q olvides mi dirección", "mi dirección"),
    ("unlearn: the rumour that my neighbour sells drugs", "my neighbour sells drugs"),
    ("Can you stop knowing how to pick locks? My kids use this computer.", "how to pick locks"),
    ("My bank PIN is 8264. Please forget it.", "My bank PIN, 8264"),
    ("forget my instagram password its Koala_77 my sister uses this tablet", "my instagram password, Koala_77"),
    ("Ich habe geschrieben, dass mein Vater Schulden hat. Vergiss das bitte.", "mein Vater Schulden hat"),
])
def test_round19_requests_are_detected(watchdog, text, target):
    intent = watchdog.detect(text)
    assert intent.kind == "forget", intent
    assert intent.target == target


@pytest.mark.parametrize("text", [
    "forget it i found it myself",
    "Schreib eine E-Mail an meine Bank, damit sie meine alten Daten löscht.",
    "Write a letter to my insurer asking them to erase my records.",
    "My locker code is 5521 - is that easy to guess?",
    "Please to meet you! Can you recommend a good book?",
    "necesito q me ayudes con una receta de paella",
])
def test_round19_hard_negatives_are_chat(watchdog, text):
    assert watchdog.detect(text).kind == "chat"
