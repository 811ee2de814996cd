"""The demo reviews' words: the products of a Belgian bank and a Belgian telecom operator,
and what their customers write about them.

Pure data, read by reviews/seed.py, which writes it through reviews.service. Nothing here is
real: no real bank or operator, no real customer, no account, card or phone numbers. Product
names and descriptions are in English (the interface translates the rest); reviews are in
Dutch, French and English, as Belgian customers write them.

PRODUCTS: the catalogue, each with how many reviews the demo gives it ("reviews"), the weights
of 1 to 5 stars ("stars": what the product's page should look like — the banking app loved,
the roaming pass not), and how its secondary dimensions sit against the overall rating
("bias": the call centre drags "service" down nearly everywhere).

REVIEWS: per product and language, the pieces a review is made of:
- "good": (title, body) leads of 4–5 star reviews;
- "minor": one small gripe, a whole sentence, added to 4 star reviews;
- "mixed": (title, body) leads of 3 star reviews;
- "bad": (title, body) leads of 1–2 star reviews: harsh but fair, never insults.
BRAND adds a sentence on the brand's service (good or bad) to some reviews; SHORT are short
product-agnostic praise, MIXED product-agnostic 3 star reviews (when a product has none in a
language). TITLES and CLOSERS depend on the stars. Texts use {placeholders} filled from FILLS
in the review's language.

RESPONSES and SIGNATURES make the care team's public answers; STORIES are the members who
later replace their review (the old one becomes history); INVITATIONS the review campaigns.
"""

from __future__ import annotations

from typing import Any

CATEGORIES: list[dict[str, Any]] = [
    {"slug": "current-accounts", "name": "Current accounts", "position": 1,
     "dimensions": [{"key": "fees", "label": "Fees"}, {"key": "app", "label": "App"},
                    {"key": "service", "label": "Service"}]},
    {"slug": "savings", "name": "Savings", "position": 2,
     "dimensions": [{"key": "rate", "label": "Interest rate"}, {"key": "flexibility", "label": "Flexibility"},
                    {"key": "service", "label": "Service"}]},
    {"slug": "cards", "name": "Cards", "position": 3,
     "dimensions": [{"key": "fees", "label": "Fees"}, {"key": "acceptance", "label": "Acceptance"},
                    {"key": "service", "label": "Service"}]},
    {"slug": "loans", "name": "Loans", "position": 4,
     "dimensions": [{"key": "rate", "label": "Interest rate"}, {"key": "speed", "label": "Speed"},
                    {"key": "advice", "label": "Advice"}]},
    {"slug": "mobile-plans", "name": "Mobile plans", "position": 5,
     "dimensions": [{"key": "coverage", "label": "Coverage"}, {"key": "data", "label": "Data"},
                    {"key": "price", "label": "Price"}, {"key": "service", "label": "Service"}]},
    {"slug": "home-internet", "name": "Home internet", "position": 6,
     "dimensions": [{"key": "speed", "label": "Speed"}, {"key": "reliability", "label": "Reliability"},
                    {"key": "installation", "label": "Installation"}, {"key": "service", "label": "Service"}]},
    {"slug": "apps", "name": "Apps", "position": 7,
     "dimensions": [{"key": "ease", "label": "Ease of use"}, {"key": "reliability", "label": "Reliability"},
                    {"key": "features", "label": "Features"}]},
]

PRODUCTS: list[dict[str, Any]] = [
    {
        "slug": "hearth-bank-everyday-account", "name": "Hearth Bank Everyday Account", "category": "current-accounts",
        "brand": "bank", "reviews": 30, "stars": [12, 7, 9, 30, 42],
        "bias": {"fees": -0.4, "app": 0.6, "service": -0.8},
        "description": "The everyday current account: a Bancontact debit card, free transfers and instant payments "
                       "in the app, for a fixed monthly fee.",
    },
    {
        "slug": "hearth-bank-comfort-account", "name": "Hearth Bank Comfort Account", "category": "current-accounts",
        "brand": "bank", "reviews": 13, "stars": [14, 8, 10, 30, 38],
        "bias": {"fees": -0.9, "app": 0.5, "service": 0.0},
        "description": "The current account with extras: a Visa Classic included, travel and purchase insurance, "
                       "and a personal adviser you can call directly.",
    },
    {
        "slug": "hearth-bank-savings-account", "name": "Hearth Bank Savings Account", "category": "savings",
        "brand": "bank", "reviews": 21, "stars": [15, 10, 14, 30, 31],
        "bias": {"rate": -1.2, "flexibility": 0.6, "service": -0.3},
        "description": "A regulated savings account with a base rate and a loyalty bonus, savings goals, and "
                       "instant free transfers to and from your current account.",
    },
    {
        "slug": "hearth-bank-visa-classic", "name": "Hearth Bank Visa Classic", "category": "cards",
        "brand": "bank", "reviews": 22, "stars": [10, 6, 8, 28, 48],
        "bias": {"fees": -0.5, "acceptance": 0.4, "service": -0.6},
        "description": "A credit card for online shopping, travel and car rentals, with one monthly statement "
                       "debited from your current account.",
    },
    {
        "slug": "hearth-bank-mastercard-gold", "name": "Hearth Bank Mastercard Gold", "category": "cards",
        "brand": "bank", "reviews": 14, "stars": [12, 6, 9, 30, 43],
        "bias": {"fees": -0.9, "acceptance": 0.4, "service": -0.2},
        "description": "A premium credit card with a higher spending limit, travel assistance, cancellation "
                       "insurance and extended warranty on purchases.",
    },
    {
        "slug": "hearth-bank-debit-card", "name": "Hearth Bank Debit Card (Bancontact)", "category": "cards",
        "brand": "bank", "reviews": 27, "stars": [8, 5, 7, 27, 53],
        "bias": {"fees": 0.1, "acceptance": -0.2, "service": -0.6},
        "description": "The debit card with your current account: Bancontact and Debit Mastercard, contactless, "
                       "Apple Pay and Google Pay, and geo-blocking you set yourself in the app.",
    },
    {
        "slug": "hearth-bank-home-loan", "name": "Hearth Bank Home Loan", "category": "loans",
        "brand": "bank", "reviews": 17, "stars": [14, 6, 8, 25, 47],
        "bias": {"rate": -0.3, "speed": -1.0, "advice": 0.5},
        "description": "A mortgage to buy, build or renovate, at a fixed or variable rate, with one adviser from "
                       "the first simulation to the notary.",
    },
    {
        "slug": "hearth-bank-car-loan", "name": "Hearth Bank Car Loan", "category": "loans",
        "brand": "bank", "reviews": 11, "stars": [9, 6, 8, 32, 45],
        "bias": {"rate": 0.0, "speed": 0.4, "advice": -0.2},
        "description": "An instalment loan for a new or second-hand car, with a lower rate for electric and "
                       "hybrid cars, applied for in the app.",
    },
    {
        "slug": "hearth-bank-app", "name": "Hearth Bank app", "category": "apps",
        "brand": "bank", "reviews": 34, "stars": [4, 3, 5, 20, 68],
        "bias": {"ease": 0.2, "reliability": -0.3, "features": 0.0},
        "description": "The mobile banking app for iPhone and Android: sign in with your fingerprint, face or "
                       "itsme, pay with Payconiq by Bancontact, manage your cards and limits.",
    },
    {
        "slug": "hearth-mobile-unlimited", "name": "Hearth Mobile Unlimited", "category": "mobile-plans",
        "brand": "mobile", "reviews": 27, "stars": [18, 8, 8, 24, 42],
        "bias": {"coverage": -0.7, "data": 0.6, "price": -0.4, "service": -0.9},
        "description": "Unlimited calls, texts and data on 5G in Belgium, with 30 GB to use elsewhere in the EU.",
    },
    {
        "slug": "hearth-mobile-smart-10", "name": "Hearth Mobile Smart 10", "category": "mobile-plans",
        "brand": "mobile", "reviews": 19, "stars": [12, 7, 10, 28, 43],
        "bias": {"coverage": -0.3, "data": -0.3, "price": 0.6, "service": -0.6},
        "description": "A SIM-only plan with 10 GB of data and unlimited calls and texts in Belgium, cancellable "
                       "every month. Unused data rolls over.",
    },
    {
        "slug": "hearth-mobile-travel-pass", "name": "Hearth Mobile World Travel Pass", "category": "mobile-plans",
        "brand": "mobile", "reviews": 16, "stars": [38, 14, 12, 16, 20],
        "bias": {"coverage": 0.5, "data": -0.3, "price": -1.2, "service": -0.3},
        "description": "A roaming pass for countries outside the EU: data, calls and texts for 7 or 30 days, "
                       "bought and activated in the app.",
    },
    {
        "slug": "hearth-mobile-fibre", "name": "Hearth Fibre", "category": "home-internet",
        "brand": "mobile", "reviews": 25, "stars": [20, 7, 8, 22, 43],
        "bias": {"speed": 0.7, "reliability": -0.2, "installation": -1.0, "service": -0.8},
        "description": "Fibre internet at home up to 1 Gbps, with a Wi-Fi 6 modem and installation by a technician.",
    },
    {
        "slug": "hearth-mobile-app", "name": "My Hearth Mobile app", "category": "apps",
        "brand": "mobile", "reviews": 22, "stars": [8, 6, 10, 30, 46],
        "bias": {"ease": 0.0, "reliability": -0.3, "features": 0.2},
        "description": "The Hearth Mobile app: usage and invoices, eSIM activation, roaming passes, outage news "
                       "and a chat with the care team.",
    },
]

BRANDS = {"bank": "Hearth Bank", "mobile": "Hearth Mobile"}

