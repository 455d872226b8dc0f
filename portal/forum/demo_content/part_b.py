"""Demo debate, part B: kontanthjælp, kontaktforløb og beskæftigelsesreformen, dagpenge og
rådighed, økonomi og ydelser, digitalisering og IT, tværgående emner og partnerskabet.

Hand-written; the format is described in portal/forum/demo_content/__init__.py. The helpers
in builders.py only spare repeating dictionary keys: every thread and reply is written out.
"""

from .builders import accepted as _a
from .builders import discussion as _d
from .builders import question as _q
from .builders import reply as _r

KTH = "kontanthjaelp"
KFJ = "kontaktforloeb-og-jobformidling"
BRF = "beskaeftigelsesreformen"
LAB = "lov-om-en-aktiv-beskaeftigelsesindsats"
DAG = "dagpenge"
OEK = "oekonomi-og-ydelser"
DIG = "digitalisering-og-it"
TVA = "tvaergaaende-emner"

AKASSE_NET = "akassernes-kontaktforloebsnetvaerk"
JURIST_NET = "jurist-netvaerket"


THREADS = [
    # --- Kontanthjælp ----------------------------------------------------------------------------
    _q(
        KTH,
        "Tæller timer fra et vikarbureau med i 225-timersreglen?",
        "sagsbehandler@",
        160,
        "En jobparat borger hos os har arbejdet gennem et vikarbureau i flere korte perioder – "
        "nogle uger med 6 timer, andre med 25. Lønsedlerne er udstedt af bureauet, ikke af de "
        "virksomheder, hun har været udsendt til.\n\n"
        "Tæller de timer fuldt ud i 225-timersreglen, eller skal vi se på hver udsendelse for "
        'sig? Ydelsesservice har spurgt, om vi har "godkendt" timerne, og jeg er ikke sikker '
        "på, hvad de mener.",
        _a(
            "jobcenter",
            "Ja, vikartimer er ordinært og ustøttet arbejde efter LAS § 13 f, så længe der er "
            "tale om almindelig løn efter opgjorte timer. Det er ligegyldigt, om "
            "arbejdsgiveren er bureauet eller virksomheden – det afgørende er, at der er "
            "udbetalt løn for timerne.\n\n"
            "Det, YDS spørger om, er nok bare, om timerne står i indkomstregisteret. Hvis de "
            "gør, sker registreringen automatisk. Hvis nogle af lønsedlerne er fra den seneste "
            "måned og ikke er indberettet endnu, så bed borgeren sende dem, og skriv et "
            "journalnotat i Fasit om, at de er modtaget.",
        ),
        _r(
            "op",
            "Tak, det var præcis det. Den sidste måned manglede i eIndkomst – jeg har bedt "
            "hende om lønsedlerne.",
        ),
        _r(
            "union",
            "Vær opmærksom på, at timerne skal ligge inden for de seneste 12 kalendermåneder – "
            'ikke "de seneste 12 måneder fra i dag". Vi har set et par sager, hvor man har '
            "talt forkert ved månedsskifte.",
        ),
    ),
    _q(
        KTH,
        "Samlevende eller bare bofæller? Vurdering af gensidig forsørgelsespligt",
        "jobcenter",
        61,
        "Vi har en ansøger, som oplyser, at hun deler lejlighed med en ven. De har hver sit "
        "værelse og deler køkken. Der er ingen fælles børn, og de er ikke gift. Hun siger, de "
        "ikke er kærester.\n\n"
        "Hvad lægger I vægt på, når I vurderer, om der er tale om samlevende i forhold til den "
        "gensidige forsørgelsespligt? Kan vi bede om at se lejekontrakten?",
        _r(
            "jobcenter:2",
            "Vi bruger de kriterier, der står i vejledningen til LAS § 2 og reglerne om "
            "samlevende: fælles bopæl er kun ét element. Vi ser på, om de har fælles økonomi "
            "(fælles konto, deler regninger ud over husleje), om de fremstår som par over for "
            "omverdenen, og om de har levet sammen i længere tid.\n\n"
            "Lejekontrakten må du gerne bede om – den er relevant for at oplyse sagen. Men to "
            "navne på kontrakten gør dem ikke til samlevende.",
        ),
        _a(
            "jurist",
            "Supplement: Det er kommunen, der skal oplyse sagen tilstrækkeligt "
            "(officialprincippet), og borgerens egne oplysninger er et vigtigt bevis. Hvis I "
            "ender med at vurdere, at de er samlevende, så husk partshøring efter "
            "forvaltningslovens § 19 over de oplysninger, der taler imod hende, før "
            "afgørelsen.\n\n"
            'Og skriv i begrundelsen, hvilke konkrete forhold I har lagt vægt på. "Samme '
            'adresse" alene holder ikke i Ankestyrelsen.',
        ),
        _r(
            "op",
            "Godt med det om begrundelsen. Vi har haft en sag hjemvist på præcis det punkt.",
        ),
    ),
    _d(
        KTH,
        "Sanktionsreglerne rammer skævt – erfaringer fra rådgivningen",
        "union",
        120,
        "Vi sidder i rådgivningen med en del medlemmer, der er faldet ud af dagpengesystemet "
        "og nu er på kontanthjælp. Flere af dem har fået fradrag for udeblivelse fra samtaler, "
        "hvor indkaldelsen kun er sendt til Digital Post, og hvor de ikke har været vant til "
        "at tjekke den, fordi a-kassen kommunikerede via deres egen app.\n\n"
        "Jeg ved godt, at Digital Post er den officielle kanal. Men oplever I i jobcentret det "
        "samme – at overgangen fra a-kasse til kommune giver en bølge af udeblivelser i de "
        "første måneder?",
        _r(
            "jobcenter",
            "Ja, det kan jeg godt genkende. Vi har i mit team aftalt, at vi ringer til "
            "borgeren første gang, vedkommende udebliver i de første tre måneder efter "
            "ydelsesskiftet, før vi går videre med sanktionen. Det er ikke et krav, men det "
            "sparer os for mange klager.",
        ),
        _r(
            "jobcenter:2",
            "Husk også, at der skal være vejledt om konsekvenserne. Hvis vejledningen om "
            "rådighed og sanktioner ikke er givet – og dokumenteret – så kan vi ikke "
            "sanktionere. Det gælder især i overgangen, hvor borgeren ofte får en bunke breve "
            "på én gang.",
        ),
        _r(
            "union",
            "Det er godt at høre. Vi har en del sager, hvor vejledningen kun står i et "
            "standardbrev. Det er nok værd at tage op i partnerskabet, så a-kassen også siger "
            "noget om det ved den sidste samtale.",
        ),
        _r(
            "koordinator",
            "Jeg tager det med til næste koordinationsmøde. Det giver god mening at lave en "
            "fælles tjekliste for overgangen.",
        ),
    ),
    _q(
        KTH,
        "Aktivitetsparat – kan vi alligevel stille krav om jobsøgning?",
        "jobcenter",
        165,
        "Jeg har en aktivitetsparat borger, der selv gerne vil søge nogle få småjobs for at "
        "opfylde 225-timersreglen. Må vi skrive jobsøgning ind i Min Plan som et krav, eller "
        "skal det være frivilligt, når hun er aktivitetsparat?",
        _a(
            "jobcenter:2",
            "Du kan sagtens skrive det ind som en aftale, men den bliver ikke sanktionerbar på "
            "samme måde som for en jobparat. For aktivitetsparate handler rådighedskravene om "
            "at deltage i tilbud og samtaler – ikke om et bestemt antal ansøgninger.\n\n"
            "Skriv det som en aftale om, at I sammen kigger efter småjobs, og noter i Fasit, "
            "at det er hendes eget ønske. Så er det klart, hvis sagen bliver revurderet.",
        ),
        _r(
            "op",
            "Tak. Det giver god mening at lade det være hendes eget mål.",
        ),
    ),
    _q(
        KTH,
        "Skærpet rådighedssanktion efter LAS § 40 a – gælder det stadig for jobparate?",
        "sagsbehandler@",
        2,
        "Jeg er ved at gøre en sag klar, hvor en jobparat borger gentagne gange er udeblevet "
        "fra tilbud og samtaler. Jeg har læst, at den skærpede rådighedssanktion er afskaffet "
        "for aktivitetsparate. Gælder LAS § 40 a stadig for jobparate, og hvilke krav er der "
        "til, at de tidligere udeblivelser kan tælle med?",
        _r(
            "jobcenter",
            "Jeg har selv en lignende sag liggende, så jeg følger med her.",
        ),
        hotline=True,
    ),
    _q(
        KTH,
        "Fradrag i kontanthjælpen ved udeblivelse fra samtale – hvor mange dage?",
        "jobcenter",
        88,
        "En borger udeblev fra en jobsamtale mandag og mødte først op torsdag, hvor han kom "
        "uanmeldt. Skal fradraget beregnes for mandag til og med onsdag, eller fra mandag til "
        "han tog kontakt?",
        _a(
            "jobcenter:2",
            "Fradraget efter LAS § 36 sker for de dage, hvor han ikke har stået til rådighed – "
            "dvs. fra den dag, han udeblev, og indtil han igen tog kontakt til jobcentret. Så "
            "hvis han ringede eller skrev onsdag, er det til og med tirsdag. Hvis den første "
            "kontakt var fremmødet torsdag, er det mandag til og med onsdag.\n\n"
            "Tjek Fasit-historikken og Digital Post for, om der er kommet en henvendelse, du "
            "ikke har set – det er tit dér, sagerne knækker.",
        ),
        _r(
            "op",
            "Der lå faktisk en besked i den digitale postkasse fra tirsdag. Godt jeg spurgte.",
        ),
    ),
    _d(
        KTH,
        "Gode formuleringer i partshøringen ved 225-timersreglen",
        "jobcenter",
        145,
        "Deler lige, hvad vi er begyndt at gøre i mit team: Når en borger nærmer sig "
        "tidspunktet, hvor 225-timersreglen får betydning, sender vi ikke bare "
        "standardvarslingen fra KMD. Vi skriver to-tre linjer oveni om, hvad der tæller "
        "(ordinære løntimer), og hvad der ikke tæller (praktik og løntilskud).\n\n"
        "Det har givet færre misforståelser og færre klager. Har andre nogle formuleringer, de "
        "er glade for?",
        _r(
            "jobcenter:2",
            "Vi skriver også, at timerne skal ligge efter en eventuel nedsættelse, hvis man "
            "har været ramt før. Det er den, folk oftest misforstår.",
        ),
        _r(
            "union",
            "Fra fagforeningens side: skriv gerne, at selvstændig virksomhed kan tælle med "
            "under visse betingelser. Vi har medlemmer, der kører lidt freelance, og som ikke "
            "ved det.",
        ),
        _r(
            "editor",
            "Tak for input. Jeg samler formuleringerne i vejledningen om 225-timersreglen, når "
            "den skal opdateres.",
        ),
    ),
    _q(
        KTH,
        "Medlem overgår fra dagpenge til kontanthjælp – hvornår skal han søge?",
        "akasse",
        40,
        "Vi har et medlem, hvis dagpengeret udløber om tre uger. Han har en ægtefælle med "
        "indtægt, så han er usikker på, om han overhovedet kan få kontanthjælp. Hvornår skal "
        "han søge, og kan vi i a-kassen hjælpe med noget konkret i overgangen?",
        _a(
            "jobcenter",
            "Han skal søge hos kommunen så tidligt som muligt, helst inden dagpengene stopper "
            "– ansøgningen sker digitalt via borger.dk, og han skal også melde sig ledig i "
            "Jobnet, hvis han ikke allerede er tilmeldt.\n\n"
            "Med en ægtefælle med indtægt er der gensidig forsørgelsespligt, så kontanthjælpen "
            "kan blive reduceret eller bortfalde helt. Men han skal stadig søge – både for at "
            "få en afgørelse og fordi han kan have ret til den beskæftigelsesrettede indsats.\n\n"
            "Det bedste, I kan gøre: fortæl ham klart, at han skal søge selv, og at han skal "
            "have sine og ægtefællens indtægtsoplysninger klar.",
        ),
        _r(
            "akasse:2",
            'Vi har god erfaring med at give medlemmet et kort skriv med "det skal du gøre '
            'nu", når der er fire uger tilbage. Det har reduceret antallet, der står uden '
            "ydelse i en periode.",
        ),
        _r(
            "op",
            "Tak begge to – vi laver et tilsvarende skriv.",
        ),
    ),
    _q(
        KTH,
        "Borger vil ikke oplyse samlevers indkomst",
        "jobcenter",
        5,
        "Hvad gør I, når en ansøger nægter at oplyse samleverens indkomst og formue? Borgeren "
        'siger, at det ikke "kommer os ved", og samleveren vil ikke give samtykke.',
        _a(
            "jurist@",
            "Ansøgeren har pligt til at medvirke til at oplyse sagen, når oplysningerne har "
            "betydning for retten til hjælp (RSL § 11). Hvis der er gensidig "
            "forsørgelsespligt, er samleverens indtægt og formue netop sådan en oplysning.\n\n"
            "Gør det i tre trin:\n"
            "1. Forklar borgeren skriftligt, hvilke oplysninger I skal bruge, og hvorfor.\n"
            "2. Giv en rimelig frist, og vejled om, at sagen ellers afgøres på det "
            "foreliggende grundlag.\n"
            "3. Medvirker borgeren stadig ikke, kan I træffe afgørelse ud fra de oplysninger, "
            "I har – hvilket typisk betyder afslag, fordi I ikke kan konstatere, at "
            "betingelserne er opfyldt.\n\n"
            "Samleveren er ikke part i sagen og kan ikke pålægges noget. Men en del "
            "oplysninger kan I hente i registrene (fx eIndkomst) uden samtykke, når der er "
            "hjemmel til det. Undersøg det, før I giver afslag.",
        ),
        _r(
            "op",
            "Tak, det er en meget brugbar trappe. Vi havde ikke tænkt på registeropslaget.",
        ),
        addressed_to="jurist@",
    ),
    _d(
        KTH,
        "Jobparat eller aktivitetsparat – hvornår revurderer I?",
        "sagsbehandler@",
        210,
        "Jeg oplever, at visitationen til aktivitetsparat ofte bliver liggende i lang tid, "
        "selvom borgerens situation har ændret sig. Hvor tit revurderer I, og hvad får jer til "
        "at gøre det?",
        _r(
            "jobcenter",
            "Vi revurderer altid ved samtalerne, men reelt sker det mest, når der kommer nye "
            "oplysninger – en lægeattest, en afsluttet behandling eller en praktik, der er "
            "gået godt.",
        ),
        _r(
            "jobcenter:2",
            'Vi har fået et fast punkt i samtaleskabelonen: "Er visitationen stadig rigtig?" '
            "Det lyder banalt, men det har fået os til at rykke flere til jobparat.",
        ),
        _r(
            "union",
            "Husk, at det har betydning for borgerens rettigheder og pligter, så en ny "
            "visitation er en afgørelse, der skal begrundes og kan påklages. Vores medlemmer "
            "bliver tit overraskede.",
        ),
        _r(
            "op",
            "Godt punkt. Vi sender altid et brev, men jeg tror ikke altid, at "
            "klagevejledningen bliver læst.",
        ),
    ),
    _q(
        KTH,
        "Ferie for kontanthjælpsmodtagere – hvor meget og hvordan?",
        "jobcenter",
        150,
        "Hvor meget ferie kan en jobparat kontanthjælpsmodtager holde, og hvordan skal det "
        "registreres? Borgeren vil gerne rejse tre uger til sin familie.",
        _a(
            "jobcenter:2",
            "En kontanthjælpsmodtager kan optjene ret til ferie, når vedkommende har modtaget "
            "hjælp i 12 måneder. Ferien skal aftales med jobcentret på forhånd, og den "
            "registreres i Fasit, så der ikke bliver lagt samtaler eller tilbud i perioden. "
            "Der kan højst holdes det antal uger, vedkommende har optjent – typisk fem uger om "
            "året.\n\n"
            "Tre uger er altså fint, hvis hun har været på kontanthjælp i mindst et år. Har "
            "hun ikke det, skal hun vide, at hjælpen stopper i de dage, hun er væk.",
        ),
        _r(
            "op",
            "Hun har været på kontanthjælp i halvandet år. Tak!",
        ),
    ),
    _q(
        KTH,
        "Kan vi som fagforening deltage i samtaler om sanktioner?",
        "union",
        73,
        "Et medlem har bedt mig om at deltage som bisidder til en samtale, hvor der skal tales "
        "om en mulig sanktion. Kan jobcentret afvise det?",
        _a(
            "jobcenter",
            "Nej, borgeren har ret til at have en bisidder med til samtaler, jf. "
            "forvaltningslovens § 8. Vi kan kun undtagelsesvis afvise det, hvis væsentlige "
            "hensyn taler imod – og det sker i praksis næsten aldrig. Ring gerne til "
            "sagsbehandleren i forvejen, så I kan finde et tidspunkt, der passer.",
        ),
        _r(
            "union:2",
            "Og husk at bede om aktindsigt i sagen før samtalen, hvis medlemmet giver lov. Så "
            "har du set indkaldelser og vejledningen om sanktioner.",
        ),
    ),
    _d(
        KTH,
        "Erfaringer med småjobs til borgere, der er ramt af 225-timersreglen",
        "jobcenter",
        260,
        "Vi har i et halvt år haft en lille indsats, hvor virksomhedskonsulenterne leder efter "
        "små stillinger på 5-10 timer om ugen. Det har været svært, men de borgere, der er "
        "kommet ud, er blevet – og nogle har fået flere timer.\n\n"
        "Hvem andre arbejder med det? Hvilke brancher har I haft held med?",
        _r(
            "jobcenter:2",
            "Rengøring og lager i weekender. Og kantiner, der mangler folk til opvask i "
            "spidsbelastning.",
        ),
        _r(
            "akasse",
            "Vi ser i a-kassen, at mange medlemmer ikke ved, at små stillinger også findes i "
            "fx Jobnet. Det kunne være en idé at lave en fælles jobliste med småjobs.",
        ),
        _r(
            "koordinator",
            "Den idé tager vi gerne op. Lad os tale om det på næste temamøde.",
        ),
    ),
    _q(
        KTH,
        "Hvordan fungerer LAS § 68 a i forhold til ressourceforløbsydelse?",
        "sagsbehandler@",
        96,
        "Jeg har en borger på kontanthjælp, som er indstillet til ressourceforløb. Hun er "
        "gift, og ægtefællen har en indtægt, der betyder, at hun kun får en meget lav "
        "kontanthjælp. Får hun ressourceforløbsydelse på samme niveau, eller gælder der andre "
        "regler? Jeg har set LAS § 68 a nævnt, men er usikker på, hvad der står.",
        _a(
            "jurist",
            "Reglerne om ressourceforløbsydelse står i LAS kapitel 6 a, og § 68 a er en af de "
            "bestemmelser, der fastlægger, hvordan ydelsen beregnes. Det korte svar er: "
            "Ydelsen beregnes ikke nødvendigvis som hendes nuværende kontanthjælp – reglerne "
            "om ægtefællens indtægt er ikke de samme, og for personer, der kommer fra "
            "sygedagpenge eller et jobafklaringsforløb, gælder der igen andre regler. Bed YDS "
            "om en prøveberegning, før du siger et beløb til hende.\n\n"
            "Vær opmærksom på, at reformen af beskæftigelsesindsatsen fra december 2025 "
            "afskaffer ressourceforløb. Der gælder overgangsregler for forløb, der allerede er "
            "i gang, så tjek datoen for indstillingen og se overgangsbestemmelserne, før du "
            "lover hende noget.",
        ),
        _r(
            "op",
            "Tak for det med reformen – det havde jeg ikke tænkt på i forhold til overgangen.",
        ),
    ),
    _q(
        KTH,
        "Udbetaling af kontanthjælp ved flytning til København midt i måneden",
        "jobcenter",
        22,
        "Borger flytter fra Frederiksberg til København den 15. Hvem betaler for hvilke dage, "
        "og skal der søges på ny?",
        _a(
            "jobcenter:2",
            "Fraflytningskommunen betaler til og med den dag, borgeren flytter. "
            "Tilflytningskommunen overtager fra flyttedagen og træffer en ny afgørelse – men "
            "vi skal ikke bede om en helt ny ansøgning, hvis oplysningerne kan overføres fra "
            "den gamle kommune efter reglerne i retssikkerhedsloven. Bed om sagsakterne, og "
            "tjek CPR-flytningen i Fasit (uden at skrive nummeret i noter eller i mails, tak).",
        ),
        _r(
            "op",
            "Perfekt, tak. Jeg kontakter Frederiksberg i dag.",
        ),
    ),
    _q(
        KTH,
        "Kan ægtefællens feriepenge påvirke kontanthjælpen?",
        "union",
        8,
        "Medlemmets ægtefælle har fået udbetalt feriepenge ved jobskifte. Kommunen har trukket "
        "dem i kontanthjælpen. Er det korrekt?",
    ),
    _d(
        KTH,
        "Borgere på kontanthjælp med misbrug – hvor går grænsen for sanktion?",
        "jobcenter",
        330,
        "Vi har en del borgere, hvor udeblivelserne hænger sammen med misbrug. Jeg er i tvivl "
        'om, hvornår vi skal se misbruget som en "rimelig grund". Hvordan tænker I om det?',
        _r(
            "jobcenter:2",
            "Udgangspunktet er, at misbrug i sig selv ikke er en rimelig grund efter LAS § 13. "
            "Men hvis borgeren er i behandling, og udeblivelsen hænger sammen med "
            "behandlingen, er det en anden sag. Det vigtigste er, at vurderingen er konkret og "
            "står i journalen.",
        ),
        _r(
            "union",
            "Og det kan være værd at overveje, om borgeren er visiteret rigtigt. En borger med "
            "et aktivt misbrug er ofte ikke jobparat.",
            quote=0,
        ),
        _r(
            "jobcenter",
            "Enig. Og så tal med misbrugsbehandlingen – med samtykke. Det gør en kæmpe forskel "
            "for planen.",
        ),
    ),
    _q(
        KTH,
        "Skal varsling efter 225-timersreglen sendes igen ved ny ansøgning?",
        "jobcenter",
        175,
        "Hvis en borger har været i job i fire måneder og derefter søger kontanthjælp igen, "
        "skal varslingen om 225-timersreglen så sendes på ny?",
        _a(
            "jobcenter:2",
            "Ja. Varslingsbekendtgørelsen til LAS § 13 f kræver, at borgeren vejledes, når "
            "hjælpen bevilges. Det står som standardtekst i bevillingsbrevet fra KMD, men "
            "tjek, at det faktisk er kommet med – vi har set tilfælde, hvor brevet blev sendt "
            "uden den del.",
        ),
        _r(
            "op",
            "Tak – det var med. Jeg tjekkede lige i Fasit.",
        ),
    ),
    # --- Kontaktforløb, beskæftigelsesreformen og LAB --------------------------------------------
    _q(
        KFJ,
        "Overgangen fra a-kassens kontaktforløb til jobcentret efter tre måneder – hvem indkalder?",
        "akasse@",
        27,
        "Når vores medlemmer har været ledige i tre måneder, overgår kontaktforløbet til "
        "jobcentret. Vi oplever, at nogle medlemmer går flere uger uden at høre fra nogen. "
        "Hvem har ansvaret for, at den første jobsamtale i jobcentret bliver booket til tiden "
        "– er det selvbooking, eller indkalder I?",
        _a(
            "jobcenter",
            "Det er vores ansvar, at samtalen bliver holdt rettidigt, når kontaktforløbet er "
            "overgået. For de fleste forsikrede ledige sker det via selvbooking i Jobnet, og "
            "medlemmet får en opgave med en frist. Hvis medlemmet ikke booker inden fristen, "
            "afmeldes vedkommende – og det er dér, vi ser hullerne.\n\n"
            "Et godt råd: Sig ved jeres sidste samtale, at der kommer en bookingopgave i "
            "Jobnet, og at den skal klares hurtigt. Det er det enkeltstående, der har virket "
            "bedst hos os.",
        ),
        _r(
            "akasse:2",
            "Vi har lagt det ind som fast punkt i vores samtaleguide til den sidste samtale. "
            "Og vi skriver det også i referatet, som medlemmet kan se.",
        ),
        _r(
            "op",
            "God idé med referatet. Tak.",
        ),
    ),
    _d(
        KFJ,
        "Fælles samtaler med a-kassen – giver de stadig mening?",
        "jobcenter",
        190,
        "Efter forenklingen af kontaktforløbet holder vi langt færre fælles samtaler med "
        "a-kasserne end før. Jeg synes personligt, vi har mistet noget: Det var ofte i den "
        "fælles samtale, at vi fik afstemt forventningerne om jobsøgning og rådighed.\n\n"
        "Hvordan gør I nu? Holder I fælles samtaler efter behov, eller er de gået helt i "
        "glemmebogen?",
        _r(
            "akasse",
            "Vi beder om en fælles samtale, når vi kan se, at et medlem er ved at køre fast – "
            "fx hvis jobloggen er tynd, eller hvis vedkommende søger meget snævert. Det virker "
            "godt, når det er målrettet.",
        ),
        _r(
            "jobcenter:2",
            "Vi har aftalt med to af partnerskabets a-kasser, at vi holder fælles samtaler for "
            "medlemmer over 55. Det fungerer rigtig godt, fordi a-kassen kan svare på "
            "seniorjob og efterløn på stedet.",
        ),
        _r(
            "union",
            "Set fra fagforeningen: medlemmerne er glade for de fælles samtaler, når de er "
            "velforberedte. Det værste er, når de føler, at de skal fortælle det hele to "
            "gange.",
            quote=1,
        ),
        _r(
            "koordinator",
            'Vi tager "fælles samtaler efter behov" op på næste partnerskabsmøde. Skriv '
            "gerne, hvilke målgrupper I synes, det giver mest mening for.",
        ),
    ),
    _q(
        KFJ,
        "Medlem har ikke lagt CV i Jobnet – hvad er fristen?",
        "sagsbehandler@",
        9,
        "Jeg har en ny dagpengemodtager, der har været tilmeldt i snart fire uger, men CV'et "
        "er stadig ikke synligt i Jobnet. Hvad er fristen nu, og hvem følger op – a-kassen "
        "eller jobcentret?",
        _a(
            "akasse",
            "CV'et skal være lagt ind og gjort søgbart i Jobnet inden for de første uger af "
            "ledigheden – fristen fremgår af opgaven, som medlemmet har fået i Jobnet. I de "
            "første tre måneder er det os i a-kassen, der følger op, fordi vi har "
            "kontaktforløbet. Hvis fristen er overskredet, er det et rådighedsspørgsmål, som "
            "vi behandler.\n\n"
            "Send os gerne en besked gennem portalen (uden CPR-nummer – brug medlemsnummer "
            "eller navn og fødselsår), så tager vi fat i det.",
        ),
        _r(
            "op",
            "Perfekt. Jeg sender en besked med medlemsnummeret.",
        ),
    ),
    _q(
        KFJ,
        "Min Plan: Skal aftaler gentages i aftalefeltet i Fasit?",
        "jobcenter",
        55,
        "I den gamle arbejdsgangsbeskrivelse står der, at sanktionerbare aftaler både skal "
        "skrives i aftalefeltet i Fasit og i Min Plan. Gælder det stadig, eller er det nok, at "
        "de står i Min Plan?",
        _a(
            "jobcenter:2",
            "Det afhænger af målgruppen. For de grupper, der har pligt til at bruge Jobnet, er "
            "det Min Plan, der er den gældende plan, og aftalerne dér er dem, borgeren "
            "kvitterer for. For grupper uden pligt til Jobnet skal aftalen stadig kunne "
            "dokumenteres over for borgeren på anden vis – derfor dobbeltregistreringen.\n\n"
            "Min praktiske regel: Skriv altid den sanktionerbare aftale ordret i Min Plan, og "
            "henvis til den i journalnotatet. Så er der kun én tekst.",
        ),
        _r(
            "op",
            "Tak, det er en god tommelfingerregel.",
        ),
        _r(
            "editor",
            "Arbejdsgangsbeskrivelsen er på listen over dokumenter, der skal gennemgås. Tak "
            "for påmindelsen.",
        ),
    ),
    _d(
        BRF,
        "Reformen af beskæftigelsesindsatsen: Hvad ved vi, og hvad mangler vi svar på?",
        "redaktoer@",
        25,
        "Med loven fra december 2025 om reform af beskæftigelsesindsatsen (mere fleksible "
        "kontaktforløb og tilbud, afskaffelse af kravet om jobcentre m.v.) er der mange "
        "spørgsmål om, hvad der ændrer sig i praksis for samarbejdet mellem kommunen og "
        "a-kasserne.\n\n"
        "Brug denne tråd til at samle spørgsmål, og skriv gerne, hvad I har fået at vide i "
        "jeres egne organisationer. Vi opdaterer vejledningerne løbende, og juristerne svarer "
        "på de spørgsmål, der kræver en fortolkning.\n\n"
        "**Husk:** Henvis til konkrete bestemmelser, når I kan, og skriv aldrig oplysninger om "
        "konkrete borgere i denne tråd.",
        _r(
            "jobcenter",
            'Det, vi mest er i tvivl om, er, om betegnelsen "jobcenter" forsvinder fra breve '
            'og afgørelser. Lovteksten skifter "jobcenteret" ud med "kommunen" mange '
            "steder.",
        ),
        _r(
            "jurist",
            'Det er rigtigt, at lovteksten flere steder ændrer "jobcenteret" til '
            '"kommunen". Det betyder, at kommunen selv bestemmer, hvordan indsatsen '
            "organiseres. Det ændrer ikke i sig selv på borgerens rettigheder, men "
            "brevskabeloner, der henviser til bestemte paragraffer, skal gennemgås.",
        ),
        _r(
            "akasse",
            "For a-kasserne er det vigtigste, at snitfladerne for kontaktforløbet bliver "
            "beskrevet. Vi har brug for at vide, hvem der gør hvad efter de første tre "
            "måneder.",
        ),
        _r(
            "koordinator@",
            "Det tager vi op i partnerskabet. Vi melder tilbage her, når der er noget konkret. "
            "{@jurist@}, vil du kigge på de brevskabeloner, der henviser til de ændrede "
            "bestemmelser?",
        ),
        pinned=True,
    ),
    _q(
        KFJ,
        "Jobsamtale over telefon – skal borgeren selv bede om det?",
        "jobcenter",
        14,
        "Kan vi selv beslutte, at en jobsamtale holdes telefonisk, eller skal borgeren bede om "
        "det? Jeg har en borger, der bor langt fra jobcentret og har småbørn.",
        _a(
            "jobcenter:2",
            "Mulighederne for samtaler over telefon og video er blevet udvidet, så mange "
            "samtaler kan holdes digitalt, når det er hensigtsmæssigt. Men vi skal tage "
            "stilling i den konkrete sag og kunne begrunde det – og den første samtale bør som "
            "udgangspunkt være et fysisk møde, hvis der er tvivl om borgerens situation.\n\n"
            "I din sag lyder det oplagt at tilbyde telefon eller video. Notér i Fasit, at det "
            "er aftalt med borgeren.",
        ),
        _r(
            "op",
            "Tak. Jeg foreslår video næste gang.",
        ),
    ),
    _q(
        LAB,
        "Ret og pligt til tilbud – hvornår for dagpengemodtagere?",
        "union",
        67,
        'Et medlem spørger, hvornår hun får "ret og pligt" til tilbud. Hun har været ledig i '
        "fem måneder og har ikke hørt noget. Hvad skal jeg svare?",
        _a(
            "jobcenter",
            "Reglerne om ret og pligt til tilbud står i LAB's afsnit om ret og pligt. Efter "
            "forenklingen er der mere fleksibilitet i, hvornår tilbuddet gives, og det aftales "
            "i kontaktforløbet. Jeg vil anbefale, at hun tager det op ved næste jobsamtale og "
            "beder om, at det bliver skrevet ind i Min Plan, hvis hun ønsker et tilbud – fx "
            "opkvalificering eller virksomhedspraktik.\n\n"
            "Hun kan også selv pege på et kursus, der står på positivlisten. Det er tit det, "
            "der får noget til at ske.",
        ),
        _r(
            "union",
            "Tak – jeg sender hende videre med den besked.",
        ),
    ),
    _d(
        KFJ,
        "Samtaleguide til de første tre måneder – deler vi?",
        "akasse",
        300,
        "Vi har lavet en samtaleguide til vores kontaktforløb i de første tre måneder: første "
        "samtale, opfølgning efter seks uger og sidste samtale før overgangen til jobcentret. "
        "Den er ikke perfekt, men den har hjulpet nye medarbejdere meget.\n\n"
        "Er der interesse for, at vi deler den her i netværket? Og har andre noget lignende, "
        "vi kan lære af?",
        _r(
            "akasse:2",
            "Ja tak! Vi har kun en tjekliste, og den er blevet for lang.",
        ),
        _r(
            "akasse:3",
            "Vi har en guide, men vi har aldrig fået skrevet den sidste samtale ordentligt "
            "ind. Hvis I deler, kommer jeres version nok til at erstatte vores.",
        ),
        _r(
            "op",
            "Jeg lægger den op i næste uge, når den er blevet anonymiseret og har fået et "
            "sidste kig.",
        ),
        _r(
            "akasse@",
            "Fint. Husk at fjerne alle eksempler med konkrete medlemmer, også selvom de er "
            '"ufarlige".',
        ),
        network=AKASSE_NET,
    ),
    _q(
        KFJ,
        "Hvordan dokumenterer I rådighedsvurderingen efter den første samtale?",
        "akasse",
        16,
        "Hvor meget skriver I i journalen efter første samtale? Vi har diskuteret internt, om "
        'det er nok at skrive "rådighed vurderet – ingen bemærkninger", eller om vi skal '
        "skrive, hvad vurderingen bygger på.",
        _a(
            "akasse@",
            "Vi skriver altid kort, hvad vurderingen bygger på: CV synligt, joblog påbegyndt, "
            "søger bredt nok (og hvilke jobtyper), ingen forhindringer. Det er tre-fire "
            "linjer. Hvis der senere kommer en rådighedssag, er det uvurderligt, og Styrelsen "
            "for Arbejdsmarked og Rekruttering kigger på det ved tilsyn.",
        ),
        _r(
            "akasse:2",
            'Enig. "Ingen bemærkninger" har vi fået kritik for ved en stikprøvekontrol.',
        ),
        _r(
            "op",
            "Tak – vi laver en kort skabelon med de punkter.",
        ),
        network=AKASSE_NET,
    ),
    _q(
        KFJ,
        "Kan en jobsamtale erstattes af et gruppemøde?",
        "jobcenter",
        3,
        "Vi overvejer at holde gruppemøder for nyledige inden for samme branche. Kan det "
        "erstatte den individuelle jobsamtale, eller skal der stadig være en individuel "
        "samtale bagefter?",
    ),
    _d(
        KFJ,
        'Medlemmer, der føler sig "kørt rundt" mellem a-kasse og jobcenter',
        "union",
        240,
        "Jeg hører fra mange medlemmer, at de ikke ved, hvem de skal spørge om hvad. De får "
        "breve fra både a-kassen og jobcentret og kan ikke se forskel. Har vi en enkel "
        "forklaring, vi alle kan bruge?",
        _r(
            "akasse",
            'Vi siger: "A-kassen er dine penge og din rådighed. Jobcentret er din plan og '
            'dine tilbud." Det er forenklet, men de fleste forstår det.',
        ),
        _r(
            "jobcenter",
            "Det er en god sætning. Vi kunne tilføje, at de i de første tre måneder kun skal "
            "forholde sig til a-kassen, når det gælder samtalerne.",
            quote=0,
        ),
        _r(
            "editor",
            "Jeg laver et lille faktaark med den formulering, som I alle kan sende til borgere "
            "og medlemmer.",
        ),
        _r(
            "union",
            "Super. Gerne et, der kan sendes som pdf og printes.",
        ),
    ),
    _q(
        KFJ,
        "Borger vil skifte a-kasse under kontaktforløbet – hvad sker der?",
        "sagsbehandler@",
        44,
        "Jeg har en borger, der overvejer at skifte a-kasse midt i ledigheden. Påvirker det "
        "kontaktforløbet, og skal jeg gøre noget i Fasit?",
        _a(
            "akasse",
            "Kontaktforløbet fortsætter, men samtalerne i a-kassen flytter til den nye "
            "a-kasse, når overflytningen er godkendt. Du skal ikke gøre noget i Fasit – "
            "a-kasseskiftet kommer automatisk via de fælles data. Men hvis borgeren er i de "
            "første tre måneder, kan der blive en kort periode, hvor samtalerne skal "
            "planlægges på ny. Sig til borgeren, at hun skal holde øje med Jobnet.",
        ),
        _r(
            "op",
            "Godt at vide, at det kommer automatisk. Tak.",
        ),
    ),
    _q(
        LAB,
        "Virksomhedspraktik for dagpengemodtager – hvor længe?",
        "jobcenter",
        130,
        "Hvor længe kan en dagpengemodtager være i virksomhedspraktik, og skal praktikken "
        "forlænges med en ny afgørelse?",
        _a(
            "jobcenter:2",
            "Virksomhedspraktik for dagpengemodtagere kan som udgangspunkt vare op til fire "
            "uger. Der er mulighed for længere forløb i særlige tilfælde, fx hvis personen "
            "ikke har erhvervserfaring eller har særlige behov. Forlængelse kræver en ny "
            "vurdering, og det skal fremgå af Min Plan.\n\n"
            "Husk også at tjekke rimelighedskravet (merbeskæftigelseskravet) på virksomheden, "
            "og lav blanketten i VITAS.",
        ),
        _r(
            "op",
            "Tak, og tak for påmindelsen om VITAS.",
        ),
    ),
    _q(
        BRF,
        "Skal vi stadig holde rådighedssamtaler, når kontaktforløbet er overgået?",
        "akasse",
        7,
        "Efter de første tre måneder overtager jobcentret kontaktforløbet. Skal vi som a-kasse "
        "stadig holde egne samtaler – fx CV-samtaler og rådighedssamtaler?",
        _a(
            "akasse:2",
            "Ja. A-kassen har fortsat ansvaret for rådighedsvurderingen gennem hele "
            "ledigheden, og vi holder de samtaler, vi har pligt til – fx rådighedssamtaler og "
            "CV-samtaler. Det er kun jobsamtalerne i kontaktforløbet, der overgår til "
            "jobcentret.",
        ),
        _r(
            "jobcenter",
            "Og det er vigtigt, at vi ikke indkalder til samme dag. Tjek gerne Jobnet for "
            "allerede bookede samtaler, før I indkalder.",
        ),
        _r(
            "op",
            "Godt punkt – vi har haft et par dobbeltbookinger.",
        ),
    ),
    _q(
        KFJ,
        "Jobformidling: Må vi sende CV'er direkte til arbejdsgiveren?",
        "jobcenter",
        110,
        "En arbejdsgiver har bedt os om tre kandidater til en lagerstilling. Må vi sende de "
        "lediges CV'er direkte, eller skal de give samtykke først?",
        _a(
            "jobcenter:2",
            "CV'et i Jobnet er lavet til formidling, så arbejdsgivere kan se de søgbare CV'er. "
            "Men sender vi selv et CV aktivt til en bestemt arbejdsgiver, så spørg den ledige "
            "først – både fordi det er god praksis, og fordi de tit har et opdateret CV, der "
            "er bedre. Send aldrig andet end CV'et: ingen oplysninger om ydelse, helbred eller "
            "sagsforløb.",
        ),
        _r(
            "akasse",
            "Samme praksis hos os. Og vi skriver det i journalen, når vi har formidlet.",
        ),
    ),
    _d(
        KFJ,
        "Rettidighed i jobsamtaler – hvordan holder I tallet oppe?",
        "jobcenter",
        360,
        "Vi ligger lige under målet for rettidighed i jobsamtaler i vores team. Hvad gør I "
        "andre for at holde rettidigheden oppe i travle perioder?",
        _r(
            "jobcenter:2",
            "Vi har en fast ugentlig gennemgang af alle samtaler, der skal holdes inden for de "
            "næste 14 dage. Det tager en halv time og redder os hver gang.",
        ),
        _r(
            "jobcenter:3",
            "Vi har fået Fasit til at vise en liste over frister – det er mere brugbart end "
            "adviserne, som drukner.",
        ),
        _r(
            "akasse",
            "I partnerskabet var rettidigheden tidligere et fast mål på 90 procent. Det var "
            "hårdt, men det gjorde, at alle vidste, hvad målet var.",
        ),
    ),
    _q(
        LAB,
        "Seniorer og ret til opkvalificering",
        "union",
        4,
        "Et medlem på 61 spørger, om han har særlige rettigheder til opkvalificering eller til "
        "et seniorjob. Hvad er reglerne nu?",
    ),
    _d(
        BRF,
        '"Mere fleksible kontaktforløb" – hvordan bruger vi fleksibiliteten?',
        "jobcenter",
        70,
        "Hvis reformen giver os mere frihed i kontaktforløbet, hvordan vil I så prioritere? "
        "Jeg er bekymret for, at de borgere, der klarer sig selv, ikke får nogen kontakt, mens "
        "vi bruger al tiden på de tunge sager.",
        _r(
            "jobcenter:2",
            "Jeg tror, det kræver en klar prioritering fra ledelsen. Ellers ender det med, at "
            "hver sagsbehandler gør det forskelligt.",
        ),
        _r(
            "akasse",
            "Fra a-kassens side håber vi, at vi får en større rolle for de medlemmer, der er "
            "tæt på arbejdsmarkedet. Det er dér, vi kan gøre mest.",
        ),
        _r(
            "union",
            "Vi er bekymrede for de svageste ledige, der ikke selv råber op. Det skal der være "
            "en plan for.",
        ),
    ),
    _q(
        KFJ,
        "Hvem kontakter vi i a-kasserne, når der er tvivl om et kontaktforløb?",
        "koordinator@",
        100,
        "Vi får jævnligt spørgsmål fra nye kolleger om, hvem de skal kontakte i de forskellige "
        "a-kasser. Har vi en opdateret kontaktliste?",
        _a(
            "akasse",
            "Kollegaoversigten her på portalen er den nemmeste vej: Søg på a-kassen og filtrer "
            'på "kontaktforløb" som ekspertise. Hver partner-a-kasse har desuden en '
            "koordinator for partnerskabet, som er angivet på a-kassens side.",
        ),
        _r(
            "op",
            "Tak – jeg henviser nye kolleger til kollegaoversigten.",
        ),
    ),
    _q(
        LAB,
        "Befordringsgodtgørelse ved virksomhedspraktik – hvilken sats?",
        "jobcenter",
        1,
        "Hvilken sats gælder for befordringsgodtgørelse, når en dagpengemodtager skal i "
        "praktik i en nabokommune, og hvordan beregner vi den mindste afstand?",
    ),
    # --- Dagpenge og rådighed --------------------------------------------------------------------
    _q(
        DAG,
        "Selvforskyldt ledighed – hvad betyder karantænen for kontaktforløbet?",
        "jobcenter",
        19,
        "En borger har sagt sit job op og har fået karantæne fra a-kassen. Skal hun stadig "
        "møde til samtaler i karantæneperioden, og tæller perioden med i kontaktforløbet?",
        _a(
            "akasse",
            "Ja, hun er stadig tilmeldt som ledig og skal stå til rådighed, så samtalerne skal "
            "holdes som normalt – også i karantæneperioden. Karantænen efter LAF § 63 betyder, "
            "at hun ikke får dagpenge i perioden, men hun er stadig i kontaktforløbet, og "
            "perioden tæller med i ledighedsperioden.\n\n"
            'Det er en typisk misforståelse hos medlemmerne, at de "holder fri" i '
            "karantænen. Sig det gerne tydeligt til hende.",
        ),
        _r(
            "op",
            "Tak. Det havde hun netop misforstået.",
        ),
    ),
    _q(
        DAG,
        "Medlem vil holde ferie med dagpenge i juli – hvad skal jobcentret vide?",
        "akasse@",
        31,
        "Vi har et medlem, der har optjent ferie med dagpenge og vil holde to uger i juli. "
        "Skal jobcentret informeres, eller sker det automatisk, når ferien er registreret?",
        _a(
            "jobcenter",
            "Når ferien er registreret i Jobnet, kan vi se den, og samtaler bliver ikke booket "
            "i perioden. Men hvis medlemmet allerede har en booket samtale i ferien, skal "
            "samtalen flyttes – det sker ikke automatisk. Bed medlemmet om at ombooke i Jobnet "
            "eller ringe til os.",
        ),
        _r(
            "akasse:2",
            "Og husk, at ferien skal holdes i hele dage, og at den skal meldes i god tid. Vi "
            "skriver det i vores ferievejledning.",
        ),
        _r(
            "op",
            "Tak – vi opdaterer vores standardsvar til medlemmer.",
        ),
    ),
    _d(
        DAG,
        'Jobloggen: hvor meget er "nok"?',
        "akasse",
        85,
        "Vi diskuterer tit internt, hvornår en joblog er god nok. Nogle medlemmer skriver to "
        "linjer om hver ansøgning, andre skriver en halv side. Hvad kigger I efter, når I "
        "vurderer rådigheden ud fra jobloggen?",
        _r(
            "akasse:2",
            "Vi kigger efter, at der er løbende aktivitet, at der søges bredt nok i forhold "
            'til medlemmets faglighed, og at der er konkrete job – ikke bare "søgt i '
            'Jobnet". To linjer er fint, hvis de er konkrete.',
        ),
        _r(
            "jobcenter",
            "Fra jobcentrets side bruger vi jobloggen som udgangspunkt for samtalen. Det "
            "vigtigste for os er, at den er opdateret før samtalen.",
        ),
        _r(
            "union",
            "Fra fagforeningen: mange medlemmer ved ikke, at de også skal skrive uopfordrede "
            "ansøgninger og netværkskontakter ind. De tror, det kun er opslåede stillinger.",
        ),
        _r(
            "op",
            "Det er en god pointe. Vi tilføjer det til vores introduktion.",
            quote=2,
        ),
    ),
    _q(
        DAG,
        "Supplerende dagpenge – hvordan tæller 30-ugersreglen?",
        "union",
        56,
        "Et medlem arbejder 25 timer om ugen og får supplerende dagpenge. Hun har fået at "
        'vide, at hun "snart har brugt sine uger". Kan I forklare, hvordan ugerne tælles?',
        _a(
            "akasse",
            "Supplerende dagpenge kan som hovedregel udbetales i 30 uger inden for en periode "
            "på 104 uger. En uge tæller med, når der er udbetalt supplerende dagpenge for den "
            "uge. Når de 30 uger er brugt, kan hun ikke få supplerende dagpenge til den "
            "deltidsbeskæftigelse, før perioden er rullet videre – men hun kan stadig få "
            "dagpenge som fuldt ledig, hvis hun mister jobbet.\n\n"
            "Der er undtagelser, fx for visse typer af arbejde. Bed hende tale med sin "
            "a-kasserådgiver, så de kan se på hendes konkrete forbrug.",
        ),
        _r(
            "op",
            "Tak – det er en klar forklaring, jeg kan give videre.",
        ),
    ),
    _q(
        DAG,
        "Genoptjening af dagpengeretten – tæller løntilskud?",
        "jobcenter",
        140,
        "En borger er i løntilskud og spørger, om timerne tæller med til genoptjening af "
        "dagpengeretten. Hvad er svaret?",
        _a(
            "akasse",
            "Nej, timer i løntilskud tæller ikke med til genoptjening af dagpengeretten. Det "
            "er kun ordinært, ustøttet arbejde, der kan bruges til genoptjeningskravet. "
            "Hvordan perioden i løntilskud i øvrigt påvirker hans dagpengeperiode, afhænger af "
            "hans konkrete situation – det kan a-kassen regne ud for ham.",
        ),
        _r(
            "op",
            "Godt – jeg beder ham kontakte sin a-kasse for den konkrete beregning.",
        ),
    ),
    _q(
        DAG,
        "Rådighed ved deltidsstudie – kan medlemmet fortsætte på aftenuddannelse?",
        "akasse",
        2,
        "Et medlem er startet på en akademiuddannelse om aftenen, to aftener om ugen. Hun har "
        "fået at vide i jobcentret, at det er fint, men vi er i tvivl om, hvordan det påvirker "
        "rådighedsvurderingen efter LAF § 62. Kan hun fortsætte, og skal hun afbryde, hvis hun "
        "får et job med aftenarbejde?",
        hotline=True,
    ),
    _d(
        DAG,
        "Rådighedsafprøvning med kort varsel – rimeligt eller ej?",
        "union",
        400,
        "Vi har set flere tilfælde, hvor medlemmer har fået en henvisning til job med kun én "
        "dags varsel. Nogle af dem har småbørn. Synes I, det er rimeligt?",
        _r(
            "akasse",
            "Henvisning med kort varsel er en del af rådighedsafprøvningen, og medlemmet skal "
            "kunne starte i job med kort varsel. Men der skal altid tages hensyn til konkrete "
            "forhold, fx pasning af børn. Det er ikke en automatisk rådighedssag.",
        ),
        _r(
            "jobcenter",
            "Vi prøver at give mindst to dages varsel, når det er muligt. Men nogle "
            "arbejdsgivere har brug for folk næste dag.",
        ),
        _r(
            "union",
            "Tak for svarene. Vi lukker tråden her – vi har fået tilstrækkeligt at gå videre med.",
        ),
        closed=True,
    ),
    _q(
        DAG,
        "Borger med dagpenge bliver syg på ferien – hvad nu?",
        "sagsbehandler@",
        63,
        "En dagpengemodtager blev syg under sin registrerede ferie. Kan ferien flyttes, og "
        "hvad skal hun gøre?",
        _a(
            "akasse",
            "Hun skal melde sig syg til a-kassen med det samme – den første sygedag. Så kan "
            "hun som udgangspunkt få erstatningsferie for de sygedage, hun har haft i ferien, "
            "hvis hun har dokumentation. Hun skal også give jobcentret besked, så samtaler "
            "ikke bliver booket i den nye ferieperiode.",
        ),
        _r(
            "op",
            "Tak. Jeg sender hende til a-kassen i dag.",
        ),
    ),
    _q(
        DAG,
        "Hvornår skal jobcentret sende en rådighedsformidling til a-kassen?",
        "jobcenter",
        103,
        "Jeg er ny i jobcentret og er usikker på, hvornår jeg skal sende en orientering om "
        "mulige rådighedsproblemer til a-kassen. Skal jeg sende hver gang, en borger "
        "udebliver, eller kun ved gentagne udeblivelser?",
        _a(
            "jobcenter:2",
            "Du skal give a-kassen besked, når du får kendskab til noget, der kan have "
            "betydning for rådigheden – fx udeblivelse fra en jobsamtale eller et tilbud, "
            "eller hvis borgeren afviser et job. Det sker via de fælles systemer, så a-kassen "
            "får det automatisk, når du registrerer udeblivelsen korrekt.\n\n"
            "Du skal ikke selv vurdere, om det er et rådighedsproblem – det er a-kassens "
            "opgave. Men skriv en kort, saglig beskrivelse, så a-kassen har noget at gå ud "
            "fra.",
        ),
        _r(
            "akasse",
            "Tak for den pointe. Vi får tit orienteringer uden nogen form for beskrivelse, og "
            "så skal vi ringe og spørge.",
        ),
        _r(
            "op",
            "Forstået – jeg skriver en kort beskrivelse fremover.",
        ),
    ),
    _q(
        DAG,
        'Afskedigelse pga. "samarbejdsvanskeligheder" – er det selvforskyldt?',
        "union",
        36,
        'Et medlem er blevet fyret med begrundelsen "samarbejdsvanskeligheder". '
        "Arbejdsgiveren har skrevet det på blanketten. Får hun automatisk karantæne?",
        _a(
            "akasse",
            "Nej, ikke automatisk. Selvforskyldt ledighed ved afskedigelse efter LAF § 63 "
            "kræver, at afskedigelsen skyldes medlemmets egne forhold i et omfang, der gør det "
            'rimeligt. "Samarbejdsvanskeligheder" er et meget bredt udtryk, og a-kassen skal '
            "oplyse sagen – typisk ved at partshøre medlemmet og bede arbejdsgiveren om en "
            "uddybning.\n\n"
            "Hvis medlemmet er uenig i arbejdsgiverens beskrivelse, så bed hende skrive sin "
            "version så konkret som muligt. Det er afgørende for vurderingen.",
        ),
        _r(
            "union:2",
            "Og her kan fagforeningen hjælpe, hvis der er en faglig sag. Hvis afskedigelsen er "
            "usaglig, kan det have betydning.",
        ),
        _r(
            "op",
            "Tak begge – vi har allerede gang i en faglig sag.",
        ),
    ),
    _d(
        DAG,
        "Rådighedsvurderingen for medlemmer med handicap",
        "akasse",
        175,
        "Hvordan tager I hensyn til medlemmer med handicap i rådighedsvurderingen? Vi har "
        "nogle medlemmer med nedsat arbejdsevne, der søger job inden for et smalt område, "
        "fordi de ikke kan andet.",
        _r(
            "akasse:2",
            "Vi dokumenterer begrænsningerne (med lægelig dokumentation) og vurderer "
            "rådigheden inden for de job, medlemmet realistisk kan varetage. Det er en konkret "
            "vurdering.",
        ),
        _r(
            "jobcenter",
            "Fra jobcentrets side kan handicapkompensation være relevant, fx personlig "
            "assistance eller hjælpemidler. Det er værd at tage med i samtalen.",
        ),
        _r(
            "union",
            "Vi er glade for at høre, at der er en konkret vurdering. Vi har set medlemmer, "
            "der har fået rådighedssager, fordi de ikke søgte bredt nok, selvom de ikke kunne.",
        ),
    ),
    _q(
        DAG,
        "Kan medlemmet få dagpenge under et kort ophold i udlandet for at søge job?",
        "akasse",
        45,
        "Et medlem vil rejse til Sverige i en uge for at søge job. Kan han få dagpenge i perioden?",
        _a(
            "akasse:2",
            "Ja, der er mulighed for at få dagpenge under jobsøgning i udlandet efter "
            "EU-reglerne, men det kræver, at det er aftalt og registreret på forhånd, og at "
            "han har været tilmeldt som ledig i en periode. Han skal have en blanket (PD U2) "
            "fra a-kassen, og han skal tilmelde sig arbejdsformidlingen i Sverige. Uden aftale "
            "på forhånd er han ikke til rådighed i Danmark.",
        ),
        _r(
            "op",
            "Tak – vi sørger for blanketten.",
        ),
    ),
    _q(
        DAG,
        "Kan a-kassen fritage for samtaler ved kort job?",
        "jobcenter",
        10,
        "En borger har fået et vikariat på tre uger. Skal vi stadig holde den planlagte "
        "jobsamtale, eller kan a-kassen fritage?",
        _a(
            "akasse",
            "Når borgeren er i fuldtidsarbejde, er vedkommende ikke ledig og skal afmelde sig "
            "i Jobnet for de dage, jobbet varer. Så falder jobsamtalerne i perioden bort af "
            "sig selv – det er ikke en fritagelse, a-kassen skal give. Er der tale om deltid, "
            "hvor borgeren får supplerende dagpenge, skal samtalerne holdes, men gerne "
            "placeret uden for arbejdstiden eller som telefonsamtale.\n\n"
            "Tjek derfor først, om borgeren har afmeldt sig. Mange glemmer det ved korte "
            "vikariater.",
        ),
        _r(
            "op",
            "Han havde ikke afmeldt sig. Nu er det på plads, og samtalen er aflyst.",
        ),
    ),
    _d(
        DAG,
        "Dagpengeperiodens udløb – hvad gør vi for dem, der er ved at miste retten?",
        "jobcenter",
        220,
        "Vi har en gruppe borgere, der er tæt på at miste dagpengeretten. Hvad gør I for at "
        "hjælpe dem i den sidste periode?",
        _r(
            "akasse",
            "Vi holder en særlig samtale, når der er ca. seks måneder tilbage, og gennemgår "
            "mulighederne: genoptjening, forlængelse gennem arbejde, og hvad der sker "
            "bagefter.",
        ),
        _r(
            "jobcenter:2",
            "Vi prioriterer dem i den virksomhedsrettede indsats – løntilskud og praktik – i "
            "den sidste periode.",
        ),
        _r(
            "union",
            "Fra fagforeningen vil vi gerne være med i den samtale. Mange af vores medlemmer "
            "har brug for at høre om kontanthjælp og gensidig forsørgelsespligt i god tid.",
        ),
    ),
    _q(
        DAG,
        "Dimittend: rådighed og krav om jobsøgning fra dag ét",
        "akasse@",
        58,
        'Et nyt medlem er dimittend og siger, hun først vil søge job "efter sommeren". Hvad '
        "skal vi sige til hende om rådighedskravene?",
        _a(
            "akasse:2",
            "Rådighedskravene i LAF § 62 gælder fra første ledighedsdag – også for "
            "dimittender. Hun skal søge job aktivt og registrere det i jobloggen, og hun skal "
            "kunne tage et job med dags varsel. Hvis hun ikke står til rådighed, kan hun ikke "
            "få dagpenge i perioden.\n\n"
            "Det er en god idé at sige det klart ved første samtale og notere det i journalen, "
            "så der ikke er tvivl senere.",
        ),
        _r(
            "op",
            "Tak. Vi har lavet et kort afsnit om det i vores dimittendintroduktion.",
        ),
    ),
    _q(
        DAG,
        "Ledig med bijob som selvstændig – bibeskæftigelse?",
        "union",
        95,
        "Et medlem har en lille virksomhed ved siden af, hvor han laver hjemmesider. Han er nu "
        "blevet ledig fra sit lønarbejde. Kan han fortsætte virksomheden og få dagpenge?",
        _a(
            "akasse",
            "Ja, hvis virksomheden kan godkendes som bibeskæftigelse. Det kræver bl.a., at han "
            "har drevet den ved siden af sit lønarbejde i en periode forud for ledigheden. "
            "Timerne i virksomheden bliver trukket i dagpengene, og der gælder særlige regler "
            "for, hvor mange timer der kan bruges. Han skal tale med a-kassen, før han "
            "arbejder videre i virksomheden.",
        ),
        _r(
            "op",
            "Tak, han har nu kontaktet a-kassen.",
        ),
    ),
    _q(
        DAG,
        "Henvisning til job uden for fagområdet – kan borgeren sige nej?",
        "sagsbehandler@",
        18,
        "Jeg har henvist en faglært borger til et job som ufaglært. Han afviser, fordi det "
        "ikke er inden for hans fag. Er det en rådighedssag?",
        _a(
            "akasse",
            "Ja, det kan det være efter LAF § 62. Efter de første tre måneders ledighed skal "
            "medlemmet som hovedregel tage imod ethvert arbejde, han kan udføre – også uden "
            "for sit fagområde. Men henvisningen skal være rimelig, og der kan være konkrete "
            "forhold, der gør det acceptabelt at afvise. Send en orientering til os med "
            "beskrivelse af jobbet og hans begrundelse, så laver vi vurderingen.",
        ),
        _r(
            "union",
            "Fra fagforeningens side er det værd at nævne, at løn- og arbejdsvilkår skal være "
            "overenskomstmæssige. Ellers er der ingen pligt.",
            quote=0,
        ),
        _r(
            "op",
            "Tak begge. Jeg sender orienteringen.",
        ),
    ),
    _q(
        DAG,
        "Refusion af ATP i dagpengeperioden",
        "akasse",
        240,
        "Hvordan håndterer I ATP-bidrag under dagpenge, når et medlem har haft supplerende "
        "dagpenge? Vi har fået spørgsmål fra et medlem om, hvorfor hans ATP ikke passer.",
        _a(
            "akasse:2",
            "ATP-bidraget beregnes ud fra timerne med dagpenge, så ved supplerende dagpenge "
            "bliver bidraget mindre. Vi har lavet et standardsvar til medlemmer, som forklarer "
            "det med et eksempel. Jeg deler det gerne.",
        ),
        _r(
            "op",
            "Ja tak – send det gerne.",
        ),
    ),
    _d(
        DAG,
        'Ensartet vurdering af "søger bredt nok" på tværs af a-kasserne',
        "akasse",
        50,
        "Vi har fået kritik fra et medlem, der har skiftet a-kasse, og som siger, at vi "
        "vurderer hendes jobsøgning strengere end den gamle a-kasse. Har vi brug for en fælles "
        'forståelse af, hvad "bred nok" betyder?',
        _r(
            "akasse:2",
            "Det er et godt spørgsmål. Vi har ikke en fælles definition – og det giver forskelle.",
        ),
        _r(
            "akasse:3",
            "Vi kunne lave en workshop på tværs af a-kasserne med anonymiserede eksempler.",
        ),
        _r(
            "akasse@",
            "Jeg tager initiativ til en workshop efter sommerferien. Send mig gerne eksempler "
            "– anonymiserede.",
        ),
        network=AKASSE_NET,
    ),
    _q(
        DAG,
        "Dagpengemodtager afviser tilbud om opkvalificering",
        "jobcenter",
        1,
        "En borger har afvist et tilbud om et kursus, som jeg synes var relevant. Er det et "
        "rådighedsproblem, og skal jeg give a-kassen besked?",
    ),
    # --- Økonomi og ydelser ----------------------------------------------------------------------
    _q(
        OEK,
        "Partshøring efter forvaltningslovens § 19 – kan den ske mundtligt?",
        "jobcenter",
        29,
        "Jeg skal træffe en afgørelse om fradrag i kontanthjælpen og har talt med borgeren i "
        "telefonen om de oplysninger, der ligger til grund. Er det en gyldig partshøring, "
        "eller skal den være skriftlig?",
        _a(
            "jurist",
            "Forvaltningslovens § 19 stiller ikke formkrav, så partshøringen kan godt ske "
            "mundtligt. Men I skal kunne dokumentere den: Skriv et journalnotat med, hvilke "
            "oplysninger borgeren er blevet hørt over, hvad borgeren svarede, og hvilken frist "
            "der blev givet. Borgeren skal have haft en reel mulighed for at komme med "
            "bemærkninger – også efter samtalen.\n\n"
            "I praksis anbefaler jeg skriftlig partshøring, når sagen er kompliceret, eller "
            "når borgeren har svært ved at overskue oplysningerne.",
        ),
        _r(
            "op",
            "Tak. Jeg sender også et kort skriftligt resumé med en frist for bemærkninger.",
        ),
        _r(
            "union",
            "Det sætter vi pris på fra fagforeningens side. Et skriftligt resumé gør det meget "
            "lettere at hjælpe medlemmet.",
        ),
    ),
    _q(
        OEK,
        "Ydelsesskift fra sygedagpenge til dagpenge – hvem gør hvad?",
        "akasse",
        38,
        "Et medlem er raskmeldt efter en længere sygeperiode og skal tilbage på dagpenge. "
        "Hvordan sikrer vi, at der ikke opstår et hul i udbetalingen?",
        _a(
            "jobcenter",
            "Raskmeldingen skal registreres hos kommunen (sygedagpengeafdelingen), og "
            "medlemmet skal melde sig ledig i Jobnet senest dagen efter raskmeldingen. Når det "
            "er sket, kan a-kassen genoptage udbetalingen af dagpenge. Hullerne opstår typisk, "
            "når medlemmet ikke ved, at han selv skal melde sig ledig.",
        ),
        _r(
            "akasse:2",
            "Vi sender en sms, når vi får besked om raskmeldingen, med et link til Jobnet. Det "
            "har hjulpet meget.",
        ),
        _r(
            "op",
            "God idé – den tager vi.",
        ),
    ),
    _q(
        OEK,
        'Tilbagebetaling af kontanthjælp – hvornår er borgeren "i ond tro"?',
        "jobcenter",
        77,
        "Vi har en sag, hvor borgeren har fået udbetalt for meget kontanthjælp, fordi hun ikke "
        "oplyste om en indtægt. Hun siger, hun ikke vidste, at hun skulle. Kan vi kræve "
        "pengene tilbage efter LAS § 91?",
        _a(
            "jurist",
            "LAS § 91 kræver, at borgeren mod bedre vidende har undladt at give oplysninger "
            "eller har modtaget hjælpen uberettiget og vidste eller burde vide det. Det "
            "afgørende er, om hun er vejledt om oplysningspligten – og om vejledningen er "
            "dokumenteret. Hvis hun har fået standardvejledningen i bevillingsbrevet og en "
            "konkret vejledning ved samtaler, står I stærkt.\n\n"
            "Vurder også, om indtægten er af en sådan karakter, at hun burde have vidst, at "
            "den havde betydning. Og husk partshøring efter forvaltningslovens § 19, før I "
            "træffer afgørelsen.",
        ),
        _r(
            "op",
            "Tak. Vi har bevillingsbrevet, men ikke en konkret vejledning i journalen. Det gør "
            "sagen svagere.",
        ),
        _r(
            "jurist",
            "Ja, men ikke umulig. Tag det med i vurderingen, og begrund afgørelsen konkret.",
        ),
    ),
    _d(
        OEK,
        "Guide: Sådan skriver du en god partshøring",
        "editor",
        210,
        "Vi har samlet de vigtigste råd om partshøring i en vejledning her på portalen. Den "
        "bygger på mange af jeres spørgsmål i debatten. Skriv gerne her, hvis I synes, noget "
        "mangler, eller hvis I har gode eksempler (anonymiserede!).",
        _r(
            "jobcenter",
            "Tak – den har jeg brugt flere gange. Kunne vi få et eksempel med en kort frist?",
        ),
        _r(
            "editor",
            "God idé, vi tilføjer et eksempel med en kort frist og en begrundelse for den.",
        ),
        _r(
            "jurist",
            "Vær opmærksom på, at en kort frist skal være begrundet i sagens karakter. Hvis "
            "fristen er for kort, er partshøringen ikke reel.",
        ),
        pinned=True,
    ),
    _q(
        OEK,
        "Modregning af tilbagebetalingskrav i løbende kontanthjælp",
        "union",
        17,
        "Et medlem har et tilbagebetalingskrav fra kommunen, og der bliver nu trukket i hendes "
        "kontanthjælp. Hvor meget må kommunen trække?",
        _a(
            "jobcenter",
            "Kommunen kan modregne i løbende hjælp, men der skal tages hensyn til, at borgeren "
            "fortsat har det nødvendige at leve for. Der er regler om, hvor meget der kan "
            "modregnes – typisk en mindre andel af hjælpen. Hvis medlemmet mener, at trækket "
            "er for stort, kan hun bede om en afdragsordning og dokumentere sine faste "
            "udgifter. Afgørelsen kan påklages.",
        ),
        _r(
            "op",
            "Tak – vi laver en anmodning om afdragsordning sammen med hende.",
        ),
    ),
    _q(
        OEK,
        "Ydelsesskift ved udløb af dagpengeretten – kan kommunen betale fra dag ét?",
        "akasse",
        6,
        "Et medlem mister dagpengeretten næste uge. Han har ikke søgt kontanthjælp endnu. Kan "
        "kommunen udbetale fra dagen efter dagpengene stopper, hvis han søger nu?",
        _a(
            "jobcenter",
            "Ja, hvis han søger, før dagpengene stopper, og opfylder betingelserne i LAS § 11, "
            "kan hjælpen som udgangspunkt udbetales fra dagen efter. Hvis han søger senere, "
            "kan hjælpen kun udbetales fra ansøgningsdagen – der er ingen tilbagevirkende "
            "kraft. Derfor er det vigtigt, at han søger nu.",
        ),
        _r(
            "op",
            "Tak, han søger i dag.",
        ),
    ),
    _q(
        OEK,
        "Begrundelse af afgørelse – hvor detaljeret?",
        "jobcenter",
        112,
        "Vores afgørelsesbreve bliver tit meget lange. Hvor detaljeret skal begrundelsen være "
        "efter forvaltningsloven?",
        _a(
            "jurist",
            "Efter forvaltningslovens § 22 og § 24 skal begrundelsen indeholde en henvisning "
            "til de retsregler, afgørelsen bygger på, og de hovedhensyn, der har været "
            "bestemmende for skønnet. Hvis der er taget stilling til faktiske omstændigheder, "
            "skal der også være en kort redegørelse for dem. Det betyder ikke, at brevet skal "
            "være langt – men det skal være konkret.\n\n"
            "Et godt tjek: Kan borgeren læse, hvorfor netop hun har fået denne afgørelse? Hvis "
            "ikke, er begrundelsen for generel.",
        ),
        _r(
            "op",
            "Godt tjek. Tak.",
        ),
    ),
    _d(
        OEK,
        "Ydelsesservice og borgernes spørgsmål om udbetalingsdatoer",
        "union",
        290,
        "Mange medlemmer spørger om, hvornår kontanthjælpen bliver udbetalt, når de starter. "
        "Kan vi få en enkel forklaring, vi kan give dem?",
        _r(
            "jobcenter",
            "Kontanthjælp udbetales bagud, typisk den sidste bankdag i måneden. Den første "
            "udbetaling kan komme senere, hvis ansøgningen ikke er færdigbehandlet.",
        ),
        _r(
            "jobcenter:2",
            "Ydelsesservice har en telefontid, hvor borgerne kan ringe. Det er nemmest at "
            "henvise dertil.",
        ),
        _r(
            "union",
            "Tak – vi laver et standardsvar.",
        ),
    ),
    _q(
        OEK,
        "Skal partshøring ske, når borgeren selv har oplyst om indtægten?",
        "sagsbehandler@",
        65,
        "Hvis borgeren selv har oplyst os om en indtægt, og vi trækker den i hjælpen, skal vi "
        "så stadig partshøre?",
        _a(
            "jurist",
            "Nej, som udgangspunkt ikke. Partshøringspligten efter forvaltningslovens § 19 "
            "gælder oplysninger, som borgeren ikke kan antages at være bekendt med, og som er "
            "til ugunst for borgeren. Hvis borgeren selv har givet oplysningen, er der normalt "
            "ikke pligt til partshøring. Men hvis I har fået supplerende oplysninger fx fra "
            "eIndkomst, der afviger fra det borgeren har oplyst, skal der partshøres over dem.",
        ),
        _r(
            "op",
            "Tak, det giver god mening.",
        ),
    ),
    _q(
        OEK,
        "Tilbagebetaling af dagpenge efter LAF § 86 – hvornår forældes kravet?",
        "akasse",
        81,
        "Vi har opdaget, at et medlem har fået for meget udbetalt for over tre år siden. Kan "
        "vi stadig kræve det tilbage?",
        _a(
            "jurist",
            "Tilbagebetalingskrav efter LAF § 86 følger forældelseslovens regler. Den "
            "almindelige forældelsesfrist er tre år, men den regnes fra det tidspunkt, hvor "
            "a-kassen kendte eller burde kende kravet. Hvis a-kassen først nu har fået "
            "kendskab til forholdet, og medlemmet har tilbageholdt oplysninger, kan fristen "
            "være suspenderet.\n\n"
            "Kig på, hvornår a-kassen fik eller burde have fået oplysningerne, og dokumentér "
            "det.",
        ),
        _r(
            "op",
            "Tak – vi går sagen igennem og dokumenterer tidslinjen.",
        ),
    ),
    _q(
        OEK,
        "Ydelsesskift mellem sygedagpenge og kontanthjælp – kan borgeren få både og?",
        "jobcenter",
        4,
        "En borger har fået afslag på forlængelse af sygedagpenge og søger nu kontanthjælp. "
        "Der er nogle dage, hvor der både er udbetalt sygedagpenge og ansøgt om kontanthjælp. "
        "Hvordan undgår vi dobbeltudbetaling?",
    ),
    _d(
        OEK,
        "Afgørelser og klagevejledning – hvor går det tit galt?",
        "akasse",
        155,
        "Vi har gennemgået et par af vores afgørelser, der er blevet omgjort i Ankestyrelsen, "
        "og det var næsten altid klagevejledningen eller begrundelsen, der var problemet. Har "
        "I samme erfaring?",
        _r(
            "jobcenter",
            "Ja. Vi har haft sager, hvor klagevejledningen var forkert, fordi der var brugt en "
            "gammel skabelon.",
        ),
        _r(
            "union",
            "Vi ser også mange afgørelser, hvor begrundelsen er for generel. Det er det, vi "
            "oftest får omgjort på.",
        ),
        _r(
            "jurist",
            'En god praksis er at lade en kollega læse afgørelsen med "borgerens briller" '
            "før den sendes. Det tager fem minutter og fanger mange fejl.",
        ),
    ),
    _q(
        OEK,
        "Akutydelse efter tab af dagpengeret – er der en mellemperiode?",
        "akasse@",
        2,
        "Et medlem har mistet dagpengeretten, og kommunen har endnu ikke behandlet "
        "kontanthjælpsansøgningen. Han har ingen penge til husleje. Er der en hurtig løsning, "
        "og hvem skal han kontakte?",
        _a(
            "jurist",
            "Han skal kontakte kommunen med det samme og bede om hjælp i særlige tilfælde (LAS "
            "kapitel 10), herunder akut hjælp, mens ansøgningen behandles. Kommunen skal "
            "behandle en akut henvendelse hurtigt. Samtidig kan han bede om en a "
            "conto-udbetaling af kontanthjælp, hvis det er sandsynligt, at han er berettiget.\n\n"
            "Hvis kommunen ikke reagerer, kan fagforeningen hjælpe med en henvendelse.",
        ),
        _r(
            "op",
            "Tak – jeg sender ham til kommunen med det samme.",
        ),
        hotline=True,
    ),
    _q(
        OEK,
        "Sanktion for dagpengemodtager – kan kommunen træffe afgørelsen?",
        "jobcenter",
        195,
        "Hvis en dagpengemodtager udebliver fra en jobsamtale hos os, kan vi så selv træffe "
        "afgørelse om sanktion?",
        _a(
            "akasse",
            "Nej. Det er altid a-kassen, der træffer afgørelse om rådighed og sanktioner for "
            "dagpengemodtagere efter LAF § 62 og § 63. Jobcentret skal orientere a-kassen om "
            "udeblivelsen, og så vurderer vi sagen.",
        ),
        _r(
            "op",
            "Tak – det troede jeg også, men jeg ville lige være sikker.",
        ),
    ),
    _q(
        OEK,
        "Kan medlemmet få udbetalt feriepenge uden at miste kontanthjælp?",
        "union",
        41,
        "Et medlem har fået udbetalt feriepenge fra sit gamle job. Kommunen har trukket dem i "
        "hendes kontanthjælp. Er det korrekt, når hun ikke holder ferie?",
        _a(
            "jobcenter",
            "Feriepenge behandles som indtægt, når de udbetales, og kan derfor trækkes i "
            "kontanthjælpen – også selvom hun ikke holder ferie. Der er dog særlige regler "
            "for, hvornår og hvordan feriepengene fordeles, så bed om at se beregningen og "
            "tjek, at fordelingen er korrekt.",
        ),
        _r(
            "op",
            "Tak – vi beder om beregningen.",
        ),
    ),
    # --- Digitalisering og IT --------------------------------------------------------------------
    _q(
        DIG,
        "Fasit viser forkert målgruppe efter ydelsesskift",
        "sagsbehandler@",
        11,
        "En borger er gået fra dagpenge til kontanthjælp for tre uger siden, men i Fasit står "
        "hun stadig som forsikret ledig. Det betyder, at jeg ikke kan oprette den rigtige "
        "samtaletype. Hvordan får jeg det rettet?",
        _a(
            "jobcenter",
            "Målgruppen opdateres, når ydelsesskiftet er registreret i KMD og data er løbet "
            "over til Fasit. Hvis det ikke er sket efter et par dage, er det typisk, fordi "
            "afgørelsen om kontanthjælp ikke er registreret færdig. Tjek med YDS, at sagen er "
            "afsluttet. Hjælper det ikke, så lav en sag til Center for Driftsunderstøttelse "
            "via supportportalen – skriv borgerens sagsnummer i Fasit, ikke CPR-nummeret.",
        ),
        _r(
            "op",
            "Det var YDS – sagen manglede en sidste godkendelse. Nu står hun rigtigt.",
        ),
    ),
    _d(
        DIG,
        "Dobbeltregistrering af fravær i KAS og Fasit – hvordan klarer I det?",
        "jobcenter",
        230,
        "Vi registrerer fravær i KAS for at følge fremmødet i tilbuddet, og så skal det "
        "registreres igen i fagsystemet, for at sagsbehandlingen kan ske. Det tager tid, og "
        "der sker fejl. Har nogen fundet en smart måde at gøre det på?",
        _r(
            "jobcenter:2",
            "Vi har fået en fast rytme: Fraværet bliver gennemgået én gang om ugen af en fast "
            "medarbejder, som registrerer i begge systemer. Det er ikke smart, men det giver "
            "færre fejl end at alle gør det løbende.",
        ),
        _r(
            "jobcenter:3",
            "Det er et gammelt problem. Det har været på ønskelisten til videreudvikling "
            "længe. Jeg tror ikke, det bliver løst foreløbig.",
        ),
        _r(
            "koordinator",
            "Jeg har taget det med til næste møde med driftsunderstøttelsen igen. Skriv gerne, "
            "hvor mange timer om ugen det koster jer – så har vi et tal at argumentere med.",
        ),
    ),
    _q(
        DIG,
        "Momentum: kan a-kassen se jobcentrets journalnotater?",
        "akasse",
        33,
        "Vi er i tvivl om, hvad vi som a-kasse kan se af jobcentrets notater i de fælles "
        "systemer. Kan vi se journalnotater om samtalerne?",
        _a(
            "jobcenter",
            "Nej, a-kassen kan ikke se jobcentrets journalnotater. I kan se de oplysninger, "
            "der deles i de fælles data: fx Min Plan, bookede samtaler, tilbud og "
            "registreringer, der er relevante for rådigheden. Hvis I har brug for mere, skal I "
            "spørge os – og vi vurderer, om vi må videregive oplysningerne.",
        ),
        _r(
            "akasse:2",
            "Vi plejer at bruge portalens private beskeder til den slags, men husk: kun de "
            "oplysninger, der er nødvendige.",
        ),
        _r(
            "op",
            "Tak – godt at få det præciseret.",
        ),
    ),
    _q(
        DIG,
        "Blanket til virksomhedspraktik – skal den stadig underskrives manuelt?",
        "jobcenter",
        50,
        "Jeg har fået en gammel blanket fra en kollega, som skal udskrives, underskrives og "
        "scannes. Er det stadig nødvendigt, eller kan det hele ske digitalt?",
        _a(
            "jobcenter:2",
            "Blanketter til støttet beskæftigelse (praktik og løntilskud) laves i VITAS, og "
            "virksomheden underskriver digitalt. Den gamle papirblanket skal ikke bruges "
            "længere. Slet den kopi, du har fået, så den ikke bliver brugt igen.",
        ),
        _r(
            "op",
            "Tak – den er slettet.",
        ),
    ),
    _q(
        DIG,
        "Jobnet – medlem kan ikke se sin Min Plan",
        "union",
        90,
        "Et medlem kan ikke se sin nye Min Plan på Jobnet. Hun siger, hun har logget ind med "
        "MitID, men planen er væk. Hvad kan være galt?",
        _a(
            "jobcenter",
            "Det sker typisk, hvis planen ikke er blevet publiceret i Fasit endnu – eller hvis "
            "den er gemt som kladde. Bed hende kontakte sin sagsbehandler i jobcentret, så de "
            "kan tjekke, at planen er publiceret. Hvis den er publiceret, kan det være en fejl "
            "i Jobnet, og så skal der laves en supportsag.",
        ),
        _r(
            "op",
            "Tak, det var en kladde. Nu kan hun se den.",
        ),
    ),
    _d(
        DIG,
        "Adviser i Fasit – hvordan holder I styr på dem?",
        "jobcenter",
        310,
        "Jeg får 40-50 adviser om dagen, og mange af dem er ren orientering. Jeg er bange for "
        "at overse dem, der kræver handling – fx lukkedato for forløb. Hvordan prioriterer I?",
        _r(
            "jobcenter:2",
            "Jeg har sat filtre op, så jeg kun ser de advistyper, jeg skal handle på. Det kan "
            "gøres under visningsindstillingerne.",
        ),
        _r(
            "jobcenter:3",
            "Jeg gennemgår adviser to gange om dagen, og jeg starter altid med dem om "
            "lukkedatoer og frister.",
        ),
        _r(
            "editor",
            "Vi har lavet en lille guide om visningsindstillingerne. Den ligger under "
            "vejledninger.",
        ),
    ),
    _q(
        DIG,
        "Må vi skrive medlemsnummer i portalens tråde?",
        "akasse@",
        24,
        "Når vi spørger om en konkret sag her på portalen, må vi så skrive medlemsnummeret, så "
        "jobcentret kan finde personen?",
        _a(
            "redaktoer@",
            "Nej, skriv ikke medlemsnumre, sagsnumre eller andet, der kan identificere en "
            "borger, i de offentlige tråde. Debatten er til faglige spørgsmål – ikke til "
            "konkrete sager. Hvis I har brug for at udveksle oplysninger om en konkret borger, "
            "så brug de sikre kanaler, som er aftalt i samarbejdet (fx sikker mail). Og skriv "
            "aldrig CPR-numre – portalen afviser dem også automatisk.",
        ),
        _r(
            "op",
            "Tak, det er tydeligt.",
        ),
    ),
    _q(
        DIG,
        "Min Plan publiceres ikke til borgere uden pligt til Jobnet",
        "jobcenter",
        7,
        "Vi har en aktivitetsparat borger, der ikke har pligt til at bruge Jobnet. Hvordan "
        "sikrer vi, at hun får sin Min Plan, og at den er gyldig?",
        _a(
            "jobcenter:2",
            "Min Plan publiceres til Jobnet for alle målgrupper, men for dem uden pligt til at "
            "bruge Jobnet kan vi ikke gå ud fra, at planen er set. Send planen med Digital "
            "Post (eller fysisk, hvis hun er fritaget), og gennemgå den ved samtalen. Skriv de "
            "sanktionerbare aftaler i aftalefeltet i Fasit, så de kan dokumenteres.\n\n"
            "Og spørg hende, om hun faktisk bruger Jobnet – mange gør, selvom de ikke har "
            "pligt.",
        ),
        _r(
            "jobcenter:3",
            "Vi printer planen og gennemgår den sammen med borgeren ved samtalen. Det tager "
            "fem minutter, og så er der ingen tvivl om, hvad der er aftalt.",
        ),
        _r(
            "op",
            "Tak begge. Jeg sender den med Digital Post og tager den med til samtalen.",
        ),
    ),
    _q(
        DIG,
        "Jobloggen vises ikke i Fasit",
        "sagsbehandler@",
        74,
        "Jeg kan ikke se borgerens joblog i Fasit. Borgeren siger, at hun har skrevet i den "
        "hver uge. Hvor finder jeg den?",
        _a(
            "jobcenter",
            "Jobloggen ligger i Jobnet, og du kan se den via linket i borgerens overblik i "
            'Fasit (under "Jobsøgning"). Hvis linket ikke virker, så log ind i Jobnet for '
            "sagsbehandlere og søg borgeren frem dér. Hvis jobloggen er tom, selvom borgeren "
            "siger, hun har skrevet i den, så bed hende om at vise den på sin egen skærm ved "
            "samtalen.",
        ),
        _r(
            "op",
            "Fundet! Tak.",
        ),
    ),
    _d(
        DIG,
        "Skal portalen integreres med Fasit?",
        "koordinator@",
        180,
        'Der er jævnligt forslag om, at portalen burde "snakke sammen" med Fasit, så man kan '
        "se en tråd fra sagen. Hvad tænker I? Jeg er selv tøvende – portalen er til faglig "
        "debat og ikke til sager.",
        _r(
            "jobcenter",
            "Enig. Det ville gøre det lettere at komme til at skrive om konkrete borgere. Det "
            "vil vi gerne undgå.",
        ),
        _r(
            "akasse",
            "Vi kan heller ikke få adgang til Fasit, så det ville kun give mening for jobcentret.",
        ),
        _r(
            "editor",
            "Et mere realistisk forslag: Links til relevante vejledninger i portalen fra "
            "Arbejdsgangsportalen. Det kan vi se på.",
        ),
    ),
    _q(
        DIG,
        "Digital Post: hvordan ser vi, om borgeren har læst brevet?",
        "jobcenter",
        134,
        "Ved udeblivelse kan det være relevant at vide, om borgeren har åbnet indkaldelsen. "
        "Kan vi se det?",
        _a(
            "jobcenter:2",
            "Nej, vi kan ikke se, om borgeren har læst brevet – kun at det er afsendt og "
            "leveret til den digitale postkasse. Et brev i Digital Post anses som kommet frem, "
            "når det er tilgængeligt for borgeren. Hvis borgeren er fritaget for Digital Post, "
            "sendes brevet fysisk, og så skal der tages højde for postgangen.",
        ),
        _r(
            "op",
            "Tak. Så er det afsendelsesdatoen, der tæller.",
        ),
    ),
    _q(
        DIG,
        "Fejl i selvbookingen i Jobnet – ingen ledige tider",
        "akasse",
        1,
        "Flere af vores medlemmer siger, at de ikke kan finde ledige tider i selvbookingen i "
        "denne uge. Er der en driftsforstyrrelse, og hvad gør de, så de ikke bliver afmeldt?",
    ),
    _q(
        DIG,
        "Skal journalnotater skrives i Fasit eller i KMD Sag?",
        "jobcenter",
        200,
        "Vi har fået en ny kollega fra en anden kommune, der spørger, hvor journalnotaterne "
        "skal skrives. Hvad er reglen hos os?",
        _a(
            "jobcenter:2",
            "Beskæftigelsesindsatsen dokumenteres i Fasit. KMD Sag bruges til "
            "ydelsessagsbehandling, og fravær, der har betydning for ydelsen, sagsbehandles "
            "dér på baggrund af registreringen. Sig til din kollega, at Arbejdsgangsportalen "
            "har en oversigt – og at det er en god idé at spørge, hvis der er tvivl.",
        ),
        _r(
            "op",
            "Tak – det giver hende et godt udgangspunkt.",
        ),
    ),
    _d(
        DIG,
        "Arbejdsgangsportalen – er den opdateret?",
        "jobcenter",
        350,
        "Jeg finder tit arbejdsgange i Arbejdsgangsportalen, der henviser til jobplanen, "
        "selvom den nu hedder Min Plan. Er der nogen, der har overblik over, hvad der er "
        "opdateret?",
        _r(
            "editor",
            "Vi har givet besked til arbejdsgangsgruppen. De er i gang med at gennemgå "
            "beskrivelserne.",
        ),
        _r(
            "jobcenter",
            "Tak – så lukker jeg tråden. Jeg skriver en ny, hvis jeg finder flere.",
        ),
        closed=True,
    ),
    _q(
        DIG,
        "Kan fagforeningen få adgang til Jobnet for at hjælpe medlemmer?",
        "union",
        52,
        "Vi vil gerne kunne se medlemmernes Min Plan og joblog, når vi hjælper dem. Kan vi få "
        "adgang?",
        _a(
            "jobcenter",
            "Nej, fagforeningen kan ikke få adgang til Jobnet for sagsbehandlere. Men "
            "medlemmet kan vise sin Min Plan og joblog til jer, fx ved at dele skærmen eller "
            "printe den. Medlemmet kan også give samtykke til, at I får aktindsigt i sagen.",
        ),
        _r(
            "op",
            "Tak – vi bruger samtykke og aktindsigt.",
        ),
    ),
    # --- Tværgående emner, persondata og hotlinen ------------------------------------------------
    _d(
        TVA,
        'Aldrig CPR-numre i portalen – heller ikke "bare de første seks cifre"',
        "redaktoer@",
        400,
        "En påmindelse til alle: Portalen er til faglig debat, og vi må aldrig skrive "
        "CPR-numre, navne eller andre oplysninger, der kan identificere en borger. Portalen "
        "afviser automatisk tekst, der ligner et CPR-nummer, men det er ikke nok i sig selv.\n\n"
        "Skriv heller ikke fødselsdato, adresse eller en detaljeret beskrivelse af en sag, der "
        'gør det muligt at genkende borgeren. Brug generelle eksempler: "en borger på '
        'kontanthjælp med en ægtefælle i job" i stedet for detaljer.\n\n'
        "Hvis I har brug for at udveksle oplysninger om en konkret borger, så brug de sikre "
        "kanaler, der er aftalt i samarbejdet.",
        _r(
            "jobcenter",
            "Tak for påmindelsen. Godt, at portalen også fanger det automatisk.",
        ),
        _r(
            "akasse",
            "Vi har haft en kollega, der skrev et medlemsnummer. Er det også forbudt?",
        ),
        _r(
            "redaktoer@",
            "Ja, skriv heller ikke medlemsnumre. De kan bruges til at identificere en person.",
        ),
        pinned=True,
    ),
    _q(
        TVA,
        "GDPR: Må vi sende oplysninger til jobcentret pr. almindelig mail?",
        "akasse",
        28,
        "Vi skal sende nogle oplysninger om et medlems helbred til jobcentret. Må vi bruge "
        "almindelig mail, eller skal det være sikker mail?",
        _a(
            "jurist",
            "Helbredsoplysninger er følsomme personoplysninger efter "
            "databeskyttelsesforordningen, og de skal sendes krypteret – dvs. med sikker mail "
            "eller via et system, hvor forbindelsen er sikret. Almindelig mail er ikke tilladt "
            "til følsomme oplysninger. Husk også, at der skal være hjemmel eller samtykke til "
            "at videregive oplysningerne.",
        ),
        _r(
            "op",
            "Tak. Vi bruger sikker mail.",
        ),
    ),
    _d(
        TVA,
        "Samarbejdet mellem jobcenter og a-kasse – hvad fungerer?",
        "jobcenter",
        115,
        "Vi har haft et par gode oplevelser med a-kasser, hvor vi har ringet direkte til en "
        "fast kontaktperson. Hvad fungerer for jer?",
        _r(
            "akasse",
            "Faste kontaktpersoner fungerer klart bedst. Vi har en fast kontaktperson for "
            "hvert center.",
        ),
        _r(
            "union",
            "Det gør en stor forskel for medlemmerne, at sagsbehandlerne kender hinanden. "
            "Temamøderne har været gode til det.",
        ),
        _r(
            "koordinator",
            "Tak for jeres input. Vi planlægger et nyt temamøde i foråret.",
        ),
    ),
    _q(
        TVA,
        "Samtykke til indhentning af oplysninger – hvor længe gælder det?",
        "sagsbehandler@",
        46,
        "En borger gav samtykke til indhentning af lægeoplysninger for et år siden. Kan vi "
        "bruge samtykket igen?",
        _a(
            "jurist",
            "Et samtykke efter RSL § 11 c skal være specifikt og afgrænset, og det gælder for "
            "det formål og den periode, det er givet til. Et samtykke fra et år siden til et "
            "bestemt formål kan ikke uden videre bruges igen. Indhent et nyt samtykke, og "
            "skriv tydeligt, hvilke oplysninger der indhentes, hos hvem og til hvad. Husk "
            "også, at borgeren kan trække samtykket tilbage.",
        ),
        _r(
            "op",
            "Tak – jeg indhenter et nyt.",
        ),
    ),
    _q(
        TVA,
        "Må vi bruge Facebook til at finde oplysninger om borgere?",
        "jobcenter",
        75,
        "En kollega siger, at hun har fundet ud af, at en borger har arbejdet, ved at kigge på "
        "hans Facebook. Er det i orden?",
        _a(
            "jurist",
            "Det er ikke forbudt at se på offentligt tilgængelige oplysninger, men det skal "
            "ske sagligt og proportionalt, og borgeren skal partshøres over oplysningerne, før "
            "de bruges i en afgørelse. Der skal være konkrete grunde til at se på "
            'oplysningerne – ikke generelle "fisketure". I Københavns Kommune er der '
            "retningslinjer for brugen af sociale medier i sagsbehandlingen – tjek dem først.",
        ),
        _r(
            "op",
            "Tak – jeg sender linket til retningslinjerne videre.",
        ),
    ),
    _d(
        TVA,
        "Temamøder: hvad vil I gerne høre om?",
        "union",
        320,
        "Vi planlægger de næste temamøder for sagsbehandlere fra jobcenter, a-kasser og "
        "fagforeninger. Hvilke emner skal vi tage op?",
        _r(
            "jobcenter",
            "Reformen af beskæftigelsesindsatsen og de nye snitflader.",
        ),
        _r(
            "akasse",
            "Rådighedsvurderingen – særligt for medlemmer med helbredsproblemer.",
        ),
        _r(
            "jobcenter:2",
            "Partshøring og begrundelse. Vi får for mange sager omgjort.",
        ),
        _r(
            "koordinator",
            "Tak – vi lægger et program op i begyndelsen af næste måned.",
        ),
    ),
    _q(
        TVA,
        "Aktindsigt: kan medlemmet få indsigt i jobcentrets notater?",
        "akasse",
        20,
        "Et medlem vil gerne se, hvad jobcentret har skrevet om hende. Kan vi hjælpe hende med "
        "at få aktindsigt?",
        _a(
            "jobcenter",
            "Ja, hun kan selv bede om aktindsigt i sin sag hos jobcentret efter "
            "forvaltningsloven. Hun kan også give samtykke til, at a-kassen eller "
            "fagforeningen får indsigt på hendes vegne. Det kan gøres via kommunens hjemmeside "
            "eller ved at skrive til jobcentret.",
        ),
        _r(
            "op",
            "Tak.",
        ),
    ),
    _q(
        TVA,
        "Notatpligt – hvornår skal samtaler journaliseres?",
        "jobcenter",
        160,
        "Hvor hurtigt skal et journalnotat skrives efter en samtale? Jeg har kolleger, der "
        "venter en uge.",
        _a(
            "jurist",
            "Notatpligten følger af offentlighedsloven: Oplysninger om sagens faktiske "
            "omstændigheder, der har betydning for afgørelsen, skal noteres, så snart det er "
            "muligt. En uge er for lang tid – både af hensyn til notatpligten og fordi "
            "hukommelsen bliver dårligere. Skriv notatet samme dag, hvis det kan lade sig "
            "gøre.",
        ),
        _r(
            "op",
            "Tak – jeg tager det op i teamet.",
        ),
    ),
    _d(
        TVA,
        "Samtaler med tolk – erfaringer med videotolkning?",
        "jobcenter",
        60,
        "Vi har fået mulighed for videotolkning i jobsamtaler. Hvilke erfaringer har I?",
        _r(
            "jobcenter:2",
            "Det fungerer godt, når det tekniske virker. Det sparer os for tid, fordi vi ikke "
            "skal vente på tolken.",
        ),
        _r(
            "union",
            "Vi hører fra medlemmer, at videotolkning kan være svær at følge, hvis samtalen "
            "handler om noget kompliceret – fx sanktioner.",
            quote=0,
        ),
        _r(
            "jobcenter",
            "God pointe. Vi bruger fremmødetolk ved samtaler om afgørelser.",
        ),
    ),
    _q(
        TVA,
        "Bisidder ved samtale i a-kassen – kan a-kassen afvise?",
        "union",
        8,
        "Et medlem har bedt mig deltage som bisidder ved en rådighedssamtale i a-kassen. "
        "A-kassen siger, at samtalen kun er for medlemmet. Kan de afvise det?",
        hotline=True,
    ),
    _q(
        TVA,
        "Videregivelse af oplysninger om sygdom fra a-kassen til jobcentret – kræver det samtykke?",
        "koordinator@",
        12,
        "A-kassen har fået oplyst, at et medlem er sygemeldt, og overvejer at give jobcentret "
        "besked om baggrunden. Må a-kassen det uden samtykke, og hvilke oplysninger må "
        "videregives?",
        _a(
            "jurist",
            "A-kassen må videregive de oplysninger, der er nødvendige for jobcentrets opgaver, "
            "når der er hjemmel i lovgivningen – fx at medlemmet er sygemeldt, så samtaler "
            "ikke bliver booket. Men selve diagnosen eller baggrunden for sygdommen må ikke "
            "videregives uden samtykke, medmindre der er en særlig hjemmel. Det er et "
            "spørgsmål om proportionalitet: kun det nødvendige.\n\n"
            "Anbefaling: Giv besked om sygemeldingen, og spørg medlemmet, om hun vil give "
            "samtykke til, at mere kan deles.",
        ),
        _r(
            "op",
            "Tak – klart svar. Vi deler det med a-kasserne i partnerskabet.",
        ),
        hotline=True,
    ),
    _q(
        TVA,
        "Partshøring inden afgørelse om ophør af hjælp – kan fristen være under en uge?",
        "jobcenter",
        0,
        "Vi skal træffe en afgørelse om ophør af kontanthjælp, fordi borgeren ikke har stået "
        "til rådighed. Kan vi give en partshøringsfrist på tre dage, fordi sagen haster?",
        hotline=True,
    ),
    _d(
        TVA,
        "Ankestyrelsens praksis om rimelig grund til udeblivelse – oversigt",
        "jurist",
        140,
        "Jeg har lavet en intern oversigt over de nyeste principafgørelser om rimelig grund "
        "til udeblivelse fra samtaler og tilbud. Skal vi dele den med hele portalen, når den "
        "er gennemgået?",
        _r(
            "jurist:2",
            "Ja, men vi skal være forsigtige med, hvordan vi formulerer os. Det skal være en "
            "vejledning, ikke en fortolkning, som kan forveksles med en afgørelse.",
        ),
        _r(
            "jurist@",
            "Jeg foreslår, at vi laver den som en vejledning med en tydelig dato, så den kan "
            "markeres til gennemgang, når der kommer ny praksis.",
        ),
        _r(
            "op",
            "Godt – jeg sender et udkast til jer begge.",
        ),
        network=JURIST_NET,
    ),
    _q(
        TVA,
        "Hotlinen: standardformulering, når et spørgsmål kræver en konkret sag?",
        "jurist",
        45,
        "Hvordan svarer I på hotlinespørgsmål, hvor svaret reelt kræver, at vi ser sagens "
        "akter? Jeg vil gerne have en fælles formulering.",
        _a(
            "jurist@",
            'Jeg bruger: "Svaret afhænger af de konkrete omstændigheder, som vi ikke kan '
            "vurdere her. Generelt gælder ... Hvis du er i tvivl i den konkrete sag, så "
            'kontakt jeres egen juridiske funktion." Og så giver jeg altid de generelle '
            "regler og de relevante paragraffer, så spørgeren har noget at gå videre med.",
        ),
        _r(
            "op",
            "Tak – den bruger jeg fremover.",
        ),
        network=JURIST_NET,
    ),
    # --- Partnerskabet og blandede emner ---------------------------------------------------------
    _d(
        KFJ,
        "Partnerskabet mellem Jobcenter København og a-kasserne: mål og aftaler for det "
        "kommende år",
        "koordinator@",
        35,
        "Her er et kort overblik over partnerskabets aftaler for det kommende år, som de blev "
        "drøftet på koordinationsmødet:\n\n"
        "1. **Overgangen efter tre måneder:** A-kassen holder en afsluttende samtale, hvor "
        "medlemmet orienteres om selvbookingen i Jobnet, og jobcentret sørger for, at den "
        "første jobsamtale holdes rettidigt.\n"
        "2. **Fælles samtaler efter behov:** Vi holder fælles samtaler for udvalgte målgrupper "
        "– fx seniorer og medlemmer, der er tæt på at miste dagpengeretten.\n"
        "3. **Faste kontaktpersoner:** Hver a-kasse har en fast kontaktperson pr. center i "
        "jobcentret.\n"
        "4. **Opfølgning:** Vi følger op på rettidighed og på, hvor mange der kommer i job, "
        "hvert kvartal.\n\n"
        "Skriv gerne spørgsmål og kommentarer her.",
        _r(
            "akasse",
            "Tak for overblikket. Kan vi få kontaktlisten lagt op som en vejledning, så den er "
            "let at finde?",
        ),
        _r(
            "koordinator@",
            "Ja, vi lægger den op som en vejledning og opdaterer den, når der sker ændringer.",
        ),
        _r(
            "akasse:2",
            "Godt med kvartalsvis opfølgning. Vi vil gerne se tallene pr. a-kasse – også når "
            "de ikke er pæne.",
        ),
        _r(
            "jobcenter",
            "Enig. Det er den eneste måde, vi kan lære af hinanden på.",
        ),
        pinned=True,
    ),
    _q(
        KFJ,
        "Partnerskab: kan vi henvise medlemmer direkte til jobcentrets jobklub?",
        "akasse",
        53,
        "Vi har medlemmer i de første tre måneder, som kunne have gavn af jobcentrets jobklub. "
        "Kan vi henvise dem direkte, eller skal det gå gennem jobcentret?",
        _a(
            "koordinator@",
            "I partnerskabet har vi aftalt, at a-kasserne kan henvise medlemmer direkte til de "
            "åbne jobsøgningsaktiviteter – fx jobklubben og virksomhedsdagene – uden at gå "
            "gennem en sagsbehandler. Det er ikke et tilbud efter LAB, så det er frivilligt "
            "for medlemmet. Send en mail til jobklubbens fællespostkasse med medlemmets navn "
            "og telefonnummer (ingen CPR-numre), så tager de kontakt.",
        ),
        _r(
            "op",
            "Perfekt, det gør vi.",
        ),
    ),
    _d(
        KFJ,
        "Evaluering af partnerskabet – hvad skal vi måle på?",
        "akasse",
        140,
        "Vi skal snart evaluere partnerskabet igen. Tidligere har vi målt på rettidighed og "
        "effekt. Er det stadig de rigtige mål?",
        _r(
            "jobcenter",
            "Rettidighed er vigtig, men det siger ikke noget om kvaliteten af samtalerne. Vi "
            "kunne supplere med en kort tilfredshedsmåling blandt de ledige.",
        ),
        _r(
            "akasse:2",
            "Effekten er svær at måle, fordi målgrupperne er forskellige fra a-kasse til "
            "a-kasse. Vi bør sammenligne med sammenlignelige grupper – ikke med et gennemsnit.",
        ),
        _r(
            "koordinator@",
            "Tak. Vi tager både tilfredshed og sammenlignelige grupper med i oplægget til "
            "evalueringen.",
        ),
    ),
    _q(
        KFJ,
        "Hvilke a-kasser er med i partnerskabet?",
        "jobcenter",
        26,
        'Jeg er ny i jobcentret og hører ofte om "partnerskabet". Hvilke a-kasser er med, og '
        "hvad betyder det for mit arbejde?",
        _a(
            "koordinator@",
            "Partnerskabet er et samarbejde mellem Jobcenter København og en række a-kasser – "
            "bl.a. 3F, FOA, TIB, Metal Hovedstaden, HK og flere andre LO-a-kasser samt "
            "Akademikernes og FTF's a-kasser. Det betyder, at vi har faste kontaktpersoner, "
            "fælles aftaler om overgangen efter de første tre måneder og fælles samtaler efter "
            "behov. Du kan se listen over partner-a-kasser i kollegaoversigten, og der er en "
            "vejledning om partnerskabet under vejledninger.",
        ),
        _r(
            "op",
            "Tak, det giver et godt overblik.",
        ),
    ),
    _d(
        KFJ,
        "Partnerskabets historie – hvorfor startede det?",
        "union",
        270,
        "Vi har fået nye kolleger i fagforeningen, der spørger, hvorfor partnerskabet med "
        "jobcentret overhovedet findes. Har nogen en kort forklaring?",
        _r(
            "koordinator@",
            "Partnerskabet startede, da beskæftigelsessystemet blev samlet i kommunerne i "
            "2009. En række LO-a-kasser og Københavns Kommune ville sikre, at de ledige "
            "oplevede en sammenhængende indsats – og a-kasserne tilbød at varetage "
            "kontaktforløbet i de første måneder. Siden er samarbejdet udvidet med flere "
            "a-kasser.",
        ),
        _r(
            "akasse",
            "Og portalen her er en del af samme tanke: at sagsbehandlerne kender hinanden og "
            "kan spørge direkte.",
        ),
        _r(
            "union",
            "Tak – det kan vi bruge.",
        ),
    ),
    _q(
        KFJ,
        "Fælles samtale for medlem over 55 – hvem booker?",
        "akasse",
        0,
        "Vi har et medlem på 58, som vi gerne vil have en fælles samtale med jobcentret om. "
        "Hvem booker samtalen, og hvordan finder vi en tid, der passer alle?",
    ),
    _q(
        TVA,
        "Rådighed for medlem, der passer en alvorligt syg pårørende",
        "akasse@",
        15,
        "Et medlem passer sin alvorligt syge mor i nogle timer hver dag. Hun søger job og vil "
        "gerne arbejde, men kan ikke tage et fuldtidsjob lige nu. Kan hun bevare "
        "dagpengeretten, og er der andre ordninger, vi bør kende til?",
        _a(
            "jurist",
            "Udgangspunktet er, at et medlem skal kunne tage et fuldtidsjob for at stå til "
            "rådighed efter LAF § 62. Pasning af en pårørende er som hovedregel ikke en grund "
            "til at være fritaget for rådighed. Men der kan være mulighed for, at kommunen "
            "bevilger plejevederlag eller pasning af nærtstående efter serviceloven, hvis "
            "betingelserne er opfyldt – og så er hun ikke ledig i perioden.\n\n"
            "Anbefaling: Tal med hende om mulighederne, og henvis hende til kommunen for en "
            "vurdering af pasningsordningen. I mellemtiden skal hun stå til rådighed, hvis hun "
            "vil have dagpenge.",
        ),
        _r(
            "op",
            "Tak – det er præcis den vejledning, vi manglede.",
        ),
        hotline=True,
    ),
    _q(
        BRF,
        "Skal vi stadig lave en plan for borgere i de første tre måneder?",
        "sagsbehandler@",
        42,
        "Når a-kassen har kontaktforløbet i de første tre måneder, skal jobcentret så stadig "
        "lave en Min Plan for den ledige?",
        _a(
            "jobcenter",
            "Min Plan oprettes for alle ledige, men i de første tre måneder er det a-kassen, "
            "der holder samtalerne og følger op. Jobcentret overtager ansvaret for planen, når "
            "kontaktforløbet overgår. Hvis der skal iværksættes et tilbud i de første tre "
            "måneder, skal det ske i samarbejde med jobcentret.",
        ),
        _r(
            "akasse",
            "Og vi opdaterer planen med de aftaler, vi laver. Så den er aktuel, når den overgår.",
        ),
        _r(
            "op",
            "Tak begge – det giver mening.",
        ),
    ),
    _d(
        LAB,
        "Positivlisten og selvvalgt uddannelse – erfaringer?",
        "jobcenter",
        80,
        "Vi får flere spørgsmål om selvvalgt uddannelse og positivlisten. Hvor mange af jeres "
        "ledige bruger ordningen, og hvordan vejleder I?",
        _r(
            "akasse",
            "Vi vejleder om positivlisten allerede ved første samtale. Det er en af de ting, "
            "medlemmerne er mest glade for at høre om.",
        ),
        _r(
            "jobcenter:2",
            "Vi ser ikke så mange, der bruger den. Jeg tror, mange ikke kender til den.",
        ),
        _r(
            "union",
            "Vi har haft gode erfaringer med at hjælpe medlemmer med at finde kurser på "
            "listen. Der er mange muligheder inden for lager, transport og omsorg.",
        ),
    ),
    _q(
        KTH,
        "Borger i job få timer om ugen – skal hun stadig til samtaler?",
        "jobcenter",
        170,
        "En jobparat kontanthjælpsmodtager har fået et job på 10 timer om ugen. Skal hun "
        "stadig møde til samtaler, og kan de placeres uden for arbejdstiden?",
        _a(
            "jobcenter:2",
            "Ja, hun skal stadig have samtaler, men vi skal tage hensyn til hendes arbejde og "
            "placere samtalerne uden for arbejdstiden, når det er muligt. En telefonsamtale "
            "eller videosamtale er oplagt. Og hun skal ikke straffes for at prioritere jobbet "
            "– det er netop det, vi vil.",
        ),
        _r(
            "op",
            "Tak. Jeg tilbyder hende en videosamtale.",
        ),
    ),
    _q(
        DAG,
        "Rådighedsvurdering ved nedsat tid pga. barsel hos partneren",
        "union",
        2,
        "Et medlem vil gerne gå ned i tid i to måneder, fordi partneren skal starte på arbejde "
        "igen efter barsel. Kan hun bevare dagpenge i den periode?",
    ),
    _q(
        OEK,
        "Ydelsesskift og uddannelseshjælp ved fyldt 30 år",
        "sagsbehandler@",
        57,
        "En borger på uddannelseshjælp fylder 30 år næste måned. Skifter hun automatisk til "
        "kontanthjælp, og skal hun søge på ny?",
        _a(
            "jobcenter",
            "Hun overgår til kontanthjælp fra den første i måneden efter, hun fylder 30 år. "
            "Der skal ikke søges på ny, men vi skal træffe en ny afgørelse om ydelsen og "
            "vurdere visitationen. Sørg for, at ydelsesskiftet er registreret i KMD i god tid, "
            "så udbetalingen er korrekt.",
        ),
        _r(
            "op",
            "Tak – jeg giver YDS besked.",
        ),
    ),
    # --- Flere debatter på tværs af emnerne ------------------------------------------------------
    _d(
        BRF,
        "Afskaffelsen af kravet om jobcentre – hvad betyder det for borgerne i København?",
        "jobcenter",
        21,
        "Reformen af beskæftigelsesindsatsen afskaffer kravet om, at kommunerne skal have et "
        "jobcenter, og giver frihed i organiseringen. I København har vi i forvejen mange "
        "centre med hver sin målgruppe.\n\n"
        "Jeg er nysgerrig på, hvad I forventer. Bliver det mere enkelt for borgerne – eller "
        "risikerer vi, at ingen ved, hvor de skal henvende sig?",
        _r(
            "jobcenter:2",
            "Jeg tror, det bliver mere enkelt, hvis vi bruger friheden til at samle indsatsen "
            "omkring borgeren i stedet for omkring ydelsen. Lige nu skifter en borger center, "
            "når ydelsen skifter, og det er forvirrende.",
        ),
        _r(
            "akasse",
            "For os i a-kasserne er det vigtigste, at vi ved, hvem vi skal ringe til. Hvis "
            "organiseringen ændres, så lad os få en opdateret kontaktliste samme dag.",
        ),
        _r(
            "union",
            "Fra fagforeningens side er vi bekymrede for borgere, der i forvejen har svært ved "
            "at finde rundt. Et fysisk sted, man kan gå hen, betyder meget for dem.",
        ),
        _r(
            "koordinator@",
            "Helt enig i behovet for kontaktlisten. Vi lægger den i vejledningen om "
            "partnerskabet og markerer den til gennemgang, hver gang organiseringen ændres.",
            quote=1,
        ),
        _r(
            "jobcenter",
            "Tak for input. Jeg samler pointerne og tager dem med til vores centermøde.",
        ),
    ),
    _d(
        BRF,
        "A-kassernes rolle efter reformen – flere opgaver, samme ressourcer?",
        "akasse",
        49,
        "Vi har efterhånden fået ansvaret for kontaktforløbet i de første tre måneder, og "
        "reformen lægger op til mere fleksible forløb. Det er positivt, men vi mærker presset.\n\n"
        "Hvordan prioriterer I andre a-kasser? Har I fået flere ressourcer, eller har I skåret "
        "andet væk?",
        _r(
            "akasse:2",
            "Vi har skåret ned på de generelle informationsmøder og bruger tiden på "
            "individuelle samtaler i stedet. Medlemmerne har ikke klaget – de foretrækker "
            "samtalen.",
        ),
        _r(
            "akasse:3",
            "Vi har lavet digitale CV-værksteder, så vi ikke skal gennemgå basale ting ved "
            "hver samtale. Det har frigivet tid.",
        ),
        _r(
            "jobcenter",
            "Set fra jobcentret har vi mærket, at de ledige, der kommer fra a-kassen, er bedre "
            "forberedt end før. Så investeringen betaler sig også for os.",
        ),
        _r(
            "op",
            "Det er rart at høre. Vi tager de digitale værksteder op i vores team.",
        ),
    ),
    _d(
        BRF,
        "Høringssvar om beskæftigelsesreformen – hvad skrev I?",
        "union",
        420,
        "Vi har samlet vores høringssvar om reformen af beskæftigelsesindsatsen. Er der nogen, "
        "der vil dele hovedpunkterne fra deres organisation? Det kunne være nyttigt at se, "
        "hvor vi er enige.",
        _r(
            "akasse",
            "Vores hovedpunkt var sikring af rådighedsvurderingen hos a-kassen og klare "
            "snitflader, når kommunen organiserer sig frit.",
        ),
        _r(
            "union:2",
            "Vi lagde vægt på retssikkerheden for de svageste ledige – at friheden i "
            "kontaktforløbet ikke må betyde, at nogen bliver glemt.",
        ),
        _r(
            "redaktoer@",
            "Tak for bidragene. Høringsperioden er slut, så vi lukker tråden. Når loven er "
            "vedtaget, opretter vi en samlet tråd om, hvad reformen betyder i praksis.",
        ),
        closed=True,
    ),
    _d(
        BRF,
        "Mere fleksible tilbud – hvad ville I gøre anderledes?",
        "jobcenter",
        13,
        "Hvis vi får mere frihed i valget af tilbud, hvad ville I så gøre anderledes? Jeg vil "
        'starte: Jeg ville bruge flere korte virksomhedspraktikker som "afprøvning" i stedet '
        "for lange vejledningsforløb.",
        _r(
            "jobcenter:2",
            "Jeg ville bruge mere opkvalificering tidligt – især for ufaglærte, der har været "
            "i samme job i mange år. De venter for længe.",
        ),
        _r(
            "akasse",
            "Vi ville gerne kunne henvise direkte til korte brancherettede kurser i de første "
            "tre måneder.",
        ),
        _r(
            "union",
            "Og så skal vi huske, at borgeren skal inddrages i valget. Et tilbud, som borgeren "
            "selv har været med til at vælge, har langt bedre effekt.",
        ),
        _r(
            "jobcenter:3",
            "Korte praktikker er gode, men kun hvis der er en reel jobmulighed bagefter. "
            "Ellers bliver det en praktikkarrusel.",
            quote=0,
        ),
        _r(
            "op",
            "Enig – det skal være med en konkret jobåbning for øje. Tak for alle input.",
            quote=3,
        ),
    ),
    _d(
        LAB,
        "Løntilskud eller virksomhedspraktik – hvad virker bedst for dagpengemodtagere?",
        "jobcenter",
        235,
        "Vi diskuterer i teamet, om vi skal bruge flere løntilskud og færre praktikker for "
        "dagpengemodtagere. Hvad er jeres erfaring?",
        _r(
            "jobcenter:2",
            "Løntilskud virker bedst, når der er en reel stilling bagefter. Praktik er bedre "
            "til at afprøve en branche.",
        ),
        _r(
            "akasse",
            'Medlemmerne foretrækker løntilskud, fordi de får løn og er "rigtigt" ansat. Det '
            "betyder noget for motivationen.",
        ),
        _r(
            "union",
            "Husk overenskomsten og rimelighedskravet. Vi har set løntilskud, der har "
            "fortrængt ordinært ansatte.",
        ),
        _r(
            "jobcenter",
            "Tak – jeg tager pointen med rimelighedskravet med til teamet.",
        ),
    ),
    _d(
        LAB,
        "Mentorstøtte til ledige – hvem bevilger, og hvornår?",
        "akasse",
        125,
        "Vi har medlemmer, der kunne have gavn af en mentor i de første uger i et nyt job. "
        "Hvordan ser jobcentret på det, og hvem skal tage initiativet?",
        _r(
            "jobcenter",
            "Mentorstøtte bevilges af jobcentret efter en konkret vurdering. I kan gerne tage "
            "initiativet – skriv til sagsbehandleren med en kort begrundelse.",
        ),
        _r(
            "jobcenter:2",
            "Det virker bedst, når mentoren er en kollega på arbejdspladsen. Virksomheden kan "
            "få dækket en del af timerne.",
        ),
        _r(
            "op",
            "Tak – vi tager det op med jeres virksomhedskonsulenter.",
        ),
    ),
    _d(
        LAB,
        "Uddannelsesløft og voksenlærlinge – bruger vi det nok?",
        "jobcenter",
        275,
        "Jeg har en fornemmelse af, at vi ikke bruger voksenlærlingeordningen nok til "
        "ufaglærte ledige. Er det bare mig?",
        _r(
            "jobcenter:2",
            "Nej, det er ikke bare dig. Mange virksomheder kender ikke ordningen.",
        ),
        _r(
            "union",
            "Fra 3F's side vil vi gerne være med til at udbrede kendskabet. Vi har mange "
            "medlemmer, der ville elske at få et fagbrev.",
        ),
        _r(
            "akasse",
            "Vi kan nævne det i vores samtaler i de første tre måneder, hvis I giver os en "
            "kort beskrivelse.",
        ),
        _r(
            "editor",
            "Vi laver en kort vejledning om voksenlærlingeordningen, som kan bruges af alle.",
        ),
    ),
    _d(
        LAB,
        "Rimelig grund til at afvise et tilbud – eksempler fra praksis",
        "union",
        90,
        "Vi får ofte spørgsmål fra medlemmer om, hvornår de kan sige nej til et tilbud. Hvilke "
        "situationer ser I, hvor afvisningen er accepteret?",
        _r(
            "akasse",
            "Typiske eksempler: dokumenteret sygdom, pasning af syge børn, og at tilbuddet "
            "ligger uden for rimelig transporttid.",
        ),
        _r(
            "jobcenter",
            "Vi ser også, at et tilbud kan afvises, hvis det er helt uden sammenhæng med den "
            "plan, der er aftalt. Men det skal dokumenteres.",
        ),
        _r(
            "jurist",
            "Vurderingen af rimelig grund – for kontanthjælpsmodtagere efter LAS § 13 – er "
            "altid konkret, og den skal fremgå af afgørelsen. Ankestyrelsen lægger vægt på, om "
            "borgeren er vejledt om konsekvenserne, og om forholdet er dokumenteret.",
        ),
    ),
    _d(
        KTH,
        "Jobparate kontanthjælpsmodtagere og sprogkrav – hvordan vejleder I?",
        "jobcenter",
        52,
        "Vi har mange jobparate borgere, hvor sproget er den største barriere. Hvordan "
        "tilrettelægger I jobsøgningen, så den er realistisk?",
        _r(
            "jobcenter:2",
            "Vi kombinerer danskundervisning med praktik i virksomheder, hvor sproget ikke er "
            "det vigtigste – fx lager og køkken. Sproget kommer hurtigere på en arbejdsplads.",
        ),
        _r(
            "union",
            "Nogle af vores medlemmer har gode erfaringer med brancherettet dansk. Det er værd "
            "at spørge efter.",
        ),
        _r(
            "jobcenter:3",
            "Og pas på med at visitere som aktivitetsparat alene pga. sproget. Det er ikke i "
            "sig selv en grund.",
        ),
        _r(
            "op",
            "God pointe – det har vi faktisk diskuteret i teamet. Tak.",
            quote=2,
        ),
    ),
    _d(
        KTH,
        "Sanktioner i overgangen fra dagpenge – forslag til fælles tjekliste",
        "union",
        185,
        "I forlængelse af tråden om sanktionsreglerne: Skal vi lave en fælles tjekliste for "
        "overgangen fra dagpenge til kontanthjælp, så borgeren får den samme information fra "
        "a-kasse, fagforening og jobcenter?\n\n"
        "Mit udkast:\n"
        "1. Søg kontanthjælp, før dagpengene stopper.\n"
        "2. Tjek Digital Post hver dag – også selvom a-kassen brugte en app.\n"
        "3. Kend reglerne for fravær og sygemelding.\n"
        "4. Kend konsekvenserne af udeblivelse.",
        _r(
            "akasse",
            "God idé. Vi kan sende den med, når der er fire uger tilbage af dagpengeretten.",
        ),
        _r(
            "jobcenter",
            'Tilføj gerne: "Har du en ægtefælle eller samlever, så har I gensidig '
            'forsørgelsespligt". Det er det, der overrasker flest.',
        ),
        _r(
            "jobcenter:2",
            'Og: "Ferie optjenes først efter 12 måneder med kontanthjælp."',
        ),
        _r(
            "editor",
            "Jeg samler det til en vejledning og sender den til gennemsyn hos juristerne.",
        ),
    ),
    _d(
        KTH,
        "Kontanthjælpsloftet og familier med børn – hvordan taler vi om det?",
        "jobcenter",
        300,
        "Vi har en del familier, hvor kontanthjælpsloftet betyder meget for økonomien. Hvordan "
        "taler I med borgerne om det uden at lyde som en opkrævning?",
        _r(
            "jobcenter:2",
            "Jeg starter altid med at vise, hvad der sker, hvis de får arbejde – også få "
            "timer. Mange tror, de mister det hele.",
        ),
        _r(
            "union",
            "Vi har set, at en konkret beregning gør en stor forskel. Spørg YDS om en "
            "prøveberegning.",
        ),
        _r(
            "jobcenter",
            "Tak – prøveberegning er en god idé.",
        ),
    ),
    _d(
        DAG,
        "Rådighedsvurderingen for medlemmer i deltidsjob – hvordan gør I?",
        "akasse",
        80,
        "Medlemmer med deltidsjob og supplerende dagpenge skal stå til rådighed for "
        "fuldtidsarbejde. Hvordan vurderer I det i praksis, når de samtidig skal passe deres "
        "deltidsjob?",
        _r(
            "akasse:2",
            "Vi vurderer, om de søger fuldtidsjob eller flere timer hos den nuværende "
            "arbejdsgiver. Det er også rådighed at spørge efter flere timer.",
        ),
        _r(
            "jobcenter",
            "Fra jobcentret: Vi lægger samtalerne uden for arbejdstiden, så jobbet ikke bliver "
            "en hindring.",
        ),
        _r(
            "union",
            "Husk, at deltidsjobbet kan være en vej ind til fuldtid. Det er ikke et problem, "
            "at de prioriterer det.",
        ),
        _r(
            "op",
            "Tak – det er en god balance.",
        ),
    ),
    _d(
        DAG,
        "Medlemmer på dagpenge og frivilligt arbejde – hvor går grænsen?",
        "union",
        115,
        "Mange medlemmer vil gerne lave frivilligt arbejde, mens de er ledige. Hvornår bliver "
        "det et problem for dagpengene?",
        _r(
            "akasse",
            "Frivilligt arbejde er i orden, så længe det er ulønnet, almindeligt forekommende "
            "frivilligt arbejde, og medlemmet står til rådighed. Det må ikke være et arbejde, "
            "der normalt udføres mod løn.",
        ),
        _r(
            "akasse:2",
            "Der er en grænse for, hvor mange timer man kan lave frivilligt arbejde om ugen "
            "uden fradrag. Medlemmet skal altid spørge a-kassen først.",
        ),
        _r(
            "union",
            "Tak – vi skriver det i vores nyhedsbrev.",
        ),
    ),
    _d(
        DAG,
        "Seniorer og dagpenge – hvad ved I om seniorjob?",
        "jobcenter",
        195,
        "Jeg har flere borgere over 60, der er tæt på at miste dagpengeretten. Hvad ved I om "
        "seniorjob, og hvordan vejleder I?",
        _r(
            "akasse",
            "Seniorjob er en ret for personer, der opfylder betingelserne, og som mister "
            "dagpengeretten inden for en bestemt periode før efterlønsalderen. A-kassen "
            "vejleder om det, og kommunen skal tilbyde jobbet.",
        ),
        _r(
            "jobcenter:2",
            "Vi har en fast procedure: A-kassen giver besked, når et medlem er omfattet, og så "
            "går vi i gang med at finde et seniorjob.",
        ),
        _r(
            "op",
            "Tak – godt at vide, at der er en procedure.",
        ),
    ),
    _d(
        OEK,
        "Fejludbetalinger – hvordan forebygger vi dem?",
        "jobcenter",
        98,
        "Vi har haft en del fejludbetalinger, fordi ophør af tilbud ikke blev registreret i "
        "tide. Hvad gør I for at forebygge?",
        _r(
            "jobcenter:2",
            "Vi har en fast ugentlig gennemgang af ophør i KAS og Fasit. Det er den eneste "
            "måde, vi har fundet.",
        ),
        _r(
            "jobcenter:3",
            "Advis om lukkedato er afgørende. Vi har sat den op som en af de få adviser, vi "
            "altid ser.",
        ),
        _r(
            "editor",
            "Vi har en vejledning om adviser i Fasit. Den er lige nu markeret til gennemgang – "
            "vi opdaterer den.",
        ),
    ),
    _d(
        OEK,
        "Hvad gør vi, når et medlem får et tilbagebetalingskrav, hun ikke forstår?",
        "union",
        250,
        "Vi ser mange medlemmer, der får et tilbagebetalingskrav uden at forstå, hvorfor. Hvad "
        "er den bedste måde at hjælpe dem på?",
        _r(
            "jobcenter",
            "Bed om en udspecificeret beregning. Den skal vi kunne levere.",
        ),
        _r(
            "jurist",
            "Og tjek, om der er partshørt efter FVL § 19, og om afgørelsen er begrundet efter "
            "FVL § 22. Mangler det, er afgørelsen angribelig.",
        ),
        _r(
            "union",
            "Tak – vi har lavet en lille tjekliste på baggrund af jeres svar.",
        ),
    ),
    _d(
        DIG,
        "Portalens nye søgning – virker den for jer?",
        "koordinator@",
        31,
        "Den nye søgning i portalen skulle gerne finde svar på tværs af tråde og vejledninger "
        '– også når man søger på sammensatte ord som "rådighedsvurderingen" eller '
        '"genoptjeningskravet". Hvordan fungerer den for jer?',
        _r(
            "jobcenter",
            "Den fandt tråden om 225-timersreglen med det samme. Meget bedre end før.",
        ),
        _r(
            "akasse",
            'Jeg søgte på "ydelsesskift" og fik både tråde og vejledningen. Godt.',
        ),
        _r(
            "union",
            'Jeg fik lidt mange resultater på "sanktion". Kan man filtrere på emne?',
        ),
        _r(
            "redaktoer@",
            "Tak for tilbagemeldingen – den giver vi videre. Indtil videre hjælper det at søge "
            'på flere ord på én gang, fx "sanktion udeblivelse kontanthjælp", så kommer de '
            "mest relevante tråde øverst.",
            quote=2,
        ),
    ),
    _d(
        DIG,
        "Videosamtaler – hvilke værktøjer bruger I?",
        "jobcenter",
        145,
        "Vi bruger forskellige værktøjer til videosamtaler i de forskellige centre. Hvad "
        "bruger I, og hvad virker for borgerne?",
        _r(
            "jobcenter:2",
            "Vi bruger den løsning, kommunen har godkendt. Borgerne får et link i Digital Post.",
        ),
        _r(
            "akasse",
            "Vi bruger vores eget system. Det virker fint, men nogle medlemmer har svært ved "
            "det tekniske.",
        ),
        _r(
            "union",
            "Husk at tjekke, at løsningen er godkendt til persondata. Det er ikke alle gratis "
            "værktøjer, der er det.",
        ),
    ),
    _d(
        DIG,
        "Udviklingsmål og leverandørrapporter – er vi færdige med dobbeltlæsningen?",
        "jobcenter",
        420,
        "Efter at interne leverandørrapporter skal skrives i fagsystemet, har jeg stadig "
        "kolleger, der modtager rapporter via Udviklingsmål. Er overgangen færdig?",
        _r(
            "jobcenter:2",
            "De interne leverandører er flyttet. De eksterne er stadig i Udviklingsmål, fordi "
            "de ikke har adgang til fagsystemet.",
        ),
        _r(
            "jobcenter:3",
            "Det er stadig dobbeltlæsning for de eksterne, men det er blevet bedre.",
        ),
    ),
    _d(
        TVA,
        "Temamøde om rådighedsvurderingen – opsamling",
        "koordinator@",
        55,
        "Tak til alle, der deltog i temamødet om rådighedsvurderingen. Her er de vigtigste "
        "pointer:\n\n"
        "- A-kassen vurderer rådigheden; jobcentret orienterer med en kort, saglig "
        "beskrivelse.\n"
        "- Jobloggen er udgangspunktet for samtalen – både i a-kassen og i jobcentret.\n"
        "- Medlemmer med helbredsproblemer kræver en konkret vurdering.\n\n"
        "Skriv gerne, hvis I savner noget i opsamlingen.",
        _r(
            "akasse",
            "Tak for en god dag. Det var værdifuldt at høre jobcentrets perspektiv.",
        ),
        _r(
            "jobcenter",
            "Enig. Kunne vi lave et lignende temamøde om partshøring?",
        ),
        _r(
            "koordinator@",
            "Ja – det er allerede på listen til næste halvår.",
        ),
    ),
    _d(
        TVA,
        "Socialrådgiverne i fagforeningerne – hvordan bruger jobcentret os?",
        "union",
        205,
        "Vi har socialrådgivere i fagforeningerne, der kan hjælpe medlemmer i komplicerede "
        "sager. Jeg har indtryk af, at jobcentret ikke altid ved det. Hvordan kan vi blive "
        "bedre til at samarbejde?",
        _r(
            "jobcenter",
            "Jeg vidste det faktisk ikke. Hvordan kontakter man jer?",
        ),
        _r(
            "union",
            'Via kollegaoversigten her på portalen – søg på fagforeningen og "socialrådgiver".',
        ),
        _r(
            "jobcenter:2",
            "Vi kunne nævne det i vores velkomstmateriale til nye kolleger.",
        ),
        _r(
            "op",
            "Det ville være fantastisk. Tak.",
        ),
    ),
    _d(
        TVA,
        "Hvordan skriver vi afgørelser i et sprog, borgerne forstår?",
        "jobcenter",
        365,
        "Vi har fået kritik for, at vores afgørelser er svære at læse. Har nogen gode "
        "erfaringer med at skrive klart – uden at gå på kompromis med det juridiske?",
        _r(
            "jurist",
            "Start med konklusionen, så begrundelsen, så reglerne. Brug korte sætninger, og "
            "forklar juridiske begreber.",
        ),
        _r(
            "jobcenter:2",
            "Vi har fået gode erfaringer med at læse afgørelsen højt for en kollega. Hvis den "
            "lyder mærkelig, så skriv den om.",
        ),
        _r(
            "union",
            "Fra fagforeningen: Medlemmerne forstår meget bedre, når der står, hvad de skal "
            "gøre nu.",
        ),
        _r(
            "editor",
            "Vi har samlet gode eksempler i vejledningen om partshøring. Vi tilføjer et afsnit "
            "om klart sprog.",
        ),
    ),
    _d(
        KFJ,
        "Partnerskabets jobklubber – hvad virker?",
        "akasse",
        175,
        "Flere af partnerskabets a-kasser har drevet jobklubber i årevis. Hvad virker, og hvad "
        "har I droppet?",
        _r(
            "akasse:2",
            "Det, der virker, er korte forløb med konkrete job – fx rekrutteringsdage med "
            "virksomheder. Det, vi har droppet, er de lange generelle forløb.",
        ),
        _r(
            "akasse:3",
            "Vi har haft succes med at invitere tidligere medlemmer, der har fået job, til at "
            "fortælle om det.",
        ),
        _r(
            "jobcenter",
            "Fra jobcentret: Vi vil gerne samarbejde om rekrutteringsdagene. Det giver os "
            "adgang til flere kandidater.",
        ),
        _r(
            "koordinator@",
            "Det tager vi med i næste års aftaler.",
        ),
    ),
    _d(
        KFJ,
        "Når den ledige selv har fundet et job – hvordan følger vi op?",
        "jobcenter",
        65,
        "Vi har mange ledige, der selv finder job. Skal vi følge op, og i så fald hvordan?",
        _r(
            "akasse",
            "Vi sender en kort besked og ønsker held og lykke. Og så minder vi om, at de skal "
            "afmelde sig i Jobnet.",
        ),
        _r(
            "jobcenter:2",
            "Vi følger op efter en måned for at se, om jobbet holder. Det er en god måde at "
            "forebygge tilbagefald.",
        ),
        _r(
            "union",
            "Og husk at fortælle dem om fagforeningen, hvis de ikke allerede er medlem.",
        ),
    ),
]

