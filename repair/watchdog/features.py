"""What the head sees besides the sentence embedding.

`frame(text)`: the text with the candidate target span replaced by a neutral placeholder, so the embedding
describes the *request* ("Please forget X.") rather than the topic (an address, a novel, a bomb recipe).
`lexical(text)`: a few binary cues in six languages [N_LEXICAL] the English-only encoder cannot see well
(imperative cue verb at clause start, negated "don't forget", past tense "I forgot", how-to question, ...).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

from repair.watchdog.extract import _CUE, _PRE, _is_reference, _object_after, _user_turns, clean
from repair.watchdog.extract import nothing_named as _nothing_named

PLACEHOLDER = "X"

_I = re.IGNORECASE
# an account (a platform thing: "delete my Facebook account"), not an account *number* (personal data)
_ACCOUNT = (r"\b(?<!número de )(?<!numéro de )(?<!numero di )(?<!número da )(?<!numero de )"
            r"(?:cuenta|compte|konto|conta|account)\b(?! (?:number|numbers|details|balance|no)\b)")
# round 13: documents and drafts a line or part is removed from ("Delete the salary line from my CV draft.")
_DOCUMENT = (r"(?:cv|résumé|resume|draft|email|e-mail|mail|summary|essay|letter|report|document|doc|slides?|deck|"
             r"presentation|text|post|code|list|answer|reply|message|story|article|paragraph|page|spreadsheet|script|"
             r"outline|notes|bio|profile|recipe|playlist|invoice|contract|poem|speech|proposal|thesis|review|"
             r"newsletter|agenda|caption|tweet|blog|chapter|manuscript|lyrics|translation|table|version|copy|template|"
             r"cover letter|abstract|brief|minutes|memo|menu|schedule|itinerary|plan|invite|invitation|toast)s?\b")
_LEX = [
    # 0: a cue verb anywhere
    _CUE,
    # 1: cue verb opening a clause (imperative / bare request), after optional politeness
    re.compile(r"(?:^|[.!?;:,]\s*|\s[-–—]+\s*|\b(?:and|so|just|now|then|time to|make yourself|go ahead and|want you to|"
               r"(?<=\s)please|(?<=\s)kindly|"
               # round 17: "and" opening the request in other languages ("Y olvida X", "Und vergiss X", "Og glem X")
               r"^(?:y|e|et|und|en|och|og|oraz|ed)|^i(?=\s+(?:zapomn|usuń|wymaż|skasuj))|"
               r"ask you to|need you to|that you|you should|you need to|you must|you have to|request:|but)\s+)"
               r"(?:(?:please|pls|plz|ple+a+s+e*|kindly|hey|ok(?:ay)?|so|just|actually|now|bitte|s'il te plaît|"
               r"por favor|per favore|porfa|porfis|xfa|pf|svp|stp|aub|alsjeblieft|dai|vá|ya|oye|hé|he|hoor|snälla|"
               r"proszę|po prostu|bara|bare|per piacere|"
               r"kära|hej|hallo|nå|"
               # round 16: dictation and filler words before the verb ("ok google i mean assistant forget X", "new
               # line forget X", "bon alors oublie X", "bro pls forget X", "bueno pues olvida X", "äh also vergiss X")
               r"um+|uh+|uhm|erm|hmm+|well|right|yeah|bro|bruh|dude|mate|i mean|no wait|wait|new line|newline|"
               r"comma|assistant|ok google|hey google|google|hey siri|siri|alexa|euh|bon|bah|ben|alors|voilà|mec|"
               r"bueno|pues|vale|mira|eh|äh|ähm|also|na ja|naja|allora|ehm|beh|senti|então|tipo|olha|nou ja|nou|oké|"
               r"luister|no dobra|dobra|yyy|słuchaj)[\s,]+){0,8}"
               + _CUE.pattern, _I),
    # 2: request addressed to the model: you/your + want/need/can/could/would/should ... cue
    re.compile(r"\b(?:i (?:want|need|would like|'d like)|i'd like|can|could|would|will|should|must|need to|have to)"
               r"\s+(?:you|u)\b.{0,40}?" + _CUE.pattern + r"|\b(?:you|u)\s+(?:should|must|need to|have to)\s+"
               + _CUE.pattern + r"|\b(?:tu|te|du|je|you|vous|usted|você)\b.{0,20}" + _CUE.pattern, _I),
    # 3: memory / knowledge words
    re.compile(r"\b(?:memory|memories|knowledge|weights|training|brain|mémoire|memoria|memória|gedächtnis|speicher|"
               r"geheugen|minne|minnet|pamięci|pamięć|hukommelse|hukommelsen)\b"
               r"|\bwhat (?:you|u) (?:know|remember|(?:have |'ve )?learn(?:ed|t))\b", _I),
    # 4: negated forget verb: don't forget / never forget / n'oublie pas / no olvides / vergiss nicht / ...
    re.compile(r"\b(?:don'?t|do not|never|not to|won'?t|will not|nicht|no|non|não|nao)\s+(?:\w+\s+){0,2}"
               r"(?:forget|forgt|erase|delete|remove|olvides|olvidar|dimenticare|esqueça|esqueca|esquecer)\b"
               r"|\bn'oublie(?:z)? pas\b|\bvergiss (?:\w+ )*nicht\b|\bvergeet\b.*\bniet\b"
               r"|\bglöm (?:\w+ )?(?:inte|aldrig)\b|\bnie (?:\w+ )?zapomin?\w*|\bglem (?:\w+ )?(?:ikke|aldrig|aldri)\b"
               r"|\b(?:ikke|inte) glem\w*", _I),
    # 5: past tense / state of forgetting (I forgot, forgotten, forgetful) in six languages
    re.compile(r"\b(?:forgot|forgotten|forgetting|forgetful|forgetfulness|j'ai oublié|oublié|olvidé|olvidado|"
               r"vergessen habe|hab(?:e|en)?\s+(?:\S+\s+){0,4}vergessen|dimenticato|ho dimenticato|esqueci|"
               r"(?:ben|is|zijn)\s+(?:\S+\s+){0,4}vergeten|vergat|glömde|glömt|glemte|glemt|glömska|glemsom|"
               r"zapomniał(?:em|am|eś|aś|y|o)|(?<!żebyś )(?<!abyś )(?<!byś )zapomniała?|zapominalsk\w*)\b", _I),
    # 6: how-to / definition / why question about the world
    re.compile(r"^(?:how|what|what's|why|when|where|who|which|is|are|does|do|can fish|comment|pourquoi|qu'est|cómo|"
               r"qué|por qué|wie|was|warum|come|cos'è|como|o que|hoe|wat)\b", _I),
    # 7: devices, apps and files (make my phone forget a network)
    re.compile(r"\b(?:phone|iphone|android|wifi|wi-fi|wlan|network|bluetooth|browser|chrome|firefox|windows|mac|"
               r"laptop|file|files|folder|git|branch|cache|cookies|app|alexa|docker|sql|row|column|python|"
               r"dictionary|list|vim|hard drive|disk|whatsapp|facebook|instagram|google|twitter|téléphone|teléfono|"
               r"handy|navigateur|navegador)\b|" + _ACCOUNT, _I),
    # 8: how-to question about making something (not the model) forget / delete / erase
    re.compile(r"^(?:how|comment|cómo|como|wie|come|hoe)\b.*" + _CUE.pattern, _I),
    # 9: the object is part of the conversation itself (forget the format / the small talk / my last question)
    re.compile(_CUE.pattern + r"\s+(?:about\s+)?(?:the|my|our|this|that|your|all the|la|le|les|l'|el|los|las|die|"
               r"der|den|das|il|lo|o|a|het|de|ma|mon|mi|mein|meine|mijn)?\s*"
               r"(?:previous|last|above|earlier|first)?\s*(?:format|formatting|formalities|small talk|chit-?chat|"
               r"bullet points?|instructions?|question|questions|style|tone|rules|deadline|topic|intro|introduction|"
               r"outline|draft|prompt|typo|math|work|answer|reply|wording|length|constraints?|paragraphs?|sentences?|"
               r"verses?|sections?|headings?|titles?|emojis?|hashtags?|examples?|items?|word limit|lines?|footnotes?|"
               r"disclaimer|summary|conclusion|paragraphe|phrase|consigne|párrafo|frase|instrucción|absatz|satz|"
               r"einleitung|vorgabe|paragrafo|istruzione|parágrafo|instrução|alinea|zin|inleiding|instructie|"
               r"titre|título|titel|titolo"
               # round 12: constraints of a writing task in seven languages ("forget the word limit")
               r"|limit|colou?r|colou?r scheme|font|order|rhymes?|spelling|outline|suggestion|requirement|rule|"
               r"limite|couleur|ton|longueur|límite|tono|longitud|farbe|länge|colore|lunghezza|cor|tom|tamanho|"
               r"limiet|kleur|toon|lengte"
               # round 14: Swedish / Polish / Danish conversation objects ("glöm formatet", "zapomnij o formatowaniu")
               r"|formatet|stilen|tonen|frågan|instruktionerna|formatowani\w*|styl\w*|pytani\w*|instrukcj\w*|"
               r"formateringen|spørgsmålet)\b"
               # round 15: not a work or a fact named by a quoted title or question ("the answer to \"what is X\"")
               r"(?!\s+(?:to|of|for|from|on|in|à|a|de|del|di|do|da|van|von|op|auf)\s+[\"“«„])"
               # round 17: not a personal detail named with one of those words ("forget my work schedule / address")
               r"(?!\s+(?:schedule|shifts?|hours|address|e-?mail|phone|number|badge|id|laptop|password|contract|"
               r"colleagues?|history|visa|permit|rota|situation|problems?)\b)", _I),
    # 10: the forget clause is followed by a new request or question (forget X, how do ...?; forget it, what's ...)
    # (round 17: not "Zapomnij, jak X" / "Glöm, hur X": there the question word opens the verb's object)
    re.compile(_CUE.pattern + r"(?!,\s*(?:jak|co|gdzie|kto|kiedy|hur|vad|var|hvordan|hvad|hvor)\b)"
               r"[^.?!;]*(?:[,;.!:]|\s[-–—]+)\s*(?:and\s+)?(?:just\s+|now\s+|actually,?\s+|instead,?\s+|"
               r"please\s+)?"
               r"(?:i'?ll|i will|we'?ll|"  # round 17: "Forget the fries, I'll have salad instead."
               r"what|what's|how|why|who|whose|which|where|when|is|are|do|does|did|should|would|will|tell|write|"
               r"answer|give|let's|lets|call|use|explain|can you|could you|talk|show|make|take|keep|go|add|try|do|"
               r"start|stick|switch|change|put|rewrite|shorten|focus|écris|fais|mets|sois|escribe|hazlo|ponlo|"
               r"schreib|nimm|mach|scrivi|usa|fai|escreve|põe|faz|schrijf|maak|doe|skriv|gör|ge|berätta|napisz|zrób|daj|"
               r"powiedz|lav|giv|fortæl|vad|hur|co|jak|hvad|hvordan)\b"
               # round 17: "Forget Paris, Lisbon is the better trip" / "Olvida el paraguas, hoy no llueve": a
               # comparison or a remark about something else after a short object
               # ("Forget about formalities and call me Sam": a new instruction after "and")
               r"|" + _CUE.pattern + r"[^.?!;,]{1,60}?\s+and\s+(?:just\s+|then\s+)?(?:call|tell|write|give|use|make|"
               r"show|explain|answer|keep it|talk|speak|be)\b"
               r"|" + _CUE.pattern + r"\s+(?:about\s+)?(?:\w+\s+){0,2}\w+\s*,\s*[^.?!]{0,40}?\b"
               r"(?:is|are|'s|es|est|ist|è|é|is|är|er|jest)\s+"
               r"(?:(?:way|much|far|so|the|a|mucho|bien|viel|molto|veel|muito)\s+)*(?:better|best|nicer|cheaper|"
               r"prettier|more fun|mejor|meilleure?|besser|migliore|melhor|beter|bättre|bedre|lepsz\w*)\b",
               _I),
    # 11: polite conditional or passive request: "if you forgot X", "I want X forgotten / gone / deleted"
    re.compile(r"\b(?:if|rather|wish|hope|prefer|prefer it if|prefer that) you (?:could |would |'d )?"
               r"(?:forgot|forget|erased|deleted|removed|unlearned|unlearnt|wiped)\b"
               r"|\b(?:want|like|need|prefer)\b.{1,80}\b(?:forgotten|deleted|erased|removed|gone|wiped|unlearned)\b",
               _I),
    # 12: editing or physical objects (remove the duplicates from this list, wipe the table)
    re.compile(r"\b(?:from|in|of) (?:this|the following)\b"
               r"|\b(?:this|the|these) (?:list|string|paragraph|sentence|word|line|code|essay|draft|text|photo|image|"
               r"picture|spreadsheet|sheet|audio|rows?|columns?|cells?|outliers|spaces|vowels|duplicates|background|"
               r"file|array|table)\b|\b(?:rows|columns|elements|characters|items) (?:where|from|in|of|that)\b"
               r"|" + r"\b(?:from|in|out of) (?:my|the|your|this|that|our|his|her) (?:\w+ )?" + _DOCUMENT
               + r"|\b(?:keep|leave) (?:the rest|everything else)\b", _I),
    # 13: first person, present tense: a statement about oneself (I always forget, ik vergeet, ich vergesse)
    re.compile(r"\b(?:i|ik|ich|yo|io|eu)\s+(?:\w+\s+)?(?:forget|vergeet|vergesse|olvido|dimentico|esqueço|esqueco)\b"
               r"|\bj'oublie\b|\b(?:jag|jeg)\s+(?:\w+\s+)?(?:glömmer|glemmer)\b"
               r"|\b(?:ja\s+)?(?:\w+\s+)?zapominam\b", _I),
    # 14: a writing task about deletion (help me write a request to delete my data)
    re.compile(r"\b(?:help me|write|draft|compose|template for)\b.{0,40}\b(?:request|letter|email|e-mail|message|"
               r"form|complaint|notice)\b", _I),
    # 15: dismissive idiom: "never mind, forget it", "nvm"
    re.compile(r"\b(?:never ?mind|nvm|whatever|no worries|doesn'?t matter|it'?s (?:fine|ok|okay|alright|nothing)|"
               r"not important|no big deal|don'?t worry|i'?ll (?:do|figure|google|ask|look)|oh well|i found it|"
               r"anyway|anyhow|it was (?:awful|terrible|boring|nothing|dumb|silly)|not worth it|"
               r"(?:c'est |ce n'est )?pas grave|peu importe|laisse tomber|c'est rien|je l'ai trouvé|no importa|"
               r"da igual|"
               r"déjalo|ya lo encontré|(?:ist )?nicht (?:so )?wichtig|egal|schon gut|schon gefunden|lass gut sein|"
               r"non (?:importa|è importante)|lascia (?:perdere|stare)|fa niente|l'ho trovato|"
               r"não (?:é importante|faz mal)|"
               r"deixa (?:pra lá|estar)|já encontrei|laat maar|maakt niet uit|niet belangrijk|al gevonden)\b", _I),
    # 16: a question about the model's memory itself, not a request: hypothetical ("if I told you X, would you
    # forget it?"), asking permission ("can I ask you to forget something?"), past or habitual behaviour
    # ("did you delete my chat?", "do you forget everything when I start a new chat?"), generic objects
    re.compile(r"\b(?:if|what if|suppose|say) (?:i|we) (?:told|tell|gave|give|shared|share|asked|ask|said|say)\b"
               r"|\b(?:can|could|may|should) i (?:ask|tell|get|make|have) you\b"
               r"|\bdid you (?:\w+ )?(?:delete|erase|forget|remove|wipe|lose)\b"
               r"|\b(?:do|does|will|would|are|is) (?:you|it)\b[^.?!]{0,50}\b(?:forget|delete|erase|remember|wipe)\w*\b"
               r"[^.?!]{0,50}\b(?:when|if|after|once|between|tomorrow|next|automatically|eventually|new chat|close)\b"
               r"|\b(?:forget|erase|delete|unlearn|remember)\w* (?:things|something|anything|stuff|facts|everything)"
               r"(?:\?| (?:you(?! (?:know|knew|have learned|have learnt|'ve learned|'ve learnt|learned|learnt|"
               r"remember|were taught|have been taught)\b)|when|after|if)\b)"
               r"|\b(?:are you able|is it possible|can you even|do you ever|able) to (?:forget|unlearn|delete|erase)\b",
               _I),
    # 17: someone else forgets (present tense, third person or generic "you" in Dutch / French ...)
    re.compile(r"\b(?:he|she|it|they|mum|mom|dad|grandma|grandpa|él|ella|il|elle|er|sie|hij|zij|ze|je|lei|lui|ele|"
               r"ela|(?:mi|mon|ma|mein|meine|mijn|mio|mia|meu|minha) \w+)\s+(?:\w+\s+)?"
               r"(?:forgets|olvida|oublie|vergisst|vergeet|dimentica|esquece)\b"
               r"|\b(?:han|hon|hun|de|dom|on|ona|oni|mamma|pappa|mama|tata|babcia|mormor|farmor)\s+(?:\w+\s+)?"
               r"(?:glömmer|glemmer|zapomina|zapominają)\b", _I),
    # 18: a cue verb on an everyday object in another language (a meeting, a line, a file, the light) or a joke
    re.compile(r"\b(?:riunione|appuntamento|reunión|cita|réunion|rendez-vous|termin|besprechung|afspraak|vergadering|"
               r"reunião|luz|ligne|línea|zeile|riga|regel|linha|fichier|archivo|datei|bestand|arquivo|foto|"
               r"correo|mensaje|nachricht|messaggio|bericht|mensagem|tabla|tableau|tabelle|tabella|tabel|tabela|"
               r"historial|historique|verlauf|cronologia|geschiedenis|histórico)\b|" + _ACCOUNT +
               r"|\b(?:scherzo|just kidding|jk|kidding|bromeaba|es broma|je plaisante|nur ein scherz|brincadeira|"
               r"grapje)\b",
               _I),
    # 19: the sentence is quoted or judged as advice / a saying ("forget about X, just Y - is that good advice?")
    re.compile(r"\b(?:is (?:that|this|it) (?:good|bad|sound|wise|true|right|correct|healthy|a good idea|fair)"
               r"|(?:good|bad|sound|wise) advice|a saying|the phrase|the expression|the motto"
               # round 17: a saying attributed to someone ("..., diceva mio nonno", "as my gran used to say")
               r"|(?:as )?my \w+ (?:used to say|always says|always said|would say)|(?:diceva|dice sempre|disait|dit "
               r"toujours|decía|dice siempre|sagte|sagt immer|zei|zegt altijd|dizia|diz sempre|sa alltid|sagde|"
               r"mówił|mówiła) (?:\w+ )?(?:mio|mia|mon|ma|mi|mein|meine|mijn|meu|minha|min|mitt|mój|moja)\b)\b", _I),
    # 20: refers to an earlier turn
    re.compile(r"\b(?:what i (?:just )?(?:told|said|shared|wrote|gave)|my (?:last|previous) message|"
               r"the last thing i|i (?:just )?(?:told|shared|gave) you|above)\b", _I),
    # 21: a cue verb on a feeling or state of mind ("erase my ignorance", "wipe away my boredom"): figurative
    re.compile(r"\b(?:erase|delete|remove|wipe|get rid of|cure|banish|scrub|purge|efface|borra|bórrame|elimina|"
               r"cancella|lösche|apague|wis)(?:\s+(?:away|out))?\s+(?:all\s+)?(?:of\s+)?(?:my|the|our|this|ma|mi|"
               r"la|le|meine|die|mijn|a|minha)\s+(?:\w+\s+)?"
               r"(?:ignorance|boredom|confusion|fears?|doubts?|worry|worries|stress|sadness|loneliness|bad mood|"
               r"frustration|nerves|uncertainty|writer's block|tristeza|tristesse|ennui|aburrimiento|miedo|peur|"
               r"angst|langeweile|noia|paura|verveling|tédio)\b(?!\s+(?:diagnosis|medication|history|records?)\b)",
               _I),
]
_LEX.append(
    # 22: a cue word inside quotes or a title-like capitalised phrase ("books like 'The Forgotten Girl'")
    # (round 15: an apostrophe inside a word, "I'm ... my car's", is no quotation mark)
    re.compile(r"(?:[\"“‘«]|(?<!\w)')\s*(?:[^\"”’'»]{0,40}\s)?(?:forget|forgotten|forgetting|unforgotten|erased?|"
               r"erasure|delete[ds]?|unlearn\w*|purge|wipe)\b[^\"”’'»]{0,40}(?:[\"”’»]|'(?!\w))"
               r"|\b(?:[A-Z]\w+ )?(?:Forgotten|Erased|Unlearning|Forgetting)(?: [A-Z]\w+)+"))
N_LEXICAL = len(_LEX)


def frame(text: str) -> str:
    """Replace each cue verb's object span with PLACEHOLDER; other text unchanged. ('' stays '')."""
    text = clean(text)
    out, pos = [], 0
    for m in _CUE.finditer(text):
        if m.start() < pos:
            continue
        span = _object_after(text, m.end())
        if not span or _is_reference(span):
            continue
        i = text.find(span, m.end())
        if i < 0:
            continue
        out.append(text[pos:i] + PLACEHOLDER)
        pos = i + len(span)
        if pos < len(text) and text[pos] in _CLOSING and _unbalanced(span):  # round 15: the title's closing quote
            pos += 1
    out.append(text[pos:])
    return "".join(out)