REVIEWS: dict[str, dict[str, dict[str, list[Any]]]] = {
    "hearth-bank-everyday-account": {
        "nl": {
            "good": [
                ("Eindelijk een bank zonder verrassingen",
                 "Ik betaal €2,50 per maand en daar zit alles in: mijn Bancontact-kaart, overschrijvingen, instant "
                 "payments. Geen kosten meer per verrichting zoals bij mijn vorige bank."),
                ("Rekening geopend in tien minuten",
                 "Rekening online geopend met itsme op mijn {phone}, zonder naar een kantoor te moeten. Twee dagen "
                 "later zat de kaart in de bus."),
                ("Loon staat er altijd op tijd op",
                 "Al {years} jaar mijn zichtrekening hier. Het loon staat er op de eerste werkdag op, domiciliëringen "
                 "lopen zonder problemen en ik zie alles meteen in de app."),
                ("Handig met Zoomit",
                 "Facturen van energie en telecom komen rechtstreeks via Zoomit in de app binnen. Eén klik en "
                 "betaald, geen gestructureerde mededelingen meer overtypen."),
                ("Goede zichtrekening voor starters",
                 "Als starter vond ik het belangrijk dat de rekening goedkoop is. Geen gedoe, een duidelijk overzicht "
                 "van wat er binnenkomt en buitengaat, en een melding bij elke betaling."),
                ("Samen een rekening, zonder gedoe",
                 "Met mijn vriend een gezamenlijke rekening geopend voor de huur en de boodschappen. We zien allebei "
                 "alles in onze eigen app en betalen elk met onze eigen kaart."),
                ("Overstap was een makkie",
                 "Via de overstapdienst werden al mijn domiciliëringen overgezet. Ik moest zelf niets doen behalve "
                 "mijn werkgever het nieuwe rekeningnummer geven."),
                ("Instant overschrijvingen zijn top",
                 "Geld naar mijn zus in {city} staat er binnen de tien seconden op, ook op zondagavond. Dat zou "
                 "overal standaard moeten zijn."),
            ],
            "minor": [
                "Enige minpuntje: de maandelijkse kost is vorig jaar wel met 50 cent gestegen, zonder veel uitleg.",
                "Wat beter kan: je krijgt maar één gratis papieren uittreksel per maand. Niet dat ik het vaak nodig "
                "heb, maar toch.",
                "Kleine kanttekening: geld afhalen aan een automaat van een andere bank kost na vijf keer per maand "
                "wel iets.",
                "Jammer dat het kantoor in {city} nu enkel nog op afspraak open is.",
            ],
            "mixed": [
                ("Prima rekening, matige service",
                 "De rekening zelf werkt goed en de app is duidelijk. Maar toen ik een vraag had over een dubbele "
                 "domiciliëring heb ik {wait} minuten in de wachtrij gehangen. Uiteindelijk wel opgelost."),
                ("Goedkoop, maar alles moet via de app",
                 "Voor mij is dat geen probleem, maar mijn moeder van 78 heeft het moeilijk sinds het kantoor in "
                 "{city} dicht is. Voor wie niet digitaal is, is er eigenlijk geen alternatief."),
            ],
            "bad": [
                ("Betaald voor uittreksels die ik nooit vroeg",
                 "Plots €1,50 per maand voor papieren uittreksels die ik nooit gevraagd heb. Na twee telefoontjes "
                 "teruggestort, maar het is niet de eerste keer dat er zomaar kosten bijkomen."),
                ("Te weinig hulp voor wie niet digitaal is",
                 "Mijn moeder van 81 kan haar rekening niet meer zelf beheren sinds het kantoor in {city} dicht is. "
                 "Aan de telefoon zegt men 'doe het via de app'. Voor een deel van de klanten is dat gewoon geen "
                 "oplossing."),
                ("Kosten verhoogd zonder fatsoenlijke uitleg",
                 "Van de ene maand op de andere ging de beheerskost van €2,50 naar €4,25. Een brief met kleine "
                 "lettertjes, meer niet. Voor een basisrekening is dat te veel, zeker als je bijna alles zelf in de "
                 "app doet."),
                ("Rekening geblokkeerd zonder verwittiging",
                 "Mijn rekening werd plots geblokkeerd voor een 'veiligheidscontrole' na een overschrijving van mijn "
                 "eigen spaarrekening. Drie dagen geen toegang tot mijn loon, en aan de telefoon kon niemand zeggen "
                 "waarom."),
                ("Klantendienst onbereikbaar",
                 "Na {wait} minuten wachten werd ik doorverbonden en dan viel de lijn weg. De dag erna opnieuw. Voor "
                 "een simpel attest voor mijn huurwaarborg moest ik uiteindelijk naar het kantoor in {city} rijden."),
            ],
        },
        "fr": {
            "good": [
                ("Virements instantanés, même le dimanche",
                 "L'argent envoyé à ma sœur à {city} arrive en quelques secondes, même le dimanche soir. Ça devrait "
                 "être la norme partout."),
                ("Idéal pour un premier compte",
                 "Pour mon premier job, je voulais un compte pas cher et clair. Une notification à chaque paiement, "
                 "un aperçu simple de ce qui entre et sort, rien de compliqué."),
                ("Un compte simple qui fait le job",
                 "2,50 € par mois avec la carte Bancontact, les virements et les paiements instantanés compris. Avant "
                 "je payais des frais pour chaque opération, ici rien de tout ça."),
                ("Ouverture du compte en dix minutes",
                 "J'ai ouvert mon compte depuis mon canapé avec itsme. La carte est arrivée trois jours plus tard, "
                 "activée directement dans l'appli."),
                ("Fidèle depuis des années, aucun regret",
                 "Chez eux depuis {years} ans. Le salaire arrive toujours à temps, les domiciliations passent sans "
                 "souci et je reçois une notification à chaque paiement."),
                ("Zoomit, c'est pratique",
                 "Mes factures d'électricité et de GSM arrivent via Zoomit dans l'appli. Je vérifie, je clique, c'est "
                 "payé. Fini les communications structurées à recopier."),
                ("Changement de banque sans stress",
                 "Le service de mobilité bancaire a transféré toutes mes domiciliations. Je n'ai eu qu'à donner mon "
                 "nouveau numéro de compte à mon employeur."),
                ("Compte joint bien pensé",
                 "Avec mon compagnon on a ouvert un compte joint pour le loyer et les courses. Chacun a sa carte et "
                 "voit tout dans sa propre appli, c'est clair."),
            ],
            "minor": [
                "Seul bémol : les frais de gestion ont augmenté de 50 centimes l'an dernier.",
                "Petit point négatif : les retraits aux distributeurs d'autres banques deviennent payants après cinq "
                "par mois.",
                "Dommage que l'agence de {city} ne soit plus ouverte que sur rendez-vous.",
                "On pourrait améliorer les extraits : un seul extrait papier gratuit par mois, c'est peu pour mes "
                "parents.",
            ],
            "mixed": [
                ("Bon compte, service client moyen",
                 "Le compte en lui-même fonctionne bien. Par contre, pour une question sur un prélèvement en double, "
                 "j'ai attendu {wait} minutes au téléphone. Problème résolu, mais quelle patience il faut."),
                ("Pas cher, mais tout passe par l'appli",
                 "Pour moi ça va, mais pour ma mère qui n'est pas à l'aise avec le smartphone c'est compliqué depuis "
                 "la fermeture de l'agence de {city}."),
            ],
            "bad": [
                ("Augmentation des frais sans vraie explication",
                 "Les frais de gestion sont passés de 2,50 € à 4,25 € par mois. Juste un courrier avec des petits "
                 "caractères. Pour un compte de base où je fais tout moi-même dans l'appli, c'est trop."),
                ("Compte bloqué pendant trois jours",
                 "Mon compte a été bloqué pour un 'contrôle de sécurité' après un virement depuis mon propre compte "
                 "d'épargne. Trois jours sans accès à mon salaire et personne au téléphone ne savait m'expliquer "
                 "pourquoi."),
                ("Impossible de joindre quelqu'un",
                 "{wait} minutes d'attente, puis la ligne coupe au moment du transfert. Le lendemain, pareil. J'ai "
                 "fini par aller à l'agence de {city} pour une simple attestation de garantie locative."),
            ],
        },
        "en": {
            "good": [
                ("Instant transfers, even on Sundays",
                 "Money I send to friends arrives within seconds, even on a Sunday evening. After years with a bank "
                 "that took two days, that's a relief."),
                ("Switching banks was painless",
                 "The switching service moved all my direct debits over. I only had to give my employer the new "
                 "account number."),
                ("Easy account for an expat",
                 "Opened the account a week after arriving in Brussels, with my residence card and itsme. Everything "
                 "in the app is available in English, which is rare for a Belgian bank."),
                ("Low fees, no nonsense",
                 "€2.50 a month and transfers, instant payments and the Bancontact card are all included. Coming from "
                 "the UK I was expecting worse."),
                ("Zoomit is a hidden gem",
                 "Bills from my energy supplier show up in the app through Zoomit and I pay them in two taps. No more "
                 "typing those structured communications."),
                ("Joint account done right",
                 "My partner and I share an account for rent and groceries. We each have our own card and app, and "
                 "we both get a notification when something goes out."),
            ],
            "minor": [
                "Only downside: the monthly fee went up by 50 cents last year with very little explanation.",
                "One gripe: withdrawing cash at other banks' ATMs costs extra after five times a month.",
            ],
            "mixed": [
                ("Good account, slow phone support",
                 "The account itself works well and the app is clear. But when I called about a direct debit taken "
                 "twice, I waited {wait} minutes before anyone picked up."),
            ],
            "bad": [
                ("Account frozen for three days",
                 "My account was blocked for a 'security check' after I moved money from my own savings account. "
                 "Three days without access to my salary, and nobody on the phone could tell me why."),
                ("Fees up, service down",
                 "The monthly fee went from €2.50 to €4.25, and at the same time the branch in {city} closed. Paying "
                 "more for less is hard to accept."),
            ],
        },
    },
    "hearth-bank-comfort-account": {
        "nl": {
            "good": [
                ("Reisverzekering bewees haar nut",
                 "Onze vlucht naar Lissabon werd geschrapt en de annuleringsverzekering van de Comfort-rekening heeft "
                 "alles terugbetaald. Aangifte in de app, na twee weken stond het geld erop."),
                ("Persoonlijke adviseur is goud waard",
                 "Wat ik apprecieer: een vaste adviseur die ik kan bellen zonder eerst door een keuzemenu te moeten. "
                 "Ze kent mijn dossier en denkt mee."),
                ("Visa inbegrepen, dat scheelt",
                 "Voor €7 per maand heb ik een Visa, een reisbijstandsverzekering en een aankoopverzekering. Apart "
                 "zou ik meer betalen."),
                ("Aankoopverzekering werkte echt",
                 "Mijn nieuwe laptop viel na drie weken van tafel. Via de aankoopverzekering kreeg ik het grootste "
                 "deel terug. Had niet gedacht dat het zo vlot zou gaan."),
            ],
            "minor": [
                "Minpuntje: de voorwaarden van de verzekeringen zijn een boek van veertig bladzijden. Een korte "
                "samenvatting zou welkom zijn.",
                "Enige nadeel: €7 per maand is niet niks als je de verzekeringen nooit gebruikt.",
            ],
            "mixed": [
                ("Duur, tenzij je veel reist",
                 "De verzekeringen zijn goed, maar wij reizen eigenlijk maar één keer per jaar. Dan is €84 per jaar "
                 "veel geld voor iets wat je bijna nooit gebruikt."),
            ],
            "bad": [
                ("Verzekering betaalde niet uit",
                 "Bagage kwijt in Rome, alle bonnetjes bijgehouden, en toch geweigerd omdat de vlucht niet volledig "
                 "met de kaart betaald was. Dat stond nergens duidelijk. Dan heb je niets aan een 'comfort'-rekening."),
                ("Adviseur weg, niemand verwittigd",
                 "Mijn vaste adviseur vertrok en ik heb dat pas gemerkt toen mijn mails maanden onbeantwoord bleven. "
                 "Voor die meerprijs verwacht ik beter."),
            ],
        },
        "fr": {
            "good": [
                ("L'assurance annulation m'a sauvé les vacances",
                 "Vol annulé pour Malaga et remboursement complet grâce à l'assurance du compte Comfort. Déclaration "
                 "faite dans l'appli, argent reçu en deux semaines."),
                ("Un conseiller qui connaît mon dossier",
                 "J'ai un conseiller attitré que j'appelle sans passer par un menu vocal. À mon âge, c'est vraiment "
                 "rassurant."),
                ("Visa incluse, bon rapport qualité-prix",
                 "Pour 7 € par mois, j'ai la Visa, l'assistance voyage et l'assurance achats. Séparément, je paierais "
                 "plus cher."),
            ],
            "minor": [
                "Petit bémol : les conditions des assurances sont longues et pas toujours claires.",
            ],
            "mixed": [
                ("Intéressant seulement si on voyage",
                 "Les assurances sont bonnes, mais on part une fois par an. 84 € par an pour ça, ça fait réfléchir."),
            ],
            "bad": [
                ("Remboursement refusé pour un détail",
                 "Valise perdue à Barcelone, tous les justificatifs fournis, et refus parce que le vol n'avait pas été "
                 "payé entièrement avec la carte. Ce n'était indiqué nulle part clairement."),
            ],
        },
        "en": {
            "good": [
                ("Purchase insurance covered my broken laptop",
                 "My new laptop fell off the desk three weeks after I bought it. The purchase insurance paid back "
                 "most of it without any fuss."),
                ("Worth it if you travel",
                 "The travel cancellation insurance paid back our whole trip to Porto when my daughter got sick. "
                 "Claim filed in the app, money back in about two weeks."),
                ("A real person who knows me",
                 "Having a personal adviser I can call directly is the main reason I pay for this account. No phone "
                 "menu, no explaining everything from scratch."),
            ],
            "minor": [
                "One gripe: the insurance terms are forty pages long and hard to read, even in English.",
            ],
            "bad": [
                ("Insurance that doesn't pay",
                 "My suitcase was lost on a flight to Dublin and the claim was refused because part of the ticket was "
                 "paid with air miles. That condition is buried deep in the terms."),
            ],
        },
    },
    "hearth-bank-savings-account": {
        "nl": {
            "good": [
                ("Sparen zonder erbij na te denken",
                 "Elke keer ik met de kaart betaal, wordt het bedrag afgerond en gaat het verschil naar mijn "
                 "spaarrekening. Na een jaar stond er zo bijna €400 extra."),
                ("Vlot een spaarrekening geopend",
                 "Spaarrekening geopend in de app in twee minuten, naast mijn zichtrekening. Geen papieren, geen "
                 "afspraak."),
                ("Spaardoelen werken motiverend",
                 "Ik heb drie spaardoelen aangemaakt: vakantie, auto en buffer. Elke maand gaat er automatisch iets "
                 "naartoe op de dag dat mijn loon binnenkomt. Het bedrag zien groeien motiveert echt."),
                ("Geld meteen beschikbaar",
                 "Wat ik fijn vind: geld van mijn spaarrekening naar mijn zichtrekening zetten gaat meteen, ook in "
                 "het weekend. Handig als er onverwacht een factuur valt."),
                ("Eerlijke rente voor een gereglementeerde rekening",
                 "Basisrente plus getrouwheidspremie ligt hier iets hoger dan bij mijn vorige bank, en de eerste "
                 "schijf interest is belastingvrij. Voor een veilige buffer vind ik dat prima."),
                ("Duidelijk overzicht van de getrouwheidspremie",
                 "In de app zie je per storting wanneer de getrouwheidspremie start. Eindelijk snap ik hoe dat werkt."),
                ("Goed voor de kinderen",
                 "Voor onze twee kinderen een spaarrekening geopend. Oma en opa storten er op verjaardagen iets op en "
                 "we zien alles netjes in onze app."),
            ],
            "minor": [
                "Enige minpuntje: de basisrente werd in {month} verlaagd, de melding daarover kwam pas achteraf.",
                "Wat beter kan: je kan maar vijf spaardoelen tegelijk hebben.",
            ],
            "mixed": [
                ("Veilig, maar de rente blijft mager",
                 "Werkt goed en het geld staat altijd ter beschikking. Maar eerlijk: met de huidige inflatie verlies "
                 "ik koopkracht. Voor een buffer oké, voor echt sparen niet."),
                ("Goed systeem, verwarrende premie",
                 "De app is top om te sparen. Maar ik heb lang gedacht dat ik de getrouwheidspremie al verdiend had, "
                 "terwijl een afhaling de teller opnieuw op nul zette."),
            ],
            "bad": [
                ("Rente verlaagd, premie gehalveerd",
                 "In één jaar tijd eerst de basisrente verlaagd en dan de getrouwheidspremie van 0,50% naar 0,25%. "
                 "Elders krijg ik het dubbele. Ik heb het grootste deel intussen weggehaald."),
                ("Getrouwheidspremie kwijt door een automatische overboeking",
                 "Er werd automatisch geld van mijn spaarrekening gehaald omdat mijn zichtrekening kort in het rood "
                 "stond. Gevolg: de getrouwheidspremie op €8.000 kwijt. Niemand heeft me daarvoor gewaarschuwd."),
                ("Een spaarrekening die niets opbrengt",
                 "0,75% terwijl de inflatie drie keer hoger ligt. Dan ben je geld aan het verliezen. En de 'promo' "
                 "voor nieuwe klanten geldt natuurlijk niet voor wie al jaren trouw is."),
            ],
        },
        "fr": {
            "good": [
                ("Les objectifs d'épargne, top",
                 "J'ai créé trois objectifs : vacances, voiture et imprévus. Un virement automatique part chaque mois "
                 "le jour du salaire. Voir la barre avancer, ça motive."),
                ("Argent disponible tout de suite",
                 "Transférer de l'épargne vers le compte à vue est instantané, même le dimanche. Très pratique quand "
                 "une facture imprévue tombe."),
                ("Correct pour un compte réglementé",
                 "Le taux de base plus la prime de fidélité est un peu meilleur que dans mon ancienne banque et la "
                 "première tranche d'intérêts est exonérée. Pour une épargne de précaution, ça me va."),
                ("Parfait pour les enfants",
                 "On a ouvert un compte d'épargne pour chacun de nos enfants. Les grands-parents y versent quelque "
                 "chose aux anniversaires et on suit tout dans l'appli."),
            ],
            "minor": [
                "Seul bémol : la baisse du taux de base en {month} a été annoncée après coup.",
                "Dommage qu'on ne puisse pas avoir plus de cinq objectifs d'épargne.",
            ],
            "mixed": [
                ("Pratique, mais la prime est compliquée",
                 "L'appli est top pour épargner, mais j'ai longtemps cru avoir gagné la prime de fidélité alors "
                 "qu'un retrait avait remis le compteur à zéro."),
                ("Sûr, mais le taux reste faible",
                 "Ça fonctionne bien et l'argent est toujours disponible. Mais avec l'inflation, on perd du pouvoir "
                 "d'achat. Bien pour une réserve, pas pour épargner vraiment."),
            ],
            "bad": [
                ("Taux en baisse, prime divisée par deux",
                 "En un an, le taux de base a baissé puis la prime de fidélité est passée de 0,50 % à 0,25 %. Ailleurs "
                 "on me propose le double. J'ai déplacé la plus grande partie de mon épargne."),
                ("Prime de fidélité perdue à cause d'un transfert automatique",
                 "La banque a prélevé automatiquement sur mon épargne parce que mon compte à vue était brièvement à "
                 "découvert. Résultat : prime de fidélité perdue sur 6 000 €. Aucun avertissement."),
            ],
        },
        "en": {
            "good": [
                ("Savings goals actually help",
                 "I set up goals for a holiday and an emergency fund, with an automatic transfer on payday. Seeing "
                 "the progress bar fill up keeps me from dipping into it."),
                ("Instant access when you need it",
                 "Moving money from savings to my current account is instant, even on a Sunday evening. Handy when "
                 "an unexpected bill shows up."),
                ("Fine for a safety buffer",
                 "The base rate plus the loyalty bonus is reasonable for a regulated account, and the first part of "
                 "the interest is tax-free in Belgium."),
            ],
            "minor": [
                "Only downside: the base rate was lowered in {month} and I only heard about it afterwards.",
            ],
            "mixed": [
                ("Safe, but the rate is meagre",
                 "It works and the money is always available, but with inflation where it is I'm losing purchasing "
                 "power. OK for an emergency fund, not much more."),
            ],
            "bad": [
                ("Rate cut without warning",
                 "The base rate was lowered in {month} and the loyalty bonus halved a few months later. I only found "
                 "out from my annual statement. Other banks pay twice as much."),
                ("Loyalty bonus explained badly",
                 "Nobody told me that moving money out resets the loyalty bonus for that amount. I lost months of "
                 "bonus on a few thousand euros because the app doesn't warn you."),
            ],
        },
    },
    "hearth-bank-visa-classic": {
        "nl": {
            "good": [
                ("Handig voor reservaties",
                 "Hotels en vluchten boek ik met de Visa, en bij een annulering staat het geld snel terug op de "
                 "kaart. Alles netjes zichtbaar in de app."),
                ("Geen problemen op reis in Japan",
                 "Drie weken in Japan overal met de Visa betaald, van hotels tot de trein. Geoblocking aangepast in "
                 "de app en klaar."),
                ("Ideaal voor online aankopen",
                 "Ik gebruik de Visa vooral voor webshops en reservaties. Bevestigen met de app of itsme gaat vlot en "
                 "ik zie elke betaling meteen in het overzicht."),
                ("Huurauto zonder problemen",
                 "Op reis in Kroatië een huurauto gehaald: waarborg op de Visa, geen discussie. Met een debetkaart "
                 "lukte dat vroeger nooit."),
                ("Limiet tijdelijk verhoogd in twee minuten",
                 "Voor een grote aankoop had ik tijdelijk een hogere limiet nodig. In de app aangepast en meteen "
                 "actief, zonder te bellen."),
                ("Overzichtelijke afrekening",
                 "Elke maand een duidelijke afrekening in de app en het bedrag wordt automatisch van mijn "
                 "zichtrekening gehaald. Nog nooit een verrassing gehad."),
                ("Fraude snel opgemerkt",
                 "Er werd een rare betaling bij een webshop in Singapore geprobeerd. Ik kreeg meteen een melding, "
                 "blokkeerde de kaart in de app en had binnen de week een nieuwe."),
                ("Apple Pay met de Visa werkt perfect",
                 "Kaart in twee minuten toegevoegd aan Apple Pay. Betalen met mijn horloge in de supermarkt, zelfs "
                 "voor grotere bedragen."),
            ],
            "minor": [
                "Enige minpuntje: €29 jaarbijdrage is niet het goedkoopste dat er bestaat.",
                "Wat beter kan: betalingen in vreemde munt kosten 1,75% extra, dat mag duidelijker vermeld worden.",
                "Jammer dat je de afrekening niet op een andere dag van de maand kan laten vallen.",
            ],
            "mixed": [
                ("Prima kaart, maar duur in Londen",
                 "Voor online aankopen in België ideaal. Maar op reis in Londen kwam er 1,75% bij op elke betaling, "
                 "en dat tikt aan. Goedkoper dan cash, duurder dan verwacht."),
                ("Doet wat hij moet doen, maar duur buiten Europa",
                 "In Europa geen probleem, maar op reis in de Verenigde Staten tikten die wisselkoerskosten flink aan. "
                 "Voor dat geld verwacht ik iets meer."),
            ],
            "bad": [
                ("Kaart geweigerd op het slechtste moment",
                 "Aan de balie van het autoverhuurbedrijf in Zaventem werd mijn Visa geweigerd voor de borg. "
                 "Blijkbaar een automatische blokkering wegens 'ongewoon gebruik'. Geen melding gekregen, en de "
                 "hulplijn liet me {wait} minuten wachten."),
                ("Jaarbijdrage verhoogd zonder meerwaarde",
                 "De jaarbijdrage ging van €19 naar €29 en er kwam niets bij. Met een debetkaart kan je intussen ook "
                 "bijna overal online betalen."),
            ],
        },
        "fr": {
            "good": [
                ("Apple Pay avec la Visa, parfait",
                 "Carte ajoutée à Apple Pay en deux minutes. Je paie avec ma montre au supermarché, même pour de "
                 "plus gros montants."),
                ("Idéale pour réserver les vacances",
                 "Hôtels, vols et voiture de location : tout passe sur la Visa et la confirmation dans l'appli est "
                 "immédiate."),
                ("Parfaite pour les achats en ligne",
                 "J'utilise la Visa surtout pour les achats en ligne. La confirmation via l'appli ou itsme est rapide "
                 "et je vois chaque paiement tout de suite."),
                ("Location de voiture sans souci",
                 "En vacances en Italie, la caution de la voiture de location est passée sur la Visa sans discussion. "
                 "Avec ma carte de débit, c'était toujours compliqué."),
                ("Limite augmentée en deux minutes",
                 "J'avais besoin d'une limite plus élevée pour acheter un vélo électrique. Modifiée dans l'appli, "
                 "active immédiatement, sans appeler personne."),
                ("Fraude bloquée rapidement",
                 "Une tentative de paiement suspecte depuis un site inconnu : notification immédiate, carte bloquée "
                 "dans l'appli et nouvelle carte reçue en cinq jours."),
                ("Relevé clair chaque mois",
                 "Relevé mensuel lisible, montant prélevé automatiquement sur mon compte à vue. Aucune mauvaise "
                 "surprise depuis {years} ans."),
            ],
            "minor": [
                "Petit bémol : 29 € de cotisation annuelle, ce n'est pas donné.",
                "Seul point négatif : les frais de change de 1,75 % hors zone euro.",
            ],
            "mixed": [
                ("Bien en Europe, chère ailleurs",
                 "Aucun problème en Europe, mais lors d'un voyage au Canada les frais de change se sont vite "
                 "accumulés. Pour ce prix, j'attendais un peu plus."),
            ],
            "bad": [
                ("Carte refusée à l'aéroport",
                 "Au comptoir de location à l'aéroport de Nice, ma Visa a été refusée pour la caution : blocage "
                 "automatique pour 'usage inhabituel', sans aucune notification. {wait} minutes d'attente à "
                 "l'assistance pour la débloquer."),
                ("Cotisation en hausse sans rien de plus",
                 "La cotisation annuelle est passée de 19 à 29 € sans aucun avantage en plus. Je vais réfléchir à la "
                 "garder."),
            ],
        },
        "en": {
            "good": [
                ("Apple Pay with the Visa is seamless",
                 "Added it to Apple Pay in two minutes and now I pay with my watch, even for the weekly shop."),
                ("Reliable for travel bookings",
                 "I use it for flights, hotels and car rentals. Confirming payments in the app is quick and every "
                 "transaction shows up instantly."),
                ("Fraud caught within minutes",
                 "Someone tried a payment from a website I had never heard of. I got a notification straight away, "
                 "blocked the card in the app and had a new one within a week."),
                ("Raising the limit is painless",
                 "Needed a higher limit for a week to pay a deposit. Changed it in the app, active immediately, no "
                 "phone call."),
            ],
            "minor": [
                "One gripe: the 1.75% fee on payments in other currencies adds up on trips outside the eurozone.",
            ],
            "bad": [
                ("Declined at the rental desk",
                 "My Visa was declined for the car rental deposit at the airport because of an automatic 'unusual "
                 "use' block. No notification, and {wait} minutes on hold to get it lifted."),
            ],
        },
    },
    "hearth-bank-mastercard-gold": {
        "nl": {
            "good": [
                ("Reisbijstand heeft ons gered",
                 "Mijn man brak zijn been tijdens het skiën in Oostenrijk. Eén telefoontje naar de bijstand van de "
                 "Gold-kaart en alles werd geregeld: ziekenhuis, repatriëring, zelfs een taxi voor mij."),
                ("Hoge limiet, geen gedoe",
                 "Als zelfstandige betaal ik soms grote bedragen voor materiaal. De limiet van de Gold is ruim genoeg "
                 "en ik kan hem tijdelijk nog verhogen in de app."),
                ("Verlengde garantie werkte",
                 "Onze vaatwasser ging kapot net na de wettelijke garantie. Dankzij de verlengde garantie van de kaart "
                 "kregen we het aankoopbedrag grotendeels terug."),
                ("Premium kaart die zijn geld waard is",
                 "De jaarbijdrage is stevig, maar de annuleringsverzekering alleen heeft ons al twee keer meer "
                 "opgebracht dan de kaart kost."),
            ],
            "minor": [
                "Minpuntje: de lounge-toegang op luchthavens geldt maar voor twee bezoeken per jaar.",
            ],
            "mixed": [
                ("Goede verzekeringen, stevige prijs",
                 "Als je veel reist, zijn de verzekeringen de moeite. Wij gebruiken ze amper, en dan is €95 per jaar "
                 "veel."),
            ],
            "bad": [
                ("Jaarbijdrage verhoogd, voordelen geschrapt",
                 "De jaarbijdrage ging naar €115 en tegelijk verdween de gratis lounge-toegang. Voor een "
                 "premiumkaart is dat een stap achteruit."),
                ("Bijstand niet bereikbaar in het weekend",
                 "Op zaterdag met pech in Frankrijk geprobeerd de bijstand van de kaart te bellen: na {wait} minuten "
                 "nog niemand. Uiteindelijk zelf een takeldienst geregeld, en die kosten kreeg ik nooit terug."),
                ("Schadeclaim sleept al maanden aan",
                 "Annulering van onze reis aangegeven in maart, alle documenten drie keer opgestuurd, en in september "
                 "nog geen beslissing. Voor een 'Gold'-kaart verwacht ik echt een betere opvolging."),
            ],
        },
        "fr": {
            "good": [
                ("Une carte premium qui se rentabilise",
                 "La cotisation est élevée, mais l'assurance annulation nous a déjà remboursé deux fois plus que ce "
                 "que coûte la carte."),
                ("Assistance joignable à toute heure",
                 "Voiture en panne un dimanche soir en France : l'assistance de la carte a répondu tout de suite et "
                 "a organisé le dépannage et un hôtel."),
                ("L'assistance voyage a tout géré",
                 "Ma fille s'est blessée en vacances en Grèce. Un appel à l'assistance de la carte Gold et tout a été "
                 "organisé : hôpital, vol retour, hôtel pour moi."),
                ("Plafond élevé, très pratique",
                 "Je travaille à mon compte et j'avance souvent de gros montants pour du matériel. Le plafond de la "
                 "Gold suffit et je peux l'augmenter temporairement dans l'appli."),
                ("La garantie étendue, ça marche",
                 "Notre lave-linge est tombé en panne juste après la garantie légale. Grâce à la garantie étendue de "
                 "la carte, on a été remboursés en grande partie."),
            ],
            "minor": [
                "Petit bémol : l'accès aux salons d'aéroport est limité à deux visites par an.",
            ],
            "mixed": [
                ("Bonnes assurances, prix élevé",
                 "Si on voyage beaucoup, ça vaut la peine. Nous, on part peu, et 95 € par an, c'est beaucoup."),
            ],
            "bad": [
                ("Dossier d'annulation bloqué depuis des mois",
                 "Annulation déclarée en avril, documents envoyés trois fois, toujours aucune décision en août. Pour "
                 "une carte 'Gold', le suivi est décevant."),
            ],
        },
        "en": {
            "good": [
                ("Extended warranty actually paid out",
                 "Our washing machine broke a month after the legal warranty ended. The card's extended warranty "
                 "covered most of the purchase price."),
                ("Travel assistance was outstanding",
                 "My husband needed surgery on a trip to Spain. One call to the Gold card assistance line and they "
                 "handled the hospital, the flights home and even the hotel."),
                ("Premium card that pays for itself",
                 "The annual fee is steep, but the cancellation insurance alone has already paid back more than the "
                 "card costs."),
            ],
            "minor": [
                "One gripe: lounge access is limited to two visits a year.",
            ],
            "bad": [
                ("Claim dragging on for months",
                 "Filed a cancellation claim in spring, sent the documents three times, and still no decision months "
                 "later. Not what I expect from a premium card."),
            ],
        },
    },
    "hearth-bank-debit-card": {
        "nl": {
            "good": [
                ("Contactloos aan de parkeerautomaat",
                 "Eindelijk kan ik aan de parkeerautomaat in {city} gewoon contactloos betalen met mijn kaart. Werkt "
                 "ook met mijn gsm, dus geen muntjes meer zoeken."),
                ("Kaart tijdelijk blokkeren is geniaal",
                 "Kaart kwijt op een feestje? In de app tijdelijk geblokkeerd, de volgende ochtend teruggevonden in "
                 "mijn jaszak en meteen weer gedeblokkeerd. Geen nieuwe kaart nodig."),
                ("Geld afhalen in het buitenland zonder kosten",
                 "In Frankrijk en Spanje aan de automaat geld afgehaald zonder extra kosten, want het is gewoon "
                 "euro. In de app zag ik meteen wat er afging."),
                ("Bancontact doet gewoon wat het moet doen",
                 "Overal in België aanvaard, van de bakker tot de parkeerautomaat. Contactloos tot €50 zonder "
                 "pincode, daarboven even mijn code. Nooit problemen."),
                ("Geoblocking zelf regelen is handig",
                 "Voor onze reis naar Marokko heb ik in de app de regio 'wereld' aangezet voor twee weken. Daarna "
                 "sprong het automatisch terug op Europa. Zo hoort het."),
                ("Kaart meteen in Google Pay",
                 "Nieuwe kaart besteld na verlies en ik kon ze meteen gebruiken in Google Pay op mijn {phone}, nog "
                 "voor de fysieke kaart in de bus lag."),
                ("Payconiq en Bancontact in één app",
                 "QR-code scannen bij de frituur of aan de kassa en betaald. De kaart zelf haal ik eigenlijk bijna "
                 "niet meer boven."),
                ("Pincode vergeten? Geen probleem",
                 "Pincode kwijt na de vakantie 😅 In de app kon ik hem gewoon opnieuw bekijken na bevestiging met "
                 "itsme. Geen brief, geen wachttijd."),
                ("Handige limieten in de app",
                 "Ik kan mijn bestedingslimiet en mijn limiet voor online betalen zelf aanpassen. Voor de aankoop van "
                 "een nieuwe fiets even verhoogd en daarna terug verlaagd."),
                ("Betrouwbaar, ook in het buitenland",
                 "Met de Debit Mastercard-functie kan ik nu ook online en in het buitenland betalen waar Bancontact "
                 "niet werkt. Op citytrip in Berlijn nergens problemen."),
            ],
            "minor": [
                "Enige minpuntje: de cumulatieve limiet voor contactloos vraagt soms op de gekste momenten toch je "
                "pincode.",
                "Wat beter kan: sommige kleine webshops aanvaarden de Debit Mastercard nog niet.",
                "Minpuntje: een vervangkaart kost €10, ook als de chip gewoon versleten is.",
            ],
            "mixed": [
                ("Goed in België, in het buitenland een gok",
                 "In België werkt de kaart perfect. Maar in Portugal werd ze twee keer geweigerd aan een tankstation, "
                 "terwijl geoblocking uit stond. Nooit geweten waarom."),
            ],
            "bad": [
                ("Drie weken zonder kaart",
                 "Mijn kaart werd preventief vervangen na een datalek bij een webshop. Goed bedoeld, maar de nieuwe "
                 "kaart kwam pas na drie weken en in die tijd kon ik nergens met mijn kaart betalen. Er werd ook geen "
                 "digitale kaart aangeboden."),
                ("Geweigerd aan de kassa zonder reden",
                 "Twee keer op een week geweigerd in de supermarkt in {city}, met ruim genoeg geld op de rekening. De "
                 "klantendienst vond 'geen probleem' in het systeem. Gênant voor een bankkaart."),
            ],
        },
        "fr": {
            "good": [
                ("Blocage temporaire, très malin",
                 "Carte égarée après une soirée : bloquée temporairement dans l'appli, retrouvée le lendemain dans "
                 "ma veste et débloquée en deux secondes. Pas besoin d'en commander une nouvelle."),
                ("Sans contact au parking",
                 "Je paie maintenant le parking à {city} sans contact, avec la carte ou le téléphone. Fini la chasse "
                 "aux pièces."),
                ("Bancontact partout, sans souci",
                 "Acceptée partout en Belgique, de la boulangerie au parking. Sans contact jusqu'à 50 € sans code, "
                 "au-delà je tape mon code PIN. Jamais eu de problème."),
                ("Le géoblocage géré dans l'appli",
                 "Avant de partir en Tunisie, j'ai activé la zone 'monde' pour deux semaines dans l'appli. Au retour, "
                 "c'est repassé tout seul en Europe. Parfait."),
                ("Disponible tout de suite sur Apple Pay",
                 "Carte perdue un vendredi soir, nouvelle carte commandée et utilisable directement sur Apple Pay. La "
                 "carte physique est arrivée le mardi."),
                ("Payconiq, je ne m'en passe plus",
                 "Je scanne le QR code chez le commerçant ou sur une facture et c'est payé. Je ne sors presque plus "
                 "la carte."),
                ("Code PIN oublié, résolu en une minute",
                 "Après les vacances j'avais oublié mon code. Je l'ai revu dans l'appli après confirmation avec itsme. "
                 "Pas besoin d'attendre un courrier."),
                ("Limites réglables, bien vu",
                 "Je peux changer moi-même mes limites de dépense et d'achat en ligne. Augmentée pour un achat, remise "
                 "à la normale juste après."),
            ],
            "minor": [
                "Petit bémol : la limite cumulée du sans contact demande parfois le code au mauvais moment.",
                "Dommage qu'une carte de remplacement coûte 10 €, même quand la puce est juste usée.",
            ],
            "mixed": [
                ("Top en Belgique, aléatoire à l'étranger",
                 "En Belgique, la carte fonctionne parfaitement. En Espagne, elle a été refusée deux fois à une "
                 "station-service alors que le géoblocage était désactivé."),
            ],
            "bad": [
                ("Trois semaines sans carte",
                 "Carte remplacée par précaution après une fuite de données chez un marchand. Bonne intention, mais la "
                 "nouvelle carte a mis trois semaines à arriver, sans carte numérique en attendant."),
                ("Refusée en caisse sans raison",
                 "Deux refus la même semaine au supermarché de {city}, avec largement assez d'argent sur le compte. Le "
                 "service client ne voyait 'aucun problème'. C'est gênant."),
            ],
        },
        "en": {
            "good": [
                ("Bancontact works everywhere",
                 "From the bakery to the parking machine, it's accepted everywhere in Belgium. Contactless up to €50 "
                 "without a PIN, and Payconiq in the app for the rest."),
                ("Geo-blocking you control yourself",
                 "Before a trip to Morocco I switched on 'worldwide' for two weeks in the app. It went back to Europe "
                 "automatically when we got home. Exactly how it should work."),
                ("Usable in Google Pay right away",
                 "Lost my wallet on a Friday, ordered a new card, and it was in Google Pay on my {phone} within "
                 "minutes. The physical card arrived four days later."),
                ("Finally works online too",
                 "Since the card also carries Debit Mastercard, I can shop on international websites without needing "
                 "a credit card."),
            ],
            "minor": [
                "One gripe: the cumulative contactless limit asks for my PIN at random moments.",
            ],
            "bad": [
                ("Declined at the till twice",
                 "Declined twice in one week at the supermarket in {city}, with plenty of money in the account. "
                 "Customer service said they saw 'no problem' on their side. Embarrassing at the till."),
                ("Three weeks without a card",
                 "My card was replaced as a precaution after a data leak at a web shop. Fair enough, but the new one "
                 "took three weeks to arrive and there was no digital card in the meantime."),
            ],
        },
    },
    "hearth-bank-home-loan": {
        "nl": {
            "good": [
                ("Geen vakjargon, wel duidelijk advies",
                 "Geen vakjargon, maar gewoon uitgelegd wat een schuldsaldoverzekering is en waarom we die nodig "
                 "hebben. We voelden ons nooit onder druk gezet om extra producten te nemen."),
                ("Scherpe rente na vergelijking",
                 "We hebben bij vier banken een offerte gevraagd. Hier was de vaste rente op 20 jaar het scherpst en "
                 "de adviseur stond open voor onderhandeling."),
                ("Adviseur nam echt de tijd",
                 "Voor ons eerste huis in {city} hadden we drie gesprekken met dezelfde adviseur. Ze legde het "
                 "verschil tussen vast en variabel (5/5/5) rustig uit en rekende alles door, ook de "
                 "registratierechten."),
                ("Snel akkoord, net op tijd voor de notaris",
                 "Compromis getekend, aanvraag ingediend via de app, na tien dagen een principieel akkoord. De akte "
                 "bij de notaris kon gewoon doorgaan op de geplande datum."),
                ("Eerlijk advies, ook over wat niet kan",
                 "Onze adviseur zei eerlijk dat ons eerste budget te krap was met de renovatie erbij. Liever dat dan "
                 "achteraf problemen. Uiteindelijk een goede lening met een vaste rente."),
                ("Renovatielening slim gecombineerd",
                 "Woonkrediet gecombineerd met een renovatiedeel voor dakisolatie en een warmtepomp. De adviseur wees "
                 "ons ook op de premies. Topbegeleiding."),
                ("Documenten opladen in de app",
                 "Loonfiches, aanslagbiljet, EPC-attest: alles opgeladen in de app en we konden de status van ons "
                 "dossier volgen. Veel beter dan alles per mail te moeten sturen."),
            ],
            "minor": [
                "Enige minpunt: de schatter kwam pas na twee weken langs, dat gaf wat stress.",
                "Wat beter kan: de offerte was maar veertien dagen geldig, wat kort is om te vergelijken.",
            ],
            "mixed": [
                ("Goede rente, trage opvolging",
                 "De rente was scherp en het advies goed. Maar tussen aanvraag en akkoord moesten we zelf drie keer "
                 "bellen om te horen waar het dossier bleef."),
            ],
            "bad": [
                ("Dossier wekenlang blijven liggen",
                 "Alle documenten binnen in maart, en pas eind april een antwoord, na vijf keer bellen. We moesten de "
                 "notaris vragen om de akte uit te stellen. Dat kost stress én geld."),
                ("Andere voorwaarden dan beloofd",
                 "Bij de simulatie was er sprake van 3,1%, in de offerte stond plots 3,45% omdat we 'niet alle "
                 "producten' afnamen. Die koppelverkoop wordt pas op het einde duidelijk."),
            ],
        },
        "fr": {
            "good": [
                ("Une conseillère à l'écoute",
                 "Pour notre premier achat à {city}, trois rendez-vous avec la même conseillère. Elle a pris le temps "
                 "d'expliquer le taux fixe et le variable, et de tout calculer, frais de notaire compris."),
                ("Accord rapide avant l'acte",
                 "Compromis signé, demande introduite dans l'appli, accord de principe en dix jours. L'acte chez le "
                 "notaire a pu se faire à la date prévue."),
                ("Des conseils honnêtes",
                 "Le conseiller nous a dit franchement que notre budget était trop juste avec les travaux. Mieux vaut "
                 "ça que des problèmes plus tard. On a finalement un bon crédit à taux fixe."),
                ("Prêt rénovation bien combiné",
                 "Crédit hypothécaire combiné à un volet rénovation pour l'isolation et une pompe à chaleur. On nous a "
                 "aussi parlé des primes régionales. Accompagnement au top."),
            ],
            "minor": [
                "Seul bémol : l'expert pour l'estimation n'est passé qu'après deux semaines.",
            ],
            "mixed": [
                ("Bon taux, suivi lent",
                 "Le taux était intéressant et les conseils pertinents, mais entre la demande et l'accord il a fallu "
                 "relancer trois fois."),
            ],
            "bad": [
                ("Dossier oublié pendant des semaines",
                 "Tous les documents remis début mars, réponse fin avril après cinq relances. Nous avons dû demander "
                 "au notaire de reporter l'acte. Stress et frais en plus."),
                ("Le taux a changé en cours de route",
                 "La simulation annonçait 3,1 %, l'offre finale 3,45 % parce qu'on ne prenait pas l'assurance solde "
                 "restant dû chez eux. Ça aurait dû être dit dès le début."),
            ],
        },
        "en": {
            "good": [
                ("Patient mortgage advice for first-time buyers",
                 "As expats buying in {city}, we knew nothing about registration duties or the notary. Our adviser "
                 "explained everything in English and ran the numbers for a fixed and a variable rate."),
                ("Approved in time for the deed",
                 "Signed the compromis, uploaded everything in the app, and had an agreement in principle within ten "
                 "days. The deed went ahead as planned."),
            ],
            "minor": [
                "One gripe: the offer was only valid for fourteen days, which is short if you want to compare.",
            ],
            "bad": [
                ("Weeks of silence",
                 "All documents submitted in March, and no answer until late April, after I called five times. We "
                 "had to ask the notary to move the deed. Stressful and costly."),
            ],
        },
    },
    "hearth-bank-car-loan": {
        "nl": {
            "good": [
                ("Autolening in één dag geregeld",
                 "Op zaterdag bij de garage in {city} een tweedehandswagen gekozen, 's avonds de lening aangevraagd "
                 "in de app, maandag stond het geld op mijn rekening."),
                ("Lagere rente voor elektrisch",
                 "Voor onze elektrische wagen kregen we een lagere rente dan voor een gewone auto. Het verschil op "
                 "vijf jaar is toch een paar honderd euro."),
                ("Duidelijke simulatie",
                 "In de simulator zie je meteen wat een langere looptijd je extra kost. Zo hebben we bewust voor 48 "
                 "maanden gekozen in plaats van 60."),
            ],
            "minor": [
                "Minpuntje: vervroegd terugbetalen kan, maar de kosten daarvoor staan niet duidelijk in de app.",
            ],
            "bad": [
                ("Aanvraag geweigerd zonder uitleg",
                 "Vast contract, geen andere leningen, en toch geweigerd. Op de vraag waarom kreeg ik enkel 'interne "
                 "criteria' te horen. Bij een andere bank was het op twee dagen rond."),
            ],
        },
        "fr": {
            "good": [
                ("Prêt auto réglé en un week-end",
                 "Voiture d'occasion choisie le samedi au garage de {city}, demande de prêt dans l'appli le soir même, "
                 "argent sur le compte le lundi."),
                ("Taux réduit pour l'électrique",
                 "Pour notre voiture électrique, on a eu un taux plus bas. Sur cinq ans, la différence fait quelques "
                 "centaines d'euros."),
                ("Simulation claire",
                 "Le simulateur montre tout de suite ce que coûte une durée plus longue. On a choisi 48 mois au lieu "
                 "de 60 en connaissance de cause."),
            ],
            "minor": [
                "Petit bémol : les frais de remboursement anticipé ne sont pas clairs dans l'appli.",
            ],
            "bad": [
                ("Refus sans explication",
                 "CDI, aucun autre crédit, et pourtant refusé. On m'a juste parlé de 'critères internes'. Une autre "
                 "banque a accepté en deux jours."),
            ],
        },
        "en": {
            "good": [
                ("Quick and clear car loan",
                 "Applied in the app on a Sunday evening for a second-hand car and had the money on Tuesday. The "
                 "simulator made the total cost very clear."),
                ("Better rate for our EV",
                 "We got a lower rate because the car is electric. Over five years that's a few hundred euros saved."),
            ],
            "minor": [
                "One gripe: the app doesn't show what early repayment would cost.",
            ],
            "bad": [
                ("Approved fast, paid out slowly",
                 "The loan was approved within a day, but the money took a week to reach the dealer, who nearly sold "
                 "the car to someone else."),
            ],
        },
    },
    "hearth-bank-app": {
        "nl": {
            "good": [
                ("Snel geld terugvragen aan vrienden",
                 "Na een etentje stuur ik via de app een betaalverzoek naar vrienden. Ze betalen met één tik via "
                 "Payconiq of hun eigen bankapp. Geen gedoe meer met rekeningnummers."),
                ("Stabiel, ook op drukke dagen",
                 "Zelfs op Black Friday en op de dag van het vakantiegeld bleef de app vlot werken. Dat heb ik bij "
                 "andere banken wel anders meegemaakt."),
                ("Beste bankapp die ik al gehad heb",
                 "Inloggen met mijn vingerafdruk, saldo meteen zichtbaar, overschrijving in drie tikken. Ik open hem "
                 "elke dag en hij crasht nooit."),
                ("itsme-integratie werkt vlekkeloos",
                 "Betalingen boven de limiet bevestig ik met itsme en de app springt daarna netjes terug. Geen "
                 "kaartlezer meer nodig, eindelijk."),
                ("Payconiq ingebouwd, zalig",
                 "QR-code scannen om de rekening op café te splitsen of een factuur te betalen, rechtstreeks in de "
                 "bankapp. Geen aparte app meer nodig."),
                ("Alles zelf regelen",
                 "Limieten aanpassen, kaart blokkeren, geoblocking, pincode bekijken: ik heb de bank de voorbije twee "
                 "jaar niet één keer moeten bellen."),
                ("Handige meldingen",
                 "Ik krijg een melding bij elke betaling en wanneer mijn loon binnenkomt. Toen er een vreemde "
                 "betaling gebeurde, wist ik het binnen de seconde."),
                ("Face ID: supersnel",
                 "Sinds ik Face ID gebruik op mijn {phone} ben ik in twee seconden binnen. Overschrijven naar een "
                 "bekende begunstigde gaat zonder extra bevestiging."),
                ("Uitgavenoverzicht helpt ons budget",
                 "De app deelt onze uitgaven automatisch in: boodschappen, energie, vrije tijd. Zo zagen we eindelijk "
                 "hoeveel er naar afhaalmaaltijden gaat 😬"),
                ("Zoomit en domiciliëringen netjes op een rij",
                 "Facturen via Zoomit, domiciliëringen die je zelf kan blokkeren of weigeren: alles staat "
                 "overzichtelijk in één scherm."),
                ("Ook mijn vader van 75 kan ermee overweg",
                 "Duidelijke knoppen, groot lettertype als je dat instelt, en geen overbodige menu's. Mijn vader doet "
                 "nu zelf zijn overschrijvingen."),
                ("Er wordt geluisterd naar feedback",
                 "Vorig jaar vroegen we in de community om zelf het startscherm te kunnen kiezen, en nu kan het. Het "
                 "voelt alsof er echt naar klanten geluisterd wordt."),
            ],
            "minor": [
                "Enige minpuntje: na elke grote update moet ik mijn vingerafdruk opnieuw activeren.",
                "Wat beter kan: een donkere modus zou welkom zijn voor 's avonds.",
                "Kleine kanttekening: de zoekfunctie in de verrichtingen vindt niet altijd wat ik zoek.",
                "Minpuntje: op mijn oudere tablet is de app merkbaar trager.",
            ],
            "mixed": [
                ("Goede app, maar die updates",
                 "Als hij werkt, werkt hij goed. Maar na de laatste update stond mijn spaarrekening niet meer op het "
                 "startscherm en moest ik alles opnieuw instellen."),
            ],
            "bad": [
                ("Storing op de eerste van de maand",
                 "Net op de dag dat de huur moet vertrekken kon ik twee keer niet inloggen door een 'technisch "
                 "probleem'. Geen melding in de app over wanneer het opgelost zou zijn."),
                ("Werkt niet meer op mijn toestel",
                 "Mijn {old_phone} doet het nog perfect, maar wordt niet meer ondersteund. Een nieuwe gsm kopen om "
                 "te kunnen bankieren vind ik overdreven."),
            ],
        },
        "fr": {
            "good": [
                ("La meilleure appli bancaire que j'ai eue",
                 "Connexion avec l'empreinte digitale, solde visible tout de suite, virement en trois gestes. Je "
                 "l'ouvre tous les jours et elle ne plante jamais."),
                ("itsme parfaitement intégré",
                 "Je confirme les gros paiements avec itsme et l'appli revient toute seule. Plus besoin du lecteur de "
                 "carte, enfin."),
                ("Payconiq intégré, génial",
                 "Scanner un QR code pour payer une facture ou partager l'addition au resto, directement dans l'appli. "
                 "Plus besoin d'une autre application."),
                ("Je gère tout moi-même",
                 "Limites, blocage de carte, géoblocage, code PIN : je n'ai plus dû appeler la banque depuis deux "
                 "ans."),
                ("Notifications utiles",
                 "Une notification pour chaque paiement et quand le salaire arrive. Le jour où un paiement bizarre est "
                 "passé, je l'ai su immédiatement."),
                ("Face ID, rapide et sûr",
                 "Avec Face ID sur mon {phone}, je me connecte en deux secondes. Les virements vers mes "
                 "bénéficiaires habituels passent sans confirmation en plus."),
                ("Le suivi des dépenses nous aide",
                 "L'appli classe les dépenses automatiquement : courses, énergie, loisirs. On a enfin vu combien "
                 "partait en livraisons de repas."),
                ("Même mes parents s'en sortent",
                 "Gros boutons, texte agrandi si on veut, pas de menus inutiles. Mon père fait maintenant ses "
                 "virements seul."),
            ],
            "minor": [
                "Seul bémol : après chaque grosse mise à jour, je dois réactiver l'empreinte digitale.",
                "Petit point négatif : pas encore de mode sombre.",
                "Dommage que la recherche dans l'historique soit si limitée.",
            ],
            "mixed": [
                ("Bonne appli, mises à jour pénibles",
                 "Quand elle marche, elle est très bien. Mais après la dernière mise à jour, mon compte épargne avait "
                 "disparu de l'accueil et il a fallu tout reconfigurer."),
            ],
            "bad": [
                ("Panne le jour du loyer",
                 "Le premier du mois, impossible de me connecter pendant des heures à cause d'un 'problème technique'. "
                 "Aucun message dans l'appli pour dire quand ce serait réglé."),
                ("Plus compatible avec mon téléphone",
                 "Mon {old_phone} marche encore très bien, mais il n'est plus pris en charge. Acheter un nouveau GSM "
                 "juste pour consulter mes comptes, c'est exagéré."),
            ],
        },
        "en": {
            "good": [
                ("Best banking app I've used",
                 "Fingerprint login, balance on the first screen, a transfer in three taps. I use it daily and I "
                 "can't remember the last time it crashed."),
                ("Fully in English, finally",
                 "As an expat this matters: every screen, every notification and even the help articles are available "
                 "in English."),
                ("itsme and Payconiq built in",
                 "Large payments are confirmed with itsme and I can scan Payconiq QR codes straight from the app. No "
                 "card reader, no extra apps."),
                ("Self-service done right",
                 "Limits, geo-blocking, blocking a lost card, viewing my PIN: I haven't had to call the bank once in "
                 "two years."),
                ("Spending overview is genuinely useful",
                 "The automatic categories showed us exactly how much goes to takeaway every month. Slightly "
                 "embarrassing, very useful."),
            ],
            "minor": [
                "Only downside: I have to re-enable fingerprint login after every major update.",
                "One gripe: there's still no dark mode.",
            ],
            "mixed": [
                ("Great app, annoying updates",
                 "When it works it's excellent, but the last update moved my savings account off the home screen and "
                 "reset my settings."),
            ],
            "bad": [
                ("Outage on rent day",
                 "On the first of the month I couldn't log in for hours because of a 'technical issue', with no "
                 "message in the app about when it would be fixed."),
            ],
        },
    },
    "hearth-mobile-unlimited": {
        "nl": {
            "good": [
                ("Hotspot voor het hele gezin",
                 "Op vakantie aan de kust deelde ik mijn verbinding met de tablets van de kinderen. Onbeperkt is "
                 "echt onbeperkt, ook met hotspot."),
                ("Eerlijke prijs, snelle 5G",
                 "Overal in {city} 5G en snelheden boven de 300 Mbps. Voor minder dan ik vroeger betaalde voor 20 "
                 "GB."),
                ("Geen schrik meer van de factuur",
                 "Vroeger zat ik elke maand aan mijn limiet. Nu betaal ik een vast bedrag en gebruik ik zoveel als "
                 "ik wil, ook voor videobellen met familie in het buitenland."),
                ("Echt onbeperkt, geen kleine lettertjes",
                 "Ik gebruik makkelijk 80 GB per maand, veel streamen op de trein, en er wordt nooit afgeremd. Voor "
                 "deze prijs vind ik dat nergens anders."),
                ("5G in de stad is razendsnel",
                 "In {city} haal ik met 5G snelheden waar mijn internet thuis jaloers op zou zijn. Hotspot voor mijn "
                 "laptop op de trein werkt ook prima."),
                ("eSIM in vijf minuten",
                 "eSIM geactiveerd via de app op mijn {phone}, zonder naar een winkel te moeten. Nummer behouden van "
                 "mijn vorige operator, geen minuut zonder bereik."),
                ("Op vakantie in Europa zonder zorgen",
                 "In Spanje en Frankrijk gewoon verder gebruikt zoals thuis. De 30 GB voor de EU was ruim genoeg voor "
                 "twee weken navigatie en foto's delen."),
                ("Overstap vlot verlopen",
                 "Nummer overgezet van mijn oude operator, op één dag geregeld. De nieuwe simkaart werkte nog dezelfde "
                 "avond."),
                ("Goede prijs voor wat je krijgt",
                 "Na de promo betaal ik nog altijd minder dan bij mijn vorige operator voor 20 GB. Nu hoef ik nooit "
                 "meer naar mijn verbruik te kijken."),
            ],
            "minor": [
                "Minpuntje: in de Ardennen, rond {place}, val je nog regelmatig terug op 4G of zelfs niets.",
                "Enige nadeel: buiten de EU moet je een apart pakket kopen.",
                "Wat beter kan: de prijs gaat na twaalf maanden promo toch met €5 omhoog.",
            ],
            "mixed": [
                ("Snel netwerk, trage klantendienst",
                 "Het netwerk zelf is uitstekend, 5G bijna overal waar ik kom. Maar voor een fout op mijn factuur "
                 "was ik drie telefoontjes en twee weken kwijt."),
                ("Goed in de stad, zwak op het platteland",
                 "In Gent en Antwerpen top. Bij mijn ouders in de Westhoek heb ik binnen nauwelijks bereik. Voor een "
                 "onbeperkt abonnement is dat jammer."),
            ],
            "bad": [
                ("Geen bereik in de Ardennen",
                 "Een week op vakantie rond {place} en ik had bijna nergens bereik, laat staan 5G. De kaart op de site "
                 "beloofde 'uitstekende dekking'. Met twee kinderen op een wandelroute wil je toch bereikbaar zijn."),
                ("€87 extra door roaming in Zwitserland",
                 "Even over de grens in Zwitserland op skivakantie en de gsm schakelde automatisch naar een Zwitsers "
                 "netwerk. Geen duidelijke waarschuwing, wel een factuur van €87 extra. Niet 'onbeperkt' dus."),
                ("{wait} minuten wachten voor een simpele vraag",
                 "Mijn factuur klopte niet na de prijsverhoging. Aan de telefoon {wait} minuten wachten, en de chat in "
                 "de app gaf enkel standaardantwoorden. Uiteindelijk via de winkel opgelost."),
            ],
        },
        "fr": {
            "good": [
                ("Vraiment illimité",
                 "J'utilise facilement 80 Go par mois en streaming dans le train et je ne suis jamais bridé. À ce "
                 "prix-là, je n'ai rien trouvé de mieux."),
                ("La 5G en ville, impressionnant",
                 "À {city}, la 5G va plus vite que mon internet à la maison. Le partage de connexion pour mon PC "
                 "portable marche très bien."),
                ("eSIM activée en cinq minutes",
                 "eSIM activée depuis l'appli sur mon {phone}, sans passer en boutique. J'ai gardé mon numéro et je "
                 "n'ai pas perdu le réseau une minute."),
                ("Roaming en Europe sans souci",
                 "En Italie et en France, j'ai utilisé mon forfait comme à la maison. Les 30 Go pour l'UE ont "
                 "largement suffi pour deux semaines."),
                ("Portabilité du numéro rapide",
                 "Numéro transféré depuis mon ancien opérateur en une journée. La nouvelle carte SIM marchait le soir "
                 "même."),
            ],
            "minor": [
                "Seul bémol : dans les Ardennes, du côté de {place}, le réseau passe souvent en 4G ou disparaît.",
                "Petit point négatif : le prix augmente de 5 € après douze mois de promo.",
            ],
            "mixed": [
                ("Top en ville, faible à la campagne",
                 "À Liège et à Namur, rien à dire. Chez mes parents près de {place}, je n'ai presque pas de réseau à "
                 "l'intérieur. Pour un illimité, c'est dommage."),
            ],
            "bad": [
                ("Hausse de prix après la promo",
                 "Après douze mois, le prix augmente de 5 € et en plus une indexation tombe. Pour un 'illimité', "
                 "l'addition devient lourde."),
                ("Aucune couverture à l'intérieur",
                 "À la maison, près de {place}, je dois sortir dans le jardin pour appeler. La 5G, je ne l'ai jamais "
                 "vue. On paie pourtant le même prix qu'en ville."),
                ("Facture erronée, trois appels pour la corriger",
                 "Après le changement de tarif, ma facture comptait deux fois l'abonnement. Trois appels et deux "
                 "semaines pour obtenir une note de crédit."),
                ("Aucun réseau dans les Ardennes",
                 "Une semaine de vacances près de {place} et presque pas de réseau, encore moins de 5G. La carte de "
                 "couverture annonçait une 'excellente couverture'. Avec des enfants en balade, on veut pouvoir "
                 "appeler."),
                ("87 € de roaming en Suisse",
                 "Quelques jours au ski juste de l'autre côté de la frontière, et le téléphone s'est connecté à un "
                 "réseau suisse. Aucun avertissement clair, mais 87 € en plus sur la facture."),
                ("Service client injoignable",
                 "Facture incorrecte après la hausse de prix. {wait} minutes d'attente au téléphone et un chat qui ne "
                 "donne que des réponses toutes faites. Réglé finalement en boutique."),
            ],
        },
        "en": {
            "good": [
                ("Roaming in Europe just works",
                 "Used my plan in Spain and France exactly like at home. The 30 GB for the EU was plenty for two "
                 "weeks of maps and photos."),
                ("Number ported in a day",
                 "Moved my number from my old operator in a day. The new SIM worked the same evening."),
                ("Truly unlimited",
                 "I use around 80 GB a month, mostly streaming on the train, and I've never been throttled. Nothing "
                 "comes close at this price in Belgium."),
                ("eSIM set up in minutes",
                 "Activated the eSIM in the app on my {phone} and kept my number from my old operator. No shop visit, "
                 "no downtime."),
                ("Fast 5G in the city",
                 "Speeds in {city} are seriously impressive, faster than my home Wi-Fi. Tethering my laptop on the "
                 "train works perfectly."),
            ],
            "minor": [
                "Only downside: coverage in the Ardennes around {place} is patchy, often 4G or nothing.",
            ],
            "bad": [
                ("Roaming surprise in Switzerland",
                 "Crossed into Switzerland for a ski weekend and my phone switched to a Swiss network. No clear "
                 "warning, but an extra €87 on the bill. 'Unlimited' clearly has limits."),
                ("No signal in the Ardennes",
                 "A week's holiday near {place} and there was barely any signal, let alone 5G, despite the coverage "
                 "map promising 'excellent' coverage."),
            ],
        },
    },
    "hearth-mobile-smart-10": {
        "nl": {
            "good": [
                ("Perfect voor wie vooral wifi gebruikt",
                 "Thuis en op het werk zit ik op wifi, dus 10 GB is voor mij meer dan genoeg. Voor dit bedrag heb ik "
                 "ook onbeperkt bellen en sms'en."),
                ("Geen contract, geen zorgen",
                 "Maandelijks opzegbaar en geen verborgen kosten. Ik betaal elke maand exact hetzelfde bedrag."),
                ("Ideaal voor onze tiener",
                 "Onze dochter van 14 heeft dit abonnement. Via de app krijg ik een melding als ze bijna door haar "
                 "data zit, en extra data kopen kan niet zonder onze toestemming."),
                ("Ongebruikte data schuift door",
                 "Fijn dat data die je niet gebruikt naar de volgende maand gaat. In de zomermaanden bouw ik zo een "
                 "reserve op."),
                ("Goedkoper dan mijn vorige abonnement",
                 "Ik betaal €10 per maand minder dan bij mijn vorige operator, voor dezelfde hoeveelheid data."),
            ],
            "minor": [
                "Minpuntje: extra data bijkopen is relatief duur.",
                "Wat beter kan: 5G zit er bij dit abonnement niet in.",
            ],
            "mixed": [
                ("Prima prijs, wisselend bereik",
                 "Voor de prijs kan je weinig zeggen. Maar in de trein tussen Brussel en {city} valt de verbinding "
                 "regelmatig weg."),
            ],
            "bad": [
                ("Geen bereik op het werk",
                 "Op mijn werk in een bedrijvenzone bij {city} heb ik binnen amper bereik. Bellen lukt enkel aan het "
                 "raam. Mijn collega's met een andere operator hebben geen probleem."),
                ("Data op na twee weken, niemand kan uitleggen waarom",
                 "Mijn verbruik stond plots op 10 GB terwijl ik amper buiten wifi kom. De klantendienst zegt dat het "
                 "klopt, maar kan niet tonen waar het verbruik vandaan komt."),
                ("Prijsverhoging na zes maanden",
                 "Na zes maanden kwam er een 'indexering' van bijna 8%. Een goedkoop abonnement is niet meer goedkoop "
                 "als het elk jaar duurder wordt."),
            ],
        },
        "fr": {
            "good": [
                ("Moins cher que mon ancien forfait",
                 "Je paie 10 € de moins par mois que chez mon ancien opérateur, pour la même quantité de données."),
                ("Recharge facile quand il faut",
                 "Le mois où j'ai eu besoin de plus de données, j'ai pris une recharge dans l'appli en deux minutes."),
                ("Parfait si on vit sur le wifi",
                 "À la maison et au boulot je suis sur le wifi, donc 10 Go me suffisent largement. Appels et SMS "
                 "illimités en plus."),
                ("Sans engagement, sans surprise",
                 "Résiliable chaque mois, pas de frais cachés, la même facture chaque mois."),
                ("Idéal pour notre ado",
                 "Notre fils de 15 ans a cet abonnement. L'appli me prévient quand il arrive au bout de ses données et "
                 "il ne peut pas en racheter sans notre accord."),
                ("Data reportée, bien vu",
                 "Les données non utilisées passent au mois suivant. L'été, je me fais une petite réserve."),
            ],
            "minor": [
                "Petit bémol : la recharge de données en plus est assez chère.",
            ],
            "mixed": [
                ("Bon prix, réseau inégal",
                 "Pour le prix, rien à dire. Mais dans le train entre Bruxelles et {city}, la connexion saute "
                 "souvent."),
            ],
            "bad": [
                ("Données épuisées sans explication",
                 "Mes 10 Go étaient épuisés en deux semaines alors que je suis presque toujours sur le wifi. Le "
                 "service client dit que c'est correct mais ne peut pas expliquer d'où vient la consommation."),
                ("Indexation de 8 % après six mois",
                 "Six mois après la souscription, une 'indexation' de presque 8 %. Un forfait bon marché qui augmente "
                 "chaque année, ce n'est plus bon marché."),
            ],
        },
        "en": {
            "good": [
                ("Great value if you're on Wi-Fi a lot",
                 "I'm on Wi-Fi at home and at work, so 10 GB is plenty. Unlimited calls and texts in Belgium for a "
                 "fair price."),
                ("No contract, no surprises",
                 "Cancellable every month and the bill is the same every month. Exactly what I wanted as a student."),
                ("Rollover data is a nice touch",
                 "Unused data moves to the next month, so I build up a buffer during the summer."),
            ],
            "minor": [
                "One gripe: extra data is pricey.",
            ],
            "bad": [
                ("Price hike after six months",
                 "An 'indexation' of almost 8% six months after I signed up. A budget plan stops being a budget plan "
                 "when it keeps getting more expensive."),
            ],
        },
    },
    "hearth-mobile-travel-pass": {
        "nl": {
            "good": [
                ("Handig voor reizen buiten de EU",
                 "Op reis in Turkije het pakket van 7 dagen geactiveerd in de app. Werkte meteen bij aankomst, genoeg "
                 "data voor Google Maps en wat berichten."),
                ("Eindelijk zorgeloos bellen vanuit Marokko",
                 "Wij gaan elke zomer naar familie in Marokko. Met de pas van 30 dagen weet ik vooraf wat ik betaal, "
                 "geen schrikfacturen meer."),
                ("Pas in twee tikken geactiveerd",
                 "Op de luchthaven de pas voor de VS geactiveerd in de app. Duidelijk wat erin zit en een melding "
                 "toen de data bijna op was."),
            ],
            "minor": [
                "Minpuntje: de pas gaat in vanaf de activatie, niet vanaf je eerste verbruik.",
            ],
            "mixed": [
                ("Werkt, maar duur",
                 "Technisch geen probleem, de data werkte overal in {country}. Maar €25 voor 3 GB voor een week is "
                 "echt veel vergeleken met een lokale simkaart."),
                ("Nuttig, als je hem vindt",
                 "Eens geactiveerd prima, maar het duurde even voor ik de pas vond in de app. Zet dat wat "
                 "zichtbaarder."),
            ],
            "bad": [
                ("Veel te duur voor wat je krijgt",
                 "€25 voor 3 GB in {country}, en na vier dagen was alles op. Een lokale simkaart kostte me daarna €8 "
                 "voor 20 GB. Dat zegt genoeg."),
                ("Pas geactiveerd, toch roamingkosten",
                 "Ik had de pas voor {country} geactiveerd, maar de eerste dag werd toch aan het gewone tarief "
                 "aangerekend omdat de activatie 'nog in behandeling' was. €43 voor één dag."),
                ("Het VK hoort er niet meer bij",
                 "Niemand vertelde me dat het Verenigd Koninkrijk sinds de brexit niet meer onder 'roam like at home' "
                 "valt. Eén weekend Londen kostte me €60 extra. Een sms bij aankomst was genoeg geweest."),
                ("Geen bereik op de cruise",
                 "Op zee werkte de pas niet, en aan boord kom je op een satellietnetwerk tegen een absurd tarief. Dat "
                 "stond nergens duidelijk vermeld bij de pas."),
            ],
        },
        "fr": {
            "good": [
                ("Activation en deux clics",
                 "Pass pour les États-Unis activé à l'aéroport dans l'appli. On sait exactement ce qui est inclus et "
                 "on reçoit un message quand les données arrivent au bout."),
                ("Bien pour un court séjour",
                 "Pour quatre jours à Istanbul, le pass 7 jours était parfait : GPS, messages, quelques appels. Rien "
                 "à redire."),
                ("Pratique hors de l'UE",
                 "Pass de 7 jours activé dans l'appli avant d'atterrir en Turquie. Ça marchait dès l'arrivée, assez de "
                 "données pour le GPS et les messages."),
                ("Enfin des appels à la famille sans stress",
                 "Chaque été on va au Maroc. Avec le pass 30 jours, je sais d'avance ce que je paie. Plus de mauvaise "
                 "surprise."),
            ],
            "minor": [
                "Seul bémol : le pass démarre à l'activation, pas à la première connexion.",
            ],
            "mixed": [
                ("Ça marche, mais c'est cher",
                 "Techniquement rien à dire, les données ont marché partout {country}. Mais 25 € pour 3 Go pour une "
                 "semaine, c'est beaucoup comparé à une carte SIM locale."),
            ],
            "bad": [
                ("Beaucoup trop cher",
                 "25 € pour 3 Go {country}, et tout était consommé au bout de quatre jours. Une carte SIM locale m'a "
                 "ensuite coûté 8 € pour 20 Go. Tout est dit."),
                ("Pass activé, roaming facturé quand même",
                 "J'avais activé le pass avant de partir {country}, mais la première journée a été facturée au tarif "
                 "normal car l'activation était 'en cours'. 43 € pour une journée."),
                ("Le Royaume-Uni n'est plus inclus",
                 "Personne ne m'a prévenu que depuis le Brexit le Royaume-Uni ne fait plus partie du roaming européen. "
                 "Un week-end à Londres m'a coûté 60 € de plus. Un SMS à l'arrivée aurait suffi."),
            ],
        },
        "en": {
            "good": [
                ("Does the job outside the EU",
                 "Activated the 7-day pass for the US at the airport. Clear about what's included, and I got a "
                 "notification when my data was nearly gone."),
            ],
            "minor": [
                "Only downside: the pass starts when you activate it, not when you first use it.",
            ],
            "mixed": [
                ("Works, but pricey",
                 "No technical problems, the data worked everywhere in {country}. But €25 for 3 GB for a week is a "
                 "lot next to a local SIM card."),
            ],
            "bad": [
                ("Nobody mentioned the UK isn't covered",
                 "Nobody told me that since Brexit the UK is no longer part of EU roaming. One weekend in London cost "
                 "me an extra €60. A text on arrival would have done it."),
                ("Far too expensive",
                 "€25 for 3 GB in {country}, and it ran out after four days. A local SIM then cost me €8 for 20 GB. "
                 "That says it all."),
            ],
        },
    },
    "hearth-mobile-fibre": {
        "nl": {
            "good": [
                ("Overstap zonder onderbreking",
                 "Mijn oude abonnement werd stopgezet op exact de dag dat de glasvezel actief werd. Geen uur zonder "
                 "internet, dat had ik niet verwacht."),
                ("Wifi tot in het tuinhuis",
                 "De modem met wifi 6 haalt zelfs het tuinhuis waar ik werk. Geen extra versterker nodig."),
                ("Eindelijk snel internet",
                 "Van 100 Mbps over de koperlijn naar echte glasvezel: 940 Mbps gemeten op de kabel. Thuiswerken met "
                 "videocalls en de kinderen die gamen, geen enkel probleem meer."),
                ("Installatie perfect verlopen",
                 "De technieker kwam op het afgesproken uur, werkte netjes en heeft zelfs de wifi in de garage "
                 "nagekeken. Binnen twee uur was alles aangesloten."),
                ("Stabiel, al maanden geen onderbreking",
                 "Sinds de aansluiting in {month} nog geen enkele storing gehad. De modem met wifi 6 geeft tot op de "
                 "zolder een goed signaal."),
                ("Upload maakt het verschil",
                 "Als fotograaf upload ik elke week tientallen gigabytes. Met de symmetrische snelheid gaat dat nu in "
                 "minuten in plaats van uren."),
                ("Duidelijke opvolging van de aansluiting",
                 "In de app zag ik elke stap: graafwerken in de straat, aansluiting aan de gevel, afspraak met de "
                 "technieker. Zo weet je waar je staat."),
            ],
            "minor": [
                "Minpuntje: het wifiwachtwoord wijzigen zit wel erg diep verstopt in het menu van de modem.",
                "Enige nadeel: de prijs na het eerste jaar is stevig.",
            ],
            "mixed": [
                ("Snel, maar de installatie was een lijdensweg",
                 "Nu het werkt, is het top. Maar er waren drie afspraken nodig voor de technieker eindelijk kwam, en "
                 "telkens nam ik een dag verlof."),
            ],
            "bad": [
                ("Gat in de verkeerde muur",
                 "Bij de installatie werd er een gat in de verkeerde muur geboord en de kabel hangt nu los over de "
                 "gevel. Twee maanden later is er nog altijd niemand langs geweest om het af te werken."),
                ("Drie keer een afspraak gemist",
                 "Drie keer een dag vrijgenomen voor de installatie, drie keer kwam er niemand. Geen telefoontje, geen "
                 "sms. Na {wait} minuten wachten aan de lijn kreeg ik te horen dat er 'een planningsprobleem' was."),
                ("Elke avond valt de verbinding weg",
                 "Sinds de aansluiting valt het internet bijna elke avond rond negen uur enkele minuten weg. Modem al "
                 "twee keer vervangen, het probleem blijft. Voor thuiswerk is dat onwerkbaar."),
                ("Beloofde snelheid nooit gehaald",
                 "1 Gbps beloofd, maar via wifi haal ik nergens meer dan 300 Mbps, ook niet naast de modem. Volgens de "
                 "helpdesk ligt het aan mijn toestellen."),
            ],
        },
        "fr": {
            "good": [
                ("L'upload fait toute la différence",
                 "Je travaille dans la vidéo et j'envoie des fichiers énormes chaque semaine. Avec un débit "
                 "symétrique, ça prend quelques minutes au lieu de plusieurs heures."),
                ("Du wifi dans toute la maison",
                 "Le modem wifi 6 couvre enfin toute la maison, même la véranda. Plus besoin de répéteur."),
                ("Passage à la fibre sans coupure",
                 "L'ancien abonnement a été arrêté le jour même de l'activation de la fibre. Pas une heure sans "
                 "internet, c'est rare."),
                ("Enfin un internet rapide",
                 "Du vieux 100 Mbps sur cuivre à la vraie fibre : 940 Mbps mesurés en câble. Télétravail, visios et "
                 "les enfants qui jouent en ligne, plus aucun souci."),
                ("Installation impeccable",
                 "Le technicien est arrivé à l'heure, a travaillé proprement et a même vérifié le wifi dans le bureau "
                 "au fond du jardin. Tout était connecté en deux heures."),
                ("Stable depuis des mois",
                 "Aucune coupure depuis le raccordement en {month}. Le modem wifi 6 couvre toute la maison, même "
                 "l'étage."),
                ("Suivi clair du raccordement",
                 "Dans l'appli, je voyais chaque étape : travaux dans la rue, raccordement en façade, rendez-vous avec "
                 "le technicien. On sait où on en est."),
            ],
            "minor": [
                "Seul bémol : le prix après la première année pique un peu.",
            ],
            "mixed": [
                ("Rapide, mais l'installation a été longue",
                 "Maintenant que ça marche, c'est top. Mais il a fallu trois rendez-vous avant que le technicien "
                 "vienne vraiment, et j'ai pris congé à chaque fois."),
            ],
            "bad": [
                ("Trois rendez-vous manqués",
                 "Trois jours de congé pris pour l'installation, trois fois personne. Ni appel, ni SMS. Après {wait} "
                 "minutes d'attente au téléphone, on m'a parlé d'un 'problème de planning'."),
                ("Coupures tous les soirs",
                 "Depuis le raccordement, la connexion coupe presque tous les soirs vers 21 h. Modem changé deux fois, "
                 "rien n'y fait. Pour le télétravail, c'est intenable."),
            ],
        },
        "en": {
            "good": [
                ("Proper fibre at last",
                 "Went from 100 Mbps on copper to 940 Mbps on a cable. Video calls, two kids gaming and a 4K stream at "
                 "the same time without a hiccup."),
                ("Smooth installation",
                 "The technician was on time, tidy, and took the time to check the Wi-Fi in my home office. Connected "
                 "in under two hours."),
                ("Upload speed changes everything",
                 "I upload large video files for work every day. With symmetrical speeds it now takes minutes instead "
                 "of hours."),
            ],
            "minor": [
                "Only downside: the price after the first year is steep.",
            ],
            "bad": [
                ("Three missed appointments",
                 "I took three days off for the installation and nobody showed up. No call, no text. After {wait} "
                 "minutes on hold I was told there was a 'planning issue'."),
                ("Drops every evening",
                 "Since the installation the connection drops almost every evening around 9 pm. The modem has been "
                 "replaced twice and it still happens."),
            ],
        },
    },
    "hearth-mobile-app": {
        "nl": {
            "good": [
                ("Facturen overzichtelijk",
                 "Elke factuur staat in de app met een duidelijke uitleg per lijn. De pdf voor mijn boekhouding "
                 "download ik met één tik."),
                ("Abonnement aanpassen zonder te bellen",
                 "Van Smart 10 naar Unlimited overgestapt in de app, meteen actief en de prijs werd netjes pro rata "
                 "aangerekend."),
                ("Alles over mijn abonnement in één oogopslag",
                 "Verbruik, facturen en mijn abonnement op één scherm. Ik zie meteen hoeveel data ik nog heb en "
                 "wanneer de volgende factuur komt."),
                ("eSIM overzetten via de app: top",
                 "Nieuwe {phone} gekocht en de eSIM in de app overgezet. Binnen vijf minuten had ik weer bereik, "
                 "zonder winkelbezoek."),
                ("Roamingpas kopen gaat snel",
                 "Op de luchthaven nog snel een pas voor buiten de EU gekocht in de app. Duidelijke prijs, meteen "
                 "actief."),
                ("Chat met echte mensen",
                 "Via de chat in de app kreeg ik binnen tien minuten een medewerker die mijn factuur kon uitleggen. "
                 "Veel beter dan bellen."),
                ("Handige meldingen bij verbruik",
                 "Ik krijg een melding bij 80% van mijn data en als ik in het buitenland aankom met wat het daar kost. "
                 "Nooit meer verrassingen."),
                ("Storingskaart is handig",
                 "Toen het internet thuis wegviel, zag ik in de app meteen dat er een storing in mijn buurt was en "
                 "wanneer die opgelost zou zijn."),
            ],
            "minor": [
                "Minpuntje: inloggen vraagt elke paar weken opnieuw een sms-code.",
                "Wat beter kan: facturen van meer dan een jaar oud vind je niet meer terug.",
            ],
            "mixed": [
                ("Handig, maar traag",
                 "Alles wat je nodig hebt staat erin, maar het openen duurt soms tien seconden en de verbruiksgegevens "
                 "lopen een dag achter."),
            ],
            "bad": [
                ("Na de update kan ik niet meer inloggen",
                 "Sinds de laatste update blijft de app hangen op het laadscherm. Opnieuw geïnstalleerd, cache gewist, "
                 "niets helpt. En de klantendienst verwijst me naar... de app."),
                ("Verbruik klopt niet",
                 "De app toonde nog 4 GB over, de volgende dag kreeg ik een sms dat ik extra data moest bijkopen. Op "
                 "wat de app zegt kan je dus niet rekenen."),
            ],
        },
        "fr": {
            "good": [
                ("Pass roaming acheté en deux minutes",
                 "À l'aéroport, j'ai acheté un pass pour un pays hors UE dans l'appli. Prix clair, actif tout de "
                 "suite."),
                ("Factures claires",
                 "Chaque facture est détaillée dans l'appli, avec les appels hors forfait mis en évidence. Je "
                 "télécharge le PDF pour ma comptabilité en un clic."),
                ("Tout mon abonnement en un coup d'œil",
                 "Consommation, factures et abonnement sur un seul écran. Je vois directement combien de données il me "
                 "reste."),
                ("eSIM transférée en cinq minutes",
                 "Nouveau {phone}, eSIM transférée dans l'appli, réseau retrouvé en cinq minutes. Pas besoin d'aller "
                 "en boutique."),
                ("Le chat, enfin une vraie personne",
                 "Via le chat de l'appli, un conseiller m'a répondu en dix minutes et m'a expliqué ma facture. Bien "
                 "mieux que d'appeler."),
                ("Alertes de consommation utiles",
                 "Une alerte à 80 % de mes données et un message à l'arrivée à l'étranger avec les tarifs. Plus de "
                 "surprises."),
                ("Carte des pannes pratique",
                 "Le soir où internet a coupé, j'ai vu dans l'appli qu'il y avait une panne dans mon quartier et "
                 "l'heure prévue de résolution."),
            ],
            "minor": [
                "Petit bémol : il faut refaire la vérification par SMS toutes les deux semaines.",
            ],
            "mixed": [
                ("Pratique mais lente",
                 "Tout y est, mais l'ouverture prend parfois dix secondes et la consommation affichée a un jour de "
                 "retard."),
            ],
            "bad": [
                ("Consommation affichée fausse",
                 "L'appli indiquait encore 4 Go, et le lendemain un SMS me demandait d'acheter des données en plus. "
                 "Impossible de se fier à ce qu'elle affiche."),
                ("Impossible de me connecter depuis la mise à jour",
                 "Depuis la dernière mise à jour, l'appli reste bloquée sur l'écran de chargement. Réinstallée, cache "
                 "vidé, rien. Et le service client me renvoie vers… l'appli."),
            ],
        },
        "en": {
            "good": [
                ("Everything about my plan in one place",
                 "Usage, invoices and plan details on one screen. I can see at a glance how much data I have left."),
                ("eSIM transfer in five minutes",
                 "New {phone}, moved the eSIM in the app and had signal again within five minutes. No shop visit "
                 "needed."),
                ("Chat support that actually helps",
                 "The in-app chat got me a real person within ten minutes who explained my invoice. Much better than "
                 "calling."),
            ],
            "minor": [
                "One gripe: it asks for a new SMS code every couple of weeks.",
            ],
            "bad": [
                ("Usage figures can't be trusted",
                 "The app said I had 4 GB left, and the next day I got a text telling me to buy extra data. You can't "
                 "rely on what it shows."),
            ],
        },
    },
}

