"""Demo debate, part A: sygedagpenge, fleksjob og førtidspension, rehabilitering og
ressourceforløb, unge og uddannelse, den virksomhedsrettede indsats.

Hand-written; the format is described in portal/forum/demo_content/__init__.py. The helpers
in builders.py only spare repeating dictionary keys: every thread and reply is written out.
"""

from .builders import accepted as _a
from .builders import discussion as _d
from .builders import question as _q
from .builders import reply as _r

SDP = "sygedagpenge"
SDF = "sygedagpengeomraadet-og-fleksjob"
FFP = "fleksjob-og-foertidspension"
REH = "rehabilitering-og-ressourceforloeb"
UNG = "unge-og-uddannelse"
VIR = "virksomhedsrettet-indsats"
KTH = "kontanthjaelp"
LAB = "lov-om-en-aktiv-beskaeftigelsesindsats"

SYG_NET = "sygedagpengenetvaerket"
FLEKS_NET = "fleksjobnetvaerket"
AKASSE_NET = "akassernes-kontaktforloebsnetvaerk"
JURIST_NET = "jurist-netvaerket"


THREADS = [
    # --- Sygedagpenge ---------------------------------------------------------------------
    _d(
        SDP,
        "Velkommen til sygedagpengeområdet – læs dette, før du spørger",
        "redaktoer@",
        170,
        "Her samler vi spørgsmål og erfaringer om **sygedagpengeopfølgningen**: forlængelser "
        "efter sygedagpengelovens § 27, lægeattester, jobafklaringsforløb, delvis raskmelding og "
        "refusion.\n\n"
        "Gode råd, før du opretter en tråd:\n\n"
        "1. Søg først – mange spørgsmål om LÆ 265 og LÆ 285 er allerede besvaret.\n"
        "2. Skriv aldrig CPR-nummer, navn eller andet, der kan identificere borgeren. "
        "Beskriv sagen generelt (alder, branche, sygdomsforløb i grove træk).\n"
        "3. Marker det svar, der løste dit problem, som accepteret – så kan kollegerne finde det.\n"
        "4. Er der tvivl om retsgrundlaget, kan du sende spørgsmålet til juristhotlinen.\n\n"
        "Vejledningerne om forlængelse og jobafklaringsforløb ligger under *Vejledninger*.",
        _r(
            "jobcenter",
            "Tak for det. Kunne vi også få en fast tråd med ændringer i blanketterne? Vi bliver "
            "tit overrasket, når lægerne begynder at bruge en ny version.",
            hours_after=30,
        ),
        _r(
            "op",
            "God idé – vi lægger ændringer i vejledningen om lægeattester og skriver en kort "
            "note her i tråden, når der kommer noget nyt.",
        ),
        pinned=True,
    ),
    _q(
        SDP,
        "Forlængelse efter § 27, stk. 1, nr. 2 – hvor konkret skal behandlingen være?",
        "sagsbehandler@",
        64,
        "Jeg har en sag, hvor borgeren (tømrer, 50 år, diskusprolaps) nærmer sig "
        "revurderingstidspunktet efter 22 uger. Egen læge skriver i LÆ 265, at der *forventes* "
        "operation, men der er ingen dato, og borgeren er ikke henvist endnu.\n\n"
        "Kan vi forlænge efter sygedagpengelovens § 27, stk. 1, nr. 2, når behandlingen kun er "
        "'forventet'? Eller skal sagen over i jobafklaringsforløbet?",
        _r(
            "jobcenter",
            "Vi har haft samme diskussion i vores team. Vores praksis er, at der skal være en "
            "konkret behandlingsplan – en henvisning eller i det mindste en lægelig vurdering af, "
            "hvad der skal ske og hvornår. En løs forventning rækker ikke.",
        ),
        _a(
            "jurist",
            "Betingelsen i § 27, stk. 1, nr. 2 er, at borgeren er under eller venter på lægelig "
            "behandling, **og** at det lægeligt vurderes, at borgeren kan genoptage arbejdet "
            "(eller komme i fleksjob) inden for den periode, loven angiver.\n\n"
            "Det er ikke et krav, at der er en operationsdato, men jobcentret skal have et "
            "lægefagligt grundlag for vurderingen. Bed om en LÆ 285 eller ring til egen læge og "
            "notér samtalen. Er der ikke en henvisning, og kan lægen ikke sige noget om "
            "prognosen, er betingelsen ikke opfyldt, og så skal borgeren visiteres til "
            "jobafklaringsforløb (LAB § 68 b).\n\n"
            "Husk at partshøre, inden I træffer afgørelse om ophør af sygedagpengene.",
        ),
        _r(
            "op",
            "Tak, det var præcis den skelnen, jeg manglede. Vi indhenter en LÆ 285 med "
            "konkrete spørgsmål om prognosen.",
        ),
        _r(
            "union",
            "Fra fagforeningens side vil jeg bare sige: ring gerne til os, hvis medlemmet skal "
            "over i jobafklaring. Det er en stor omvæltning økonomisk, og vi kan forberede "
            "medlemmet på ressourceforløbsydelsen.",
        ),
    ),
    _q(
        SDP,
        "LÆ 265 eller LÆ 285 ved første samtale?",
        "jobcenter",
        140,
        "Ny i sygedagpengeteamet. Hvornår bestiller I LÆ 265, og hvornår er det LÆ 285? "
        "Jeg har set kolleger gøre det forskelligt.",
        _a(
            "jobcenter:2",
            "Tommelfingerregel hos os:\n\n"
            "- **LÆ 265** bruger vi tidligt i forløbet, typisk før eller lige efter første "
            "samtale, når vi skal vide noget om diagnose, behandling og forventet varighed.\n"
            "- **LÆ 285** bestiller vi, når vi har brug for en mere konkret vurdering af "
            "funktionsevne og prognose – fx op til revurderingen efter 22 uger, eller hvis vi "
            "overvejer delvis raskmelding.\n\n"
            "Stil altid konkrete spørgsmål i følgebrevet. Lægerne svarer meget bedre, når de ved, "
            "hvad vi skal bruge svaret til.",
        ),
        _r("op", "Super, tak! Har du et eksempel på et godt følgebrev?"),
        _r(
            "jobcenter:2",
            "Vi har en skabelon i fagsystemet under sygedagpenge > breve > 'følgebrev "
            "lægeattest'. Den første spørgsmålsrække handler om arbejdsfunktioner – det er den, "
            "lægerne oftest springer over, så fremhæv den.",
        ),
    ),
    _q(
        SDP,
        "Borgeren vil ikke give samtykke til indhentning af lægeoplysninger",
        "jobcenter",
        37,
        "Sygemeldt sosu-assistent nægter at underskrive samtykket, så vi kan ikke bestille LÆ 265. "
        "Hvad er konsekvensen? Kan vi standse sygedagpengene med det samme?",
        _r(
            "jobcenter:2",
            "Ikke med det samme. Borgeren har pligt til at medvirke i opfølgningen, men I skal "
            "vejlede om konsekvensen først og give en frist.",
        ),
        _a(
            "jurist",
            "Sygedagpengeloven har en række ophørsgrunde, når den sygemeldte uden rimelig grund "
            "undlader at medvirke – også når det gælder lægelige oplysninger. Men:\n\n"
            "1. Vejled skriftligt om, hvorfor I har brug for oplysningerne, og om konsekvensen.\n"
            "2. Giv en rimelig frist.\n"
            "3. Vurder, om der er en rimelig grund (fx misforståelse af, hvad samtykket dækker).\n"
            "4. Partshør efter forvaltningslovens § 19, før I træffer afgørelse.\n\n"
            "Ofte løser det sig, når borgeren forstår, at samtykket kan afgrænses til den "
            "aktuelle sygdom. Efter RSL § 11 c kan I i øvrigt selv indhente oplysninger med "
            "samtykke – uden samtykke skal I træffe afgørelse på det foreliggende grundlag.",
        ),
        _r(
            "op",
            "Det viste sig netop at være en misforståelse – borgeren troede, vi fik hele "
            "journalen. Samtykket er nu på plads. Tak!",
        ),
    ),
    _q(
        SDP,
        "Delvis raskmelding – hvordan beregner vi timerne, når arbejdstiden svinger?",
        "jobcenter",
        21,
        "Borger på skiftende vagter (mellem 28 og 37 timer om ugen) er delvis raskmeldt med 15 "
        "timer. Arbejdsgiveren spørger, hvordan sygedagpengene udregnes, og det er jeg ærligt "
        "talt også i tvivl om.",
        _r(
            "jobcenter:2",
            "Sygedagpengene nedsættes forholdsmæssigt med de timer, borgeren arbejder. Ved "
            "svingende arbejdstid bruger vi den gennemsnitlige ugentlige arbejdstid før "
            "sygemeldingen som udgangspunkt – spørg Ydelsesservice, de har et beregningsark.",
        ),
        _r(
            "akasse",
            "Er borgeren også medlem hos os og har supplerende timer et andet sted, så sig "
            "endelig til. Det kan påvirke, hvad vi skal indberette.",
        ),
    ),
    _q(
        SDP,
        "Hvornår skal den første opfølgningssamtale senest holdes?",
        "akasse",
        95,
        "Et medlem spørger, hvorfor hun ikke har hørt fra jobcentret efter fem ugers sygdom. "
        "Hvad er reglen for den første samtale i sygedagpengeopfølgningen?",
        _a(
            "jobcenter",
            "Den første opfølgningssamtale skal holdes inden udgangen af 8. sygefraværsuge. "
            "Forinden sender vi et oplysningsskema, som borgeren skal returnere inden for "
            "8 dage. Er hun i kategori 1 (forventet raskmelding inden for 8 uger), kan det "
            "være, at hun kun får skemaet. Bed hende holde øje med e-Boks.",
        ),
        _r("op", "Tak – jeg giver hende besked om at svare hurtigt på skemaet."),
    ),
    _q(
        SDP,
        "Ledigt medlem bliver sygt – hvem betaler de første 14 dage?",
        "akasse@",
        48,
        "Vi får jævnligt spørgsmål om, hvem der udbetaler, når et ledigt medlem bliver syg. "
        "Jeg vil gerne være sikker, inden jeg skriver det i vores medlemsvejledning: "
        "Er det stadig a-kassen de første 14 dage, og hvornår skal kommunen have besked?",
        _r(
            "akasse",
            "Ja, a-kassen udbetaler sygedagpenge de første 14 dage, når medlemmet er ledig. "
            "Sygemeldingen skal ske til os og på Jobnet første sygedag.",
        ),
        _a(
            "jobcenter",
            "Supplement fra jobcentret: Når sygdommen varer ud over de 14 dage, overtager "
            "kommunen, og a-kassen skal sende sygemeldingen videre via NemRefusion. Vi ser "
            "tit, at det sker for sent – så skal vi jagte oplysningerne, og første samtale "
            "bliver forsinket. Jo hurtigere, jo bedre.",
        ),
        _r(
            "op",
            "Perfekt, det skriver vi ind. Og tak for påmindelsen om tidsfristen – den sender jeg "
            "videre til mine kolleger i ydelsesteamet.",
        ),
        _r(
            "union",
            "Husk også raskmeldingen: medlemmet skal raskmelde sig til a-kassen og på Jobnet. Vi "
            "ser stadig folk, der glemmer Jobnet og derfor ikke er tilmeldt som ledige igen.",
        ),
    ),
    _q(
        SDP,
        "Arbejdsgiverperioden ved gentagne sygemeldinger",
        "jobcenter",
        112,
        "Medarbejder har to sygeperioder med 10 dages mellemrum. Arbejdsgiveren mener, at "
        "arbejdsgiverperioden starter forfra. Hvad siger reglerne?",
        _a(
            "jobcenter:2",
            "Arbejdsgiverperioden er 30 kalenderdage (SDL § 30). Hvis den nye sygdomsperiode "
            "skyldes samme sygdom og begynder inden 14 dage efter den forrige, regnes de to "
            "perioder sammen – arbejdsgiverperioden starter ikke forfra. Er det en anden "
            "sygdom, er der tale om en ny periode.",
        ),
        _r(
            "op",
            "Samme sygdom (ryg), så det lægges sammen. Tak, det kan jeg forklare arbejdsgiveren.",
        ),
    ),
    _q(
        SDP,
        "Refusion til arbejdsgiveren – frister i NemRefusion",
        "union",
        73,
        "Et medlem har fået løn under sygdom, og arbejdsgiveren har fået afslag på refusion, "
        "fordi anmeldelsen kom for sent. Hvilke frister gælder, og kan kommunen dispensere?",
        _r(
            "jobcenter",
            "Anmeldelsen skal være modtaget senest 5 uger efter første fraværsdag, når "
            "arbejdsgiveren vil have refusion. Anmeldes der for sent, får arbejdsgiveren først "
            "refusion fra anmeldelsesdagen.",
        ),
        _a(
            "jurist",
            "Det er korrekt. Kommunen kan dog se bort fra overskridelsen, hvis den skyldes "
            "særlige forhold – fx at arbejdsgiveren ikke kunne vide, at fraværet skyldtes "
            "sygdom. Det er en konkret vurdering, og afgørelsen kan påklages til Ankestyrelsen "
            "inden for 4 uger. Få arbejdsgiveren til at beskrive forløbet skriftligt.",
        ),
    ),
    _q(
        SDP,
        "Sygemeldt under opsigelse – hvem følger op?",
        "akasse",
        58,
        "Et medlem er sygemeldt og samtidig opsagt med fratræden om en måned. Hvad sker der "
        "med sygedagpengene, når ansættelsen ophører, og hvem skal følge op?",
        _a(
            "jobcenter",
            "Jobcentret fortsætter sygedagpengeopfølgningen – det er kommunen, der udbetaler "
            "efter arbejdsgiverperioden, uanset om ansættelsen ophører. Men opfølgningen skifter "
            "fokus: der er ikke længere en arbejdsplads at vende tilbage til, så vi vurderer "
            "arbejdsevnen i forhold til det ordinære arbejdsmarked. Giv os gerne besked om "
            "fratrædelsesdatoen.",
        ),
        _r(
            "op",
            "Tak. Og når medlemmet bliver rask, melder hun sig ledig hos os – så tager vi den "
            "derfra.",
        ),
    ),
    _d(
        SDP,
        "Erfaringer med sygedagpengeopfølgningen over telefon",
        "jobcenter",
        26,
        "Vi har i mit team prøvet at holde flere opfølgningssamtaler over telefon for borgere i "
        "kategori 1. Det sparer tid, men jeg er i tvivl om, hvorvidt vi får nok at vide om "
        "arbejdspladsen. Hvad er jeres erfaringer?",
        _r(
            "jobcenter:2",
            "Telefon fungerer fint i kategori 1. I kategori 2 og 3 holder vi fast i fremmøde – "
            "borgerne åbner mere op, og vi kan se, hvordan de har det.",
        ),
        _r(
            "union",
            "Mange af vores medlemmer foretrækker faktisk telefon, især dem med smerter, hvor "
            "transporten er en belastning. Husk at notere, at borgeren selv har valgt det.",
        ),
        _r(
            "jobcenter:3",
            "Vi bruger video, når borgeren har en arbejdsgiver med på samtalen. Det gør det "
            "lettere at få arbejdsgiveren med, og rundbordssamtalerne bliver ikke udskudt.",
            quote=0,
        ),
    ),
    _q(
        SDP,
        "Ophør af sygedagpenge, fordi borgeren ikke mødte op – partshøring?",
        "jobcenter",
        9,
        "Borgeren er udeblevet fra to samtaler uden at melde afbud. Skal vi partshøre, før vi "
        "standser sygedagpengene, eller er udeblivelsen nok?",
        _r(
            "jobcenter:2",
            "Vi partshører altid. Der kan være en rimelig grund – indlæggelse, post der ikke er "
            "kommet frem – og den skal vi kende, før vi træffer afgørelse.",
        ),
        _r(
            "op",
            "OK, og standser vi så fra udeblivelsesdagen eller fra afgørelsen?",
        ),
        _r(
            "jobcenter:2",
            "Ophøret sker fra den dag, borgeren udeblev uden rimelig grund – men først efter "
            "partshøringen har bekræftet, at der ikke var en rimelig grund. Skriv det tydeligt i "
            "afgørelsen.",
        ),
    ),
    _q(
        SDP,
        "Revurdering efter 22 uger – skal vi sende varsel?",
        "sagsbehandler@",
        15,
        "Vi har fået ny teamleder, som vil have, at vi sender et varselsbrev om revurderingen "
        "fire uger før. Er det et lovkrav, eller er det god praksis?",
        _r(
            "jobcenter",
            "Så vidt jeg ved, er det god praksis og ikke et krav – men det gør partshøringen "
            "langt lettere, fordi borgeren er forberedt.",
        ),
        _r(
            "union",
            "Fra vores side: gør det endelig! Medlemmerne bliver rystede, når de får at vide, at "
            "de skal i jobafklaring, og de har ikke nået at tale med os. Et varsel giver tid "
            "til at samle dokumentation for forlængelse.",
        ),
        _r(
            "jobcenter:2",
            "Vi har indført det for et halvt år siden. Antallet af klager over ophør er faldet "
            "mærkbart. {@sagsbehandler@} – jeg sender dig vores brevskabelon.",
        ),
    ),
    _q(
        SDP,
        "§ 56-aftale og samtidigt jobafklaringsforløb",
        "union",
        44,
        "Medlem med kronisk sygdom har en § 56-aftale med sin arbejdsgiver. Hun er nu i "
        "jobafklaringsforløb efter en længere sygemelding. Gælder § 56-aftalen stadig, når hun "
        "kommer tilbage på deltid?",
        _a(
            "jurist",
            "En § 56-aftale gælder for fravær, der skyldes den lidelse, aftalen omfatter, så "
            "længe aftalen løber (typisk 2 år ad gangen). Aftalen ophører ikke, fordi borgeren "
            "overgår til jobafklaringsforløb. Når hun genoptager arbejdet delvist, kan "
            "arbejdsgiveren få refusion for sygefravær efter aftalen fra første fraværsdag. "
            "Kontroller aftalens udløbsdato, og søg om fornyelse i god tid.",
        ),
        _r("op", "Tak, det var lige det, jeg skulle bruge."),
    ),
    _d(
        SDP,
        "Selvstændig erhvervsdrivende – sygedagpenge og opfølgning",
        "jobcenter",
        81,
        "Har en selvstændig frisør med en forsikring hos Udbetaling Danmark. Har I gode råd "
        "til opfølgningen? Virksomheden er lukket ned under sygdommen.",
        _r(
            "jobcenter:2",
            "Det vigtigste er at afklare, om virksomheden kan drives videre. Tal om "
            "hjælpemidler og om, hvorvidt en medhjælper kan holde butikken åben. Og tjek, om "
            "hun kan arbejde delvist – mange selvstændige har tunge økonomiske grunde til at "
            "vende hurtigt tilbage.",
        ),
        _r(
            "union",
            "Husk, at der også kan være en privat forsikring. Bed hende undersøge det; den kan "
            "kræve særlig dokumentation fra jobcentret.",
        ),
    ),
    _q(
        SDP,
        "Sygemelding i ferie – hvornår starter sygedagpengene?",
        "akasse",
        120,
        "Medlem blev syg midt i en planlagt ferie. Hun spørger, om hun kan få sygedagpenge for "
        "feriedagene, og om a-kassen skal have en lægeerklæring.",
        _a(
            "akasse:2",
            "Er hun ledig, skal hun sygemelde sig til os og på Jobnet den dag, hun bliver syg – "
            "også selv om hun har meldt ferie. Så udskydes de resterende feriedage. Vi kan bede "
            "om lægelig dokumentation, hvis sygdommen opstår under ferie i udlandet.",
        ),
        _r("op", "Tak – hun var i Spanien, så vi beder om en lægeerklæring derfra."),
    ),
    _d(
        SDP,
        "Mulighedserklæringen – bruger arbejdsgiverne den?",
        "sagsbehandler@",
        188,
        "Vi ser meget få mulighedserklæringer i sagerne. Er det fordi arbejdsgiverne ikke kender "
        "den, eller fordi lægerne fraråder den? Har nogen et godt materiale, vi kan sende ud?",
        _r(
            "union",
            "Vores erfaring er, at mange mindre arbejdsgivere ikke kender den. Dem, der bruger "
            "den, er glade for den – den giver en konkret snak om skånehensyn.",
        ),
        _r(
            "jobcenter",
            "Vi har en folder fra virksomhedsservice, som vi sender med, når vi kontakter "
            "arbejdsgiveren i kategori 2-sager. Den ligger på intranettet under 'Sygefravær'.",
        ),
        _r(
            "op",
            "Tak – jeg prøver folderen i de næste sager og vender tilbage med erfaringerne.",
        ),
        _r(
            "op",
            "Opfølgning: tre ud af fem arbejdsgivere brugte mulighedserklæringen efter vores "
            "opringning. Det virker altså, når vi ringer i stedet for bare at skrive.",
            hours_after=720,
        ),
    ),
    _q(
        SDP,
        "Kan en borger i jobafklaringsforløb få forlænget sygedagpengene igen?",
        "jobcenter",
        33,
        "Borgeren har været i jobafklaringsforløb i 4 måneder og er nu henvist til operation. "
        "Kan vi gå tilbage til sygedagpenge efter § 27, stk. 1, nr. 2?",
        _a(
            "jurist",
            "Nej, ikke på den måde. Når sygedagpengene er ophørt, og borgeren er overgået til "
            "jobafklaringsforløb, er der ikke hjemmel til at 'genoplive' sygedagpengeforløbet "
            "efter § 27. Kommunen skal løbende vurdere, om borgeren fortsat er i målgruppen for "
            "jobafklaringsforløb. Bliver borgeren raskmeldt og genoptager arbejdet, kan der "
            "opstå en ny ret til sygedagpenge ved senere sygdom, når beskæftigelseskravet igen "
            "er opfyldt.",
        ),
        _r("op", "Det troede jeg nok, men rart at få bekræftet."),
    ),
    _q(
        SDP,
        "Livstruende sygdom – § 27, stk. 1, nr. 5 og dokumentation",
        "jobcenter",
        52,
        "Borger med kræftdiagnose nærmer sig revurderingen. Hvor meget dokumentation skal vi "
        "have for at forlænge efter nr. 5, og skal vi kontakte borgeren i perioden?",
        _a(
            "jobcenter:2",
            "En erklæring fra den behandlende læge eller sygehuset om, at der er tale om en "
            "livstruende, alvorlig sygdom, er tilstrækkelig. Kontakten kan tilpasses – vi har "
            "mulighed for at fritage for opfølgning, så borgeren ikke skal belastes af samtaler. "
            "Vi ringer typisk en gang i kvartalet og spørger, om der er noget, vi kan hjælpe med.",
        ),
        _r(
            "union",
            "Tak for en fornuftig praksis. Det er præcis den slags, vores medlemmer har brug for.",
        ),
    ),
    _q(
        SDP,
        "Tilbagebetaling af sygedagpenge efter for sen raskmelding",
        "union",
        67,
        "Medlem har modtaget sygedagpenge i tre uger efter, at han var begyndt at arbejde igen, "
        "fordi han troede, arbejdsgiveren havde raskmeldt ham. Nu kræver kommunen pengene "
        "tilbage. Kan han komme uden om det?",
        _r(
            "jobcenter",
            "Tilbagebetaling kræver, at modtageren har handlet mod bedre vidende eller "
            "groft uagtsomt. Hvis han har fået vejledning om selv at raskmelde sig, bliver det "
            "svært, men der kan aftales en afdragsordning.",
        ),
        _r(
            "jurist",
            "Se konkret på, hvad han er blevet vejledt om. Står det kun i et standardbrev, han "
            "ikke har fået læst, er det ikke automatisk groft uagtsomt. Bed om aktindsigt og "
            "klag, hvis afgørelsen ikke forholder sig til hans konkrete forhold.",
            quote=0,
        ),
        _r("op", "Tak begge to – vi søger aktindsigt og ser på vejledningen."),
    ),
    _q(
        SDP,
        "Hvordan vurderer I 'delvis uarbejdsdygtig' ved psykisk sygdom?",
        "jobcenter",
        4,
        "Jeg har flere sager med stress og angst, hvor borgeren siger, de godt kan arbejde lidt, "
        "men ikke ved hvor meget. Hvordan griber I vurderingen an, når der ikke er en klar "
        "lægelig angivelse af timer?",
    ),
    _q(
        SDP,
        "Sygedagpenge til ledig, der er i gang med virksomhedspraktik",
        "akasse",
        3,
        "Et medlem i virksomhedspraktik er blevet sygt. Skal praktikken afbrydes, og skal "
        "sygemeldingen ske til os eller til jobcentret?",
        hotline=True,
    ),
    _q(
        SDP,
        "Forlængelse efter § 27, stk. 1, nr. 1 – hvornår er revalidering 'overvejende sandsynlig'?",
        "jobcenter",
        11,
        "Vi har en borger, hvor vi overvejer revalidering, men der er ikke truffet afgørelse "
        "endnu. Kan vi forlænge sygedagpengene, mens vi afklarer det?",
        _a(
            "jurist@",
            "Ja. § 27, stk. 1, nr. 1 giver mulighed for at forlænge, når det vurderes "
            "overvejende sandsynligt, at revalidering (LAS § 46) kan iværksættes, og der er "
            "realistiske planer. Det skal fremgå af sagen, hvorfor I vurderer det sandsynligt, "
            "og forlængelsen gælder, indtil revalideringen går i gang. Sæt en realistisk "
            "tidsplan – en forlængelse 'mens vi tænker' holder ikke i Ankestyrelsen.",
        ),
        _r(
            "op",
            "Tak! Vi har faktisk et konkret uddannelsesønske og en arbejdsprøvning planlagt, "
            "så det skriver vi ind i afgørelsen.",
        ),
        hotline=True,
    ),
    _q(
        SDP,
        "Er et sygdomsforløb med kortere raskmeldinger ét forløb?",
        "jobcenter",
        2,
        "Borger har været raskmeldt i 2 uger ad gangen tre gange det seneste halve år. Hvordan "
        "tæller vi de 22 uger inden for 9 måneder?",
        hotline=True,
    ),
    _q(
        SDP,
        "Anmeldelse af arbejdsskade – skal jobcentret gøre noget?",
        "union",
        13,
        "Medlem kom til skade på en byggeplads. Arbejdsgiveren har ikke anmeldt det som "
        "arbejdsskade. Vi er i gang, men skal jobcentret også notere noget i forhold til § 27, "
        "stk. 1, nr. 3?",
        hotline=True,
    ),
    _d(
        SDP,
        "Rundbordssamtaler med arbejdsgiver – hvem indkalder?",
        "jobcenter",
        105,
        "Hos os er det forskelligt, om det er sagsbehandleren eller virksomhedskonsulenten, der "
        "indkalder til rundbordssamtale. Hvordan har I organiseret det?",
        _r(
            "jobcenter:2",
            "Sagsbehandleren indkalder, virksomhedskonsulenten deltager, hvis der er behov for "
            "hjælpemidler eller tilskud. Det fungerer fint, fordi sagsbehandleren kender sagen.",
        ),
        _r(
            "union",
            "Invitér gerne tillidsrepræsentanten – det giver ofte en lettere snak om "
            "skånehensyn og arbejdstid.",
        ),
    ),
    _q(
        SDF,
        "Friattest – hvem betaler, og kan arbejdsgiveren kræve den?",
        "akasse",
        150,
        "Medlem i job spørger, om arbejdsgiveren kan kræve en friattest, og hvem betaler lægen.",
        _a(
            "union",
            "Arbejdsgiveren kan bede om en friattest, hvis medarbejderen har et langvarigt "
            "fravær, og det er arbejdsgiveren, der betaler. Medarbejderen skal give sin læge de "
            "nødvendige oplysninger. Er det en mulighedserklæring, er det også arbejdsgiveren, "
            "der betaler.",
        ),
        _r("op", "Tak for et hurtigt svar!"),
    ),
    _q(
        SDF,
        "Opfølgningsplanen – hvornår skal den laves, og hvad skal den indeholde?",
        "sagsbehandler@",
        210,
        "Jeg vil gerne lave en tjekliste til vores nye kolleger. Hvornår er det et krav, at der "
        "er en opfølgningsplan, og hvad skal med?",
        _a(
            "jobcenter",
            "Vores tjekliste:\n\n"
            "- Opfølgningsplanen laves ved første samtale for kategori 2 og 3.\n"
            "- Den beskriver mål (typisk hel eller delvis tilbagevenden), tiltag (behandling, "
            "delvis raskmelding, tilbud efter LAB) og tidsplan.\n"
            "- Den opdateres ved hver samtale.\n"
            "- Borgeren skal have planen, og den skal ligge på Jobnet/Min Plan.\n\n"
            "Er der en fastholdelsesplan fra arbejdsgiveren, bruger vi den som udgangspunkt.",
        ),
        _r("op", "Perfekt, den tager vi næsten ordret. Tak!"),
        _r(
            "editor",
            "Jeg har lagt tjeklisten ind i vejledningen om sygedagpengeopfølgningen, så den er "
            "let at finde.",
        ),
    ),
    _d(
        SDF,
        "Nye blanketter til lægeattester – erfaringer fra de første uger",
        "jobcenter",
        18,
        "Vi er gået over til den nye version af attesterne. Lægerne lader flere felter stå tomme "
        "end før, især om funktionsevne. Oplever I det samme?",
        _r(
            "jobcenter:2",
            "Ja, især i LÆ 285. Vi ringer nu systematisk til lægen, når feltet om "
            "arbejdsfunktioner er tomt. Det tager fem minutter og sparer en ny attest.",
        ),
        _r(
            "union",
            "Husk at give medlemmet kopi af attesten. Vi bruger dem meget i klagesagerne.",
        ),
        _r(
            "jobcenter:3",
            "Vi har skrevet til lægekredsforeningen om det. Svaret var, at attesterne skal "
            "honoreres efter aftalen, og at vi gerne må stille opfølgende spørgsmål – men det "
            "kan koste en ny attest.",
        ),
    ),
    _d(
        SDP,
        "Sygemeldte ledige: kan a-kassen deltage i den første samtale?",
        "akasse@",
        6,
        "Vi har i vores a-kasse et ønske om at deltage i opfølgningssamtalerne for sygemeldte "
        "ledige medlemmer, så der ikke går tid tabt ved raskmeldingen. Er der nogen jobcentre, "
        "der har erfaring med det?",
        _r(
            "jobcenter",
            "Vi har gjort det i et par sager med borgerens samtykke, og det var en god oplevelse. "
            "Men det kræver, at samtalen planlægges i god tid. Skriv til "
            "{@koordinator@}, hun har overblikket over partnerskabsaftalerne.",
        ),
        _r(
            "koordinator@",
            "Det er en god idé, som vi gerne vil afprøve i foråret. Jeg tager det med på næste "
            "møde i det koordinerende a-kasseforum.",
        ),
    ),
    _q(
        SDP,
        "Hvad gør vi, når lægen ikke svarer på LÆ 285?",
        "jobcenter",
        0,
        "Vi har rykket to gange for en LÆ 285 og har revurdering om en uge. Hvad gør I?",
    ),
    _d(
        SDP,
        "Sygedagpengenetværket: mødereferat fra oktober",
        "jobcenter",
        36,
        "Kort referat fra netværksmødet:\n\n"
        "- Vi drøftede revurderingen efter 22 uger og brugen af varselsbreve.\n"
        "- Flere efterlyste et fælles følgebrev til LÆ 285.\n"
        "- Fagforeningerne opfordrede til, at de inviteres med til rundbordssamtaler.\n\n"
        "Næste møde: første tirsdag i næste måned. Skriv her, hvis I har punkter.",
        _r(
            "union",
            "Punkt: hvordan håndterer vi delvis raskmelding for timelønnede? Der er stor forskel "
            "på praksis mellem centrene.",
        ),
        _r(
            "sagsbehandler@",
            "Jeg vil gerne fortælle om vores erfaringer med varselsbreve – 10 minutter er nok.",
        ),
        network=SYG_NET,
    ),
    _q(
        SDP,
        "Sygedagpengeopfølgningen for borgere på barsel efter sygdom",
        "jobcenter",
        130,
        "Borger sygemeldt i graviditeten, nu på barsel, og bliver sandsynligvis syg igen "
        "efter barslen. Skal vi lukke opfølgningen i barselsperioden?",
        _a(
            "jobcenter:2",
            "Ja, sygedagpengene ophører, når barselsdagpengene begynder, og opfølgningen stopper "
            "dermed. Bliver hun syg efter barslen, er det en ny sygemelding – med ny "
            "arbejdsgiverperiode, hvis hun er i job. De uger, hun har fået sygedagpenge før "
            "barslen, kan dog tælle med i varighedsberegningen, hvis det er samme sygdom og "
            "inden for de 9 måneder.",
        ),
        network=SYG_NET,
    ),
    _d(
        SDP,
        "Hvordan taler I med borgeren om overgangen til jobafklaringsforløb?",
        "jobcenter",
        24,
        "Jeg synes, det er en af de sværeste samtaler. Borgeren føler sig ofte 'smidt ud af "
        "sygedagpengesystemet'. Har I formuleringer eller materiale, der virker?",
        _r(
            "jobcenter:2",
            "Jeg starter med det, der ikke ændrer sig: at vi fortsat hjælper, og at det er "
            "samme sagsbehandler (hvis det er tilfældet). Så tager vi økonomien bagefter med "
            "konkrete tal for ressourceforløbsydelsen.",
        ),
        _r(
            "union",
            "Invitér fagforeningen med til den samtale. Vi kan tage snakken om økonomien og "
            "eventuelle private forsikringer, så sagsbehandleren kan fokusere på planen.",
        ),
        _r(
            "jobcenter:3",
            "Vi har lavet et ark med 'Hvad sker der nu?' med datoer: sidste sygedagpengedag, "
            "første udbetaling af ressourceforløbsydelse, hvornår rehabiliteringsteamet "
            "behandler sagen. Det hjælper meget at have det på papir.",
        ),
        _r("op", "Arket vil jeg gerne se – kan du lægge det her?", quote=2),
        _r(
            "jobcenter:3",
            "Det ligger nu i vejledningen om jobafklaringsforløbet under 'skabeloner'.",
        ),
        network=SYG_NET,
    ),
    # --- Fleksjob og førtidspension -------------------------------------------------------
    _d(
        FFP,
        "Velkommen til Fleksjobnetværket",
        "redaktoer@",
        160,
        "Fleksjobnetværket er for alle, der arbejder med **fleksjobvisitationen**, "
        "fleksløntilskud, ledighedsydelse og rehabiliteringsteamets indstillinger.\n\n"
        "Del gerne erfaringer, skabeloner og gode spørgsmål. Husk: ingen CPR-numre og ingen "
        "oplysninger, der kan identificere borgeren.",
        pinned=True,
        network=FLEKS_NET,
    ),
    _q(
        FFP,
        "Fleksjobvisitationen: hvor meget skal være afprøvet?",
        "jobcenter",
        88,
        "Vi har en borger med sclerose, som har været i virksomhedspraktik på 12 timer om ugen "
        "i 3 måneder. Rehabiliteringsteamet spørger, om 'alle relevante tilbud' er afprøvet. "
        "Hvor går grænsen?",
        _a(
            "jurist",
            "Betingelsen i LAB § 70 er, at borgeren har en varig og væsentlig begrænsning i "
            "arbejdsevnen, og at alle relevante tilbud efter loven og andre foranstaltninger er "
            "forsøgt, så borgeren ikke kan opnå eller fastholde ordinær beskæftigelse.\n\n"
            "Det betyder ikke, at alle tilbud skal være afprøvet, hvis det er åbenbart, at de "
            "ikke vil ændre noget. Ved en progressiv sygdom som sclerose kan en længere "
            "praktik med stabile timer være tilstrækkelig dokumentation, når lægen beskriver "
            "prognosen. Skriv i indstillingen, hvorfor yderligere afprøvning ikke er relevant.",
        ),
        _r(
            "op",
            "Tak – det hjælper mig med at formulere indstillingen. Vi beskriver praktikken "
            "nøje og vedlægger neurologens udtalelse.",
        ),
        _r(
            "jobcenter:2",
            "Husk at få arbejdsgiverens beskrivelse af skånehensyn med. Teamet spørger næsten "
            "altid efter den.",
        ),
        network=FLEKS_NET,
    ),
    _q(
        FFP,
        "Fleksløntilskud ved løn over grænsen – hvordan aftrappes tilskuddet?",
        "akasse",
        46,
        "Medlem i fleksjob har fået lønforhøjelse og spørger, hvor meget hun mister i tilskud. "
        "Hvordan er reglen for aftrapning?",
        _a(
            "jobcenter",
            "Fleksløntilskuddet nedsættes med en procentdel af den løn, der ligger over "
            "bundfradraget, og tilskuddet beregnes månedligt ud fra den faktiske løn i "
            "indkomstregistret. Satserne reguleres hvert år. Det betyder, at en lønstigning "
            "altid kan betale sig, men ikke krone for krone. Ydelsesservice kan lave en "
            "beregning, hvis hun giver os lønsedlen.",
        ),
        _r(
            "union",
            "Husk, at pensionsbidrag fra arbejdsgiveren også indgår. Det overser mange.",
        ),
        _r("op", "Tak – jeg beder hende kontakte Ydelsesservice med lønsedlen."),
    ),
    _q(
        FFP,
        "Revurdering af fleksjob efter 4½ år – hvad skal vi indhente?",
        "jobcenter",
        71,
        "Vi er ved at revurdere de første fleksjob bevilget efter 2013-reformen. Hvad indhenter "
        "I typisk, og hvor meget inddrager I arbejdsgiveren?",
        _r(
            "jobcenter:2",
            "Vi sender et spørgeskema til borgeren og arbejdsgiveren om arbejdstid, "
            "arbejdsopgaver og skånehensyn. Er der ikke sket ændringer, er det sjældent "
            "nødvendigt med nye lægeoplysninger.",
        ),
        _a(
            "jurist",
            "Revurderingen handler om, hvorvidt betingelserne for fleksjob fortsat er opfyldt. "
            "Kun hvis der er sket en væsentlig forbedring af arbejdsevnen, skal I overveje at "
            "ophæve bevillingen. Er borgeren over 40 år, og er betingelserne fortsat opfyldt, "
            "kan bevillingen gøres permanent. Dokumentationen skal stå mål med afgørelsen – "
            "ingen grund til at indhente nye speciallægeerklæringer i en stabil sag.",
        ),
        _r("op", "Tak, så holder vi det enkelt i de stabile sager."),
        network=FLEKS_NET,
    ),
    _q(
        FFP,
        "Ledighedsydelse og a-kassemedlemskab",
        "akasse@",
        39,
        "Vi får spørgsmål fra medlemmer, der er visiteret til fleksjob, om de skal blive i "
        "a-kassen, når de får ledighedsydelse. Hvad anbefaler I?",
        _r(
            "jobcenter",
            "Ledighedsydelsen udbetales af kommunen (LAS § 74), men der er gode grunde til at "
            "blive i a-kassen: hvis de senere kommer i ordinært job, og for at kunne få "
            "efterløn, hvis de betaler efterlønsbidrag.",
        ),
        _a(
            "union",
            "Vi anbefaler næsten altid at blive. Efterlønsbidraget tæller kun, så længe man er "
            "medlem, og et medlemskab giver en sikkerhed, hvis fleksjobbevillingen senere "
            "ophæves, og medlemmet kommer i ordinært job. Tal med medlemmet om efterlønsalder "
            "og økonomi, før de melder sig ud – udmeldelsen kan ikke fortrydes med tilbagevirkende "
            "kraft.",
        ),
        _r(
            "op",
            "Tak begge. Vi skriver en kort tekst til vores medlemsblad om det.",
        ),
        network=FLEKS_NET,
    ),
    _q(
        FFP,
        "Fleksjob på 8 timer – giver det mening?",
        "jobcenter",
        29,
        "Rehabiliteringsteamet har indstillet fleksjob til en borger, der i praktik har kunnet "
        "arbejde 8 timer om ugen med lav intensitet. Kan der bevilges fleksjob med så få timer?",
        _a(
            "jurist",
            "Ja. Siden reformen kan der bevilges fleksjob med helt få timer om ugen, hvis "
            "arbejdsevnen er varigt og væsentligt nedsat og borgeren kan arbejde et vist antal "
            "timer. Der er ikke en nedre timegrænse i loven. Forskellen til førtidspension er, om "
            "arbejdsevnen kan udvikles eller udnyttes i et fleksjob – ikke antallet af timer i "
            "sig selv.",
        ),
        _r("op", "Tak – det er også teamets vurdering. Så går vi videre med det."),
        _r(
            "union",
            "Sørg for at finde en arbejdsgiver med tålmodighed. Fleksjob på få timer er "
            "sårbare, og vi ser en del, der falder fra de første måneder.",
        ),
    ),
    _q(
        FFP,
        "Førtidspension uden ressourceforløb – hvornår er det 'åbenbart formålsløst'?",
        "union",
        59,
        "Vores medlem er 58 år, har arbejdet på lager hele livet og har nu svær KOL og slidgigt. "
        "Kommunen vil have ham i ressourceforløb. Vi mener, det er åbenbart formålsløst. Hvad "
        "skal der til?",
        _r(
            "jobcenter",
            "Vi ser på, om det er dokumenteret, at arbejdsevnen ikke kan forbedres. Er der klar "
            "lægelig dokumentation for en progressiv sygdom, kan rehabiliteringsteamet "
            "indstille til førtidspension uden ressourceforløb.",
        ),
        _a(
            "jurist",
            "Efter PL § 18 skal det være dokumenteret, at arbejdsevnen ikke kan forbedres, "
            "typisk gennem afprøvning i ressourceforløb. Men afprøvning kan undlades, hvis det "
            "er åbenbart formålsløst, fx ved alvorlig, progressiv sygdom eller når det er "
            "dokumenteret på anden måde. Alder alene er ikke en grund, men kan indgå i den "
            "samlede vurdering. Bed om en speciallægeerklæring med en konkret prognose, og "
            "beskriv de tidligere forsøg på skånejob.",
        ),
        _r(
            "op",
            "Tak. Vi har faktisk to tidligere arbejdsprøvninger, som ikke står i sagen. Dem får "
            "vi med.",
        ),
        _r(
            "jobcenter:2",
            "Godt at de kommer med – de kan afgøre sagen. Husk også, at borgeren selv kan "
            "anmode om, at sagen forelægges rehabiliteringsteamet.",
        ),
    ),
    _d(
        FFP,
        "Ankestyrelsens praksis om førtidspension til yngre under 40",
        "jurist",
        77,
        "Til orientering og drøftelse: vi ser flere sager, hvor borgere under 40 år får afslag "
        "med henvisning til, at der ikke kan tilkendes førtidspension under 40 år. Det er ikke "
        "helt præcist. Hvordan formulerer vi det i vores svar til kommunerne?",
        _r(
            "jurist:2",
            "Reglen er, at personer under 40 år som udgangspunkt ikke kan få førtidspension, "
            "men at det kan ske, hvis det er dokumenteret, at arbejdsevnen ikke kan forbedres, "
            "eller hvis det er åbenbart formålsløst at forbedre den. Skriv undtagelserne med.",
        ),
        _r(
            "jurist@",
            "Enig. Jeg foreslår, at vi tager en standardformulering ind i vores svarskabelon og "
            "henviser til PL § 16 og § 18.",
        ),
        network=JURIST_NET,
    ),
    _q(
        FFP,
        "Fleksjob hos tidligere arbejdsgiver – gælder 12-måneders-reglen?",
        "union",
        55,
        "Medlem vil gerne i fleksjob hos sin nuværende arbejdsgiver. Arbejdsgiveren siger, at "
        "der er en regel om 12 måneders ansættelse. Hvad er det?",
        _a(
            "jobcenter",
            "Fleksjob hos den hidtidige arbejdsgiver kræver, at borgeren har været ansat i 12 "
            "måneder på særlige vilkår, der svarer til fleksjob, før fleksjobbet etableres. "
            "Formålet er at undgå, at ordinære stillinger omdannes til fleksjob. Der er "
            "undtagelser, fx hvis der er tale om en arbejdsskade. Tag fat i din "
            "virksomhedskonsulent, så kigger vi på forløbet.",
        ),
        _r("op", "Tak! Det var en arbejdsskade, så vi undersøger undtagelsen."),
    ),
    _q(
        FFP,
        "Hvordan regnes timerne i fleksjob med varierende arbejdstid?",
        "jobcenter",
        19,
        "Borger i fleksjob arbejder 10-16 timer pr. uge afhængigt af dagsformen. Arbejdsgiveren "
        "vil vide, hvad der skal stå i kontrakten.",
        _r(
            "jobcenter:2",
            "Skriv et gennemsnitligt timetal i kontrakten og aftal en fleksibel ramme. "
            "Fleksløntilskuddet beregnes ud fra den faktiske løn, så det er ikke et problem for "
            "udbetalingen.",
        ),
        _r("union", "Husk, at overenskomsten gælder – løn for de faktiske timer."),
        network=FLEKS_NET,
    ),
    _q(
        FFP,
        "Fleksjobbere på ledighedsydelse: hvem har kontaktforløbet?",
        "akasse",
        5,
        "Vi er i tvivl om, hvem der holder samtaler med medlemmer på ledighedsydelse. Er det "
        "jobcentret alene, eller skal a-kassen have samtaler som ved dagpenge?",
        network=FLEKS_NET,
    ),
    _q(
        FFP,
        "Indstilling til rehabiliteringsteamet: fleksjob eller ressourceforløb?",
        "sagsbehandler@",
        41,
        "Jeg skal skrive min første indstilling. Borgeren har haft tre praktikker, alle "
        "afbrudt pga. smerter. Lægen mener ikke, der er mere at gøre behandlingsmæssigt. "
        "Skal jeg gå efter fleksjob eller et ressourceforløb?",
        _r(
            "jobcenter",
            "Hvis praktikkerne er afbrudt helt, og du ikke har fundet et timetal, hun kan holde, "
            "er der ikke dokumentation for fleksjob endnu. Så er et ressourceforløb med fokus på "
            "smertehåndtering og en praktik med lavt timetal oplagt.",
        ),
        _a(
            "jobcenter:2",
            "Enig. Teamet vil gerne se, at borgeren har en stabil arbejdsevne i et bestemt antal "
            "timer, før der indstilles til fleksjob. Skriv forberedende del af "
            "rehabiliteringsplanen (LAB § 30 a) med borgeren og gør det tydeligt, hvad "
            "ressourceforløbet skal afklare. Så har teamet noget konkret at tage stilling til.",
        ),
        _r(
            "op",
            "Mange tak – så går jeg efter ressourceforløb og skriver målet tydeligt. "
            "{@jobcenter:2} vil du kigge på min indstilling, før den går videre?",
        ),
        _r("jobcenter:2", "Selvfølgelig. Send den til mig i morgen."),
    ),
    _q(
        FFP,
        "Fleksjob for selvstændige – hvem har erfaring?",
        "jobcenter",
        97,
        "Borger med egen virksomhed (grafisk design) søger om fleksjob som selvstændig. Vi har "
        "aldrig haft sådan en sag. Hvad skal vi være opmærksomme på?",
        _r(
            "jobcenter:2",
            "Det kræver, at virksomheden har været drevet i mindst 18 måneder i et vist omfang "
            "før ansøgningen, og at der er et realistisk grundlag. Få et regnskab og en "
            "beskrivelse af kunder og opgaver. Tilskuddet beregnes anderledes end for "
            "lønmodtagere.",
        ),
        _r("op", "Tak – det er et godt sted at starte."),
    ),
    _d(
        FFP,
        "Erfaringsudveksling: fleksjob i de små virksomheder",
        "jobcenter",
        83,
        "Vi har haft et projekt, hvor virksomhedskonsulenterne gik efter små virksomheder med "
        "under 10 ansatte. Det gav overraskende mange fleksjob på få timer. Har andre prøvet "
        "noget lignende?",
        _r(
            "jobcenter:2",
            "Samme erfaring her. De små virksomheder er ofte mere fleksible med opgaverne, men de "
            "har brug for, at vi er let at få fat i, når noget går galt.",
        ),
        _r(
            "union",
            "Husk, at de små virksomheder sjældent har overenskomst. Kontrollér lønnen – vi har "
            "set fleksjob på løn langt under mindstelønnen i branchen.",
        ),
        _r(
            "jobcenter:3",
            "Vi har haft succes med at tilbyde en fast kontaktperson det første halve år. "
            "Fastholdelsen gik markant op.",
        ),
        network=FLEKS_NET,
    ),
    _q(
        FFP,
        "Ledighedsydelse og rådighedsvurderingen – hvordan dokumenterer vi jobsøgning?",
        "jobcenter",
        62,
        "Vi skal vurdere rådigheden for en borger på ledighedsydelse, der ikke har søgt "
        "fleksjob i to måneder. Hvad skal vi have dokumenteret, før vi kan sanktionere?",
        _a(
            "jurist",
            "Personer på ledighedsydelse skal stå til rådighed for fleksjob. I "
            "rådighedsvurderingen skal I se på, om borgeren har fået konkret vejledning om, "
            "hvad der forventes (antal ansøgninger, jobloggen). Er kravene ikke formidlet "
            "tydeligt, kan I ikke sanktionere for manglende jobsøgning. Partshøring er "
            "obligatorisk, og en eventuel sanktion skal stå mål med overtrædelsen.",
        ),
        _r(
            "op",
            "Tak – vi har faktisk ikke skrevet kravene ned. Vi starter med en samtale og en "
            "aftale i Min Plan.",
        ),
    ),
    _q(
        FFP,
        "Tilskud til selvstændige i fleksjob – hvor finder jeg satserne?",
        "jobcenter",
        1,
        "Som overskriften siger. Satserne skifter hvert år, og jeg kan ikke finde den seneste "
        "oversigt på intranettet.",
    ),
    _q(
        FFP,
        "Seniorpension – hvem sender ansøgningen videre?",
        "union",
        14,
        "Et medlem på 60 år vil søge seniorpension. Skal hun søge gennem jobcentret, "
        "eller går ansøgningen direkte til Seniorpensionsenheden?",
        _a(
            "jobcenter",
            "Ansøgningen går direkte til Seniorpensionsenheden, men jobcentret skal levere "
            "oplysninger fra sagen (fx lægeattester og arbejdsprøvninger). Hun kan søge selv på "
            "borger.dk. Vi hjælper gerne med at samle dokumentationen.",
        ),
        _r("op", "Tak – så søger hun selv, og vi sender sagens akter efter anmodning."),
    ),
    # --- Rehabilitering, ressourceforløb, jobafklaringsforløb, revalidering -----------------
    _q(
        REH,
        "Hvad skal med i forberedende del af rehabiliteringsplanen?",
        "jobcenter",
        133,
        "Vi får indstillinger retur fra rehabiliteringsteamet, fordi den forberedende del er for "
        "tynd. Hvad forventer teamet konkret?",
        _a(
            "jobcenter:2",
            "Teamet vil have borgerens egen beskrivelse af uddannelse, beskæftigelse, "
            "helbred, sociale forhold og ønsker – og jobcentrets vurdering af, hvad der er "
            "afprøvet og med hvilket resultat (LAB § 30 a). Det, der oftest mangler, er:\n\n"
            "- konkrete timetal og opgaver fra praktikkerne,\n"
            "- hvad borgeren selv mener, der skal til,\n"
            "- den praktiserende læges vurdering i en LÆ 265 eller en nyere attest,\n"
            "- den kliniske funktions vurdering, hvis den foreligger.\n\n"
            "Skriv kort, men konkret.",
        ),
        _r("op", "Det er en god liste. Tak!"),
        _r(
            "jobcenter:3",
            "Tilføjelse: husk borgerens underskrift – eller en note om, at borgeren har "
            "godkendt planen mundtligt. Ellers kommer den retur.",
        ),
    ),
    _q(
        REH,
        "Jobafklaringsforløbet: hvor hurtigt skal sagen forelægges rehabiliteringsteamet?",
        "sagsbehandler@",
        27,
        "Når sygedagpengene ophører, og borgeren overgår til jobafklaringsforløb – hvad er "
        "fristen for, at sagen skal for teamet?",
        _a(
            "jurist",
            "Sagen skal forelægges rehabiliteringsteamet hurtigst muligt og senest 12 uger "
            "efter, at borgeren er overgået til jobafklaringsforløbet (LAB § 68 b). Forud "
            "skal jobcentret have udarbejdet den forberedende del af rehabiliteringsplanen. "
            "Samtalerne i jobafklaringsforløbet skal i øvrigt holdes mindst 6 gange om året.",
        ),
        _r(
            "op",
            "Tak – vi har et par sager, der har ligget for længe. Så prioriterer vi dem.",
        ),
        _r(
            "union",
            "Tak for at tage det alvorligt. Vores medlemmer oplever jobafklaringsforløbet som "
            "et venteværelse, når der går lang tid før teamet.",
        ),
    ),
    _d(
        REH,
        "Koordinerende sagsbehandler – skal vedkommende deltage i teammødet?",
        "jobcenter",
        101,
        "Er det et krav, at den koordinerende sagsbehandler selv deltager, når sagen behandles "
        "i rehabiliteringsteamet, eller kan en kollega tage den?",
        _r(
            "jobcenter:2",
            "Det er ikke et formelt krav, men borgeren skal have en fast koordinerende "
            "sagsbehandler, og det er vedkommende, der kender sagen og har lavet planen. Vi "
            "sender kun en kollega ved sygdom.",
        ),
        _r(
            "jobcenter:3",
            "Hos os deltager den koordinerende sagsbehandler altid – borgeren har ret til at "
            "møde op, og det er et dårligt signal, hvis borgeren ikke kender den, der "
            "fremlægger sagen.",
        ),
    ),
    _q(
        REH,
        "Ressourceforløbsydelse under jobafklaring – satsen og forsørgerstatus",
        "union",
        49,
        "Medlemmet er overgået til jobafklaringsforløb og er chokeret over ydelsen. Hvad er "
        "grundlaget for beregningen, og tæller samleverens indkomst med?",
        _a(
            "jobcenter",
            "Ressourceforløbsydelse under jobafklaringsforløb (LAS § 69 j) ligger på "
            "kontanthjælpsniveau, men den er ikke afhængig af formue eller af samleverens "
            "indkomst. Forsørgerstatus hæver satsen. Løn og visse andre indtægter trækkes fra. "
            "Ydelsesservice kan lave en konkret beregning.",
        ),
        _r(
            "op",
            "Tak – det giver i hvert fald en bedre forklaring til medlemmet end det brev, hun fik.",
        ),
    ),
    _q(
        REH,
        "Mentor i ressourceforløb – hvor mange timer kan vi bevilge?",
        "jobcenter",
        68,
        "Borger i ressourceforløb med massive sociale udfordringer. Vi vil gerne bevilge en "
        "mentor, der kan følge med til behandling og samtaler. Er der et loft over timerne?",
        _a(
            "jobcenter:2",
            "Der er ikke et fast loft i LAB § 78 – støtten skal stå mål med behovet, og den "
            "skal fremgå af rehabiliteringsplanen. Vi bevilger typisk 3-5 timer om ugen i "
            "starten og trapper ned. Skriv tydeligt, hvad mentoren skal (transport, "
            "strukturering, kontakt til behandlere), og følg op hver tredje måned.",
        ),
        _r("op", "Tak, det giver et godt udgangspunkt."),
        _r(
            "union",
            "God erfaring fra vores side: mentorer, der kender branchen, gør en stor forskel, når "
            "borgeren skal tilbage på en arbejdsplads.",
        ),
    ),
    _q(
        REH,
        "Revalidering eller ressourceforløb til 35-årig med rygskade?",
        "jobcenter",
        115,
        "Tidligere murer, 35 år, kan ikke vende tilbage til faget. Han er motiveret for at "
        "uddanne sig til bygningskonstruktør. Er det revalidering efter LAS § 46, eller skal vi "
        "via rehabiliteringsteamet og et ressourceforløb?",
        _a(
            "jobcenter:2",
            "Det lyder som en klassisk revalideringssag: han har begrænsninger i arbejdsevnen, "
            "men et klart og realistisk erhvervsmål. Revalidering forudsætter, at andre "
            "tilbud ikke er tilstrækkelige. Start med en arbejdsprøvning eller et "
            "revalideringsforløb med forrevalidering, så målet er afprøvet, før uddannelsen "
            "bevilges. Ressourceforløb er for borgere med komplekse problemer – det lyder ikke "
            "som ham.",
        ),
        _r(
            "union",
            "Husk revalideringsydelsen: den svarer til maksimal dagpengesats, og han skal have en "
            "godkendt jobplan. Det gør en kæmpe forskel for familien.",
        ),
        _r(
            "op",
            "Tak begge – vi sætter en arbejdsprøvning op på en tegnestue, før vi tager stilling "
            "til uddannelsen.",
        ),
    ),
    _q(
        REH,
        "Revalideringsforløbet afbrudt – skal ydelsen stoppe med det samme?",
        "jobcenter",
        23,
        "Borger på revalidering er droppet ud af uddannelsen efter 1. semester. Stopper "
        "revalideringsydelsen fra afbrydelsesdagen, eller kan vi give en periode til at finde en "
        "ny plan?",
        _r(
            "jobcenter:2",
            "Vi plejer at holde en samtale inden for få dage og vurdere, om revalideringsforløbet "
            "kan justeres. Er der en realistisk ny plan, kan jobplanen ændres uden ophør.",
        ),
        _r(
            "jurist",
            "Revalideringsydelse udbetales, mens borgeren deltager i et revalideringsforløb "
            "efter en godkendt jobplan. Afbrydes forløbet uden, at der er en ny plan, er der "
            "ikke grundlag for ydelsen. Men I skal partshøre og vurdere, om en kortere "
            "afklaringsperiode kan indgå i jobplanen – det er en konkret vurdering.",
        ),
        _r("op", "Tak – vi indkalder til samtale i morgen og laver en revideret jobplan."),
    ),
    _d(
        REH,
        "Rehabiliteringsteamets møder – kan borgeren deltage virtuelt?",
        "jobcenter",
        79,
        "Vi har fået en del ønsker om at deltage via video. Hvordan håndterer I det?",
        _r(
            "jobcenter:2",
            "Vi tilbyder det, hvis borgeren ønsker det, men vi anbefaler fremmøde. Erfaringen er, "
            "at dialogen bliver bedre, når alle sidder i samme rum.",
        ),
        _r(
            "union",
            "For nogle af vores medlemmer med angst er video forskellen på at deltage og ikke at "
            "deltage. Tilbyd det endelig.",
        ),
        _r(
            "jobcenter:3",
            "Vi har fået lavet et lille lokale med skærm og kamera ved siden af mødelokalet, så "
            "borgeren kan sidde der med sin mentor. Det har fungeret godt.",
        ),
    ),
    _q(
        REH,
        "Ressourceforløb nummer to – hvad skal der til?",
        "jobcenter",
        53,
        "Borgeren har gennemført et ressourceforløb på 3 år uden væsentlig fremgang. Teamet "
        "overvejer et nyt ressourceforløb. Hvornår vil Ankestyrelsen sige, at det er "
        "dokumenteret, at arbejdsevnen ikke kan forbedres?",
        _a(
            "jurist@",
            "Der kan bevilges flere ressourceforløb, men et nyt forløb skal have et konkret "
            "indhold, der adskiller sig fra det første, og en realistisk forventning om, at "
            "arbejdsevnen kan udvikles. Har borgeren været i et helhedsorienteret forløb i 3 år "
            "uden resultat, og er der ingen nye behandlingsmuligheder, vil det ofte være "
            "dokumenteret, at arbejdsevnen ikke kan forbedres (PL § 18). Beskriv i "
            "indstillingen, hvad der er forsøgt, og hvorfor et nyt forløb eventuelt vil gøre en "
            "forskel.",
        ),
        _r(
            "op",
            "Tak – den beskrivelse af 'et konkret indhold, der adskiller sig' bruger jeg i vores "
            "indstilling.",
        ),
        hotline=True,
    ),
    _d(
        REH,
        "Sundhedskoordinatoren – hvornår beder I om en udtalelse?",
        "jobcenter",
        119,
        "Vi har fået en ny sundhedskoordinator fra regionen i teamet. Hvornår beder I om en "
        "udtalelse, og hvornår er det nok med lægeattesterne?",
        _r(
            "jobcenter:2",
            "Vi beder altid om sundhedskoordinatorens vurdering, inden sagen skal for teamet, hvis "
            "der er flere diagnoser eller uklarheder i lægeoplysningerne. Ved en klar "
            "enkeltdiagnose er det sjældent nødvendigt før teammødet.",
        ),
        _r(
            "jobcenter:3",
            "Sundhedskoordinatoren kan også hjælpe med at vurdere, om der er brug for en "
            "speciallægeerklæring. Det sparer tid og penge.",
        ),
    ),
    _q(
        REH,
        "Jobafklaringsforløbet og delvis genoptagelse af arbejdet",
        "union",
        35,
        "Medlem i jobafklaringsforløb kan arbejde 10 timer om ugen hos sin arbejdsgiver. "
        "Hvordan påvirker det ressourceforløbsydelsen?",
        _a(
            "jobcenter",
            "Lønnen fra arbejdsgiveren fradrages i ressourceforløbsydelsen efter reglerne for "
            "arbejdsindtægt. Samtidig tæller timerne positivt i afklaringen – det er netop "
            "dokumentation for arbejdsevnen. Sørg for, at arbejdsgiveren indberetter løn og timer "
            "korrekt i indkomstregistret.",
        ),
        _r(
            "op",
            "Tak. Medlemmet var bange for, at det ville stoppe forløbet – det er rart at kunne "
            "sige, at det tværtimod er godt for sagen.",
        ),
    ),
    _q(
        REH,
        "Helhedsorienteret plan og misbrugsbehandling – hvem koordinerer?",
        "jobcenter",
        2,
        "Borger i ressourceforløb er i misbrugsbehandling hos et privat tilbud. Behandlerne vil "
        "ikke dele oplysninger uden et nyt samtykke. Hvordan har I løst samarbejdet?",
    ),
    _q(
        REH,
        "Kan borgeren klage over rehabiliteringsteamets indstilling?",
        "union",
        86,
        "Medlemmet er uenig i teamets indstilling om ressourceforløb. Hvor kan hun klage?",
        _a(
            "jurist",
            "Indstillingen er ikke en afgørelse og kan ikke påklages selvstændigt. Det er "
            "kommunens efterfølgende afgørelse (fx om ressourceforløb eller afslag på "
            "førtidspension), der kan påklages til Ankestyrelsen inden 4 uger. Medlemmet kan "
            "allerede nu skrive sine bemærkninger til indstillingen, så de indgår i sagen.",
        ),
        _r(
            "op",
            "Tak, så skriver vi bemærkninger nu og klager over afgørelsen, hvis det bliver "
            "nødvendigt.",
        ),
    ),
    _d(
        REH,
        "Erfaringer med tværfaglige virksomhedspraktikker i ressourceforløb",
        "jobcenter",
        57,
        "Vi har lavet et samarbejde med et par socialøkonomiske virksomheder om praktikker med "
        "meget få timer og tæt mentorstøtte. Det har givet gode resultater. Deler gerne "
        "erfaringer, hvis nogen vil prøve noget lignende.",
        _r(
            "jobcenter:2",
            "Meget interessant! Hvor mange timer starter I typisk med?",
        ),
        _r(
            "op",
            "2 x 2 timer om ugen, og så trapper vi op, når borgeren har haft en stabil periode "
            "på en måned. Mentoren er med de første gange.",
        ),
        _r(
            "union",
            "Det lyder godt. Vær opmærksom på, at praktikken ikke bliver for lang uden "
            "progression – det er et tilbagevendende klagepunkt hos os.",
        ),
    ),
    _d(
        REH,
        "Klinisk funktion – ventetid på udtalelse",
        "jobcenter",
        7,
        "Vi venter nu 10 uger på en udtalelse fra den kliniske funktion. Har andre samme "
        "oplevelse, og hvad gør I imens?",
        _r(
            "jobcenter:2",
            "Ja, desværre. Vi holder samtalerne og sætter praktik i gang, hvor det giver mening, "
            "så tiden ikke går til spilde.",
        ),
    ),
    _q(
        REH,
        "Revalidering med uddannelse ud over 5 år?",
        "jobcenter",
        145,
        "Borger på revalidering vil gerne tage en uddannelse, der normeret tager 5½ år. Kan "
        "revalideringsforløbet forlænges ud over 5 år?",
        _a(
            "jurist",
            "Revalidering er ikke tidsbegrænset i loven, men uddannelsen skal være den korteste, "
            "der kan føre til varig beskæftigelse, og revalideringen skal være nødvendig. En "
            "lang videregående uddannelse bevilges kun undtagelsesvis. Vurder, om en kortere "
            "uddannelse inden for samme felt kan nå målet.",
        ),
        _r("op", "Tak – vi kigger på en professionsbachelor i stedet."),
    ),
    _q(
        REH,
        "Hvem betaler for en speciallægeerklæring, der er bestilt af rehabiliteringsteamet?",
        "jobcenter",
        1,
        "Teamet har bedt om en psykiatrisk speciallægeerklæring. Er det jobcentrets budget, "
        "eller er det sundhedskoordinatorens?",
        hotline=True,
    ),
    # --- Unge og uddannelse ---------------------------------------------------------------
    _q(
        UNG,
        "Uddannelsespålæg til ung dagpengemodtager – hvornår?",
        "akasse",
        92,
        "Et 24-årigt medlem uden erhvervskompetencegivende uddannelse har fået at vide af "
        "jobcentret, at hun skal have et uddannelsespålæg. Hvornår kan det gives, og hvad er "
        "a-kassens rolle?",
        _a(
            "jobcenter",
            "Unge under 25 år uden en erhvervskompetencegivende uddannelse kan få et "
            "uddannelsespålæg efter LAB § 21 b. Pålægget går ud på, at den unge skal søge "
            "optagelse på en eller flere konkrete uddannelser. Det gives typisk efter en "
            "vejledningssamtale, og pålægget skrives i Min Plan. A-kassen skal vejlede om, at "
            "manglende opfyldelse kan få konsekvenser for dagpengene, fordi det indgår i "
            "rådighedsvurderingen.",
        ),
        _r(
            "akasse:2",
            "Og husk, at den unge efter at være optaget kan have ret til SU i stedet for "
            "dagpenge. Det kommer ofte bag på medlemmerne.",
        ),
        _r("op", "Tak til jer begge. Vi lægger det ind i vores samtaleguide for unge."),
    ),
    _q(
        UNG,
        "Uddannelseshjælp: hvornår er en ung 'åbenlyst uddannelsesparat'?",
        "jobcenter",
        118,
        "Jeg er ny på ungeområdet og kæmper med skelnen mellem åbenlyst uddannelsesparat, "
        "uddannelsesparat og aktivitetsparat. Hvad lægger I vægt på?",
        _a(
            "jobcenter:2",
            "Kort fortalt:\n\n"
            "- **Åbenlyst uddannelsesparat**: kan påbegynde en uddannelse inden for en måned "
            "uden støtte – ofte gode karakterer og ingen andre problemer.\n"
            "- **Uddannelsesparat**: kan påbegynde en uddannelse inden for et år, evt. med "
            "støtte.\n"
            "- **Aktivitetsparat**: har problemer ud over ledighed (helbred, misbrug, sociale "
            "forhold), så der er brug for en længere indsats.\n\n"
            "Vurderingen skal ske ud fra en samtale og de oplysninger, vi har. Det vigtigste er "
            "at skrive begrundelsen ned, så den kan tages op igen ved næste samtale.",
        ),
        _r("op", "Tak – den korte oversigt printer jeg og hænger op."),
    ),
    _d(
        UNG,
        "Ung med ordblindhed og uddannelsespålæg – kan vi give støtte?",
        "jobcenter",
        75,
        "Ung på uddannelseshjælp har fået pålæg om at søge ind på en erhvervsuddannelse, men er "
        "svært ordblind og har droppet ud to gange. Hvilke muligheder har vi for støtte, før og "
        "under uddannelsen?",
        _r(
            "jobcenter:2",
            "Forberedende voksenundervisning (FVU) og ordblindeundervisning for voksne kan "
            "indgå som tilbud før start. Under uddannelsen kan skolen søge SPS (specialpædagogisk "
            "støtte). Det vigtigste er, at den unge bliver testet, hvis det ikke er gjort.",
        ),
        _r(
            "union",
            "Vi har haft gode erfaringer med at sætte en mentor fra fagforeningen på de første "
            "måneder af en EUD-uddannelse. Spørg gerne lokalt.",
        ),
        _r(
            "op",
            "Tak! Der er faktisk ikke lavet en test, så det er første skridt.",
        ),
    ),
    _q(
        UNG,
        "Uddannelseshjælp og praktikplads – hvornår ophører ydelsen?",
        "jobcenter",
        44,
        "Ung har fået praktikplads i en EUD-uddannelse med start om tre uger. Hvornår stopper "
        "uddannelseshjælpen, og skal vi gøre noget i mellemtiden?",
        _a(
            "jobcenter:2",
            "Uddannelseshjælpen ophører, når den unge begynder i praktikken og får lærlingeløn. "
            "I ventetiden kan der gives et kort tilbud, men det er ofte bedst at lade den unge "
            "forberede sig – fx skaffe arbejdstøj og sørge for transport. Husk at afslutte "
            "sagen i fagsystemet, når lærlingelønnen starter.",
        ),
        _r("op", "Tak – det gør vi."),
    ),
    _d(
        UNG,
        "Brobygning til uddannelse: hvad virker for de unge i København?",
        "jobcenter",
        66,
        "Vi er ved at evaluere vores brobygningsforløb. Hvad har I gode erfaringer med? Særligt "
        "for unge, der har været uden for uddannelse i flere år.",
        _r(
            "jobcenter:2",
            "Korte forløb med fysisk tilstedeværelse på skolen og en fast kontaktperson. Det "
            "virker, når de unge kender skolen og lærerne, inden de starter.",
        ),
        _r(
            "union",
            "Når det er en erhvervsuddannelse, gør det en stor forskel at møde en lærling fra "
            "faget – gerne gennem fagforeningens ungdomsarbejde.",
        ),
        _r(
            "jobcenter:3",
            "Vi har prøvet at koble brobygningen med et fritidsjob i branchen. Det har givet "
            "motivation og en anden snak om uddannelse.",
        ),
        _r(
            "op",
            "Tak for input. Jeg samler det i et notat til ledelsen og deler det her, når det er "
            "klar.",
        ),
    ),
    _q(
        UNG,
        "Unge under 30 med dagpenge: kan vi kræve uddannelse?",
        "akasse",
        108,
        "Vi har medlemmer på 27-28 år uden uddannelse. Kan jobcentret give uddannelsespålæg til "
        "dem, eller gælder det kun under 25 år?",
        _a(
            "jobcenter",
            "Uddannelsespålægget efter LAB § 21 b gælder for unge dagpengemodtagere under 25 år "
            "uden erhvervskompetencegivende uddannelse. Over 25 år bruger vi i stedet "
            "vejledning og opkvalificering efter LAB § 32, fx voksenlærlingeordningen eller "
            "korte erhvervsrettede kurser – men som tilbud, ikke som pålæg.",
        ),
        _r(
            "op",
            "Tak – så vi skal skelne mellem pålæg og tilbud. Det giver mening.",
        ),
    ),
    _q(
        UNG,
        "Uddannelseshjælp til ung med barn – hvilken sats?",
        "jobcenter",
        50,
        "Ung på 22 år med et barn. Får hun forsørgersats på uddannelseshjælp?",
        _a(
            "jobcenter:2",
            "Ja, forsørgere får en højere sats på uddannelseshjælp. Hvis hun er enlig forsørger, "
            "er satsen højere end for samlevende forsørgere. Ydelsesservice har satstabellen for "
            "i år.",
        ),
        _r("op", "Tak, så kontakter jeg Ydelsesservice med hendes oplysninger."),
    ),
    _q(
        UNG,
        "Aktivitetsparat ung – kan uddannelsespålæg udskydes?",
        "jobcenter",
        31,
        "Ung er vurderet aktivitetsparat pga. angst, men vil gerne i gang med uddannelse. Er "
        "det rigtigt, at vi ikke må give uddannelsespålæg til aktivitetsparate?",
        _a(
            "jurist",
            "Også aktivitetsparate unge får et uddannelsespålæg, men målet er langsigtet: at "
            "den unge skal påbegynde og gennemføre en uddannelse, når det er realistisk. "
            "Pålægget skal tilpasses den unges situation, og indsatsen kan bestå af tilbud, der "
            "bringer den unge tættere på uddannelse. Der er altså ikke tale om et forbud.",
        ),
        _r(
            "op",
            "Tak – det var en misforståelse i vores team. Hun får et pålæg med et langsigtet mål.",
        ),
        _r(
            "jobcenter:2",
            "God pointe. Vi har tit set, at de aktivitetsparate unge bliver 'parkeret'. Et mål "
            "hjælper også sagsbehandleren med at holde fokus.",
        ),
    ),
    _d(
        UNG,
        "Hvordan vejleder I om SU for unge, der går fra uddannelseshjælp til uddannelse?",
        "jobcenter",
        12,
        "Mange unge er bange for at miste økonomien, når de skifter fra uddannelseshjælp til SU. "
        "Har I et godt materiale?",
        _r(
            "jobcenter:2",
            "Vi bruger SU-styrelsens beregner sammen med den unge. Det er konkret og hjælper "
            "mere end nogen folder.",
        ),
        _r(
            "union",
            "Fagforeningerne har ofte studierådgivning – henvis gerne, hvis det er en "
            "erhvervsuddannelse.",
        ),
    ),
    _q(
        UNG,
        "Uddannelsespålæg og sanktion – hvor meget skal der til?",
        "akasse@",
        8,
        "Et ungt medlem har ikke søgt de uddannelser, som pålægget angav. Jobcentret har sendt "
        "sagen til os. Hvad er den konkrete procedure for vores rådighedsvurdering?",
        _r(
            "akasse",
            "Vi gør det som ved andre rådighedssager: partshøring, vurdering af om der er en "
            "rimelig grund, og så afgørelse. Husk at tjekke, om pålægget faktisk er skrevet "
            "ind i Min Plan med en frist.",
        ),
        _a(
            "jurist",
            "Det afgørende er, at pålægget er konkret (hvilke uddannelser, hvilken frist) og "
            "dokumenteret, og at medlemmet er vejledt om konsekvensen. Mangler noget af det, kan "
            "I ikke lægge til grund, at medlemmet ikke har stået til rådighed. Ved tvivl om "
            "pålæggets indhold kan I bede jobcentret om dokumentationen, før I partshører.",
        ),
        _r(
            "op",
            "Tak, det var præcis den skelnen, jeg manglede. Pålægget står faktisk ikke i Min "
            "Plan, så vi beder jobcentret om dokumentationen.",
        ),
        network=AKASSE_NET,
    ),
    _q(
        UNG,
        "Kan vi bevilge transport til unge i brobygning?",
        "jobcenter",
        3,
        "Ung på uddannelseshjælp skal i brobygning på en skole i Hillerød. Kan vi dække "
        "transporten, og efter hvilken bestemmelse?",
    ),
    _d(
        UNG,
        "Hvad gør I, når en ung ikke dukker op til vejledningssamtalen?",
        "jobcenter",
        136,
        "Vores ungeteam har svært ved at få kontakt til en del unge. Har nogen gode "
        "erfaringer med opsøgende arbejde?",
        _r(
            "jobcenter:2",
            "SMS virker bedre end brev. Og vi har gode erfaringer med at møde de unge i "
            "ungdomsklubber eller på et bibliotek i stedet for på jobcentret.",
        ),
        _r(
            "jobcenter:3",
            "Husk, at udeblivelse kan få konsekvenser for ydelsen, men i praksis får vi "
            "kontakten bedre ved at ringe samme dag. Sanktionen er en sidste udvej.",
        ),
        _r("op", "Tak for gode ideer. Vi prøver klubberne i næste kvartal."),
    ),
    _q(
        UNG,
        "Uddannelseshjælp og arbejde i weekender – fradrag",
        "jobcenter",
        16,
        "Ung arbejder i weekenden i en kiosk. Hvordan regner vi fradraget i uddannelseshjælpen?",
        _a(
            "jobcenter:2",
            "Arbejdsindtægt fradrages krone for krone efter et mindre beløbsmæssigt fradrag pr. "
            "arbejdstime. Lønnen hentes fra indkomstregistret, så den unge skal bare sørge for, "
            "at arbejdsgiveren indberetter korrekt. Beløbet pr. time reguleres årligt – se "
            "satsoversigten.",
        ),
        _r("op", "Perfekt, tak."),
    ),
    _d(
        UNG,
        "Samarbejdet med UU-vejledningen efter 25 år",
        "jobcenter",
        99,
        "Når de unge fylder 25, mister vi ofte UU-vejledningens viden om dem. Hvordan sikrer I "
        "overleveringen?",
        _r(
            "jobcenter:2",
            "Vi har en fast overleveringssamtale, hvor UU-vejlederen deltager, når det er "
            "muligt. Ellers en skriftlig opsamling.",
        ),
        _r(
            "op",
            "God idé. Vi har haft samme tanke, men ikke fået det struktureret.",
        ),
    ),
    _q(
        UNG,
        "Kontanthjælp eller uddannelseshjælp til 29-årig med uddannelse fra udlandet?",
        "jobcenter",
        63,
        "Borger på 29 år har en bachelorgrad fra Polen. Skal hun have kontanthjælp eller "
        "uddannelseshjælp?",
        _a(
            "jobcenter:2",
            "Har hun en erhvervskompetencegivende uddannelse, er hun i målgruppen for "
            "kontanthjælp, også selv om uddannelsen er taget i udlandet. Få uddannelsen vurderet "
            "af Uddannelses- og Forskningsstyrelsen, hvis der er tvivl.",
        ),
        _r("op", "Tak – så får hun kontanthjælp, og vi sender en vurdering af uddannelsen."),
        _r(
            "jobcenter:3",
            "Husk opholdskravet ved kontanthjælp – det kan give en lavere sats.",
        ),
    ),
    _q(
        UNG,
        "Uddannelsesparate unge i virksomhedspraktik – hvor længe?",
        "jobcenter",
        0,
        "Kan en ung på uddannelseshjælp, som er uddannelsesparat, komme i virksomhedspraktik i "
        "mere end 4 uger for at afprøve et fag?",
    ),
    # --- Den virksomhedsrettede indsats ---------------------------------------------------
    _q(
        VIR,
        "Virksomhedspraktik for forsikrede ledige – 4 eller 8 uger?",
        "akasse",
        102,
        "Et medlem har fået tilbudt virksomhedspraktik i 6 uger. Hun har været ledig i 2 "
        "måneder og har en uddannelse. Må praktikken være så lang?",
        _a(
            "jobcenter",
            "Efter LAB § 42 kan virksomhedspraktik for forsikrede ledige som udgangspunkt vare op "
            "til 4 uger, og op til 8 uger for personer uden erhvervserfaring eller uden "
            "uddannelse. Har hun både uddannelse og erfaring, er 6 uger for meget. Skriv til "
            "hendes sagsbehandler i jobcentret – det er nok en fejl i tilbuddet.",
        ),
        _r(
            "op",
            "Tak. Det viste sig at være en fejl – tilbuddet er rettet til 4 uger.",
        ),
        _r(
            "union",
            "Godt fanget. Vi ser desværre også praktikker, der forlænges uden, at det vurderes "
            "konkret. Følg op!",
        ),
    ),
    _q(
        VIR,
        "Løntilskud: merbeskæftigelseskravet ved private arbejdsgivere",
        "jobcenter",
        87,
        "Privat virksomhed vil gerne have en ledig i løntilskud, men har afskediget to "
        "medarbejdere for et halvt år siden. Kan vi godkende det?",
        _a(
            "jobcenter:2",
            "Løntilskud efter LAB § 51 forudsætter merbeskæftigelse: ansættelsen skal øge det "
            "samlede antal ansatte, og virksomheden må ikke have afskediget medarbejdere i "
            "forbindelse med ansættelsen. Afskedigelser et halvt år før er ikke automatisk til "
            "hinder, men der må ikke være en sammenhæng. Få en erklæring fra virksomheden og "
            "tjek antallet af ansatte de seneste 12 måneder.",
        ),
        _r(
            "union",
            "Og husk rimelighedskravet: der skal være et rimeligt forhold mellem antallet af "
            "ordinært ansatte og personer med løntilskud. Tillidsrepræsentanten skal høres.",
        ),
        _r(
            "op",
            "Tak begge – vi beder om erklæringen og taler med tillidsrepræsentanten.",
        ),
    ),
    _q(
        VIR,
        "Jobrotation – hvordan finder vi vikarerne?",
        "jobcenter",
        113,
        "En produktionsvirksomhed vil sende 6 medarbejdere på AMU-kurser og ønsker "
        "jobrotationsvikarer. Hvordan har I fundet vikarer, der passer?",
        _r(
            "akasse",
            "Kontakt a-kasserne i branchen. Vi har medlemmer, der gerne vil i vikariat – og vi "
            "kan matche på erfaring. Giv os bare 14 dages varsel.",
        ),
        _a(
            "jobcenter:2",
            "Vi har gode erfaringer med at kombinere jobrotation (LAB § 98 a) med et kort "
            "opkvalificeringsforløb for vikarerne, så de kender maskinerne, inden de starter. "
            "Tal med virksomheden om at lave en jobordre i Jobnet med de krav, de har, og "
            "inddrag a-kasserne – de kender deres medlemmer bedst.",
        ),
        _r(
            "op",
            "Tak – vi laver jobordren og skriver til a-kasserne i dag.",
        ),
    ),
    _q(
        VIR,
        "Virksomhedspraktik i ressourceforløb – forlængelse ud over 13 uger",
        "jobcenter",
        47,
        "Borger i ressourceforløb har været i praktik i 13 uger og har stor fremgang. Kan vi "
        "forlænge?",
        _a(
            "jurist",
            "For personer i ressourceforløb og jobafklaringsforløb kan virksomhedspraktik som "
            "udgangspunkt vare op til 13 uger, men den kan forlænges, når der er behov for det, "
            "fx fordi personen har brug for længere tid til at afklare arbejdsevnen. "
            "Begrundelsen skal fremgå af sagen, og praktikken må ikke blive en erstatning for "
            "ordinær ansættelse.",
        ),
        _r("op", "Tak – vi skriver begrundelsen i planen og forlænger med 8 uger."),
    ),
    _q(
        VIR,
        "Løntilskud i offentlig virksomhed – hvor længe?",
        "akasse",
        84,
        "Medlem har fået løntilskud i en kommune. Hvor længe kan det vare for en forsikret ledig?",
        _a(
            "jobcenter",
            "Løntilskud hos en offentlig arbejdsgiver kan for forsikrede ledige vare op til 4 "
            "måneder. Hos private arbejdsgivere op til 6 måneder. Lønnen i et offentligt "
            "løntilskud følger de særlige regler, mens den private er overenskomstmæssig.",
        ),
        _r("op", "Tak, så passer det med tilbuddet."),
    ),
    _d(
        VIR,
        "Jobordrer fra virksomhederne – får a-kasserne dem for sent?",
        "akasse@",
        38,
        "Vi oplever, at jobordrer fra jobcentrets virksomhedsservice først når os, når de "
        "allerede er ved at være besat. Kan vi få adgang tidligere?",
        _r(
            "jobcenter",
            "Vi har også oplevet det. Kan vi lave en fast ugentlig liste over nye jobordrer til "
            "partnerskabets a-kasser?",
        ),
        _r(
            "koordinator@",
            "Det vil jeg gerne tage op i partnerskabet. Jeg foreslår, at vi afprøver en fælles "
            "liste her på portalen i to måneder og evaluerer bagefter. {@akasse@} vil du være "
            "med i en lille arbejdsgruppe?",
        ),
        _r("op", "Meget gerne!", quote=1),
    ),
    _d(
        VIR,
        "Hvordan sikrer vi, at virksomhedspraktikken ikke bliver gratis arbejdskraft?",
        "union",
        22,
        "Vi har fået en henvendelse fra et medlem i en butik, hvor tre praktikanter i træk har "
        "lavet det samme arbejde. Hvad kan jobcentret gøre?",
        _r(
            "jobcenter",
            "Vi skal vurdere rimelighedskravet og om praktikken har et reelt indhold af "
            "afklaring eller opkvalificering. Skriv navnet på virksomheden til "
            "virksomhedsservice, så ser vi på det.",
        ),
        _r(
            "jobcenter:2",
            "Vi har ret til at sige nej til flere praktikker i samme virksomhed, hvis de ikke "
            "fører til ansættelser. Det gør vi også.",
        ),
        _r("op", "Tak. Vi sender det til virksomhedsservice."),
    ),
    _q(
        VIR,
        "Mentor på arbejdspladsen – kan kollegaen få betaling?",
        "jobcenter",
        109,
        "Virksomhed vil gerne have en kollega som mentor for en borger i løntilskud. Kan vi "
        "give tilskud til kollegaens tid?",
        _a(
            "jobcenter:2",
            "Ja, efter LAB § 78 kan der gives tilskud til en mentor, også en medarbejder i "
            "virksomheden, i form af frikøb af mentorens arbejdstid. Det skal fremgå af "
            "aftalen, hvor mange timer og hvad mentoren skal hjælpe med.",
        ),
        _r("op", "Tak – det bliver en god løsning for virksomheden."),
    ),
    _q(
        VIR,
        "Voksenlærling – tilskud og a-kassens rolle",
        "akasse",
        70,
        "Medlem på 32 år har fået tilbud om at blive voksenlærling som elektriker. Hvad skal "
        "vi som a-kasse gøre?",
        _a(
            "jobcenter",
            "Arbejdsgiveren søger tilskud til voksenlærlingen. For ledige kan tilskuddet være "
            "højere. A-kassen skal afmelde medlemmet som ledig, når ansættelsen starter, og "
            "vejlede om, at lærlingeløn er lavere end dagpenge i starten.",
        ),
        _r(
            "union",
            "Husk, at lærlingen skal være omfattet af overenskomsten. Vi hjælper gerne med at "
            "tjekke uddannelsesaftalen.",
        ),
        _r("op", "Tak – vi henviser til fagforeningen for tjek af aftalen."),
    ),
    _d(
        VIR,
        "Virksomhedskonsulenternes opsøgende arbejde – hvilke brancher?",
        "jobcenter",
        28,
        "Vi skal lægge en plan for det opsøgende arbejde næste år. Hvilke brancher har I "
        "haft succes med i København?",
        _r(
            "jobcenter:2",
            "Rengøring, transport og lager har givet mange ansættelser efter praktik. Sosu-"
            "området er også stærkt, men kræver ofte uddannelse.",
        ),
        _r(
            "jobcenter:3",
            "Vi har haft gode resultater med hotel og restauration – men kun i sæsonen.",
        ),
        _r(
            "akasse",
            "Byggeriet mangler folk. Vores medlemmer i 3F er klar, hvis I laver jobordrer.",
        ),
    ),
    _q(
        VIR,
        "Løntilskud: skal en dagpengemodtager stadig søge job?",
        "akasse",
        13,
        "Medlem i løntilskud hos en privat arbejdsgiver spørger, om hun stadig skal søge job.",
        _a(
            "akasse:2",
            "Ja, hun skal stadig stå til rådighed og søge job, men kravene tilpasses. Vi vurderer "
            "det i rådighedsvurderingen ud fra hendes plan. Får hun tilbudt ordinært arbejde, skal "
            "hun tage det – løntilskuddet er ikke en hindring.",
        ),
        network=AKASSE_NET,
    ),
    _q(
        VIR,
        "Er der krav om, at tillidsrepræsentanten høres ved virksomhedspraktik?",
        "union",
        2,
        "Vi har fået at vide, at tillidsrepræsentanten ikke blev hørt om en praktik. Hvad "
        "siger reglerne?",
        hotline=True,
    ),
    _q(
        VIR,
        "Kan en borger på sygedagpenge komme i virksomhedspraktik hos en ny arbejdsgiver?",
        "jobcenter",
        56,
        "Borger sygemeldt fra et job, hun ikke kan vende tilbage til. Vi vil gerne afprøve et "
        "andet fag i praktik. Er det muligt?",
        _a(
            "jobcenter:2",
            "Ja, sygedagpengemodtagere kan få tilbud efter LAB, herunder virksomhedspraktik. "
            "Det skal indgå i opfølgningsplanen, og hun får fortsat sygedagpenge under "
            "praktikken. Husk at afklare med den nuværende arbejdsgiver, hvis ansættelsen ikke "
            "er ophørt.",
        ),
        _r("op", "Tak – det gør vi."),
    ),
    _d(
        VIR,
        "Jobrotation i ældreplejen – vores erfaringer",
        "jobcenter",
        74,
        "Vi har lavet et jobrotationsprojekt i ældreplejen med 20 vikarer. 12 af dem er nu i "
        "fast job. Vil gerne dele erfaringer med andre, der overvejer noget lignende.",
        _r(
            "union",
            "Flot resultat! Var vikarerne ledige sosu-hjælpere, eller var de ufaglærte?",
        ),
        _r(
            "op",
            "Blandet: 8 var faglærte, 12 ufaglærte. De ufaglærte fik et kort introforløb først. "
            "Flere er nu startet på sosu-uddannelsen.",
        ),
        _r(
            "akasse",
            "Vi har medlemmer, der gerne vil i gang. Hvornår starter næste hold?",
        ),
        _r("op", "Efter nytår. Jeg skriver her, når der er en dato."),
    ),
    _q(
        VIR,
        "Kan en ledig selv finde sin virksomhedspraktik?",
        "akasse",
        128,
        "Medlem har selv fundet en virksomhed, der vil tage hende i praktik. Hvad skal hun gøre?",
        _a(
            "jobcenter",
            "Fint! Bed hende kontakte sin sagsbehandler eller a-kassen (afhængig af hvem der "
            "har kontaktforløbet), så vi kan lave en aftale med virksomheden. Praktikken skal "
            "godkendes, før hun starter – ellers er hun ikke forsikret.",
        ),
        _r("op", "Tak, det viderebringer jeg."),
    ),
    _q(
        VIR,
        "Løntilskud og opsigelse – kan ledige sige op før tid?",
        "union",
        43,
        "Medlem i løntilskud har fået ordinært job. Kan hun stoppe med det samme?",
        _a(
            "jobcenter",
            "Ja, en person i løntilskud kan fratræde uden varsel, hvis hun får ordinært arbejde. "
            "Giv besked til jobcentret og a-kassen.",
        ),
        _r("op", "Tak for hurtigt svar."),
    ),
    _d(
        VIR,
        "Hvordan dokumenterer vi virksomhedspraktikkens resultat?",
        "jobcenter",
        10,
        "Vi har ingen fast skabelon til at dokumentere udbyttet af en praktik. Hvad bruger I?",
        _r(
            "jobcenter:2",
            "Vi bruger en kort evalueringssamtale med borger og virksomhed i sidste uge, og "
            "skriver et notat med timer, opgaver, fremmøde og skånehensyn. Det er præcis det, "
            "rehabiliteringsteamet og fleksjobvisitationen efterspørger senere.",
        ),
        _r(
            "jobcenter:3",
            "Vi har en skabelon i fagsystemet. Jeg kan sende den til dig.",
        ),
    ),
    # --- Kontanthjælp og LAB på tværs -----------------------------------------------------
    _q(
        KTH,
        "Aktivitetsparat kontanthjælpsmodtager – hvor ofte samtaler?",
        "jobcenter",
        94,
        "Hvor ofte skal vi holde samtaler med aktivitetsparate kontanthjælpsmodtagere?",
        _a(
            "jobcenter:2",
            "Mindst 4 samtaler inden for 12 måneder, men samtalerne skal tilpasses behovet. "
            "Mange har brug for hyppigere kontakt, især i starten.",
        ),
        _r("op", "Tak."),
    ),
    _q(
        KTH,
        "225-timers-reglen og sygdom",
        "union",
        60,
        "Medlem på kontanthjælp er syg og kan ikke opfylde 225-timers-reglen. Hvad gør vi?",
        _a(
            "jurist",
            "Personer, der vurderes at have en meget begrænset arbejdsevne, er undtaget fra "
            "kravet. Vurderingen foretages af kommunen, og det kræver dokumentation. Bed om en "
            "konkret vurdering og klag, hvis den ikke forholder sig til helbredet.",
        ),
        _r("op", "Tak – vi beder om en vurdering."),
    ),
    _q(
        LAB,
        "Kan en borger på sygedagpenge få tilbud om vejledning og opkvalificering?",
        "jobcenter",
        121,
        "Sygemeldt ufaglært lagerarbejder vil gerne tage et truckcertifikat for at få et "
        "lettere job. Kan vi bevilge det?",
        _a(
            "jobcenter:2",
            "Ja, efter LAB § 32 kan sygedagpengemodtagere få vejledning og opkvalificering, "
            "hvis det kan bidrage til, at de vender tilbage til arbejdsmarkedet. Det skal stå i "
            "opfølgningsplanen.",
        ),
        _r("op", "Tak – det gør vi."),
    ),
    _q(
        LAB,
        "Tilbud til borger i jobafklaringsforløb – hvad er muligt?",
        "jobcenter",
        17,
        "Hvilke LAB-tilbud kan vi give til en borger i jobafklaringsforløb?",
        _a(
            "jobcenter:2",
            "Alle de sædvanlige: vejledning og opkvalificering, virksomhedspraktik, mentor "
            "og – i nogle tilfælde – løntilskud. Tilbuddene skal passe til borgerens "
            "helbred og indgå i planen.",
        ),
        _r("op", "Tak."),
    ),
    # --- Flere spørgsmål på tværs ---------------------------------------------------------
    _q(
        SDP,
        "Raskmeldt ledig – hvornår starter rådighedsvurderingen igen?",
        "akasse",
        30,
        "Et medlem er raskmeldt efter 10 ugers sygdom, men lægen skriver, at hun fortsat ikke kan "
        "løfte. Skal vi vurdere rådigheden på fuld tid med det samme?",
        _a(
            "akasse:2",
            "Når medlemmet er raskmeldt, skal hun stå til rådighed igen, men rådighedsvurderingen "
            "tager udgangspunkt i det arbejde, hun reelt kan varetage. Skånehensyn, der ikke er "
            "varige, udelukker ikke rådighed, men de skal noteres, så kravene til jobsøgning "
            "passer. Er begrænsningerne varige, bør I drøfte med jobcentret, om hun er i den "
            "rette målgruppe.",
        ),
        _r("op", "Tak – vi skriver skånehensynene ind og tager en snak med jobcentret."),
        network=AKASSE_NET,
    ),
    _q(
        SDP,
        "Kan du hjælpe med en sag om delvis raskmelding hos en vikar?",
        "jobcenter",
        5,
        "Du skrev så godt om varselsbreve på netværksmødet, så jeg prøver dig direkte: Jeg har en "
        "vikar, der er delvis raskmeldt, men vikarbureauet har ingen opgaver på nedsat tid. Hvad "
        "har du gjort i lignende sager?",
        _r(
            "sagsbehandler@",
            "Jeg har haft en lignende sag. Vi fik bureauet til at finde en kortere opgave hos en "
            "af deres faste kunder, og ellers lavede vi en virksomhedspraktik på de timer, "
            "borgeren kunne. Ring til mig, så tager vi den.",
        ),
        _r("op", "Tusind tak, jeg ringer i morgen formiddag."),
        addressed_to="sagsbehandler@",
    ),
    _q(
        SDP,
        "Sygedagpenge ved ophold i udlandet under sygemeldingen",
        "union",
        90,
        "Medlem på sygedagpenge vil gerne besøge familie i Tyrkiet i tre uger. Mister hun "
        "sygedagpengene?",
        _a(
            "jobcenter",
            "Ophold i udlandet kræver som udgangspunkt, at kommunen på forhånd har vurderet, at "
            "opholdet ikke forværrer sygdommen eller forhindrer opfølgningen. Bed hende søge "
            "skriftligt i god tid med en udtalelse fra lægen. Rejser hun uden aftale, kan "
            "sygedagpengene stoppe for perioden.",
        ),
        _r("op", "Tak. Hun søger nu med lægens udtalelse."),
        closed=True,
    ),
    _q(
        SDP,
        "Kan vi holde opfølgningssamtalen på borgerens arbejdsplads?",
        "jobcenter",
        69,
        "Arbejdsgiveren har foreslået, at vi holder opfølgningssamtalen på virksomheden. Er der "
        "noget, der taler imod?",
        _a(
            "jobcenter:2",
            "Nej, det er tværtimod en god idé, når borgeren er indforstået. Samtalen kan "
            "kombineres med en rundbordssamtale, og I kan se arbejdsfunktionerne med egne "
            "øjne. Husk, at borgeren skal kunne tale med jer alene bagefter.",
        ),
        _r("op", "Godt – det aftaler vi."),
    ),
    _q(
        FFP,
        "Fleksjob og overgang til folkepension",
        "union",
        100,
        "Medlem i fleksjob nærmer sig folkepensionsalderen. Stopper fleksløntilskuddet automatisk?",
        _a(
            "jobcenter",
            "Fleksløntilskuddet ophører, når borgeren når folkepensionsalderen. Hun kan fortsat "
            "arbejde på almindelige vilkår, hvis arbejdsgiveren er interesseret. Giv "
            "arbejdsgiveren besked i god tid, så lønnen kan tilpasses.",
        ),
        _r("op", "Tak – vi kontakter arbejdsgiveren."),
        closed=True,
    ),
    _q(
        FFP,
        "Hvem laver indstillingen, når borgeren er i job og søger fleksjob?",
        "akasse@",
        52,
        "Et medlem er i ordinært job på nedsat tid og søger fleksjob. Hun er ikke ledig. Skal "
        "a-kassen gøre noget i sagen?",
        _a(
            "jobcenter",
            "Nej, det er jobcentret, der behandler ansøgningen og forelægger sagen for "
            "rehabiliteringsteamet. A-kassen kan hjælpe med at vejlede om ledighedsydelse, hvis "
            "hun mister jobbet, og om efterlønsbidraget.",
        ),
        _r("op", "Tak, så vejleder vi om det."),
        network=FLEKS_NET,
    ),
    _d(
        REH,
        "Hvordan bruger I borgerens egne ord i rehabiliteringsplanen?",
        "jobcenter",
        15,
        "Jeg har forsøgt at skrive forberedende del med borgerens egne formuleringer i citat. Det "
        "har givet gode drøftelser i teamet. Gør I det samme?",
        _r(
            "jobcenter:2",
            "Ja, og det gør det lettere for teamet at se borgerens perspektiv. Men pas på med "
            "detaljer om helbredet – skriv kun det, der er relevant.",
        ),
        _r(
            "union",
            "Vores medlemmer føler sig meget mere hørt, når deres egne ord står i planen. "
            "Bliv endelig ved med det!",
        ),
    ),
    _q(
        UNG,
        "Ung på uddannelseshjælp bliver gravid – hvad med uddannelsespålægget?",
        "jobcenter",
        40,
        "Ung kvinde har uddannelsespålæg om at starte på en erhvervsuddannelse efter sommer, men "
        "har termin i oktober. Skal pålægget ændres?",
        _a(
            "jobcenter:2",
            "Ja, pålægget skal tilpasses hendes situation. Hun er fritaget for at stå til "
            "rådighed i en periode omkring fødslen. Lav en ny plan med en realistisk start – "
            "fx januar året efter – og skriv det i Min Plan.",
        ),
        _r("op", "Tak – vi laver en ny plan sammen med hende."),
    ),
    _d(
        VIR,
        "Virksomhedspraktik hos en arbejdsgiver uden overenskomst",
        "union",
        78,
        "Er det i orden at etablere virksomhedspraktik hos en arbejdsgiver uden overenskomst?",
        _r(
            "jobcenter",
            "Der er ikke et krav om overenskomst for virksomhedspraktik, men rimelighedskravet "
            "og formålet med praktikken skal være opfyldt. Ved løntilskud er lønnen et andet "
            "spørgsmål.",
        ),
        _r(
            "op",
            "Tak. Vi vil gerne, at I er opmærksomme på, om praktikken fører til ansættelse på "
            "ordentlige vilkår.",
        ),
    ),
    _q(
        VIR,
        "Dobbeltoprettet: virksomhedspraktik og forsikring",
        "jobcenter",
        91,
        "Er borgeren forsikret under virksomhedspraktik? (Jeg ser, at spørgsmålet allerede er "
        "besvaret i en anden tråd – redaktionen må gerne lukke denne.)",
        _r(
            "editor",
            "Tak for beskeden. Svaret står i tråden 'Kan en ledig selv finde sin "
            "virksomhedspraktik?'. Tråden er lukket.",
        ),
        closed=True,
    ),
    # --- Erfaringsudveksling ------------------------------------------------------------
    _d(
        SDP,
        "Sygedagpengeopfølgningen i december – hvordan når I samtalerne?",
        "jobcenter",
        340,
        "Hvert år i december hober samtalerne sig op, fordi både borgere, læger og kolleger holder "
        "ferie. Hvordan planlægger I, så fristen for første samtale holder?",
        _r(
            "jobcenter:2",
            "Vi booker samtalerne for uge 51 og 52 allerede i november og lægger dem tæt. Og vi "
            "bruger telefon til kategori 1.",
        ),
        _r(
            "jobcenter:3",
            "Vi har en 'juleplan', hvor to kolleger dækker hele teamets frister i mellemugen. Det "
            "har fjernet stort set alle overskridelser.",
        ),
        _r("op", "Juleplanen kopierer vi. Tak!"),
    ),
    _d(
        SDP,
        "Arbejdsfastholdelse: hvad virker for sygemeldte med stress?",
        "jobcenter",
        148,
        "Vi ser flere og flere stresssygemeldinger. Min erfaring er, at en tidlig, delvis "
        "tilbagevenden med meget klare opgaver virker bedre end lang sygemelding. Hvad ser I?",
        _r(
            "union",
            "Enig, men det kræver en arbejdsgiver, der tager det alvorligt. Ellers ender "
            "medlemmet tilbage i samme situation. Vi bruger ofte tillidsrepræsentanten som "
            "brobygger.",
        ),
        _r(
            "jobcenter:2",
            "Vi har haft gode erfaringer med et kort psykologforløb sideløbende – bevilget som en "
            "del af opfølgningsplanen. Det gør den delvise raskmelding mere robust.",
        ),
        _r(
            "jobcenter:3",
            "Vigtigt at sætte timetallet lavt fra start og trappe op hver 2.-3. uge. Skriv "
            "optrapningsplanen i opfølgningsplanen, så alle kender den.",
        ),
        _r(
            "op",
            "Tak for mange gode input. Jeg laver et lille notat til teamet med de tre pointer: "
            "arbejdsgiveren med, sideløbende behandling, lav start.",
        ),
    ),
    _d(
        SDP,
        "Kort om NemRefusion-fejl, vi ser i sygemeldingerne",
        "jobcenter",
        8,
        "Til orientering: vi ser en del sygemeldinger fra vikarbureauer, hvor første fraværsdag "
        "er registreret som datoen for anmeldelsen. Det giver forkerte beregninger af "
        "arbejdsgiverperioden. Tjek datoerne, før I beregner.",
        _r("jobcenter:2", "Tak, det forklarer to sager, jeg har ligget med i denne uge."),
        network=SYG_NET,
    ),
    _d(
        SDP,
        "Sygemeldte ledige: bedre overlevering mellem a-kasse og jobcenter",
        "akasse@",
        60,
        "Vi har lavet en kort tjekliste for, hvad vi sender med, når et sygemeldt medlem "
        "overgår til kommunen efter 14 dage: kontaktoplysninger, planlagte aktiviteter, evt. "
        "lægeerklæring og en kort note om jobsøgningen. Kan I bruge det i jobcentret?",
        _r(
            "jobcenter",
            "Ja, meget! Især noten om jobsøgningen. Vi har ofte ingen idé om, hvor langt "
            "medlemmet var, inden sygdommen.",
        ),
        _r(
            "sagsbehandler@",
            "Enig. Og en kontaktperson i a-kassen, så vi kan ringe, når medlemmet skal raskmeldes.",
        ),
        _r("op", "Fint – så kommer kontaktpersonen med i tjeklisten."),
    ),
    _d(
        SDP,
        "Lægeattester: hvor lang ventetid oplever I?",
        "jobcenter",
        46,
        "Vi har gennemsnitligt 3 ugers ventetid på LÆ 285 – og op til 6 uger for nogle lægehuse. "
        "Hvad er jeres erfaring?",
        _r("jobcenter:2", "Det samme hos os. Det er markant bedre, når vi ringer og rykker."),
        _r(
            "jobcenter:3",
            "Vi har aftalt med et par store lægehuse, at de får en samlet liste hver mandag. "
            "Ventetiden er faldet til 10 dage.",
        ),
        network=SYG_NET,
    ),
    _d(
        FFP,
        "Fleksjob på få timer – hvad siger arbejdsgiverne?",
        "jobcenter",
        32,
        "Vi har ringet til 20 arbejdsgivere med fleksjobbere på under 10 timer om ugen. De "
        "fleste er glade, men flere nævner, at det er svært at planlægge opgaverne. Har andre "
        "lignende erfaringer?",
        _r(
            "jobcenter:2",
            "Ja. Det hjælper, når fleksjobberen har faste dage og faste opgaver. Fleksibilitet er "
            "godt, men for meget fleksibilitet bliver til usikkerhed for begge parter.",
        ),
        _r(
            "union",
            "Vi hører det samme fra medlemmerne: faste rammer gør det lettere at holde til jobbet.",
        ),
        network=FLEKS_NET,
    ),
    _d(
        FFP,
        "Ventetid på fleksjob – hvordan holder vi modet oppe?",
        "jobcenter",
        65,
        "Mange på ledighedsydelse venter over et år på et fleksjob. Har I gode tiltag, der "
        "fastholder motivationen – og jobsøgningen?",
        _r(
            "jobcenter:2",
            "Vi har jobcaféer hver 14. dag, hvor virksomhedskonsulenterne kommer med aktuelle "
            "fleksjob. Fremmødet er højt, og det skaber en fornemmelse af, at der sker noget.",
        ),
        _r(
            "akasse",
            "For vores medlemmer hjælper det at have en kontaktperson i a-kassen også. Mange "
            "føler sig glemt, når de er 'ude af dagpengesystemet'.",
        ),
        _r(
            "jobcenter:3",
            "Korte virksomhedspraktikker i ventetiden holder arbejdsevnen ved lige og giver "
            "arbejdsgiverne mulighed for at se kandidaterne.",
        ),
        network=FLEKS_NET,
    ),
    _d(
        FFP,
        "Tre ting, jeg ville ønske, jeg vidste som ny i fleksjobteamet",
        "jobcenter",
        140,
        "Efter et år i fleksjobteamet:\n\n"
        "1. Dokumentér timetal og skånehensyn i hver praktik – det er guld værd i "
        "fleksjobvisitationen.\n"
        "2. Ring til arbejdsgiveren før det første opfølgningsmøde. De siger mere i telefonen "
        "end på mødet.\n"
        "3. Brug kollegerne. Der er næsten altid en, der har haft en lignende sag.",
        _r("jobcenter:2", "Tak for den! Nr. 2 kan jeg skrive under på."),
        _r("union", "Og nr. 4: tag fagforeningen med tidligt, når medlemmet ønsker det."),
        _r("op", "Rigtigt – den tilføjer jeg.", quote=1),
    ),
    _d(
        FFP,
        "Førtidspension og pensionsopsparing – hvem vejleder?",
        "union",
        50,
        "Vi oplever, at borgere, der får tilkendt førtidspension, ikke er vejledt om deres "
        "arbejdsmarkedspension og forsikringer. Hvem har ansvaret? Vi tager det gerne, men det "
        "kræver, at vi får besked.",
        _r(
            "jobcenter",
            "Vi henviser altid til pensionskassen i afgørelsen, men det er nok for lidt. Kunne vi "
            "lave en fast henvisning til fagforeningen i rehabiliteringsteamets indstilling?",
        ),
        _r(
            "op",
            "Det vil vi rigtig gerne. Det kan betyde meget for medlemmernes økonomi – nogle har "
            "en invalidepension, de ikke kender til.",
        ),
    ),
    _d(
        REH,
        "Rehabiliteringsteamet: vores nye mødeform med kortere oplæg",
        "jobcenter",
        37,
        "Vi har indført en mødeform, hvor den koordinerende sagsbehandler højst må bruge 5 "
        "minutter på oplægget, og borgeren får ordet først. Det har givet mere tid til dialogen "
        "og mere præcise indstillinger.",
        _r(
            "jobcenter:2",
            "Spændende. Hvordan sikrer I, at teamet har læst sagen på forhånd?",
        ),
        _r(
            "op",
            "Sagerne sendes ud en uge før, og formanden ringer til de medlemmer, der ikke har "
            "bekræftet. Det lyder stift, men det virker.",
        ),
        _r(
            "union",
            "Borgerne fortæller os, at de føler sig mere hørt. Det er et skridt i den rigtige "
            "retning.",
        ),
    ),
    _d(
        REH,
        "Ressourceforløb og bolig – når hjemløshed står i vejen",
        "jobcenter",
        110,
        "Hvordan arbejder I sammen med socialforvaltningen, når en borger i ressourceforløb er "
        "uden fast bolig? Vi oplever, at beskæftigelsesindsatsen går i stå.",
        _r(
            "jobcenter:2",
            "Vi har en fast kontakt i boligsocialt team, og boligen står øverst i planen. Uden "
            "bolig giver det ikke mening at presse på med praktik.",
        ),
        _r(
            "jobcenter:3",
            "Mentorordningen er vigtig her. En mentor, der kan følge med til boligkontoret, gør "
            "en stor forskel.",
        ),
    ),
    _d(
        REH,
        "Kan vi gøre noget ved de lange ventetider på psykiatrisk udredning?",
        "jobcenter",
        18,
        "Mange af vores borgere i jobafklaringsforløbet venter over et halvt år på psykiatrisk "
        "udredning. Imens står sagen stille. Hvad gør I?",
        _r(
            "jobcenter:2",
            "Vi prøver at holde gang i noget: mestringsforløb, små praktikker, mentor. Det er "
            "bedre end ingenting, og det giver oplysninger til teamet.",
        ),
        _r(
            "union",
            "Husk at borgeren kan søge om udredning i privat regi via forsikringer – det er der "
            "overraskende mange, der har gennem arbejdspladsen.",
        ),
        _r(
            "jobcenter:3",
            "Sundhedskoordinatoren kan nogle gange fremskynde en henvisning. Det er værd at "
            "spørge.",
        ),
    ),
    _d(
        REH,
        "Revalideringsforløbet som vej ud af ufaglærte job – vores tal",
        "jobcenter",
        200,
        "Vi har gennemgået 40 revalideringssager fra de seneste tre år. 28 er afsluttet med "
        "ordinært job, 7 er stadig i gang, og 5 er afbrudt. Den vigtigste faktor for succes var "
        "en arbejdsprøvning inden uddannelsen.",
        _r("jobcenter:2", "Flotte tal! Deler du notatet?"),
        _r("op", "Jeg lægger det i vejledningen om revalidering, når det er godkendt."),
    ),
    _d(
        UNG,
        "Unge og mentorordninger – hvad virker?",
        "jobcenter",
        85,
        "Vi bruger mange mentortimer på unge på uddannelseshjælp. Har I erfaringer med, hvilke "
        "typer mentorer der virker bedst?",
        _r(
            "jobcenter:2",
            "Studiementorer fra uddannelsesstederne virker rigtig godt i overgangen. De kender "
            "skolen indefra.",
        ),
        _r(
            "union",
            "Vores erfaring er, at en ung svend fra faget er en stærk rollemodel for lærlinge.",
        ),
    ),
    _d(
        UNG,
        "Uddannelseshjælp: vi holder de første samtaler på skolen",
        "jobcenter",
        26,
        "Vi har i et halvt år holdt første samtale med nye unge på uddannelseshjælp på en "
        "erhvervsskole. Mange bliver hængende og snakker med vejlederne. Optaget efter 6 "
        "måneder er steget.",
        _r("jobcenter:2", "Genialt enkelt. Hvordan fik I skolen med?"),
        _r(
            "op",
            "Vi spurgte bare. De har et lokale, vi kan låne om tirsdagen, og en vejleder, der "
            "kommer forbi.",
        ),
    ),
    _d(
        UNG,
        "Unge dagpengemodtagere og uddannelsesløft – a-kassernes rolle",
        "akasse",
        54,
        "Vi vil gerne tage en større rolle i vejledningen af unge medlemmer om uddannelse. Har "
        "andre a-kasser gode erfaringer?",
        _r(
            "akasse:2",
            "Vi har ansat en uddannelsesvejleder, der tager de unge medlemmer i de første "
            "samtaler. Det har givet flere i uddannelse.",
        ),
        _r(
            "akasse@",
            "Vi samarbejder med fagforeningen om brobygningsdage. Det er en god måde at vise, "
            "hvad en uddannelse kan føre til.",
        ),
        network=AKASSE_NET,
    ),
    _d(
        VIR,
        "Virksomhedsservice: fælles jobordrer på tværs af centrene",
        "jobcenter",
        72,
        "Vi har haft problemer med, at flere centre kontakter den samme virksomhed om den samme "
        "jobordre. Har nogen et godt system?",
        _r(
            "jobcenter:2",
            "Vi har en fælles liste i fagsystemet, hvor den første konsulent 'tager' "
            "virksomheden. Det har løst det meste.",
        ),
        _r(
            "koordinator@",
            "Jeg tager det med i koordinationsgruppen for virksomhedsservice. Det er et kendt "
            "problem.",
        ),
    ),
    _d(
        VIR,
        "Gode erfaringer med løntilskud i byggeriet",
        "union",
        96,
        "Vi har set flere medlemmer komme i fast job efter løntilskud i byggeriet – især når "
        "virksomheden har fået en mentor med. Skal vi lave en fælles indsats?",
        _r(
            "jobcenter",
            "Gerne! Vi har virksomheder, der efterspørger arbejdskraft. Lad os mødes og se på "
            "et fælles forløb.",
        ),
        _r(
            "akasse",
            "Vi har ledige medlemmer med byggeerfaring, som vil være gode kandidater.",
        ),
        _r("op", "Godt – jeg indkalder til et møde efter nytår."),
    ),
    _d(
        VIR,
        "Jobrotation: hvad gør vi, når vikaren får job undervejs?",
        "jobcenter",
        42,
        "To af vores jobrotationsvikarer har fået fast job midt i vikariatet. Det er jo godt, men "
        "virksomheden står uden vikar. Hvordan håndterer I det?",
        _r(
            "jobcenter:2",
            "Vi har en 'reserveliste' af kandidater, der har været til samtale, og kan ofte "
            "sætte en ny vikar ind inden for en uge.",
        ),
        _r(
            "akasse",
            "A-kasserne kan hjælpe med nye kandidater med kort varsel. Kontakt os.",
        ),
    ),
    _d(
        LAB,
        "Juridisk perspektiv: 'tilbud' eller 'pålæg' – ordvalget i Min Plan",
        "jurist",
        58,
        "Vi ser sager, hvor der står 'pålæg' i Min Plan, men hvor der reelt er tale om et "
        "frivilligt tilbud. Det skaber forvirring i rådighedssagerne. Kan vi anbefale en fast "
        "ordbrug?",
        _r(
            "jurist:2",
            "Enig. Vi bør skelne skarpt: et pålæg har konsekvenser, et tilbud har ikke altid. "
            "Formuleringen skal stemme med hjemlen.",
        ),
        _r("jurist@", "Jeg tager det med til vejledningen om uddannelsespålæg."),
        network=JURIST_NET,
    ),
    # --- Netværk for a-kasser og jurister ------------------------------------------------
    _d(
        SDP,
        "Sygemeldte medlemmer: hvornår sender I sygemeldingen videre til kommunen?",
        "akasse",
        25,
        "Vi har diskuteret internt, om vi sender sygemeldingen videre dag 1 eller først, når "
        "de 14 dage er gået. Hvordan gør I?",
        _r(
            "akasse@",
            "Vi sender den, så snart vi kan se, at sygdommen varer mere end 14 dage – typisk "
            "efter lægeerklæringen. Så kan jobcentret nå den første samtale.",
        ),
        _r(
            "akasse:2",
            "Vi venter desværre tit til dag 15. Vi vil gerne følge jeres praksis – har I en "
            "intern vejledning, vi kan se?",
        ),
        _r(
            "akasse@",
            "Jeg deler den på næste netværksmøde. Den er på to sider.",
            quote=1,
        ),
        network=AKASSE_NET,
    ),
    _d(
        SDP,
        "Sygemeldte ledige og den fælles samtale – vores erfaringer",
        "akasse@",
        12,
        "Vi har haft tre fælles samtaler med jobcentret om sygemeldte medlemmer. Kort fortalt:\n\n"
        "- Medlemmerne var glade for at se os begge.\n"
        "- Det var lettere at planlægge raskmeldingen.\n"
        "- Det tog lang tid at finde et tidspunkt.\n\n"
        "Er der andre a-kasser, der har prøvet det?",
        _r(
            "akasse",
            "Ikke endnu, men vi vil gerne. Hvordan fik I jobcentret med?",
        ),
        _r(
            "akasse@",
            "Gennem partnerskabskoordinatoren. Hun har en liste over sagsbehandlerne på "
            "sygedagpengeområdet.",
        ),
        network=AKASSE_NET,
    ),
    _d(
        FFP,
        "Fortolkning: 'varig og væsentlig begrænsning' efter ny praksis",
        "jurist",
        34,
        "Der er kommet nye principafgørelser om fleksjob. Har nogen lavet en opsamling, vi kan "
        "bruge i hotline-svarene?",
        _r(
            "jurist:2",
            "Jeg har skrevet et notat, men det mangler de seneste afgørelser om fleksjob med få "
            "timer. Jeg lægger det her i næste uge.",
        ),
        _r(
            "jurist@",
            "Fint. Lad os samle det i vejledningen om fleksjobvisitationen, så sagsbehandlerne "
            "også kan se det.",
        ),
        network=JURIST_NET,
    ),
    _d(
        SDP,
        "Hotline-svar om § 27: hvordan formulerer vi os forsigtigt?",
        "jurist@",
        20,
        "Vi får mange spørgsmål om forlængelse efter sygedagpengelovens § 27. Jeg foreslår, at vi "
        "altid nævner, at det er en konkret vurdering, og at vi henviser til Ankestyrelsens "
        "principafgørelser frem for at give et ja/nej. Enige?",
        _r(
            "jurist",
            "Enig. Og vi bør skrive, hvilke oplysninger sagsbehandleren mangler, så de kan handle.",
        ),
        _r(
            "jurist:2",
            "Enig. Jeg kan lave en skabelon.",
        ),
        network=JURIST_NET,
    ),
]


