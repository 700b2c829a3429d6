"""The demo page tree in English, written for Clinks from the facts in shared/research.

Each entry: (key, page class path, parent key, fields). Body blocks carry fixed ids so
that wagtail-localize's segment contexts (and so the Welsh text) stay stable between
loads. The Welsh wording lives in welsh.py, keyed by the English source string.
"""

HOME = {
    "title": "Is payment by results right for your service?",
    "slug": "home",
    "intro": (
        "Payment by results means paying a provider, in part or in whole, only when agreed "
        "outcomes are achieved. This toolkit helps commissioners and providers of services for "
        "people in contact with the criminal justice system, and their families, to decide "
        "whether it fits a particular service."
    ),
    "body": [
        {"type": "heading", "id": "0f3b7a52-1c1e-4f0b-9d0a-1a2b3c4d5e01",
         "value": {"text": "Why this toolkit exists", "level": "h2"}},
        {"type": "paragraph", "id": "0f3b7a52-1c1e-4f0b-9d0a-1a2b3c4d5e02",
         "value": (
             "<p>Government bodies in the UK have spent billions of pounds through outcome-based "
             "payment schemes, from employment support to probation, yet there is still no simple "
             "verdict on whether paying by results works. The evidence points instead to conditions "
             "under which it can work, and to the ways it goes wrong.</p>"
             "<p>We have gathered that evidence in one place so that nobody has to start from a "
             "blank page, and turned it into questions you can ask about your own service.</p>"
         )},
        {"type": "inset_text", "id": "0f3b7a52-1c1e-4f0b-9d0a-1a2b3c4d5e03",
         "value": (
             "<p>The toolkit does not tell you what to do. It helps you weigh your service against "
             "the factors that research links to success or failure, and shows you where to read more.</p>"
         )},
    ],
}