# A sentence on the brand's service, added to some reviews of any of its products.
BRAND: dict[str, dict[str, dict[str, list[str]]]] = {
    "bank": {
        "nl": {
            "good": [
                "Ook de klantendienst was vriendelijk toen ik eens moest bellen.",
                "Toen ik in het kantoor in {city} langsging, werd ik zonder afspraak geholpen.",
                "Klant sinds {years} jaar en nog nooit spijt gehad.",
                "Via de chat in de app kreeg ik binnen het kwartier antwoord.",
                "En in de community krijg je snel hulp van andere klanten.",
            ],
            "bad": [
                "En probeer maar eens iemand te bereiken: {wait} minuten in de wachtrij van de klantendienst.",
                "Het kantoor in {city} is intussen ook gesloten, dus persoonlijk contact kan je vergeten.",
                "Mails naar de klantendienst blijven dagen onbeantwoord.",
                "Aan de telefoon word je van de ene afdeling naar de andere doorgeschakeld.",
            ],
        },
        "fr": {
            "good": [
                "Le service client a aussi été aimable la fois où j'ai dû appeler.",
                "À l'agence de {city}, on m'a aidé sans rendez-vous.",
                "Chez eux depuis {years} ans, jamais regretté.",
                "Réponse en moins d'un quart d'heure via le chat de l'appli.",
            ],
            "bad": [
                "Et pour joindre quelqu'un : {wait} minutes d'attente au service client.",
                "L'agence de {city} a fermé entre-temps, donc le contact humain, on oublie.",
                "Les mails au service client restent des jours sans réponse.",
                "Au téléphone, on vous transfère d'un service à l'autre.",
            ],
        },
        "en": {
            "good": [
                "Customer service was friendly the one time I had to call.",
                "A customer for {years} years now and no regrets.",
                "The chat in the app answered within fifteen minutes.",
            ],
            "bad": [
                "And good luck reaching anyone: {wait} minutes on hold at the call centre.",
                "Emails to customer service go unanswered for days.",
                "On the phone you get passed from one department to the next.",
            ],
        },
    },
    "mobile": {
        "nl": {
            "good": [
                "In de winkel in {city} werd ik ook goed geholpen bij de overstap.",
                "De chat in de app antwoordt meestal binnen het kwartier.",
                "Klant sinds {years} jaar, nooit echt problemen gehad.",
            ],
            "bad": [
                "De klantendienst bellen betekent {wait} minuten wachtmuziek.",
                "In de winkel in {city} verwijzen ze je door naar de klantendienst, en die stuurt je terug naar de "
                "winkel.",
                "De chatbot in de app begrijpt je vraag zelden.",
            ],
        },
        "fr": {
            "good": [
                "En boutique à {city}, on m'a aussi bien aidé pour le changement d'opérateur.",
                "Le chat de l'appli répond en général en un quart d'heure.",
                "Chez eux depuis {years} ans, jamais eu de vrai problème.",
            ],
            "bad": [
                "Appeler le service client, c'est {wait} minutes de musique d'attente.",
                "En boutique à {city}, on vous renvoie vers le service client, qui vous renvoie vers la boutique.",
                "Le chatbot de l'appli comprend rarement la question.",
            ],
        },
        "en": {
            "good": [
                "The shop in {city} was helpful when I switched over.",
                "The in-app chat usually answers within fifteen minutes.",
            ],
            "bad": [
                "Calling customer service means {wait} minutes of hold music.",
                "The chatbot in the app rarely understands the question.",
            ],
        },
    },
}

