"""Demo sectors and themes for the literature review.

SECTORS are the fields of public service a publication or digest is about; THEMES are the
critical success factors for payment by results that the digests are organised around.
Each row has an English and a Welsh label and a one-sentence description in both
languages. Plain data only: the demo loader turns these rows into tags.
"""

SECTORS = [
    {
        "slug": "criminal-justice",
        "name": "criminal justice",
        "welsh_name": "cyfiawnder troseddol",
        "description": "Services for people in contact with the criminal justice system, "
        "from prison to resettlement, and for their families.",
        "welsh_description": "Gwasanaethau i bobl sydd mewn cysylltiad â'r system cyfiawnder "
        "troseddol, o'r carchar i adsefydlu, ac i'w teuluoedd.",
    },
    {
        "slug": "probation",
        "name": "probation",
        "welsh_name": "gwasanaeth prawf",
        "description": "Supervision and rehabilitation of people on community sentences or "
        "released from prison, including the Transforming Rehabilitation contracts.",
        "welsh_description": "Goruchwylio ac adsefydlu pobl ar ddedfrydau cymunedol neu sydd "
        "wedi'u rhyddhau o'r carchar, gan gynnwys contractau Trawsnewid Adsefydlu.",
    },
    {
        "slug": "health",
        "name": "health",
        "welsh_name": "iechyd",
        "description": "Health services paid for by the outcomes they achieve for patients, "
        "as distinct from the NHS hospital tariff.",
        "welsh_description": "Gwasanaethau iechyd sy'n cael eu talu yn ôl y canlyniadau a "
        "gyflawnir i gleifion, yn wahanol i dariff ysbytai'r GIG.",
    },
    {
        "slug": "homelessness",
        "name": "homelessness",
        "welsh_name": "digartrefedd",
        "description": "Services that help people sleeping rough or without a settled home "
        "to find and keep accommodation.",
        "welsh_description": "Gwasanaethau sy'n helpu pobl sy'n cysgu allan neu heb gartref "
        "sefydlog i ddod o hyd i lety a'i gadw.",
    },
    {
        "slug": "substance-misuse",
        "name": "substance misuse",
        "welsh_name": "camddefnyddio sylweddau",
        "description": "Drug and alcohol treatment and recovery services.",
        "welsh_description": "Gwasanaethau triniaeth ac adferiad ar gyfer cyffuriau ac alcohol.",
    },
    {
        "slug": "troubled-families",
        "name": "troubled families",
        "welsh_name": "teuluoedd cythryblus",
        "description": "The national programme that paid councils for results in working "
        "with families facing several problems at once.",
        "welsh_description": "Y rhaglen genedlaethol a oedd yn talu cynghorau yn ôl canlyniadau "
        "am weithio gyda theuluoedd sy'n wynebu sawl problem ar yr un pryd.",
    },
    {
        "slug": "worklessness",
        "name": "worklessness",
        "welsh_name": "diweithdra",
        "description": "Employment support for people out of work, such as the Work Programme.",
        "welsh_description": "Cymorth cyflogaeth i bobl sydd allan o waith, fel y Rhaglen Waith.",
    },
    {
        "slug": "international-development",
        "name": "international development",
        "welsh_name": "datblygu rhyngwladol",
        "description": "Aid programmes overseas in which funding is linked to results, such "
        "as education schemes.",
        "welsh_description": "Rhaglenni cymorth dramor lle mae'r cyllid yn gysylltiedig â "
        "chanlyniadau, fel cynlluniau addysg.",
    },
    {
        "slug": "voluntary-sector",
        "name": "voluntary sector",
        "welsh_name": "y sector gwirfoddol",
        "description": "Charities and community organisations, and how payment by results "
        "affects their finances, independence and ability to bid.",
        "welsh_description": "Elusennau a sefydliadau cymunedol, a sut mae talu yn ôl "
        "canlyniadau yn effeithio ar eu cyllid, eu hannibyniaeth a'u gallu i wneud cais.",
    },
    {
        "slug": "social-impact-bonds",
        "name": "social impact bonds",
        "welsh_name": "bondiau effaith gymdeithasol",
        "description": "Outcome contracts in which social investors provide the up-front "
        "money and are repaid only if results are achieved.",
        "welsh_description": "Contractau canlyniadau lle mae buddsoddwyr cymdeithasol yn darparu'r "
        "arian ymlaen llaw ac yn cael eu had-dalu dim ond os cyflawnir y canlyniadau.",
    },
    {
        "slug": "general",
        "name": "general",
        "welsh_name": "cyffredinol",
        "description": "Reviews, audits and guidance that look at payment by results across "
        "many kinds of service.",
        "welsh_description": "Adolygiadau, archwiliadau a chanllawiau sy'n edrych ar dalu yn ôl "
        "canlyniadau ar draws sawl math o wasanaeth.",
    },
    {
        "slug": "nhs-tariff",
        "name": "NHS tariff",
        "welsh_name": "tariff y GIG",
        "description": "The NHS system of paying hospitals a fixed price for each treatment, "
        "also called Payment by Results, which is a different thing from paying "
        "providers for outcomes.",
        "welsh_description": "System y GIG o dalu pris penodol i ysbytai am bob triniaeth, a "
        "elwir hefyd yn Dalu yn ôl Canlyniadau, sy'n wahanol i dalu darparwyr am "
        "ganlyniadau.",
    },
]

