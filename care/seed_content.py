"""The demo mention stream's words: what Belgians say about Hearth Bank on X and Facebook, what
the news writes, and how the bank's webcare team answers.

Pure data, read by care/seed.py, which sends it through care.ingest as webhooks and a feed
would. Nothing here is real: no real bank or operator, no real customer, no real account or
phone number (the few that appear are made up, and masked on arrival). Roughly 45% Dutch, 35%
French and 20% English, as Belgian customers write.

Texts on X carry the @handles as X's API gives them: a reply starts with the handle it answers.
On Facebook a reply starts with the name it tags ("Hearth Bank bedankt…", "{name} …"). Care's
texts use placeholders: {handle} (the customer's X handle), {first} (their first name) and
{name} (their full name, as Facebook tags it); an "other" person's reply uses {handle} for the
customer they answer.

SINGLES: messages that stand alone, per channel, language and kind.
THREADS: conversations. Each has a channel, a language and turns (who, text[, parent]): who is
"customer" (who opened it), "care" (the brand: HearthCare on X, the page on Facebook) or
"other" (someone else joining in). On X a turn answers the previous one unless it names the
index of its parent; on Facebook turn 0 is the post, and a turn answers the last top-level
comment, or the post when it names parent 0. "page": the brand opened it (a page post);
"late": its opening message reaches Hearth only after the replies (a delivery that came late),
which the threading must survive; "days_ago": when it starts, if it matters.
OUTAGE: the morning the app and Bancontact went down: customers' messages, the care team's
status updates and a few threads. Insights later show it as a spike of negative mentions.
NEWS: items of the "Belgian news" feed; the ones not about the bank match no topic.
DROPPED: Facebook comments and X posts that match no listening topic (dropped on arrival).
CORRECTIONS: texts whose lexicon sentiment an agent corrects (sarcasm, flat complaints).
"""

from __future__ import annotations

from typing import Any

PAGE_ID = "318406228754112"

CHANNELS: list[dict[str, Any]] = [
    {"key": "x", "kind": "x", "name": "Hearth Bank on X", "account": "HearthBank",
     "secret": "demo-x-consumer-secret-not-for-production"},
    {"key": "facebook", "kind": "facebook", "name": "Hearth Bank Facebook page", "account": PAGE_ID,
     "secret": "demo-facebook-app-secret-not-for-production", "verify_token": "hearth-demo-verify-token"},
    # Polled in the demo, it fails (the address does not exist): the channel page shows the error.
    {"key": "feed", "kind": "feed", "name": "Belgian news", "account": "https://news.example.be/feed.xml",
     "news": True, "poll_minutes": 1440},
    {"key": "import", "kind": "import", "name": "Imports"},
]

BRAND_QUERY = 'hearth* OR "hearth bank" OR #hearthbank'
_BRAND = "(hearth* OR @hearthbank OR @hearthcare)"

TOPICS: list[dict[str, Any]] = [
    {"name": "Hearth Bank", "query": BRAND_QUERY, "profiles": ["hearthbank", "hearthcare"]},
    {"name": "Cards and payments",
     "query": f"{_BRAND} AND (kaart* OR carte* OR card* OR bancontact OR payconiq OR contactless OR "
              "pincode OR \"code pin\" OR betaling* OR paiement* OR payment*)"},
    {"name": "App and itsme",
     "query": f"{_BRAND} AND (app OR apps OR appli* OR itsme OR \"mobile banking\" OR \"mobiel bankieren\" OR "
              "\"banque en ligne\" OR \"online banking\" OR inloggen OR login OR \"se connecter\")"},
    {"name": "Outages",
     "query": f"{_BRAND} AND (storing* OR panne* OR outage OR down OR plat OR \"ligt eruit\" OR \"werkt niet\" "
              "OR \"marche pas\" OR \"not working\") AND NOT (job* OR vacature* OR emploi*)"},
    {"name": "Fraud and phishing",
     "query": "phishing OR hameçonnage OR fraude OR fraud OR oplichting OR oplichter* OR arnaque* OR scam* "
              "OR \"valse sms\" OR \"faux sms\" OR \"fake sms\" OR \"faux conseiller\" OR smishing"},
    # Last spring's campaign: paused, kept for its history.
    {"name": "Spring savings campaign", "query": "#spaarlente OR #printempsepargne OR \"hearth spaarlente\"",
     "active": False},
]

# The brand's accounts: the corporate one, the care team's, and the Facebook page.
BRAND_ACCOUNT = {"handle": "HearthBank", "name": "Hearth Bank", "followers": 38_240}
CARE_ACCOUNT = {"handle": "HearthCare", "name": "Hearth Bank Care", "followers": 12_415}
PAGE_ACCOUNT = {"handle": "Hearth Bank", "name": "Hearth Bank"}

# Customers on X: (handle, name). Followers are drawn by the seeder; these few are known.
X_AUTHORS: dict[str, list[tuple[str, str]]] = {
    "nl": [
        ("rubenvh_", "Ruben Van Hoof"), ("ineswuyts", "Ines Wuyts"), ("jorisdecock", "Joris De Cock"),
        ("kaat_verhaegen", "Kaat Verhaegen"), ("stijnvl", "Stijn Vleminckx"), ("marthe_dw", "Marthe De Wilde"),
        ("bertvanlooy", "Bert Van Looy"), ("hannelore_m", "Hannelore Moens"), ("dries_cools", "Dries Cools"),
        ("ellenvdw", "Ellen Van de Walle"), ("koenraad_s", "Koenraad Smets"), ("lieselot_b", "Lieselot Bogaerts"),
        ("wardvr", "Ward Vercammen"), ("femkedg", "Femke De Graeve"), ("glenn_dp", "Glenn De Pauw"),
        ("annelies_vh", "Annelies Van Hecke"), ("mathiasbaert", "Mathias Baert"), ("nele_lemmens", "Nele Lemmens"),
        ("yannick_vdb", "Yannick Van den Broeck"), ("tineke_s", "Tineke Stevens"), ("robbe_dc", "Robbe De Clercq"),
        ("saartje_j", "Saartje Jorissen"), ("kobe_vd", "Kobe Verdonck"), ("griet_vm", "Griet Van Mol"),
        ("jelle_ceulemans", "Jelle Ceulemans"), ("mieke_vermeiren", "Mieke Vermeiren"), ("seppe_dh", "Seppe D'hondt"),
        ("lore_geens", "Lore Geens"), ("arne_vl", "Arne Vanlommel"), ("charlotte_dm", "Charlotte De Meyer"),
        ("bavo_p", "Bavo Pieters"), ("jolien_vr", "Jolien Van Roy"), ("frederik_dbk", "Frederik De Bock"),
        ("lien_heylen", "Lien Heylen"), ("wannes_v", "Wannes Verstraete"), ("joke_vanhove", "Joke Vanhove"),
        ("matthias_g", "Matthias Geerts"), ("zoe_lambrechts", "Zoë Lambrechts"), ("pjdecoster", "Pieter-Jan De Coster"),
        ("dorien_mls", "Dorien Mols"), ("toonvg", "Toon Van Gorp"), ("evy_deckers", "Evy Deckers"),
    ],
    "fr": [
        ("aurelie_dlc", "Aurélie Delcourt"), ("maximeb_", "Maxime Bertrand"), ("sophie_renson", "Sophie Renson"),
        ("julienhenrard", "Julien Henrard"), ("nathlejeune", "Nathalie Lejeune"), ("kevin_collard", "Kevin Collard"),
        ("elodie_gilson", "Élodie Gilson"), ("thibaut_dmt", "Thibaut Demortier"), ("laetitia_bx", "Laetitia Bastin"),
        ("romain_pirard", "Romain Pirard"), ("celine_wauters", "Céline Wauters"), ("gregory_m", "Grégory Massart"),
        ("amandine_lc", "Amandine Leclercq"), ("florent_dv", "Florent Devos"), ("pauline_hb", "Pauline Hubert"),
        ("quentin_lrs", "Quentin Lorsignol"), ("manu_delvaux", "Emmanuel Delvaux"), ("sarah_kabongo", "Sarah Kabongo"),
        ("mehdi_bz", "Mehdi Bouazza"), ("justine_rx", "Justine Roux"), ("olivier_jcq", "Olivier Jacquemin"),
        ("marine_dfr", "Marine Defraigne"), ("benoit_lmb", "Benoît Lambotte"), ("isabelle_fl", "Isabelle Flamand"),
        ("antoine_cr", "Antoine Crucifix"), ("claire_vdh", "Claire Vanderhaegen"), ("hugo_mrt", "Hugo Mertens"),
        ("nadia_elk", "Nadia El Khattabi"), ("lucie_dbr", "Lucie Debroux"), ("arnaud_gbt", "Arnaud Gobert"),
        ("valentin_sch", "Valentin Schmitz"), ("margot_ptr", "Margot Petre"),
    ],
    "en": [
        ("dave_in_brussels", "Dave Mitchell"), ("expat_anna", "Anna Kowalski"), ("marco_rossi_bxl", "Marco Rossi"),
        ("sam_oconnell", "Sam O'Connell"), ("priyanair", "Priya Nair"), ("jkvandijk", "Jeroen van Dijk"),
        ("laurenbxl", "Lauren Hughes"), ("tomasz_w", "Tomasz Wiśniewski"), ("emily_ghent", "Emily Carter"),
        ("ben_harris_eu", "Ben Harris"), ("ines_garcia_", "Inés García"), ("olivergrant", "Oliver Grant"),
        ("katie_mcb", "Katie McBride"), ("arjun_kp", "Arjun Kapoor"), ("nick_at_eu", "Nick Papadopoulos"),
        ("hannah_lvn", "Hannah Lindqvist"),
    ],
}

