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
}
