"""The demo community's words: categories and threads of a Belgian bank's customer community.

Pure data, read by forums/seed.py, which writes it through forums.service. Roughly 40% Dutch,
35% French and 25% English, as in Belgium. Nothing here is real: no real bank, no real
customer, no account or phone numbers.

THREADS are hand-written. Each has a category slug, a language, a kind ("question" or
"discussion"), a title, a markdown body, up to three tags, and answers in order as
(who, body). `who` is "peer" (another member who speaks the thread's language), "asker" (the
person who asked, following up), or a staff member: "care", "moderator", "retention",
"product". Optional: "accept", the index of the answer the asker accepts, and "update", a
note the asker later appends to the question.

VARIATIONS are one problem met in several situations (a country, a phone, a company). Each
fill gives the title and the details; bodies and answers use them as {placeholders}. An
answer lists alternative wordings, one of which is picked per thread. A fill's "tags" add to
the template's.
"""

from __future__ import annotations

from typing import Any

CATEGORIES: list[dict[str, Any]] = [
    {
        "slug": "online-banking",
        "name": "Online banking",
        "position": 1,
        "description": "Web banking, itsme and card readers, transfers, direct debits and managing your accounts.",
    },
    {
        "slug": "cards-payments",
        "name": "Cards and payments",
        "position": 2,
        "description": "Debit and credit cards, Bancontact, contactless, paying abroad, fraud and phishing.",
    },
    {
        "slug": "loans-mortgages",
        "name": "Loans and mortgages",
        "position": 3,
        "description": "Home loans, car loans, renovation loans, rate revisions and the documents you need.",
    },
    {
        "slug": "mobile-app",
        "name": "Mobile app",
        "position": 4,
        "description": "The app on iPhone and Android: updates, login, Apple Pay, Google Pay and your ideas.",
    },
    {
        "slug": "savings",
        "name": "Savings and investing",
        "position": 5,
        "description": "Savings accounts and interest, term accounts, pension savings and investing in the app.",
    },
]