def _g(topic, title, summary, law_references, owner, review_in_days, body, **options):
    return {
        "topic": topic,
        "title": title,
        "summary": summary,
        "body": body,
        "law_references": law_references,
        "owner": owner,
        "review_in_days": review_in_days,
        "from_thread_title": options.get("from_thread_title"),
        "review_reason": options.get("review_reason", ""),
    }


GUIDES = [
    _g(
        SDP,
        "Forlængelse af sygedagpenge efter sygedagpengelovens § 27",
        "Hvornår sygedagpengene kan forlænges ud over 22 uger, hvilken dokumentation der skal "
        "til, og hvad der sker, når ingen forlængelsesregel er opfyldt.",
        "SDL § 24, SDL § 27, LAB § 68 b",
        "jurist@",
        150,
        "## Udgangspunktet\n\n"
        "Sygedagpenge udbetales i op til 22 uger inden for de seneste 9 måneder (SDL § 24). "
        "Jobcentret skal inden udløbet foretage en **revurdering** og tage stilling til, om "
        "en af forlængelsesreglerne i § 27 er opfyldt.\n\n"
        "## Forlængelsesreglerne i § 27, stk. 1\n\n"
        "| Nr. | Situation | Dokumentation |\n"
        "|---|---|---|\n"
        "| 1 | Revalidering er iværksat eller overvejende sandsynlig | Konkret plan, "
        "arbejdsprøvning, erhvervsmål |\n"
        "| 2 | Under eller venter på lægelig behandling med forventet tilbagevenden | "
        "Lægelig vurdering af behandling og prognose (LÆ 285) |\n"
        "| 3 | Anmeldt arbejdsskade | Kvittering for anmeldelse, lægelige oplysninger |\n"
        "| 5 | Livstruende, alvorlig sygdom | Erklæring fra behandlende læge/sygehus |\n\n"
        "Der er flere forlængelsesmuligheder i loven; tabellen viser dem, vi oftest møder.\n\n"
        "## Når ingen regel er opfyldt\n\n"
        "Borgeren overgår til **jobafklaringsforløb** (LAB § 68 b) og får "
        "ressourceforløbsydelse. Sagen skal for rehabiliteringsteamet senest 12 uger efter "
        "overgangen.\n\n"
        "## Husk\n\n"
        "- Send varselsbrev ca. 4 uger før revurderingen (god praksis).\n"
        "- Partshør før afgørelse om ophør (FVL § 19).\n"
        "- Skriv i afgørelsen, hvilke oplysninger vurderingen bygger på.",
        from_thread_title="Forlængelse efter § 27, stk. 1, nr. 2 – hvor konkret skal "
        "behandlingen være?",
    ),
    _g(
        SDF,
        "Lægeattester i sygedagpengesager: LÆ 265 og LÆ 285",
        "Hvilken attest du bestiller hvornår, hvad et godt følgebrev indeholder, og hvad du gør, "
        "når lægen ikke svarer.",
        "SDL § 7, RSL § 11 c",
        "redaktoer@",
        -20,
        "## LÆ 265\n\n"
        "Bruges tidligt i forløbet: diagnose, behandling, forventet varighed. Typisk før eller "
        "lige efter første opfølgningssamtale.\n\n"
        "## LÆ 285\n\n"
        "Bruges, når der er brug for en mere konkret vurdering af funktionsevne og prognose – "
        "fx før revurderingen efter 22 uger eller ved overvejelse om delvis raskmelding.\n\n"
        "## Følgebrevet\n\n"
        "1. Beskriv kort borgerens arbejdsfunktioner.\n"
        "2. Stil konkrete spørgsmål: *Kan borgeren arbejde delvist? Hvilke skånehensyn? "
        "Hvornår forventes fuld raskmelding?*\n"
        "3. Forklar, hvad svaret skal bruges til.\n\n"
        "## Når lægen ikke svarer\n\n"
        "Ryk efter 14 dage, ring efter yderligere en uge, og notér samtalen i sagen. Nærmer "
        "revurderingen sig, træffer du afgørelse på det foreliggende grundlag – men skriv, "
        "hvad du har gjort for at få oplysningerne.\n\n"
        "Husk samtykke (RSL § 11 c), og giv borgeren kopi af attesten.",
        from_thread_title="LÆ 265 eller LÆ 285 ved første samtale?",
        review_reason="Lægeforeningen har annonceret nye versioner af attesterne; tjek "
        "beskrivelserne.",
    ),
    _g(
        SDP,
        "Sygedagpengeopfølgningen trin for trin",
        "Fra sygemeldingen til revurderingen: oplysningsskema, kategorier, første samtale, "
        "opfølgningsplan og rundbordssamtaler.",
        "SDL § 7, SDL § 24, LAB § 32",
        "editor",
        200,
        "## 1. Sygemeldingen\n\n"
        "Arbejdsgiveren (eller a-kassen for ledige) anmelder via NemRefusion. Jobcentret "
        "sender oplysningsskemaet, som borgeren skal returnere inden 8 dage.\n\n"
        "## 2. Visitation til kategori\n\n"
        "- **Kategori 1**: forventet raskmelding inden for 8 uger.\n"
        "- **Kategori 2**: risiko for langvarigt forløb – der er brug for en indsats.\n"
        "- **Kategori 3**: komplekse problemer ud over helbredet.\n\n"
        "## 3. Første samtale\n\n"
        "Senest i 8. sygefraværsuge. Her laves opfølgningsplanen for kategori 2 og 3.\n\n"
        "## 4. Løbende opfølgning\n\n"
        "Samtaler efter behov – i kategori 2 og 3 typisk hver 4. uge. Brug delvis "
        "raskmelding, rundbordssamtaler med arbejdsgiveren og tilbud efter LAB (fx § 32) "
        "aktivt.\n\n"
        "## 5. Revurderingen\n\n"
        "Før 22 uger: se vejledningen om forlængelse efter § 27.",
        from_thread_title="Opfølgningsplanen – hvornår skal den laves, og hvad skal den indeholde?",
    ),
    _g(
        REH,
        "Jobafklaringsforløbet: overgang, ydelse og rehabiliteringsteamet",
        "Hvad der sker, når sygedagpengene ophører: ressourceforløbsydelse, frister for "
        "rehabiliteringsteamet, samtaler og den gode overgangssamtale.",
        "LAB § 68 b, LAS § 69 j, LAB § 30 a",
        "editor",
        90,
        "## Overgangen\n\n"
        "Når ingen forlængelsesregel i sygedagpengeloven er opfyldt, overgår borgeren til "
        "jobafklaringsforløbet (LAB § 68 b). Ydelsen er ressourceforløbsydelse (LAS § 69 j).\n\n"
        "## Frister\n\n"
        "- Sagen forelægges rehabiliteringsteamet hurtigst muligt og senest 12 uger efter "
        "overgangen.\n"
        "- Forinden udarbejdes den forberedende del af rehabiliteringsplanen (LAB § 30 a).\n"
        "- Mindst 6 samtaler om året.\n\n"
        "## Overgangssamtalen\n\n"
        "Giv borgeren et ark med datoerne: sidste sygedagpengedag, første udbetaling af "
        "ressourceforløbsydelse og forventet teammøde. Invitér fagforeningen med, hvis "
        "borgeren ønsker det.\n\n"
        "## Skabeloner\n\n"
        "Arket 'Hvad sker der nu?' ligger i fagsystemet under jobafklaring > breve.",
        from_thread_title="Hvordan taler I med borgeren om overgangen til jobafklaringsforløb?",
    ),
    _g(
        SDP,
        "Arbejdsgiverperioden, refusion og § 56-aftaler",
        "De 30 dages arbejdsgiverperiode, fristerne for anmeldelse i NemRefusion, og hvornår en "
        "§ 56-aftale giver refusion fra første fraværsdag.",
        "SDL § 30, SDL § 56",
        "editor",
        45,
        "## Arbejdsgiverperioden\n\n"
        "Arbejdsgiveren betaler sygedagpenge de første 30 kalenderdage (SDL § 30). Ny "
        "sygdomsperiode med samme sygdom inden for 14 dage lægges sammen med den forrige.\n\n"
        "## Anmeldelse og refusion\n\n"
        "Anmeldelsen skal være modtaget senest 5 uger efter første fraværsdag. Anmeldes der for "
        "sent, gives refusion først fra anmeldelsesdagen – medmindre kommunen ser bort fra "
        "overskridelsen på grund af særlige forhold.\n\n"
        "## § 56-aftaler\n\n"
        "Ved kronisk eller langvarig sygdom med forventet mindst 10 fraværsdage om året kan "
        "arbejdsgiver og medarbejder indgå en aftale, så arbejdsgiveren får refusion fra "
        "første fraværsdag. Aftalen gælder typisk 2 år og kan fornyes. Den ophører ikke ved "
        "overgang til jobafklaringsforløb.",
        from_thread_title="Arbejdsgiverperioden ved gentagne sygemeldinger",
    ),
    _g(
        FFP,
        "Fleksjobvisitationen: betingelser, dokumentation og indstilling",
        "Hvornår betingelserne for fleksjob er opfyldt, hvilken dokumentation "
        "rehabiliteringsteamet forventer, og hvordan du skriver indstillingen.",
        "LAB § 69, LAB § 70, LAB § 30 a",
        "jurist",
        120,
        "## Betingelserne\n\n"
        "Fleksjob kan bevilges, når borgeren har en **varig og væsentlig begrænsning** i "
        "arbejdsevnen, og alle relevante tilbud er forsøgt (LAB § 70). Der er ingen nedre "
        "timegrænse: også fleksjob på få timer kan bevilges.\n\n"
        "## Dokumentation\n\n"
        "- Praktikker med timetal, opgaver, fremmøde og skånehensyn.\n"
        "- Lægelige oplysninger om prognose.\n"
        "- Arbejdsgivernes beskrivelse af skånehensyn.\n\n"
        "Yderligere afprøvning kan undlades, hvis det er åbenbart, at den ikke vil ændre noget "
        "(fx ved progressiv sygdom). Skriv begrundelsen.\n\n"
        "## Fleksjob hos hidtidig arbejdsgiver\n\n"
        "Kræver 12 måneders ansættelse på særlige vilkår forud – med undtagelser, fx ved "
        "arbejdsskade.\n\n"
        "## Revurdering\n\n"
        "Bevillingen revurderes efter 4½ år. Er borgeren over 40, kan den gøres permanent.",
        from_thread_title="Fleksjobvisitationen: hvor meget skal være afprøvet?",
    ),
    _g(
        FFP,
        "Ledighedsydelse: rådighed, samtaler og a-kassemedlemskab",
        "Hvad borgere på ledighedsydelse skal, hvordan rådighedsvurderingen foregår, og hvorfor "
        "det ofte kan betale sig at blive i a-kassen.",
        "LAS § 74",
        "editor",
        -45,
        "## Ydelsen\n\n"
        "Ledighedsydelse udbetales af kommunen til visiterede, der venter på et fleksjob "
        "(LAS § 74).\n\n"
        "## Rådighed\n\n"
        "Borgeren skal stå til rådighed for fleksjob. I rådighedsvurderingen ser jobcentret på, "
        "om kravene til jobsøgning er formidlet konkret (antal ansøgninger, joblog i Min Plan). "
        "Uden tydelige krav kan der ikke sanktioneres.\n\n"
        "## A-kassen\n\n"
        "Medlemskab er frivilligt, men efterlønsbidrag tæller kun for medlemmer, og et "
        "medlemskab giver sikkerhed, hvis bevillingen senere ophæves.",
        from_thread_title="Ledighedsydelse og a-kassemedlemskab",
    ),
    _g(
        REH,
        "Rehabiliteringsplanens forberedende del – tjekliste",
        "Hvad rehabiliteringsteamet forventer at finde i den forberedende del, og de fejl, der "
        "oftest sender en indstilling retur.",
        "LAB § 30 a",
        "editor",
        30,
        "## Indhold\n\n"
        "- Borgerens egen beskrivelse: uddannelse, beskæftigelse, helbred, sociale forhold, "
        "ønsker.\n"
        "- Jobcentrets vurdering: hvad er afprøvet, med hvilket resultat.\n"
        "- Lægelige oplysninger (LÆ 265 eller nyere attest).\n"
        "- Sundhedskoordinatorens vurdering ved flere diagnoser.\n\n"
        "## Det, der oftest mangler\n\n"
        "1. Konkrete timetal og opgaver fra praktikker.\n"
        "2. Borgerens egen vurdering.\n"
        "3. Borgerens godkendelse af planen.\n\n"
        "## Koordinerende sagsbehandler\n\n"
        "Den koordinerende sagsbehandler fremlægger sagen og deltager i teammødet.",
        from_thread_title="Hvad skal med i forberedende del af rehabiliteringsplanen?",
    ),
    _g(
        REH,
        "Ressourceforløb: målgruppe, indhold og gentagne forløb",
        "Hvem ressourceforløb er for, hvad et helhedsorienteret forløb indeholder, og hvad der "
        "skal til for at bevilge et nyt forløb.",
        "LAB § 68 a, LAS § 68 a, LAB § 78",
        "jurist@",
        75,
        "## Målgruppe\n\n"
        "Borgere med komplekse problemer ud over ledighed, hvor der er brug for en længere, "
        "helhedsorienteret indsats for at udvikle arbejdsevnen (LAB § 68 a).\n\n"
        "## Indhold\n\n"
        "Et ressourceforløb varer 1-5 år og kan kombinere beskæftigelsesrettede tilbud, "
        "mentor (LAB § 78), sundhedsindsats og social indsats. Ydelsen er "
        "ressourceforløbsydelse.\n\n"
        "## Nyt forløb\n\n"
        "Et nyt ressourceforløb skal have et konkret indhold, der adskiller sig fra det "
        "første, og en realistisk forventning om udvikling. Ellers vil det ofte være "
        "dokumenteret, at arbejdsevnen ikke kan forbedres.",
        from_thread_title="Ressourceforløb nummer to – hvad skal der til?",
    ),
    _g(
        REH,
        "Revalidering og revalideringsforløbet",
        "Hvornår revalidering er det rette tilbud, hvordan forløbet tilrettelægges, og hvad der "
        "sker, når revalideringsforløbet afbrydes.",
        "LAS § 46, LAS § 52",
        "editor",
        -5,
        "## Hvornår?\n\n"
        "Revalidering (LAS § 46) er for borgere med begrænsninger i arbejdsevnen, der har "
        "et klart og realistisk erhvervsmål, og hvor andre tilbud ikke er tilstrækkelige.\n\n"
        "## Forløbet\n\n"
        "Start med forrevalidering eller arbejdsprøvning. Vælg den korteste uddannelse, der kan "
        "føre til varig beskæftigelse. Jobplanen skal godkendes.\n\n"
        "## Ydelsen\n\n"
        "Revalideringsydelse (LAS § 52) svarer til maksimal dagpengesats.\n\n"
        "## Afbrydelse\n\n"
        "Afbrydes revalideringsforløbet, holdes en samtale hurtigt. Er der en realistisk ny "
        "plan, kan jobplanen justeres. Ellers ophører ydelsen efter partshøring.",
        from_thread_title="Revalidering eller ressourceforløb til 35-årig med rygskade?",
    ),
    _g(
        FFP,
        "Førtidspension: dokumentation og 'åbenbart formålsløst'",
        "Betingelserne for førtidspension, kravet om dokumentation gennem ressourceforløb, og "
        "hvornår afprøvning kan undlades.",
        "PL § 16, PL § 18",
        "jurist",
        -60,
        "## Betingelser\n\n"
        "Førtidspension kan tilkendes, når arbejdsevnen er varigt nedsat i et sådant omfang, "
        "at borgeren ikke kan forsørge sig selv, heller ikke i fleksjob (PL § 16).\n\n"
        "## Dokumentation\n\n"
        "Det skal være dokumenteret, at arbejdsevnen ikke kan forbedres – typisk gennem "
        "ressourceforløb (PL § 18).\n\n"
        "## Undtagelser\n\n"
        "Afprøvning kan undlades, når det er åbenbart formålsløst: alvorlig progressiv sygdom, "
        "terminal sygdom eller når det er dokumenteret på anden måde. Alder alene er ikke "
        "nok. Under 40 år kræver det særlige forhold.",
        from_thread_title="Førtidspension uden ressourceforløb – hvornår er det 'åbenbart "
        "formålsløst'?",
    ),
    _g(
        UNG,
        "Uddannelsespålæg og uddannelseshjælp",
        "Visitation af unge til åbenlyst uddannelsesparat, uddannelsesparat og aktivitetsparat, "
        "og hvordan et uddannelsespålæg skal være formuleret for at holde.",
        "LAB § 21 b",
        "editor",
        180,
        "## Visitation\n\n"
        "- **Åbenlyst uddannelsesparat**: kan starte inden for en måned uden støtte.\n"
        "- **Uddannelsesparat**: kan starte inden for et år.\n"
        "- **Aktivitetsparat**: har brug for en længere indsats.\n\n"
        "## Uddannelsespålægget (LAB § 21 b)\n\n"
        "Gives til unge under 25 uden erhvervskompetencegivende uddannelse. Pålægget skal være "
        "konkret: hvilke uddannelser, hvilken frist. Det skrives i Min Plan.\n\n"
        "Aktivitetsparate unge får også et pålæg – med et langsigtet mål.\n\n"
        "## Dagpengemodtagere\n\n"
        "A-kassen vejleder om, at pålægget indgår i rådighedsvurderingen. Uden dokumentation "
        "for pålægget kan a-kassen ikke lægge til grund, at medlemmet ikke har stået til "
        "rådighed.",
        from_thread_title="Uddannelsespålæg til ung dagpengemodtager – hvornår?",
    ),
    _g(
        VIR,
        "Virksomhedspraktik og løntilskud: varighed, merbeskæftigelse og rimelighed",
        "Varighederne for virksomhedspraktik og løntilskud for de forskellige målgrupper, "
        "kravet om merbeskæftigelse og rimelighedskravet.",
        "LAB § 42, LAB § 51",
        "editor",
        60,
        "## Virksomhedspraktik (LAB § 42)\n\n"
        "| Målgruppe | Varighed |\n"
        "|---|---|\n"
        "| Forsikrede ledige | op til 4 uger (8 uger uden erfaring/uddannelse) |\n"
        "| Ressourceforløb, jobafklaring | op til 13 uger, kan forlænges |\n\n"
        "## Løntilskud (LAB § 51)\n\n"
        "Forsikrede ledige: op til 4 måneder hos offentlige og 6 måneder hos private "
        "arbejdsgivere.\n\n"
        "## Krav\n\n"
        "- **Merbeskæftigelse**: ansættelsen skal øge antallet af ansatte.\n"
        "- **Rimelighed**: rimeligt forhold mellem ordinært ansatte og personer i tilbud. "
        "Tillidsrepræsentanten høres.",
        from_thread_title="Løntilskud: merbeskæftigelseskravet ved private arbejdsgivere",
    ),
    _g(
        VIR,
        "Jobrotation: fra aftale til vikar",
        "Sådan etablerer du jobrotation: virksomhedens uddannelsesplan, jobordren, samarbejdet "
        "med a-kasserne og opkvalificering af vikarerne.",
        "LAB § 98 a",
        "editor",
        100,
        "## Trin\n\n"
        "1. Virksomheden laver en plan for medarbejdernes uddannelse.\n"
        "2. Jobcentret opretter en jobordre for vikarerne.\n"
        "3. A-kasserne i branchen inddrages – de kender medlemmerne.\n"
        "4. Vikarerne får evt. et kort opkvalificeringsforløb.\n\n"
        "## Erfaringer\n\n"
        "Projekter i ældreplejen har givet mange faste ansættelser, især når ufaglærte vikarer "
        "fik et introforløb.",
        from_thread_title="Jobrotation – hvordan finder vi vikarerne?",
    ),
    _g(
        VIR,
        "Mentorstøtte efter LAB § 78",
        "Hvem der kan få mentor, hvad mentoren kan hjælpe med, og hvordan frikøb af en kollega "
        "på arbejdspladsen aftales.",
        "LAB § 78",
        "editor",
        -12,
        "## Hvem?\n\n"
        "Personer, der har brug for støtte for at kunne deltage i tilbud, fastholde job eller "
        "uddannelse.\n\n"
        "## Hvad?\n\n"
        "Følge til behandling, strukturere hverdagen, introducere på arbejdspladsen. Skriv "
        "mentorens opgaver og timer i planen, og følg op hver 3. måned.\n\n"
        "## Mentor på arbejdspladsen\n\n"
        "En medarbejder kan være mentor med frikøb af arbejdstiden. Aftalen skal angive "
        "timer og opgaver.",
        from_thread_title="Mentor i ressourceforløb – hvor mange timer kan vi bevilge?",
    ),
]