# Authors the texts are written for.
INFLUENCER = {"handle": "techwithtine", "name": "Tine Claeys | fintech & gadgets", "followers": 41_870,
              "language": "en"}
SPECIAL_AUTHORS: dict[str, dict[str, Any]] = {
    "influencer": INFLUENCER,
    "gamer": {"handle": "jake_plays_hs", "name": "Jake Morris", "followers": 2_310, "language": "en"},
    "reader": {"handle": "cozy_reads_meg", "name": "Meg Turner", "followers": 845, "language": "en"},
    "decor": {"handle": "interieur_lies", "name": "Lies | wonen & interieur", "followers": 3_120, "language": "nl"},
}

# People commenting on the Facebook page: Facebook gives a name, no follower count.
FB_AUTHORS: dict[str, list[str]] = {
    "nl": ["Greet Van Aken", "Luc Dierckx", "Hilde Vandersmissen", "Rita Van Gorp", "Marc Verlinden",
           "Ingrid Wijns", "Geert Bosmans", "Carine Nys", "Patrick Vanhoutte", "Els Goovaerts", "Dirk Bollen",
           "Kristel Peeters", "Johan Mariën", "Veerle Hendrix", "Bart Sels", "Nathalie Van Dyck"],
    "fr": ["Michel Dupuis", "Chantal Lemaire", "Fabienne Collin", "Jean-Marc Leroy", "Véronique Gérard",
           "Christophe Denis", "Martine Lallemand", "Philippe Renard", "Sylvie Marchal", "Didier Thiry",
           "Anne-Sophie Hardy"],
    "en": ["Mark Bennett", "Susan Clarke", "Rachel Cohen", "Daniel Okafor"],
}

# --- messages that stand alone -----------------------------------------------------------------