THREADS: list[dict[str, Any]] = [
    {
        "category": "online-banking",
        "language": "nl",
        "kind": "question",
        "title": "itsme werkt niet meer sinds ik een nieuwe gsm heb",
        "body": (
            "Vorige week overgestapt van een Samsung naar een iPhone 15. itsme opnieuw geïnstalleerd en aangemeld, "
            "maar als ik inlog in de Hearth Bank-app krijg ik telkens *'Deze actie kan niet bevestigd worden'*. In "
            "de itsme-app zelf lijkt alles in orde.\n\nMoet ik iets resetten bij de bank of bij itsme?"
        ),
        "tags": ["itsme", "aanmelden"],
        "answers": [
            ("peer", "Had exact hetzelfde. itsme is gekoppeld aan je toestel, dus op een nieuwe gsm moet je je "
                     "itsme-account echt **opnieuw activeren** (met je eID en kaartlezer, of via de bank-app op "
                     "je oude toestel als je die nog hebt). Gewoon de app opnieuw installeren en inloggen is "
                     "niet genoeg."),
            ("care", "Dag! Wat hierboven staat klopt. Zodra itsme op je nieuwe toestel opnieuw geactiveerd is, "
                     "kun je in de app via *Profiel > Beveiliging > itsme* de koppeling vernieuwen. Lukt het "
                     "daarna nog niet, stuur ons dan een privébericht en we kijken mee.\n\nCamille – "
                     "klantendienst Hearth Bank"),
            ("asker", "Opnieuw geactiveerd met mijn eID en nu werkt alles. Bedankt allebei!"),
        ],
        "accept": 0,
    },
    {
        "category": "cards-payments",
        "language": "nl",
        "kind": "question",
        "title": "Pincode geblokkeerd na drie foute pogingen aan de parkeerautomaat",
        "body": (
            "Stom genoeg drie keer de pincode van mijn oude kaart ingetikt aan een parkeerautomaat in Antwerpen. "
            "Nu staat er 'pincode geblokkeerd'. Is mijn kaart nu helemaal geblokkeerd of kan ik dat zelf oplossen?"
        ),
        "tags": ["betaalkaart", "pincode"],
        "answers": [
            ("peer", "Alleen de pincode is geblokkeerd, niet de kaart. Contactloos betalen zonder pincode werkt "
                     "normaal gezien nog gewoon."),
            ("care", "Dag, u kunt de pincode zelf deblokkeren in de app via *Kaarten > uw kaart > Pincode "
                     "deblokkeren*. U bevestigt met itsme of uw app-code en daarna werkt de kaart meteen weer "
                     "met de juiste pincode."),
            ("asker", "Gelukt via de app, top. Ik ga die oude kaart nu maar eens knippen 😅"),
        ],
        "accept": 1,
    },
    {
        "category": "cards-payments",
        "language": "nl",
        "kind": "question",
        "title": "Contactloos betalen vraagt plots altijd mijn pincode",
        "body": (
            "Sinds een paar dagen moet ik bij de bakker voor €4 toch mijn pincode intikken. Contactloos staat aan "
            "in de app en de kaart is nog geen maand oud. Is er een limiet veranderd?"
        ),
        "tags": ["contactloos", "betaalkaart"],
        "answers": [
            ("peer", "Dat is de cumulatieve limiet: na een aantal contactloze betalingen na elkaar (of als het "
                     "totaal boven €100 komt) vraagt de terminal één keer je pincode. Daarna kan het weer een "
                     "tijd zonder."),
            ("peer", "Klopt, dat is een Europese veiligheidsregel (PSD2), niet iets van onze bank alleen. Niks "
                     "mis met je kaart dus."),
            ("asker", "Ah, dat wist ik niet. Eigenlijk wel logisch. Bedankt!"),
        ],
        "accept": 0,
    },
    {
        "category": "cards-payments",
        "language": "nl",
        "kind": "question",
        "title": "Bancontact-betaling geweigerd bij webshop, wel genoeg geld op mijn rekening",
        "body": (
            "Ik probeer een nieuwe wasmachine te kopen (€649) en de Bancontact-betaling wordt telkens geweigerd. "
            "Er staat ruim genoeg op mijn zichtrekening. Kleinere bedragen online lukken wel. Wat kan dat zijn?"
        ),
        "tags": ["bancontact", "online-betalen", "limieten"],
        "answers": [
            ("peer", "Kijk eens naar je limiet voor online betalingen. Die staat standaard lager dan je gewone "
                     "bestedingslimiet."),
            ("care", "Goeie tip. Voor online betalingen met Bancontact geldt inderdaad een aparte limiet. U kunt "
                     "ze bekijken en tijdelijk verhogen in de app via *Kaarten > Limieten*. Een verhoging is "
                     "meteen actief."),
            ("asker", "Limiet stond op €500 voor online. Opgetrokken naar €1.000 en de betaling ging er meteen "
                      "door. Merci!"),
        ],
        "accept": 1,
    },
    {
        "category": "online-banking",
        "language": "nl",
        "kind": "question",
        "title": "Instant overschrijving staat al twee uur op 'in behandeling'",
        "body": (
            "Ik heb om 10u een instant overschrijving gedaan naar de verhuurder van ons vakantiehuisje, maar in de "
            "app staat ze nog altijd op *in behandeling*. Het geld is wel al van mijn rekening. Is dat normaal?"
        ),
        "tags": ["overschrijving", "instant"],
        "answers": [
            ("care", "Dag, instant overschrijvingen komen normaal binnen enkele seconden aan, maar alleen als de "
                     "bank van de ontvanger dat ook ondersteunt. Bij een eerste overschrijving naar een nieuwe "
                     "begunstigde doen we soms ook een extra veiligheidscontrole, dan kan het enkele uren duren. "
                     "Uw geld is niet verloren."),
            ("peer", "Bij mij was het precies zo'n controle omdat ik naar een nieuwe begunstigde stuurde. Na een "
                     "drietal uur was het er."),
            ("asker", "Het is intussen aangekomen, de verhuurder heeft het bevestigd. Toch jammer dat de app "
                      "niet zegt wát er aan de hand is."),
        ],
        "accept": 0,
    },
    {
        "category": "online-banking",
        "language": "nl",
        "kind": "question",
        "title": "Nederlandse IBAN toevoegen als begunstigde: 'ongeldig rekeningnummer'",
        "body": (
            "Ik wil geld overmaken naar mijn zus in Utrecht. Haar rekeningnummer begint met NL en de app zegt "
            "telkens *ongeldig rekeningnummer*. Ik heb het al drie keer gecontroleerd. Kan je vanuit de app niet "
            "naar Nederland overschrijven?"
        ),
        "tags": ["iban", "overschrijving", "buitenland"],
        "answers": [
            ("peer", "Dat kan zeker, Nederland zit gewoon in SEPA. Staat er misschien een spatie of een "
                     "onzichtbaar teken in? Als je kopieert uit WhatsApp of een mail neemt hij soms iets mee. "
                     "Een Nederlands nummer heeft 18 tekens, een Belgisch 16."),
            ("asker", "Inderdaad, er zat een spatie achteraan vanuit WhatsApp. Handmatig getypt en het werkt. "
                      "Bedankt!"),
        ],
        "accept": 0,
    },
    {
        "category": "loans-mortgages",
        "language": "nl",
        "kind": "question",
        "title": "Herziening rentevoet hypotheek 5/5/5: wat mag ik verwachten?",
        "body": (
            "Onze woonlening (2019, variabel 5/5/5) wordt in het voorjaar herzien. We kregen een brief met "
            "'referte-index' en 'marge', maar ik snap eerlijk gezegd niet goed hoe de nieuwe rente berekend wordt. "
            "Iemand die dit al meegemaakt heeft?"
        ),
        "tags": ["hypotheek", "rentevoet"],
        "answers": [
            ("peer", "De nieuwe rente = de referte-index op het moment van herziening + de marge uit je "
                     "contract. De index wordt maandelijks gepubliceerd in het Staatsblad. Belangrijk: in je "
                     "contract staat ook een maximale stijging (cap), bij ons was dat +2% ten opzichte van de "
                     "startrente."),
            ("peer", "Wij zijn vorig jaar herzien van 1,6% naar 2,9%. Reken zeker ook uit of omzetten naar een "
                     "vaste rente loont, want de index kan bij een volgende herziening opnieuw stijgen."),
            ("retention", "Dag, Ruben van Hearth Bank. Neem gerust contact op met uw kantoor vóór de "
                          "herzieningsdatum. We bekijken dan samen of een omzetting naar een vaste rentevoet "
                          "voor u interessant is en wat dat concreet betekent voor uw maandlast."),
            ("asker", "Duidelijk, bedankt. We hebben een afspraak gemaakt voor volgende week."),
        ],
        "accept": 0,
    },
    {
        "category": "loans-mortgages",
        "language": "nl",
        "kind": "question",
        "title": "Welke documenten heb ik nodig voor een aanvraag woonkrediet?",
        "body": (
            "We hebben een bod gedaan op een rijwoning in Mechelen en dat is aanvaard 🎉 Nu moeten we snel een "
            "woonkrediet aanvragen. Welke documenten moet ik allemaal verzamelen zodat we niet weken verliezen?"
        ),
        "tags": ["hypotheek", "woonkrediet"],
        "answers": [
            ("peer", "Proficiat! Wat wij moesten binnenbrengen:\n\n- loonfiches van de laatste 3 maanden (van "
                     "jullie allebei)\n- laatste aanslagbiljet personenbelasting\n- het ondertekende "
                     "compromis\n- overzicht van lopende kredieten (autolening enzovoort)\n- bewijs van eigen "
                     "inbreng (spaarrekening)\n- EPC-attest van de woning"),
            ("care", "Mooie lijst! U kunt alles ook rechtstreeks opladen in de app via *Leningen > Mijn "
                     "aanvraag*. Zo kan uw adviseur al beginnen voor jullie afspraak. Veel succes met de "
                     "aankoop!"),
            ("asker", "Super, bedankt. Alles opgeladen, nu duimen."),
        ],
        "accept": 0,
        "update": "**Update:** lening goedgekeurd na 12 dagen. Bedankt voor de tips!",
    },
    {
        "category": "mobile-app",
        "language": "nl",
        "kind": "question",
        "title": "Na de laatste update: waar is het overzicht van mijn spaarrekening?",
        "body": (
            "Sinds de nieuwe versie van de app zie ik op het startscherm alleen nog mijn zichtrekening. Mijn "
            "spaarrekening is weg. Het geld staat er hopelijk nog 😬"
        ),
        "tags": ["app", "update", "spaarrekening"],
        "answers": [
            ("peer", "Geen paniek, het staat onder *Sparen* in de balk onderaan. Ze hebben het verplaatst."),
            ("asker", "Gevonden, bedankt. Wel onlogisch dat het niet meer op het startscherm staat."),
            ("product", "Bedankt voor de feedback! We hebben in deze versie de navigatie herwerkt en we horen "
                        "van meer mensen dat ze hun spaarrekening op het startscherm missen. In een volgende "
                        "versie kun je zelf kiezen welke rekeningen daar verschijnen."),
        ],
        "accept": 0,
    },
    {
        "category": "mobile-app",
        "language": "nl",
        "kind": "question",
        "title": "Inloggen met vingerafdruk werkt niet meer sinds nieuwe vinger toegevoegd",
        "body": (
            "Ik heb op mijn Pixel de vingerafdruk van mijn andere hand toegevoegd en sindsdien vraagt de app "
            "telkens mijn pincode in plaats van mijn vingerafdruk. In de instellingen van de gsm werkt alles."
        ),
        "tags": ["app", "biometrie"],
        "answers": [
            ("peer", "Dat is een veiligheidsmaatregel: zodra er een nieuwe vingerafdruk op het toestel bijkomt, "
                     "schakelt de app inloggen met biometrie uit. Zo kan niemand stiekem zijn vinger toevoegen. "
                     "Gewoon opnieuw aanzetten in de instellingen van de app."),
            ("asker", "Opnieuw aangezet, werkt weer. Merci!"),
        ],
        "accept": 0,
    },
    {
        "category": "savings",
        "language": "nl",
        "kind": "question",
        "title": "Wanneer wordt de getrouwheidspremie op mijn spaarrekening uitbetaald?",
        "body": (
            "Ik heb in maart €5.000 op mijn gereglementeerde spaarrekening gezet. Basisrente 0,75% + "
            "getrouwheidspremie 0,50%. Nu, zes maanden later, zie ik nog geen cent rente. Wanneer komt dat?"
        ),
        "tags": ["spaarrekening", "rente"],
        "answers": [
            ("peer", "De getrouwheidspremie krijg je pas als het geld **12 maanden ononderbroken** op de "
                     "rekening staat. Ze wordt per kwartaal uitbetaald, na het kwartaal waarin die 12 maanden "
                     "vol zijn."),
            ("peer", "En de basisrente wordt één keer per jaar uitbetaald, begin januari. Je zal dus in januari "
                     "de basisrente zien en pas volgend jaar de eerste premie."),
            ("asker", "Ok, dan heb ik gewoon wat geduld nodig. Bedankt voor de duidelijke uitleg!"),
        ],
        "accept": 0,
    },
    {
        "category": "savings",
        "language": "nl",
        "kind": "discussion",
        "title": "Staatsbon, termijnrekening of gewoon spaarrekening: wat doen jullie?",
        "body": (
            "Er komt binnenkort weer een staatsbon uit en ik twijfel. Ik heb een buffer van een goeie €15.000 die "
            "ik de komende jaren waarschijnlijk niet nodig heb. Hoe pakken jullie dat aan?"
        ),
        "tags": ["sparen", "staatsbon"],
        "answers": [
            ("peer", "Ik hou drie maanden vaste kosten op de spaarrekening (vrij opneembaar) en de rest zet ik "
                     "op een termijnrekening of staatsbon. Let wel: op de staatsbon betaal je roerende "
                     "voorheffing vanaf de eerste euro rente, op de spaarrekening is de eerste schijf "
                     "vrijgesteld."),
            ("peer", "Voor geld dat je 5 jaar of langer niet nodig hebt zou ik eerder naar een spreidende ETF "
                     "kijken. Maar dat is een persoonlijke keuze, het kan ook zakken."),
            ("peer", "Ik doe een mix. Het belangrijkste vind ik dat je niet alles vastzet, je weet nooit wanneer "
                     "de auto of de verwarmingsketel het begeeft."),
            ("asker", "Bedankt voor alle input. Ik ga €5.000 op de spaarrekening laten en de rest splitsen."),
        ],
    },
    {
        "category": "online-banking",
        "language": "nl",
        "kind": "question",
        "title": "Domiciliëring van mijn oude fitnessclub terugvorderen",
        "body": (
            "Ik heb in januari mijn abonnement bij de fitness opgezegd (met bevestiging per mail) maar ze blijven "
            "maandelijks €39,90 afhalen via domiciliëring. Kan ik dat terugvragen via de bank?"
        ),
        "tags": ["domiciliering", "sepa"],
        "answers": [
            ("care", "Dag, ja: een domiciliëring kunt u binnen 8 weken na de afschrijving zonder opgave van "
                     "reden laten terugstorten. In de app: open de verrichting en kies *Terugbetaling "
                     "aanvragen*. Om verdere afhalingen te stoppen, kunt u de schuldeiser blokkeren onder "
                     "*Betalingen > Domiciliëringen*."),
            ("peer", "Stuur zeker ook een aangetekende brief naar de club met een kopie van je opzegging. Anders "
                     "sturen ze het misschien naar een incassobureau."),
            ("asker", "Twee bedragen teruggevraagd en de domiciliëring geblokkeerd. Top, dank je!"),
        ],
        "accept": 0,
    },
    {
        "category": "online-banking",
        "language": "nl",
        "kind": "question",
        "title": "Kaartlezer kwijt na verhuis, hoe log ik nu in op mijn laptop?",
        "body": (
            "Bij de verhuis is mijn kaartlezer ergens in een doos verdwenen. Ik doe mijn bankzaken liefst op de "
            "laptop. Hoe kan ik nu nog inloggen op de website?"
        ),
        "tags": ["kaartlezer", "aanmelden"],
        "answers": [
            ("peer", "Met itsme, als je dat hebt. Dat is sowieso handiger dan die kaartlezer."),
            ("care", "U kunt ook op de website inloggen door de QR-code te scannen met de Hearth Bank-app op uw "
                     "gsm. Een nieuwe kaartlezer kunt u gratis bestellen in de app (*Profiel > Toestellen*) of "
                     "ophalen in elk kantoor."),
            ("asker", "Wist niet dat die QR-code bestond, superhandig. Bedankt!"),
        ],
        "accept": 1,
    },
    {
        "category": "cards-payments",
        "language": "nl",
        "kind": "question",
        "title": "Sms 'uw kaart vervalt, bevestig uw gegevens': echt of phishing?",
        "body": (
            "Kreeg net een sms van 'Hearth Bank' met de melding dat mijn kaart vervalt en dat ik mijn gegevens "
            "moet bevestigen via een link. De link ziet er vreemd uit. Ik vertrouw het niet. Sturen jullie zulke "
            "berichten?"
        ),
        "tags": ["phishing", "fraude", "veiligheid"],
        "answers": [
            ("moderator", "**Niet klikken!** Dat is phishing. Hearth Bank stuurt nooit sms'en of mails met een "
                          "link om in te loggen of je kaart te 'bevestigen'. Meld het via *Fraude melden* in de "
                          "app en verwijder het bericht. Heb je toch al gegevens ingegeven? Blokkeer dan meteen "
                          "je kaart in de app of via Card Stop."),
            ("peer", "Ik kreeg er gisteren ook een, zelfde tekst. Ik stuur ze altijd door naar Safeonweb."),
            ("asker", "Verwijderd en gemeld. Bedankt voor de snelle reactie!"),
        ],
        "accept": 0,
    },
    {
        "category": "online-banking",
        "language": "nl",
        "kind": "question",
        "title": "Gezamenlijke rekening openen met mijn vriendin: hoe gaat dat?",
        "body": (
            "We gaan samenwonen en willen een gezamenlijke rekening voor de vaste kosten (huur, energie, "
            "boodschappen). Ik ben klant, zij zit bij een andere bank. Kan dat gewoon via de app?"
        ),
        "tags": ["gezamenlijke-rekening"],
        "answers": [
            ("care", "Proficiat met de nieuwe stap! U kunt de gezamenlijke rekening openen in de app via "
                     "*Rekeningen > Nieuwe rekening > Gezamenlijk*. Uw vriendin krijgt dan een uitnodiging en "
                     "moet zich eenmalig identificeren met itsme. Ze hoeft haar eigen bank niet te verlaten."),
            ("peer", "Goed om te weten: bij een gezamenlijke rekening zijn jullie allebei volledig "
                     "verantwoordelijk, ook als de rekening in het rood gaat. Maak vooraf goede afspraken over "
                     "wie wat stort."),
            ("asker", "Duidelijk, bedankt allebei. Zij heeft de uitnodiging al aanvaard."),
        ],
        "accept": 0,
    },
    {
        "category": "online-banking",
        "language": "nl",
        "kind": "question",
        "title": "Studentenrekening: wat gebeurt er als ik afstudeer?",
        "body": (
            "Ik studeer in juni af en heb een gratis studentenrekening. Wordt die automatisch omgezet naar een "
            "betalende rekening? En moet ik daar zelf iets voor doen?"
        ),
        "tags": ["studentenrekening", "kosten"],
        "answers": [
            ("peer", "Bij mij werd ze automatisch omgezet op mijn 26e, niet bij het afstuderen. Ik kreeg twee "
                     "maanden op voorhand een brief."),
            ("care", "Dat klopt: de studentenrekening blijft gratis tot uw 26e verjaardag. Daarna zetten we ze "
                     "om naar het pakket dat het best bij u past en laten we u dat twee maanden vooraf weten. U "
                     "kunt dan nog kiezen voor een ander pakket."),
        ],
        "accept": 1,
    },
    {
        "category": "cards-payments",
        "language": "nl",
        "kind": "question",
        "title": "Waarom staat een aankoop van vorige maand op mijn kredietkaartafrekening?",
        "body": (
            "Ik heb op 24 september een vliegticket betaald met mijn kredietkaart, maar het staat pas op de "
            "afrekening van oktober. Is dat normaal? Ik wil geen dubbele aanrekening."
        ),
        "tags": ["kredietkaart", "afrekening"],
        "answers": [
            ("peer", "De afrekeningsperiode loopt niet van de 1e tot de laatste van de maand. Bij mij sluit ze "
                     "rond de 20e af, dus alles wat daarna komt staat op de volgende afrekening."),
            ("care", "Dat is inderdaad de reden. U vindt de exacte afsluitdatum bovenaan elke afrekening in de "
                     "app onder *Kaarten > Afrekeningen*. Elke aankoop wordt maar één keer aangerekend."),
            ("asker", "Gecontroleerd: afsluitdatum 21 september. Alles klopt dus. Bedankt!"),
        ],
        "accept": 1,
    },
    {
        "category": "online-banking",
        "language": "nl",
        "kind": "question",
        "title": "Adreswijziging doorgeven na verhuis van Gent naar Leuven",
        "body": (
            "Ik ben net verhuisd. Moet ik mijn nieuwe adres zelf doorgeven aan de bank, of halen jullie dat uit "
            "het rijksregister? Ik wil niet dat mijn nieuwe kaart naar het oude adres gaat."
        ),
        "tags": ["adreswijziging"],
        "answers": [
            ("care", "Dag, we krijgen adreswijzigingen automatisch via het Rijksregister zodra uw gemeente de "
                     "verhuis geregistreerd heeft. Dat kan enkele weken duren. Wilt u zeker zijn, pas het dan "
                     "meteen zelf aan in de app via *Profiel > Persoonlijke gegevens*."),
            ("asker", "Meteen aangepast in de app, bedankt!"),
        ],
        "accept": 0,
    },
    {
        "category": "online-banking",
        "language": "nl",
        "kind": "discussion",
        "title": "Budget-apps die via PSD2 je rekening lezen: hoe veilig is dat?",
        "body": (
            "Ik gebruik sinds kort een budget-app die via PSD2 mijn verrichtingen inleest en alles netjes in "
            "categorieën zet. Superhandig, maar ik vraag me af hoe veilig dat eigenlijk is. Wat denken jullie?"
        ),
        "tags": ["psd2", "veiligheid", "budget"],
        "answers": [
            ("peer", "Die apps moeten een erkenning hebben van een Europese toezichthouder en ze krijgen alleen "
                     "leestoegang. Ze kunnen dus geen geld overschrijven. Je kan de toegang ook altijd "
                     "intrekken."),
            ("peer", "Ik gebruik er zelf een, maar ik kijk wel eerst of ze op de lijst van erkende "
                     "dienstverleners staan. Er zitten ook rare tussen."),
            ("product", "In de app zie je onder *Profiel > Gekoppelde apps* welke diensten toegang hebben en tot "
                        "wanneer. Daar kun je de toegang met één tik intrekken."),
            ("peer", "Goed om te weten, ik had er nog twee oude staan van apps die ik al lang niet meer gebruik."),
        ],
    },
    {
        "category": "savings",
        "language": "nl",
        "kind": "discussion",
        "title": "Beleggen via de app: zijn de transactiekosten het waard?",
        "body": (
            "Ik wil maandelijks €150 beleggen in een wereldwijde ETF via de app. Met de kosten per aankoop en de "
            "beurstaks kom ik op ongeveer 1,5% per aankoop. Is dat te veel, of doen jullie ook zo'n maandelijks "
            "plan?"
        ),
        "tags": ["beleggen", "etf"],
        "answers": [
            ("peer", "1,5% per aankoop is aan de hoge kant bij zulke kleine bedragen. Ik koop liever om de drie "
                     "maanden voor €450, dan weegt de minimumkost minder door."),
            ("peer", "Vergeet de beurstaks niet, die is afhankelijk van het type ETF (0,12% of 1,32%). Dat maakt "
                     "voor een kapitaliserende ETF echt uit."),
            ("product", "Goede discussie! Voor maandelijkse beleggingsplannen rekenen we sinds deze zomer een "
                        "verlaagde instapkost. Je vindt de tarieven onder *Beleggen > Tarieven* in de app."),
            ("peer", "Ik doe het al twee jaar maandelijks. De kosten neem ik erbij, de discipline is me meer "
                     "waard dan die paar euro."),
        ],
    },
    {
        "category": "loans-mortgages",
        "language": "nl",
        "kind": "question",
        "title": "Autolening vervroegd aflossen: welke kosten?",
        "body": (
            "Ik heb nog 2 jaar te gaan op mijn autolening en heb nu een bonus gekregen. Kan ik het saldo in één "
            "keer aflossen, en hoeveel kost dat dan?"
        ),
        "tags": ["autolening", "aflossen"],
        "answers": [
            ("peer", "Vervroegd aflossen mag altijd. De vergoeding is wettelijk begrensd: maximum 1% van het "
                     "afgeloste bedrag als de resterende looptijd langer is dan een jaar, 0,5% als het korter "
                     "is."),
            ("care", "Dat klopt. Vraag in de app een aflossingsvoorstel aan via *Leningen > Autolening > "
                     "Vervroegd aflossen*; daarin staat het exacte bedrag inclusief vergoeding en interesten tot "
                     "de aflossingsdatum."),
            ("asker", "Voorstel gekregen, €43 vergoeding. Dat valt goed mee. Afgelost!"),
        ],
        "accept": 0,
    },
    {
        "category": "mobile-app",
        "language": "nl",
        "kind": "question",
        "title": "App start niet meer: melding 'toestel niet veilig'",
        "body": (
            "Ik heb een oudere Android-telefoon met een aangepaste ROM (LineageOS) omdat de fabrikant geen updates "
            "meer geeft. Sinds vorige week zegt de app *toestel niet veilig* en sluit ze meteen af. Kan dat "
            "opgelost worden?"
        ),
        "tags": ["app", "android"],
        "answers": [
            ("peer", "De app controleert of je toestel geroot is of een onofficiële ROM draait. Daar zal je "
                     "weinig aan kunnen doen, helaas."),
            ("product", "Sorry voor het ongemak. Om veiligheidsredenen werkt de app niet op toestellen waarvan "
                        "het besturingssysteem aangepast is. Je kunt wel nog altijd inloggen op de website met "
                        "itsme of je kaartlezer."),
        ],
    },
    {
        "category": "cards-payments",
        "language": "nl",
        "kind": "question",
        "title": "Betaalkaart verloopt eind deze maand, nieuwe kaart nog niet ontvangen",
        "body": (
            "Mijn kaart vervalt op 31/03 en ik heb nog geen nieuwe gekregen. Moet ik die zelf aanvragen of komt "
            "die automatisch?"
        ),
        "tags": ["betaalkaart"],
        "answers": [
            ("care", "Dag, nieuwe kaarten worden automatisch verstuurd, ongeveer 4 tot 6 weken voor de "
                     "vervaldatum. Hebt u hem op de 25e nog niet ontvangen, laat het ons dan weten; dan "
                     "versturen we een nieuwe."),
            ("asker", "Kaart zat vandaag in de bus. Sorry voor de paniek!"),
        ],
        "accept": 0,
    },
    {
        "category": "savings",
        "language": "nl",
        "kind": "question",
        "title": "Spaarrekening openen voor onze dochter van 3 jaar",
        "body": (
            "De grootouders willen maandelijks iets sparen voor onze dochter. Kunnen wij als ouders een "
            "spaarrekening op haar naam openen in de app? En wie kan er later aan?"
        ),
        "tags": ["spaarrekening", "kinderen"],
        "answers": [
            ("peer", "Wij hebben dat in het kantoor gedaan, met de kids-ID en ons eigen identiteitsbewijs. "
                     "Duurde een kwartiertje."),
            ("care", "Dat kan ook in de app via *Rekeningen > Nieuwe rekening > Voor mijn kind*. Als ouders "
                     "beheert u de rekening tot haar 18e; de grootouders kunnen er gewoon geld naar "
                     "overschrijven."),
            ("peer", "Tip: zet een doorlopende opdracht op bij de grootouders, dan vergeet niemand het."),
            ("asker", "Gedaan via de app, super eenvoudig. Bedankt!"),
        ],
        "accept": 1,
    },
    {
        "category": "online-banking",
        "language": "nl",
        "kind": "question",
        "title": "Terugbetaling van een webshop na 10 dagen nog niet op mijn rekening",
        "body": (
            "Ik heb een jas teruggestuurd en de webshop zegt dat ze het bedrag op 3 maart hebben terugbetaald. Op "
            "mijn rekening zie ik nog niets. Hoe lang duurt zoiets normaal?"
        ),
        "tags": ["terugbetaling", "betaalkaart"],
        "answers": [
            ("peer", "Heb je met je betaalkaart of met je kredietkaart betaald? Bij een kredietkaart staat het "
                     "op je kaartafrekening, niet op je zichtrekening."),
            ("asker", "Oei, kredietkaart inderdaad. En daar staat het wel op. Bedankt!"),
        ],
        "accept": 0,
    },
    {
        "category": "mobile-app",
        "language": "nl",
        "kind": "discussion",
        "title": "Widget met saldo op het startscherm van de iPhone",
        "body": (
            "Zou het niet handig zijn om een widget te hebben met het saldo van je zichtrekening? Nu moet ik elke "
            "keer de app openen en inloggen om even te checken of de huur er al af is."
        ),
        "tags": ["app", "ios", "idee"],
        "answers": [
            ("peer", "Ik zou dat wel willen, maar dan met een optie om het bedrag te verbergen. Niet iedereen "
                     "hoeft mijn saldo te zien als ik mijn gsm op tafel leg."),
            ("peer", "+1, en voor Android graag ook."),
            ("product", "Bedankt voor het idee! Een saldo-widget staat op onze planning, mét de optie om het "
                        "bedrag te verbergen. We laten het hier weten wanneer het beschikbaar is."),
        ],
    },
    {
        "category": "loans-mortgages",
        "language": "nl",
        "kind": "question",
        "title": "Moet mijn woonverzekering bij dezelfde bank als mijn hypotheek?",
        "body": (
            "In de offerte voor onze woonlening staat een rentekorting als we ook de woonverzekering en "
            "schuldsaldoverzekering bij jullie nemen. Is dat verplicht? Ik vind elders een goedkopere "
            "brandverzekering."
        ),
        "tags": ["hypotheek", "verzekering"],
        "answers": [
            ("peer", "Niet verplicht. Een brandverzekering moet je wel hebben, maar je mag die nemen waar je "
                     "wil. Je verliest dan alleen die korting. Reken uit wat voordeliger is over de hele "
                     "looptijd."),
            ("care", "Dat klopt. De korting is een voordeel, geen verplichting. Uw adviseur kan beide scenario's "
                     "voor u doorrekenen."),
            ("asker", "Doorgerekend: de korting is meer waard dan het verschil in premie. Toch maar alles samen "
                      "dus. Bedankt!"),
        ],
        "accept": 0,
    },
    {
        "category": "online-banking",
        "language": "nl",
        "kind": "question",
        "title": "Verrichtingen exporteren naar Excel voor de belastingaangifte",
        "body": (
            "Mijn boekhouder vraagt een overzicht van alle verrichtingen van vorig jaar, liefst in Excel. Kan dat "
            "uit de app of de website?"
        ),
        "tags": ["export", "web-banking"],
        "answers": [
            ("peer", "Op de website: *Rekeningen > kies je rekening > Exporteren*, dan CSV kiezen en de periode "
                     "instellen. Dat opent gewoon in Excel. In de app kan het volgens mij niet."),
            ("asker", "Gevonden, dat werkt perfect. Bedankt!"),
        ],
        "accept": 0,
    },
    {
        "category": "cards-payments",
        "language": "nl",
        "kind": "question",
        "title": "Onbekende betaling van €49,99 aan een streamingdienst",
        "body": (
            "Ik zie vanochtend een betaling van €49,99 met mijn kredietkaart aan een streamingdienst waar ik "
            "helemaal geen abonnement bij heb. Wat moet ik doen?"
        ),
        "tags": ["fraude", "kredietkaart"],
        "answers": [
            ("care", "Dag, blokkeer uw kaart meteen in de app (*Kaarten > Blokkeren*) zodat er geen andere "
                     "betalingen meer kunnen gebeuren. Daarna kunt u de verrichting betwisten via *Verrichting > "
                     "Probleem melden*. We bekijken het dossier en u krijgt een nieuwe kaart toegestuurd."),
            ("peer", "Check ook even of een huisgenoot of je kinderen geen abonnement hebben afgesloten met jouw "
                     "kaart 😉 Bij ons was dat ooit het geval."),
            ("asker", "Kaart geblokkeerd en betwist. Niemand thuis heeft het gedaan. Nieuwe kaart is onderweg."),
        ],
        "accept": 0,
        "update": "**Update:** het bedrag is na tien dagen teruggestort. Snel geholpen!",
    },
    {
        "category": "online-banking",
        "language": "nl",
        "kind": "question",
        "title": "Daglimiet voor overschrijvingen tijdelijk verhogen voor een voorschot",
        "body": (
            "Ik moet een voorschot van €8.000 betalen voor een keuken, maar mijn daglimiet staat op €5.000. Kan ik "
            "die tijdelijk verhogen zonder naar het kantoor te gaan?"
        ),
        "tags": ["limieten", "overschrijving"],
        "answers": [
            ("care", "Dat kan in de app via *Profiel > Limieten*. Een tijdelijke verhoging bevestigt u met itsme "
                     "en geldt dan 7 dagen. Daarna valt de limiet automatisch terug naar uw gewone bedrag."),
            ("asker", "Gedaan, betaling is vertrokken. Makkelijker dan gedacht!"),
        ],
        "accept": 0,
    },
    {
        "category": "online-banking",
        "language": "nl",
        "kind": "question",
        "title": "Rekening afsluiten: de kosten zijn voor mij te hoog geworden",
        "body": (
            "Sinds de nieuwe tarieven betaal ik €7,50 per maand voor mijn pakket. Ik gebruik eigenlijk alleen de "
            "app en een betaalkaart. Hoe kan ik mijn rekening afsluiten?"
        ),
        "tags": ["kosten", "rekening-afsluiten"],
        "answers": [
            ("retention", "Dag, Ruben van Hearth Bank. Jammer dat te horen! Voor wie alleen de app en één "
                          "betaalkaart gebruikt, hebben we ook het pakket *Digitaal*, dat goedkoper is dan uw "
                          "huidige. U kunt in de app vergelijken onder *Profiel > Mijn pakket*. Wilt u toch "
                          "afsluiten, dan kan dat via hetzelfde menu."),
            ("asker", "Dat pakket kende ik niet. Overgestapt, scheelt me bijna de helft. Dan blijf ik toch."),
        ],
        "accept": 0,
    },
    {
        "category": "cards-payments",
        "language": "nl",
        "kind": "question",
        "title": "Betalen met Payconiq of rechtstreeks met de bankapp: verschil?",
        "body": (
            "In sommige winkels kan je een QR-code scannen om te betalen. Mijn partner doet dat met Payconiq, ik "
            "met de Hearth Bank-app zelf. Is er een verschil in kosten of veiligheid?"
        ),
        "tags": ["payconiq", "betalen"],
        "answers": [],
    },
    {
        "category": "mobile-app",
        "language": "nl",
        "kind": "question",
        "title": "Pushmeldingen voor elke kaartbetaling komen pas uren later binnen",
        "body": (
            "Ik heb meldingen aangezet voor alle kaartbetalingen, maar ze komen soms pas 's avonds binnen terwijl "
            "ik 's ochtends betaald heb. Samsung Galaxy A54, laatste versie van de app."
        ),
        "tags": ["app", "meldingen", "android"],
        "answers": [],
    },
    {
        "category": "online-banking",
        "language": "fr",
        "kind": "question",
        "title": "itsme bloqué après trois codes erronés, comment le débloquer ?",
        "body": (
            "Ma fille a joué avec mon GSM et a tapé plusieurs fois un mauvais code itsme. Maintenant itsme me dit "
            "que mon compte est bloqué et je ne peux plus me connecter à l'appli de la banque. Je dois payer mon "
            "loyer demain…"
        ),
        "tags": ["itsme", "connexion"],
        "answers": [
            ("peer", "Après trop de codes faux, itsme se bloque par sécurité. Il faut le réactiver avec ta carte "
                     "d'identité et un lecteur de carte, ou passer par le site d'itsme. Ça prend dix minutes."),
            ("care", "Bonjour, en attendant vous pouvez vous connecter à la banque en ligne sur ordinateur avec "
                     "votre lecteur de carte, pour que votre loyer parte à temps. Une fois itsme réactivé, tout "
                     "refonctionne dans l'appli.\n\nCamille – service clientèle Hearth Bank"),
            ("asker", "Réactivé avec ma carte d'identité, tout fonctionne. Merci beaucoup !"),
        ],
        "accept": 0,
    },
    {
        "category": "cards-payments",
        "language": "fr",
        "kind": "question",
        "title": "Limite de paiement sans contact : comment la modifier ?",
        "body": (
            "Je voudrais pouvoir payer mes courses en sans contact sans taper mon code à chaque fois. Est-ce qu'on "
            "peut augmenter la limite par paiement dans l'appli ?"
        ),
        "tags": ["sans-contact", "carte-de-debit", "limites"],
        "answers": [
            ("peer", "Dans l'appli : *Cartes > ta carte > Paramètres > Sans contact*. Tu peux aller jusqu'à 50 € "
                     "par paiement, pas plus, c'est une règle européenne."),
            ("care", "C'est exact. Notez aussi qu'après plusieurs paiements sans contact d'affilée, le terminal "
                     "demandera une fois votre code PIN. C'est normal et cela protège votre carte en cas de "
                     "perte."),
            ("asker", "Mis à 50 €, parfait pour moi. Merci !"),
        ],
        "accept": 0,
    },
    {
        "category": "cards-payments",
        "language": "fr",
        "kind": "question",
        "title": "Paiement Bancontact refusé au supermarché alors que j'ai de l'argent sur mon compte",
        "body": (
            "Hier soir, refus de paiement pour 86 € au supermarché. Mon solde est largement positif et la carte "
            "fonctionne pour retirer de l'argent. Je ne comprends pas, c'est assez gênant à la caisse…"
        ),
        "tags": ["bancontact", "carte-de-debit", "limites"],
        "answers": [
            ("peer", "Vérifie ta limite hebdomadaire de dépenses dans l'appli. Si tu as fait un gros achat cette "
                     "semaine, tu l'as peut-être atteinte."),
            ("asker", "C'était ça ! J'avais acheté un frigo lundi et la limite de 1 250 € par semaine était "
                      "atteinte. Merci !"),
            ("care", "Bonne nouvelle. Pour info, vous pouvez augmenter temporairement votre limite dans l'appli "
                     "(*Cartes > Limites*), la modification est immédiate."),
        ],
        "accept": 0,
    },
    {
        "category": "online-banking",
        "language": "fr",
        "kind": "question",
        "title": "Des frais sur un virement vers un compte aux Pays-Bas ?",
        "body": (
            "J'ai fait un virement de 200 € vers un ami aux Pays-Bas et je vois 1,50 € de frais en plus. Je "
            "pensais que les virements européens étaient gratuits ?"
        ),
        "tags": ["virement", "frais", "sepa"],
        "answers": [
            ("care", "Bonjour, les virements SEPA en euros, y compris vers les Pays-Bas, sont bien gratuits. Les "
                     "frais que vous voyez correspondent à l'option *virement urgent* (ancien système), qui est "
                     "encore proposée pour certains montants. Choisissez plutôt le *virement instantané*, qui "
                     "est gratuit."),
            ("asker", "En effet j'avais coché « urgent » sans faire attention. Merci pour l'explication."),
        ],
        "accept": 0,
    },
    {
        "category": "loans-mortgages",
        "language": "fr",
        "kind": "discussion",
        "title": "Refinancer son crédit hypothécaire : ça vaut encore la peine ?",
        "body": (
            "On a emprunté en 2023 à 3,9 % fixe sur 25 ans. Les taux ont un peu baissé depuis. Quelqu'un a déjà "
            "fait un refinancement ? Avec l'indemnité de remploi et les frais d'acte, je me demande si c'est "
            "rentable."
        ),
        "tags": ["credit-hypothecaire", "taux"],
        "answers": [
            ("peer", "Règle simple qu'on m'a donnée : il faut au moins 1 % d'écart de taux pour que ça vaille la "
                     "peine, à cause des 3 mois d'intérêts d'indemnité de remploi et des frais de nouvelle "
                     "inscription hypothécaire."),
            ("peer", "Avant de changer de banque, demande d'abord une révision interne. Chez nous la banque a "
                     "baissé le taux de 0,4 % sans frais pour nous garder."),
            ("retention", "Bonjour, Ruben de Hearth Bank. Effectivement, une adaptation du taux au sein de la "
                          "banque évite les frais d'acte. Prenez rendez-vous avec votre conseiller, il pourra "
                          "calculer les deux scénarios."),
            ("peer", "On a fait le calcul avec notre conseiller : pour nous ça ne valait pas le coup, l'économie "
                     "était d'à peine 20 € par mois."),
        ],
    },
    {
        "category": "loans-mortgages",
        "language": "fr",
        "kind": "question",
        "title": "Prêt auto demandé en ligne : délai de réponse ?",
        "body": (
            "J'ai introduit une demande de prêt voiture (12 000 €, 48 mois) vendredi via l'appli. Toujours pas de "
            "réponse ce mercredi. Le garage attend ma confirmation. C'est normal ?"
        ),
        "tags": ["pret-auto"],
        "answers": [
            ("peer", "Moi j'ai eu la réponse en deux jours ouvrables, mais ils m'avaient demandé une fiche de "
                     "paie en plus. Regarde dans les messages de l'appli, peut-être qu'ils attendent un "
                     "document."),
            ("asker", "Effectivement, il y avait un message qui demandait ma dernière fiche de paie. Envoyée, on "
                      "verra."),
            ("care", "Merci pour votre patience. Dès que le document est reçu, la décision tombe en général sous "
                     "48 heures. Vous recevrez une notification dans l'appli."),
            ("asker", "Accepté ce matin ! Merci à vous deux."),
        ],
        "accept": 0,
    },
    {
        "category": "mobile-app",
        "language": "fr",
        "kind": "question",
        "title": "Face ID ne marche plus dans l'appli depuis la mise à jour d'iOS",
        "body": (
            "Depuis la dernière mise à jour de mon iPhone, l'appli me demande à chaque fois mon code à 5 chiffres "
            "au lieu de Face ID. Face ID fonctionne pour tout le reste."
        ),
        "tags": ["appli", "ios", "biometrie"],
        "answers": [
            ("peer", "Va dans *Réglages iPhone > Face ID et code > Autres apps* et vérifie que Hearth Bank est "
                     "bien activé. Chez moi la mise à jour l'avait désactivé."),
            ("asker", "Il était désactivé, effectivement. Réactivé et tout refonctionne. Merci !"),
        ],
        "accept": 0,
    },
    {
        "category": "savings",
        "language": "fr",
        "kind": "question",
        "title": "Intérêts exonérés sur le compte d'épargne : plafond par banque ou par personne ?",
        "body": (
            "J'ai un compte d'épargne réglementé chez vous et un autre dans une autre banque. Le plafond "
            "d'intérêts exonérés de précompte mobilier, il s'applique par compte, par banque ou par personne ?"
        ),
        "tags": ["epargne", "fiscalite"],
        "answers": [
            ("peer", "Par personne, toutes banques confondues. Pour un couple marié ou cohabitant légal, c'est "
                     "par conjoint, donc le double. Au-delà, tu dois déclarer les intérêts dans ta déclaration "
                     "d'impôts."),
            ("peer", "Et le montant change chaque année, il est indexé. Les banques retiennent le précompte "
                     "seulement au-delà du plafond chez elles, elles ne savent pas ce que tu as ailleurs."),
            ("asker", "Merci, c'est très clair. Je vais additionner les deux avant de remplir ma déclaration."),
        ],
        "accept": 0,
    },
    {
        "category": "online-banking",
        "language": "fr",
        "kind": "question",
        "title": "Domiciliation de mon fournisseur d'énergie prélevée deux fois ce mois-ci",
        "body": (
            "Mon fournisseur d'énergie a prélevé mon acompte de 142 € deux fois, le 3 et le 4 du mois. Ils disent "
            "au téléphone que « c'est la banque ». Qui a raison et comment récupérer mon argent ?"
        ),
        "tags": ["domiciliation", "sepa"],
        "answers": [
            ("care", "Bonjour, nous exécutons les domiciliations telles qu'elles sont présentées par le "
                     "créancier : ici, deux encaissements distincts ont été envoyés. Vous pouvez demander le "
                     "remboursement d'une domiciliation dans les 8 semaines, sans justification, via *Opération "
                     "> Demander un remboursement* dans l'appli."),
            ("peer", "Même problème avec le même fournisseur l'an dernier. Rembourse celui du 4 et envoie-leur "
                     "un mail pour garder une trace."),
            ("asker", "Remboursement demandé, l'argent est revenu en deux jours. Merci !"),
        ],
        "accept": 0,
    },
    {
        "category": "online-banking",
        "language": "fr",
        "kind": "question",
        "title": "Lecteur de carte : l'écran reste vide même avec des piles neuves",
        "body": (
            "Mon lecteur de carte ne s'allume plus quand j'insère ma carte de débit. J'ai changé les piles, rien. "
            "Je dois signer un virement important aujourd'hui."
        ),
        "tags": ["lecteur-de-carte", "connexion"],
        "answers": [
            ("care", "Bonjour, vous pouvez commander gratuitement un nouveau lecteur dans l'appli (*Profil > "
                     "Appareils*) ou en retirer un en agence. Pour aujourd'hui, vous pouvez aussi signer le "
                     "virement directement dans l'appli ou avec itsme."),
            ("peer", "Essaie d'enfoncer la carte jusqu'au bout, puce vers le haut. Le mien ne réagit que si la "
                     "carte est vraiment au fond."),
            ("asker", "C'était ça… la carte n'était pas bien enfoncée. Désolée et merci !"),
        ],
        "accept": 1,
    },
    {
        "category": "cards-payments",
        "language": "fr",
        "kind": "question",
        "title": "Appel d'un faux conseiller qui me demandait mes codes",
        "body": (
            "Quelqu'un m'a appelé en se présentant comme « service sécurité de Hearth Bank ». Il connaissait mon "
            "nom et disait qu'un paiement suspect était en cours. Il voulait que je lui lise les codes de mon "
            "lecteur de carte. J'ai raccroché. Que dois-je faire maintenant ?"
        ),
        "tags": ["fraude", "phishing", "securite"],
        "answers": [
            ("care", "Vous avez très bien fait de raccrocher. Nous ne vous demanderons **jamais** vos codes, ni "
                     "par téléphone, ni par SMS, ni par e-mail. Si vous n'avez rien communiqué, votre compte est "
                     "en sécurité. Vous pouvez signaler l'appel via *Signaler une fraude* dans l'appli."),
            ("moderator", "Merci d'avoir partagé, ça aide les autres membres. Ces faux appels sont nombreux en "
                          "ce moment, parfois avec un numéro qui ressemble à celui de la banque."),
            ("peer", "Ma mère a failli se faire avoir le mois dernier. Le truc : raccrocher et rappeler soi-même "
                     "la banque avec le numéro au dos de la carte."),
        ],
        "accept": 0,
    },
    {
        "category": "online-banking",
        "language": "fr",
        "kind": "question",
        "title": "Clôturer un compte joint après une séparation",
        "body": (
            "Mon ex-compagnon et moi avons un compte joint. Nous sommes séparés depuis trois mois et je voudrais "
            "le fermer. Est-ce que je peux le faire seule ?"
        ),
        "tags": ["compte-joint", "cloture"],
        "answers": [
            ("care", "Bonjour, la clôture d'un compte joint nécessite l'accord des deux titulaires. Chacun peut "
                     "confirmer séparément dans l'appli via *Comptes > Compte joint > Clôturer*. En attendant, "
                     "vous pouvez demander de bloquer les retraits sans double signature, en agence."),
            ("peer", "On a fait ça l'an dernier. Pensez aussi à déplacer les domiciliations avant la clôture, "
                     "sinon elles seront refusées."),
            ("asker", "Merci pour les conseils. On a chacun confirmé et le compte est clôturé."),
        ],
        "accept": 0,
    },
    {
        "category": "online-banking",
        "language": "fr",
        "kind": "question",
        "title": "Compte étudiant : vraiment gratuit ou il y a des frais cachés ?",
        "body": (
            "Je commence l'université à Louvain-la-Neuve en septembre et je cherche un compte. Le compte étudiant "
            "est annoncé gratuit, mais est-ce que les retraits ou la carte sont payants ?"
        ),
        "tags": ["compte-etudiant", "frais"],
        "answers": [
            ("peer", "Je l'ai depuis deux ans : carte de débit et retraits aux distributeurs en Belgique "
                     "gratuits. Seuls les retraits hors zone euro coûtent quelque chose."),
            ("care", "C'est correct. Le compte étudiant est gratuit jusqu'à 26 ans, carte de débit comprise. "
                     "Vous trouverez le détail des tarifs dans l'appli sous *Profil > Mon forfait*."),
            ("asker", "Super, je l'ouvre ce week-end alors. Merci !"),
        ],
        "accept": 1,
    },
    {
        "category": "mobile-app",
        "language": "fr",
        "kind": "question",
        "title": "Apple Pay : ma carte de crédit n'apparaît pas dans la liste",
        "body": (
            "J'ai ajouté ma carte de débit dans Apple Pay sans problème, mais quand j'essaie d'ajouter ma carte de "
            "crédit, elle n'est pas proposée dans la liste des cartes de l'appli."
        ),
        "tags": ["apple-pay", "carte-de-credit"],
        "answers": [
            ("peer", "Est-ce que ta carte de crédit est bien activée pour les paiements en ligne ? La mienne "
                     "n'apparaissait pas tant que ce n'était pas le cas."),
            ("care", "Bonne piste. Une carte n'apparaît dans la liste Apple Pay que si elle est active et "
                     "autorisée pour les paiements en ligne. Vérifiez dans *Cartes > Carte de crédit > "
                     "Paramètres*."),
            ("asker", "Paiements en ligne désactivés, en effet. Activés, la carte est dans Apple Pay. Merci à "
                      "vous !"),
        ],
        "accept": 1,
    },
    {
        "category": "cards-payments",
        "language": "fr",
        "kind": "question",
        "title": "Frais de change sur un paiement en dollars : c'est normal ?",
        "body": (
            "J'ai payé un hôtel à New York 320 USD avec ma carte de crédit. Le montant débité en euros est plus "
            "élevé que ce que donnait le cours du jour sur Google. D'où vient la différence ?"
        ),
        "tags": ["devises", "carte-de-credit", "frais"],
        "answers": [
            ("peer", "Il y a des frais de change sur les paiements hors zone euro, chez nous autour de 1,75 % du "
                     "montant. C'est dans la liste des tarifs."),
            ("care", "Exact. Le cours appliqué est le cours de référence de la carte du jour de traitement, plus "
                     "les frais de change de votre forfait. Le détail apparaît dans *Opération > Détails*."),
            ("peer", "Conseil : quand le terminal propose de payer en euros ou en dollars, choisis toujours la "
                     "devise locale. La conversion du commerçant est presque toujours plus chère."),
        ],
        "accept": 1,
    },
    {
        "category": "cards-payments",
        "language": "fr",
        "kind": "question",
        "title": "Où trouver le relevé de ma carte de crédit dans l'appli ?",
        "body": (
            "Avant je recevais le relevé de ma carte de crédit par courrier. Depuis que je suis passé au "
            "numérique, je ne le trouve plus nulle part. Il est où ?"
        ),
        "tags": ["carte-de-credit", "releve"],
        "answers": [
            ("peer", "*Cartes > ta carte de crédit > Relevés*. Il y a tous les mois en PDF."),
            ("asker", "Trouvé, merci !"),
        ],
        "accept": 0,
    },
    {
        "category": "online-banking",
        "language": "fr",
        "kind": "question",
        "title": "Changement d'adresse : le courrier part toujours à l'ancienne adresse",
        "body": (
            "J'ai déménagé il y a deux mois et la commune a enregistré ma nouvelle adresse, mais j'ai reçu hier "
            "une lettre de la banque à l'ancienne adresse (le nouveau propriétaire me l'a transmise). Comment "
            "corriger ?"
        ),
        "tags": ["changement-adresse"],
        "answers": [
            ("care", "Bonjour, nous recevons les changements d'adresse via le Registre national, mais cela peut "
                     "prendre quelques semaines. Vous pouvez modifier votre adresse immédiatement dans l'appli "
                     "sous *Profil > Données personnelles*. Désolée pour le désagrément."),
            ("asker", "Fait dans l'appli, merci."),
        ],
        "accept": 0,
    },
    {
        "category": "online-banking",
        "language": "fr",
        "kind": "question",
        "title": "Applications tierces (PSD2) : comment retirer l'accès à mon compte ?",
        "body": (
            "J'avais connecté une appli de budget il y a un an. Je ne l'utilise plus et je voudrais qu'elle n'ait "
            "plus accès à mes opérations. Où est-ce que je peux gérer ça ?"
        ),
        "tags": ["psd2", "securite"],
        "answers": [
            ("peer", "Dans *Profil > Applications connectées*, tu vois la liste et tu peux retirer l'accès."),
            ("product", "C'est bien là. Et de toute façon, l'accès expire automatiquement après 180 jours s'il "
                        "n'est pas renouvelé avec votre confirmation."),
            ("asker", "Retiré, merci !"),
        ],
        "accept": 0,
    },
    {
        "category": "savings",
        "language": "fr",
        "kind": "question",
        "title": "Épargne-pension : verser le petit ou le grand plafond cette année ?",
        "body": (
            "Je peux verser soit le plafond de base (30 % de réduction d'impôt), soit le plafond plus élevé (25 "
            "%). Je ne sais jamais lequel choisir. Vous faites comment ?"
        ),
        "tags": ["epargne-pension", "fiscalite"],
        "answers": [
            ("peer", "Le grand plafond ne rapporte 25 % que sur tout le montant, donc l'avantage fiscal "
                     "supplémentaire est faible. Si tu as l'argent et que tu veux épargner pour la pension de "
                     "toute façon, ça reste intéressant, mais sinon le petit plafond suffit."),
            ("peer", "Attention : pour le grand plafond, tu dois donner ton accord explicite chaque année à la "
                     "banque, sinon elle limite au plafond de base."),
            ("asker", "Je ne savais pas pour l'accord explicite. Je reste au petit plafond cette année. Merci !"),
        ],
        "accept": 1,
    },
    {
        "category": "savings",
        "language": "fr",
        "kind": "discussion",
        "title": "Compte à terme ou bon d'État : votre avis ?",
        "body": (
            "J'ai 10 000 € dont je n'aurai pas besoin avant deux ans. Compte à terme chez vous ou bon d'État ? "
            "J'aimerais avoir vos retours d'expérience."
        ),
        "tags": ["epargne", "compte-a-terme"],
        "answers": [
            ("peer", "Compare le rendement net, après précompte mobilier. Sur les deux c'est 30 %, sauf cas "
                     "particuliers. Le bon d'État a parfois un taux un peu plus élevé, mais tu ne peux pas le "
                     "retirer avant l'échéance sans perte."),
            ("peer", "J'ai pris un compte à terme de 2 ans dans l'appli, c'est fait en deux minutes. Le bon "
                     "d'État demande plus de démarches, même si ça reste simple."),
            ("peer", "Perso je coupe en deux, comme ça j'ai un peu de flexibilité."),
        ],
    },
    {
        "category": "mobile-app",
        "language": "fr",
        "kind": "discussion",
        "title": "Mode sombre dans l'appli, c'est prévu ?",
        "body": (
            "Le soir, l'appli m'éblouit complètement. Toutes mes autres applis ont un mode sombre. Est-ce qu'il y "
            "a quelque chose de prévu ?"
        ),
        "tags": ["appli", "idee"],
        "answers": [
            ("peer", "+1, surtout que l'écran de connexion est tout blanc."),
            ("product", "Merci pour la suggestion ! Le mode sombre est en cours de développement et suivra "
                        "automatiquement le réglage de votre téléphone. Nous vous tiendrons au courant ici."),
            ("peer", "Bonne nouvelle, j'attends ça avec impatience."),
        ],
    },
    {
        "category": "loans-mortgages",
        "language": "fr",
        "kind": "question",
        "title": "Assurance solde restant dû obligatoire pour un crédit hypothécaire ?",
        "body": (
            "On achète notre premier appartement à Namur. La banque demande une assurance solde restant dû. Est-ce "
            "que c'est obligatoire et est-ce qu'on peut la prendre ailleurs ?"
        ),
        "tags": ["credit-hypothecaire", "assurance"],
        "answers": [
            ("peer", "Elle n'est pas obligatoire par la loi, mais presque toutes les banques l'exigent pour "
                     "accorder le crédit. Par contre tu es libre de la prendre chez un autre assureur."),
            ("care", "C'est exact. Nous acceptons une assurance solde restant dû souscrite ailleurs, à condition "
                     "qu'elle couvre le montant et la durée demandés. Votre conseiller vous remettra les "
                     "conditions."),
            ("asker", "Merci, on va comparer les offres."),
        ],
        "accept": 0,
    },
    {
        "category": "cards-payments",
        "language": "fr",
        "kind": "question",
        "title": "Ma carte de débit a été avalée par le distributeur",
        "body": (
            "Le distributeur de la gare de Liège-Guillemins a gardé ma carte ce matin, sans message clair. Est-ce "
            "que je peux la récupérer ou je dois en commander une nouvelle ?"
        ),
        "tags": ["carte-de-debit", "distributeur"],
        "answers": [
            ("care", "Bonjour, par sécurité les cartes avalées sont détruites, vous ne pourrez donc pas la "
                     "récupérer. Bloquez-la dans l'appli et commandez une nouvelle carte via *Cartes > Remplacer "
                     "ma carte*. Elle arrivera sous 5 jours ouvrables. En attendant, vous pouvez payer avec "
                     "Apple Pay ou Google Pay si vous l'aviez activé."),
            ("asker", "Nouvelle carte commandée. Heureusement j'avais Google Pay. Merci !"),
        ],
        "accept": 0,
    },
    {
        "category": "online-banking",
        "language": "fr",
        "kind": "question",
        "title": "Ordre permanent pas exécuté le 1er du mois",
        "body": (
            "Mon ordre permanent pour le loyer doit partir le 1er de chaque mois. Ce mois-ci il n'est parti que le "
            "2. Mon propriétaire m'a envoyé un message. Il y a eu un bug ?"
        ),
        "tags": ["ordre-permanent", "virement"],
        "answers": [
            ("peer", "Le 1er tombait un dimanche ce mois-ci. Les ordres permanents sont exécutés le jour "
                     "ouvrable suivant."),
            ("asker", "Ah oui, évidemment… Je vais le mettre au 28 du mois pour être tranquille. Merci !"),
        ],
        "accept": 0,
    },
    {
        "category": "mobile-app",
        "language": "fr",
        "kind": "question",
        "title": "Recevoir une notification pour chaque paiement par carte",
        "body": (
            "Je voudrais être prévenu à chaque fois que ma carte est utilisée, pour repérer tout de suite une "
            "fraude. C'est possible dans l'appli ?"
        ),
        "tags": ["appli", "notifications"],
        "answers": [
            ("peer", "Oui, *Profil > Notifications > Paiements par carte*. Tu peux même mettre un montant "
                     "minimum."),
            ("asker", "Activé, merci beaucoup !"),
        ],
        "accept": 0,
    },
    {
        "category": "cards-payments",
        "language": "fr",
        "kind": "question",
        "title": "Combien coûte un retrait d'argent au Maroc avec ma carte de débit ?",
        "body": (
            "Je pars voir ma famille à Tanger cet été. Est-ce que je retire sur place avec ma carte de débit ou je "
            "change de l'argent en Belgique avant ? Je voudrais éviter les mauvaises surprises."
        ),
        "tags": ["voyage", "devises", "retrait"],
        "answers": [
            ("peer", "Je retire sur place, c'est plus avantageux que de changer en Belgique. Il y a des frais "
                     "fixes par retrait plus un pourcentage, donc retire de plus gros montants en une fois."),
            ("peer", "N'oublie pas de vérifier que ta carte est activée pour l'Afrique dans l'appli "
                     "(géoblocage), sinon le retrait sera refusé."),
            ("care", "Bonnes remarques. Les frais exacts par retrait hors zone euro figurent dans la liste des "
                     "tarifs de votre forfait, dans l'appli sous *Profil > Mon forfait*. Bon voyage !"),
        ],
        "accept": 1,
    },
    {
        "category": "online-banking",
        "language": "fr",
        "kind": "question",
        "title": "Procuration sur le compte de ma mère âgée",
        "body": (
            "Ma mère a 87 ans et n'arrive plus à gérer ses virements. Elle est d'accord pour que je m'en occupe. "
            "Comment obtenir une procuration sur son compte ?"
        ),
        "tags": ["procuration"],
        "answers": [
            ("care", "Bonjour, la procuration se signe en agence, en présence de votre maman et de vous-même, "
                     "chacun avec sa carte d'identité. Si votre maman ne peut pas se déplacer, un conseiller "
                     "peut venir à domicile sur rendez-vous."),
            ("peer", "On a fait ça pour mon père, en 20 minutes c'était réglé. Ensuite j'ai vu son compte "
                     "directement dans mon appli."),
            ("asker", "Rendez-vous pris pour jeudi. Merci pour ces infos rassurantes."),
        ],
        "accept": 0,
        "update": "**Mise à jour :** procuration signée jeudi, tout s'est très bien passé. Merci encore !",
    },
    {
        "category": "loans-mortgages",
        "language": "fr",
        "kind": "question",
        "title": "Prêt rénovation énergétique : quel taux pour une pompe à chaleur ?",
        "body": (
            "On va remplacer notre vieille chaudière au mazout par une pompe à chaleur et isoler le toit. Budget "
            "autour de 25 000 €. Est-ce qu'il existe un prêt vert avec un taux réduit ?"
        ),
        "tags": ["pret-renovation", "energie"],
        "answers": [],
    },
    {
        "category": "mobile-app",
        "language": "fr",
        "kind": "question",
        "title": "Impossible de scanner un virement QR depuis une facture papier",
        "body": (
            "Sur mes factures papier il y a un code QR pour payer. Quand je le scanne avec l'appli, rien ne se "
            "passe, la caméra reste ouverte. Ça marche chez vous ?"
        ),
        "tags": ["appli", "virement"],
        "answers": [],
    },
    {
        "category": "online-banking",
        "language": "en",
        "kind": "question",
        "title": "Opening an account as an expat before my Belgian residence card arrives",
        "body": (
            "I moved to Brussels last month for work. My commune appointment for the residence card is only in six "
            "weeks, but my employer needs a Belgian account to pay my salary. Can I open an account with just my "
            "passport?"
        ),
        "tags": ["expat", "new-account"],
        "answers": [
            ("peer", "I did exactly this last year. I went to a branch with my passport, my employment contract "
                     "and the proof of registration the commune gave me (the annex). They opened a basic account "
                     "on the spot and I added the card details later."),
            ("care", "That's right. With your passport and proof of address or registration at the commune, you "
                     "can open an account in any branch. Once you receive your Belgian ID card, you can add it "
                     "in the app and start using itsme."),
            ("asker", "Perfect, booked an appointment for Thursday. Thanks!"),
        ],
        "accept": 1,
    },
    {
        "category": "mobile-app",
        "language": "en",
        "kind": "question",
        "title": "How do I switch the banking app to English?",
        "body": (
            "The app is in Dutch and my Dutch is still at the 'dank u wel' level 😄 Is there an English version? I "
            "couldn't find a language setting."
        ),
        "tags": ["app", "language"],
        "answers": [
            ("peer", "It follows the language of your phone by default, but you can override it under *Profiel > "
                     "Taal* (Profile > Language). English, Dutch, French and German are available."),
            ("asker", "Found it, thanks! Everything is in English now."),
        ],
        "accept": 0,
    },
    {
        "category": "cards-payments",
        "language": "en",
        "kind": "question",
        "title": "Debit card declined on a US website during checkout",
        "body": (
            "I'm trying to pay for a conference ticket on an American website and my card gets declined every "
            "time, without an SMS or app notification. It works fine in Belgian webshops. Any idea?"
        ),
        "tags": ["online-payments", "debit-card"],
        "answers": [
            ("peer", "Check the geo-blocking settings in the app. Online payments outside Europe are blocked by "
                     "default on some cards. Cards > your card > Usage abroad."),
            ("care", "Good tip. Also check that online payments are enabled for your debit card and that the "
                     "amount is within your online limit. If everything looks fine, the website might not "
                     "support 3-D Secure; in that case, try your credit card."),
            ("asker", "It was geo-blocking. Enabled 'worldwide' for a day and the payment went through. Thank "
                      "you!"),
        ],
        "accept": 0,
    },
    {
        "category": "cards-payments",
        "language": "en",
        "kind": "question",
        "title": "What's the difference between Bancontact and the Debit Mastercard logo on my card?",
        "body": (
            "My card has both a Bancontact logo and a Mastercard logo. Shops sometimes ask me which one I want. "
            "Does it matter which one I choose?"
        ),
        "tags": ["bancontact", "debit-card"],
        "answers": [
            ("peer", "Bancontact is the Belgian network, Mastercard is the international one. In Belgian shops "
                     "the terminal usually picks Bancontact automatically. Abroad and on many foreign websites, "
                     "your card works as a Mastercard."),
            ("peer", "For you as a customer it makes no difference in cost in Belgium. The shop pays slightly "
                     "different fees, that's why some of them ask."),
        ],
        "accept": 0,
    },
    {
        "category": "savings",
        "language": "en",
        "kind": "discussion",
        "title": "Why are Belgian savings accounts split into base rate and loyalty bonus?",
        "body": (
            "Coming from Germany, I find the Belgian system of base interest + loyalty premium really confusing. "
            "Money that I move before 12 months earns almost nothing. What's the reasoning behind it?"
        ),
        "tags": ["savings", "interest"],
        "answers": [
            ("peer", "It's a legal structure for regulated savings accounts in Belgium. The advantage is the tax "
                     "exemption on the first part of the interest. The loyalty premium rewards money that stays "
                     "put, so banks can count on it."),
            ("peer", "Tip: new deposits start their own 12-month clock, but withdrawals come off the most recent "
                     "deposits first (LIFO). So your oldest money keeps earning the premium."),
            ("peer", "Honestly, for anything beyond an emergency fund I use a term account or ETFs. The "
                     "regulated savings account is mostly for the tax-free part."),
            ("asker", "The LIFO thing is useful to know, thanks!"),
        ],
    },
    {
        "category": "loans-mortgages",
        "language": "en",
        "kind": "question",
        "title": "Mortgage as a non-Belgian EU citizen: which documents did you need?",
        "body": (
            "My partner and I (both Italian, working in Ghent for three years) want to buy a flat. Does anyone "
            "have experience getting a mortgage as a non-Belgian? Any extra documents compared to Belgians?"
        ),
        "tags": ["mortgage", "expat"],
        "answers": [
            ("peer", "We're Spanish and got ours last year. Same list as Belgians: payslips, tax assessment, "
                     "compromis, proof of own funds. They did ask for a permanent contract and at least one "
                     "Belgian tax assessment."),
            ("care", "As an EU citizen with a Belgian residence card and income in Belgium, the conditions are "
                     "the same as for Belgian residents. Your advisor can tell you which documents are still "
                     "missing when you upload them in the app."),
            ("asker", "Great, that's reassuring. We have our first tax assessment, so we'll start the "
                      "application."),
        ],
        "accept": 0,
        "update": "**Update:** approved after three weeks. We sign at the notary next month!",
    },
    {
        "category": "online-banking",
        "language": "en",
        "kind": "question",
        "title": "Can I register itsme without a Belgian eID?",
        "body": (
            "I have a foreign passport and a Belgian residence permit card. itsme asks for an eID card reader. Is "
            "there another way to register?"
        ),
        "tags": ["itsme", "expat"],
        "answers": [
            ("peer", "Yes, you can register itsme through your bank instead of the eID: choose 'register with "
                     "your bank' in the itsme app and confirm with the banking app or card reader."),
            ("asker", "That worked, registered via the bank in five minutes. Thanks a lot!"),
        ],
        "accept": 0,
    },
    {
        "category": "mobile-app",
        "language": "en",
        "kind": "question",
        "title": "Google Pay stopped working after my card was replaced",
        "body": (
            "My debit card expired and I activated the new one last week. Since then, Google Pay is refused in "
            "every shop. The physical card works fine."
        ),
        "tags": ["google-pay", "debit-card"],
        "answers": [
            ("peer", "You need to remove the old card in Google Wallet and add the new one. Mine didn't update "
                     "automatically either."),
            ("asker", "Removed and re-added, works again. Should have thought of that!"),
            ("product", "Thanks for reporting this. The card should normally update automatically in Google "
                        "Wallet after a renewal; we're looking into why it doesn't for some customers."),
        ],
        "accept": 0,
    },
    {
        "category": "online-banking",
        "language": "en",
        "kind": "question",
        "title": "Sending euros to a UK account: do I need a sort code?",
        "body": (
            "I need to pay my landlord in London in euros. He gave me his sort code and account number, but the "
            "app asks for an IBAN. What do I do?"
        ),
        "tags": ["transfer", "international"],
        "answers": [
            ("peer", "UK accounts also have an IBAN (starts with GB), it's usually on the bank statement or in "
                     "his banking app. Ask him for the IBAN and BIC, that's all you need."),
            ("care", "Indeed. The UK is part of the SEPA area for euro transfers, so with the IBAN it's an "
                     "ordinary SEPA transfer. If he needs pounds, choose *International transfer* in the app; a "
                     "fee and exchange rate apply then."),
            ("asker", "Got the IBAN from him, transfer sent. Thanks both!"),
        ],
        "accept": 1,
    },
    {
        "category": "mobile-app",
        "language": "en",
        "kind": "question",
        "title": "The app logs me out every few minutes",
        "body": (
            "Since last week, the app logs me out whenever I switch to another app for a minute, for example to "
            "copy a payment reference from an e-mail. Very annoying. Is this new?"
        ),
        "tags": ["app", "android"],
        "answers": [
            ("peer", "Do you have battery optimisation on for the app? On my OnePlus it killed the app in the "
                     "background. Set it to 'unrestricted' and it got better."),
            ("product", "For security reasons, the session ends after a short time in the background. We've "
                        "extended that to 5 minutes in the next release, which should make copying a reference a "
                        "lot easier."),
            ("asker", "Battery setting helped already. Looking forward to the update, thanks!"),
        ],
        "accept": 0,
    },
    {
        "category": "cards-payments",
        "language": "en",
        "kind": "question",
        "title": "E-mail says my account is suspended: is this phishing?",
        "body": (
            "Got an e-mail with the bank's logo saying my account is suspended because of 'unusual activity' and I "
            "need to verify my identity within 24 hours. The sender address looks odd. Is this real?"
        ),
        "tags": ["phishing", "security"],
        "answers": [
            ("moderator", "This is phishing. The bank will never ask you to verify your identity through a link "
                          "in an e-mail. Don't click, don't reply, and report it with the *Report fraud* button "
                          "in the app. Thanks for checking first!"),
            ("asker", "Reported and deleted. Thanks for the quick answer."),
        ],
        "accept": 0,
    },
    {
        "category": "online-banking",
        "language": "en",
        "kind": "question",
        "title": "Joint account with a partner who banks elsewhere",
        "body": (
            "My partner has all her accounts at another bank and doesn't want to switch. Can we still open a joint "
            "account here, or does she need to become a full customer?"
        ),
        "tags": ["joint-account"],
        "answers": [
            ("care", "She doesn't need to move her other accounts. She'll be identified once (with itsme or in a "
                     "branch) as co-holder of the joint account, and she'll get her own access to it in the app."),
            ("asker", "Great, that makes it easy. Thanks!"),
        ],
        "accept": 0,
    },
    {
        "category": "savings",
        "language": "en",
        "kind": "discussion",
        "title": "Anyone using the monthly ETF plan in the app?",
        "body": (
            "I'm thinking of starting a monthly investment plan in a world ETF through the app. Curious about your "
            "experiences: fees, ease of use, anything you'd do differently?"
        ),
        "tags": ["investing", "etf"],
        "answers": [
            ("peer", "Been using it for about a year. Setting it up takes two minutes. Watch the stock exchange "
                     "tax: it differs per ETF type."),
            ("peer", "I'd say go for it, but don't check it every day 😄 The first months I was stressed every "
                     "time the market dipped."),
            ("peer", "Fees are fine for amounts above €200 per month. Below that, I'd invest every quarter "
                     "instead."),
        ],
    },
    {
        "category": "loans-mortgages",
        "language": "en",
        "kind": "discussion",
        "title": "How long did your mortgage approval take?",
        "body": (
            "We uploaded all documents ten days ago and are still waiting. The notary wants an answer before "
            "signing the deed. How long did it take for you?"
        ),
        "tags": ["mortgage"],
        "answers": [
            ("peer", "About two weeks for us, including the valuation of the house."),
            ("peer", "Nine working days. They called once to ask about a small car loan we had."),
            ("care", "Most applications get an answer within two to three weeks, depending on the valuation. If "
                     "your signing date is close, mention it to your advisor so they can plan accordingly."),
        ],
    },
    {
        "category": "online-banking",
        "language": "en",
        "kind": "question",
        "title": "Bank statement in English for a visa application",
        "body": (
            "The embassy wants recent bank statements in English for my visa application. My statements are in "
            "French. Can I get them in English?"
        ),
        "tags": ["documents", "statements"],
        "answers": [
            ("care", "Yes: in web banking, go to *Documents > Certificates* and choose 'Account certificate' "
                     "with language English. For statements, change the document language under *Profile > "
                     "Language*; new statements will then be in English."),
            ("asker", "Downloaded the certificate in English, the embassy accepted it. Thank you!"),
        ],
        "accept": 0,
    },
    {
        "category": "cards-payments",
        "language": "en",
        "kind": "question",
        "title": "Temporarily raising my credit card limit for a trip to Japan",
        "body": (
            "We're going to Japan for three weeks and hotels will block deposits on my card. My limit is €2,500. "
            "Can I raise it for the trip only?"
        ),
        "tags": ["credit-card", "limits", "travel"],
        "answers": [
            ("peer", "I did this before a trip to Canada: in the app, Cards > Limits > Temporary increase. "
                     "Approved instantly for me."),
            ("care", "That's right, a temporary increase lasts up to 30 days. For larger amounts we may ask a "
                     "few extra questions. Enjoy Japan!"),
            ("asker", "Raised to €5,000 for a month. Thanks!"),
        ],
        "accept": 0,
    },
    {
        "category": "mobile-app",
        "language": "en",
        "kind": "discussion",
        "title": "Feature request: split a bill with friends from the app",
        "body": (
            "After a dinner with friends I always end up doing the maths and sending payment requests one by one. "
            "It would be great to split a payment directly from the transaction in the app. Anyone else?"
        ),
        "tags": ["app", "feature-request"],
        "answers": [
            ("peer", "Yes please! And a way to see who paid back."),
            ("product", "Love this one. Payment requests are already in the app; splitting a transaction into "
                        "several requests is on our list. We'll share a preview here when we have one."),
            ("peer", "Bonus points if it works with friends at other banks via a payment link."),
        ],
    },
    {
        "category": "online-banking",
        "language": "en",
        "kind": "question",
        "title": "Budgeting app keeps saying 'consent expired' for my account",
        "body": (
            "I use a budgeting app that reads my transactions through PSD2. Every few months it asks me to "
            "reconnect my bank account. Is there a way to make that permanent?"
        ),
        "tags": ["psd2", "budgeting"],
        "answers": [
            ("peer", "No, that's by design. European rules say you must confirm access again periodically. Since "
                     "2023 it's every 180 days instead of 90."),
            ("asker", "Ok, 180 days I can live with. Thanks for explaining."),
        ],
        "accept": 0,
    },
    {
        "category": "online-banking",
        "language": "en",
        "kind": "question",
        "title": "Closing my account because I'm leaving Belgium",
        "body": (
            "I'm moving back to Canada in two months. What's the best way to close my accounts? I still have some "
            "direct debits running (phone, energy)."
        ),
        "tags": ["closing-account", "expat"],
        "answers": [
            ("peer", "Cancel the direct debits with the companies first, and wait for your final energy bill. "
                     "Those often arrive weeks after you leave."),
            ("retention", "Sorry to see you go! You can keep the account open while abroad to handle final "
                          "bills, and close it later from the app (*Profile > Close account*). The remaining "
                          "balance can be transferred to your Canadian account."),
            ("asker", "Good idea, I'll keep it open until the final bills are paid. Thanks!"),
        ],
        "accept": 1,
    },
    {
        "category": "cards-payments",
        "language": "en",
        "kind": "question",
        "title": "Apple Pay asks for a verification code that never arrives",
        "body": (
            "Trying to add my card to Apple Pay on my new iPhone. It says a verification code was sent, but I "
            "never get the SMS. I changed my phone number last month, maybe that's why?"
        ),
        "tags": ["apple-pay"],
        "answers": [],
    },
    {
        "category": "loans-mortgages",
        "language": "en",
        "kind": "question",
        "title": "Does paying extra on my mortgage lower the monthly payment or the term?",
        "body": (
            "I want to make a partial early repayment of €10,000 on my mortgage. Will my monthly payment go down, "
            "or will the loan end sooner? Can I choose?"
        ),
        "tags": ["mortgage", "early-repayment"],
        "answers": [],
    },
]

