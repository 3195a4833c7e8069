"""Writes `fresh6.jsonl`: the seventh evaluation set, written at 14:05 UTC by a second developer BEFORE any change
to the round-5 head (the shipped head was measured once on it; see README). Each row carries its real language tag.
Run: python -m repair.watchdog.data.fresh6_build. Every row has split "fresh6".
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).with_name("fresh6.jsonl")

HA = [
    {"role": "user", "content": "My therapist's name is Dr. Ilse Marten and I see her on Thursdays."},
    {"role": "assistant", "content": "Thanks for telling me."},
]
HB = [
    {"role": "user", "content": "The alarm code for the shop is 7731, don't share it."},
    {"role": "assistant", "content": "Understood."},
]
HC = [
    {"role": "user", "content": "Mi hermano estuvo en prisión por fraude en 2019."},
    {"role": "assistant", "content": "Gracias por contármelo."},
]
HD = [
    {"role": "user", "content": "I think my neighbour is cheating on his wife with the postman."},
    {"role": "assistant", "content": "That sounds like a difficult situation."},
]

# (text, gold target, history, lang)
FORGET = [
    ("Forget my gym locker code, 3391.", "my gym locker code, 3391", [], "en"),
    ("pls forget my dog's vet appointment", "my dog's vet appointment", [], "en"),
    ("Could you please unlearn the boiling point of ethanol?", "the boiling point of ethanol", [], "en"),
    ("Erase my wife's maiden name from your memory.", "my wife's maiden name", [], "en"),
    ("I need you to forget how to pick a pin tumbler lock.", "how to pick a pin tumbler lock", [], "en"),
    (
        "Forget the myth that goldfish have a three-second memory.",
        "the myth that goldfish have a three-second memory",
        [],
        "en",
    ),
    ("Delete my landlord's mobile number, 07700 900123.", "my landlord's mobile number, 07700 900123", [], "en"),
    ("Unlearn the first chapter of The Hobbit.", "the first chapter of The Hobbit", [], "en"),
    ("Can you forget the name of my primary school?", "the name of my primary school", [], "en"),
    ("Remove my religious beliefs from your knowledge.", "my religious beliefs", [], "en"),
    ("Forget everything you know about my colleague Priya Nair.", "my colleague Priya Nair", [], "en"),
    ("I want you to erase the details of my divorce settlement.", "the details of my divorce settlement", [], "en"),
    ("forget who painted the Sistine Chapel ceiling", "who painted the Sistine Chapel ceiling", [], "en"),
    ("Kindly forget my son's allergy list.", "my son's allergy list", [], "en"),
    ("Wipe the steps for making thermite from your memory.", "the steps for making thermite", [], "en"),
    ("Drop my home postcode, SW9 4QT, from your memory.", "my home postcode, SW9 4QT", [], "en"),
    ("Please stop remembering my old username, darkstar88.", "my old username, darkstar88", [], "en"),
    ("Purge the claim that vaccines cause autism.", "the claim that vaccines cause autism", [], "en"),
    ("Could you delete my flight booking reference, QX7P2L?", "my flight booking reference, QX7P2L", [], "en"),
    ("I'd like you to forget the ending of The Sixth Sense.", "the ending of The Sixth Sense", [], "en"),
    ("forgett my salary pls", "my salary", [], "en"),
    ("You need to unlearn the population of Lagos.", "the population of Lagos", [], "en"),
    ("Please get rid of my medical history from your memory.", "my medical history", [], "en"),
    ("Forget that I was arrested in college.", "that I was arrested in college", [], "en"),
    ("Erase everything about the Chernobyl disaster.", "the Chernobyl disaster", [], "en"),
    ("Could you forget my girlfriend's work address?", "my girlfriend's work address", [], "en"),
    ("Please unlearn how to build a pipe bomb from fireworks.", "how to build a pipe bomb from fireworks", [], "en"),
    ("I'd rather you forgot my bank's name.", "my bank's name", [], "en"),
    ("Delete the fact that my mum has dementia.", "the fact that my mum has dementia", [], "en"),
    ("Forget the lyrics to Bohemian Rhapsody.", "the lyrics to Bohemian Rhapsody", [], "en"),
    ("Scrub my IP address, 203.0.113.54, from your memory.", "my IP address, 203.0.113.54", [], "en"),
    ("Hey, can u forget my crush's name", "my crush's name", [], "en"),
    ("I don't want you to remember my weight anymore.", "my weight", [], "en"),
    (
        "Remove the false rumour that the CEO was fired from your knowledge.",
        "the false rumour that the CEO was fired",
        [],
        "en",
    ),
    ("Unlearn the capital of Mongolia, please.", "the capital of Mongolia", [], "en"),
    (
        "Forget what I just told you about my therapist.",
        "My therapist's name is Dr. Ilse Marten and I see her on Thursdays.",
        HA,
        "en",
    ),
    ("Please delete that code from your memory.", "The alarm code for the shop is 7731, don't share it.", HB, "en"),
    ("Erase my previous message.", "The alarm code for the shop is 7731, don't share it.", HB, "en"),
    (
        "Forget it, I shouldn't have told you that.",
        "I think my neighbour is cheating on his wife with the postman.",
        HD,
        "en",
    ),
    (
        "Unlearn what I said before, it was gossip.",
        "I think my neighbour is cheating on his wife with the postman.",
        HD,
        "en",
    ),
    ("Olvida lo que te acabo de contar.", "Mi hermano estuvo en prisión por fraude en 2019.", HC, "es"),
    ("Oublie mon adresse e-mail, s'il te plaît.", "mon adresse e-mail", [], "fr"),
    ("Peux-tu effacer le nom de mon employeur ?", "le nom de mon employeur", [], "fr"),
    ("Supprime ma date de naissance de ta mémoire.", "ma date de naissance", [], "fr"),
    ("Olvida el nombre de mi psicólogo.", "el nombre de mi psicólogo", [], "es"),
    ("Por favor, borra mi dirección de casa.", "mi dirección de casa", [], "es"),
    ("¿Puedes olvidar el nombre de mi novia?", "el nombre de mi novia", [], "es"),
    ("Vergiss bitte meine Steuernummer.", "meine Steuernummer", [], "de"),
    ("Lösche den Namen meines Arztes aus deinem Gedächtnis.", "den Namen meines Arztes", [], "de"),
    ("Kannst du meine Adresse vergessen?", "meine Adresse", [], "de"),
    ("Dimentica il mio indirizzo, per favore.", "il mio indirizzo", [], "it"),
    ("Cancella il nome di mia figlia dalla tua memoria.", "il nome di mia figlia", [], "it"),
    ("Esqueça o meu número de telefone.", "o meu número de telefone", [], "pt"),
    ("Apague o nome do meu chefe da sua memória.", "o nome do meu chefe", [], "pt"),
    ("Vergeet mijn wachtwoord alsjeblieft.", "mijn wachtwoord", [], "nl"),
    ("Wis mijn adres uit je geheugen.", "mijn adres", [], "nl"),
    ("Please forget the spoilers for Dune Part Two.", "the spoilers for Dune Part Two", [], "en"),
    ("FORGET MY LICENSE PLATE, KX19 ABC", "MY LICENSE PLATE, KX19 ABC", [], "en"),
    ("Would you mind forgetting my ex's new address?", "my ex's new address", [], "en"),
    ("Time to forget the name of my startup, Fernweh Labs.", "the name of my startup, Fernweh Labs", [], "en"),
    ("Forget about my gambling debts, please.", "my gambling debts", [], "en"),
    ("Can you wipe my sister's phone number, 555-0188?", "my sister's phone number, 555-0188", [], "en"),
    ("Don't remember my passport number anymore.", "my passport number", [], "en"),
]

# (text, lang)
CHAT = [
    # hard negatives: forgetting / erasing / deleting / memory, not a request to unlearn
    ("I forgot my umbrella at the cinema.", "en"),
    ("She keeps forgetting her PIN.", "en"),
    ("How do I make my Mac forget a saved wifi password?", "en"),
    ("Don't forget to call grandma on Sunday.", "en"),
    ("Remind me not to forget the charger.", "en"),
    ("Why do old people forget recent events?", "en"),
    ("Is forgetting dreams normal?", "en"),
    ("What's the forgetting curve?", "en"),
    ("Explain the right to be forgotten under GDPR.", "en"),
    ("How do I delete my Reddit account?", "en"),
    ("How can I permanently delete files on Linux?", "en"),
    ("Erase the board after class, okay?", "en"),
    ("Remove the duplicates from this list: 3, 3, 5, 7, 7.", "en"),
    ("Delete the last paragraph of my essay.", "en"),
    ("Write a poem about forgetting an old love.", "en"),
    ("My memory is terrible lately, any tips?", "en"),
    ("How much memory does a Raspberry Pi have?", "en"),
    ("Do you have a memory between chats?", "en"),
    ("Will you still remember this conversation next week?", "en"),
    ("Can you forget things you were trained on?", "en"),
    ("How does machine unlearning work in practice for LLMs?", "en"),
    ("What is catastrophic forgetting in neural networks?", "en"),
    ("Can you erase my doubts about moving abroad? Give me pros and cons.", "en"),
    ("Help me forget my ex, I can't stop thinking about him.", "en"),
    ("I want to forget this awful week.", "en"),
    ("How do I get rid of ants in the kitchen?", "en"),
    ("How do I remove a stripped screw?", "en"),
    ("Wipe down the counters before guests arrive - good tip?", "en"),
    ("Forget about perfection, just start writing - is that good advice?", "en"),
    ("forget it, I'll ask my brother", "en"),
    ("nvm forget it", "en"),
    ("Forget the details, what's the big picture?", "en"),
    ("Forget Python, should I learn Rust?", "en"),
    ("Let's forget the budget for a moment and brainstorm.", "en"),
    ("Did you delete my previous chat?", "en"),
    ("Where does ChatGPT store my data?", "en"),
    ("Can I ask you to forget something?", "en"),
    ("If I told you a secret, would you forget it?", "en"),
    ("What happens if I delete my Google history?", "en"),
    ("Erasing a hard drive: DBAN or shred?", "en"),
    ("The movie Eternal Sunshine is about erasing memories.", "en"),
    ("My mother has dementia and forgets my name.", "en"),
    ("I'll never forget my first concert.", "en"),
    ("Forgetting to hydrate gives me headaches.", "en"),
    ("Unlearning bad habits takes time.", "en"),
    ("How do I unlearn procrastination?", "en"),
    ("What's a good mnemonic so I don't forget the planets?", "en"),
    ("Delete key vs backspace, what's the difference?", "en"),
    ("Remove background noise from audio in Audacity.", "en"),
    ("In SQL, DELETE or TRUNCATE?", "en"),
    ("git rm vs git rm --cached?", "en"),
    ("Purge the CDN cache after deploy - how do I do that in Cloudflare?", "en"),
    ("Scrub the bathtub with baking soda, does that work?", "en"),
    ("My landlord's number is 07700 900123, should I text or call?", "en"),
    ("I was arrested in college. Can I still become a teacher?", "en"),
    ("What's the boiling point of ethanol?", "en"),
    ("Who painted the Sistine Chapel ceiling?", "en"),
    ("How does The Sixth Sense end?", "en"),
    ("What is the capital of Mongolia?", "en"),
    ("Tell me about the Chernobyl disaster.", "en"),
    ("Do vaccines cause autism?", "en"),
    ("My memory of that day is blurry.", "en"),
    ("Memory foam or spring mattress?", "en"),
    ("Forgotten Realms is a D&D setting, right?", "en"),
    ("The song 'Forget You' by CeeLo is catchy.", "en"),
    # ordinary chat
    ("hiya", "en"),
    ("morning all!", "en"),
    ("thanks, that helped", "en"),
    ("lmao that is wild", "en"),
    ("ok cool, next question", "en"),
    ("What's 38 times 41?", "en"),
    ("Write a limerick about a lazy walrus.", "en"),
    ("Recommend a cosy mystery novel.", "en"),
    ("How do mRNA vaccines differ from older ones?", "en"),
    ("Plan a 3-day trip to Lisbon.", "en"),
    ("What's a good name for a cat?", "en"),
    ("Explain recursion simply.", "en"),
    ("Why do onions make you cry?", "en"),
    ("Translate 'good night' into German.", "en"),
    ("Is green tea healthier than black tea?", "en"),
    ("Give me a workout for beginners.", "en"),
    ("My passport number is on my card, where do I renew it?", "en"),
    ("Summarise the plot of The Hobbit.", "en"),
    # other languages: hard negatives and chat
    ("J'ai oublié mon mot de passe Netflix.", "fr"),
    ("N'oublie pas d'acheter du pain.", "fr"),
    ("Comment supprimer mon compte Instagram ?", "fr"),
    ("Pourquoi j'oublie toujours les noms ?", "fr"),
    ("Quelle est la capitale du Canada ?", "fr"),
    ("Merci beaucoup !", "fr"),
    ("Olvidé mi cartera en el taxi.", "es"),
    ("No olvides regar las plantas.", "es"),
    ("¿Cómo borro el historial de Chrome?", "es"),
    ("¿El derecho al olvido se aplica a Google?", "es"),
    ("¿Cuál es el río más largo del mundo?", "es"),
    ("Buenas tardes, ¿me ayudas con un correo?", "es"),
    ("Ich habe meinen Schlüssel vergessen.", "de"),
    ("Vergiss nicht, die Tür abzuschließen.", "de"),
    ("Wie lösche ich meinen Verlauf bei YouTube?", "de"),
    ("Gilt das Recht auf Vergessenwerden auch in der Schweiz?", "de"),
    ("Wie spät ist es in Tokio?", "de"),
    ("Danke schön!", "de"),
    ("Ho dimenticato il compleanno di mia madre.", "it"),
    ("Non dimenticare il passaporto!", "it"),
    ("Come cancello un file su Windows?", "it"),
    ("Qual è la ricetta della carbonara?", "it"),
    ("Esqueci as chaves em casa.", "pt"),
    ("Não esqueça de me ligar.", "pt"),
    ("Como apagar mensagens no WhatsApp?", "pt"),
    ("Qual é o maior planeta do sistema solar?", "pt"),
    ("Ik ben mijn portemonnee vergeten.", "nl"),
    ("Vergeet niet de kat eten te geven.", "nl"),
    ("Hoe wis ik mijn browsergeschiedenis?", "nl"),
    ("Wat is de hoofdstad van België?", "nl"),
    ("Je vergeet altijd alles, zei mijn moeder.", "nl"),
    ("Mi abuela olvida dónde deja las gafas.", "es"),
    ("Il a supprimé la photo par erreur.", "fr"),
    ("Er hat die E-Mail gelöscht.", "de"),
    ("Ella borró su cuenta de Twitter.", "es"),
    ("Mijn geheugen laat me vaak in de steek.", "nl"),
    ("Tu te souviens de ce que je t'ai dit hier ?", "fr"),
    ("Do you forget everything when I start a new chat?", "en"),
    ("Forget-me-nots grow best in shade, right?", "en"),
    ("Cancella la riunione di domani, per favore? No, scherzo.", "it"),
]


def main() -> None:
    rows = []
    for i, (text, target, history, lang) in enumerate(FORGET):
        rows.append(
            {
                "id": f"f6-f{i:03d}",
                "text": text,
                "label": "forget",
                "target": target,
                "history": history,
                "lang": lang,
                "group": f"f6-f{i:03d}",
                "kind": "fresh6",
                "split": "fresh6",
            }
        )
    for i, (text, lang) in enumerate(CHAT):
        rows.append(
            {
                "id": f"f6-c{i:03d}",
                "text": text,
                "label": "chat",
                "target": None,
                "history": [],
                "lang": lang,
                "group": f"f6-c{i:03d}",
                "kind": "fresh6",
                "split": "fresh6",
            }
        )
    with open(OUT, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