SINGLES: dict[str, dict[str, dict[str, list[str]]]] = {
    "x": {
        "nl": {
            "complaint": [
                "@HearthBank al 40 minuten in de wachtrij van jullie klantendienst. Echt belachelijk.",
                "@HearthBank waarom kost mijn zichtrekening ineens €2,50 per maand? Nergens een brief over gekregen.",
                "@HearthBank mijn kaart is ingeslikt door de automaat in het station. Zaterdagavond, kantoor dicht. "
                "Super.",
                "@HearthBank overschrijving van vrijdag staat nog altijd niet op de rekening van mijn verhuurder. "
                "Hoe lang duurt dat nog?",
                "@HearthBank weer een nieuwe kaartlezer kopen omdat de oude niet meer ondersteund wordt. Slecht voor "
                "het milieu en voor mijn portemonnee.",
                "Drie keer gebeld naar @HearthBank, drie keer doorverbonden, drie keer mijn verhaal opnieuw moeten "
                "doen. Vervelend.",
                "@HearthBank jullie kantoor in Tienen sluit en het dichtste is nu 12 km verder. Voor mijn moeder "
                "van 82 is dat een slechte zaak.",
                "@HearthBank contactloos betalen lukt niet meer met mijn nieuwe kaart, telkens moet ik toch mijn "
                "pincode intikken",
                "@HearthBank na de update zijn al mijn begunstigden weg uit de app. Lastig als je de huur moet "
                "betalen.",
                "@HearthBank de chat zegt 'een medewerker komt zo bij u' en dat is nu een uur geleden",
                "@HearthBank kredietkaart verlopen en de nieuwe zit nog altijd niet in de bus. Volgende week "
                "vertrek ik op reis...",
                "Ongelooflijk dat ik bij @HearthBank voor een simpele adreswijziging naar een kantoor moet",
                "@HearthBank betaling van €34 twee keer afgeschreven bij een webshop. Hoe krijg ik dat terug?",
                "@HearthBank mijn domiciliëring voor de elektriciteit is zomaar stopgezet en nu krijg ik een "
                "aanmaning. Schandalig.",
                "@HearthBank jullie app vraagt om de twee dagen om opnieuw in te loggen met itsme, zo vervelend",
                "@HearthBank waarom moet ik €10 betalen voor een bankattest? Dat is toch gewoon een pdf",
                "@HearthBank de geldautomaat op de Grote Markt is al een week buiten gebruik",
                "@HearthBank zes dagen wachten op een antwoord op mijn mail. Zwak.",
                "@HearthBank mijn Payconiq-betalingen komen sinds gisteren niet meer door",
                "@HearthBank de limiet van mijn kaart verhogen kan blijkbaar alleen via de telefoon en daar neemt "
                "niemand op",
                "@HearthBank ik krijg geen sms-code meer om online aankopen te bevestigen, al drie bestellingen "
                "geannuleerd",
                "@HearthBank 8 euro kosten voor een betaling in Zwitserland. Dat had ik graag vooraf geweten.",
                "@HearthBank mijn spaarrente is een lachertje vergeleken met vorig jaar",
                "@HearthBank de app toont mijn saldo van gisteren. Refreshen helpt niet.",
                "@HearthBank waarom staat mijn kaart op 'tijdelijk geblokkeerd' terwijl ik niets gedaan heb?",
                "@HearthBank mijn pensioenspaarfonds staat 3% lager en niemand laat mij iets weten",
            ],
            "question": [
                "@HearthBank kan mijn dochter van 12 een eigen kaart krijgen? Welke rekening heeft ze daarvoor "
                "nodig?",
                "@HearthBank hoe zet ik mijn kaart open voor betalingen buiten Europa? Ik vertrek maandag naar "
                "Thailand",
                "@HearthBank kan ik een overschrijving annuleren die ik net heb gedaan? Verkeerd bedrag ingegeven 😬",
                "@HearthBank vanaf wanneer kan ik Apple Pay gebruiken met mijn Hearth-kaart?",
                "@HearthBank waar vind ik het fiscaal attest van mijn woonkrediet in de app?",
                "@HearthBank werkt de app ook op een tablet of enkel op een gsm?",
                "Iemand ervaring met sparen bij @HearthBank? Ik twijfel om mijn spaarrekening over te zetten",
                "@HearthBank moet ik iets doen nu mijn identiteitskaart vernieuwd is?",
                "@HearthBank hoe lang duurt het voor ik een nieuwe pincode krijg? Ben de mijne vergeten 🙈",
                "@HearthBank kan ik een rekening openen zonder naar een kantoor te gaan?",
                "@HearthBank wat zijn de openingsuren van het kantoor in Hasselt op zaterdag?",
                "@HearthBank is het normaal dat mijn saldo in de app verschilt van dat op de website?",
                "@HearthBank kan ik een volmacht geven aan mijn zoon voor mijn rekening?",
                "@HearthBank hoeveel kost een tweede kaart voor mijn partner?",
                "Hoeveel kost een reisverzekering bij Hearth Bank eigenlijk? Iemand een idee?",
            ],
            "praise": [
                "Dikke merci aan @HearthBank: kaart geblokkeerd na diefstal en binnen 10 minuten geregeld. Top "
                "service!",
                "De nieuwe app van @HearthBank is echt goed gedaan. Eindelijk zie ik mijn uitgaven per categorie 👌",
                "Chapeau voor de medewerker van @HearthBank in Brugge die mijn vader zo geduldig de app heeft "
                "uitgelegd",
                "@HearthBank jullie webcare antwoordt sneller dan mijn eigen familie 😄 bedankt!",
                "Woonkrediet rond bij @HearthBank. Heldere uitleg, goede rente, vriendelijke adviseur. Aanrader.",
                "Maandag een nieuwe kaart besteld bij @HearthBank, woensdag zat ze in de bus. Vlot!",
                "Instant overschrijvingen bij @HearthBank zijn echt instant, heel handig om op restaurant de "
                "rekening te splitten",
                "@HearthBank mijn klacht over de dubbele afschrijving is netjes opgelost. Bedankt!",
                "Eerlijk is eerlijk: de budgetcoach in de @HearthBank app heeft me deze maand 80 euro doen "
                "besparen 💪",
                "Fijn gesprek gehad met mijn adviseur van @HearthBank over pensioensparen. Eindelijk snap ik het.",
                "@HearthBank fijn dat Payconiq-betalingen nu met de naam van de winkel in de app staan 👍",
            ],
            "neutral": [
                "Volgende week is er een infosessie over pensioensparen bij @HearthBank in Mechelen, gaat er "
                "iemand mee?",
                "Net mijn eerste rekening geopend bij Hearth Bank. Benieuwd.",
                "Las dat Hearth Bank in Kortrijk een nieuw kantoor opent in het voorjaar",
                "@HearthBank ter info: de link naar de tarieven in jullie nieuwsbrief geeft een lege pagina",
                "Overgestapt naar Hearth Bank voor het woonkrediet, de rest blijft voorlopig waar het was",
            ],
            "insult": [
                "@HearthBank klootzakken",
                "@HearthBank stelletje sukkels",
                "@HearthBank idioten, mijn kaart is al drie dagen geblokkeerd en niemand belt terug",
            ],
        },
        "fr": {
            "complaint": [
                "@HearthBank 45 minutes d'attente au téléphone pour finalement être coupée. C'est lamentable.",
                "@HearthBank pourquoi 2 € de frais par mois sur mon compte courant sans aucun courrier ? Pas "
                "sérieux.",
                "@HearthBank l'agence de Namur ferme à 15h et il faut un rendez-vous pour tout. Pénible.",
                "@HearthBank mon virement vers la France n'est toujours pas arrivé après quatre jours ouvrables",
                "@HearthBank Bancontact refusé chez le boulanger alors que mon compte est approvisionné 🙄",
                "@HearthBank vous avez débité deux fois mon loyer ce mois-ci. J'attends un remboursement rapide.",
                "@HearthBank le lecteur de carte ne reconnaît pas ma nouvelle carte. Mauvaise surprise.",
                "@HearthBank toujours pas de réponse à mon mail de la semaine passée. Déçue.",
                "@HearthBank des frais pour un retrait au distributeur d'une autre banque, et sans prévenir en plus",
                "@HearthBank l'appli me déconnecte toutes les cinq minutes depuis la mise à jour",
                "@HearthBank j'ai demandé la clôture du compte de ma mère décédée il y a deux mois. Toujours rien. "
                "Honteux.",
                "@HearthBank impossible de payer sans contact avec ma carte depuis le remplacement",
                "@HearthBank le code SMS pour confirmer mes achats en ligne n'arrive jamais",
                "@HearthBank trois semaines pour recevoir une carte de crédit, c'est long, vraiment trop long",
                "@HearthBank le distributeur de la place communale de Wavre avale les billets déposés, c'est la "
                "deuxième fois",
                "@HearthBank mon épargne rapporte moins que l'inflation, merci pour rien",
                "@HearthBank encore un changement de conditions par courrier de quatre pages. Illisible.",
                "@HearthBank on me facture des frais de tenue de compte alors que je suis étudiant. Ce n'est pas "
                "normal.",
                "@HearthBank l'appli refuse ma carte d'identité pour mettre à jour mes données, ça fait trois fois "
                "que j'essaie",
                "@HearthBank le chatbot ne comprend rien, je veux parler à une vraie personne",
            ],
            "question": [
                "@HearthBank bonjour, comment activer ma carte pour les paiements hors Europe ? Je pars au Maroc "
                "samedi",
                "@HearthBank peut-on ouvrir en ligne un compte pour un enfant de 10 ans ?",
                "@HearthBank où se trouve l'attestation fiscale de mon prêt hypothécaire dans l'appli ?",
                "@HearthBank est-ce que Google Pay fonctionne avec les cartes Hearth ?",
                "@HearthBank quels sont les horaires de l'agence de Liège le samedi ?",
                "@HearthBank comment changer l'adresse e-mail liée à mon compte ?",
                "@HearthBank bonjour, mon code est bloqué après trois essais, que dois-je faire ?",
                "@HearthBank vous proposez un compte épargne sans frais pour les étudiants ?",
                "@HearthBank est-il possible de faire une procuration en ligne pour mon père ?",
                "@HearthBank combien de temps faut-il pour recevoir un nouveau code PIN par la poste ?",
                "@HearthBank vous faites aussi des prêts pour des panneaux solaires ?",
                "@HearthBank bonjour, peut-on avoir une carte avec un autre design ? La mienne est toute grise 😅",
                "@HearthBank combien de temps faut-il pour débloquer ma carte après un paiement suspect ?",
            ],
            "praise": [
                "Merci @HearthBank, carte volée bloquée en deux minutes par téléphone un dimanche soir. Bravo 👏",
                "Franchement la nouvelle appli @HearthBank est top, beaucoup plus claire qu'avant",
                "Super accueil à l'agence Hearth Bank de Wavre ce matin, conseillère très compétente",
                "@HearthBank merci pour la réponse rapide, problème réglé 🙏",
                "Prêt auto accepté en 48h chez @HearthBank, efficace !",
                "Les virements instantanés de @HearthBank, c'est vraiment pratique quand on partage un appart",
                "Je râle souvent mais là chapeau @HearthBank : remboursement de la fraude en trois jours",
                "Très bon conseil de mon agence Hearth Bank pour mon épargne pension, merci Mme Lambert",
                "Mon conseiller Hearth Bank m'a évité une belle arnaque au faux SMS, merci à lui !",
                "@HearthBank service client au top ce matin, merci à Karim pour sa patience",
            ],
            "neutral": [
                "Hearth Bank ouvre une nouvelle agence à Mons le mois prochain, paraît-il",
                "@HearthBank vous serez présents au salon de l'immobilier à Bruxelles ?",
                "Rendez-vous chez Hearth Bank demain pour le prêt de la maison, on croise les doigts",
                "Changement de banque ce mois-ci, je passe chez Hearth Bank pour le compte joint",
                "Quelqu'un a déjà pris un prêt travaux chez Hearth Bank ? Vos avis ?",
            ],
            "insult": [
                "@HearthBank bande de cons",
                "@HearthBank pauvres idiots, encore des frais cachés",
            ],
        },
        "en": {
            "complaint": [
                "@HearthBank been on hold for 50 minutes. Is anyone actually working today?",
                "@HearthBank my card got declined at a restaurant in Lisbon and now I'm stuck with the bill. Not "
                "happy.",
                "@HearthBank why is there suddenly a monthly fee on my account? No email, no letter, nothing.",
                "@HearthBank moved to Belgium 3 weeks ago and still no account, the branch wants an appointment I "
                "can't book anywhere",
                "@HearthBank the app logs me out every time I switch to another app. Really annoying.",
                "@HearthBank transferred money to my landlord 4 days ago and it still hasn't arrived. What's going "
                "on?",
                "@HearthBank your chatbot is useless, it just keeps sending me the same FAQ link",
                "@HearthBank €7 to pay in pounds with my debit card? That's a terrible rate.",
                "@HearthBank why does a transfer to my Dutch account take two days when it's all SEPA?",
                "@HearthBank the Leuven branch closes at 3pm on weekdays, who can even make it there?",
            ],
            "question": [
                "@HearthBank does the Hearth card work with Apple Pay yet?",
                "@HearthBank can I open an account as an expat without a Belgian ID card?",
                "@HearthBank how do I raise my daily payment limit in the app?",
                "@HearthBank is there an English version of the app? Everything shows up in Dutch for me",
                "Anyone know if Hearth Bank branches are open on Easter Monday?",
                "@HearthBank do you offer joint accounts for unmarried couples?",
                "@HearthBank can I use the app with a foreign phone number?",
                "@HearthBank how do I download a statement in English for my visa application?",
            ],
            "praise": [
                "Shoutout to @HearthBank for sorting my blocked card in 5 minutes while I was in Berlin. Great "
                "service!",
                "Honestly the @HearthBank app is one of the best banking apps I've used. Clean and fast.",
                "@HearthBank thanks for the quick reply, all sorted now 👍",
                "Opened my account with @HearthBank fully online as an expat. Took 15 minutes. Impressed.",
                "The spending insights in the @HearthBank app are genuinely useful, love the monthly summary",
                "Paid my first rent in Belgium through the @HearthBank app and it just worked. Small wins!",
                "@HearthBank your branch staff in Leuven were super patient with my terrible Dutch 😄 thank you",
            ],
            "neutral": [
                "Hearth Bank is hiring developers in Ghent, if anyone's looking",
                "Switching my salary account to Hearth Bank next month, we'll see how it goes",
                "Comparing Hearth Bank with an online-only bank for my student account, any tips?",
                "First time I see a Hearth Bank ad in English, before a YouTube video of all places",
            ],
            "insult": [
                "@HearthBank fuck you, fix your app",
            ],
        },
    },
    "facebook": {
        "nl": {
            "complaint": [
                "Hearth Bank, al twee weken wacht ik op de terugbetaling van een dubbele afschrijving. Wanneer "
                "komt dat in orde?",
                "Waarom moet je bij Hearth Bank tegenwoordig overal een afspraak voor maken? Vroeger liep je "
                "gewoon binnen.",
                "Nieuwe kaart van Hearth Bank ontvangen, maar de pincode-brief is nooit aangekomen. Wat nu?",
                "Ik vind het jammer dat Hearth Bank het kantoor in ons dorp sluit. Voor de oudere mensen hier is "
                "dat echt een slechte zaak.",
                "Sinds de nieuwe Hearth Bank app kan ik mijn spaarrekening niet meer zien. Waar staat die nu?",
                "Hearth Bank, ik heb drie keer gemaild en niemand antwoordt. Mijn adres is greet.vanaken@example.com, "
                "stuur me eens iets terug.",
            ],
            "question": [
                "Hearth Bank, kan ik met mijn kaart ook betalen in het Verenigd Koninkrijk zonder extra kosten?",
                "Weet iemand of Hearth Bank ook autoleningen doet voor tweedehands wagens?",
                "Hearth Bank, hoe kan ik een rekening openen voor mijn kleinzoon?",
            ],
            "praise": [
                "Een pluim voor het Hearth Bank kantoor in Lier. Altijd vriendelijk en ze nemen hun tijd.",
                "Dank je wel Hearth Bank voor de vlotte hulp na de inbraak bij ons thuis. Alles is al geregeld.",
                "Eindelijk een bank-app die mijn ouders ook snappen. Goed gedaan Hearth Bank!",
            ],
            "neutral": [
                "Hearth Bank, wordt er in Aalst nog een infoavond over woonkredieten gehouden dit jaar?",
            ],
        },
        "fr": {
            "complaint": [
                "Hearth Bank, cela fait trois semaines que j'attends ma carte de débit. C'est inadmissible, j'en ai "
                "besoin pour travailler.",
                "Je ne comprends pas pourquoi Hearth Bank ferme l'agence de Ciney. Les personnes âgées vont faire "
                "comment ?",
                "Hearth Bank, mes extraits de compte papier n'arrivent plus depuis deux mois. Je n'ai pas "
                "d'ordinateur.",
                "Depuis la nouvelle version de l'appli Hearth Bank, impossible de voir mes virements programmés.",
            ],
            "question": [
                "Hearth Bank, est-ce qu'il est possible de prendre rendez-vous le samedi à Charleroi ?",
                "Bonjour Hearth Bank, comment faire une réclamation pour un paiement que je ne reconnais pas ?",
            ],
            "praise": [
                "Merci à Hearth Bank et à Sandrine de l'agence d'Arlon pour son aide avec la succession de mon "
                "père. Très humaine.",
                "Bravo Hearth Bank, la nouvelle appli est vraiment facile, même pour moi !",
            ],
            "neutral": [
                "Hearth Bank, vous serez à la foire de Libramont cette année ?",
            ],
        },
        "en": {
            "question": [
                "Hearth Bank, do you have English-speaking advisers in the Leuven branch?",
                "Hearth Bank, can I get my statements in English? Everything arrives in Dutch.",
            ],
            "praise": [
                "Big thanks to Hearth Bank for helping us open a joint account so quickly after we moved here!",
            ],
        },
    },
}