GUIDES = [
    {
        "topic": KTH,
        "title": ("225-timersreglen: hvad tæller, og hvordan vejleder vi?"),
        "summary": (
            "Kort vejledning om arbejdskravet på 225 timer for modtagere af kontanthjælp og "
            "uddannelseshjælp: hvad der tæller med, varsling og typiske fejl."
        ),
        "body": (
            "## Hvem er omfattet\n"
            "Reglen gælder for personer, der har modtaget hjælp i sammenlagt mindst et år "
            "inden for de seneste tre år. De skal have haft mindst 225 timers ordinært og "
            "ustøttet arbejde inden for de seneste 12 kalendermåneder for at bevare retten til "
            "fuld hjælp. Hovedparten af de aktivitetsparate er undtaget – men ikke alle.\n\n"
            "## Hvad tæller med\n"
            "- Almindeligt lønarbejde efter opgjorte timer – også gennem et vikarbureau.\n"
            "- Selvstændig virksomhed, hvis den har et omfang, der kan dokumenteres, og der "
            "ikke samtidig er udbetalt hjælp.\n\n"
            "## Hvad tæller ikke\n"
            "- Virksomhedspraktik og ansættelse med løntilskud.\n"
            "- Timer, der ligger før en tidligere nedsættelse, når borgeren skal genvinde "
            "retten til fuld hjælp.\n\n"
            "## Varsling og vejledning\n"
            "Borgeren skal vejledes, når hjælpen bevilges, og varsles i god tid, før hjælpen "
            "nedsættes eller bortfalder. Tjek, at standardteksten faktisk er med i "
            "bevillingsbrevet. Partshør efter forvaltningslovens § 19, hvis afgørelsen bygger "
            "på oplysninger, borgeren ikke kender.\n\n"
            "## Typiske fejl\n"
            '- Der tælles "12 måneder fra i dag" i stedet for 12 kalendermåneder.\n'
            "- Lønsedler fra den seneste måned er ikke indberettet endnu – bed borgeren om "
            "dem."
        ),
        "law_references": "LAS § 13 f, LAS § 13 g, FVL § 19",
        "owner": "editor",
        "review_in_days": -45,
        "from_thread_title": ("Tæller timer fra et vikarbureau med i 225-timersreglen?"),
        "review_reason": (
            "Skal gennemgås i lyset af det nye kontanthjælpssystem og de ændrede regler om "
            "arbejdskrav."
        ),
    },
    {
        "topic": KTH,
        "title": ("Gensidig forsørgelsespligt: ægtefæller og samlevende"),
        "summary": (
            "Hvornår er to personer samlevende i forhold til kontanthjælpen, hvad skal sagen "
            "oplyses med, og hvordan begrunder vi afgørelsen."
        ),
        "body": (
            "## Udgangspunktet\n"
            "Ægtefæller har gensidig forsørgelsespligt, jf. LAS § 2. For ugifte samlevende "
            "gælder der særlige regler, der betyder, at samleverens indtægt og formue kan have "
            "betydning for hjælpen.\n\n"
            "## Hvornår er man samlevende?\n"
            "Fælles bopæl er kun ét element. Se også på:\n"
            "- om der er fælles økonomi (fælles konto, fælles faste udgifter ud over husleje),\n"
            "- om parret fremstår som et par over for omverdenen,\n"
            "- hvor længe de har boet sammen.\n\n"
            "## Sådan oplyser du sagen\n"
            "Officialprincippet betyder, at kommunen skal oplyse sagen. Bed om relevante "
            "dokumenter (fx lejekontrakt), men lad ikke ét dokument afgøre sagen. Borgerens "
            "egne oplysninger er også et bevis.\n\n"
            "## Afgørelsen\n"
            "Partshør efter forvaltningslovens § 19 over oplysninger, der taler imod borgeren. "
            'Begrundelsen skal nævne de konkrete forhold, der er lagt vægt på – "samme '
            'adresse" alene holder ikke.'
        ),
        "law_references": "LAS § 2, LAS § 11, FVL § 19, FVL § 22",
        "owner": "jurist",
        "review_in_days": 150,
        "from_thread_title": (
            "Samlevende eller bare bofæller? Vurdering af gensidig forsørgelsespligt"
        ),
    },
    {
        "topic": KTH,
        "title": ("Sanktioner for kontanthjælpsmodtagere – tjekliste før afgørelsen"),
        "summary": (
            "Tjekliste til fradrag og sanktioner efter aktivloven: vejledning, rimelig grund, "
            "beregning af dage og partshøring."
        ),
        "body": (
            "## 1. Er borgeren vejledt?\n"
            "Der kan kun sanktioneres, hvis borgeren er vejledt om rådighedspligten og "
            "konsekvenserne – og vejledningen er dokumenteret. Standardbreve alene er svage, "
            "især i overgangen fra dagpenge.\n\n"
            "## 2. Er der en rimelig grund?\n"
            "Vurder konkret, om der er en rimelig grund til udeblivelsen. Tjek Digital Post og "
            "Fasit for henvendelser, der kan være overset.\n\n"
            "## 3. Antal dage\n"
            "Fradraget beregnes for de dage, hvor borgeren ikke har stået til rådighed: fra "
            "udeblivelsen og til borgeren igen tager kontakt.\n\n"
            "## 4. Visitation\n"
            "Ved gentagne udeblivelser: Er borgeren visiteret rigtigt? Aktivitetsparate kan "
            "ikke rammes af den skærpede rådighedssanktion.\n\n"
            "## 5. Partshøring og begrundelse\n"
            "Partshør, og skriv en konkret begrundelse med henvisning til de anvendte regler."
        ),
        "law_references": "LAS § 13, LAS § 36, LAS § 40 a, FVL § 19, FVL § 24",
        "owner": "jurist",
        "review_in_days": 60,
        "from_thread_title": (
            "Fradrag i kontanthjælpen ved udeblivelse fra samtale – hvor mange dage?"
        ),
    },
    {
        "topic": KFJ,
        "title": ("Overgangen fra a-kassens kontaktforløb til jobcentret"),
        "summary": (
            "Hvem gør hvad, når dagpengemodtagerens kontaktforløb overgår fra a-kassen til "
            "jobcentret efter de første tre måneder."
        ),
        "body": (
            "## De første tre måneder\n"
            "A-kassen har kontaktforløbet og holder samtalerne. Jobcentret kan stadig tage "
            "kontakt fx i forbindelse med rekruttering.\n\n"
            "## Den sidste samtale i a-kassen\n"
            "A-kassen orienterer medlemmet om, at der kommer en bookingopgave i Jobnet, og at "
            "den skal løses inden fristen. Skriv det i referatet.\n\n"
            "## Første jobsamtale i jobcentret\n"
            "Jobcentret har ansvaret for, at samtalen holdes rettidigt. Tjek bookede samtaler "
            "i a-kassen, så de ikke ligger samme dag.\n\n"
            "## Rådigheden\n"
            "A-kassen har fortsat ansvaret for rådighedsvurderingen. Jobcentret orienterer "
            "a-kassen om udeblivelser og afviste job med en kort, saglig beskrivelse."
        ),
        "law_references": "LAB, LAF § 62",
        "owner": "redaktoer@",
        "review_in_days": 90,
        "from_thread_title": (
            "Overgangen fra a-kassens kontaktforløb til jobcentret efter tre måneder – hvem "
            "indkalder?"
        ),
    },
    {
        "topic": DAG,
        "title": ('Jobloggen og rådighedsvurderingen – hvad er "nok"?'),
        "summary": (
            "Hvad a-kasserne og jobcentret kigger efter i jobloggen, og hvordan medlemmet får "
            "den i orden før samtalerne."
        ),
        "body": (
            "## Løbende og konkret\n"
            "Jobloggen skal vise løbende aktivitet og konkrete job. To linjer pr. ansøgning er "
            'fint, hvis de er konkrete. "Søgt i Jobnet" er ikke nok.\n\n'
            "## Bredt nok\n"
            "Jobsøgningen skal være bred nok i forhold til medlemmets faglighed og "
            "ledighedsperiode. Efter de første tre måneder skal medlemmet som hovedregel også "
            "søge job uden for sit fagområde.\n\n"
            "## Det, medlemmerne glemmer\n"
            "- Uopfordrede ansøgninger og netværkskontakter skal også skrives ind.\n"
            "- Jobloggen skal være opdateret før samtalen.\n\n"
            "## For jobcentret\n"
            "Brug jobloggen som udgangspunkt for samtalen, og giv a-kassen besked, hvis der er "
            "tegn på rådighedsproblemer."
        ),
        "law_references": "LAF § 62",
        "owner": "editor",
        "review_in_days": 200,
        "from_thread_title": ('Jobloggen: hvor meget er "nok"?'),
    },
    {
        "topic": DAG,
        "title": ("Selvforskyldt ledighed og karantæne"),
        "summary": (
            "Hvad der er selvforskyldt ledighed, hvordan sagen oplyses, og hvad karantænen "
            "betyder for kontaktforløbet."
        ),
        "body": (
            "## Hvornår er ledigheden selvforskyldt?\n"
            "Når medlemmet selv siger op uden gyldig grund, eller bliver afskediget på grund "
            "af egne forhold i et omfang, der gør det rimeligt. Arbejdsgiverens ord på "
            "blanketten er ikke nok i sig selv.\n\n"
            "## Sådan oplyses sagen\n"
            "Partshør medlemmet, og bed om arbejdsgiverens uddybning. Medlemmets egen version "
            "skal være konkret.\n\n"
            "## Karantænen\n"
            "Medlemmet får ikke dagpenge i karantæneperioden, men er stadig tilmeldt som "
            "ledig. Samtalerne skal holdes, og medlemmet skal stå til rådighed.\n\n"
            "## Fagforeningen\n"
            "Hvis der er en faglig sag om afskedigelsen, kan resultatet have betydning for "
            "vurderingen."
        ),
        "law_references": "LAF § 63, FVL § 19",
        "owner": "jurist",
        "review_in_days": -20,
        "from_thread_title": (
            'Afskedigelse pga. "samarbejdsvanskeligheder" – er det selvforskyldt?'
        ),
    },
    {
        "topic": DAG,
        "title": ("Supplerende dagpenge og 30-ugersreglen"),
        "summary": (
            "Kort forklaring af, hvordan ugerne med supplerende dagpenge tælles, og hvad der "
            "sker, når de er brugt."
        ),
        "body": (
            "## Reglen\n"
            "Supplerende dagpenge kan som hovedregel udbetales i 30 uger inden for 104 uger. "
            "En uge tæller med, når der er udbetalt supplerende dagpenge for ugen.\n\n"
            "## Når ugerne er brugt\n"
            "Medlemmet kan ikke få supplerende dagpenge til den samme deltidsbeskæftigelse, "
            "før perioden er rullet videre – men kan få dagpenge som fuldt ledig, hvis jobbet "
            "ophører.\n\n"
            "## Undtagelser\n"
            "Der er undtagelser for visse typer arbejde. Henvis altid til a-kassen for en "
            "konkret opgørelse."
        ),
        "law_references": "LAF",
        "owner": "editor",
        "review_in_days": 120,
        "from_thread_title": ("Supplerende dagpenge – hvordan tæller 30-ugersreglen?"),
    },
    {
        "topic": DAG,
        "title": ("Ferie med dagpenge og ferie for kontanthjælpsmodtagere"),
        "summary": (
            "Sådan registreres ferie, så samtaler og tilbud ikke lægges i ferien, og hvad der "
            "sker ved sygdom i ferien."
        ),
        "body": (
            "## Dagpengemodtagere\n"
            "Ferien registreres i Jobnet. Allerede bookede samtaler i ferien flyttes ikke "
            "automatisk – medlemmet skal ombooke eller kontakte jobcentret. Ferie holdes i "
            "hele dage og meldes i god tid.\n\n"
            "## Kontanthjælpsmodtagere\n"
            "Retten til ferie optjenes efter 12 måneder med hjælp. Ferien aftales med "
            "jobcentret og registreres i Fasit.\n\n"
            "## Sygdom i ferien\n"
            "Medlemmet melder sig syg til a-kassen den første sygedag. Med dokumentation kan "
            "der som udgangspunkt holdes erstatningsferie."
        ),
        "law_references": "LAF, LAS § 13",
        "owner": "editor",
        "review_in_days": -90,
        "from_thread_title": (
            "Medlem vil holde ferie med dagpenge i juli – hvad skal jobcentret vide?"
        ),
        "review_reason": (
            "Ferievejledningen skal tjekkes mod de seneste ændringer i ferie- og rådighedsreglerne."
        ),
    },
    {
        "topic": OEK,
        "title": ("Partshøring efter forvaltningslovens § 19"),
        "summary": (
            "Hvornår der skal partshøres, hvordan det dokumenteres, og hvor lang fristen skal være."
        ),
        "body": (
            "## Hvornår\n"
            "Der skal partshøres over oplysninger om sagens faktiske grundlag, som er til "
            "ugunst for borgeren, og som borgeren ikke kan antages at kende. Har borgeren selv "
            "givet oplysningen, er der normalt ikke pligt – men afviger fx oplysninger fra "
            "eIndkomst, skal der partshøres over dem.\n\n"
            "## Mundtligt eller skriftligt\n"
            "Der er ingen formkrav. En mundtlig partshøring skal dokumenteres i et "
            "journalnotat: hvilke oplysninger, hvad borgeren svarede, og hvilken frist der "
            "blev givet. Ved komplicerede sager: skriftligt.\n\n"
            "## Fristen\n"
            "Fristen skal give en reel mulighed for at svare. En kort frist skal kunne "
            "begrundes i sagens karakter.\n\n"
            "## Eksempel på formulering\n"
            '"Vi har fået oplyst, at du har haft en indtægt i perioden. Oplysningen kan '
            "betyde, at din hjælp bliver nedsat. Du kan komme med bemærkninger inden 10 "
            'dage."'
        ),
        "law_references": "FVL § 19, FVL § 22, FVL § 24",
        "owner": "jurist",
        "review_in_days": 180,
        "from_thread_title": ("Partshøring efter forvaltningslovens § 19 – kan den ske mundtligt?"),
    },
    {
        "topic": OEK,
        "title": ("Tilbagebetaling af kontanthjælp og dagpenge"),
        "summary": (
            "Betingelserne for at kræve ydelser tilbage, betydningen af vejledning og forældelse."
        ),
        "body": (
            "## Kontanthjælp\n"
            "Efter LAS § 91 kan hjælpen kræves tilbage, når borgeren mod bedre vidende har "
            "undladt at give oplysninger eller har modtaget hjælp, vedkommende vidste eller "
            "burde vide var uberettiget. Dokumenteret vejledning om oplysningspligten er "
            "afgørende.\n\n"
            "## Dagpenge\n"
            "Efter LAF § 86 kan a-kassen kræve dagpenge tilbage i tilsvarende situationer. "
            "Forældelse følger forældelsesloven; fristen regnes fra, hvornår kravet var eller "
            "burde være kendt.\n\n"
            "## Modregning\n"
            "Modregning i løbende hjælp skal tage hensyn til, at borgeren har det nødvendige "
            "at leve for. Borgeren kan bede om en afdragsordning."
        ),
        "law_references": "LAS § 91, LAF § 86, FVL § 19",
        "owner": "jurist",
        "review_in_days": 75,
        "from_thread_title": ('Tilbagebetaling af kontanthjælp – hvornår er borgeren "i ond tro"?'),
    },
    {
        "topic": OEK,
        "title": ("Ydelsesskift uden huller i udbetalingen"),
        "summary": (
            "De typiske ydelsesskift – dagpenge til kontanthjælp, sygedagpenge til dagpenge, "
            "uddannelseshjælp ved 30 år – og hvad borgeren selv skal gøre."
        ),
        "body": (
            "## Fra dagpenge til kontanthjælp\n"
            "Borgeren skal søge, før dagpengene stopper. Søges der senere, udbetales hjælpen "
            "kun fra ansøgningsdagen. Ved akut behov: hjælp i særlige tilfælde.\n\n"
            "## Fra sygedagpenge til dagpenge\n"
            "Borgeren skal melde sig ledig i Jobnet senest dagen efter raskmeldingen. Hullerne "
            "opstår typisk, fordi borgeren ikke ved det.\n\n"
            "## Fra uddannelseshjælp til kontanthjælp\n"
            "Skiftet sker fra den første i måneden efter det fyldte 30. år. Der skal træffes "
            "en ny afgørelse, og visitationen vurderes. Giv YDS besked i god tid."
        ),
        "law_references": "LAS § 11, LAF",
        "owner": "editor",
        "review_in_days": 30,
        "from_thread_title": ("Ydelsesskift fra sygedagpenge til dagpenge – hvem gør hvad?"),
    },
    {
        "topic": DIG,
        "title": ("Adviser i Fasit: visningsindstillinger og prioritering"),
        "summary": (
            "Sådan filtrerer du adviserne i Fasit, så dem, der kræver handling – fx "
            "lukkedatoer – ikke drukner."
        ),
        "body": (
            "## Filtrer\n"
            "Under visningsindstillingerne kan du vælge, hvilke advistyper der vises. Vælg "
            "dem, du skal handle på.\n\n"
            "## Prioritér\n"
            "Start med adviser om lukkedatoer og frister. Et overset advis om lukkedato kan "
            "betyde, at ydelsen fortsætter, selvom borgeren ikke er berettiget.\n\n"
            "## Fast rytme\n"
            "Gennemgå adviser på faste tidspunkter – fx morgen og eftermiddag."
        ),
        "law_references": "",
        "owner": "editor",
        "review_in_days": -10,
        "from_thread_title": ("Adviser i Fasit – hvordan holder I styr på dem?"),
    },
    {
        "topic": TVA,
        "title": ("Persondata i portalen: aldrig CPR-numre og kun det nødvendige"),
        "summary": (
            "Reglerne for, hvad der må skrives i portalens debat, og hvordan oplysninger om "
            "konkrete borgere udveksles sikkert."
        ),
        "body": (
            "## I debatten\n"
            "Skriv aldrig CPR-numre, navne, medlemsnumre, sagsnumre, adresser eller detaljer, "
            "der kan identificere en borger. Portalen afviser tekst, der ligner et CPR-nummer, "
            "men ansvaret er dit.\n\n"
            "## Konkrete sager\n"
            "Oplysninger om en konkret borger udveksles via de sikre kanaler, der er aftalt i "
            "samarbejdet – aldrig i debatten. Følsomme oplysninger (fx helbred) sendes "
            "krypteret.\n\n"
            "## Samtykke og videregivelse\n"
            "Del kun det nødvendige. Diagnoser og baggrund for sygdom kræver som hovedregel "
            "samtykke. Et samtykke gælder det formål og den periode, det er givet til."
        ),
        "law_references": "RSL § 11 c",
        "owner": "redaktoer@",
        "review_in_days": 365,
        "from_thread_title": (
            'Aldrig CPR-numre i portalen – heller ikke "bare de første seks cifre"'
        ),
    },
    {
        "topic": KFJ,
        "title": ("Partnerskabet: aftaler, kontaktpersoner og fælles samtaler"),
        "summary": (
            "Overblik over partnerskabet mellem Jobcenter København og partner-a-kasserne: "
            "hvad vi har aftalt, og hvem man kontakter."
        ),
        "body": (
            "## Hvad er partnerskabet?\n"
            "Et samarbejde mellem Jobcenter København og en række a-kasser om kontaktforløbet "
            "for forsikrede ledige. Samarbejdet begyndte, da beskæftigelsesindsatsen blev "
            "samlet i kommunen.\n\n"
            "## Aftalerne\n"
            "1. A-kassen holder en afsluttende samtale før overgangen efter tre måneder.\n"
            "2. Fælles samtaler efter behov – fx for seniorer og medlemmer tæt på at miste "
            "dagpengeretten.\n"
            "3. Faste kontaktpersoner for hvert center.\n"
            "4. Kvartalsvis opfølgning på rettidighed og afgang til job.\n\n"
            "## Kontakt\n"
            "Find kontaktpersonerne i kollegaoversigten: søg på a-kassen, og filtrer på "
            'ekspertisen "kontaktforløb". Jobklubben og virksomhedsdagene kan bruges direkte '
            "af a-kassernes medlemmer."
        ),
        "law_references": "LAB",
        "owner": "redaktoer@",
        "review_in_days": 60,
        "from_thread_title": (
            "Partnerskabet mellem Jobcenter København og a-kasserne: mål og aftaler for det "
            "kommende år"
        ),
    },
    {
        "topic": KFJ,
        "title": ("A-kasse eller jobcenter? Faktaark til borgere og medlemmer"),
        "summary": (
            "Kort, enkel forklaring til borgere om, hvad a-kassen og jobcentret hver især "
            "tager sig af."
        ),
        "body": (
            "## Den korte version\n"
            "**A-kassen er dine penge og din rådighed. Jobcentret er din plan og dine "
            "tilbud.**\n\n"
            "## A-kassen\n"
            "- udbetaler dagpenge og vurderer, om du står til rådighed,\n"
            "- holder samtalerne de første tre måneder af din ledighed,\n"
            "- hjælper med CV og jobsøgning.\n\n"
            "## Jobcentret\n"
            "- holder jobsamtalerne efter de første tre måneder,\n"
            "- laver din plan (Min Plan) sammen med dig,\n"
            "- kan tilbyde praktik, løntilskud og opkvalificering."
        ),
        "law_references": "",
        "owner": "editor",
        "review_in_days": 240,
        "from_thread_title": ('Medlemmer, der føler sig "kørt rundt" mellem a-kasse og jobcenter'),
    },
]
