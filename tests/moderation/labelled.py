"""Short texts written for the tests, each with the decision screening must reach.

Four groups: insults (held for a moderator), clean criticism however harsh (published: a
customer may say the bank is terrible), personal data (published with it masked), spam
(held). Plus shouting and strong language (published and flagged) and plain questions.
The spam texts are posted by a member who joined today; the others by a member of a year.
"""

from __future__ import annotations

from dataclasses import dataclass

PUBLISH, FLAG, HOLD = "publish", "publish_and_flag", "hold"


@dataclass(frozen=True)
class Case:
    group: str
    language: str
    text: str
    decision: str
    masked: tuple[str, ...] = ()  # kinds of personal data that must be masked


CASES = [
    # --- insults: held ------------------------------------------------------------------
    Case("insult", "en", "You are a bunch of idiots, every single one of you at this bank.", HOLD),
    Case("insult", "en", "The agent who answered me is a complete moron.", HOLD),
    Case("insult", "en", "Fuck you and your useless app.", HOLD),
    Case("insult", "en", "Whoever designed this card reader is an imbecile.", HOLD),
    Case("insult", "en", "Your helpdesk staff are assholes, plain and simple.", HOLD),
    Case("insult", "en", "Stop lying to customers, you bastards.", HOLD),
    Case("insult", "nl", "Jullie zijn een stelletje klootzakken bij die bank.", HOLD),
    Case("insult", "nl", "Die medewerker aan de telefoon is een echte eikel.", HOLD),
    Case("insult", "nl", "Wat een sukkels werken er bij jullie klantendienst.", HOLD),
    Case("insult", "nl", "Kankerbank, ik ben er helemaal klaar mee.", HOLD),
    Case("insult", "nl", "Jullie zijn idioten, allemaal.", HOLD),
    Case("insult", "nl", "Die helpdesk zit vol debielen.", HOLD),
    Case("insult", "fr", "Vous êtes des connards, tous autant que vous êtes.", HOLD),
    Case("insult", "fr", "Le conseiller qui m'a répondu est un abruti.", HOLD),
    Case("insult", "fr", "Bande d'enculés, rendez-moi mon argent.", HOLD),
    Case("insult", "fr", "Votre service client, c'est une équipe de crétins.", HOLD),
    Case("insult", "fr", "Va te faire foutre avec tes frais cachés.", HOLD),
    Case("insult", "fr", "Quels imbéciles ont conçu cette application ?", HOLD),
    # --- clean criticism: published, however harsh ------------------------------------------
    Case("criticism", "en", "Your fees are a scam and the app is terrible.", PUBLISH),
    Case("criticism", "en", "Worst bank I have ever dealt with. Three weeks and still no new card.", PUBLISH),
    Case("criticism", "en", "I am closing my account. The service has been appalling since the merger.", PUBLISH),
    Case("criticism", "en", "This update is a disaster: transfers fail and nobody answers the phone.", PUBLISH),
    Case("criticism", "en", "Shameful how you treat loyal customers with these new charges.", PUBLISH),
    Case("criticism", "en", "One star. The mobile app crashes every time I open my savings.", PUBLISH),
    Case("criticism", "nl", "Ik baal ervan dat de app niet werkt, jullie service is waardeloos.", PUBLISH),
    Case("criticism", "nl", "Schandalig hoe lang ik moet wachten op een antwoord van de klantendienst.", PUBLISH),
    Case("criticism", "nl", "De nieuwe kosten zijn pure oplichterij, ik stap over naar een andere bank.", PUBLISH),
    Case("criticism", "nl", "Al drie dagen geen internetbankieren. Dit is echt belachelijk.", PUBLISH),
    Case("criticism", "nl", "Slechtste telecomoperator van België, nooit meer.", PUBLISH),
    Case("criticism", "nl", "Wat een gat in de dienstverlening sinds de fusie, erg teleurstellend.", PUBLISH),
    Case("criticism", "fr", "C'est une arnaque, votre service client est nul.", PUBLISH),
    Case("criticism", "fr", "Honteux : deux semaines sans carte et personne ne répond.", PUBLISH),
    Case("criticism", "fr", "Votre application est une catastrophe depuis la mise à jour.", PUBLISH),
    Case("criticism", "fr", "Je vais clôturer mon compte, ces frais sont inacceptables.", PUBLISH),
    Case("criticism", "fr", "Le pire opérateur que j'ai connu, réseau inexistant à Namur.", PUBLISH),
    Case("criticism", "fr", "Très déçu du conseiller, il ne connaissait rien au dossier.", PUBLISH),
    # --- personal data: published with it masked ---------------------------------------------
    Case("personal_data", "en", "Please refund it to my account BE68 5390 0754 7034 as soon as possible.", PUBLISH,
         ("iban",)),
    Case("personal_data", "en", "My card 4111 1111 1111 1111 was charged twice, can someone check?", PUBLISH,
         ("card",)),
    Case("personal_data", "en", "Call me back on +32 470 12 34 56 or mail jan.peeters@gmail.com please.", PUBLISH,
         ("phone", "email")),
    Case("personal_data", "nl", "Mijn rekeningnummer is NL91ABNA0417164300, waarom is de overschrijving weg?",
         PUBLISH, ("iban",)),
    Case("personal_data", "nl", "Mijn rijksregisternummer 85.07.30-033.28 staat verkeerd in de app.", PUBLISH,
         ("national_number",)),
    Case("personal_data", "nl", "Bel me op 0470 12 34 56, ik wacht al een week op mijn nieuwe kaart.", PUBLISH,
         ("phone",)),
    Case("personal_data", "fr", "Mon IBAN FR14 2004 1010 0505 0001 3M02 606 est bloqué depuis lundi.", PUBLISH,
         ("iban",)),
    Case("personal_data", "fr", "Ma carte 5555 5555 5555 4444 a été refusée partout ce week-end.", PUBLISH,
         ("card",)),
    Case("personal_data", "fr", "Écrivez-moi à marie.dubois@proximus.be, je n'arrive pas à me connecter.", PUBLISH,
         ("email",)),
    # --- spam (from a member who joined today): held ------------------------------------------
    Case("spam", "en", "Earn 500 dollars a day from home! http://quick-cash.example http://quick-cash.example/join "
         "http://quick-cash.example/now", HOLD),
    Case("spam", "en", "Cheap followers and likes: www.boost.example, www.boost.example/buy, www.boost.example/vip",
         HOLD),
    Case("spam", "nl", "Verdien snel geld met crypto: https://crypto.example https://crypto.example/start "
         "https://crypto.example/nu", HOLD),
    Case("spam", "nl", "Goedkope leningen zonder controle! https://lening.example, https://lening.example/aanvraag "
         "en https://lening.example/snel", HOLD),
    Case("spam", "fr", "Gagnez un iPhone gratuit ici : https://cadeau.example https://cadeau.example/jeu "
         "https://cadeau.example/gagner", HOLD),
    Case("spam", "fr", "Prêt rapide sans justificatif : https://pret.example https://pret.example/demande "
         "https://pret.example/ok", HOLD),
    # --- shouting and strong language: published and flagged ----------------------------------
    Case("shouting", "en", "WHY IS MY CARD BLOCKED AGAIN?! NOBODY ANSWERS THE PHONE AT ALL!", FLAG),
    Case("shouting", "nl", "WAAROM WERKT DE APP WEER NIET? IK WIL NU EEN ANTWOORD!", FLAG),
    Case("shouting", "fr", "POURQUOI MA CARTE EST ENCORE BLOQUÉE ? PERSONNE NE RÉPOND !", FLAG),
    Case("profanity", "en", "This app is shit since the last update.", FLAG),
    Case("profanity", "nl", "Godverdomme, weer geen bereik in Gent.", FLAG),
    Case("profanity", "fr", "Ma carte est bloquée, c'est la merde.", FLAG),
    # --- plain questions: published -----------------------------------------------------------
    Case("question", "en", "How do I raise the contactless limit on my debit card?", PUBLISH),
    Case("question", "en", "Does the savings account pay interest monthly or yearly?", PUBLISH),
    Case("question", "nl", "Hoe activeer ik mijn nieuwe kaart in de app?", PUBLISH),
    Case("question", "nl", "Kan ik mijn abonnement pauzeren tijdens een lange reis?", PUBLISH),
    Case("question", "fr", "Comment changer le code PIN de ma carte de débit ?", PUBLISH),
    Case("question", "fr", "Est-ce que l'offre mobile inclut le roaming au Maroc ?", PUBLISH),
]