# key, model, parent, fields. "parts" on the home page point at these keys.
PAGES = [
    ("literature", "literature.LiteratureIndexPage", "home", {
        "title": "Literature review",
        "slug": "literature-review",
        "show_in_menus": True,
        "intro": (
            "What research on payment by results in the UK and abroad tells commissioners and "
            "providers, written as short digests on the issues that decide whether a scheme succeeds."
        ),
        "body": [
            {"type": "heading", "id": "1a000000-0000-4000-8000-000000000001",
             "value": {"text": "What the review covers", "level": "h2"}},
            {"type": "paragraph", "id": "1a000000-0000-4000-8000-000000000002",
             "value": (
                 "<p>The review looks at schemes in criminal justice, health, homelessness, drug and "
                 "alcohol recovery, work with troubled families and employment support. It draws on "
                 "audit reports, independent evaluations, academic studies and the experience of "
                 "voluntary organisations that have delivered these contracts.</p>"
             )},
            {"type": "paragraph", "id": "1a000000-0000-4000-8000-000000000003",
             "value": (
                 "<p>Each digest takes one issue, such as how outcomes are priced, who carries the "
                 "financial risk, or how to protect people with the most complex needs, and sets out "
                 "what the evidence says in a form you can read in five minutes.</p>"
             )},
        ],
    }),
    ("resources", "literature.ResourcePackPage", "home", {
        "title": "Resource pack",
        "slug": "resource-pack",
        "show_in_menus": True,
        "intro": (
            "Every study, evaluation and report we used, with a plain-English summary of each, "
            "tagged by sector and theme so that you can find what applies to your service."
        ),
        "body": [
            {"type": "paragraph", "id": "2b000000-0000-4000-8000-000000000001",
             "value": (
                 "<p>The pack includes National Audit Office reports, evaluations of pilots such as "
                 "the Peterborough social impact bond and the drug and alcohol recovery pilots, and "
                 "research by voluntary sector bodies on how these contracts affect smaller charities.</p>"
             )},
            {"type": "details", "id": "2b000000-0000-4000-8000-000000000002",
             "value": {
                 "summary": "Know of a study we have missed?",
                 "body": (
                     "<p>Much of the most useful learning is in unpublished evaluations and internal "
                     "reports. If you have one you can share, tell us and our staff will review it "
                     "for the pack.</p>"
                 ),
             }},
        ],
    }),
    ("assessment", "toolkit.SelfAssessmentPage", "home", {
        "title": "Self-assessment",
        "slug": "self-assessment",
        "show_in_menus": True,
        "intro": (
            "Answer questions about your service and find out, factor by factor, whether payment "
            "by results looks suitable, and why."
        ),
        "body": [
            {"type": "heading", "id": "3c000000-0000-4000-8000-000000000001",
             "value": {"text": "Who it is for", "level": "h2"}},
            {"type": "paragraph", "id": "3c000000-0000-4000-8000-000000000002",
             "value": (
                 "<p>Commissioners deciding how to buy a service, and providers deciding whether to "
                 "bid for a contract that pays on outcomes. You will be asked which of these you are, "
                 "because the advice differs.</p>"
             )},
            {"type": "heading", "id": "3c000000-0000-4000-8000-000000000003",
             "value": {"text": "What it looks at", "level": "h2"}},
            {"type": "paragraph", "id": "3c000000-0000-4000-8000-000000000004",
             "value": (
                 "<p>The questions cover the factors that research links to success: a clear purpose, "
                 "outcomes the provider can influence and that can be measured, a reliable baseline, "
                 "sound pricing, providers able to carry the financial risk, protection for people "
                 "with complex needs, the commissioner's own capacity, and a stable environment.</p>"
             )},
            {"type": "paragraph", "id": "3c000000-0000-4000-8000-000000000005",
             "value": (
                 "<p>It takes about 15 minutes. Your answers are saved as you go, so you can stop and "
                 "come back with a private link. We do not ask who you are.</p>"
             )},
        ],
    }),
    ("involved", "core.StandardPage", "home", {
        "title": "Get involved",
        "slug": "get-involved",
        "show_in_menus": True,
        "intro": "Help us test the toolkit, improve the evidence and share what you have learned.",
        "body": [
            {"type": "heading", "id": "4d000000-0000-4000-8000-000000000001",
             "value": {"text": "Come to a workshop", "level": "h2"}},
            {"type": "paragraph", "id": "4d000000-0000-4000-8000-000000000002",
             "value": (
                 "<p>We run workshops for commissioners and voluntary organisations to work through "
                 "the self-assessment together on a real service and to discuss the evidence.</p>"
             )},
            {"type": "heading", "id": "4d000000-0000-4000-8000-000000000003",
             "value": {"text": "Pilot the self-assessment", "level": "h2"}},
            {"type": "paragraph", "id": "4d000000-0000-4000-8000-000000000004",
             "value": (
                 "<p>If you are planning or bidding for an outcome-based contract, try the "
                 "self-assessment and tell us whether its verdicts matched your judgement. Your "
                 "feedback will shape the questions and the advice.</p>"
             )},
            {"type": "heading", "id": "4d000000-0000-4000-8000-000000000005",
             "value": {"text": "Send us an evaluation", "level": "h2"}},
            {"type": "paragraph", "id": "4d000000-0000-4000-8000-000000000006",
             "value": (
                 "<p>Evaluations of local schemes are often never published. If your organisation "
                 "holds one it is willing to share, we will summarise it for the resource pack so "
                 "that others can learn from it.</p>"
             )},
        ],
    }),
    ("about", "core.StandardPage", "home", {
        "title": "About the toolkit",
        "slug": "about",
        "show_in_menus": True,
        "intro": "Who made the toolkit, why, and how the evidence in it was gathered.",
        "body": [
            {"type": "paragraph", "id": "5e000000-0000-4000-8000-000000000001",
             "value": (
                 "<p>Clinks supports voluntary organisations that work with people in the criminal "
                 "justice system and their families. Many of them have delivered contracts that pay "
                 "on results, and many have found that the design of those contracts decided whether "
                 "they could keep doing good work.</p>"
             )},
            {"type": "paragraph", "id": "5e000000-0000-4000-8000-000000000002",
             "value": (
                 "<p>The toolkit brings together published research on payment by results across "
                 "several sectors, concentrating on the United Kingdom but including notable work from "
                 "other countries. It is written for people who have to make decisions, not for "
                 "specialists.</p>"
             )},
            {"type": "quote", "id": "5e000000-0000-4000-8000-000000000003",
             "value": {
                 "quote": (
                     "Payment by results is neither a cure-all nor a mistake in itself: it suits some "
                     "services and harms others, and the difference lies in the design."
                 ),
                 "source": "The toolkit's starting point",
             }},
        ],
    }),
]

HOME_PARTS = [
    ("part", "literature", "Read the digests of research on payment by results, issue by issue."),
    ("part", "resources", "Search and filter the studies and evaluations behind the review."),
    ("part", "assessment", "Answer questions about your service and see where payment by results fits."),
]
HOME_PART_IDS = [
    "0f3b7a52-1c1e-4f0b-9d0a-1a2b3c4d5f01",
    "0f3b7a52-1c1e-4f0b-9d0a-1a2b3c4d5f02",
    "0f3b7a52-1c1e-4f0b-9d0a-1a2b3c4d5f03",
]