# The brand's own posts on X, and noise the brand query catches anyway (kept, for a later smart delete).
BRAND_POSTS: list[tuple[str, str]] = [
    ("nl", "Vanaf vandaag kan je je kaart zelf tijdelijk blokkeren en weer deblokkeren in de Hearth Bank-app. 🔒 "
           "Handig als je ze even kwijt bent."),
    ("fr", "Dès aujourd'hui, vous pouvez bloquer et débloquer vous-même votre carte dans l'appli Hearth Bank. 🔒 "
           "Pratique quand on l'a égarée."),
    ("en", "Our savings accounts get a higher base rate from the first of next month. Details in the Hearth Bank "
           "app under Savings."),
    ("nl", "Let op: Hearth Bank vraagt nooit je pincode of itsme-code, niet per sms, niet per mail en niet aan "
           "de telefoon. Twijfel je? Bel ons. #phishing"),
    ("fr", "Attention : Hearth Bank ne vous demande jamais votre code PIN ou itsme, ni par SMS, ni par e-mail, "
           "ni au téléphone. #phishing"),
]

NOISE: list[tuple[str, str]] = [
    ("gamer", "Finally hit Legend in Hearthstone after three weeks of grinding 🎉"),
    ("gamer", "The new Hearthstone expansion is wild, half my deck is useless now"),
    ("reader", "Nothing beats a quiet evening by the hearth with a good book and a cup of tea"),
    ("decor", "Deze haard is het hart van het huis: onze hearth & home collectie staat nu online 🔥"),
    ("gamer", "Streaming Hearthstone arena runs tonight, come say hi"),
]

# --- conversations ---------------------------------------------------------------------------