_CLOSING = "\"”»’"


def _unbalanced(span: str) -> bool:
    """True when `span` opens a quotation it does not close ('the poem "The Road Not Taken')."""
    return span.count('"') % 2 == 1 or span.count("“") > span.count("”") or span.count("«") > span.count("»")


LEXICAL_SCALE = 2.0  # features sit next to a unit-norm embedding; scaled so weight decay does not drown them


def lexical(text: str) -> np.ndarray:
    """[N_LEXICAL] float32 in {0, LEXICAL_SCALE}."""
    text = clean(text)
    return np.array([LEXICAL_SCALE if p.search(text) else 0.0 for p in _LEX], dtype=np.float32)


# ---- request-form veto (round 7) ----
# cue in imperative position, but not a gerund subject ("Unlearning X is hard") nor a choice ("Delete or keep X?")
_EXTRA = re.compile(
    r"\b(?:i )?(?:don'?t|do not|no longer) want (?:you|u|the model|the assistant) (?:to (?:know|remember)|knowing|"
    r"remembering)\b"
    r"|\bmake (?:the model|the assistant|yourself|urself|ur self|your self|it|him|her) (?:forget|unlearn)\b"
    # round 17: "Ich möchte nicht, dass du dir X merkst", "Ik wil niet dat je X onthoudt", "je ne veux pas que tu
    # retiennes X", "could you not store X"
    r"|\b(?:möchte|will|wünsche mir|mag) (?:ich )?nicht,? dass (?:du|sie) (?:dir|sich) [^.?!]{1,60}? merk(?:st|en)\b"
    r"|\bik wil niet dat (?:je|u|jij) [^.?!]{1,60}? (?:onthoudt|onthoud|bewaart|opslaat|weet)\b"
    r"|\bje ne veux pas que (?:tu|vous) (?:retiennes|reteniez|gardes|gardiez|saches|sachiez|te souviennes|vous "
    r"souveniez)\b"
    r"|\b(?:could|can|would|will) (?:you|u) (?:please )?not (?:store|keep|retain|remember|save|hold on ?to|"
    r"hang on ?to)\b"
    # round 17: "I'd like to revoke / erase what you know about X" (the model's knowledge named)
    r"|\b(?:i'?d like|i would like|i want|i need|i wish|i'?d love) to (?:revoke|withdraw|retract|erase|delete|remove|"
    r"wipe|clear|purge|scrub)\b[^.?!]{0,40}?\b(?:what (?:you|u) (?:know|remember|have|hold)|your (?:memory|knowledge))"
    r"|\b(?:puedes|podrías|puede|quiero que|necesito que)\s+(?:\S+\s+){0,2}(?:olvid|borr|elimin)\w*"
    r"|\b(?:puoi|potresti|voglio che)\s+(?:\S+\s+){0,2}(?:dimentic|cancell)\w*"
    r"|\b(?:peux-tu|pourrais-tu|pouvez-vous|je veux que tu|je voudrais que tu)\s+(?:\S+\s+){0,2}"
    r"(?:oubli|effac|supprim)\w*"
    # round 16: the bare German / Dutch frames only with a forget-like word after them (not "kannst du damit das
    # Formular ausfüllen?")
    r"|\b(?:kannst du|könntest du|ich möchte, dass du|ich will, dass du)\b(?=.*\b(?:vergi?ess\w*|vergisst|merk\w*|"
    r"lösch\w*|entfern\w*|verlern\w*|gedächtnis\w*|speicher\w*|erinner\w*|wissen|weißt|behalt\w*|streich\w*|"
    r"tilg\w*|radier\w*|aufhören|kennen|kennst|vorkommen))"
    r"|\b(?:você pode|pode|podes|quero que você|quero que|peço que|peço-te que|preciso que)\s+(?:\S+\s+){0,2}"
    r"(?:esque|apag)\w*"
    r"|\b(?:kun je|kunt u|wil je|wil ik dat je)\b(?=.*\b(?:vergeet|vergeten|onthoud\w*|wis|wissen|verwijder\w*|"
    r"verleer\w*|ontleer\w*|geheugen|weet|weten|herinner\w*|schrap\w*|kennen|kent|bewaar\w*|opslaan|opgeslagen))"
    # round 14: "jag vill inte att du kommer ihåg X", "jeg vil ikke have, at du husker X", "nie chcę, żebyś pamiętał X"
    r"|\bvill inte att du (?:ska )?(?:kommer|komma) ihåg\b|\bvil ikke(?: have)?,? at du (?:skal )?husker?\b"
    r"|\bnie chcę,? (?:żebyś|abyś) (?:pamiętał|pamiętała|wiedział|wiedziała)\b"
    # round 16: the typo "can u forgot X" ("forgot" is no cue verb on its own)
    r"|\b(?:can|could|would|will)\s+(?:you|u)\s+(?:(?:pls|plz|please|just)\s+)?forgot\b", _I)