THEMES = [
    {
        "slug": "clear-purpose-and-outcomes",
        "name": "clear purpose and outcomes",
        "welsh_name": "diben a chanlyniadau clir",
        "description": "Why a scheme uses payment by results, and whether the outcomes it "
        "pays for are clear, measurable and within the provider's reach.",
        "welsh_description": "Pam mae cynllun yn defnyddio talu yn ôl canlyniadau, ac a yw'r "
        "canlyniadau y mae'n talu amdanynt yn glir, yn fesuradwy ac o fewn cyrraedd y darparwr.",
    },
    {
        "slug": "attribution-and-external-factors",
        "name": "attribution and external factors",
        "welsh_name": "priodoli a ffactorau allanol",
        "description": "How far results can be credited to the provider rather than to the "
        "economy, other agencies or what would have happened anyway.",
        "welsh_description": "I ba raddau y gellir priodoli canlyniadau i'r darparwr yn hytrach "
        "nag i'r economi, asiantaethau eraill neu'r hyn a fyddai wedi digwydd beth bynnag.",
    },
    {
        "slug": "pricing",
        "name": "pricing",
        "welsh_name": "prisio",
        "description": "Setting the price of each outcome so that the public gets value and "
        "providers can still afford to help people with the greatest needs.",
        "welsh_description": "Pennu pris pob canlyniad fel bod y cyhoedd yn cael gwerth am arian "
        "a bod darparwyr yn dal i allu fforddio helpu'r bobl sydd â'r anghenion mwyaf.",
    },
    {
        "slug": "risk-transfer-and-cash-flow",
        "name": "risk transfer and provider cash flow",
        "welsh_name": "trosglwyddo risg a llif arian darparwyr",
        "description": "Who bears the financial risk when results fall short, and how "
        "providers pay for services while they wait to be paid.",
        "welsh_description": "Pwy sy'n ysgwyddo'r risg ariannol pan nad yw'r canlyniadau'n "
        "ddigon da, a sut mae darparwyr yn talu am wasanaethau wrth aros am daliad.",
    },
    {
        "slug": "innovation-and-the-black-box",
        "name": "innovation and the \"black box\"",
        "welsh_name": "arloesi a'r \"blwch du\"",
        "description": "Whether leaving providers free to choose how they work leads to new "
        "and better ways of helping people.",
        "welsh_description": "A yw rhoi rhyddid i ddarparwyr ddewis sut i weithio yn arwain at "
        "ffyrdd newydd a gwell o helpu pobl.",
    },
    {
        "slug": "gaming-cream-skimming-and-parking",
        "name": "gaming, cream-skimming and parking",
        "welsh_name": "chwarae'r system, dethol yr hawsaf a pharcio",
        "description": "How payment rules can lead providers to favour people who are easy "
        "to help and neglect those who are not.",
        "welsh_description": "Sut y gall rheolau talu arwain darparwyr i ffafrio pobl sy'n hawdd "
        "eu helpu ac esgeuluso'r rhai nad ydynt.",
    },
    {
        "slug": "quality-and-vulnerable-service-users",
        "name": "quality and vulnerable service users",
        "welsh_name": "ansawdd a defnyddwyr gwasanaeth agored i niwed",
        "description": "The effect of payment by results on the quality of support and on "
        "people with complex needs.",
        "welsh_description": "Effaith talu yn ôl canlyniadau ar ansawdd y cymorth ac ar bobl ag "
        "anghenion cymhleth.",
    },
    {
        "slug": "measurement",
        "name": "measurement (binary versus frequency measures)",
        "welsh_name": "mesur (mesurau deuaidd a mesurau amlder)",
        "description": "Choosing between paying on a yes-or-no result and paying on how much "
        "a problem has reduced.",
        "welsh_description": "Dewis rhwng talu ar ganlyniad ie-neu-na a thalu ar faint mae "
        "problem wedi lleihau.",
    },
    {
        "slug": "evaluation-and-evidence",
        "name": "evaluation and the evidence base",
        "welsh_name": "gwerthuso a'r sylfaen dystiolaeth",
        "description": "What evaluations of payment by results have found, and the gaps that "
        "make firm conclusions hard.",
        "welsh_description": "Yr hyn y mae gwerthusiadau o dalu yn ôl canlyniadau wedi'i ganfod, "
        "a'r bylchau sy'n ei gwneud yn anodd dod i gasgliadau pendant.",
    },
    {
        "slug": "market-and-smaller-providers",
        "name": "market and smaller voluntary providers",
        "welsh_name": "y farchnad a darparwyr gwirfoddol llai",
        "description": "How payment by results shapes the market, and whether small charities "
        "can take part on fair terms.",
        "welsh_description": "Sut mae talu yn ôl canlyniadau yn llunio'r farchnad, ac a all "
        "elusennau bach gymryd rhan ar delerau teg.",
    },
    {
        "slug": "commissioner-capability",
        "name": "commissioner capability",
        "welsh_name": "gallu comisiynwyr",
        "description": "The skills, data and time commissioners need to design, price and "
        "manage an outcome contract.",
        "welsh_description": "Y sgiliau, y data a'r amser sydd eu hangen ar gomisiynwyr i "
        "ddylunio, prisio a rheoli contract canlyniadau.",
    },
]