THREADS: list[dict[str, Any]] = [
    # X, Dutch
    {"channel": "x", "language": "nl", "late": True, "days_ago": 24.3, "turns": [
        ("customer", "@HearthBank mijn kaart is geblokkeerd in Marokko en ik sta hier aan de kassa van de "
                     "supermarkt. Wat nu??"),
        ("care", "@{handle} Dag {first}, dat is vervelend! Stuur ons even een DM met je naam en de laatste 4 "
                 "cijfers van je kaart, dan kijken we meteen mee. ^Jens"),
        ("customer", "@HearthCare DM gestuurd!"),
        ("care", "@{handle} Gevonden: je kaart stond nog op 'enkel Europa'. We hebben ze opengezet voor de "
                 "hele wereld, je kan opnieuw betalen. Fijne vakantie! ^Jens"),
        ("customer", "@HearthCare het werkt weer, bedankt voor de snelle hulp!"),
    ]},
    {"channel": "x", "language": "nl", "turns": [
        ("customer", "@HearthBank nieuwe gsm en nu krijg ik itsme niet meer gekoppeld aan de app. Al een uur "
                     "bezig 😤"),
        ("care", "@{handle} Dag {first}, bij een nieuwe gsm moet je itsme eerst opnieuw activeren met je "
                 "identiteitskaart. Daarna in de app: Profiel > Beveiliging > itsme. Lukt dat? ^Sofie"),
        ("customer", "@HearthCare ik heb geen kaartlezer meer 🙈"),
        ("care", "@{handle} Geen probleem: in elk kantoor kunnen ze itsme voor je activeren, of we sturen je "
                 "gratis een kaartlezer op. Stuur je ons je adres via DM? ^Sofie"),
        ("customer", "@HearthCare gedaan, merci!"),
    ]},
    {"channel": "x", "language": "nl", "turns": [
        ("customer", "@HearthBank €2,50 per maand voor een zichtrekening? Ik zit al twintig jaar bij jullie. "
                     "Dit voelt als een slag in het gezicht."),
        ("care", "@{handle} Dag {first}, we begrijpen je frustratie. Sinds vorige maand kost de Basisrekening "
                 "€2,50, maar met de Plus-bundel betaal je niets als je loon erop komt. Zullen we samen kijken wat "
                 "voor jou het voordeligst is? ^Wim"),
        ("customer", "@HearthCare mijn loon komt er al twintig jaar op..."),
        ("care", "@{handle} Dan hoort de bundel gratis te zijn. We zoeken het uit en laten je vandaag nog iets "
                 "weten. ^Wim"),
        ("customer", "@HearthCare en? Nog niets gehoord."),
    ]},
    {"channel": "x", "language": "nl", "turns": [
        ("customer", "@HearthBank al drie keer beloofd dat ik teruggebeld word. Mijn nummer is 0478 12 34 56, "
                     "bel me nu eindelijk eens"),
        ("care", "@{handle} Dag {first}, sorry dat het zo lang duurt. Haal je nummer liever uit je tweet, we "
                 "sturen je een DM en bellen je vandaag nog terug. ^Jens"),
        ("customer", "@HearthCare ok, ik wacht op jullie telefoontje"),
        ("customer", "@HearthCare telefoontje gehad, alles is in orde. Dank je Jens."),
    ]},
    {"channel": "x", "language": "nl", "turns": [
        ("customer", "@HearthBank ik kreeg net een sms dat mijn kaart vervalt en dat ik op een link moet klikken. "
                     "Is dat van jullie?"),
        ("care", "@{handle} Dag {first}, nee! Dat is phishing. We sturen nooit een link per sms. Klik er niet "
                 "op en verwijder het bericht. Heb je toch gegevens ingegeven? Bel dan meteen ons noodnummer. "
                 "^Sofie"),
        ("customer", "@HearthCare niet geklikt, gelukkig. Bedankt!"),
        ("other", "@{handle} @HearthCare ik kreeg vorige week exact hetzelfde bericht, pas op iedereen"),
    ]},
    {"channel": "x", "language": "nl", "turns": [
        ("customer", "@HearthBank na de update van vanochtend krijg ik 'fout 503' bij het inloggen. Iemand "
                     "anders ook?"),
        ("other", "@{handle} @HearthBank ja, hier ook al heel de ochtend"),
        ("care", "@{handle} Dag {first}, klopt, een deel van de gebruikers had even een probleem na de update. "
                 "Het is intussen opgelost. Wil je de app eens volledig afsluiten en opnieuw openen? ^Wim", 0),
        ("customer", "@HearthCare werkt weer 👍"),
    ]},
    {"channel": "x", "language": "nl", "turns": [
        ("customer", "@HearthBank mijn moeder (84) kan niet overweg met itsme en het kantoor in haar gemeente is "
                     "dicht. Hoe moet zij nu haar rekeningen betalen?"),
        ("care", "@{handle} Dag {first}, we helpen jullie graag. Je moeder kan betalen met een kaartlezer, of "
                 "met papieren overschrijvingen in de bus. Op afspraak komt een adviseur ook aan huis. Zal ik dat "
                 "aanvragen? ^Jens"),
        ("customer", "@HearthCare aan huis? Dat wist ik niet, graag!"),
        ("customer", "@HearthCare de adviseur is vandaag langs geweest, mijn moeder is heel tevreden. Dank jullie "
                     "wel!"),
    ]},
    {"channel": "x", "language": "nl", "late": True, "slow": True, "days_ago": 19.6, "turns": [
        ("customer", "@HearthBank mijn pincode is geblokkeerd na drie pogingen. Hoe deblokkeer ik die in het "
                     "weekend?"),
        ("care", "@{handle} Dag {first}, excuses voor het late antwoord. Je kan je pincode deblokkeren aan elke "
                 "Hearth-automaat met je kaart en je code, of we sturen je een nieuwe op. ^Sofie"),
        ("customer", "@HearthCare twee dagen later... ik heb intussen alles cash betaald. Niet oké."),
    ]},
    {"channel": "x", "language": "nl", "turns": [
        ("customer", "@HearthBank ik heb 250 euro overgeschreven naar BE22 7310 4288 1247 maar mijn zus heeft "
                     "niets ontvangen. Kunnen jullie dat nakijken?"),
        ("care", "@{handle} Dag {first}, deel je rekeningnummers liever niet publiek. Stuur ons een DM met de "
                 "datum en het bedrag, dan kijken we het na. ^Lies"),
        ("customer", "@HearthCare DM is vertrokken"),
        ("care", "@{handle} De overschrijving was tegengehouden voor een routinecontrole en is nu uitgevoerd. "
                 "Sorry voor het wachten! ^Lies"),
        ("customer", "@HearthCare ontvangen, dank je!"),
    ]},
    {"channel": "x", "language": "nl", "turns": [
        ("customer", "@HearthBank waarom krijg ik elke maand een brief op papier terwijl ik digitaal ingesteld "
                     "heb? Zonde van het papier."),
        ("care", "@{handle} Dag {first}, goed dat je het meldt. Bij sommige rekeningen staat de voorkeur apart "
                 "ingesteld. Kijk even in de app bij Instellingen > Documenten. Staat het daar goed, laat het ons "
                 "dan weten. ^Wim"),
        ("customer", "@HearthCare stond inderdaad nog op papier voor de spaarrekening. Opgelost!"),
    ]},
    {"channel": "x", "language": "nl", "turns": [
        ("customer", "@HearthBank al sinds vorige week beloofd dat mijn woonkrediet-offerte klaar is. Elke keer "
                     "'morgen'. Ik ben het beu."),
        ("care", "@{handle} Dag {first}, dat is niet de bedoeling. Ik vraag na bij je kantoor waar het "
                 "vastzit en kom vandaag bij je terug. ^Lies"),
        ("care", "@{handle} Je offerte staat nu in je documenten in de app. Excuses voor de vertraging. ^Lies"),
        ("customer", "@HearthCare ontvangen. Eindelijk. Bedankt om het op te volgen."),
    ]},
    {"channel": "x", "language": "nl", "turns": [
        ("customer", "Vraagje aan @HearthBank: hoe stel ik een doorlopende opdracht in voor mijn kot-huur?"),
        ("care", "@{handle} Dag {first}, in de app: Betalen > Doorlopende opdrachten > Nieuw. Je kiest zelf de "
                 "dag en het bedrag. Succes met het nieuwe academiejaar! ^Jens"),
        ("customer", "@HearthCare top, gelukt!"),
    ]},
    {"channel": "x", "language": "nl", "turns": [
        ("customer", "@HearthBank iemand heeft met mijn kaart in Frankrijk getankt terwijl ik gewoon thuis zit. "
                     "Fraude?"),
        ("care", "@{handle} Dag {first}, blokkeer je kaart meteen in de app (Kaarten > Blokkeren) en stuur ons "
                 "een DM, dan starten we een fraudedossier. ^Sofie"),
        ("customer", "@HearthCare geblokkeerd en DM gestuurd"),
        ("care", "@{handle} Ontvangen, je dossier loopt. Het bedrag wordt binnen een paar dagen teruggestort en "
                 "je nieuwe kaart is onderweg. ^Sofie"),
        ("customer", "@HearthCare geld staat terug op mijn rekening. Snel gewerkt, merci!"),
    ]},
    {"channel": "x", "language": "nl", "turns": [
        ("customer", "@HearthBank ik zit al 25 minuten in de wachtrij voor een simpele vraag over mijn "
                     "spaarrekening."),
        ("care", "@{handle} Dag {first}, sorry voor het wachten, het is erg druk vandaag. Misschien kunnen wij je "
                 "vraag hier al beantwoorden? ^Lies"),
        ("customer", "@HearthCare graag: kan ik van mijn spaarrekening rechtstreeks naar mijn zoon overschrijven, "
                     "zonder langs mijn zichtrekening?"),
        ("care", "@{handle} Dat kan, in de app bij Sparen > Overschrijven. Je kiest gewoon zijn rekening als "
                 "begunstigde. ^Lies"),
        ("customer", "@HearthCare gelukt, merci! Had ik eerder moeten vragen 😅"),
    ]},
    # X, French
    {"channel": "x", "language": "fr", "turns": [
        ("customer", "@HearthBank j'ai fait un virement vers BE24 0631 5872 1438 il y a cinq jours et le "
                     "destinataire n'a rien reçu. Vous pouvez vérifier ?"),
        ("care", "@{handle} Bonjour {first}, pour votre sécurité, ne partagez pas de numéro de compte en public. "
                 "Envoyez-nous un message privé avec la date et le montant, nous vérifions. ^Camille"),
        ("customer", "@HearthCare c'est fait, merci"),
        ("care", "@{handle} Le virement avait été retenu pour un contrôle de routine, il vient d'être exécuté. "
                 "Désolés pour l'attente ! ^Camille"),
    ]},
    {"channel": "x", "language": "fr", "late": True, "days_ago": 14.4, "turns": [
        ("customer", "@HearthBank paiement Bancontact refusé trois fois au marché alors que mon compte est "
                     "approvisionné. La honte devant tout le monde."),
        ("care", "@{handle} Bonjour {first}, c'est très désagréable, désolés. Votre carte est peut-être limitée "
                 "pour les petits terminaux hors ligne. Pouvez-vous nous écrire en privé ? ^Karim"),
        ("customer", "@HearthCare ok je vous écris"),
        ("customer", "@HearthCare c'était bien la limite, c'est réglé. Merci Karim !"),
    ]},
    {"channel": "x", "language": "fr", "turns": [
        ("customer", "@HearthBank nouveau téléphone, et impossible de me connecter à l'appli : itsme me dit que "
                     "mon compte n'est pas lié. Je n'y comprends rien."),
        ("care", "@{handle} Bonjour {first}, après un changement de téléphone, itsme doit être réactivé avec "
                 "votre carte d'identité. Ensuite, dans l'appli : Profil > Sécurité > itsme. ^Camille"),
        ("customer", "@HearthCare ça marche, merci beaucoup !"),
    ]},
    {"channel": "x", "language": "fr", "turns": [
        ("customer", "@HearthBank on m'a appelée en se faisant passer pour vous, j'ai donné mon code itsme et "
                     "1 800 € ont disparu de mon compte. Aidez-moi svp"),
        ("care", "@{handle} Bonjour {first}, nous sommes vraiment désolés. Appelez tout de suite notre ligne "
                 "fraude 24h/24 pour bloquer vos accès, puis déposez plainte à la police. Nous vous envoyons un "
                 "message privé. ^Margaux"),
        ("customer", "@HearthCare j'ai appelé, tout est bloqué. J'espère récupérer mon argent..."),
        ("care", "@{handle} Notre équipe fraude traite votre dossier en priorité et vous recontacte d'ici "
                 "demain. Courage. ^Margaux"),
        ("other", "@{handle} @HearthCare même arnaque chez ma voisine le mois passé, le faux conseiller "
                  "connaissait son nom et son adresse"),
    ]},
    {"channel": "x", "language": "fr", "turns": [
        ("customer", "@HearthBank ma mère vient de décéder et je ne sais pas par où commencer pour ses comptes. "
                     "Qui dois-je contacter ?"),
        ("care", "@{handle} Bonjour {first}, toutes nos condoléances. Notre service succession vous "
                 "accompagne : un acte de décès suffit pour commencer. Nous vous envoyons en privé les "
                 "coordonnées directes. ^Camille"),
        ("customer", "@HearthCare merci pour votre gentillesse"),
    ]},
    {"channel": "x", "language": "fr", "turns": [
        ("customer", "@HearthBank ça fait une semaine que j'attends le remboursement d'un achat annulé sur ma "
                     "carte de crédit. Normal ?"),
        ("care", "@{handle} Bonjour {first}, un remboursement par le commerçant peut prendre jusqu'à dix jours "
                 "ouvrables. S'il n'est pas là lundi, écrivez-nous et nous ouvrons une réclamation. ^Karim"),
        ("customer", "@HearthCare lundi toujours rien..."),
        ("care", "@{handle} Nous avons ouvert la réclamation, vous recevrez un suivi par e-mail. ^Karim"),
    ]},
    {"channel": "x", "language": "fr", "turns": [
        ("customer", "@HearthBank je veux ouvrir un compte pour mon fils étudiant, on peut tout faire dans "
                     "l'appli ?"),
        ("care", "@{handle} Bonjour {first}, oui : dans votre appli, menu Famille > Ajouter un compte. Votre "
                 "fils confirme ensuite avec itsme. Le compte étudiant est gratuit jusqu'à 25 ans. ^Margaux"),
        ("customer", "@HearthCare génial, c'est fait en cinq minutes. Merci !"),
    ]},
    {"channel": "x", "language": "fr", "turns": [
        ("customer", "@HearthBank pourquoi ma carte ne marche pas au péage en France alors que j'ai de l'argent "
                     "sur mon compte ?"),
        ("care", "@{handle} Bonjour {first}, certains péages n'acceptent que les cartes de crédit. Votre carte "
                 "de débit fonctionne aux distributeurs et dans la plupart des magasins. ^Karim"),
        ("customer", "@HearthCare ah d'accord, personne ne m'avait prévenu. Une carte de crédit coûte combien ?"),
        ("care", "@{handle} La Hearth Classic coûte 24 € par an, gratuite la première année. Vous pouvez la "
                 "demander dans l'appli. ^Karim"),
    ]},
    {"channel": "x", "language": "fr", "turns": [
        ("customer", "@HearthBank une heure d'attente au téléphone pour faire opposition sur ma carte perdue. "
                     "Heureusement que ce n'était pas un vol..."),
        ("care", "@{handle} Bonjour {first}, désolés pour cette attente. La prochaine fois, vous pouvez bloquer "
                 "votre carte vous-même en deux clics dans l'appli, menu Cartes. ^Karim"),
        ("customer", "@HearthCare je ne savais pas, c'est noté"),
    ]},
    {"channel": "x", "language": "fr", "turns": [
        ("customer", "@HearthBank personne ne me rappelle depuis trois jours pour mon crédit. Rappelez-moi au "
                     "0496 55 21 87 svp"),
        ("care", "@{handle} Bonjour {first}, nous transmettons tout de suite à votre conseiller. Par prudence, "
                 "supprimez votre numéro de ce message public : nous l'avons noté. ^Margaux"),
        ("customer", "@HearthCare c'est supprimé, merci"),
        ("customer", "@HearthCare mon conseiller m'a rappelé, tout est en ordre. Merci Margaux !"),
    ]},
    {"channel": "x", "language": "fr", "late": True, "days_ago": 12.2, "turns": [
        ("customer", "@HearthBank ma carte ne fonctionne pas au Canada, je suis coincé à l'hôtel sans pouvoir "
                     "payer. Urgent !"),
        ("care", "@{handle} Bonjour {first}, votre carte était limitée à l'Europe. Vous pouvez l'ouvrir au monde "
                 "entier dans l'appli : Cartes > Zone d'utilisation. Voulez-vous que nous le fassions pour "
                 "vous ? ^Camille"),
        ("customer", "@HearthCare c'est fait dans l'appli et ça marche. Merci pour la réactivité !"),
    ]},
    {"channel": "x", "language": "fr", "turns": [
        ("customer", "@HearthBank petite question : est-ce que je peux verser mon épargne pension depuis "
                     "l'appli ?"),
        ("care", "@{handle} Bonjour {first}, oui ! Menu Épargner > Épargne pension > Verser. Le montant maximum "
                 "de l'année y est indiqué. ^Karim"),
        ("customer", "@HearthCare parfait, merci beaucoup"),
    ]},
    {"channel": "x", "language": "fr", "days_ago": 0.25, "turns": [
        ("customer", "@HearthBank troisième message sans réponse. Mon prêt devait être signé la semaine passée "
                     "et j'attends toujours les documents."),
        ("other", "@{handle} @HearthBank pareil pour moi, c'est très long chez eux en ce moment"),
    ]},
    # X, English
    {"channel": "x", "language": "en", "author": "influencer", "turns": [
        ("customer", "Testing banking apps for a review: @HearthBank's new budget feature is genuinely clever, "
                     "but why does it take 3 taps to find my own IBAN? 🤔"),
        ("care", "@{handle} Thanks for the feedback, {first}! Tap your account name at the top and it's right "
                 "there. We've passed the one-tap copy idea on to our app team. ^Lisa"),
        ("customer", "@HearthCare ooh, didn't know that. Still, one-tap copy please 🙏"),
        ("other", "@{handle} @HearthCare +1 for the copy button, I need it every single week"),
    ]},
    {"channel": "x", "language": "en", "turns": [
        ("customer", "@HearthBank trying to open an account online as a Dutch national living in Brussels, but "
                     "the app keeps rejecting my passport. Any way around this?"),
        ("care", "@{handle} Hi {first}, online onboarding needs a Belgian eID or residence card for now. With a "
                 "passport you can open the account in any branch, no appointment needed on Friday mornings. "
                 "^Lisa"),
        ("customer", "@HearthCare no appointment on Fridays? Great, I'll drop by this week. Thanks!"),
    ]},
    {"channel": "x", "language": "en", "turns": [
        ("customer", "Love how @HearthBank charges me €1.50 to withdraw cash at another bank's ATM because all "
                     "of theirs have disappeared. Brilliant strategy."),
        ("care", "@{handle} Hi {first}, fair point. Withdrawals at other ATMs are free with the Plus bundle, "
                 "and we're adding forty new ATMs in shops this year. Happy to check which option suits you, "
                 "just DM us. ^Lisa"),
    ]},
    {"channel": "x", "language": "en", "turns": [
        ("customer", "@HearthBank I've been charged twice for my gym membership this month, €39.90 x2. Can you "
                     "reverse one?"),
        ("care", "@{handle} Hi {first}, sorry about that! You can refund a direct debit in the app: open the "
                 "payment and tap 'Refund'. If it isn't there, DM us and we'll do it for you. ^Jens"),
        ("customer", "@HearthCare found it, refund requested. Cheers!"),
    ]},
    {"channel": "x", "language": "en", "turns": [
        ("customer", "@HearthBank got an email saying my account will be closed unless I confirm my details "
                     "via a link. Looks dodgy. Is this you?"),
        ("care", "@{handle} Hi {first}, that's not us, it's a phishing attempt. Please don't click the link. "
                 "You can forward it to our security team and then delete it. Thanks for checking! ^Lisa"),
        ("customer", "@HearthCare forwarded. Thanks for the quick answer"),
    ]},
    {"channel": "x", "language": "en", "turns": [
        ("customer", "@HearthBank my salary didn't come in today and my employer says it was sent on Monday. Can "
                     "you check?"),
        ("care", "@{handle} Hi {first}, sorry for the worry. Payments from some banks can take an extra day. If "
                 "it's not there by tomorrow noon, DM us the details and we'll trace it. ^Lisa"),
        ("customer", "@HearthCare it arrived this morning, all good. Thanks"),
    ]},
    {"channel": "x", "language": "en", "author": "sam_oconnell", "turns": [
        ("customer", "@HearthBank still waiting for the mortgage documents, please just email them to "
                     "sam.oconnell.bxl@example.com"),
        ("care", "@{handle} Hi {first}, we'd rather not send documents to an address posted publicly. You'll "
                 "find them in the app under Documents, and your adviser will email you from our secure system. "
                 "^Lisa"),
        ("customer", "@HearthCare fair enough, found them in the app"),
    ]},
    {"channel": "x", "language": "en", "turns": [
        ("customer", "@HearthBank got a call from 'Hearth Bank security' asking me to move my savings to a 'safe "
                     "account'. Hung up. Please warn people!"),
        ("care", "@{handle} Hi {first}, well done for hanging up! That's a known scam: we'll never ask you to "
                 "move money to a 'safe account'. We've warned customers in the app today. ^Jens"),
        ("other", "@{handle} @HearthCare my dad got the same call last week, he almost fell for it"),
    ]},
    {"channel": "x", "language": "en", "turns": [
        ("customer", "@HearthBank my card keeps getting declined by the contactless readers on the London "
                     "Underground. Works fine everywhere else. Any idea?"),
        ("care", "@{handle} Hi {first}, some transport readers only take cards that are set up for online "
                 "payments. Turn on 'Online and remote payments' under Cards in the app and try again. ^Lisa"),
        ("customer", "@HearthCare that did it, cheers! Just tapped in at King's Cross"),
    ]},
    # Facebook, Dutch
    {"channel": "facebook", "language": "nl", "turns": [
        ("customer", "Al drie weken wacht ik op mijn nieuwe kaart van Hearth Bank. Twee keer aangevraagd, twee "
                     "keer 'onderweg'. Is dit normaal?"),
        ("care", "{name} dat is veel te lang, sorry. Stuur ons een privébericht met je adres, dan zoeken we uit "
                 "waar het misloopt. Groetjes, Sofie | Hearth Bank"),
        ("customer", "Hearth Bank bericht is gestuurd"),
        ("care", "{name} je kaart was naar je oude adres verstuurd. Er is vandaag een nieuwe vertrokken naar het "
                 "juiste adres. Sofie | Hearth Bank"),
        ("customer", "Hearth Bank vandaag ontvangen, bedankt voor de opvolging!"),
    ]},
    {"channel": "facebook", "language": "nl", "late": True, "days_ago": 21.8, "turns": [
        ("customer", "Hearth Bank, mijn vader is overleden en ik krijg zijn rekeningen niet afgesloten. Elke keer "
                     "moet ik weer andere papieren binnenbrengen. Het is zwaar zo."),
        ("care", "{name} gecondoleerd met het verlies van je vader. Het spijt ons dat het zo moeizaam gaat. Een "
                 "vaste medewerker van ons team nabestaanden neemt je dossier over en belt je morgen. Wim | "
                 "Hearth Bank"),
        ("customer", "Hearth Bank dank je, dat zou al veel helpen"),
    ]},
    {"channel": "facebook", "language": "nl", "turns": [
        ("customer", "Ik heb bij Hearth Bank een klacht ingediend over de kosten van mijn rekening en na vier "
                     "weken nog altijd geen antwoord. Zo behandel je geen klanten van dertig jaar."),
        ("care", "{name} dat had niet zo lang mogen duren, excuses. We hebben je klacht erbij gehaald en een "
                 "collega belt je nog deze week. Lies | Hearth Bank"),
        ("customer", "Hearth Bank ik ben gebeld en de kosten worden terugbetaald. Dat is correct, dank u."),
    ]},
    {"channel": "facebook", "language": "nl", "page": True, "turns": [
        ("care", "Nieuw in de Hearth Bank-app: je budgetcoach toont nu ook je vaste kosten per maand. Wat vinden "
                 "jullie ervan? 💬"),
        ("customer", "Hearth Bank heel handig! Nu nog een grafiek per jaar graag", 0),
        ("care", "{name} goed idee, we geven het door aan ons app-team! Jens | Hearth Bank"),
        ("other", "Hearth Bank bij mij staat de budgetcoach er nog niet in, moet ik iets updaten?", 0),
        ("care", "{name} ja, met de laatste versie van de app zie je hem onder Overzicht. Jens | Hearth Bank"),
    ]},
    # Facebook, French
    {"channel": "facebook", "language": "fr", "turns": [
        ("customer", "Hearth Bank, mon virement de salaire n'est pas arrivé alors que mon employeur dit l'avoir "
                     "envoyé il y a trois jours. Je dois payer mon loyer !"),
        ("care", "{name} bonjour, nous comprenons l'urgence. Envoyez-nous un message privé avec la date et le "
                 "nom de votre employeur, nous vérifions immédiatement. Camille | Hearth Bank"),
        ("customer", "Hearth Bank c'est envoyé"),
        ("care", "{name} le virement est arrivé ce matin, il était bloqué chez la banque de votre employeur. "
                 "Bonne journée ! Camille | Hearth Bank"),
    ]},
    {"channel": "facebook", "language": "fr", "turns": [
        ("customer", "Je trouve scandaleux que Hearth Bank facture 15 € pour une attestation de solde demandée "
                     "par le notaire."),
        ("care", "{name} bonjour, nous comprenons votre remarque. L'attestation est gratuite si vous la "
                 "téléchargez vous-même dans l'appli, menu Documents. Karim | Hearth Bank"),
        ("customer", "Hearth Bank ah, je ne savais pas que c'était gratuit dans l'appli, merci de l'info"),
    ]},
    {"channel": "facebook", "language": "fr", "page": True, "turns": [
        ("care", "Dimanche entre 1h et 5h du matin, l'appli et la banque en ligne Hearth Bank seront "
                 "indisponibles pour maintenance. Les paiements par carte continueront de fonctionner. Merci de "
                 "votre compréhension !"),
        ("customer", "Hearth Bank merci de prévenir, c'est appréciable", 0),
        ("other", "Hearth Bank encore une maintenance ? Il y en a eu une le mois passé", 0),
        ("care", "{name} oui, celle-ci installe la nouvelle sécurité des paiements. Nous essayons toujours de "
                 "choisir la nuit du dimanche, quand elle gêne le moins. Camille | Hearth Bank"),
    ]},
    {"channel": "facebook", "language": "fr", "turns": [
        ("customer", "Hearth Bank, ma fille de 16 ans voudrait une carte pour payer ses achats. À partir de quel "
                     "âge est-ce possible ?"),
        ("care", "{name} bonjour, dès 12 ans avec le compte Jeunes, gratuit, et vous gardez la main sur les "
                 "limites dans votre appli. Margaux | Hearth Bank"),
        ("customer", "Hearth Bank merci, nous passerons en agence samedi"),
    ]},
    {"channel": "facebook", "language": "fr", "page": True, "turns": [
        ("care", "Nouveau : les virements instantanés sont désormais gratuits dans l'appli Hearth Bank, 24h/24. ⚡"),
        ("customer", "Hearth Bank enfin ! Merci pour les étudiants comme moi", 0),
        ("other", "Hearth Bank et pour les virements vers l'étranger, c'est toujours payant ?", 0),
        ("care", "{name} pour les pays hors zone euro, des frais restent d'application. Vous les voyez avant de "
                 "confirmer le virement. Karim | Hearth Bank"),
    ]},
    # Facebook, English
    {"channel": "facebook", "language": "en", "turns": [
        ("customer", "Hearth Bank, we moved to Antwerp two months ago and still can't get a mortgage appointment "
                     "in English. Is that even possible?"),
        ("care", "{name} welcome to Antwerp! Yes, several of our advisers in Antwerp speak English. Send us a "
                 "private message and we'll book one for you. Lisa | Hearth Bank"),
        ("customer", "Hearth Bank message sent, thank you!"),
    ]},
    {"channel": "facebook", "language": "en", "turns": [
        ("customer", "Hearth Bank, my Belgian mortgage adviser only speaks Dutch and French. Is there any way to "
                     "get the offer explained in English?"),
        ("care", "{name} of course! Ask your branch for an English-speaking colleague, or we can set up a video "
                 "call with one of our advisers in Brussels. Send us a private message. Lisa | Hearth Bank"),
        ("customer", "Hearth Bank a video call would be perfect, messaging you now"),
    ]},
]