_LEADS = (
    # en: modal questions, desire, politeness, confession ("by accident ... forget it")
    r"(?:can|could|would|will|may|might|should|must)\s+(?:you|u|the (?:model|assistant|ai|bot|system))|i'?m asking|"
    # round 16: the model named with an adjective ("Can the local model forget X?"), "Would it be possible to forget
    # X?" in seven languages
    r"(?:can|could|would|will)\s+the (?:local|offline|on-device|new|current|chat|ai) (?:model|assistant|ai|bot|"
    r"system|llm|chatbot)|would it be possible (?:for (?:you|u|the model) )?to|is it at all possible to|"
    r"serait-il possible (?:de|d'|que)|sería posible que|wäre es möglich,? (?:dass|dass du)|"
    r"sarebbe possibile|seria possível|zou het mogelijk zijn (?:om|dat)|"
    r"(?:kann|könnte) das (?:lokale |neue )?modell|(?:el|le|o) (?:modelo|modèle) (?:local|locale) (?:puede|peut|pode)|"
    r"i (?:am )?(?:request|ask|beg)|i (?:need|want|would like|'d like|wish|prefer)(?: it if)? (?:you|u|the model)|"
    r"i'?m (?:requesting|begging)|is there (?:a|any) way for you|are you able|do me a favou?r|"
    r"i'?d (?:appreciate|prefer|rather|love) (?:it )?(?:if )?(?:you|u)"
    r"|it(?:'d| would) (?:be great|help|be nice) if you|"
    r"sorry,? but|by (?:mistake|accident)|accidentally|shouldn'?t have|regret (?:telling|sharing|saying|typing)"
    # fr / es / de / it / pt / nl request frames
    r"|merci d|j'aimerais que|je voudrais que|il faut que tu|est-ce que (?:tu|vous) (?:peux|pourrais|pouvez)|tu peux|"
    r"tu pourrais|vous pouvez|pourrais-tu|peux-tu|pouvez-vous|je vous prie|par erreur"
    r"|me gustaría que|te pido que|le pido que|me haces el favor|me hace el favor|puedes|podrías|puede|podría|"
    r"necesito que|quiero que|por error"
    r"|würdest du|würden sie|du musst|du sollst|sie müssen|ich hätte gern,? dass|ich bitte dich|kannst du|"
    r"könntest du|können sie|ich möchte,? dass|ich will,? dass|aus versehen"
    r"|ti chiedo di|vorrei che|mi fai il favore|puoi|potresti|voglio che|per sbaglio"
    r"|peço que|gostaria que|poderia|pode|quero que|por engano"
    r"|ik wil dat|wilt u|wil je|ik zou graag willen dat|kun je|kunt u|per ongeluk"
    # round 12: more request frames (second person, subjunctive, "would you mind") in the six languages
    r"|j'ai besoin que tu|tu veux bien|voulez-vous bien|je te demande d|je vous demande d|tu pourrais|auriez-vous"
    r"|te importaría|le importaría|podés|podrías|necesito que|te ruego que|hazme el favor de"
    # round 13
    r"|me harías el favor|me harias el favor|me haría el favor|me podrías hacer el favor|sería genial que|"
    r"it(?:'d| would) be (?:great|nice|good|better|best|lovely|ideal) if (?:you|u)|is it possible for (?:you|u) to|"
    r"is it possible to (?:make|have|get) (?:you|u)|is there any chance (?:you|u)|any chance (?:you|u)|"
    r"would it be possible for (?:you|u) to|"
    r"ce serait (?:bien|super|génial) que tu|sarebbe (?:bello|meglio|ottimo) se|seria (?:ótimo|bom) se|"
    r"es wäre (?:gut|toll|schön),? wenn du|het zou fijn zijn als je|ik wil graag dat je|wil jij"
    r"|wärst du so nett|wären sie so nett|ich bitte sie|könntest du bitte|magst du|würde es dir|könnten sie|"
    r"würden sie bitte"
    r"|ti dispiace|le dispiace|ho bisogno che|potrebbe|ti prego di|la prego di"
    r"|podes|podias|poderias|consegues|importas-te de|peço-te que|preciso que|gostava que|você poderia"
    r"|zou je|zou u|ik vraag je|ik vraag u|mag ik je vragen"
    # round 14: Swedish, Polish, Danish / Norwegian request frames
    r"|kan du|kunde du|skulle du kunna|vill du|jag vill(?: inte)? att du|jag skulle vilja att du|jag ber dig|snälla"

    r"|czy możesz|czy mógłbyś|czy mogłabyś|czy mógłby pan|możesz|mógłbyś|mogłabyś|proszę|chcę,? (?:żebyś|abyś)|"
    r"chciał(?:bym|abym),? (?:żebyś|abyś)|prosz[eę],? (?:żebyś|abyś)|żebyś|abyś"
    r"|vil du|kunne du|jeg vil (?:have )?at du|jeg vil gerne have at du|gider du"
    # round 14: the model named in the third person ("The model should unlearn X", "I'd like the model to forget X",
    # "me gustaría que el modelo olvidara X", "das Modell soll X verlernen", "je souhaite que vous désappreniez X")
    r"|(?:the|our|this|your|my) (?:model|assistant|ai|chatbot|bot|system|llm)(?=(?: (?:really|now|please))? (?:should|"
    r"must|needs? to|has to|ought to|is to|shall|will have to|shouldn'?t|should not|mustn'?t|must not|can'?t|cannot|"
    r"may not|is not allowed to|isn'?t allowed to)\b)"
    r"|(?:i|we)(?:'d| would)? (?:like|want|need|prefer|wish) (?:for )?(?:the|our|this|your) (?:model|assistant|ai|"
    r"chatbot|bot|system|llm)"
    r"|(?:make sure|ensure|see to it that) (?:the (?:model|assistant|ai|chatbot|bot|system|llm)|you|u)"
    r"|(?:make|get|have) the (?:model|assistant|ai|chatbot|bot|system|llm)"
    r"|que (?:el|le|o|l') ?(?:modelo|modèle|asistente|assistant|assistente|sistema|système|ia|ai)|"
    r"che (?:il modello|il sistema|l'assistente)"
    r"|(?:el|le|il|o|l') ?(?:modelo|modèle|modello|asistente|assistant|assistente|sistema|système) (?:debe|debería|"
    r"tiene que|doit|devrait|deve|dovrebbe|precisa|deveria)"
    r"|(?:der|dein) (?:assistent|chatbot) (?:soll|muss|sollte)"
    r"|(?:das|dieses) (?:modell|system)(?: \w+)? (?:soll|muss|sollte|müsste)|(?:soll|muss|sollte) das (?:modell|system)"
    r"|(?:het|dit) (?:model|systeem) (?:moet|zou moeten)|(?:moet|zou) het (?:model|systeem)|dat het (?:model|systeem)"
    r"|(?:modellen|modelen|model|modelu) (?:ska|skall|bør|skal|powinien|musi)"
    r"|je souhaite(?:rais)? que|j'aimerais que vous|je voudrais que vous|il faudrait que (?:tu|vous)"
    r"|quisiera que|desearía que|deseo que|vorrei che|desidero che|gostaria que|desejo que|ich wünsche mir,? dass"
    r"|it would (?:put my mind at ease|reassure me|mean a lot|help me) if (?:you|u)"
    # round 15: wish / preference frames in seven languages ("Graag zou ik willen dat u X vergeet", "I think it's best
    # if you forget X", "I'm asking politely: forget X", "preferiría que olvidaras X", "mir wäre lieber, wenn du ...")
    r"|(?:i think |i guess |honestly,? )?it'?s (?:best|better|safer|wiser) (?:if|that) (?:you|u)|"
    r"(?:i'?m|i am) (?:asking|telling) (?:you )?(?:politely|nicely|kindly|seriously|formally|once more|again)|"
    r"i(?:'d| would) (?:really |very much )?(?:like|love|want|appreciate|prefer)(?: it)? (?:if|that) (?:you|u)|"
    r"i(?:'d| would) rather (?:you|u)|my (?:request|wish) is (?:that|for) (?:you|u)"
    r"|(?:graag )?zou ik (?:graag )?willen dat (?:je|u|jij)|ik zou (?:het )?graag (?:hebben|zien) dat (?:je|u|jij)|"
    r"graag zie ik dat (?:je|u|jij)|ik zou (?:het )?(?:graag|fijn vinden|prettig vinden)"
    r"(?: willen)?(?: dat| als) (?:je|u|jij)|ik heb liever dat (?:je|u)|het (?:liefst|beste) (?:zou ik willen dat|"
    r"is het als) (?:je|u)|ik wil graag dat (?:u|jij)|mijn verzoek is dat (?:je|u)|het zou (?:fijn|beter|goed) zijn "
    r"als (?:je|u)"
    r"|je (?:préférerais|préfère|souhaiterais|voudrais bien|aimerais bien) que (?:tu|vous)|"
    r"il (?:vaudrait|vaut) mieux que (?:tu|vous)|ce serait (?:mieux|préférable|gentil) que (?:tu|vous)|"
    r"je (?:te|vous) demande poliment d"
    r"|(?:me )?(?:gustaría|encantaría) (?:mucho )?que|preferiría que|prefiero que|sería mejor que|"
    r"lo mejor (?:sería|es) que|te pido (?:por favor )?que|le ruego que|mi petición es que"
    r"|(?:es )?wäre mir (?:lieber|lieb|recht),? wenn (?:du|sie)|mir wäre (?:es )?lieber,? wenn (?:du|sie)|"
    r"ich (?:hätte|fände es) (?:gern|gerne|besser|gut),? (?:dass|wenn) (?:du|sie)|ich würde mir wünschen,? dass|"
    r"am liebsten wäre (?:es )?mir,? wenn|es wäre besser,? wenn (?:du|sie)|ich bitte (?:dich|sie) höflich"
    r"|preferirei che|mi piacerebbe (?:molto )?che|sarebbe meglio se|ti chiedo (?:gentilmente|per favore) di|"
    r"vorrei tanto che"
    r"|preferia que|prefiro que|seria melhor (?:que|se)|eu gostaria (?:muito )?que|peço (?:gentilmente|por favor) que"
    r"|jag skulle föredra att du|det vore bäst om du|jeg ville foretrække at du|det er bedst,? hvis du"
    r"|wolał(?:bym|abym),? (?:żebyś|abyś)|byłoby lepiej,? (?:gdybyś|żebyś)"
)
_LEAD_THEN_CUE = re.compile(r"\b(?:" + _LEADS + r")\b[^.?!]{0,80}?" + _CUE.pattern, _I)
_NOT_IMPERATIVE = re.compile(r"^\s*(?:forgetting|unlearning|deleting|erasing|removing|wiping)\b"
                             r"|^\s*(?:forget|delete|erase|remove|wipe|unlearn)\s+or\s+\w+"
                             # round 17: an infinitive as the subject ("Esquecer faz parte da vida.", "Vergeten is
                             # soms een zegen.", "Olvidar es humano.")
                             r"|^\s*(?:olvidar|oublier|vergessen|dimenticare|esquecer|vergeten|glömma|glemme|zapomnieć|"
                             r"borrar|effacer|löschen|cancellare|apagar|wissen|desaprender|verlernen|afleren)\s+"
                             r"(?:no\s+|non\s+|não\s+|n'|ne\s+|nicht\s+|niet\s+|inte\s+|ikke\s+|nie\s+)?(?:es|est|ist|è|é|"
                             r"is|är|er|jest|to|faz|fait|hace|macht|fa|maakt|kan|puede|peut|kann|può|pode|duele|"
                             r"tut|fait|dói|doet|gör|gør|boli|requiere|braucht|richiede|exige|vraagt|kräver|kræver)\b",
                             _I)