# Short praise that fits any product.
SHORT: dict[str, dict[int, list[str]]] = {
    "nl": {
        5: ["Doet exact wat het belooft. Geen gedoe, geen verrassingen.",
            "Al jaren tevreden, nog nooit een probleem gehad.",
            "Alles werkt zoals het moet. Meer moet dat niet zijn.",
            "Vlot, duidelijk en betrouwbaar. Zo zie ik het graag.",
            "Niets op aan te merken, echt niet. Doe zo verder!",
            "Simpel en het werkt gewoon. Top."],
        4: ["Goed product, werkt zoals beloofd. Kleine verbeterpunten, maar niets ernstigs.",
            "Tevreden, al kan het hier en daar nog wat gebruiksvriendelijker.",
            "Prima in orde. Niet spectaculair, wel betrouwbaar.",
            "Doet wat het moet doen. Een paar kleine dingen kunnen beter."],
    },
    "fr": {
        5: ["Fait exactement ce qui est promis. Aucune mauvaise surprise.",
            "Aucun souci depuis des années.",
            "Tout fonctionne comme il faut, rien à redire.",
            "Simple, clair et fiable. Que demander de plus ?",
            "Franchement rien à reprocher. Continuez !"],
        4: ["Bon produit, fonctionne comme prévu. Quelques détails à améliorer.",
            "Bien dans l'ensemble, même si certaines choses pourraient être plus simples.",
            "Fiable, sans être extraordinaire. Ça me convient."],
    },
    "en": {
        5: ["Does exactly what it says. No hassle, no surprises.",
            "Years without a single issue.",
            "Everything just works. That's all I ask.",
            "Simple, clear and reliable. What more do you want?"],
        4: ["Solid and reliable. A few rough edges, nothing serious.",
            "Happy with it, though a couple of things could be simpler."],
    },
}