# --- the outage ---------------------------------------------------------------------------

OUTAGE: dict[str, Any] = {
    "days_ago": 9,
    "customers": {
        "nl": [
            "@HearthBank app ligt plat en ik kan niet betalen aan de kassa. Belachelijk.",
            "@HearthBank storing? De app geeft al een half uur een foutmelding",
            "Weer een storing bij @HearthBank. Slecht, echt slecht.",
            "@HearthBank ik sta aan de pomp en mijn betaling gaat niet door. Waardeloos.",
            "@HearthBank hoe lang gaat die storing nog duren? Ik moet vandaag mijn huur betalen",
            "@HearthBank geen app, geen Bancontact, geen antwoord. Wat een miserabele ochtend",
            "@HearthBank jullie app is weer kapot. Ergerlijk.",
            "@HearthBank down?? #storing",
            "@HearthBank half tien en nog altijd een storing. Schandalig voor een bank.",
            "@HearthBank ik kan mijn loon niet eens zien. Triest.",
            "@HearthBank al de tweede storing deze maand, jullie IT is echt zwak",
            "@HearthBank ik ben boos: mijn overschrijving is vertrokken maar de app zegt 'mislukt'. Is het geld "
            "nu weg?",
            "@HearthBank website ligt er ook uit. Geweldig 🙄",
            "@HearthBank nog altijd een storing in de app, heel vervelend want ik zit in het buitenland",
            "@HearthBank lastig, mijn kaart wordt geweigerd in de apotheek door jullie storing",
            "Bij @HearthBank ligt alles plat. Slechte dag om klant te zijn.",
            "@HearthBank een update over de storing zou fijn zijn, nu weet niemand iets",
            "@HearthBank vreselijk, de hele ochtend niet kunnen werken omdat ik geen betalingen kan goedkeuren",
            "@HearthBank slechte service vandaag, mijn klanten kunnen niet betalen in de winkel",
            "@HearthBank mijn boodschappen laten staan aan de kassa. Beschamend en pijnlijk.",
        ],
        "fr": [
            "@HearthBank l'appli est en panne depuis ce matin, c'est nul",
            "@HearthBank panne générale ? Impossible de me connecter, c'est ridicule",
            "@HearthBank encore une panne. Franchement, c'est lamentable pour une banque.",
            "@HearthBank paiement refusé au supermarché à cause de votre panne. Horrible.",
            "@HearthBank deuxième panne du mois, un service vraiment mauvais",
            "@HearthBank toujours en panne à 11h, c'est scandaleux",
            "@HearthBank déçue : pas de carte, pas d'appli, pas d'info",
            "@HearthBank super, merci pour la panne le jour du loyer 👏",
            "@HearthBank impossible de payer le parking, la machine refuse ma carte. Pénible.",
            "@HearthBank une catastrophe cette appli aujourd'hui",
            "@HearthBank vous pourriez au moins prévenir quand il y a une panne, c'est honteux",
            "@HearthBank mon virement urgent est bloqué par la panne, c'est un désastre",
            "@HearthBank la panne dure depuis quatre heures, c'est horrible pour les commerçants",
            "@HearthBank mauvaise journée, carte refusée partout à cause de la panne",
        ],
        "en": [
            "@HearthBank is the app down? Can't log in at all, this is terrible",
            "@HearthBank your app is down again and I can't pay for groceries. Awful.",
            "@HearthBank outage for three hours now, this is ridiculous",
            "Card declined at the train station thanks to the @HearthBank outage. Horrible morning.",
            "@HearthBank any update on the outage? Really frustrating not being able to pay anyone",
            "@HearthBank second outage this month. Not acceptable for a bank.",
            "@HearthBank still down. I'm so annoyed.",
            "Thanks for nothing @HearthBank, stuck at the pharmacy with a useless card",
        ],
    },
    # The care team's status updates: (hours after the outage began, language, text).
    "status": [
        (0.4, "nl", "Sinds vanochtend is er een storing in onze app en bij betalingen met Bancontact. Onze teams "
                    "werken aan een oplossing. Excuses voor het ongemak. ^Wim"),
        (0.45, "fr", "Depuis ce matin, notre appli et les paiements Bancontact sont perturbés. Nos équipes "
                     "travaillent à une solution. Toutes nos excuses. ^Camille"),
        (0.5, "en", "Since this morning our app and Bancontact payments are disrupted. Our teams are working on a "
                    "fix. We're sorry for the trouble. ^Lisa"),
        (3.2, "nl", "Update: de oorzaak is gevonden, we verwachten dat de app binnen het uur weer werkt. Cash "
                    "afhalen aan onze automaten lukt wel. ^Wim"),
        (4.6, "nl", "De storing is opgelost: de app en betalingen werken opnieuw. Betalingen van vanochtend worden "
                    "vandaag nog uitgevoerd. Bedankt voor jullie geduld. ^Wim"),
        (4.65, "fr", "La panne est résolue : l'appli et les paiements fonctionnent à nouveau. Les paiements de ce "
                     "matin seront exécutés aujourd'hui. Merci pour votre patience. ^Camille"),
    ],
    "threads": [
        {"channel": "x", "language": "en", "author": "influencer", "turns": [
            ("customer", "Day 2 of reviewing the @HearthBank app and it's down for everyone. Not a great look for "
                         "a bank that calls itself 'digital first'. Bad timing, bad experience."),
            ("care", "@{handle} Hi {first}, we're really sorry. Our app and card payments have a disruption this "
                     "morning and our teams are on it. We'll post updates here. ^Lisa"),
            ("customer", "@HearthCare appreciate the quick reply. Will retest tomorrow."),
            ("other", "@{handle} @HearthBank same here, couldn't even pay for my coffee. Terrible."),
        ]},
        {"channel": "x", "language": "nl", "turns": [
            ("customer", "@HearthBank de app werkt niet en ik moet vandaag een voorschot voor mijn appartement "
                         "betalen. Dit is echt slecht."),
            ("care", "@{handle} Dag {first}, er is inderdaad een storing, excuses. Een overschrijving via de "
                     "website met de kaartlezer lukt wel. We houden je op de hoogte. ^Wim"),
            ("customer", "@HearthCare via de kaartlezer gelukt, toch bedankt"),
        ]},
        {"channel": "x", "language": "fr", "turns": [
            ("customer", "@HearthBank c'est une blague ? Plus rien ne marche, ni l'appli ni la carte. Lamentable."),
            ("care", "@{handle} Bonjour {first}, nous sommes désolés, une panne touche l'appli et les paiements "
                     "Bancontact. Les retraits aux distributeurs fonctionnent. Nous vous tenons informé. "
                     "^Camille"),
            ("customer", "@HearthCare ok merci, mais c'est vraiment pénible"),
        ]},
        {"channel": "facebook", "language": "nl", "page": True, "turns": [
            ("care", "Storing: de Hearth Bank-app en betalingen met Bancontact werken momenteel niet. We werken "
                     "volop aan een oplossing en houden jullie hier op de hoogte."),
            ("customer", "Hearth Bank slecht georganiseerd, al de tweede keer deze maand", 0),
            ("other", "Hearth Bank belachelijk, ik sta in de winkel met een volle kar", 0),
            ("care", "{name} heel vervelend, sorry. Betalen met je kaart in de winkel zou binnen het uur weer "
                     "moeten lukken. Wim | Hearth Bank"),
        ]},
    ],
    # The day after: customers who noticed it works again.
    "after": [
        ("x", "nl", "@HearthBank app werkt weer, en merci voor de snelle updates gisteren"),
        ("x", "fr", "@HearthBank tout refonctionne, merci pour les infos pendant la panne hier 👍"),
        ("x", "en", "Fair play to @HearthBank for keeping everyone updated during yesterday's outage. Good "
                    "comms."),
    ],
}

