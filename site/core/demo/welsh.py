"""Welsh wording of the demo pages, keyed by the English source string.

load_demo_content looks up each translatable segment of the English demo pages (pages.py) here
and saves the Welsh as the page's translation. Keys must match the English byte for byte; the
lower-case hyphenated values are the Welsh pages' URL slugs (ASCII, unique).
"""

WELSH = {
    "Is payment by results right for your service?": (
        "A yw talu yn ôl canlyniadau yn addas ar gyfer eich gwasanaeth?"
    ),
    "home": "hafan",
    (
        "Payment by results means paying a provider, in part or in whole, only when agreed outcomes are "
        "achieved. This toolkit helps commissioners and providers of services for people in contact with the "
        "criminal justice system, and their families, to decide whether it fits a particular service."
    ): (
        "Mae talu yn ôl canlyniadau yn golygu talu darparwr, yn rhannol neu'n llawn, dim ond pan gyflawnir y "
        "canlyniadau y cytunwyd arnynt. Mae'r pecyn cymorth hwn yn helpu comisiynwyr a darparwyr "
        "gwasanaethau i bobl sydd mewn cysylltiad â'r system cyfiawnder troseddol, a'u teuluoedd, i "
        "benderfynu a yw'n addas ar gyfer gwasanaeth penodol."
    ),
    "Why this toolkit exists": "Pam mae'r pecyn cymorth hwn yn bodoli",
    (
        "Government bodies in the UK have spent billions of pounds through outcome-based payment schemes, "
        "from employment support to probation, yet there is still no simple verdict on whether paying by "
        "results works. The evidence points instead to conditions under which it can work, and to the ways "
        "it goes wrong."
    ): (
        "Mae cyrff llywodraeth yn y DU wedi gwario biliynau o bunnoedd drwy gynlluniau talu ar sail "
        "canlyniadau, o gymorth cyflogaeth i'r gwasanaeth prawf, ond nid oes ateb syml o hyd i'r cwestiwn a "
        "yw talu yn ôl canlyniadau yn gweithio. Yn hytrach, mae'r dystiolaeth yn tynnu sylw at yr amodau lle "
        "gall weithio, a'r ffyrdd y mae'n mynd o chwith."
    ),
    (
        "We have gathered that evidence in one place so that nobody has to start from a blank page, and "
        "turned it into questions you can ask about your own service."
    ): (
        "Rydym wedi casglu'r dystiolaeth honno mewn un lle fel nad oes rhaid i neb ddechrau gyda thudalen "
        "wag, ac wedi'i throi'n gwestiynau y gallwch eu gofyn am eich gwasanaeth eich hun."
    ),
    (
        "The toolkit does not tell you what to do. It helps you weigh your service against the factors that "
        "research links to success or failure, and shows you where to read more."
    ): (
        "Nid yw'r pecyn cymorth yn dweud wrthych beth i'w wneud. Mae'n eich helpu i bwyso a mesur eich "
        "gwasanaeth yn erbyn y ffactorau y mae ymchwil yn eu cysylltu â llwyddiant neu fethiant, ac yn "
        "dangos i chi ble i ddarllen rhagor."
    ),
    "Read the digests of research on payment by results, issue by issue.": (
        "Darllenwch y crynodebau o ymchwil ar dalu yn ôl canlyniadau, fesul mater."
    ),
    "Search and filter the studies and evaluations behind the review.": (
        "Chwiliwch a hidlwch yr astudiaethau a'r gwerthusiadau sy'n sail i'r adolygiad."
    ),
    "Answer questions about your service and see where payment by results fits.": (
        "Atebwch gwestiynau am eich gwasanaeth a gweld lle mae talu yn ôl canlyniadau yn addas."
    ),
    "Literature review": "Adolygiad o'r llenyddiaeth",
    "literature-review": "adolygiad-llenyddiaeth",
    (
        "What research on payment by results in the UK and abroad tells commissioners and providers, written "
        "as short digests on the issues that decide whether a scheme succeeds."
    ): (
        "Yr hyn y mae ymchwil ar dalu yn ôl canlyniadau yn y DU a thramor yn ei ddweud wrth gomisiynwyr a "
        "darparwyr, ar ffurf crynodebau byr am y materion sy'n penderfynu a yw cynllun yn llwyddo."
    ),
    "What the review covers": "Beth mae'r adolygiad yn ei gwmpasu",
    (
        "The review looks at schemes in criminal justice, health, homelessness, drug and alcohol recovery, "
        "work with troubled families and employment support. It draws on audit reports, independent "
        "evaluations, academic studies and the experience of voluntary organisations that have delivered "
        "these contracts."
    ): (
        "Mae'r adolygiad yn edrych ar gynlluniau ym meysydd cyfiawnder troseddol, iechyd, digartrefedd, "
        "adferiad o gamddefnyddio cyffuriau ac alcohol, gwaith gyda theuluoedd cythryblus a chymorth "
        "cyflogaeth. Mae'n seiliedig ar adroddiadau archwilio, gwerthusiadau annibynnol, astudiaethau "
        "academaidd a phrofiad sefydliadau gwirfoddol sydd wedi cyflawni'r contractau hyn."
    ),
    (
        "Each digest takes one issue, such as how outcomes are priced, who carries the financial risk, or "
        "how to protect people with the most complex needs, and sets out what the evidence says in a form "
        "you can read in five minutes."
    ): (
        "Mae pob crynodeb yn ymdrin ag un mater, fel sut y caiff canlyniadau eu prisio, pwy sy'n ysgwyddo'r "
        "risg ariannol, neu sut i ddiogelu pobl sydd â'r anghenion mwyaf cymhleth, ac yn nodi'r hyn y mae'r "
        "dystiolaeth yn ei ddweud mewn ffurf y gallwch ei darllen mewn pum munud."
    ),
    "Resource pack": "Pecyn adnoddau",
    "resource-pack": "pecyn-adnoddau",
    (
        "Every study, evaluation and report we used, with a plain-English summary of each, tagged by sector "
        "and theme so that you can find what applies to your service."
    ): (
        "Pob astudiaeth, gwerthusiad ac adroddiad a ddefnyddiwyd gennym, gyda throsolwg mewn iaith glir o "
        "bob un, wedi'u tagio yn ôl sector a thema er mwyn i chi allu dod o hyd i'r hyn sy'n berthnasol i'ch "
        "gwasanaeth."
    ),
    (
        "The pack includes National Audit Office reports, evaluations of pilots such as the Peterborough "
        "social impact bond and the drug and alcohol recovery pilots, and research by voluntary sector "
        "bodies on how these contracts affect smaller charities."
    ): (
        "Mae'r pecyn yn cynnwys adroddiadau'r Swyddfa Archwilio Genedlaethol, gwerthusiadau o gynlluniau "
        "peilot fel bond effaith gymdeithasol Peterborough a'r cynlluniau peilot ar adferiad o gamddefnyddio "
        "cyffuriau ac alcohol, ac ymchwil gan gyrff y sector gwirfoddol ar sut mae'r contractau hyn yn "
        "effeithio ar elusennau llai."
    ),
    "Know of a study we have missed?": "Ydych chi'n gwybod am astudiaeth nad ydym wedi'i chynnwys?",
    (
        "Much of the most useful learning is in unpublished evaluations and internal reports. If you have "
        "one you can share, tell us and our staff will review it for the pack."
    ): (
        "Mae llawer o'r dysgu mwyaf defnyddiol mewn gwerthusiadau heb eu cyhoeddi ac adroddiadau mewnol. Os "
        "oes gennych chi un y gallwch ei rannu, rhowch wybod i ni a bydd ein staff yn ei adolygu ar gyfer y "
        "pecyn."
    ),
    "Self-assessment": "Hunanasesiad",
    "self-assessment": "hunanasesiad",
    (
        "Answer questions about your service and find out, factor by factor, whether payment by results "
        "looks suitable, and why."
    ): (
        "Atebwch gwestiynau am eich gwasanaeth a chael gwybod, fesul ffactor, a yw talu yn ôl canlyniadau yn "
        "ymddangos yn addas, a pham."
    ),
    "Who it is for": "Ar gyfer pwy mae'r hunanasesiad",
    (
        "Commissioners deciding how to buy a service, and providers deciding whether to bid for a contract "
        "that pays on outcomes. You will be asked which of these you are, because the advice differs."
    ): (
        "Comisiynwyr sy'n penderfynu sut i brynu gwasanaeth, a darparwyr sy'n penderfynu a ddylent dendro am "
        "gontract sy'n talu ar sail canlyniadau. Gofynnir i chi pa un o'r rhain ydych chi, gan fod y cyngor "
        "yn wahanol i bob un."
    ),
    "What it looks at": "Beth mae'n ei ystyried",
    (
        "The questions cover the factors that research links to success: a clear purpose, outcomes the "
        "provider can influence and that can be measured, a reliable baseline, sound pricing, providers able "
        "to carry the financial risk, protection for people with complex needs, the commissioner's own "
        "capacity, and a stable environment."
    ): (
        "Mae'r cwestiynau'n ymdrin â'r ffactorau y mae ymchwil yn eu cysylltu â llwyddiant: diben clir, "
        "canlyniadau y gall y darparwr ddylanwadu arnynt ac y mae modd eu mesur, llinell sylfaen ddibynadwy, "
        "prisio cadarn, darparwyr sy'n gallu ysgwyddo'r risg ariannol, mesurau i ddiogelu pobl ag anghenion "
        "cymhleth, capasiti'r comisiynydd ei hun, ac amgylchedd sefydlog."
    ),
    "The self-assessment is being built during the pilot and will open here soon.": (
        "Mae'r hunanasesiad yn cael ei ddatblygu yn ystod y cyfnod peilot a bydd yn agor yma cyn bo hir."
    ),
    "Get involved": "Cymryd rhan",
    "get-involved": "cymryd-rhan",
    "Help us test the toolkit, improve the evidence and share what you have learned.": (
        "Helpwch ni i brofi'r pecyn cymorth, gwella'r dystiolaeth a rhannu'r hyn rydych wedi'i ddysgu."
    ),
    "Come to a workshop": "Dewch i weithdy",
    (
        "Tell us what you would like to do and how to reach you. Someone from the Clinks team will reply by "
        "email."
    ): (
        "Dywedwch wrthym beth yr hoffech ei wneud a sut i gysylltu â chi. Bydd rhywun o dîm Clinks yn ateb "
        "drwy e-bost."
    ),
    (
        "We run workshops for commissioners and voluntary organisations to work through the self-assessment "
        "together on a real service and to discuss the evidence."
    ): (
        "Rydym yn cynnal gweithdai i gomisiynwyr a sefydliadau gwirfoddol weithio drwy'r hunanasesiad gyda'i "
        "gilydd ar wasanaeth go iawn a thrafod y dystiolaeth."
    ),
    "Pilot the self-assessment": "Treialwch yr hunanasesiad",
    (
        "If you are planning or bidding for an outcome-based contract, try the self-assessment and tell us "
        "whether its verdicts matched your judgement. Your feedback will shape the questions and the advice."
    ): (
        "Os ydych chi'n cynllunio contract ar sail canlyniadau neu'n tendro am un, rhowch gynnig ar yr "
        "hunanasesiad a dywedwch wrthym a oedd ei gasgliadau'n cyd-fynd â'ch barn chi. Bydd eich adborth yn "
        "llywio'r cwestiynau a'r cyngor."
    ),
    "Send us an evaluation": "Anfonwch werthusiad atom",
    (
        "Evaluations of local schemes are often never published. If your organisation holds one it is "
        "willing to share, we will summarise it for the resource pack so that others can learn from it."
    ): (
        "Yn aml, nid yw gwerthusiadau o gynlluniau lleol byth yn cael eu cyhoeddi. Os oes gan eich sefydliad "
        "un y mae'n fodlon ei rannu, byddwn yn ei grynhoi ar gyfer y pecyn adnoddau er mwyn i eraill allu "
        "dysgu ohono."
    ),
    "About the toolkit": "Ynglŷn â'r pecyn cymorth",
    "about": "amdanom",
    "Who made the toolkit, why, and how the evidence in it was gathered.": (
        "Pwy a luniodd y pecyn cymorth, pam, a sut y casglwyd y dystiolaeth sydd ynddo."
    ),
    (
        "Clinks supports voluntary organisations that work with people in the criminal justice system and "
        "their families. Many of them have delivered contracts that pay on results, and many have found that "
        "the design of those contracts decided whether they could keep doing good work."
    ): (
        "Mae Clinks yn cefnogi sefydliadau gwirfoddol sy'n gweithio gyda phobl yn y system cyfiawnder "
        "troseddol a'u teuluoedd. Mae llawer ohonynt wedi cyflawni contractau sy'n talu yn ôl canlyniadau, "
        "ac mae llawer wedi canfod mai dyluniad y contractau hynny a benderfynodd a allent barhau i wneud "
        "gwaith da."
    ),
    (
        "The toolkit brings together published research on payment by results across several sectors, "
        "concentrating on the United Kingdom but including notable work from other countries. It is written "
        "for people who have to make decisions, not for specialists."
    ): (
        "Mae'r pecyn cymorth yn dwyn ynghyd ymchwil a gyhoeddwyd ar dalu yn ôl canlyniadau mewn sawl sector, "
        "gan ganolbwyntio ar y Deyrnas Unedig ond gan gynnwys gwaith nodedig o wledydd eraill. Mae wedi'i "
        "ysgrifennu ar gyfer pobl sy'n gorfod gwneud penderfyniadau, nid ar gyfer arbenigwyr."
    ),
    (
        "Payment by results is neither a cure-all nor a mistake in itself: it suits some services and harms "
        "others, and the difference lies in the design."
    ): (
        "Nid yw talu yn ôl canlyniadau yn ateb i bopeth nac yn gamgymeriad ynddo'i hun: mae'n addas i rai "
        "gwasanaethau ac yn niweidio eraill, ac yn y dyluniad y mae'r gwahaniaeth."
    ),
    "The toolkit's starting point": "Man cychwyn y pecyn cymorth",
    "It takes about 15 minutes. Your answers are saved as you go, so you can stop and come back with a "
    "private link. We do not ask who you are.": (
        "Mae'n cymryd tua 15 munud. Caiff eich atebion eu cadw wrth i chi fynd ymlaen, felly gallwch "
        "stopio a dod yn ôl gyda dolen breifat. Nid ydym yn gofyn pwy ydych chi."
    ),
    # The accessibility statement (pages.py, slug accessibility).
    "Accessibility statement": "Datganiad hygyrchedd",
    "accessibility": "hygyrchedd",
    (
        "How accessible the payment by results toolkit is, how we test it, and what to do if you have a "
        "problem using it."
    ): (
        "Pa mor hygyrch yw'r pecyn cymorth talu yn ôl canlyniadau, sut rydym yn ei brofi, a beth i'w "
        "wneud os cewch broblem wrth ei ddefnyddio."
    ),
    (
        "This statement covers the payment by results toolkit in English and in Welsh: the literature "
        "review, the resource pack, the self-assessment and the site search. It does not cover the "
        "editing system that Clinks staff use to run the site."
    ): (
        "Mae'r datganiad hwn yn ymdrin â'r pecyn cymorth talu yn ôl canlyniadau yn Gymraeg ac yn Saesneg: "
        "yr adolygiad o'r llenyddiaeth, y pecyn adnoddau, yr hunanasesiad a chwiliad y wefan. Nid yw'n "
        "ymdrin â'r system olygu y mae staff Clinks yn ei defnyddio i redeg y wefan."
    ),
    (
        "Clinks runs this website. We want as many people as possible to be able to use it. For example, "
        "you should be able to:"
    ): (
        "Clinks sy'n rhedeg y wefan hon. Rydym am i gynifer o bobl â phosibl allu ei defnyddio. Er "
        "enghraifft, dylech allu:"
    ),
    "zoom in up to 400% without having to scroll sideways to read the text": (
        "chwyddo hyd at 400% heb orfod sgrolio i'r ochr i ddarllen y testun"
    ),
    "make the page twice as large and still use all of it": (
        "gwneud y dudalen ddwywaith yn fwy a dal i allu defnyddio'r cyfan ohoni"
    ),
    "use every part of the site, including the whole self-assessment, with a keyboard alone": (
        "defnyddio pob rhan o'r wefan, gan gynnwys yr hunanasesiad cyfan, gyda bysellfwrdd yn unig"
    ),
    (
        "see which link or button you are on as you move through a page with the keyboard, and skip past "
        "the menus straight to the main content"
    ): (
        "gweld pa ddolen neu fotwm rydych arno wrth symud drwy dudalen gyda'r bysellfwrdd, a neidio "
        "heibio i'r dewislenni yn syth i'r prif gynnwys"
    ),
    "use the site with JavaScript turned off": "defnyddio'r wefan gyda JavaScript wedi'i ddiffodd",
    "read every page in English or in Welsh": "darllen pob tudalen yn Gymraeg neu yn Saesneg",
    '<a id="a1">AbilityNet</a> has advice on making your device easier to use if you have a disability.': (
        'Mae gan <a id="a1">AbilityNet</a> gyngor ar wneud eich dyfais yn haws i\'w defnyddio os oes '
        "gennych anabledd."
    ),
    "How accessible this website is": "Pa mor hygyrch yw'r wefan hon",
    (
        "Our automated checks find no failures on any page of the site, but we know some things are not "
        "yet as accessible as they should be:"
    ): (
        "Nid yw ein gwiriadau awtomatig yn canfod unrhyw fethiant ar unrhyw dudalen o'r wefan, ond "
        "gwyddom nad yw rhai pethau mor hygyrch ag y dylent fod eto:"
    ),
    (
        "the full literature review, which you can download, is a Rich Text Format (RTF) document whose "
        "headings are not marked up as headings, and it is in English only"
    ): (
        "mae'r adolygiad llawn o'r llenyddiaeth, y gallwch ei lawrlwytho, yn ddogfen Rich Text Format "
        "(RTF) nad yw ei phenawdau wedi'u marcio fel penawdau, ac mae ar gael yn Saesneg yn unig"
    ),
    (
        "many studies in the resource pack link to reports, often PDF files, published by other "
        "organisations, which may not work well with assistive technology"
    ): (
        "mae llawer o'r astudiaethau yn y pecyn adnoddau yn cysylltu ag adroddiadau gan sefydliadau "
        "eraill, ffeiliau PDF yn aml, na fyddant efallai'n gweithio'n dda gyda thechnoleg gynorthwyol"
    ),
    (
        "we have not yet tested the site by hand with screen readers, screen magnifiers or speech "
        "recognition software, or with disabled people"
    ): (
        "nid ydym wedi profi'r wefan â llaw eto gyda darllenwyr sgrin, chwyddwyr sgrin na meddalwedd "
        "adnabod lleferydd, na chyda phobl anabl"
    ),
    (
        "On the Welsh pages, the titles, authors, publishers and journals of the studies are in English, "
        "the language they were published in. They are marked as English so that screen readers pronounce "
        "them correctly."
    ): (
        "Ar y tudalennau Cymraeg, mae teitlau, awduron, cyhoeddwyr a chyfnodolion yr astudiaethau yn "
        "Saesneg, sef yr iaith y cawsant eu cyhoeddi ynddi. Maent wedi'u marcio fel Saesneg fel bod "
        "darllenwyr sgrin yn eu hynganu'n gywir."
    ),
    "What to do if you cannot use part of this website": (
        "Beth i'w wneud os na allwch ddefnyddio rhan o'r wefan hon"
    ),
    (
        "If you need anything on this website in a different format, such as an accessible document, "
        "large print, easy read, an audio recording or braille, email <a "
        'id="a1">accessibility@clinks.org</a>. Tell us the web address of the page, what you need, and '
        "how we can get it to you."
    ): (
        "Os oes arnoch angen unrhyw beth ar y wefan hon mewn fformat gwahanol, fel dogfen hygyrch, print "
        "bras, fersiwn hawdd ei deall, recordiad sain neu braille, anfonwch e-bost at <a "
        'id="a1">accessibility@clinks.org</a>. Dywedwch wrthym beth yw cyfeiriad gwe\'r dudalen, beth sydd '
        "ei angen arnoch, a sut y gallwn ei anfon atoch."
    ),
    "We will reply within 5 working days.": "Byddwn yn ateb o fewn 5 diwrnod gwaith.",
    "Reporting accessibility problems with this website": (
        "Rhoi gwybod am broblemau hygyrchedd gyda'r wefan hon"
    ),
    (
        "We are always looking to improve the accessibility of this website. If you find a problem that "
        "is not listed on this page, or you think we are not meeting accessibility requirements, email <a "
        'id="a1">accessibility@clinks.org</a> and tell us what happened and on which page.'
    ): (
        "Rydym bob amser yn ceisio gwella hygyrchedd y wefan hon. Os dewch o hyd i broblem nad yw wedi'i "
        "rhestru ar y dudalen hon, neu os ydych yn credu nad ydym yn bodloni'r gofynion hygyrchedd, "
        'anfonwch e-bost at <a id="a1">accessibility@clinks.org</a> a dywedwch wrthym beth ddigwyddodd ac '
        "ar ba dudalen."
    ),
    "Enforcement procedure": "Y drefn orfodi",
    (
        "The Equality and Human Rights Commission (EHRC) enforces the Equality Act 2010 and the "
        "accessibility regulations for websites in England, Scotland and Wales. If you are not happy with "
        'how we respond to your complaint, contact the <a id="a1">Equality Advisory and Support Service '
        "(EASS)</a>."
    ): (
        "Y Comisiwn Cydraddoldeb a Hawliau Dynol (EHRC) sy'n gorfodi Deddf Cydraddoldeb 2010 a'r "
        "rheoliadau hygyrchedd ar gyfer gwefannau yng Nghymru, Lloegr a'r Alban. Os nad ydych yn fodlon "
        'ar y ffordd rydym yn ymateb i\'ch cwyn, cysylltwch â\'r <a id="a1">Gwasanaeth Cynghori a Chymorth '
        "Cydraddoldeb (EASS)</a>."
    ),
    "Technical information about this website's accessibility": (
        "Gwybodaeth dechnegol am hygyrchedd y wefan hon"
    ),
    (
        "Clinks is committed to making this website accessible. We aim to meet version 2.2 of the Web "
        "Content Accessibility Guidelines (WCAG 2.2) at level AA, the standard that UK public sector "
        "websites must meet."
    ): (
        "Mae Clinks wedi ymrwymo i wneud y wefan hon yn hygyrch. Ein nod yw bodloni fersiwn 2.2 o'r "
        "Canllawiau Hygyrchedd Cynnwys y We (WCAG 2.2) ar lefel AA, sef y safon y mae'n rhaid i "
        "wefannau'r sector cyhoeddus yn y DU ei bodloni."
    ),
    "Compliance status": "Statws cydymffurfio",
    (
        "This website is partially compliant with WCAG 2.2 level AA, because of the non-compliance listed "
        "below. We cannot yet say it is fully compliant, because automated tests find only some kinds of "
        "problem and we have not yet tested the site by hand with assistive technology."
    ): (
        "Mae'r wefan hon yn cydymffurfio'n rhannol â WCAG 2.2 lefel AA, oherwydd yr achos o beidio â "
        "chydymffurfio a restrir isod. Ni allwn ddweud eto ei bod yn cydymffurfio'n llawn, oherwydd dim "
        "ond rhai mathau o broblem y mae profion awtomatig yn eu canfod, ac nid ydym wedi profi'r wefan â "
        "llaw gyda thechnoleg gynorthwyol eto."
    ),
    "Non-accessible content": "Cynnwys nad yw'n hygyrch",
    "Non-compliance with the accessibility regulations": "Peidio â chydymffurfio â'r rheoliadau hygyrchedd",
    (
        "In the full literature review that you can download, the headings are shown in bold, larger text "
        "but are not marked up as headings, so people using a screen reader cannot use them to move "
        "around the document. This fails WCAG 2.2 success criterion 1.3.1 (info and relationships). The "
        "document is also in English only."
    ): (
        "Yn yr adolygiad llawn o'r llenyddiaeth y gallwch ei lawrlwytho, mae'r penawdau mewn testun trwm, "
        "mwy o faint, ond nid ydynt wedi'u marcio fel penawdau, felly ni all pobl sy'n defnyddio "
        "darllenydd sgrin eu defnyddio i symud o gwmpas y ddogfen. Mae hyn yn methu maen prawf llwyddiant "
        "1.3.1 WCAG 2.2 (gwybodaeth a pherthnasoedd). Mae'r ddogfen hefyd ar gael yn Saesneg yn unig."
    ),
    (
        "Everything in it is also on this website, in English and in Welsh, as the literature review's "
        "digests, which do not have this problem. If you need the whole review as one accessible "
        "document, email us and we will send you one."
    ): (
        "Mae popeth sydd ynddi hefyd ar y wefan hon, yn Gymraeg ac yn Saesneg, yng nghrynodebau'r "
        "adolygiad o'r llenyddiaeth, nad oes ganddynt y broblem hon. Os oes arnoch angen yr adolygiad "
        "cyfan fel un ddogfen hygyrch, anfonwch e-bost atom a byddwn yn anfon un atoch."
    ),
    "Content that is not within the scope of the accessibility regulations": (
        "Cynnwys nad yw o fewn cwmpas y rheoliadau hygyrchedd"
    ),
    (
        "The resource pack links to reports, evaluations and articles published by other organisations, "
        "and some of them can be downloaded from this site. We did not write or pay for them and cannot "
        "change them, so some may not be accessible. Every study has a summary on this website written by "
        "us. If you need a study in another format, ask us and we will try to help, or contact its "
        "publisher."
    ): (
        "Mae'r pecyn adnoddau yn cysylltu ag adroddiadau, gwerthusiadau ac erthyglau a gyhoeddwyd gan "
        "sefydliadau eraill, a gellir lawrlwytho rhai ohonynt o'r wefan hon. Nid ni a'u hysgrifennodd nac "
        "a dalodd amdanynt, ac ni allwn eu newid, felly efallai na fydd rhai ohonynt yn hygyrch. Mae gan "
        "bob astudiaeth grynhoad ar y wefan hon a ysgrifennwyd gennym ni. Os oes arnoch angen astudiaeth "
        "mewn fformat arall, gofynnwch i ni a byddwn yn ceisio helpu, neu cysylltwch â'i chyhoeddwr."
    ),
    "How we tested this website": "Sut y gwnaethom brofi'r wefan hon",
    "The website is tested automatically, in a real web browser, every time its code changes.": (
        "Caiff y wefan ei phrofi'n awtomatig, mewn porwr gwe go iawn, bob tro y bydd ei chod yn newid."
    ),
    (
        "The tests open every page listed in the site map, in English and in Welsh, so every type of page "
        "is covered: the home page, the literature review and its digests, the glossary, the resource "
        "pack, a study and its sector and theme pages, the self-assessment and ordinary pages such as "
        "this one. They also open the site search (the empty form, a page of results and a search that "
        "finds nothing) and the page you see when a page cannot be found. On every one of these pages the "
        "tests:"
    ): (
        "Mae'r profion yn agor pob tudalen a restrir ym map y wefan, yn Gymraeg ac yn Saesneg, felly mae "
        "pob math o dudalen wedi'i gynnwys: yr hafan, yr adolygiad o'r llenyddiaeth a'i grynodebau, yr "
        "eirfa, y pecyn adnoddau, astudiaeth a'i thudalennau sector a thema, yr hunanasesiad a "
        "thudalennau cyffredin fel hon. Maent hefyd yn agor chwiliad y wefan (y ffurflen wag, tudalen o "
        "ganlyniadau a chwiliad nad yw'n dod o hyd i ddim) a'r dudalen a welwch pan na ellir dod o hyd i "
        "dudalen. Ar bob un o'r tudalennau hyn, mae'r profion yn:"
    ),
    (
        "run axe-core, an automated checker, against the WCAG 2.0, 2.1 and 2.2 success criteria at levels "
        "A and AA, on a desktop-sized screen and a phone-sized screen"
    ): (
        "rhedeg axe-core, gwiriwr awtomatig, yn erbyn meini prawf llwyddiant WCAG 2.0, 2.1 a 2.2 ar "
        "lefelau A ac AA, ar sgrin maint cyfrifiadur bwrdd gwaith ac ar sgrin maint ffôn"
    ),
    (
        "check that nothing needs scrolling sideways on a screen 320 pixels wide, which is what a desktop "
        "browser shows at 400% zoom"
    ): (
        "gwirio nad oes angen sgrolio dim i'r ochr ar sgrin 320 picsel o led, sef yr hyn y mae porwr "
        "bwrdd gwaith yn ei ddangos wrth chwyddo i 400%"
    ),
    "check that the page still works at 200% zoom and that its main heading stays in view": (
        "gwirio bod y dudalen yn dal i weithio wrth chwyddo i 200% a bod ei phrif bennawd yn aros yn y "
        "golwg"
    ),
    "check that there are no script errors and nothing is blocked by the site's security rules": (
        "gwirio nad oes gwallau sgript ac nad oes dim yn cael ei rwystro gan reolau diogelwch y wefan"
    ),
    "take pictures of the page at phone and desktop widths for a person to look over": (
        "tynnu lluniau o'r dudalen ar led ffôn ac ar led bwrdd gwaith i berson eu harchwilio"
    ),
    "The tests also check that:": "Mae'r profion hefyd yn gwirio:",
    "the first press of the Tab key reaches a visible skip link, which takes you to the main content": (
        "bod pwyso'r fysell Tab am y tro cyntaf yn cyrraedd dolen neidio sydd i'w gweld, sy'n mynd â chi "
        "i'r prif gynnwys"
    ),
    (
        "the Tab key moves through links and buttons in the order they appear on the page, and each one "
        "is clearly highlighted when you reach it"
    ): (
        "bod y fysell Tab yn symud drwy ddolenni a botymau yn y drefn y maent yn ymddangos ar y dudalen, "
        "a bod pob un wedi'i amlygu'n glir pan fyddwch yn ei gyrraedd"
    ),
    "you can complete the whole self-assessment using only a keyboard, with axe-core checking every step": (
        "y gallwch gwblhau'r hunanasesiad cyfan gan ddefnyddio bysellfwrdd yn unig, gydag axe-core yn "
        "gwirio pob cam"
    ),
    "the site works without JavaScript, including the self-assessment in Welsh and its error messages": (
        "bod y wefan yn gweithio heb JavaScript, gan gynnwys yr hunanasesiad yn Gymraeg a'i negeseuon "
        "gwall"
    ),
    "the language switcher takes you to the same page in the other language": (
        "bod y dewisydd iaith yn mynd â chi i'r un dudalen yn yr iaith arall"
    ),
    (
        "Automated tests cannot find every problem. We plan to test the site by hand with screen readers "
        "and other assistive technology, and with disabled people, and will update this statement when we "
        "have."
    ): (
        "Ni all profion awtomatig ganfod pob problem. Rydym yn bwriadu profi'r wefan â llaw gyda "
        "darllenwyr sgrin a thechnoleg gynorthwyol arall, a chyda phobl anabl, a byddwn yn diweddaru'r "
        "datganiad hwn pan fyddwn wedi gwneud hynny."
    ),
    "Preparation of this accessibility statement": "Paratoi'r datganiad hygyrchedd hwn",
    (
        "This statement was prepared on 1 December 2026. It is based on the automated tests described "
        "above, which run on every change to the website."
    ): (
        "Paratowyd y datganiad hwn ar 1 Rhagfyr 2026. Mae'n seiliedig ar y profion awtomatig a ddisgrifir "
        "uchod, sy'n rhedeg bob tro y caiff y wefan ei newid."
    ),
}