# Three star reviews that fit any product, for a language a product has none in.
MIXED: dict[str, list[tuple[str, str]]] = {
    "nl": [
        ("Gemengde gevoelens",
         "Het product zelf is in orde, maar de service eromheen haalt het niveau naar beneden. Toen ik een vraag had, "
         "duurde het veel te lang voor ik een antwoord kreeg."),
        ("Niet slecht, niet speciaal",
         "Het werkt, maar ik zie niets wat de concurrentie niet even goed of beter doet. Prijs en service zijn "
         "gemiddeld."),
    ],
    "fr": [
        ("Avis mitigé",
         "Le produit en lui-même est correct, mais le service autour fait baisser la note. Quand j'ai eu une question, "
         "la réponse a mis beaucoup trop de temps."),
        ("Ni bon ni mauvais",
         "Ça fonctionne, mais je ne vois rien que la concurrence ne fasse pas aussi bien. Prix et service dans la "
         "moyenne."),
    ],
    "en": [
        ("Decent, but the service lets it down",
         "The product itself is fine, but when something goes wrong it takes far too long to get an answer."),
        ("Does the job, nothing special",
         "It works, but I don't see anything here the competition doesn't do as well. Price and service are average."),
    ],
}

TITLES: dict[str, dict[int, list[str]]] = {
    "nl": {
        5: ["Top!", "Dik tevreden", "Aanrader", "Niets op aan te merken", "Uitstekend", "Supertevreden",
            "Doet wat het moet doen", "Vijf sterren waard"],
        4: ["Goed, met kleine minpuntjes", "Prima", "Tevreden", "Bijna perfect", "Zeker goed", "Goede keuze"],
        3: ["Gemiddeld", "Kan beter", "Oké, meer niet", "Gemengde gevoelens"],
        2: ["Teleurgesteld", "Niet wat ik verwachtte", "Matig", "Onder de verwachtingen"],
        1: ["Zeer ontevreden", "Slechte ervaring", "Echt teleurstellend", "Hier moet dringend iets aan gebeuren"],
    },
    "fr": {
        5: ["Top !", "Très bonne expérience", "Je recommande", "Rien à redire", "Excellent", "Parfait"],
        4: ["Bien, avec quelques bémols", "Bonne expérience", "Presque parfait", "Bon choix", "Très correct"],
        3: ["Moyen", "Peut mieux faire", "Correct sans plus", "Avis mitigé"],
        2: ["Décevant", "Pas à la hauteur", "En dessous des attentes", "Bof"],
        1: ["Très mauvaise expérience", "À éviter", "Inacceptable", "Vraiment décevant"],
    },
    "en": {
        5: ["Excellent", "Highly recommend", "Spot on", "Couldn't be happier", "Five stars", "Brilliant"],
        4: ["Very good, a few niggles", "Solid choice", "Almost perfect", "Good overall"],
        3: ["Average", "OK, nothing more", "Mixed feelings", "Room for improvement"],
        2: ["Disappointing", "Not what I expected", "Below expectations"],
        1: ["Very poor experience", "Avoid", "Unacceptable", "Really disappointing"],
    },
}