# --- the news feed ------------------------------------------------------------------------

NEWS: list[dict[str, Any]] = [
    {"language": "nl", "author": "Redactie", "slug": "storing-hearth-bank", "outage": True,
     "title": "Storing bij Hearth Bank: klanten urenlang zonder app en Bancontact",
     "body": "Klanten van Hearth Bank konden gisterenochtend urenlang niet betalen met hun kaart of inloggen in "
             "de app. Volgens de bank lag een technisch probleem bij een leverancier aan de basis."},
    {"language": "fr", "author": "La rédaction", "slug": "panne-hearth-bank", "outage": True,
     "title": "Panne chez Hearth Bank : les clients privés d'application pendant plusieurs heures",
     "body": "Les clients de Hearth Bank n'ont pas pu utiliser l'application ni payer par carte pendant une "
             "partie de la matinée. La banque évoque un problème technique chez un fournisseur."},
    {"language": "nl", "author": "Kim Van Gucht", "slug": "hearth-bank-sluit-kantoren",
     "title": "Hearth Bank sluit twaalf kantoren in Vlaanderen",
     "body": "Hearth Bank sluit volgend jaar twaalf kantoren. De bank wijst op het dalende aantal bezoekers en "
             "belooft meer adviesgesprekken aan huis en via video."},
    {"language": "fr", "author": "Julien Materne", "slug": "hearth-bank-frais-compte",
     "title": "Hearth Bank augmente les frais de son compte de base",
     "body": "À partir du mois prochain, le compte de base de Hearth Bank coûtera 2,50 euros par mois. Les "
             "clients qui y versent leur salaire en restent exemptés."},
    {"language": "nl", "author": "Redactie", "slug": "golf-phishing-sms",
     "title": "Nieuwe golf valse sms'en: politie waarschuwt bankklanten voor phishing",
     "body": "De federale politie ziet opnieuw veel sms'en waarin oplichters zich voordoen als een bank. "
             "Klik nooit op een link en geef nooit codes door, klinkt het."},
    {"language": "fr", "author": "La rédaction", "slug": "fraude-faux-conseiller",
     "title": "Fraude au faux conseiller bancaire : la police met en garde",
     "body": "Des escrocs se font passer pour des employés de banque au téléphone et demandent des codes de "
             "confirmation. Les victimes perdent souvent plusieurs milliers d'euros."},
    {"language": "en", "author": "Business desk", "slug": "hearth-bank-results",
     "title": "Hearth Bank profit rises as savings grow",
     "body": "Hearth Bank reported a higher quarterly profit, helped by growing savings deposits and lower "
             "costs after it closed a number of branches."},
    {"language": "nl", "author": "Lotte Smeets", "slug": "hearth-bank-budgetcoach",
     "title": "Hearth Bank voegt budgetcoach toe aan zijn app",
     "body": "Klanten van Hearth Bank krijgen in de app een overzicht van hun vaste kosten en een waarschuwing "
             "wanneer een abonnement duurder wordt."},
    {"language": "fr", "author": "Céline Dubuisson", "slug": "hearth-bank-distributeurs",
     "title": "Hearth Bank installe des distributeurs dans les supermarchés",
     "body": "Quarante distributeurs de billets Hearth Bank seront installés cette année dans des "
             "supermarchés de Wallonie et de Bruxelles."},
    {"language": "nl", "author": "Redactie", "slug": "bankkosten-vergeleken",
     "title": "Consumentenorganisatie vergelijkt bankkosten: Hearth Bank in de middenmoot",
     "body": "Een vergelijking van zichtrekeningen toont grote verschillen in prijs. Hearth Bank zit in de "
             "middenmoot, online banken zijn het goedkoopst."},
    # Not about the bank: these match no topic ("listened": False).
    {"language": "nl", "author": "Redactie", "slug": "ecb-rente", "listened": False,
     "title": "Europese Centrale Bank houdt rente ongewijzigd",
     "body": "De ECB laat de rente voorlopig ongemoeid. Economen verwachten pas in de zomer een nieuwe stap."},
    {"language": "fr", "author": "La rédaction", "slug": "trafic-e40", "listened": False,
     "title": "Trafic perturbé sur l'E40 après un accident près de Louvain",
     "body": "Un accident impliquant deux camions provoque de longues files en direction de Bruxelles ce "
             "matin."},
    {"language": "nl", "author": "Redactie", "slug": "mobiliteitsplan-gent", "listened": False,
     "title": "Gemeenteraad keurt nieuw mobiliteitsplan voor Gent goed",
     "body": "Het plan voorziet meer fietsstraten en een nieuwe tramlijn naar de haven tegen het einde van "
             "het decennium."},
    {"language": "en", "author": "Tech desk", "slug": "battery-startup", "listened": False,
     "title": "Belgian start-up raises 20 million euros for battery recycling",
     "body": "The company, based near Leuven, wants to open its first full-scale plant within two years."},
    {"language": "fr", "author": "Service des sports", "slug": "diables-rouges", "listened": False,
     "title": "Les Diables Rouges s'imposent en match amical",
     "body": "Une victoire convaincante avant le début des qualifications, avec deux buts en seconde "
             "période."},
    {"language": "nl", "author": "Weerdienst", "slug": "weerbericht", "listened": False,
     "title": "Zacht en droog weekend op komst",
     "body": "Na een natte week wordt het weekend zonnig met temperaturen tot 16 graden aan de kust."},
]

