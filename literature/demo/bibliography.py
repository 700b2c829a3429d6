"""Demo bibliography: the real publications behind the literature review.

One dict per publication listed in the research team's bibliography. Only details given
in that list are filled in: no URLs or DOIs (none were confirmed), and volume and issue
only where the list gives them. Summaries are written in our own words from the team's
fact sheet; where the fact sheet says nothing about a publication, the summary only
describes what the publication covers. Authors are (name, is_organisation) pairs in
order; for "et al." only the named people are listed.
"""

ENTRIES = [
    {
        "key": "nao-2015",
        "title": "Outcome-based payment schemes: government's use of payment by results (HC 86)",
        "authors": [("National Audit Office", True)],
        "year": 2015,
        "publication_date": None,
        "publication_type": "audit",
        "publisher": "National Audit Office",
        "journal": "",
        "volume": "",
        "issue": "",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "The National Audit Office found at least £15bn of public money committed "
        "through 52 payment by results schemes, with no one keeping track of them centrally "
        "and a real chance that each department would repeat lessons others had already "
        "learned. It concluded that the approach fits best where results can be measured and "
        "credited to the provider, that it is technically demanding and costlier than "
        "expected, and that commissioners seldom showed why it was better than the "
        "alternatives.",
        "summary_cy": "Canfu'r Swyddfa Archwilio Genedlaethol fod o leiaf £15bn o arian "
        "cyhoeddus wedi'i ymrwymo drwy 52 o gynlluniau talu yn ôl canlyniadau, heb neb yn "
        "cadw golwg arnynt yn ganolog a chyda pherygl gwirioneddol y byddai pob adran yn "
        "ailddysgu gwersi yr oedd eraill eisoes wedi'u dysgu. Daeth i'r casgliad bod y dull "
        "yn gweddu orau lle gellir mesur canlyniadau a'u priodoli i'r darparwr, ei fod yn "
        "heriol yn dechnegol ac yn ddrutach na'r disgwyl, ac mai anaml y dangosodd "
        "comisiynwyr pam ei fod yn well na'r dewisiadau eraill.",
        "sectors": ["general"],
        "themes": ["clear-purpose-and-outcomes", "commissioner-capability", "pricing"],
        "added_on": "2026-06-01",
    },
    {
        "key": "audit-commission-2012",
        "title": "Local payment by results",
        "authors": [("Audit Commission", True)],
        "year": 2012,
        "publication_date": None,
        "publication_type": "grey",
        "publisher": "Audit Commission",
        "journal": "",
        "volume": "",
        "issue": "",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "A briefing for local public bodies thinking about paying for results. It "
        "sets out five principles for local schemes, one of which is that the scheme must "
        "be soundly financed.",
        "summary_cy": "Papur briffio i gyrff cyhoeddus lleol sy'n ystyried talu yn ôl "
        "canlyniadau. Mae'n nodi pum egwyddor ar gyfer cynlluniau lleol, ac un ohonynt yw "
        "bod yn rhaid i'r cynllun gael ei ariannu'n gadarn.",
        "sectors": ["general"],
        "themes": ["risk-transfer-and-cash-flow", "commissioner-capability"],
        "added_on": "2026-06-04",
    },
    {
        "key": "icf-2015",
        "title": "Payment by Results: Learning from the Literature",
        "authors": [("Mason", False), ("Fullwood", False), ("Singh", False), ("Battye", False)],
        "year": 2015,
        "publication_date": None,
        "publication_type": "research",
        "publisher": "ICF for the National Audit Office",
        "journal": "",
        "volume": "",
        "issue": "",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "A review of published research on payment by results, carried out by ICF "
        "for the National Audit Office. It brings together what the literature says about "
        "how outcome-based schemes have been designed and run.",
        "summary_cy": "Adolygiad o ymchwil gyhoeddedig ar dalu yn ôl canlyniadau, a "
        "gynhaliwyd gan ICF ar gyfer y Swyddfa Archwilio Genedlaethol. Mae'n dwyn ynghyd yr "
        "hyn y mae'r llenyddiaeth yn ei ddweud am sut mae cynlluniau sy'n seiliedig ar "
        "ganlyniadau wedi cael eu dylunio a'u rhedeg.",
        "sectors": ["general"],
        "themes": ["evaluation-and-evidence"],
        "added_on": "2026-06-09",
    },
    {
        "key": "webster-2016",
        "title": "Payment by Results: Lessons from the Literature",
        "authors": [("Webster, R.", False)],
        "year": 2016,
        "publication_date": None,
        "publication_type": "research",
        "publisher": "Russell Webster / Oak Foundation",
        "journal": "",
        "volume": "",
        "issue": "",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "Reviews more than 90 studies, 59 of them published since the start of 2013, and "
        "finds that the evidence does not settle whether payment by results works. It "
        "advises commissioners to pursue one main aim and to pay for clear outcomes that "
        "the provider can influence and existing data can confirm, and it warns that "
        "under-priced contracts lead providers to set aside the hardest cases.",
        "summary_cy": "Mae'n adolygu mwy na 90 o astudiaethau, 59 ohonynt wedi'u cyhoeddi yn "
        "2013 neu wedi hynny, ac yn canfod nad yw'r dystiolaeth yn dangos yn bendant a yw "
        "talu yn ôl canlyniadau yn gweithio. Mae'n cynghori comisiynwyr i ganolbwyntio ar un "
        "prif nod ac i dalu am ganlyniadau clir y gall y darparwr ddylanwadu arnynt ac y gall "
        "data sy'n bodoli eisoes eu cadarnhau, ac mae'n rhybuddio bod contractau â phris rhy "
        "isel yn arwain darparwyr i roi'r achosion anoddaf o'r neilltu.",
        "sectors": ["general"],
        "themes": ["clear-purpose-and-outcomes", "evaluation-and-evidence", "pricing"],
        "added_on": "2026-06-12",
    },
    {
        "key": "sturgess-cumming-2011",
        "title": "Payment by Outcome: A Commissioner's Toolkit",
        "authors": [("Sturgess", False), ("Cumming", False)],
        "year": 2011,
        "publication_date": None,
        "publication_type": "grey",
        "publisher": "2020 Public Services Trust",
        "journal": "",
        "volume": "",
        "issue": "",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "A practical toolkit for commissioners who are considering paying providers "
        "for outcomes. It is written for the people who design and let outcome contracts "
        "and is meant as a working guide rather than an evaluation.",
        "summary_cy": "Pecyn cymorth ymarferol i gomisiynwyr sy'n ystyried talu darparwyr am "
        "ganlyniadau. Fe'i hysgrifennwyd ar gyfer y bobl sy'n dylunio ac yn dyfarnu "
        "contractau canlyniadau, a'i fwriad yw bod yn ganllaw gwaith yn hytrach nag yn "
        "werthusiad.",
        "sectors": ["general"],
        "themes": ["commissioner-capability", "clear-purpose-and-outcomes"],
        "added_on": "2026-06-17",
    },
    {
        "key": "ncvo-2013",
        "title": "Payment by Results contracts: a legal analysis of terms and process",
        "authors": [("Hunter", False)],
        "year": 2013,
        "publication_date": None,
        "publication_type": "research",
        "publisher": "NCVO",
        "journal": "",
        "volume": "",
        "issue": "",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "A legal review for NCVO, written with BWB, of the terms of payment by "
        "results contracts and the way they were procured. It found targets that were "
        "irrelevant or even harmful, contracts overloaded with targets, and subcontractors paid on results "
        "for the whole system rather than their own part of it. Payment by results was often "
        "added to detailed specifications, oversight was heavy-handed, and providers were "
        "subsidising the work or borrowing to pay for it.",
        "summary_cy": "Adolygiad cyfreithiol ar gyfer NCVO, a ysgrifennwyd gyda BWB, o "
        "delerau contractau talu yn ôl canlyniadau a'r ffordd y cawsant eu caffael. Canfu "
        "dargedau a oedd yn amherthnasol neu hyd yn oed yn niweidiol, gormod o dargedau, ac "
        "isgontractwyr yn cael eu talu ar ganlyniadau'r system gyfan yn hytrach nag ar eu "
        "rhan eu hunain ohoni. Yn aml, ychwanegwyd talu yn ôl canlyniadau at fanylebau "
        "manwl, roedd y monitro'n ymwthiol, ac roedd darparwyr yn sybsideiddio'r gwaith neu'n "
        "benthyca i dalu amdano.",
        "sectors": ["general", "voluntary-sector"],
        "themes": [
            "clear-purpose-and-outcomes",
            "market-and-smaller-providers",
            "risk-transfer-and-cash-flow",
        ],
        "added_on": "2026-06-22",
    },
    {
        "key": "ncvo-2014",
        "title": "Payment by results and the voluntary sector",
        "authors": [("Shiel", False), ("Breidenbach-Roe", False)],
        "year": 2014,
        "publication_date": None,
        "publication_type": "research",
        "publisher": "NCVO",
        "journal": "",
        "volume": "",
        "issue": "",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "Looks at what payment by results means for voluntary organisations. It "
        "found that payments were often too low to allow work with the people hardest to "
        "help, that all-or-nothing payments caused problems, and that unstable arrangements "
        "made providers wary of trying new things. It recommends some payment up front and "
        "payments for progress along the way.",
        "summary_cy": "Mae'n edrych ar yr hyn y mae talu yn ôl canlyniadau yn ei olygu i "
        "sefydliadau gwirfoddol. Canfu fod taliadau'n aml yn rhy isel i ganiatáu gwaith "
        "gyda'r bobl anoddaf eu helpu, fod taliadau popeth-neu-ddim yn achosi problemau, a "
        "bod trefniadau ansefydlog yn gwneud darparwyr yn amharod i roi cynnig ar bethau "
        "newydd. Mae'n argymell rhywfaint o daliad ymlaen llaw a thaliadau am gynnydd ar y "
        "ffordd.",
        "sectors": ["voluntary-sector"],
        "themes": ["market-and-smaller-providers", "measurement", "innovation-and-the-black-box"],
        "added_on": "2026-06-26",
    },
    {
        "key": "battye-2015",
        "title": "Payment by Results in the UK: progress to date and future directions for evaluation",
        "authors": [("Battye, F.", False)],
        "year": 2015,
        "publication_date": None,
        "publication_type": "research",
        "publisher": "",
        "journal": "Evaluation",
        "volume": "21",
        "issue": "2",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "Takes stock of payment by results in the UK and of what evaluations have "
        "been able to show so far. It argues that evaluators should test whether the "
        "reasoning behind each scheme actually held up in practice.",
        "summary_cy": "Mae'n pwyso a mesur talu yn ôl canlyniadau yn y DU a'r hyn y mae "
        "gwerthusiadau wedi gallu ei ddangos hyd yma. Mae'n dadlau y dylai gwerthuswyr brofi "
        "a oedd y rhesymeg y tu ôl i bob cynllun yn dal dŵr yn ymarferol.",
        "sectors": ["general"],
        "themes": ["evaluation-and-evidence"],
        "added_on": "2026-07-01",
    },
    {
        "key": "albertson-2018",
        "title": "Payment by Results and Social Impact Bonds",
        "authors": [("Albertson", False), ("Fox", False), ("O'Leary", False), ("Painter", False)],
        "year": 2018,
        "publication_date": None,
        "publication_type": "research",
        "publisher": "Policy Press",
        "journal": "",
        "volume": "",
        "issue": "",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "A book on payment by results and social impact bonds as ways of "
        "commissioning public services. It discusses the thinking behind both approaches "
        "and the evidence on how they have worked in practice.",
        "summary_cy": "Llyfr am dalu yn ôl canlyniadau a bondiau effaith gymdeithasol fel "
        "ffyrdd o gomisiynu gwasanaethau cyhoeddus. Mae'n trafod y syniadau y tu ôl i'r ddau "
        "ddull a'r dystiolaeth am sut maent wedi gweithio'n ymarferol.",
        "sectors": ["general", "social-impact-bonds"],
        "themes": ["evaluation-and-evidence"],
        "added_on": "2026-07-06",
    },
    {
        "key": "fox-albertson-2011",
        "title": "PbR and social impact bonds in the criminal justice sector: new challenges "
        "for evidence-based policy?",
        "authors": [("Fox", False), ("Albertson", False)],
        "year": 2011,
        "publication_date": None,
        "publication_type": "research",
        "publisher": "",
        "journal": "Criminology & Criminal Justice",
        "volume": "11",
        "issue": "5",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "Considers what payment by results and social impact bonds mean for "
        "criminal justice services. It asks what challenges these models pose for policy "
        "that is meant to rest on evidence of what works.",
        "summary_cy": "Mae'n ystyried beth mae talu yn ôl canlyniadau a bondiau effaith "
        "gymdeithasol yn ei olygu i wasanaethau cyfiawnder troseddol. Mae'n gofyn pa heriau "
        "y mae'r modelau hyn yn eu creu i bolisi sydd i fod i seilio ar dystiolaeth o'r hyn "
        "sy'n gweithio.",
        "sectors": ["criminal-justice", "social-impact-bonds"],
        "themes": ["evaluation-and-evidence", "attribution-and-external-factors"],
        "added_on": "2026-07-09",
    },
    {
        "key": "fox-albertson-2012",
        "title": "Is payment by results the most efficient way to address the challenges faced "
        "by the criminal justice sector?",
        "authors": [("Fox", False), ("Albertson", False)],
        "year": 2012,
        "publication_date": None,
        "publication_type": "research",
        "publisher": "",
        "journal": "Probation Journal",
        "volume": "59",
        "issue": "4",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "Asks whether payment by results is the most efficient way to meet the "
        "challenges facing criminal justice services. It weighs the approach as one option "
        "among several for commissioning rehabilitation.",
        "summary_cy": "Mae'n gofyn ai talu yn ôl canlyniadau yw'r ffordd fwyaf effeithlon o "
        "ymateb i'r heriau sy'n wynebu gwasanaethau cyfiawnder troseddol. Mae'n pwyso a "
        "mesur y dull fel un dewis ymhlith sawl un ar gyfer comisiynu gwaith adsefydlu.",
        "sectors": ["criminal-justice", "probation"],
        "themes": ["clear-purpose-and-outcomes"],
        "added_on": "2026-07-14",
    },
    {
        "key": "hedderman-2013",
        "title": "Payment by Results: hopes, fears and evidence",
        "authors": [("Hedderman, C.", False)],
        "year": 2013,
        "publication_date": None,
        "publication_type": "research",
        "publisher": "",
        "journal": "British Journal of Community Justice",
        "volume": "",
        "issue": "",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "Sets the hopes and fears surrounding payment by results in criminal "
        "justice against the evidence available at the time. It gives an overview for "
        "anyone weighing up the claims made for and against the approach.",
        "summary_cy": "Mae'n gosod y gobeithion a'r ofnau ynghylch talu yn ôl canlyniadau ym "
        "maes cyfiawnder troseddol ochr yn ochr â'r dystiolaeth a oedd ar gael ar y pryd. "
        "Mae'n rhoi trosolwg i unrhyw un sy'n pwyso a mesur yr honiadau o blaid ac yn erbyn "
        "y dull.",
        "sectors": ["criminal-justice"],
        "themes": ["evaluation-and-evidence"],
        "added_on": "2026-07-20",
    },
    {
        "key": "nicholson-2011",
        "title": "Rehabilitation works: ensuring payment by results cuts reoffending",
        "authors": [("Nicholson, C.", False)],
        "year": 2011,
        "publication_date": None,
        "publication_type": "think_tank",
        "publisher": "CentreForum",
        "journal": "",
        "volume": "",
        "issue": "",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "A think-tank paper on designing payment by results so that it reduces "
        "reoffending. It puts forward ideas on how rehabilitation contracts should be "
        "shaped to achieve that aim.",
        "summary_cy": "Papur melin drafod am ddylunio talu yn ôl canlyniadau fel ei fod yn "
        "lleihau aildroseddu. Mae'n cynnig syniadau am sut y dylid llunio contractau "
        "adsefydlu i gyflawni'r nod hwnnw.",
        "sectors": ["criminal-justice"],
        "themes": ["clear-purpose-and-outcomes"],
        "added_on": "2026-07-24",
    },
    {
        "key": "pearce-2015",
        "title": "HMP Doncaster PbR pilot: final process evaluation report",
        "authors": [("Pearce", False), ("Murray", False), ("Lane", False)],
        "year": 2015,
        "publication_date": None,
        "publication_type": "evaluation",
        "publisher": "Ministry of Justice",
        "journal": "",
        "volume": "",
        "issue": "",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "The final process evaluation of the payment by results pilot at HMP "
        "Doncaster. As a process evaluation, it looks at how the pilot was set up and run "
        "rather than measuring its effect on reoffending.",
        "summary_cy": "Gwerthusiad proses terfynol y cynllun peilot talu yn ôl canlyniadau yn "
        "CEF Doncaster. Gan mai gwerthusiad proses ydyw, mae'n edrych ar sut y sefydlwyd ac y "
        "rhedwyd y cynllun peilot yn hytrach na mesur ei effaith ar aildroseddu.",
        "sectors": ["criminal-justice"],
        "themes": ["evaluation-and-evidence"],
        "added_on": "2026-07-29",
    },
    {
        "key": "nao-2017",
        "title": "Investigation into changes to Community Rehabilitation Company contracts",
        "authors": [("National Audit Office", True)],
        "year": 2017,
        "publication_date": None,
        "publication_type": "audit",
        "publisher": "National Audit Office",
        "journal": "",
        "volume": "",
        "issue": "",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "Investigates the changes made to the contracts of the Community "
        "Rehabilitation Companies created by Transforming Rehabilitation. It found that the "
        "volume of work ran between 16% and 48% below what had been planned, while caseloads "
        "rose by 20%.",
        "summary_cy": "Mae'n ymchwilio i'r newidiadau a wnaed i gontractau'r Cwmnïau "
        "Adsefydlu Cymunedol a grëwyd gan Trawsnewid Adsefydlu. Canfu fod maint y gwaith "
        "rhwng 16% a 48% yn is na'r hyn a gynlluniwyd, tra bod llwythi achosion wedi codi 20%.",
        "sectors": ["probation"],
        "themes": ["attribution-and-external-factors", "risk-transfer-and-cash-flow"],
        "added_on": "2026-08-03",
    },
    {
        "key": "nao-2019",
        "title": "Transforming Rehabilitation: progress review",
        "authors": [("National Audit Office", True)],
        "year": 2019,
        "publication_date": None,
        "publication_type": "audit",
        "publisher": "National Audit Office",
        "journal": "",
        "volume": "",
        "issue": "",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "Reviews progress with the probation reforms known as Transforming "
        "Rehabilitation. It reports that the contracts with the Community Rehabilitation "
        "Companies were brought to an end 14 months earlier than planned.",
        "summary_cy": "Mae'n adolygu cynnydd y diwygiadau i'r gwasanaeth prawf a elwir yn "
        "Trawsnewid Adsefydlu. Mae'n nodi bod y contractau gyda'r Cwmnïau Adsefydlu "
        "Cymunedol wedi dod i ben 14 mis yn gynharach na'r bwriad.",
        "sectors": ["probation"],
        "themes": ["risk-transfer-and-cash-flow", "commissioner-capability"],
        "added_on": "2026-08-07",
    },
    {
        "key": "pac-2019",
        "title": "Transforming rehabilitation: progress review (HC 1747)",
        "authors": [("Public Accounts Committee", True)],
        "year": 2019,
        "publication_date": None,
        "publication_type": "audit",
        "publisher": "House of Commons",
        "journal": "",
        "volume": "",
        "issue": "",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "The Public Accounts Committee's follow-up report on the Transforming "
        "Rehabilitation reforms of probation. It notes that the Community Rehabilitation "
        "Companies were forecasting losses of £443m.",
        "summary_cy": "Adroddiad dilynol y Pwyllgor Cyfrifon Cyhoeddus ar ddiwygiadau "
        "Trawsnewid Adsefydlu i'r gwasanaeth prawf. Mae'n nodi bod y Cwmnïau Adsefydlu "
        "Cymunedol yn rhagweld colledion o £443m.",
        "sectors": ["probation"],
        "themes": ["risk-transfer-and-cash-flow", "market-and-smaller-providers"],
        "added_on": "2026-08-12",
    },
    {
        "key": "clinks-2016",
        "title": "Under represented, under pressure, under resourced",
        "authors": [("Clinks", True), ("NCVO", True), ("TSRC", True)],
        # The research team's list gives 2016 but asks for the year to be confirmed.
        "year": 2016,
        "publication_date": None,
        "publication_type": "research",
        "publisher": "Clinks",
        "journal": "",
        "volume": "",
        "issue": "",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "Research by Clinks with NCVO and TSRC on the voluntary organisations that "
        "work in criminal justice. As the title suggests, it examines how far these "
        "organisations are represented, how much pressure they face and how well they are "
        "resourced.",
        "summary_cy": "Ymchwil gan Clinks gydag NCVO a TSRC ar y sefydliadau gwirfoddol sy'n "
        "gweithio ym maes cyfiawnder troseddol. Fel y mae'r teitl yn ei awgrymu, mae'n "
        "archwilio i ba raddau y mae'r sefydliadau hyn yn cael eu cynrychioli, faint o "
        "bwysau sydd arnynt a pha mor dda y maent wedi'u hariannu.",
        "sectors": ["criminal-justice", "voluntary-sector"],
        "themes": ["market-and-smaller-providers"],
        "added_on": "2026-08-18",
    },
    {
        "key": "mason-2015-addiction",
        "title": "The impact of paying treatment providers for outcomes",
        "authors": [("Mason", False), ("Sutton", False), ("Whittaker", False)],
        "year": 2015,
        "publication_date": None,
        "publication_type": "research",
        "publisher": "",
        "journal": "Addiction",
        "volume": "110",
        "issue": "7",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "Examines the pilots that paid drug and alcohol recovery services for "
        "outcomes. It found that under the pilots fewer people completed treatment and more "
        "people turned treatment down.",
        "summary_cy": "Mae'n archwilio'r cynlluniau peilot a oedd yn talu gwasanaethau "
        "adferiad cyffuriau ac alcohol am ganlyniadau. Canfu fod llai o bobl wedi cwblhau "
        "triniaeth o dan y cynlluniau peilot a bod mwy o bobl wedi gwrthod triniaeth.",
        "sectors": ["substance-misuse"],
        "themes": ["quality-and-vulnerable-service-users", "gaming-cream-skimming-and-parking"],
        "added_on": "2026-08-21",
    },
    {
        "key": "jones-2018",
        "title": "Does paying service providers by results improve recovery outcomes for drug "
        "misusers in treatment in England?",
        "authors": [("Jones", False), ("Pierce", False), ("Sutton", False)],
        "year": 2018,
        "publication_date": None,
        "publication_type": "research",
        "publisher": "",
        "journal": "Addiction",
        "volume": "113",
        "issue": "2",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "Tests whether paying drug treatment providers by results improved recovery "
        "in England. It found more people free of drugs while in treatment, but fewer people "
        "starting and completing treatment.",
        "summary_cy": "Mae'n profi a oedd talu darparwyr triniaeth cyffuriau yn ôl canlyniadau "
        "wedi gwella adferiad yn Lloegr. Canfu fod mwy o bobl yn rhydd o gyffuriau tra "
        "oeddent mewn triniaeth, ond bod llai o bobl yn dechrau ac yn cwblhau triniaeth.",
        "sectors": ["substance-misuse"],
        "themes": ["quality-and-vulnerable-service-users", "evaluation-and-evidence"],
        "added_on": "2026-08-26",
    },
    {
        "key": "donmall-2017",
        "title": "Evaluation of the Drugs and Alcohol Recovery PbR Pilot Programme: final report",
        "authors": [("Donmall", False), ("Sutton", False)],
        "year": 2017,
        "publication_date": None,
        "publication_type": "evaluation",
        "publisher": "University of Manchester / Department of Health",
        "journal": "",
        "volume": "",
        "issue": "",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "The final report of the evaluation of the drug and alcohol recovery "
        "payment by results pilots. It judged the payment model to be expensive and found "
        "that it delayed people's entry into treatment.",
        "summary_cy": "Adroddiad terfynol y gwerthusiad o gynlluniau peilot talu yn ôl "
        "canlyniadau ar gyfer adferiad cyffuriau ac alcohol. Barnodd fod y model talu yn "
        "ddrud a chanfu ei fod wedi oedi mynediad pobl i driniaeth.",
        "sectors": ["substance-misuse"],
        "themes": ["quality-and-vulnerable-service-users", "evaluation-and-evidence"],
        "added_on": "2026-09-01",
    },
    {
        "key": "nao-2012-work-programme",
        "title": "The introduction of the Work Programme",
        "authors": [("National Audit Office", True)],
        "year": 2012,
        "publication_date": None,
        "publication_type": "audit",
        "publisher": "National Audit Office",
        "journal": "",
        "volume": "",
        "issue": "",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "Examines how the Department for Work and Pensions set up the Work "
        "Programme. The NAO expected about 26% of jobseekers aged 25 and over to reach a job "
        "outcome, against the department's 40%, and noted that prices rested on an estimate "
        "of what would happen without the programme and on economic assumptions from "
        "2001 to 2008. Bidders had promised around 38% performance at a 6% discount, which "
        "exposed them to financial risk.",
        "summary_cy": "Mae'n archwilio sut y sefydlodd yr Adran Gwaith a Phensiynau y Rhaglen "
        "Waith. Roedd y Swyddfa Archwilio Genedlaethol yn disgwyl i tua 26% o geiswyr gwaith "
        "25 oed a throsodd gyrraedd canlyniad swydd, o'i gymharu â 40% yr adran, a nododd "
        "fod y prisiau'n seiliedig ar amcangyfrif o'r hyn a fyddai'n digwydd heb y rhaglen "
        "ac ar dybiaethau economaidd o 2001 i 2008. Roedd y cynigwyr wedi addo perfformiad o "
        "tua 38% am ddisgownt o 6%, a oedd yn eu gadael yn agored i risg ariannol.",
        "sectors": ["worklessness"],
        "themes": ["attribution-and-external-factors", "pricing", "risk-transfer-and-cash-flow"],
        "added_on": "2026-09-04",
    },
    {
        "key": "nao-2014-work-programme",
        "title": "The Work Programme (HC 266)",
        "authors": [("National Audit Office", True)],
        "year": 2014,
        "publication_date": None,
        "publication_type": "audit",
        "publisher": "National Audit Office",
        "journal": "",
        "volume": "",
        "issue": "",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "Reviews how the Work Programme performed. Job outcomes reached 27%, short "
        "of the department's 39% forecast, its 33% minimum and the 42% that bidders had "
        "promised. There was no improvement for groups who are harder to help, and planned "
        "spending on them was reduced.",
        "summary_cy": "Mae'n adolygu sut y perfformiodd y Rhaglen Waith. Cyrhaeddodd "
        "canlyniadau swyddi 27%, yn is na rhagolwg yr adran o 39%, ei lefel isaf o 33% a'r "
        "42% a addawyd gan y cynigwyr. Ni fu unrhyw welliant i grwpiau sy'n anoddach eu "
        "helpu, a chafodd y gwariant a gynlluniwyd arnynt ei leihau.",
        "sectors": ["worklessness"],
        "themes": ["gaming-cream-skimming-and-parking", "pricing"],
        "added_on": "2026-09-09",
    },
    {
        "key": "rees-2014",
        "title": "Support for all in the UK Work Programme? Differential payments, same old problem",
        "authors": [("Rees", False), ("Whitworth", False), ("Carter", False)],
        "year": 2014,
        "publication_date": None,
        "publication_type": "research",
        "publisher": "",
        "journal": "Social Policy & Administration",
        "volume": "48",
        "issue": "2",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "Studies whether the Work Programme's higher payments for harder-to-help "
        "groups protected them from neglect. It found that creaming and parking were "
        "common and were a product of the design itself, fuelled by pressure on costs and by payment "
        "differences that were poorly calibrated.",
        "summary_cy": "Mae'n astudio a oedd taliadau uwch y Rhaglen Waith ar gyfer grwpiau "
        "anoddach eu helpu wedi eu diogelu rhag cael eu hesgeuluso. Canfu fod dethol y rhai "
        "hawsaf a 'pharcio' yn gyffredin ac wedi'u hymgorffori yn y cynllun, wedi'u gyrru "
        "gan bwysau ar gostau a chan wahaniaethau mewn taliadau nad oeddent wedi'u graddnodi'n "
        "dda.",
        "sectors": ["worklessness"],
        "themes": ["gaming-cream-skimming-and-parking", "pricing"],
        "added_on": "2026-09-14",
    },
    {
        "key": "carter-whitworth-2015",
        "title": "Creaming and parking in quasi-marketised welfare-to-work schemes",
        "authors": [("Carter", False), ("Whitworth", False)],
        "year": 2015,
        "publication_date": None,
        "publication_type": "research",
        "publisher": "",
        "journal": "Journal of Social Policy",
        "volume": "",
        "issue": "",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "Examines creaming and parking in welfare-to-work schemes run as "
        "quasi-markets, such as the Work Programme. It points out that the programme's nine "
        "payment groups were defined only by the type of benefit people had previously "
        "claimed.",
        "summary_cy": "Mae'n archwilio dethol y rhai hawsaf a 'pharcio' mewn cynlluniau lles i "
        "waith sy'n cael eu rhedeg fel lled-farchnadoedd, fel y Rhaglen Waith. Mae'n nodi "
        "mai'r unig sail ar gyfer naw grŵp talu'r rhaglen oedd y math o fudd-dal yr oedd pobl "
        "wedi'i hawlio o'r blaen.",
        "sectors": ["worklessness"],
        "themes": ["gaming-cream-skimming-and-parking", "measurement"],
        "added_on": "2026-09-18",
    },
    {
        "key": "dwp-2020",
        "title": "The Work Programme: a quantitative impact assessment",
        "authors": [("Department for Work and Pensions", True)],
        "year": 2020,
        "publication_date": None,
        "publication_type": "evaluation",
        "publisher": "Department for Work and Pensions",
        "journal": "",
        "volume": "",
        "issue": "",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "The Department for Work and Pensions' own quantitative assessment of the "
        "Work Programme. It uses statistical methods to estimate what difference the "
        "programme made for the people who took part.",
        "summary_cy": "Asesiad meintiol yr Adran Gwaith a Phensiynau ei hun o'r Rhaglen Waith. "
        "Mae'n defnyddio dulliau ystadegol i amcangyfrif pa wahaniaeth a wnaeth y rhaglen i'r "
        "bobl a gymerodd ran.",
        "sectors": ["worklessness"],
        "themes": ["evaluation-and-evidence"],
        "added_on": "2026-09-24",
    },
    {
        "key": "day-2016",
        "title": "National Evaluation of the Troubled Families Programme: final synthesis report",
        "authors": [("Day", False), ("Bryson", False), ("White", False), ("Purdon", False)],
        "year": 2016,
        "publication_date": None,
        "publication_type": "evaluation",
        "publisher": "Department for Communities and Local Government",
        "journal": "",
        "volume": "",
        "issue": "",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "Brings together the findings of the national evaluation of the Troubled "
        "Families programme. The Public Accounts Committee later noted that the evaluation "
        "was unable to attribute any impact to the programme.",
        "summary_cy": "Mae'n dwyn ynghyd ganfyddiadau'r gwerthusiad cenedlaethol o'r rhaglen "
        "Teuluoedd Cythryblus. Nododd y Pwyllgor Cyfrifon Cyhoeddus yn ddiweddarach nad oedd "
        "y gwerthusiad wedi gallu priodoli unrhyw effaith i'r rhaglen.",
        "sectors": ["troubled-families"],
        "themes": ["evaluation-and-evidence", "attribution-and-external-factors"],
        "added_on": "2026-09-30",
    },
    {
        "key": "pac-2016",
        "title": "Troubled families: progress review",
        "authors": [("Public Accounts Committee", True)],
        "year": 2016,
        "publication_date": None,
        "publication_type": "audit",
        "publisher": "House of Commons",
        "journal": "",
        "volume": "",
        "issue": "",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "The Public Accounts Committee's review of the Troubled Families programme, "
        "which cost £448m and worked with 120,000 families. It found that the evaluation "
        "was unable to show any effect that could be credited to the programme and that it appeared about a "
        "year late.",
        "summary_cy": "Adolygiad y Pwyllgor Cyfrifon Cyhoeddus o'r rhaglen Teuluoedd "
        "Cythryblus, a gostiodd £448m ac a weithiodd gyda 120,000 o deuluoedd. Canfu nad oedd "
        "y gwerthusiad yn gallu priodoli unrhyw effaith i'r rhaglen a'i fod wedi'i gyhoeddi "
        "tua blwyddyn yn hwyr.",
        "sectors": ["troubled-families"],
        "themes": ["evaluation-and-evidence", "attribution-and-external-factors"],
        "added_on": "2026-10-06",
    },
    {
        "key": "mason-lloyd-nash-2017",
        "title": "Qualitative evaluation of the London Homelessness SIB: final report",
        "authors": [("Mason", False), ("Lloyd", False), ("Nash", False)],
        "year": 2017,
        "publication_date": None,
        "publication_type": "evaluation",
        "publisher": "Department for Communities and Local Government",
        "journal": "",
        "volume": "",
        "issue": "",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "Evaluates the London Homelessness social impact bond, which worked with 831 "
        "rough sleepers identified from the CHAIN database, shared between two providers "
        "using a 'navigator' approach. Payments were linked to less rough sleeping, moves "
        "into accommodation, reconnection, employment and lower use of A&E.",
        "summary_cy": "Mae'n gwerthuso bond effaith gymdeithasol Digartrefedd Llundain, a "
        "weithiodd gyda 831 o bobl a oedd yn cysgu allan, a nodwyd o gronfa ddata CHAIN ac a "
        "rannwyd rhwng dau ddarparwr a oedd yn defnyddio dull 'llywiwr'. Roedd y taliadau'n "
        "gysylltiedig â llai o gysgu allan, symud i lety, ailgysylltu, cyflogaeth a llai o "
        "ddefnydd o adrannau damweiniau ac achosion brys.",
        "sectors": ["homelessness", "social-impact-bonds"],
        "themes": ["clear-purpose-and-outcomes", "quality-and-vulnerable-service-users"],
        "added_on": "2026-10-13",
    },
    {
        "key": "ronicle-2016",
        "title": "Commissioning Better Outcomes Fund evaluation: update report",
        "authors": [("Ronicle", False), ("Fox", False), ("Stanworth", False)],
        "year": 2016,
        "publication_date": None,
        "publication_type": "evaluation",
        "publisher": "Ecorys for the Big Lottery Fund",
        "journal": "",
        "volume": "",
        "issue": "",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "An update from Ecorys's evaluation of the Big Lottery Fund's Commissioning "
        "Better Outcomes Fund, which concerns social impact bonds. It reports on progress "
        "part-way through the evaluation rather than giving final results.",
        "summary_cy": "Diweddariad o werthusiad Ecorys o Gronfa Comisiynu Canlyniadau Gwell y "
        "Gronfa Loteri Fawr, sy'n ymwneud â bondiau effaith gymdeithasol. Mae'n adrodd ar "
        "gynnydd hanner ffordd drwy'r gwerthusiad yn hytrach na rhoi canlyniadau terfynol.",
        "sectors": ["social-impact-bonds"],
        "themes": ["evaluation-and-evidence", "commissioner-capability"],
        "added_on": "2026-10-21",
    },
    {
        "key": "cabinet-office-2013",
        "title": "Social impact bonds: a data gathering how-to guide for commissioners",
        "authors": [("Cabinet Office", True)],
        "year": 2013,
        "publication_date": None,
        "publication_type": "grey",
        "publisher": "Cabinet Office (GOV.UK)",
        "journal": "",
        "volume": "",
        "issue": "",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "Government guidance for commissioners on gathering the data needed to "
        "develop a social impact bond. It deals with the practical work of finding and "
        "collecting the information that such a contract depends on.",
        "summary_cy": "Canllawiau'r llywodraeth i gomisiynwyr ar gasglu'r data sydd eu hangen "
        "i ddatblygu bond effaith gymdeithasol. Mae'n ymdrin â'r gwaith ymarferol o ddod o "
        "hyd i'r wybodaeth y mae contract o'r fath yn dibynnu arni a'i chasglu.",
        "sectors": ["social-impact-bonds", "general"],
        "themes": ["commissioner-capability", "measurement"],
        "added_on": "2026-11-03",
    },
    {
        "key": "maybin-2007",
        "title": "Payment by Results",
        "authors": [("Maybin, J.", False)],
        "year": 2007,
        "publication_date": None,
        "publication_type": "grey",
        "publisher": "King's Fund",
        "journal": "",
        "volume": "",
        "issue": "",
        "pages": "",
        "country": "United Kingdom",
        "url": "",
        "doi": "",
        "summary": "A King's Fund briefing on Payment by Results in the NHS, the tariff system "
        "for paying hospitals a set price for the treatment they provide. This is a "
        "different thing from paying providers for the outcomes they achieve; it is listed "
        "here so that readers can tell the two apart.",
        "summary_cy": "Papur briffio gan Gronfa'r Brenin ar Dalu yn ôl Canlyniadau yn y GIG, "
        "sef y system dariff ar gyfer talu pris penodol i ysbytai am y driniaeth a "
        "ddarperir ganddynt. Mae hyn yn wahanol i dalu darparwyr am y canlyniadau a "
        "gyflawnir ganddynt; fe'i rhestrir yma er mwyn i ddarllenwyr allu gwahaniaethu rhwng "
        "y ddau.",
        "sectors": ["nhs-tariff"],
        "themes": ["pricing"],
        "added_on": "2026-11-20",
    },
]