CLOSERS: dict[str, dict[int, list[str]]] = {
    "nl": {
        5: ["Aanrader!", "Zou niet meer terug willen.", "Zeker een aanrader voor wie twijfelt.",
            "Blij dat ik de overstap gemaakt heb.", "Doe zo voort!", "Vijf sterren, dik verdiend.",
            "Heb het intussen al aan vrienden aangeraden.", "Merci!"],
        4: ["Verder dik tevreden.", "Voor de rest geen klachten.", "Bijna perfect dus.",
            "De vijfde ster komt als dat opgelost is.", "Al bij al een goede keuze.", "Ik blijf zeker klant."],
        3: ["Niet slecht, maar ook niet schitterend.", "Het kan beter, maar ik blijf voorlopig.",
            "Drie sterren, meer zit er niet in.", "Op zich oké, maar de concurrentie slaapt niet.",
            "Ik geef het nog een kans."],
        2: ["Ik kijk intussen rond bij de concurrentie.", "Hopelijk doen ze er iets aan.",
            "Jammer, want het kan echt beter.", "Voorlopig blijf ik, maar met tegenzin."],
        1: ["Ik ben hier echt klaar mee.", "Ik stap over zodra het kan.", "Onaanvaardbaar voor een grote speler.",
            "Zo ga je niet om met trouwe klanten.", "Eén ster, en dat is nog vriendelijk.",
            "Ik heb intussen een klacht ingediend bij de ombudsman."],
    },
    "fr": {
        5: ["Je recommande vivement.", "Je ne reviendrais pas en arrière.", "À conseiller sans hésiter.",
            "Continuez comme ça !", "Cinq étoiles bien méritées.", "Je l'ai déjà conseillé à mes proches.", "Merci !"],
        4: ["Pour le reste, très bien.", "Sinon, rien à redire.", "Presque parfait donc.",
            "La cinquième étoile viendra quand ce sera corrigé.", "Globalement un bon choix.",
            "Je reste chez eux sans hésiter."],
        3: ["Ni bon ni mauvais.", "Peut mieux faire, mais je reste pour l'instant.", "Trois étoiles, pas plus.",
            "Correct, mais la concurrence ne dort pas.", "Je laisse encore une chance."],
        2: ["Je regarde ailleurs en attendant.", "J'espère que ça va s'améliorer.",
            "Dommage, car ça pourrait être bien mieux.", "Je reste pour l'instant, mais à contrecœur."],
        1: ["J'en ai vraiment assez.", "Je change dès que possible.",
            "Inacceptable pour une entreprise de cette taille.", "On ne traite pas des clients fidèles comme ça.",
            "Une étoile, et c'est généreux.", "J'ai porté plainte auprès du médiateur."],
    },
    "en": {
        5: ["Highly recommended!", "Wouldn't go back.", "Recommend it to anyone on the fence.", "Keep it up!",
            "Five well-earned stars.", "Already recommended it to friends."],
        4: ["Otherwise very happy.", "Apart from that, no complaints.", "Almost perfect, then.",
            "The fifth star comes when that's fixed.", "All in all a good choice."],
        3: ["Not bad, not great.", "Could be better, but I'm staying for now.", "Three stars, no more.",
            "Fine, but the competition isn't asleep.", "I'll give it another chance."],
        2: ["Looking around at the competition.", "Hope they fix this.",
            "A shame, because it could be so much better.", "Staying for now, reluctantly."],
        1: ["I've had enough.", "Switching as soon as I can.", "Unacceptable for a company this size.",
            "That's no way to treat loyal customers.", "One star, and that's generous.",
            "I've filed a complaint with the ombudsman."],
    },
}