# --- what no topic matches -----------------------------------------------------------------

# Facebook comments that name neither the bank nor anything it listens for: dropped on arrival.
DROPPED: list[tuple[str, str, str]] = [
    # (under the outage's page post or any post, language, text)
    ("outage", "nl", "Bij mij ook al heel de ochtend"),
    ("outage", "nl", "Idem hier 😡"),
    ("outage", "nl", "Zelfde probleem in Leuven"),
    ("outage", "fr", "Chez moi aussi, rien ne marche"),
    ("outage", "fr", "Pareil depuis 8h"),
    ("outage", "en", "Same here in Brussels"),
    ("post", "nl", "Sandra kijk, dit is wat ik je gisteren vertelde"),
    ("post", "nl", "Win een gratis iPhone! Klik op de link in mijn profiel 🎁🎁"),
    ("post", "fr", "Isabelle tu as vu ça ?"),
    ("post", "nl", "Mooi zo 👍"),
    ("post", "fr", "Enfin !"),
    ("post", "en", "Crypto trading made easy, DM me to earn 500 a day 💰"),
]

# --- agents' corrections ------------------------------------------------------------------

# Texts as written above, and what the care agent says their sentiment really is.
CORRECTIONS: dict[str, str] = {
    "@HearthBank website ligt er ook uit. Geweldig 🙄": "negative",
    "@HearthBank super, merci pour la panne le jour du loyer 👏": "negative",
    "Thanks for nothing @HearthBank, stuck at the pharmacy with a useless card": "negative",
    "@HearthBank een update over de storing zou fijn zijn, nu weet niemand iets": "negative",
    "@HearthBank mijn kaart is ingeslikt door de automaat in het station. Zaterdagavond, kantoor dicht. "
    "Super.": "negative",
    "@HearthBank de geldautomaat op de Grote Markt is al een week buiten gebruik": "negative",
    "Love how @HearthBank charges me €1.50 to withdraw cash at another bank's ATM because all of theirs have "
    "disappeared. Brilliant strategy.": "negative",
    "Chapeau voor de medewerker van @HearthBank in Brugge die mijn vader zo geduldig de app heeft "
    "uitgelegd": "positive",
    "@HearthBank does the Hearth card work with Apple Pay yet?": "neutral",
}