# round 12: what is not a request even with a cue verb in it: a quotation ("What did Yoda mean by \"You must unlearn
# what you have learned\"?") and a how / why / whether clause ("explain how RePAIR makes a model forget a fact",
# "how do I make Alexa forget my recordings"); both are masked before the request-form test
_QUOTED = re.compile(r"\"[^\"]{1,200}\"|“[^”]{1,200}”|«[^»]{1,200}»|„[^“”]{1,200}[“”]")
_HOW_CLAUSE = re.compile(r"\b(?:how|why|whether|what happens (?:when|if)|pourquoi|cómo|por qué|warum|perché|hoe|"
                         r"waarom|hur|varför|hvordan|hvorfor|jak|dlaczego|czemu)\b"
                         r"(?! (?:to|you|u|vous|tu|je|man|si|se)\b)[^.?!;,]*", re.IGNORECASE)


# negated forget verbs ("don't forget to", "não te esqueças de", "n'oublie pas"), "forget to <do>" (omit doing),
# "forget nothing" and questions about the model's past ("did you forget my question?") are never requests
_NOT_A_REQUEST = re.compile(
    r"\b(?:don'?t|dont|do not|never|no|não|nao|non|ne)\s+(?:te |se |ti |t'|vous |me )?(?:forget|forgt|erase|delete|"
    r"olvid\w*|esquec\w*|esqueç\w*|dimentic\w*|scord\w*|oubli\w*)\b"
    r"|\bn'oubli\w* pas\b|\bvergiss\w* (?:\w+ )*?nicht\b|\bvergeet (?:\w+ )*?niet\b"
    # round 14: "glöm inte", "nie zapomnij", "glem ikke", "ikke glem"
    r"|\bglöm\w* (?:\w+ )?(?:inte|aldrig)\b|\b(?:inte|aldrig|ikke|aldri|nie) (?:\w+ )?(?:glöm|glem|zapomin|zapomn)\w*"
    r"|\bglem\w* (?:\w+ )?(?:ikke|aldrig|aldri)\b"
    # round 15: negated in a subordinate clause ("if you didn't forget the salt", "dat je niet vergeet",
    # "wenn du den Termin nicht vergisst")
    r"|\b(?:didn'?t|did not) forget\b|\bniet (?:\w+ )?vergeet\b|\bnicht (?:\w+ )?(?:vergisst|vergessen)\b"
    r"|\bforget(?:ting)? (?:to|nothing)\b|\bdid (?:you|u) (?:\w+ )?(?:forget|delete|erase|remove|wipe|lose)\b"
    # round 17 (after the retraining; no lexical feature reads this): the person's own future forgetting ("I'm afraid
    # I'll forget") and forgetting in general, with a generic object ("Can you forget things I tell you?", "if you
    # could forget one thing", "si je te demande d'oublier un truc", "if you forgot something important")
    r"|\b(?:i|we)(?:'ll| will| might| may| could) (?:\w+ )?forget\b"
    r"|\b(?:forget|forgot|forgotten|erase|delete|unlearn|oublier|oublies|olvidar|olvidas|vergessen|vergisst|vergeten|"
    r"dimenticare|dimentichi|esquecer|esqueces)\s+(?:one |a |some |any |certain )?(?:things?|something|stuff|"
    r"un truc|quelque chose|algo|etwas|qualcosa|iets|något|coś|noget)\b"
    r"(?!\s+(?:about|regarding|on|i (?:just )?(?:told|said|shared|mentioned|wrote|typed|gave)|from|in my|que je t'ai|"
    r"que te (?:dije|conté)|was ich|dat ik|che ti ho|que eu)\b)", _I)