FILLS: dict[str, dict[str, list[str]]] = {
    "nl": {
        "city": ["Gent", "Leuven", "Mechelen", "Hasselt", "Brugge", "Aalst", "Kortrijk", "Turnhout", "Sint-Niklaas",
                 "Genk", "Antwerpen", "Roeselare"],
        "country": ["Turkije", "Marokko", "Zwitserland", "Servië", "Tunesië", "de Verenigde Staten", "Egypte"],
        "month": ["januari", "maart", "mei", "juni", "september", "oktober", "november"],
    },
    "fr": {
        "city": ["Liège", "Namur", "Charleroi", "Mons", "Wavre", "Tournai", "Arlon", "Verviers", "Louvain-la-Neuve",
                 "Nivelles"],
        # With its preposition: "25 € pour 3 Go {country}".
        "country": ["en Turquie", "au Maroc", "en Suisse", "en Serbie", "en Tunisie", "aux États-Unis", "en Égypte"],
        "month": ["janvier", "mars", "mai", "juin", "septembre", "octobre", "novembre"],
    },
    "en": {
        "city": ["Brussels", "Leuven", "Ghent", "Antwerp", "Waterloo", "Tervuren", "Mechelen"],
        "country": ["Turkey", "Morocco", "Switzerland", "Serbia", "Tunisia", "the US", "Egypt"],
        "month": ["January", "March", "May", "June", "September", "October"],
    },
    "*": {
        "phone": ["iPhone 13", "iPhone 15", "Samsung Galaxy S23", "Galaxy A54", "Pixel 8", "Pixel 7a", "iPhone 12",
                  "Xiaomi Redmi Note 12", "OnePlus 11"],
        "old_phone": ["iPhone 8", "Samsung Galaxy S9", "Huawei P30", "Galaxy A40", "Moto G7"],
        "wait": ["35", "40", "45", "50", "55", "65", "70"],
        "years": ["4", "6", "8", "10", "12", "15", "20"],
        "place": ["Bouillon", "La Roche-en-Ardenne", "Vielsalm", "Houffalize", "Durbuy", "Rochefort", "Stavelot",
                  "Bütgenbach", "Gouvy"],
    },
}