VARIATIONS: list[dict[str, Any]] = [
    {
        "category": "cards-payments",
        "language": "nl",
        "kind": "question",
        "tags": ["betaalkaart", "buitenland", "geoblocking"],
        "bodies": [
            (
                "Ik ben momenteel in {place} en mijn Hearth Bank-betaalkaart wordt overal geweigerd. {detail} "
                "Contactloos noch met pincode lukt. Iemand die weet wat ik moet doen? Ik heb hier weinig cash bij."
            ),
            (
                "Hulp gevraagd! {detail} Thuis werkt de kaart perfect en er staat genoeg op mijn rekening. Moet ik "
                "iets aanpassen in de app om in {place} te kunnen betalen?"
            ),
        ],
        "answers": [
            ("peer", [
                (
                    "Kijk in de app bij *Kaarten > Gebruik in het buitenland* (geoblocking). Buiten Europa staat "
                    "je kaart standaard geblokkeerd. Zet {region} aan en het zou meteen moeten werken."
                ),
                (
                    "Dat is bijna zeker geoblocking. In de app kan je per regio instellen waar je kaart werkt. "
                    "Voor {place} moet je '{region}' aanzetten, het is meteen actief."
                ),
            ]),
            ("care", [
                (
                    "Dag, wat hierboven staat klopt, de aanpassing is onmiddellijk actief. Werkt het daarna nog "
                    "niet, stuur ons dan een privébericht met het tijdstip van de geweigerde betaling, dan kijken "
                    "we het na. Fijne reis!"
                ),
                (
                    "Dag, inderdaad: zet de regio {region} aan onder *Kaarten > Gebruik in het buitenland*. U kunt "
                    "ook een einddatum kiezen, dan gaat de blokkering na uw reis vanzelf terug aan. Goede reis "
                    "verder!"
                ),
            ]),
            ("asker", [
                "Dat was het! Regio aangezet en de betaling ging meteen door. Bedankt!",
                "Geoblocking aangepast en alles werkt. Jullie zijn top, de vakantie is gered 😄",
            ]),
            ("peer", [
                (
                    "Tip voor de volgende keer: zet het een dag voor vertrek al aan en neem altijd een tweede "
                    "kaart mee, bijvoorbeeld je kredietkaart."
                ),
                "Goed om te weten. Ik vertrek volgende maand, ik ga het nu al instellen.",
            ]),
        ],
        "accept": 0,
        "fills": [
            {
                "title": "Betaalkaart geweigerd in Marokko, wat nu?",
                "place": "Marokko",
                "region": "Afrika",
                "detail": (
                    "In de supermarkt in Marrakech en aan twee geldautomaten: telkens 'transactie geweigerd'."
                ),
            },
            {
                "title": "Kaart werkt niet in Thailand, zelfs niet aan de geldautomaat",
                "place": "Thailand",
                "region": "Azië",
                "detail": "Ik ben gisteren in Bangkok geland en kon zelfs aan de luchthaven geen geld afhalen.",
            },
            {
                "title": "Op reis in de VS: mijn kaart wordt overal geweigerd",
                "place": "de VS",
                "region": "Noord-Amerika",
                "detail": "In een restaurant in Chicago en bij een kledingwinkel werd mijn kaart geweigerd.",
            },
            {
                "title": "Geen enkele betaling lukt met mijn kaart in Japan",
                "place": "Japan",
                "region": "Azië",
                "detail": (
                    "Zowel in een konbini in Tokio als aan het loket van het station kreeg ik een foutmelding."
                ),
            },
            {
                "title": "Kaart geweigerd in Zuid-Afrika bij het ophalen van een huurauto",
                "place": "Zuid-Afrika",
                "region": "Afrika",
                "detail": (
                    "Aan de balie van het autoverhuurbedrijf in Kaapstad wordt mijn kaart geweigerd voor de "
                    "waarborg."
                ),
            },
            {
                "title": "Betaalkaart doet het niet op Bali",
                "place": "Indonesië",
                "region": "Azië",
                "detail": "In ons hotel op Bali en in een warung werd mijn betaalkaart geweigerd.",
            },
            {
                "title": "Mijn betaalkaart wordt geweigerd in Mexico",
                "place": "Mexico",
                "region": "Latijns-Amerika",
                "detail": "In Cancún lukt geen enkele betaling, ook niet in de grote supermarkt.",
            },
            {
                "title": "Kaart geweigerd bij het tanken in Canada",
                "place": "Canada",
                "region": "Noord-Amerika",
                "detail": "Aan de pomp in Quebec wordt mijn kaart geweigerd en binnen aan de kassa ook.",
            },
        ],
    },
    {
        "category": "mobile-app",
        "language": "nl",
        "kind": "question",
        "tags": ["app", "update", "crash"],
        "bodies": [
            (
                "Sinds de update van gisteren crasht de app meteen bij het opstarten. {detail} Mijn gsm herstarten "
                "helpt niet. Iemand anders hetzelfde probleem?"
            ),
            (
                "{detail} Dit gebeurt sinds de laatste update van de app. Ik heb een {device}, alles up-to-date. "
                "Is dit een gekend probleem?"
            ),
        ],
        "answers": [
            ("peer", [
                (
                    "Hier hetzelfde op mijn {device}. Wat bij mij hielp: de cache van de app wissen (niet de "
                    "gegevens), daarna startte ze weer."
                ),
                (
                    "Zelfde probleem. App verwijderd en opnieuw geïnstalleerd; ik moest me wel opnieuw registreren "
                    "met itsme, maar nu werkt ze."
                ),
            ]),
            ("product", [
                (
                    "Bedankt voor de melding, en sorry! We hebben een fout gevonden die de app laat crashen op "
                    "sommige toestellen met {os}. Een nieuwe versie met de oplossing staat vandaag in de store."
                ),
                (
                    "Sorry voor het ongemak. We kennen het probleem op {os} en werken aan een oplossing; die komt "
                    "binnen een paar dagen als update. Intussen kun je je bankzaken op de website doen."
                ),
            ]),
            ("asker", [
                "Nieuwe versie geïnstalleerd en alles werkt weer. Bedankt voor de snelle fix!",
                "Update van vandaag lost het op. Merci!",
            ]),
            ("peer", ["Bij mij ook opgelost na de update 👍", "Kan bevestigen, werkt weer."]),
        ],
        "accept": 1,
        "fills": [
            {
                "title": "App crasht bij het opstarten sinds de update (Samsung Galaxy S23)",
                "device": "Samsung Galaxy S23",
                "os": "Android 14",
                "detail": "Ik zie heel even het logo en dan sluit ze af.",
            },
            {
                "title": "Hearth Bank-app sluit meteen af na update op mijn Pixel 8",
                "device": "Pixel 8",
                "os": "Android 15",
                "detail": "Het inlogscherm verschijnt, ik geef mijn code in en hop, de app is weg.",
            },
            {
                "title": "Na de update opent de bankapp niet meer op mijn iPhone 12",
                "device": "iPhone 12",
                "os": "iOS 17",
                "detail": "Ik krijg alleen een wit scherm en na een paar seconden sluit ze.",
            },
            {
                "title": "Bankapp blijft hangen op het laadscherm sinds de nieuwste versie",
                "device": "Xiaomi Redmi Note 12",
                "os": "Android 13",
                "detail": "Het draaiende wieltje blijft minutenlang staan.",
            },
            {
                "title": "Crash bij het openen van mijn rekeningen na de app-update",
                "device": "iPhone SE",
                "os": "iOS 17",
                "detail": "Inloggen lukt, maar zodra ik op mijn zichtrekening tik, crasht de app.",
            },
            {
                "title": "App crasht telkens als ik een overschrijving wil bevestigen",
                "device": "OnePlus 11",
                "os": "Android 14",
                "detail": (
                    "Ik vul alles in, tik op 'Bevestigen' en de app sluit af. De overschrijving is niet "
                    "vertrokken."
                ),
            },
            {
                "title": "Nieuwe versie van de app werkt niet op mijn iPad",
                "device": "iPad (9e generatie)",
                "os": "iPadOS 17",
                "detail": "Op mijn iPad opent de app niet meer, op mijn gsm wel.",
            },
        ],
    },
    {
        "category": "online-banking",
        "language": "nl",
        "kind": "question",
        "tags": ["itsme", "aanmelden"],
        "bodies": [
            (
                "{detail} Nu kan ik niet meer inloggen in de app en ook geen betalingen bevestigen. Hoe los ik dit "
                "het snelst op?"
            ),
            "{detail} Zonder itsme kan ik niets meer in de bankapp. Wat moet ik doen?",
        ],
        "answers": [
            ("peer", [
                (
                    "Je moet itsme opnieuw activeren op je nieuwe toestel. Dat kan met je eID en een kaartlezer, "
                    "of via de bank-app als die nog op een ander toestel werkt. Daarna in de Hearth Bank-app de "
                    "koppeling vernieuwen."
                ),
                (
                    "Bij mij moest ik itsme volledig opnieuw registreren. Met de eID-kaartlezer ging dat in tien "
                    "minuten."
                ),
            ]),
            ("care", [
                (
                    "Dag, in afwachting kunt u op de website inloggen met uw kaartlezer. Zodra itsme weer actief "
                    "is, werkt alles opnieuw in de app. Lukt het niet, stuur ons gerust een privébericht."
                ),
                (
                    "Dag, wat hierboven staat klopt. Hebt u geen kaartlezer, dan kunt u in elk kantoor gratis een "
                    "exemplaar ophalen. Daarna kunt u itsme opnieuw activeren."
                ),
            ]),
            ("asker", [
                "Gelukt met de eID-lezer van mijn vader. Bedankt!",
                "Opnieuw geregistreerd en alles werkt weer. Merci!",
            ]),
        ],
        "accept": 0,
        "fills": [
            {
                "title": "itsme na overstap van iPhone naar Android: opnieuw registreren?",
                "detail": (
                    "Ik ben overgestapt van een iPhone naar een Samsung en itsme zegt dat mijn account op een "
                    "ander toestel actief is."
                ),
            },
            {
                "title": "Gsm gestolen, hoe krijg ik itsme op mijn nieuwe toestel?",
                "detail": (
                    "Mijn gsm is gestolen op de trein. Ik heb een nieuwe gekocht, maar itsme staat nog op de oude."
                ),
            },
            {
                "title": "itsme kwijt na fabrieksreset van mijn gsm",
                "detail": "Mijn gsm deed raar en ik heb een fabrieksreset gedaan. Alle apps zijn weg, ook itsme.",
            },
            {
                "title": "Nieuwe simkaart met ander nummer en nu werkt itsme niet meer",
                "detail": "Ik ben van telecomoperator veranderd en heb nu een nieuw gsm-nummer.",
            },
            {
                "title": "itsme herkent me niet meer sinds mijn nieuwe identiteitskaart",
                "detail": (
                    "Mijn identiteitskaart was vervallen en ik heb een nieuwe gekregen. Sindsdien zegt itsme dat "
                    "mijn identiteit niet meer geldig is."
                ),
            },
        ],
    },
    {
        "category": "mobile-app",
        "language": "nl",
        "kind": "question",
        "tags": ["mobiel-betalen"],
        "bodies": [
            (
                "Ik probeer mijn {card} toe te voegen aan {wallet} op mijn {device}, maar ik krijg telkens "
                "{error}. {detail} Iemand een idee?"
            ),
            (
                "{detail} Als ik mijn {card} probeer toe te voegen aan {wallet} ({device}) krijg ik {error}. Wat "
                "doe ik fout?"
            ),
        ],
        "answers": [
            ("peer", [
                (
                    "Controleer of online betalingen aanstaan voor je kaart in de app. Zonder dat lukt toevoegen "
                    "aan {wallet} niet."
                ),
                (
                    "Probeer het rechtstreeks vanuit de Hearth Bank-app: *Kaarten > je kaart > Toevoegen aan "
                    "{wallet}*. Dat lukt meestal wel als het via {wallet} zelf faalt."
                ),
            ]),
            ("care", [
                (
                    "Dag, goede tips. Lukt het daarna nog niet, stuur ons dan een privébericht met het type "
                    "toestel; dan kijken we na of uw kaart correct geactiveerd is voor mobiel betalen."
                ),
            ]),
            ("asker", [
                "Via de Hearth Bank-app lukte het meteen. Bedankt!",
                "Online betalingen stonden uit. Aangezet en nu werkt het. Merci!",
            ]),
        ],
        "accept": 0,
        "fills": [
            {
                "title": "Betaalkaart toevoegen aan Apple Pay lukt niet op mijn nieuwe iPhone",
                "card": "betaalkaart",
                "wallet": "Apple Pay",
                "device": "iPhone 15",
                "error": "de melding 'Kaart kan niet worden toegevoegd'",
                "detail": "Op mijn vorige iPhone werkte het wel.",
                "tags": ["apple-pay"],
            },
            {
                "title": "Google Wallet: 'neem contact op met je bank' bij toevoegen kaart",
                "card": "betaalkaart",
                "wallet": "Google Wallet",
                "device": "Samsung Galaxy A34",
                "error": "'Neem contact op met je bank'",
                "detail": "Mijn man heeft hetzelfde toestel en bij hem lukte het zonder problemen.",
                "tags": ["google-pay"],
            },
            {
                "title": "Kredietkaart niet toe te voegen aan mijn Apple Watch",
                "card": "kredietkaart",
                "wallet": "Apple Pay",
                "device": "Apple Watch",
                "error": "'Ongeldige kaart'",
                "detail": "Op mijn iPhone zelf staat de kaart er wel in.",
                "tags": ["apple-pay", "kredietkaart"],
            },
            {
                "title": "Betalen met mijn Garmin-horloge: kaart niet ondersteund?",
                "card": "betaalkaart",
                "wallet": "Garmin Pay",
                "device": "Garmin Forerunner",
                "error": "een melding dat de kaart niet ondersteund wordt",
                "detail": "Ik wil tijdens het lopen een flesje water kunnen betalen zonder gsm.",
                "tags": ["garmin-pay"],
            },
            {
                "title": "Kaart toevoegen aan Google Wallet blijft hangen op 'verifiëren'",
                "card": "betaalkaart",
                "wallet": "Google Wallet",
                "device": "Pixel 7",
                "error": "een wieltje dat blijft draaien bij 'verifiëren'",
                "detail": "Ik heb al een halfuur gewacht.",
                "tags": ["google-pay"],
            },
        ],
    },
    {
        "category": "online-banking",
        "language": "nl",
        "kind": "question",
        "tags": ["domiciliering", "sepa"],
        "bodies": [
            (
                "{detail} Ik heb al gemaild maar krijg geen antwoord. Kan ik dat geld via de bank terugvragen, en "
                "hoe voorkom ik dat het nog eens gebeurt?"
            ),
            "{detail} Hoe vraag ik dat terug via de app? En kan ik die domiciliëring gewoon blokkeren?",
        ],
        "answers": [
            ("care", [
                (
                    "Dag, een domiciliëring kunt u tot 8 weken na de afschrijving laten terugstorten, zonder "
                    "opgave van reden. Open de verrichting in de app en kies *Terugbetaling aanvragen*. Nieuwe "
                    "afhalingen kunt u blokkeren onder *Betalingen > Domiciliëringen*."
                ),
                (
                    "Dag, dat kan. Binnen 8 weken na de afhaling vraagt u de terugbetaling aan via de verrichting "
                    "in de app. Wilt u de {company} helemaal blokkeren, dan kan dat bij *Betalingen > "
                    "Domiciliëringen*."
                ),
            ]),
            ("peer", [
                (
                    "Doe dat zeker, maar laat het ook schriftelijk weten aan de {company}. Anders krijg je "
                    "achteraf misschien een herinnering met extra kosten."
                ),
                "Had hetzelfde vorig jaar. Terugvragen ging heel vlot, het geld stond er twee dagen later terug.",
            ]),
            ("asker", [
                "Terugbetaling aangevraagd en de domiciliëring geblokkeerd. Bedankt!",
                "Gelukt, het bedrag staat er terug op. Top!",
            ]),
        ],
        "accept": 0,
        "fills": [
            {
                "title": "Domiciliëring van mijn oude gsm-operator loopt door na opzegging",
                "company": "gsm-operator",
                "detail": (
                    "Ik ben in april overgestapt naar een andere operator, maar de oude blijft elke maand €25 "
                    "afhalen."
                ),
            },
            {
                "title": "Energieleverancier haalt plots €310 af in plaats van mijn voorschot",
                "company": "energieleverancier",
                "detail": "Mijn voorschot is €95, maar deze maand hebben ze €310 afgehaald zonder enige uitleg.",
            },
            {
                "title": "Domiciliëring voor een tijdschrift dat ik nooit besteld heb",
                "company": "uitgeverij",
                "detail": (
                    "Er staat een afhaling van €14,99 van een uitgeverij van een tijdschrift dat ik nooit besteld "
                    "heb."
                ),
            },
            {
                "title": "Oude autoverzekering blijft de jaarpremie afhalen",
                "company": "verzekeraar",
                "detail": (
                    "Ik heb mijn autoverzekering bij een andere maatschappij ondergebracht, maar de oude "
                    "verzekeraar heeft nog de volledige jaarpremie afgehaald."
                ),
            },
            {
                "title": "Streamingdienst haalt twee keer per maand af via domiciliëring",
                "company": "streamingdienst",
                "detail": (
                    "Sinds februari haalt de streamingdienst twee keer per maand €13,99 af, terwijl ik maar één "
                    "abonnement heb."
                ),
            },
            {
                "title": "Kinderopvang blijft afhalen na uitschrijving van onze zoon",
                "company": "kinderopvang",
                "detail": (
                    "Onze zoon ging in september naar school, maar de kinderopvang haalt nog altijd het "
                    "maandbedrag af."
                ),
            },
        ],
    },
    {
        "category": "savings",
        "language": "nl",
        "kind": "discussion",
        "tags": ["sparen", "spaardoelen"],
        "bodies": [
            (
                "{detail} Hoeveel zetten jullie maandelijks opzij, en gebruiken jullie daar een aparte "
                "spaarrekening of de spaardoelen in de app voor?"
            ),
            (
                "{detail} Ik ben benieuwd hoe anderen dat aanpakken: vast bedrag per maand, apart potje, "
                "automatisch of niet?"
            ),
        ],
        "answers": [
            ("peer", [
                (
                    "Ik heb voor elk doel een aparte spaarrekening met een duidelijke naam. Op de dag dat mijn "
                    "loon binnenkomt, gaat er automatisch een vast bedrag naartoe. Wat je niet ziet, geef je niet "
                    "uit."
                ),
                (
                    "Wij gebruiken de spaardoelen in de app. Het balkje dat volloopt motiveert echt, ook al klinkt "
                    "dat kinderachtig 😄"
                ),
            ]),
            ("peer", ["{tip}"]),
            ("peer", [
                (
                    "Bij ons is het ongeveer 10% van het netto-inkomen. Niet altijd haalbaar, maar het is een "
                    "richtlijn."
                ),
                "Begin klein en verhoog telkens als je loon geïndexeerd wordt. Zo voel je het amper.",
            ]),
            ("product", [
                (
                    "Leuk om te lezen! Wist je dat je in de app een spaardoel kunt koppelen aan een automatische "
                    "overschrijving? Dat staat onder *Sparen > Spaardoelen > Automatisch sparen*."
                ),
            ]),
            ("asker", [
                "Bedankt voor alle tips! Ik heb een doorlopende opdracht ingesteld op de dag van mijn loon.",
            ]),
        ],
        "fills": [
            {
                "title": "Sparen voor een nieuwe auto: hoeveel leggen jullie per maand opzij?",
                "detail": (
                    "Mijn auto is 14 jaar oud en ik wil binnen twee jaar iets nieuwers kunnen kopen zonder lening."
                ),
                "tip": (
                    "Voor een doel binnen twee jaar zou ik gewoon op een spaarrekening blijven, niet beleggen. Het "
                    "risico dat je net moet verkopen als de beurs zakt is te groot."
                ),
            },
            {
                "title": "Sparen voor ons huwelijk volgend jaar: hoe pakken jullie het aan?",
                "detail": "We trouwen over vijftien maanden en het budget loopt snel op.",
                "tip": (
                    "Wij hebben een gezamenlijke spaarrekening geopend waar we allebei evenveel op zetten. Zo is "
                    "er geen discussie over wie wat betaald heeft."
                ),
            },
            {
                "title": "Geld opzij zetten voor een wereldreis van zes maanden",
                "detail": "Over drie jaar wil ik zes maanden reizen. Ik schat dat ik zo'n €15.000 nodig heb.",
                "tip": (
                    "Reken ook de kosten thuis mee: huur of lening, verzekeringen, abonnementen die doorlopen. Die "
                    "vergeet iedereen."
                ),
            },
            {
                "title": "Sparen voor de studies van de kinderen: vanaf wanneer beginnen?",
                "detail": "Onze kinderen zijn 2 en 5. Hoger onderwijs met op kot gaan kost een flinke som.",
                "tip": (
                    "Met vijftien jaar voor de boeg zou ik een deel beleggen in een spreidend fonds. Op een "
                    "spaarrekening verlies je over zo'n periode koopkracht door de inflatie."
                ),
            },
            {
                "title": "Een buffer voor onverwachte kosten: hoeveel is genoeg?",
                "detail": (
                    "Vorige maand begaf de verwarmingsketel het en ik moest €2.800 betalen. Ik wil dat niet meer "
                    "op de kredietkaart zetten."
                ),
                "tip": (
                    "De vuistregel is drie tot zes maanden vaste kosten. Als je huurt en een vast contract hebt, "
                    "is drie maanden meestal genoeg."
                ),
            },
            {
                "title": "Sparen voor een nieuwe badkamer over twee jaar",
                "detail": (
                    "We willen over twee jaar de badkamer vernieuwen, en een offerte komt al snel op €18.000."
                ),
                "tip": (
                    "Vergelijk ook met een renovatielening. Soms is een deel sparen en een klein deel lenen "
                    "slimmer dan alles uitstellen tot het spaargeld er is."
                ),
            },
        ],
    },
    {
        "category": "loans-mortgages",
        "language": "nl",
        "kind": "question",
        "tags": ["woonkrediet", "hypotheek"],
        "bodies": [
            (
                "{detail} Heeft iemand ervaring met een woonkrediet in zo'n situatie? Waar moet ik op letten en "
                "welke extra documenten vragen ze?"
            ),
            (
                "{detail} Is dat een probleem voor een woonkrediet? Ik hoor graag ervaringen voor ik een afspraak "
                "maak."
            ),
        ],
        "answers": [
            ("peer", ["{tip}"]),
            ("care", [
                (
                    "Dag, elke situatie wordt individueel bekeken. Maak gerust een afspraak met een adviseur via "
                    "de app (*Leningen > Afspraak maken*); die kan u vooraf zeggen welke documenten nodig zijn en "
                    "wat haalbaar is."
                ),
                (
                    "Dag, een adviseur kan uw situatie in een eerste gesprek doorrekenen, zonder verplichting. "
                    "Laad vooraf al uw documenten op via *Leningen > Mijn aanvraag*, dan gaat het sneller."
                ),
            ]),
            ("asker", [
                "Bedankt, ik heb een afspraak gemaakt.",
                "Dank je voor de info, dat stelt me al wat gerust.",
            ]),
        ],
        "accept": 0,
        "fills": [
            {
                "title": "Woonkrediet als zelfstandige in bijberoep: kans op goedkeuring?",
                "detail": (
                    "Ik werk deeltijds als bediende en heb sinds twee jaar een zelfstandige activiteit als "
                    "fotograaf."
                ),
                "tip": (
                    "Bij mij wilden ze de aanslagbiljetten van de laatste drie jaar zien, zodat ze een gemiddeld "
                    "inkomen uit het bijberoep konden berekenen. Het loon als bediende telde het zwaarst."
                ),
            },
            {
                "title": "Alleen een huis kopen met één inkomen: hoeveel kan ik lenen?",
                "detail": "Ik ben alleenstaand, verdien €2.600 netto en heb €40.000 eigen inbreng.",
                "tip": (
                    "Reken erop dat je maandlast niet veel hoger mag zijn dan een derde van je netto-inkomen. Met "
                    "jouw eigen inbreng is een appartement of een kleine rijwoning zeker haalbaar."
                ),
            },
            {
                "title": "Woonkrediet met een contract van bepaalde duur",
                "detail": "Ik werk al drie jaar bij dezelfde werkgever, maar telkens met contracten van een jaar.",
                "tip": (
                    "Bij mij werd het aanvaard omdat ik kon aantonen dat mijn contract al drie keer verlengd was. "
                    "Vraag een attest van je werkgever."
                ),
            },
            {
                "title": "Lening voor een huis uit 1935 dat volledig gerenoveerd moet worden",
                "detail": (
                    "We kijken naar een huis met EPC-label F. Er moet een nieuw dak, isolatie en een warmtepomp "
                    "komen."
                ),
                "tip": (
                    "Vraag meteen offertes van aannemers op, de bank wil het totaalbedrag kennen. En denk aan de "
                    "renovatieverplichting: binnen zes jaar moet je naar een beter label."
                ),
            },
            {
                "title": "Samen met mijn broer een appartement kopen om te verhuren",
                "detail": "Mijn broer en ik willen samen een appartement kopen als investering.",
                "tip": (
                    "Voor een woning die je niet zelf bewoont, vragen banken meestal meer eigen inbreng. Wij "
                    "moesten 20% plus de kosten zelf betalen. Leg ook bij de notaris vast wat er gebeurt als een "
                    "van jullie wil uitstappen."
                ),
            },
        ],
    },
    {
        "category": "cards-payments",
        "language": "nl",
        "kind": "question",
        "tags": ["betaalkaart", "verloren"],
        "bodies": [
            (
                "{detail} Ik heb de kaart meteen geblokkeerd in de app. Hoe snel krijg ik een nieuwe, en kan ik "
                "intussen nog betalen?"
            ),
            "{detail} Kaart is geblokkeerd via de app. Wat zijn de volgende stappen?",
        ],
        "answers": [
            ("care", [
                (
                    "Dag, goed dat u de kaart meteen geblokkeerd hebt. Een nieuwe kaart bestelt u in de app via "
                    "*Kaarten > Vervangen*; ze komt binnen de 5 werkdagen aan. Intussen kunt u betalen met Apple "
                    "Pay of Google Pay: de nieuwe kaart is meestal meteen digitaal beschikbaar."
                ),
            ]),
            ("peer", [
                (
                    "Bij mij stond de nieuwe kaart na bestellen meteen in Google Wallet, de fysieke kaart kwam "
                    "vier dagen later."
                ),
                (
                    "Tip: kijk de verrichtingen van de laatste dagen nog eens na, voor het geval er toch iets "
                    "verdachts tussen zit."
                ),
            ]),
            ("asker", [
                "Nieuwe kaart besteld en ze staat al in mijn wallet. Bedankt!",
                "Besteld, bedankt voor de snelle hulp!",
            ]),
        ],
        "accept": 0,
        "fills": [
            {
                "title": "Portefeuille gestolen op de markt: hoe snel een nieuwe kaart?",
                "detail": "Zaterdag is mijn portefeuille gestolen op de vrijdagmarkt in Gent.",
            },
            {
                "title": "Betaalkaart verloren op een festival",
                "detail": "Ik ben mijn betaalkaart dit weekend ergens op een festival verloren.",
            },
            {
                "title": "Kaart laten liggen in een taxi in Brussel",
                "detail": "Gisteravond heb ik mijn kaart in een taxi laten liggen na een etentje in Brussel.",
            },
            {
                "title": "Betaalkaart kwijt na de verhuis, beter blokkeren?",
                "detail": (
                    "Na onze verhuis vind ik mijn betaalkaart nergens meer. Waarschijnlijk zit ze in een doos, "
                    "maar ik wil geen risico nemen."
                ),
            },
        ],
    },
    {
        "category": "cards-payments",
        "language": "fr",
        "kind": "question",
        "tags": ["carte-de-debit", "voyage", "geoblocage"],
        "bodies": [
            (
                "Je suis actuellement {place} et ma carte de débit est refusée partout. {detail} Quelqu'un sait ce "
                "que je dois faire ? Je n'ai presque pas de liquide sur moi."
            ),
            (
                "Au secours ! {detail} En Belgique la carte fonctionne parfaitement et mon compte est "
                "approvisionné. Je dois changer quelque chose dans l'appli pour payer {place} ?"
            ),
        ],
        "answers": [
            ("peer", [
                (
                    "C'est sûrement le géoblocage. Dans l'appli : *Cartes > Utilisation à l'étranger*, active la "
                    "région « {region} ». Hors Europe, la carte est bloquée par défaut."
                ),
                (
                    "Même chose pour moi l'an dernier. Il faut activer la zone « {region} » dans l'appli, c'est "
                    "immédiat."
                ),
            ]),
            ("care", [
                (
                    "Bonjour, c'est bien cela : la modification du géoblocage est active immédiatement. Si le "
                    "paiement est encore refusé ensuite, envoyez-nous un message privé avec l'heure du refus, nous "
                    "vérifierons. Bon séjour !"
                ),
                (
                    "Bonjour, vous pouvez aussi choisir une date de fin lors de l'activation de la région {region} "
                    ": le blocage se remettra automatiquement à votre retour. Bon voyage !"
                ),
            ]),
            ("asker", [
                "C'était ça ! Région activée et le paiement est passé tout de suite. Merci !",
                "Géoblocage modifié, tout fonctionne. Vacances sauvées 😄",
            ]),
            ("peer", [
                (
                    "Conseil pour la prochaine fois : active-le la veille du départ et emporte toujours une "
                    "deuxième carte."
                ),
            ]),
        ],
        "accept": 0,
        "fills": [
            {
                "title": "Carte refusée au Sénégal, que faire ?",
                "place": "au Sénégal",
                "region": "Afrique",
                "detail": "Au supermarché à Dakar et au distributeur, à chaque fois « transaction refusée ».",
            },
            {
                "title": "Ma carte ne fonctionne pas au Canada",
                "place": "au Canada",
                "region": "Amérique du Nord",
                "detail": "Impossible de payer l'essence à Montréal, ni même un café.",
            },
            {
                "title": "En vacances en Tunisie : carte refusée à chaque paiement",
                "place": "en Tunisie",
                "region": "Afrique",
                "detail": "À l'hôtel à Djerba, le paiement a été refusé deux fois.",
            },
            {
                "title": "Carte de débit refusée au Vietnam, même au distributeur",
                "place": "au Vietnam",
                "region": "Asie",
                "detail": "Je suis arrivée à Hanoï hier et je n'arrive pas à retirer de l'argent.",
            },
            {
                "title": "Paiement refusé à New York avec ma carte belge",
                "place": "aux États-Unis",
                "region": "Amérique du Nord",
                "detail": "Le musée et le métro de New York refusent ma carte.",
            },
            {
                "title": "Ma carte de débit ne passe pas au Brésil",
                "place": "au Brésil",
                "region": "Amérique latine",
                "detail": "À Rio, ni le restaurant ni la pharmacie n'acceptent ma carte.",
            },
            {
                "title": "Retrait impossible à l'île Maurice avec ma carte de débit",
                "place": "à l'île Maurice",
                "region": "Afrique",
                "detail": "Trois distributeurs différents à Port-Louis, trois refus.",
            },
        ],
    },
    {
        "category": "mobile-app",
        "language": "fr",
        "kind": "question",
        "tags": ["appli", "mise-a-jour", "bug"],
        "bodies": [
            (
                "Depuis la mise à jour d'hier, l'appli se ferme dès que je l'ouvre. {detail} Redémarrer le "
                "téléphone ne change rien. D'autres personnes ont le même souci ?"
            ),
            (
                "{detail} Ça arrive depuis la dernière mise à jour de l'appli. J'ai un {device}, tout est à jour. "
                "C'est un problème connu ?"
            ),
        ],
        "answers": [
            ("peer", [
                "Pareil sur mon {device}. Chez moi, vider le cache de l'appli (pas les données) a suffi.",
                (
                    "Même problème. J'ai désinstallé et réinstallé l'appli ; il a fallu se réenregistrer avec "
                    "itsme mais maintenant ça marche."
                ),
            ]),
            ("product", [
                (
                    "Merci pour le signalement et désolés pour le désagrément ! Nous avons trouvé un bug qui fait "
                    "planter l'appli sur certains appareils sous {os}. Une nouvelle version est disponible dès "
                    "aujourd'hui dans le store."
                ),
                (
                    "Désolés ! Le problème sous {os} est identifié, le correctif arrive dans quelques jours. En "
                    "attendant, la banque en ligne sur ordinateur fonctionne normalement."
                ),
            ]),
            ("asker", [
                "Nouvelle version installée, tout refonctionne. Merci pour la réactivité !",
                "La mise à jour de ce matin a réglé le problème. Merci !",
            ]),
            ("peer", ["Réglé chez moi aussi 👍"]),
        ],
        "accept": 1,
        "fills": [
            {
                "title": "L'appli plante au démarrage depuis la mise à jour (iPhone 13)",
                "device": "iPhone 13",
                "os": "iOS 17",
                "detail": "Je vois le logo une seconde puis retour à l'écran d'accueil.",
            },
            {
                "title": "Écran blanc dans l'appli après la dernière version sur Samsung Galaxy S24",
                "device": "Samsung Galaxy S24",
                "os": "Android 14",
                "detail": "L'écran reste blanc et rien ne se passe.",
            },
            {
                "title": "Depuis la mise à jour, l'appli se ferme quand j'ouvre mes comptes",
                "device": "Xiaomi Redmi Note 13",
                "os": "Android 14",
                "detail": "La connexion marche, mais dès que je touche mon compte à vue, l'appli se ferme.",
            },
            {
                "title": "Impossible de valider un virement depuis la mise à jour sur mon iPhone 11",
                "device": "iPhone 11",
                "os": "iOS 16",
                "detail": "Quand j'appuie sur « Confirmer », l'appli se ferme et le virement n'est pas parti.",
            },
            {
                "title": "L'appli reste bloquée sur l'écran de chargement",
                "device": "Motorola Moto G54",
                "os": "Android 14",
                "detail": "La roue de chargement tourne pendant des minutes.",
            },
            {
                "title": "Plantage de l'appli Hearth Bank après la mise à jour sur Android 13",
                "device": "Oppo A78",
                "os": "Android 13",
                "detail": "L'appli se ferme dès l'écran de connexion.",
            },
        ],
    },
    {
        "category": "online-banking",
        "language": "fr",
        "kind": "question",
        "tags": ["itsme", "connexion"],
        "bodies": [
            (
                "{detail} Je ne peux plus me connecter à l'appli ni confirmer mes paiements. Comment régler ça au "
                "plus vite ?"
            ),
            "{detail} Sans itsme, je ne peux plus rien faire dans l'appli de la banque. Que faire ?",
        ],
        "answers": [
            ("peer", [
                (
                    "Il faut réactiver itsme sur le nouvel appareil, avec ta carte d'identité et un lecteur de "
                    "carte, ou via l'appli de la banque si elle marche encore sur un autre téléphone. Ensuite, "
                    "renouvelle le lien dans l'appli Hearth Bank."
                ),
                "J'ai dû complètement réenregistrer itsme. Avec le lecteur de carte eID, ça a pris dix minutes.",
            ]),
            ("care", [
                (
                    "Bonjour, en attendant vous pouvez vous connecter à la banque en ligne sur ordinateur avec "
                    "votre lecteur de carte. Dès qu'itsme est réactivé, tout refonctionne dans l'appli."
                ),
                (
                    "Bonjour, si vous n'avez pas de lecteur de carte, vous pouvez en retirer un gratuitement dans "
                    "toutes nos agences. Ensuite, la réactivation d'itsme ne prend que quelques minutes."
                ),
            ]),
            ("asker", [
                "Réussi avec le lecteur eID de ma sœur. Merci !",
                "Réenregistré, tout fonctionne à nouveau. Merci beaucoup !",
            ]),
        ],
        "accept": 0,
        "fills": [
            {
                "title": "Nouveau GSM : itsme dit que mon compte est actif sur un autre appareil",
                "detail": "Je suis passé d'un Samsung à un iPhone et itsme refuse de s'activer.",
            },
            {
                "title": "GSM volé : comment récupérer itsme sur mon nouveau téléphone ?",
                "detail": (
                    "On m'a volé mon GSM dans le tram. J'en ai racheté un, mais itsme est toujours lié à l'ancien."
                ),
            },
            {
                "title": "itsme disparu après une réinitialisation de mon téléphone",
                "detail": (
                    "J'ai dû réinitialiser mon téléphone aux paramètres d'usine et itsme a disparu avec le reste."
                ),
            },
            {
                "title": "J'ai changé de numéro de GSM et itsme ne marche plus",
                "detail": "J'ai changé d'opérateur et j'ai maintenant un nouveau numéro.",
            },
            {
                "title": "Nouvelle carte d'identité : itsme ne me reconnaît plus",
                "detail": (
                    "Ma carte d'identité avait expiré et j'en ai reçu une nouvelle. Depuis, itsme dit que mon "
                    "identité n'est plus valable."
                ),
            },
        ],
    },
    {
        "category": "mobile-app",
        "language": "fr",
        "kind": "question",
        "tags": ["paiement-mobile"],
        "bodies": [
            (
                "J'essaie d'ajouter ma {card} dans {wallet} sur mon {device}, mais j'obtiens à chaque fois "
                "{error}. {detail} Une idée ?"
            ),
            (
                "{detail} Quand j'ajoute ma {card} dans {wallet} ({device}), j'ai {error}. Qu'est-ce que je fais "
                "de travers ?"
            ),
        ],
        "answers": [
            ("peer", [
                (
                    "Vérifie que les paiements en ligne sont activés pour ta carte dans l'appli. Sans ça, l'ajout "
                    "dans {wallet} ne marche pas."
                ),
                (
                    "Essaie directement depuis l'appli Hearth Bank : *Cartes > ta carte > Ajouter à {wallet}*. Ça "
                    "marche souvent quand ça échoue depuis {wallet}."
                ),
            ]),
            ("care", [
                (
                    "Bonjour, bonnes pistes. Si cela ne fonctionne toujours pas, envoyez-nous un message privé "
                    "avec le modèle de votre appareil, nous vérifierons que votre carte est bien activée pour le "
                    "paiement mobile."
                ),
            ]),
            ("asker", [
                "Depuis l'appli Hearth Bank, ça a marché tout de suite. Merci !",
                "Les paiements en ligne étaient désactivés. Activés, et tout marche. Merci !",
            ]),
        ],
        "accept": 0,
        "fills": [
            {
                "title": "Impossible d'ajouter ma carte de débit à Apple Pay sur mon nouvel iPhone",
                "card": "carte de débit",
                "wallet": "Apple Pay",
                "device": "iPhone 15",
                "error": "le message « Impossible d'ajouter la carte »",
                "detail": "Sur mon ancien iPhone ça marchait.",
                "tags": ["apple-pay"],
            },
            {
                "title": "Google Wallet refuse ma carte : « contactez votre banque »",
                "card": "carte de débit",
                "wallet": "Google Wallet",
                "device": "Samsung Galaxy A54",
                "error": "« Contactez votre banque »",
                "detail": "Mon compagnon a le même téléphone et chez lui ça a marché.",
                "tags": ["google-pay"],
            },
            {
                "title": "Ajouter ma carte de crédit sur mon Apple Watch ne fonctionne pas",
                "card": "carte de crédit",
                "wallet": "Apple Pay",
                "device": "Apple Watch",
                "error": "« Carte non valide »",
                "detail": "Sur l'iPhone, la carte est bien présente.",
                "tags": ["apple-pay", "carte-de-credit"],
            },
            {
                "title": "Payer avec ma montre Garmin : carte non acceptée",
                "card": "carte de débit",
                "wallet": "Garmin Pay",
                "device": "Garmin Venu",
                "error": "un message disant que la carte n'est pas prise en charge",
                "detail": "J'aimerais pouvoir payer sans téléphone quand je fais du vélo.",
                "tags": ["garmin-pay"],
            },
            {
                "title": "Google Wallet reste bloqué sur « vérification en cours »",
                "card": "carte de débit",
                "wallet": "Google Wallet",
                "device": "Pixel 8",
                "error": "une roue qui tourne sur « vérification »",
                "detail": "J'ai attendu plus d'une heure.",
                "tags": ["google-pay"],
            },
        ],
    },
    {
        "category": "online-banking",
        "language": "fr",
        "kind": "question",
        "tags": ["domiciliation", "sepa"],
        "bodies": [
            (
                "{detail} J'ai déjà envoyé un mail sans réponse. Est-ce que je peux récupérer cet argent via la "
                "banque, et comment éviter que ça recommence ?"
            ),
            (
                "{detail} Comment demander le remboursement dans l'appli ? Et est-ce que je peux simplement "
                "bloquer cette domiciliation ?"
            ),
        ],
        "answers": [
            ("care", [
                (
                    "Bonjour, vous pouvez demander le remboursement d'une domiciliation jusqu'à 8 semaines après "
                    "le prélèvement, sans justification. Ouvrez l'opération dans l'appli et choisissez *Demander "
                    "un remboursement*. Les prochains prélèvements peuvent être bloqués dans *Paiements > "
                    "Domiciliations*."
                ),
                (
                    "Bonjour, c'est possible : dans les 8 semaines qui suivent le prélèvement, demandez le "
                    "remboursement depuis l'opération dans l'appli. Pour bloquer {company}, rendez-vous dans "
                    "*Paiements > Domiciliations*."
                ),
            ]),
            ("peer", [
                (
                    "Fais-le, mais préviens aussi {company} par écrit. Sinon tu risques de recevoir un rappel avec "
                    "des frais."
                ),
                (
                    "J'ai eu la même chose l'an dernier. Le remboursement a été très rapide, l'argent était là "
                    "deux jours plus tard."
                ),
            ]),
            ("asker", [
                "Remboursement demandé et domiciliation bloquée. Merci !",
                "C'est fait, le montant est revenu sur mon compte. Super !",
            ]),
        ],
        "accept": 0,
        "fills": [
            {
                "title": "Mon ancien opérateur téléphonique continue de prélever après résiliation",
                "company": "l'opérateur",
                "detail": "J'ai changé d'opérateur en mars, mais l'ancien prélève toujours 22 € par mois.",
            },
            {
                "title": "Prélèvement de 280 € au lieu de mon acompte habituel de 90 €",
                "company": "le fournisseur",
                "detail": (
                    "Mon fournisseur d'énergie a prélevé 280 € ce mois-ci alors que mon acompte est de 90 €, sans "
                    "facture de régularisation."
                ),
            },
            {
                "title": "Ma salle de sport prélève encore alors que j'ai résilié",
                "company": "la salle de sport",
                "detail": (
                    "J'ai résilié mon abonnement en janvier avec une confirmation écrite, mais 34,90 € sont "
                    "toujours prélevés chaque mois."
                ),
            },
            {
                "title": "Un abonnement de magazine que je n'ai jamais demandé me prélève chaque mois",
                "company": "l'éditeur",
                "detail": "Je vois un prélèvement de 12,50 € d'un éditeur de magazine que je n'ai jamais commandé.",
            },
            {
                "title": "Mon ancienne assurance auto a prélevé toute la prime annuelle",
                "company": "l'assureur",
                "detail": (
                    "J'ai changé d'assureur au 1er janvier, mais l'ancien a quand même prélevé la prime de toute "
                    "l'année."
                ),
            },
        ],
    },
    {
        "category": "savings",
        "language": "fr",
        "kind": "discussion",
        "tags": ["epargne", "objectifs"],
        "bodies": [
            (
                "{detail} Combien mettez-vous de côté chaque mois, et vous utilisez un compte d'épargne séparé ou "
                "les objectifs d'épargne de l'appli ?"
            ),
            (
                "{detail} Je suis curieuse de savoir comment vous faites : montant fixe, compte séparé, virement "
                "automatique ?"
            ),
        ],
        "answers": [
            ("peer", [
                (
                    "J'ai un compte d'épargne par objectif, avec un nom clair. Le jour où mon salaire arrive, un "
                    "montant fixe part automatiquement. Ce qu'on ne voit pas, on ne le dépense pas."
                ),
                "On utilise les objectifs d'épargne dans l'appli. La barre qui se remplit, ça motive vraiment 😄",
            ]),
            ("peer", ["{tip}"]),
            ("peer", [
                "Chez nous c'est environ 10 % du revenu net. Pas toujours possible, mais c'est un repère.",
                "Commence petit et augmente à chaque indexation de salaire. On ne sent presque rien.",
            ]),
            ("product", [
                (
                    "Ravis de lire ça ! Vous pouvez lier un objectif d'épargne à un virement automatique dans "
                    "l'appli, sous *Épargne > Objectifs > Épargne automatique*."
                ),
            ]),
            ("asker", [
                "Merci pour tous ces conseils ! J'ai mis en place un ordre permanent le jour de mon salaire.",
            ]),
        ],
        "fills": [
            {
                "title": "Épargner pour un voyage au Japon : combien mettez-vous de côté ?",
                "detail": "On rêve de trois semaines au Japon dans deux ans, budget autour de 8 000 € pour deux.",
                "tip": (
                    "Pour un objectif à deux ans, reste sur un compte d'épargne. Pas de placement risqué pour de "
                    "l'argent dont tu as besoin à une date précise."
                ),
            },
            {
                "title": "Épargner pour l'achat d'un appartement : comment vous organisez-vous ?",
                "detail": (
                    "J'aimerais acheter d'ici quatre ans. Il faut au moins 10 % d'apport plus les frais de notaire "
                    "et d'enregistrement."
                ),
                "tip": (
                    "N'oublie pas que les frais (droits d'enregistrement, notaire, crédit) représentent vite 10 à "
                    "15 % du prix. C'est souvent là que les gens sous-estiment."
                ),
            },
            {
                "title": "Constituer une épargne de précaution : combien de mois de dépenses ?",
                "detail": (
                    "Ma voiture m'a coûté 1 900 € de réparation le mois dernier et j'ai dû piocher dans la carte "
                    "de crédit."
                ),
                "tip": (
                    "La règle habituelle : trois à six mois de dépenses fixes. Indépendant ou revenu variable, "
                    "vise plutôt six."
                ),
            },
            {
                "title": "Mettre de côté pour les études des enfants dès la naissance ?",
                "detail": "Notre fille est née en mars. Les études supérieures coûtent cher, surtout avec un kot.",
                "tip": (
                    "Avec dix-huit ans devant toi, une partie en fonds diversifié a du sens. Sur un compte "
                    "d'épargne, l'inflation grignote le pouvoir d'achat sur une si longue période."
                ),
            },
            {
                "title": "Épargner pour une voiture électrique sans prendre de crédit",
                "detail": "Je voudrais remplacer mon diesel dans trois ans et payer comptant.",
                "tip": (
                    "Regarde aussi les prix de l'occasion. Les électriques de trois ans perdent beaucoup de "
                    "valeur, ton objectif sera peut-être plus vite atteint."
                ),
            },
            {
                "title": "Économiser pour notre mariage en deux ans",
                "detail": "On se marie dans deux ans et le budget grimpe vite : salle, traiteur, photographe…",
                "tip": (
                    "On avait ouvert un compte d'épargne commun et chacun versait le même montant. Aucune "
                    "discussion sur qui a payé quoi."
                ),
            },
        ],
    },
    {
        "category": "loans-mortgages",
        "language": "fr",
        "kind": "question",
        "tags": ["credit-hypothecaire"],
        "bodies": [
            (
                "{detail} Quelqu'un a déjà obtenu un crédit hypothécaire dans cette situation ? À quoi faut-il "
                "faire attention et quels documents supplémentaires demande-t-on ?"
            ),
            (
                "{detail} Est-ce un problème pour obtenir un crédit hypothécaire ? J'aimerais avoir des retours "
                "avant de prendre rendez-vous."
            ),
        ],
        "answers": [
            ("peer", ["{tip}"]),
            ("care", [
                (
                    "Bonjour, chaque situation est examinée individuellement. Prenez rendez-vous avec un "
                    "conseiller via l'appli (*Crédits > Prendre rendez-vous*) : il pourra vous dire à l'avance "
                    "quels documents sont nécessaires."
                ),
                (
                    "Bonjour, un conseiller peut faire une simulation lors d'un premier entretien, sans "
                    "engagement. Chargez vos documents à l'avance dans *Crédits > Ma demande* pour gagner du "
                    "temps."
                ),
            ]),
            ("asker", ["Merci, j'ai pris rendez-vous.", "Merci pour ces infos, ça me rassure."]),
        ],
        "accept": 0,
        "fills": [
            {
                "title": "Crédit hypothécaire en tant qu'indépendant depuis deux ans : quelles chances ?",
                "detail": (
                    "Je suis graphiste indépendant depuis deux ans, avec des revenus en hausse mais irréguliers."
                ),
                "tip": (
                    "On m'a demandé les avertissements-extraits de rôle des trois dernières années et un bilan de "
                    "mon comptable. Deux ans, c'est souvent le minimum."
                ),
            },
            {
                "title": "Acheter seule avec un seul revenu : combien puis-je emprunter ?",
                "detail": "Je suis célibataire, je gagne 2 700 € net et j'ai 35 000 € d'apport.",
                "tip": (
                    "Compte que la mensualité ne doit pas dépasser environ un tiers de ton revenu net. Avec ton "
                    "apport, un appartement est tout à fait réaliste."
                ),
            },
            {
                "title": "Prêt hypothécaire avec un CDD : mission impossible ?",
                "detail": (
                    "Je travaille depuis trois ans pour le même employeur, mais avec des CDD renouvelés chaque "
                    "année."
                ),
                "tip": (
                    "Chez moi ça a été accepté parce que je pouvais montrer trois renouvellements successifs. "
                    "Demande une attestation à ton employeur."
                ),
            },
            {
                "title": "Maison à rénover : comment la banque calcule le montant du prêt ?",
                "detail": "On vise une maison des années 60 à rénover entièrement : toiture, châssis, chauffage.",
                "tip": (
                    "Fais faire des devis avant d'aller à la banque, ils veulent connaître le montant total des "
                    "travaux. Et regarde les primes régionales à la rénovation, elles changent souvent."
                ),
            },
        ],
    },
    {
        "category": "cards-payments",
        "language": "fr",
        "kind": "question",
        "tags": ["carte-de-debit", "carte-perdue"],
        "bodies": [
            (
                "{detail} J'ai bloqué la carte tout de suite dans l'appli. Combien de temps pour en recevoir une "
                "nouvelle, et est-ce que je peux payer en attendant ?"
            ),
            "{detail} La carte est bloquée via l'appli. Quelles sont les prochaines étapes ?",
        ],
        "answers": [
            ("care", [
                (
                    "Bonjour, vous avez bien fait de bloquer la carte immédiatement. Commandez-en une nouvelle "
                    "dans l'appli via *Cartes > Remplacer* ; elle arrive sous 5 jours ouvrables. En attendant, "
                    "vous pouvez payer avec Apple Pay ou Google Pay : la nouvelle carte est en général disponible "
                    "tout de suite en version numérique."
                ),
            ]),
            ("peer", [
                (
                    "Chez moi, la nouvelle carte était dans Google Wallet tout de suite après la commande, la "
                    "carte physique est arrivée quatre jours plus tard."
                ),
                (
                    "Conseil : vérifie les opérations des derniers jours, au cas où il y aurait quelque chose de "
                    "suspect."
                ),
            ]),
            ("asker", ["Nouvelle carte commandée, elle est déjà dans mon portefeuille mobile. Merci !"]),
        ],
        "accept": 0,
        "fills": [
            {
                "title": "Portefeuille volé dans le métro : combien de temps pour une nouvelle carte ?",
                "detail": "On m'a volé mon portefeuille ce matin dans le métro à Bruxelles.",
            },
            {
                "title": "Carte de débit perdue pendant un concert",
                "detail": "J'ai perdu ma carte de débit samedi soir pendant un concert à Forest.",
            },
            {
                "title": "Carte oubliée dans un taxi, bloquée dans l'appli. Et maintenant ?",
                "detail": "J'ai laissé ma carte dans un taxi hier soir en rentrant de l'aéroport.",
            },
        ],
    },
    {
        "category": "cards-payments",
        "language": "en",
        "kind": "question",
        "tags": ["debit-card", "travel", "geo-blocking"],
        "bodies": [
            (
                "I'm in {place} at the moment and my debit card is declined everywhere. {detail} Any idea what I "
                "should do? I don't have much cash on me."
            ),
            (
                "Help needed! {detail} The card works perfectly at home and there's enough money in my account. Do "
                "I need to change something in the app to pay in {place}?"
            ),
        ],
        "answers": [
            ("peer", [
                (
                    "Almost certainly geo-blocking. In the app go to *Cards > Use abroad* and switch on "
                    "'{region}'. Outside Europe cards are blocked by default. It works immediately."
                ),
                (
                    "Had the same last year. You need to enable the region '{region}' in the app, then it works "
                    "right away."
                ),
            ]),
            ("care", [
                (
                    "Hi! That's right, the geo-blocking change is active immediately. If a payment is still "
                    "declined afterwards, send us a private message with the time of the declined payment and "
                    "we'll look into it. Enjoy your trip!"
                ),
                (
                    "Hi! You can also set an end date when you enable {region}, so the block switches back on "
                    "automatically after your trip. Safe travels!"
                ),
            ]),
            ("asker", [
                "That was it! Enabled the region and the payment went through instantly. Thanks!",
                "Changed the geo-blocking and everything works. Holiday saved 😄",
            ]),
            ("peer", ["Tip for next time: enable it the day before you leave and always bring a second card."]),
        ],
        "accept": 0,
        "fills": [
            {
                "title": "Card declined everywhere in Thailand",
                "place": "Thailand",
                "region": "Asia",
                "detail": "7-Eleven, restaurants, even the ATM at the airport: all declined.",
            },
            {
                "title": "Debit card not working in the United States",
                "place": "the US",
                "region": "North America",
                "detail": "Tried to pay for groceries in Boston, declined twice.",
            },
            {
                "title": "My card is refused in Morocco, both in shops and at ATMs",
                "place": "Morocco",
                "region": "Africa",
                "detail": "I tried two ATMs in Fes and a shop in the medina.",
            },
            {
                "title": "Payment declined in Australia with my Belgian debit card",
                "place": "Australia",
                "region": "Oceania",
                "detail": "Our campervan rental in Melbourne won't accept the card.",
            },
            {
                "title": "Can't withdraw cash in Kenya with my debit card",
                "place": "Kenya",
                "region": "Africa",
                "detail": "Three ATMs in Nairobi refused the card.",
            },
            {
                "title": "Card blocked on holiday in Mexico?",
                "place": "Mexico",
                "region": "Latin America",
                "detail": "Every payment in Oaxaca gets declined, even small ones.",
            },
            {
                "title": "Debit card declined at a hotel in Dubai",
                "place": "Dubai",
                "region": "Middle East",
                "detail": "The hotel reception can't charge my card for the deposit.",
            },
        ],
    },
    {
        "category": "mobile-app",
        "language": "en",
        "kind": "question",
        "tags": ["app", "update", "crash"],
        "bodies": [
            (
                "Since yesterday's update, the app crashes as soon as I open it. {detail} Restarting the phone "
                "doesn't help. Anyone else?"
            ),
            (
                "{detail} This started after the latest app update. I have a {device}, everything up to date. Is "
                "this a known issue?"
            ),
        ],
        "answers": [
            ("peer", [
                (
                    "Same here on my {device}. What helped me: clearing the app's cache (not the data), then it "
                    "started again."
                ),
                (
                    "Same problem. I uninstalled and reinstalled the app; I had to register again with itsme, but "
                    "it works now."
                ),
            ]),
            ("product", [
                (
                    "Thanks for reporting, and sorry! We found a bug that makes the app crash on some devices "
                    "running {os}. A fixed version is available in the store today."
                ),
                (
                    "Sorry about this. We know about the issue on {os} and a fix is coming in a few days. In the "
                    "meantime, web banking works as usual."
                ),
            ]),
            ("asker", [
                "Installed the new version and everything works again. Thanks for the quick fix!",
                "Today's update fixed it. Thanks!",
            ]),
            ("peer", ["Fixed for me too 👍"]),
        ],
        "accept": 1,
        "fills": [
            {
                "title": "App crashes on startup after the latest update (Pixel 8 Pro)",
                "device": "Pixel 8 Pro",
                "os": "Android 15",
                "detail": "I see the logo for a second and then it's gone.",
            },
            {
                "title": "Banking app closes immediately on my iPhone 14 since the update",
                "device": "iPhone 14",
                "os": "iOS 17",
                "detail": "White screen, then back to the home screen.",
            },
            {
                "title": "App stuck on the splash screen after updating",
                "device": "Samsung Galaxy S22",
                "os": "Android 14",
                "detail": "The loading spinner just keeps going for minutes.",
            },
            {
                "title": "New app version crashes when I open my card settings",
                "device": "iPhone 15 Pro",
                "os": "iOS 18",
                "detail": "Logging in works, but tapping on Cards closes the app.",
            },
            {
                "title": "Latest update broke the app on my Android tablet",
                "device": "Samsung Galaxy Tab S8",
                "os": "Android 14",
                "detail": "It still works on my phone, but the tablet crashes at the login screen.",
            },
            {
                "title": "App freezes when confirming a transfer since yesterday's update",
                "device": "Nothing Phone (2)",
                "os": "Android 14",
                "detail": "I fill everything in, tap 'Confirm' and the app freezes. The transfer isn't sent.",
            },
        ],
    },
    {
        "category": "mobile-app",
        "language": "en",
        "kind": "question",
        "tags": ["mobile-payments"],
        "bodies": [
            (
                "I'm trying to add my {card} to {wallet} on my {device}, but I keep getting {error}. {detail} Any "
                "ideas?"
            ),
            "{detail} When I add my {card} to {wallet} ({device}) I get {error}. What am I doing wrong?",
        ],
        "answers": [
            ("peer", [
                (
                    "Check that online payments are enabled for your card in the app. Without that, adding it to "
                    "{wallet} fails."
                ),
                (
                    "Try it from the Hearth Bank app instead: *Cards > your card > Add to {wallet}*. That usually "
                    "works when adding it from {wallet} itself fails."
                ),
            ]),
            ("care", [
                (
                    "Hi, good suggestions. If it still doesn't work, send us a private message with your device "
                    "model and we'll check that your card is activated for mobile payments."
                ),
            ]),
            ("asker", [
                "Adding it from the Hearth Bank app worked straight away. Thanks!",
                "Online payments were switched off. Turned them on and it works now. Thanks!",
            ]),
        ],
        "accept": 0,
        "fills": [
            {
                "title": "Can't add my debit card to Apple Pay on my new iPhone",
                "card": "debit card",
                "wallet": "Apple Pay",
                "device": "iPhone 16",
                "error": "'Could not add card'",
                "detail": "It worked fine on my old iPhone.",
                "tags": ["apple-pay"],
            },
            {
                "title": "Google Wallet says 'contact your bank' when adding my card",
                "card": "debit card",
                "wallet": "Google Wallet",
                "device": "Samsung Galaxy S23",
                "error": "'Contact your bank'",
                "detail": "My partner has the same phone and it worked for her.",
                "tags": ["google-pay"],
            },
            {
                "title": "Adding my credit card to my Apple Watch fails",
                "card": "credit card",
                "wallet": "Apple Pay",
                "device": "Apple Watch",
                "error": "'Invalid card'",
                "detail": "On the iPhone itself the card is there.",
                "tags": ["apple-pay", "credit-card"],
            },
            {
                "title": "Does Garmin Pay work with Hearth Bank cards?",
                "card": "debit card",
                "wallet": "Garmin Pay",
                "device": "Garmin Fenix",
                "error": "a message that the card isn't supported",
                "detail": "I'd like to pay for a coffee during long bike rides without carrying my phone.",
                "tags": ["garmin-pay"],
            },
            {
                "title": "Card stuck on 'verifying' in Google Wallet",
                "card": "debit card",
                "wallet": "Google Wallet",
                "device": "Pixel 9",
                "error": "a spinner that never stops on 'verifying'",
                "detail": "I waited over an hour.",
                "tags": ["google-pay"],
            },
        ],
    },
    {
        "category": "online-banking",
        "language": "en",
        "kind": "question",
        "tags": ["transfer", "international", "currency"],
        "bodies": [
            "{detail} What's the cheapest way to do this from the app, and how long does it take?",
            "{detail} Can I do this from the app, and what will it cost me roughly?",
        ],
        "answers": [
            ("peer", ["{tip}"]),
            ("care", [
                (
                    "Hi! In the app, choose *Transfers > International transfer* for payments in {currency}. "
                    "You'll see the exchange rate and fees before you confirm. Most international transfers arrive "
                    "within one to three business days."
                ),
                (
                    "Hi! Payments in {currency} go through *Transfers > International transfer*. The app shows the "
                    "rate and the total cost before you confirm, so you can compare."
                ),
            ]),
            ("asker", ["Thanks, that's clear. Sent it this morning.", "Great, thanks both. Done!"]),
        ],
        "accept": 0,
        "fills": [
            {
                "title": "Sending money to family in Poland: euros or złoty?",
                "currency": "złoty",
                "detail": "I send my mum some money every month. Her account in Poland is in złoty.",
                "tip": (
                    "If her bank accepts euros, sending euros via SEPA is free and her bank converts. But the "
                    "conversion on their side is sometimes worse, so compare once with a small amount."
                ),
            },
            {
                "title": "Paying a Swiss landlord in francs from my Belgian account",
                "currency": "Swiss francs",
                "detail": "I'm renting a chalet in Switzerland for a week and the owner wants 1,800 CHF.",
                "tip": (
                    "Ask whether he'd accept euros. Switzerland is in SEPA for euro payments, and that's often "
                    "cheaper for you than paying in francs."
                ),
            },
            {
                "title": "Moving my savings to a US account in dollars",
                "currency": "US dollars",
                "detail": "I'm moving to the US and want to move about €20,000 to my new American account.",
                "tip": (
                    "For that amount, compare the bank's rate with a specialised transfer service; the difference "
                    "can be a few hundred euros. And keep some money in Belgium until your last bills are paid."
                ),
            },
            {
                "title": "Paying a UK university fee in pounds sterling",
                "currency": "pounds sterling",
                "detail": (
                    "My daughter starts a master's in Edinburgh and we need to pay the first tuition instalment of "
                    "£6,000."
                ),
                "tip": (
                    "Universities often offer payment through a partner with a better rate. Check the payment "
                    "options on the invoice before you do a bank transfer."
                ),
            },
            {
                "title": "Sending money to Morocco for a family wedding",
                "currency": "dirhams",
                "detail": "My cousin is getting married in Casablanca and we want to send €1,500 as a gift.",
                "tip": (
                    "Check whether the receiving account accepts euros. If not, compare the app's international "
                    "transfer with a money transfer service; for amounts like this the app is usually fine."
                ),
            },
            {
                "title": "Paying a cabin rental in Norway in kroner",
                "currency": "Norwegian kroner",
                "detail": "We booked a cabin near Bergen and the owner asks for a transfer of 9,500 NOK.",
                "tip": (
                    "Norway is in SEPA, but payments in kroner aren't SEPA transfers. If the owner can take a card "
                    "payment instead, that's usually cheaper."
                ),
            },
        ],
    },
    {
        "category": "savings",
        "language": "en",
        "kind": "discussion",
        "tags": ["savings", "goals"],
        "bodies": [
            (
                "{detail} How much do you put aside every month, and do you use a separate savings account or the "
                "savings goals in the app?"
            ),
            "{detail} Curious how others approach this: fixed amount, separate pot, automatic transfer?",
        ],
        "answers": [
            ("peer", [
                (
                    "I have a separate savings account per goal with a clear name. On payday a fixed amount moves "
                    "automatically. What you don't see, you don't spend."
                ),
                "We use the savings goals in the app. Watching the bar fill up is surprisingly motivating 😄",
            ]),
            ("peer", ["{tip}"]),
            ("peer", [
                "We aim for about 10% of our net income. Not always possible, but it's a good guideline.",
                "Start small and increase the amount every time your salary is indexed. You barely notice it.",
            ]),
            ("product", [
                (
                    "Great thread! You can link a savings goal to an automatic transfer in the app under *Savings "
                    "> Goals > Auto-save*."
                ),
            ]),
            ("asker", ["Thanks for all the tips! I've set up a standing order on payday."]),
        ],
        "fills": [
            {
                "title": "Saving for a house deposit in Belgium: how much do you put aside?",
                "detail": (
                    "We'd like to buy in about four years. Banks here want at least 10% of the price plus all the "
                    "costs in own funds."
                ),
                "tip": (
                    "Don't forget the registration duties and notary fees. Those came to almost 12% of the price "
                    "for us, on top of the deposit."
                ),
            },
            {
                "title": "How big should an emergency fund be?",
                "detail": "My car needed a €1,700 repair last month and I had to use my credit card.",
                "tip": (
                    "The usual advice is three to six months of fixed costs. If you're self-employed or your "
                    "income varies, aim for six."
                ),
            },
            {
                "title": "Saving for a year of parental leave",
                "detail": (
                    "We're expecting our first child and I'd like to take extended parental leave, which means a "
                    "big drop in income."
                ),
                "tip": (
                    "Calculate the monthly gap between your normal income and the leave allowance, and try to live "
                    "on the lower amount already now. Whatever you don't spend goes straight into savings."
                ),
            },
            {
                "title": "Putting money aside for a sabbatical next year",
                "detail": "I want to take three months off next year to travel and study.",
                "tip": (
                    "Remember the costs that keep running at home: rent, insurance, phone, subscriptions. "
                    "Everybody forgets those."
                ),
            },
            {
                "title": "Saving for a new car instead of taking a car loan",
                "detail": "My car is 12 years old. I'd like to replace it in two years and pay in cash.",
                "tip": (
                    "For a two-year goal I'd keep it in a savings account, not in shares. You don't want to sell "
                    "right after a market drop."
                ),
            },
        ],
    },
]