_CUE_BEFORE = re.compile(r"(?:" + _CUE.pattern + r"|\b(?:drop|clear|discard|lose|take|get|strike))\s+(?:about\s+)?$",
                         _I)


# round 13: a cue verb whose object is taken out of a document or draft ("Erase the part about pricing from the email",
# "Can you remove the spoilers from your summary of X?") edits text, it does not ask the model to unlearn
# round 15: not when the document word is a reflexive forget verb's own object ("olvídate de mi correo, x@y")
_EDITING = re.compile(_CUE.pattern + r"(?!(?<=te|ti|se)\s*(?:de|del|di|do|dos)\s)[^.?!;]{1,80}?\b"
                      r"(?:(?:from|in|out of) (?:my|the|your|this|that|our) (?:\w+ )?"
                      + _DOCUMENT
                      # round 14: a pasted block ("Remove the phone number from this signature block: ...") and the
                      # document named in other languages ("Entferne alle Namen aus diesem Protokoll.")
                      + r"|(?:from|in) (?:this|the following|these) (?:[\w-]+ ){0,2}"
                      r"[\w-]+\s*:"
                      r"|(?:aus|in|von) (?:diesem|dieser|dem|der|meinem|meiner|"
                      r"unserem|unserer) (?:\w+ )?(?:protokoll|text|dokument|brief|lebenslauf|e-mail|mail|bericht|"
                      r"entwurf|absatz|liste|tabelle|datei|artikel|rede|präsentation|vertrag|zusammenfassung|"
                      r"signatur|folie|folien|aufsatz|antwort|nachricht|notizen|code|anschreiben|bewerbung)\b"
                      r"|(?:de|dans) (?:ce|cette|mon|ma|mes|la|le|l') ?(?:\w+ )?"
                      r"(?:texte|document|lettre|cv|e-mail|mail|courriel|rapport|brouillon|paragraphe|liste|tableau|"
                      r"fichier|compte rendu|procès-verbal|discours|résumé|contrat|signature|diapo\w*|message)\b"
                      r"|(?:de|del|en) (?:este|esta|mi|el|la) ?(?:\w+ )?"
                      r"(?:texto|documento|carta|currículum|cv|correo|informe|borrador|párrafo|lista|tabla|archivo|"
                      r"acta|discurso|resumen|contrato|firma|mensaje)\b"
                      r"|(?:da|dal|dalla|dallo|in|nel|nella) (?:questo|questa|"
                      r"mio|mia)? ?(?:\w+ )?(?:testo|documento|lettera|curriculum|email|e-mail|rapporto|bozza|"
                      r"paragrafo|elenco|tabella|file|verbale|discorso|riassunto|contratto|firma|messaggio)\b"
                      r"|(?:do|da|deste|desta|no|na) (?:meu |minha )?(?:\w+ )?"
                      r"(?:texto|documento|carta|currículo|e-mail|relatório|rascunho|parágrafo|lista|tabela|arquivo|"
                      r"ficheiro|ata|discurso|resumo|contrato|assinatura|mensagem)\b"
                      r"|(?:uit|in) (?:dit|deze|mijn|het|de) (?:\w+ )?(?:tekst|"
                      r"document|brief|cv|e-mail|mail|verslag|concept|alinea|lijst|tabel|bestand|notulen|toespraak|"
                      r"samenvatting|contract|handtekening|bericht)\b"
                      r"|(?:från|ur|i|fra) (?:(?:detta|det här|den här|mitt|min|"
                      r"mina|denne|dette|mit) \w+|texten|dokumentet|mejlet|mailen|brevet|protokollet|listan|"
                      r"tabellen|filen|rapporten|utkastet|stycket|presentationen|teksten|listen|tabellen)\b"
                      r"|(?:z|ze|w) (?:tego|tej|mojego|mojej|tym|tej) ?(?:\w+)?\b"
                      r")"
                      # round 14: a part of a text by position ("Usuń ostatni akapit", "Delete the last paragraph")
                      r"|\b(?:delete|remove|erase|cut|drop|usuń|wymaż|skasuj|radera|ta bort|lösch\w*|entfern\w*|"
                      r"supprim\w*|efface[zs]?|borra|elimina|cancella|rimuovi|apaga|remove|verwijder|wis|slet|slett)\s+"
                      r"(?:(?:please|bitte|por favor|s'il te plaît|per favore|alsjeblieft|proszę|snälla)\s+)?"
                      r"(?:the |la |le |el |die |den |das |de |het |il |o |a |det |l'|l’)?"
                      r"(?:last|first|second|third|final|"
                      # round 18 (veto only): "l'ultima frase", "the penultimate sentence", "l'avant-dernière phrase"
                      r"penultimate|second-to-last|avant-dernière|avant-dernier|penultim[ao]|penúltim[ao]|vorletzte\w*|"
                      r"voorlaatste|"
                      r"opening|ostatni\w*|pierwsz\w*|drugi\w*|sista|första|andra|sidste|første|siste|letzte\w*|"
                      r"erste\w*|dernière?|première?|último|última|primer\w*|ultim[ao]|prim[ao]|laatste|eerste)\s+"
                      r"(?:sentence|paragraph|line|bullet|section|word|verse|stanza|zdani\w*|akapit\w*|linijk\w*|"
                      r"wiersz\w*|mening\w*|stycke\w*|raden|rad|sætning\w*|afsnit\w*|linje\w*|satz|absatz|zeile|"
                      r"phrase|paragraphe|ligne|frase|párrafo|línea|paragrafo|riga|parágrafo|linha|zin|alinea|regel)\b"
                      r"(?!\s+(?:(?-i:I)|jag|ja|ik|je|yo|ich|io|eu)\b)", _I)


# round 16: turns with a cue verb that ask for something else: a formatting / style instruction ("forget the
# formatting, just give me the list", "olvida el formato", "Vergeet die opmaak", "Zapomnij o formatowaniu"), "never
# mind, forget that question", help writing a deletion request to someone else ("help me word it so they delete my
# data"), asking whether a third party can be made to remove something ("Can I ask Google to remove X?")
_FORMAT_WORDS = (r"formatting|format|formats|formato|formatação|formataçao|formattazione|formatierung|mise en forme|"
                 r"opmaak|formaat|formatowani\w*|formatering\w*|bullet points?|bullets|bullet list|markdown|"
                 r"table|tabla|tabelle|tableau|tabella|tabela|tabel|tabeli|viñetas|tópicos|opsommingstekens|layout|"
                 r"word limit|word count|tone|tono|ton|style|estilo|stil|stijl|styl|stylu|numbering|headings?|emojis?|"
                 r"font|capitals|caps")