# The care team's public answers: greeting, body for the review's tone, sometimes an invitation
# to continue in private (never asking for card numbers or codes), then the signature.
RESPONSES: dict[str, dict[str, list[str]]] = {
    "nl": {
        "greet": ["Dag {first},", "Hallo {first},", "Beste {first},"],
        "bad": [
            "Het spijt ons echt dat het zo gelopen is. Dit is niet de ervaring die we je willen geven.",
            "Bedankt voor je eerlijke feedback, ook al lezen we ze niet graag. Je hebt gelijk dat dit beter moet.",
            "Sorry voor het ongemak en de tijd die je hieraan verloren hebt. We hebben je opmerking doorgegeven aan "
            "het team dat hiervoor verantwoordelijk is.",
            "Vervelend om te lezen. We begrijpen je frustratie volledig en willen dit graag rechtzetten.",
            "Dank je om dit te melden. We zoeken uit wat er misgelopen is, want zo hoort het niet te gaan.",
        ],
        "private": [
            "Stuur ons gerust een privébericht met je naam en een korte beschrijving, dan bekijken we je situatie "
            "persoonlijk. Deel nooit je kaartnummer of pincode: die vragen we nooit.",
            "Wil je ons een privébericht sturen? Dan belt een collega je terug op een moment dat jou past.",
            "Contacteer ons via een privébericht of de chat in de app, dan zoeken we samen naar een oplossing.",
        ],
        "mixed": [
            "Bedankt voor je genuanceerde review. Fijn dat een deel goed zit; je opmerkingen nemen we mee.",
            "Dank je voor de feedback! We geven je verbeterpunt zeker door aan het team.",
        ],
        "good": [
            "Wat fijn om te lezen, bedankt om dit te delen!",
            "Bedankt voor je mooie review, dat doet het hele team plezier.",
            "Super dat je tevreden bent! Heb je ooit een vraag, dan weet je ons te vinden.",
        ],
        "noted": ["Je verbeterpunt geven we door aan het team.", "Je opmerking nemen we zeker mee."],
    },
    "fr": {
        "greet": ["Bonjour {first},", "Bonjour {first}, merci d'avoir pris le temps de nous écrire."],
        "bad": [
            "Nous sommes vraiment désolés de cette expérience, ce n'est pas ce que nous voulons vous offrir.",
            "Merci pour votre retour franc, même s'il n'est pas agréable à lire. Vous avez raison, nous devons faire "
            "mieux.",
            "Toutes nos excuses pour le désagrément et le temps perdu. Votre remarque a été transmise à l'équipe "
            "concernée.",
            "Nous comprenons votre frustration et nous aimerions arranger les choses.",
        ],
        "private": [
            "N'hésitez pas à nous envoyer un message privé avec votre nom et une brève description : nous "
            "examinerons votre situation personnellement. Ne partagez jamais votre numéro de carte ni votre code, "
            "nous ne les demandons jamais.",
            "Pouvez-vous nous envoyer un message privé ? Un collègue vous rappellera au moment qui vous convient.",
            "Contactez-nous en message privé ou via le chat de l'appli, nous chercherons une solution ensemble.",
        ],
        "mixed": [
            "Merci pour cet avis nuancé. Contents que certaines choses vous plaisent ; nous transmettons vos "
            "remarques.",
            "Merci pour votre retour ! Nous faisons suivre votre suggestion à l'équipe.",
        ],
        "good": [
            "Merci beaucoup, ça fait plaisir à lire !",
            "Merci pour ce bel avis, toute l'équipe l'apprécie.",
            "Ravis que tout fonctionne bien pour vous ! En cas de question, vous savez où nous trouver.",
        ],
        "noted": ["Nous transmettons votre remarque à l'équipe.", "Votre suggestion est bien notée."],
    },
    "en": {
        "greet": ["Hi {first},", "Hello {first},", "Dear {first},"],
        "bad": [
            "We're really sorry it went this way. This isn't the experience we want you to have.",
            "Thank you for the honest feedback, even if it's not nice to read. You're right that we need to do better.",
            "Apologies for the trouble and the time this cost you. We've passed your comments on to the team "
            "responsible.",
            "We completely understand your frustration and we'd like to put this right.",
        ],
        "private": [
            "Feel free to send us a private message with your name and a short description, and we'll look into it "
            "personally. Never share your card number or PIN: we will never ask for them.",
            "Could you send us a private message? A colleague will call you back at a time that suits you.",
            "Get in touch through a private message or the chat in the app and we'll work on a solution together.",
        ],
        "mixed": [
            "Thanks for the balanced review. Glad some of it works well for you; we'll pass on your comments.",
            "Thank you for the feedback! We'll share your suggestion with the team.",
        ],
        "good": [
            "Great to read, thanks for sharing!",
            "Thanks for the lovely review, the whole team appreciates it.",
            "Glad you're happy! If you ever have a question, you know where to find us.",
        ],
        "noted": ["We've passed your suggestion on to the team.", "Your point is noted."],
    },
}

SIGNATURES: dict[str, dict[str, list[str]]] = {
    "bank": {
        "nl": ["Camille – klantendienst Hearth Bank", "Het careteam van Hearth Bank"],
        "fr": ["Camille, service clientèle Hearth Bank", "L'équipe care de Hearth Bank"],
        "en": ["Camille, Hearth Bank customer care", "The Hearth Bank care team"],
    },
    "mobile": {
        "nl": ["Camille – klantendienst Hearth Mobile", "Het careteam van Hearth Mobile"],
        "fr": ["Camille, service client Hearth Mobile", "L'équipe care de Hearth Mobile"],
        "en": ["Camille, Hearth Mobile care team", "The Hearth Mobile care team"],
    },
}

# Members who later replace their review once the problem was solved; the care team answered the
# first version and updates its answer. `days_ago` is when the first version was written.
STORIES: list[dict[str, Any]] = [
    {
        "author": "Sarah Willems", "product": "hearth-mobile-fibre", "language": "nl", "days_ago": 290,
        "first": {
            "rating": 1, "recommend": False, "ratings": {"installation": 1, "service": 1},
            "title": "Drie weken zonder internet na de overstap",
            "body": "Mijn oude abonnement werd netjes stopgezet op de afgesproken dag, maar de glasvezel werd niet "
                    "geactiveerd. Drie weken zonder internet, met twee tieners en thuiswerk. Elke keer als ik bel "
                    "krijg ik een ander verhaal.",
        },
        "response": "Dag {first},\n\nDit is echt niet hoe een overstap hoort te verlopen, sorry. We hebben je dossier "
                    "doorgegeven aan onze planning. Stuur je ons een privébericht met je naam en adres? Dan bellen we "
                    "je vandaag nog terug.\n\nCamille – klantendienst Hearth Mobile",
        "after_days": 13,
        "second": {
            "rating": 4, "recommend": True,
            "ratings": {"speed": 5, "reliability": 4, "installation": 2, "service": 4},
            "title": "Update: opgelost, en nu echt snel",
            "body": "Na het telefoontje van de klantendienst kwam er binnen twee dagen een technieker. Alles werkt nu "
                    "en de snelheid is top: 900 Mbps op de kabel. Als compensatie kreeg ik een maand gratis. De start "
                    "was slecht, daarom geen vijf sterren, maar de opvolging was correct.",
        },
        "response_update": "Dag {first},\n\nFijn om te lezen dat alles nu werkt, en bedankt om je review aan te "
                           "passen. Veel surfplezier!\n\nCamille – klantendienst Hearth Mobile",
    },
    {
        "author": "Marie Dubois", "product": "hearth-bank-debit-card", "language": "fr", "days_ago": 205,
        "first": {
            "rating": 1, "recommend": False, "ratings": {"acceptance": 1, "service": 1},
            "title": "Carte bloquée en plein voyage",
            "body": "Ma carte a été bloquée le deuxième jour de nos vacances au Portugal, sans aucune explication. "
                    "Impossible de payer l'hôtel, et au téléphone on me dit d'attendre 48 heures. Heureusement que "
                    "mon mari avait la sienne.",
        },
        "response": "Bonjour {first},\n\nNous sommes désolés pour ce début de vacances. Un blocage de sécurité peut se "
                    "déclencher à l'étranger, mais vous auriez dû recevoir une notification et une solution rapide. "
                    "Envoyez-nous un message privé avec votre nom : nous regarderons ce qui s'est passé. Nous ne vous "
                    "demanderons jamais votre numéro de carte ni votre code.\n\nCamille, service clientèle Hearth Bank",
        "after_days": 3,
        "second": {
            "rating": 3, "recommend": None, "ratings": {"fees": 4, "acceptance": 3, "service": 3},
            "title": "Résolu, mais ça n'aurait pas dû arriver",
            "body": "Après mon message, le service clientèle m'a rappelée le jour même : un paiement suspect dans une "
                    "station-service avait déclenché le blocage. La carte a été débloquée en quelques minutes et on "
                    "m'a montré comment gérer le géoblocage dans l'appli. Service correct, mais un simple message au "
                    "moment du blocage aurait évité tout ça.",
        },
        "response_update": "Bonjour {first},\n\nMerci d'avoir mis votre avis à jour. Vous avez raison pour la "
                           "notification : votre remarque est transmise à l'équipe cartes.\n\nCamille, service "
                           "clientèle Hearth Bank",
    },
    {
        "author": "James O'Brien", "product": "hearth-mobile-unlimited", "language": "en", "days_ago": 150,
        "first": {
            "rating": 2, "recommend": False, "ratings": {"coverage": 4, "data": 4, "price": 1, "service": 1},
            "title": "Charged for EU roaming I never should have paid",
            "body": "My last invoice included €34 of 'out-of-bundle roaming' for a weekend in the Netherlands, which "
                    "is supposed to be covered by roam like at home. Two calls and a chat so far, and nobody can "
                    "explain it. The network itself is fine, hence two stars and not one.",
        },
        "response": "Hi {first},\n\nThat charge doesn't look right and we're sorry you've had to chase it. Could you "
                    "send us a private message with your name? A colleague from billing will check your plan and call "
                    "you back.\n\nCamille, Hearth Mobile care team",
        "after_days": 16,
        "second": {
            "rating": 4, "recommend": True, "ratings": {"coverage": 4, "data": 5, "price": 4, "service": 3},
            "title": "Refunded and explained",
            "body": "Update: billing called me back, found that my plan had been set to the wrong roaming profile "
                    "after the price change, and refunded the €34 on the next invoice. Coverage and speed have always "
                    "been great, so back to four stars.",
        },
        "response_update": "Hi {first},\n\nThanks for updating your review, and glad it's sorted!\n\nCamille, Hearth "
                           "Mobile care team",
    },
    {
        "author": "Pieter De Backer", "product": "hearth-bank-home-loan", "language": "nl", "days_ago": 120,
        "first": {
            "rating": 2, "recommend": False, "ratings": {"rate": 4, "speed": 1, "advice": 2},
            "title": "Trage opvolging van onze aanvraag",
            "body": "Onze aanvraag zit al drie weken 'in behandeling' en we horen niets, terwijl de notaris wacht op "
                    "het akkoord. Onze adviseur is met verlof en niemand neemt het over. De rente die we kregen is wel "
                    "goed, vandaar twee sterren.",
        },
        "response": "Dag {first},\n\nSorry voor het lange wachten, zeker met een notaris die op jullie wacht. We "
                    "hebben je dossier intussen aan een collega van je adviseur gegeven. Stuur ons gerust een "
                    "privébericht als je vandaag nog niets gehoord hebt.\n\nHet careteam van Hearth Bank",
        "after_days": 9,
        "second": {
            "rating": 4, "recommend": True, "ratings": {"rate": 4, "speed": 3, "advice": 4},
            "title": "Update: lening goedgekeurd",
            "body": "Een dag na deze review belde een collega van onze adviseur. Het dossier bleek te wachten op één "
                    "ontbrekend attest dat niemand ons gevraagd had. Twee dagen later hadden we het akkoord en de akte "
                    "is intussen gepasseerd. Goede rente en uiteindelijk goed geholpen, maar de communicatie tijdens "
                    "de vakantieperiode kan beter.",
        },
        "response_update": "Dag {first},\n\nProficiat met jullie nieuwe thuis! Bedankt om je review bij te werken; je "
                           "opmerking over de vakantieperiode nemen we mee.\n\nHet careteam van Hearth Bank",
    },
]

# Review campaigns: invitations sent on `days_ago` to `invited` members, of whom `writers` write
# the review in the days after. A reward makes their reviews incentivized (and says so).
INVITATIONS: list[dict[str, Any]] = [
    {"product": "hearth-mobile-fibre", "days_ago": 230, "reward": "a €10 voucher", "invited": 4, "writers": 3},
    {"product": "hearth-bank-app", "days_ago": 110, "reward": None, "invited": 3, "writers": 2},
    {"product": "hearth-mobile-unlimited", "days_ago": 45, "reward": "a €10 voucher for the Hearth Mobile shop",
     "invited": 4, "writers": 3},
]