_OTHER_TASK = re.compile(
    _CUE.pattern + r"\s+(?:about\s+|o\s+|de\s+|di\s+|om\s+)?(?:the|that|this|these|those|all the|your|die|den|das|"
    r"diese|el|la|las|los|le|les|il|lo|gli|i|o|a|os|as|de|het|dat|ten|tę|tym|tej|ta|den här)?\s*"
    r"(?:(?:formal|informal|previous|old|current|whole|fancy|förmlichen|formale|formell\w*|anterior|précédente?)\s+)?"
    r"(?:" + _FORMAT_WORDS + r")\b(?!\s+(?:of|about|de|del|von|van|di|do|da)\s(?!(?:" + _FORMAT_WORDS + r")\b))"
    r"|" + _CUE.pattern + r"\s+(?:about\s+|o\s+|om\s+)?(?:(?:that|this|the|my|die|la|ma|mi|a|o|de|die|tej|tym|ta|"
    r"den)\s+)?(?:question|request|query|questão|pergunta|pregunta|domanda|frage|vraag|fråga\w*|spørgsmål\w*|"
    r"pytani\w*|prośb\w*)(?=\s*(?:[.,;!?]|$|i'?ll\b|i will\b|it'?s\b))"
    r"|\bforget (?:that )?i (?:ever |even )?asked\b(?!\s+(?:about|you about|for))"
    r"|\bhelp me (?:to )?(?:write|draft|word|phrase|compose|formulate|put together)\b[^?!]{0,120}?" + _CUE.pattern
    + r"|\b(?:hilf mir|mir helfen|helfen|aide-moi|m'aider|ayúdame|me ayudas|ayudarme|aiutarmi|aiutami|ajudar-me|"
    r"ajuda-me|ajudas-me|me helpen|hjälpa mig|hjælpe mig|pomożesz mi|pomóż mi)\b[^?!.]{0,100}?\b(?:escribir|"
    r"redactar|écrire|rédiger|schreiben|formulieren|verfassen|scrivere|redigere|escrever|redigir|schrijven|opstellen|"
    r"skriva|skrive|napisać|napisaniu)\b"
    + r"|\b(?:can|could|should|may|do|how do|how can) i (?:ask|get|make|force|request|tell|persuade) "
    r"(?!(?:you|u|the (?:model|assistant|ai|bot|chatbot|system))\b)(?:[\w.'-]+\s+){1,3}(?:to\s+)?" + _CUE.pattern
    # the person's own lyrics / poem / song edited ("Remove the swear words from these lyrics I wrote")
    + r"|" + _CUE.pattern + r"[^.?!;]{1,80}?\b(?:from|in|out of|de|dans|aus|da|dalla|uit) (?:these|this|my|esta|"
    r"mon|ma|mes|mi|meinem|meiner|mia|mio|minha|meu|mijn|mojego|mojej) (?:[\w'-]+ )?(?:lyrics|song|poem|verses?|"
    r"lines|rap|chorus|canción|letra|poème|chanson|liedtext|lied|gedicht|canzone|poesia|poema|liedje|wiersz\w*|"
    r"piosenk\w*)\b"
    # round 17: a database / shell statement the person wants checked or explained ("Can you check this SQL: DELETE
    # FROM users WHERE ...", "what does git rm --cached do?"): the verb is code, not a request
    r"|\b(?:delete\s+from\s+(?!(?:your|ur|my|what|the model)\b)[\w.`\"\[\]]+(?:\s+(?:where|using|as)\b|\s*;|\s*$)"
    r"|(?:drop|truncate)\s+(?:table|database|schema|index|view|column|collection)\b"
    r"|(?:git\s+rm|rm\s+-r?f?)\b|\.(?:delete|remove|erase|drop)\(|\bdel\s+\w+\[)"
    # round 17 (after the retraining; no lexical feature reads this): "Forget the theory - just tell me X": a short
    # object dropped in favour of a new instruction
    r"|^(?:(?:ok(?:ay)?|so|well|nah|no|hmm+|actually)[\s,]+)*" + _CUE.pattern
    + r"\s+(?:about\s+)?(?:the|that|this|all the|those|these)\s+(?:[\w'’-]+\s+){0,2}?[\w'’-]+\s*"
    r"(?:[,;:]|\s[-–—]+)\s*(?:and\s+)?(?:just|instead|rather|now)\s+"
    r"(?:tell|give|show|explain|write|answer|say|list|describe|summari[sz]e|focus|keep)\b"
    # round 17: removing a mark from skin or a surface ("Can you erase a tattoo completely with laser?")
    r"|\b(?:erase|delete|remove|wipe|get rid of|scrub|efface\w*|borra\w*|elimina\w*|lösch\w*|entfern\w*|cancella\w*|"
    r"rimuov\w*|apag\w*|remov\w*|verwijder\w*|wis)\s+(?:(?:a|an|the|this|that|un|una|le|la|el|ein\w*|die|den|das|"
    r"il|lo|o|a|een|de|het)\s+)?(?:\w+\s+)?(?:tattoos?|scars?|stains?|wrinkles|graffiti|scratch(?:es)?|rust|mou?ld|"
    r"acne|marks?|board|whiteboard|blackboard|bord|schoolbord|whiteboard|pizarra|pizarrón|lavagna|quadro|tafel|"
    r"tatouages?|tatuajes?|tattoos?|tatuaggi|tatuagens?|tatoeages?|manchas?|taches?|flecken|macchi\w*|"
    r"vlekken|cicatri\w*|narben?|littekens?)\b"
    # round 17: un-learning a habit, a skill or a reaction (a question about people, not a request to the model:
    # "Can you unlearn bad habits as an adult?", "¿Se pueden olvidar los malos hábitos?") unless the object is the
    # person's own ("forget my habit of ...") or memory is named; and generic-you questions about people ("can you
    # forget a language if you stop speaking it?")
    r"|" + _CUE.pattern + r"\s+(?:(?:a|an|the|bad|old|these|those|all|your|un|una|unos|unas|los|las|les|des|"
    r"die|schlechte\w*|alte\w*|cattive|vecchie|i|gli|le|os|as|maus|slechte|oude|de|dåliga|gamla|złe|stare|dårlige|"
    r"gamle|mauvaises?|malos|malas)\s+){0,3}(?:(?!(?:my|our|mi|mis|mon|ma|mes|mein\w*|mijn|mio|mia|miei|mie|meu|"
    r"minha|meus|minhas|mitt|min|mina|mój|moj\w*)\b)\w+\s+)?(?:habits?|accents?|reflexes|phobias?|addictions?|"
    r"(?:bad |old |a )?behaviou?rs?|tics?|mannerisms?|hábitos?|costumbres?|habitudes?|gewohnheiten|gewohnheit|"
    r"abitudin[ei]|vizi|vícios?|gewoontes?|gewoonten|vanor|vana|nawyk\w*|vaner?|manias?)\b"
    r"|^(?:so\s+|but\s+|and\s+)?(?:can|could|do|does|will|would|is it (?:possible|normal|true)(?: to| that| for))\s+"
    r"(?:you|one|people|adults|kids|children|a person|someone|we|humans|the brain|your brain)\s+"
    r"(?:really\s+|ever\s+|actually\s+|truly\s+)?" + _CUE.pattern + r"\s+[^?]{1,80}?\b(?:as an adult|as adults|"
    r"as you (?:get )?(?:age|older)|with age|later in life|at (?:any|your|my|an older|that) age|at \d+|"
    r"if (?:you|one) (?:stop|don'?t|never|no longer)|when (?:you|one) (?:stop|get|are|grow)|after (?:years|decades))",
    _I)


_SAID_BY_ME = re.compile(r"\b(?:i|I) (?:just )?(?:said|told you|wrote|typed|mentioned|shared|gave you)\b"
                         r"|\bmy (?:first|last|previous|earlier|opening|second) (?:message|msg|turn)s?\b", _I)


def _mask_how_clauses(t: str) -> str:
    """`t` with every how / why / whether clause blanked, unless it is a cue verb's object ("drop how X works")."""
    return _HOW_CLAUSE.sub(lambda m: m.group(0) if _CUE_BEFORE.search(t[: m.start()]) else " ", t)


def request_form(text: str) -> bool:
    """True when the text has the grammatical form of a request to the model (imperative cue verb at a clause
    start, addressed to "you", a passive "I want X forgotten", or one of the other-language request frames).

    A veto for the classifier: a turn that mentions forgetting without any request form ("Unlearning
    perfectionism is hard.", "Can AI models be made to forget data?", "Delete or keep old records?") is chat
    whatever its score. Every forget request of the training and held-out splits has a request form.
    """
    t = _NOT_A_REQUEST_18.sub(" ", _NOT_A_REQUEST.sub(" ", _QUOTED.sub(" ", _mask_how_clauses(clean(text)))))
    if _NOT_IMPERATIVE.search(t) and not (_LEX[2].search(t) or _LEX[11].search(t)):
        return False
    if _OTHER_TASK.search(t) and not _LEX[3].search(t):  # round 16
        return False
    if _OTHER_TASK_18.search(t) and not _LEX[3].search(t):  # round 18 (run time only)
        return False
    if _EDITING.search(t) and not (_LEX[3].search(t) or _SAID_BY_ME.search(t)):  # round 13: "Delete the salary line
        # from my CV draft."; round 14: not "Forget what I said in my first message" (a reference to a turn)
        return False
    return bool(_LEX[1].search(t) or _LEX[2].search(t) or _LEX[11].search(t) or _EXTRA.search(t)
                or _EXTRA_18.search(t) or _LEAD_THEN_CUE.search(t) or any(p.search(t) for p in _PRE))


def vetoed(text: str, history: Iterable = (), request_form: bool = True, nothing_named: bool = True) -> bool:
    """True when the turn is chat whatever the head scores: no request form at all, or only "forget it" with no
    earlier user turn it could mean. The same rule at training time (threshold choice) and at run time; the two
    flags switch either veto off (train.py decides by cross-validation which ones the shipped head uses)."""
    return ((request_form and not _request_form(text))
            or (nothing_named and not _user_turns(history) and _nothing_named(text) and not _MEANT.search(clean(text))))


_request_form = request_form  # vetoed() has a parameter of the same name


# ---- round 18: request forms of the fresh17 misses (veto only: no lexical feature or frame reads these) ----
_MEMORY_WORD = (r"(?:memory|mind|head|memoria|memória|mémoire|gedächtnis|speicher|geheugen|minne|hukommelse|"
                r"pamięci)")
_EXTRA_18 = re.compile(
    # "drop / wipe / clear / take it from memory" without "your" ("pls drop it from memory", "Take my PIN out of
    # memory", "Sácalo de la memoria", "Toglilo dalla memoria", "Streich X aus dem Gedächtnis")
    r"\b(?:drop|wipe|clear|scrub|erase|delete|remove|take|get|strike|purge|cut|toss|kick|dump|ditch|bin|chuck|lose)"
    r"\s+(?:[^.?!;]{1,60}?\s+)?(?:from|out of|outta)\s+(?:the\s+|your\s+|ur\s+)?" + _MEMORY_WORD + r"\b"
    # the wish that something be gone from the model's memory ("It'd be great if my email were gone from your memory")
    r"|\b(?:i'?d like|i would like|i want|i need|i'?d prefer|i'?d love|it'?d be (?:great|nice|good|best)|"
    r"it would be (?:great|nice|good|best)|please (?:have|get)|make sure|ensure)\b[^.?!]{0,80}?\b(?:gone|out|removed|"
    r"deleted|erased|wiped|purged|forgotten)\s+(?:from|of|out of)\s+(?:your|ur|the)\s+(?:memory|mind|head|knowledge|"
    r"weights|model)\b"
    # pretending the person never told it ("Pretend I never told you X", "Haz como si no te hubiera dicho X", "Fais
    # comme si je ne t'avais jamais dit X", "Fai finta che non ti abbia detto X", "Doe alsof ik je X nooit heb
    # verteld"); not "pretend I never asked" (a brush-off)
    r"|\b(?:pretend|act (?:like|as if|as though)|behave as if)\s+(?:that\s+)?(?:i (?:never|didn'?t) (?:told|tell|gave|"
    r"give|sent|send|showed|show|mentioned|mention|shared|share|said|say|typed|type|wrote|write)|"
    r"(?:you|u) (?:never|didn'?t) "
    r"(?:heard|hear|saw|see|read|got|get|learn(?:ed|t)?|know|knew)|you (?:don'?t|do not) know)\s+"
    r"(?!(?:anything|that|this|it|so|the answer)\b)\S"
    r"|\b(?:haz|haga|hagamos) como si (?:yo )?(?:no|nunca) (?:te|le) (?:hubiera|hubiese|había) (?:dicho|contado|dado|"
    r"escrito|pasado)\b|\bfai(?:s|tes)? comme si (?:je ne (?:t'|vous )avais|tu ne savais) (?:jamais |pas |rien )?"
    r"(?:dit|donné|raconté|écrit|su|de)?\b|\bfai finta (?:che|di) (?:non|io non) (?:ti|le) (?:abbia|avessi) (?:mai )?"
    r"(?:detto|dato|raccontato|scritto)\b|\b(?:finge|fingir|faz de conta|faça de conta) que (?:eu )?(?:nunca|não) "
    r"(?:te|lhe) (?:disse|dei|contei|escrevi|tinha dito)\b|\bdoe (?:alsof|of) ik (?:je|u) [^.?!]{1,60}?nooit "
    r"(?:heb|had) (?:verteld|gegeven|gezegd|gestuurd)\b|\btu so,? als (?:hätte|ob) ich dir [^.?!]{1,60}?nie "
    r"(?:gesagt|erzählt|gegeben|geschrieben)\b|\blåtsas att jag aldrig (?:sa|sagt|berättade|gav)\b|"
    r"\blad som om,? (?:at )?jeg aldrig (?:har )?(?:sagt|fortalt|givet)\b|\budawaj,? że (?:nigdy )?ci nie "
    r"(?:mówił|powiedział|podał)\w*\b"
    r"|\b(?:sác|sac|quít|quit|borr|elimín|elimin|tír|tir)a(?:lo|la|los|las)?\s+(?:[^.?!;]{1,40}?\s+)?de\s+(?:la|tu)\s+"
    r"memoria\b"
    r"|\b(?:togli|leva|cancella|elimina|rimuovi)(?:lo|la|li|le)?\s+(?:[^.?!;]{1,40}?\s+)?dalla (?:tua )?memoria\b"
    r"|\b(?:streich|lösch|nimm|entfern)\w*\s+[^.?!;]{1,60}?\s+aus (?:dem|deinem) (?:gedächtnis|speicher)\b"
    r"|\b(?:enlève|retire|efface|supprime)(?:-le|-la|-les)?\s+(?:[^.?!;]{1,40}?\s+)?de (?:la|ta) mémoire\b"
    r"|\b(?:haal|wis|verwijder)\s+[^.?!;]{1,60}?\s+uit (?:het|je) geheugen\b"
    # slang politeness words before the verb ("por fa olvida X", "xfa borra X", "stp oublie X", "x favore dimentica")
    r"|(?:^|[.!?,;:]\s*)(?:por fa|porfa|por fis|porfis|porfi|xfa|x fa|pf|pfv|pfvr|pls|plz|pli|x favore|per favore|"
    r"perfavore|por favorzinho|por favorzito|stp|svp|bitte bitte|pretty please|alsjeblieft|aub|asb|snälla|proszę)"
    r"[\s,!]+(?:(?:solo|just|juste|nur|gewoon|só|solo)\s+)?" + _CUE.pattern
    # a German / Dutch infinitive command at the end ("Das mit den Schulden bitte sofort wieder vergessen.",
    # "Mijn adres graag meteen vergeten."; not "bitte nicht vergessen")
    + r"|\b(?:bitte|graag|alsjeblieft|gerne|gern)\b[^.?!]{0,80}?(?<!nicht )(?<!niet )(?<!nie )(?<!kein )"
    r"\b(?:vergessen|löschen|streichen|verlernen|vergeten|wissen|verwijderen|schrappen)\s*(?:[.!,;]|danke|$)"
    # a confession, then "can you drop it?" ("I really regret telling you that X ... Can you drop it?")
    r"|\b(?:regret (?:telling (?:you|u)|sharing (?:that|this|it)|sharing (?:that |this |it )?with (?:you|u)|giving "
    r"(?:you|u))|(?:shouldn'?t|should not) have (?:told (?:you|u)|shared (?:that|this|it|with (?:you|u))|"
    r"given (?:you|u)|"
    r"said (?:that|this|it)))\b[^?!]{0,240}?\b(?:(?:can|could|would|will) (?:you|u)"
    r"(?: please| pls| just| kindly)?|please|pls|plz|just)\s+(?:drop|ditch|bin|lose|scrap|let go of)\s+"
    r"(?:it|that|this)\b"
    # a reference placed before a clitic verb ("lo de mi hermano olvídalo", "ce truc sur ma sœur, oublie-le",
    # "quella cosa di mia madre, dimenticala", "aquilo do meu irmão, esquece", "das mit meinem Onkel, vergiss das")
    r"|\b(?:lo|eso|esto|aquilo|isso|isto|quello|quella cosa|quella storia|la storia|ce truc|le truc|ce que je t'ai dit|"
    r"das|die sache|die geschichte|dat|wat ik zei)\s+(?:de|del|do|da|di|dei|sur|à propos de|mit|über|van|over|con)\s+"
    r"[^.?!]{1,60}?[,;:]?\s*(?:olvídalo|olvidalo|olvídala|bórralo|borralo|bórrala|esquece(?:-o|-a|-se)?|"
    r"esqueça|dimenticalo|dimenticala|scordalo|cancellalo|cancellala|oublie-le|oublie-la|oublie ça|efface-le|"
    r"vergiss (?:es|das|sie|ihn)|vergeet (?:het|dat))\b"
    # not knowing ("Can you make yourself not know X?", "stop knowing X", "make it so you don't know X anymore")
    r"|\b(?:make|get|force)\s+(?:yourself|urself|your self|ur self)\s+(?:to\s+)?(?:not|no longer|never)\s+"
    r"(?:know|remember|recall)\b|\bstop knowing\b|\b(?:you|u) (?:to )?no longer know\b"
    r"|\bmake it so (?:that )?(?:you|u) (?:don'?t|do not|no longer|won'?t) (?:know|remember)\b"
    r"|\bhacer que (?:ya )?no (?:sepas|recuerdes|conozcas)\b|\bfais en sorte de ne plus (?:connaître|savoir|te "
    r"souvenir)\b|\bsorg dafür,? dass du [^.?!]{1,50}? nicht mehr (?:weißt|kennst|speicherst)\b", _I)
# round 18 (after the retraining; veto only, no lexical feature reads these): forgetting in general with a generic
# object ("Could I get you to forget a detail later on?", "Are you able to unlearn facts?")
_NOT_A_REQUEST_18 = re.compile(
    r"\b(?:forget|unlearn|erase|delete|remove)\s+(?:(?:a|one|some|any|certain)\s+(?:detail|fact|piece of information|"
    r"bit of information|memory)s?|(?:facts|details|memories|information|data))\b"
    r"(?!\s+(?:about|regarding|on|of|i\b|from|in my|that i|you|u)\b)", _I)
# ... and turns that ask for something else: how to forget someone oneself ("Can you teach me how to forget someone?"),
# a brush-off ("Zapomnij, to nieważne."), an edit of a text ("Shorten it and remove anything about X", "Delete the
# sign-off", "Remove my name from the signature"), a format ("Forget the numbered steps")
_OTHER_TASK_18 = re.compile(
    r"\b(?:teach|show|tell|help)\s+me\s+how\s+to\s+(?:forget|unlearn|stop thinking about|get over)\b"
    r"|^\W*(?:zapomnij|glöm|glem|vergiss|vergeet|oublie|olvida|olvídalo|dimentica|esquece|forget)"
    r"(?:\s+(?:to|det|es|het|ça|lo|eso|isso|it|that))?\s*[,.!-]+\s*(?:to|det|es|het|c'est|ce n'est|eso|isso|it'?s|"
    r"that'?s|è|é|ist)?\s*(?:nieważne|nie ważne|inte viktigt|ikke vigtigt|egal|nicht wichtig|niet belangrijk|pas grave|"
    r"pas important|no importa|no es importante|non importa|non è importante|não importa|não é importante|"
    r"not important|no big deal)\b"
    r"|^\W*(?:please\s+)?(?:shorten|rewrite|rephrase|summari[sz]e|translate|tighten|edit|proofread|polish|simplify|"
    r"reword)\s+(?:it|this|that|the\s+\w+)\s+(?:and|then)\s+(?:remove|delete|cut|drop|take out|erase)\b"
    r"|\b(?:remove|delete|erase|cut|drop)\s+(?:[\w']+\s+){0,3}?(?:from\s+)?(?:the|my|this)\s+(?:e-?mail\s+)?"
    r"(?:sign-?off|signature|greeting|salutation|subject line|header|footer|caption|closing line)\b"
    r"|\b(?:forget|drop|skip|lose)\s+(?:the\s+)?(?:numbered|bulleted)\s+(?:steps|list|points)\b"
    # a saying attributed to someone at the end ("Dimentica il passato e guarda avanti, diceva mio nonno.")
    r"|,\s*(?:(?:as\s+)?(?:my|mio|mia|mi|mon|ma|mein\w*|mijn|meu|minha|min|mój|moja)\s+\w+\s+)?(?:diceva|dice|disait|dit|"
    r"decía|dice|dizia|diz|sagte|sagt|zei|zegt|sa|sade|sagde|mówił\w*|used to say|always says|says|said)"
    r"(?:\s+(?:sempre|toujours|siempre|immer|altijd|always))?(?:\s+(?:my|mio|mia|mi|mon|ma|mein\w*|mijn|meu|minha|min|"
    r"mój|moja)\s+\w+)?\s*[.!]?\s*$", _I)
# round 18: "Forget it. My locker code 14-32 I mean." - the thing is named after the pronoun, with "I mean"
_MEANT = re.compile(r"\b(?:i mean|i meant|that'?s what i mean[t]?|digo|quiero decir|me refiero|je veux dire|"
                    r"je parle de|meine ich|ich meine|intendo|voglio dire|quero dizer|bedoel ik|ik bedoel|menar jag|"
                    r"mener jeg|mam na myśli)\s*[.!]*\s*$", _I)


# ---- round 17: a request in its plainest form, whatever the head scores ----
# The head scores some plain imperative requests low in the languages the English encoder reads badly ("Vergeet hoe
# je X.", "Zapomnij, jak X.", "Olvida la letra de \"X\".", "Glem alt hvad du ved om mig, <name>."). A short turn that
# *opens* with a cue verb, names what to forget in one of the forms below (a possessive, a how / that / who clause,
# a work's text or chapter, a claim, a scope word), asks no question, and shows none of the chat cues (negation, past
# tense, editing or conversation objects, a new instruction after it, brush-offs, devices, quotes, ...) is a request.
_STRONG_NEG = (4, 5, 7, 9, 10, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22)  # lexical features that mark chat
_STRONG_START = re.compile(
    r"^(?:(?:please|pls|plz|kindly|hey|ok(?:ay)?|so|just|actually|now|bitte|por favor|per favore|porfa|svp|stp|"
    # round 18 (run time only): slang politeness words ("por fa olvida X", "xfa borra X")
    r"por fa|por fis|porfis|xfa|pf|pfv|x favore|bitte bitte|pretty please|"
    r"alsjeblieft|snälla|proszę|and|y|e|et|und|en|och|og|oh|also|right|um+|uh+|hmm+|well|yeah|hi|hello|hallo|hola|"
    r"ciao|salut|hej|cześć|oi|olá"
    # a wish addressed to the model before the verb ("Jag vill att du glömmer X", "I want you to forget X")
    r"|i (?:want|need) (?:you|u) to|i'?d like (?:you|u) to|ich (?:möchte|will),? dass du|quiero que|je veux que tu|"
    r"voglio che tu|quero que|ik wil (?:graag )?dat je|jag vill att du|jeg vil (?:gerne )?(?:have,? )?at du|"
    r"chcę,? (?:żebyś|abyś))[\s,!.]+)*", _I)
_STRONG_OBJECT = re.compile(
    r"^(?:(?:my|mi|mis|mon|ma|mes|mein\w*|mijn|mio|mia|il mio|la mia|i miei|le mie|meu|minha|o meu|a minha|os meus|"
    r"as minhas|mitt|min|mina|mit|mine|mój|moja|moje|moją|mojego|mojej)\s"
    r"|(?:how|hoe|jak|cómo|como|come|comment|wie|hur|hvordan|that|que|dass|dat|che|att|at|że|who|quien|quién|qui|"
    r"wer|chi|quem|vem|hvem|kto|where|dónde|donde|où|wo|waar|dove|onde|var|hvor|gdzie|what|lo que|ce que|was|wat|"
    r"ciò che|o que|vad|hvad|co)\b"
    r"|.*\b(?:lyrics|letra|testo|paroles|text|tekst|songtekst|hoofdstuk|chapter|capítulo|capitolo|chapitre|kapitel|"
    r"rozdział|claim|myth|behauptung|afirmação|afirmación|affirmation|mito|mythe|fabel"
    # round 18 (run time only): the falsehood nouns ("Olvida la mentira de que X", "Forget the hoax that X")
    r"|lie|hoax|misinformation|fake news|rumou?r|mentira|bulo|rumeur|mensonge|intox|lüge|gerücht|bufala|boato|leugen|"
    r"gerucht|kłamstw\w*|plotk\w*|lögnen|ryktet)\b"
    r"|.*\b(?:idea|idée|idee)\s+(?:that|que|de que|dass|dat|che|att|at|że|sobre|sur|about|over|über|su|om)\b"
    r"|(?:everything|all|alles|alt|allt|todo|tout|tutto|tudo|wszystko)\b)", _I)
_STRONG_THEN_TASK = re.compile(
    r"(?:\b(?:and|y|et|und|en|e|och|og|i)|,)\s+(?:\w+\s+)?(?:add|sign|write|rewrite|make|use|give|tell|return|let|redo|"
    r"shorten|summari[sz]e|hazlo|reescribe|réécris|reformule|kürze|riscrivi|rendi|resuma|suma|maak|schrijf|start|"
    r"keep|put|sort|escreve|escribe|écris|schreib|scrivi|herschrijf|empieza|ricomincia|recommence|begin|comienza|"
    r"fang)\b"
    r"|\b(?:dalla tua|from your|de tu|uit je|aus deiner|de ta|da tua|z twojej|från ditt|fra dit) (?:risposta|answer|"
    r"respuesta|antwoord|antwort|réponse|resposta|reply|response|odpowiedzi|svar)\b"
    r"|\bfrom\b(?!\s+(?:your|ur|the model's)\s+(?:memory|mind|head|brain|knowledge|weights|system|training)\b)"
    r"(?!\s+(?:memory|what you know)\b)"
    r"|,\s*(?:mejor|better|rather|instead|plutôt|lieber|meglio|beter|melhor|hellre|hellere|lepiej)\b", _I)
# what the person said earlier (an instruction or a remark of theirs): the head and the history decide
_STRONG_SAID = re.compile(r"^(?:what i (?:said|wrote|asked)|lo que (?:dije|escribí|pedí)|"
                          r"ce que j'ai (?:dit|écrit|demandé)|was ich (?:gesagt|geschrieben)|"
                          r"quello che ho (?:detto|scritto)|o que (?:eu )?(?:disse|escrevi)|"
                          r"wat ik (?:zei|schreef|vroeg)|det jag (?:sa|skrev)|hvad jeg (?:sagde|skrev)|"
                          r"co (?:powiedział|napisał)\w*)\b", _I)


_PRETEND_18 = re.compile(r"^(?:let'?s\s+|just\s+|can you\s+|could you\s+)?(?:pretend|act (?:like|as if|as though))\s+"
                         r"(?:that\s+)?i (?:never|didn'?t) (?:told|tell|gave|give|mentioned|mention|shared|share|said|"
                         r"say)"
                         r"(?:\s+(?:you|u))?(?:\s+about)?\s+", _I)


def plain_request(text: str, history: Iterable = ()) -> bool:
    """Round 17: True when `text` is a request in its plainest form (see above); the detector treats such a turn as a
    request even when the head scores it under the threshold (not when the head is sure it is chat)."""
    t = clean(text)
    if not t or len(t) > 160 or "?" in t or "¿" in t or vetoed(t, history):
        return False
    if any(_LEX[i].search(t) for i in _STRONG_NEG):
        return False
    rest = _STRONG_START.sub("", t)
    pretend = _PRETEND_18.match(rest)  # round 18 (run time only): "Pretend I never told you my salary."
    if pretend:
        span = rest[pretend.end():].strip(" .!,")
        return bool(span) and bool(_STRONG_OBJECT.match(span)) and not _STRONG_THEN_TASK.search(t)
    m = _CUE.match(rest)
    if not m:
        return False
    span = _object_after(rest, m.end())
    if not span or _is_reference(span) or _nothing_named(rest):
        return False
    return bool(_STRONG_OBJECT.match(span)) and not _STRONG_SAID.match(span) and not _STRONG_THEN_TASK.search(t)
