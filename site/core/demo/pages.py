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
    ("involved", "core.GetInvolvedPage", "home", {
        "title": "Get involved",
        "slug": "get-involved",
        "show_in_menus": True,
        "intro": "Help us test the toolkit, improve the evidence and share what you have learned.",
        "form_intro": (
            "Tell us what you would like to do and how to reach you. Someone from the Clinks team will "
            "reply by email."
        ),
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
    ("accessibility", "core.StandardPage", "home", {
        "title": "Accessibility statement",
        "slug": "accessibility",
        "show_in_menus": False,
        "intro": (
            "How accessible the payment by results toolkit is, how we test it, and what to do if "
            "you have a problem using it."
        ),
        "body": [
            {"type": "paragraph", "id": "6f000000-0000-4000-8000-000000000001",
             "value": (
                 "<p>This statement covers the payment by results toolkit in English and in Welsh: the "
                 "literature review, the resource pack, the self-assessment and the site search. It does "
                 "not cover the editing system that Clinks staff use to run the site.</p>"
                 "<p>Clinks runs this website. We want as many people as possible to be able to use it. "
                 "For example, you should be able to:</p>"
                 "<ul>"
                 "<li>zoom in up to 400% without having to scroll sideways to read the text</li>"
                 "<li>make the page twice as large and still use all of it</li>"
                 "<li>use every part of the site, including the whole self-assessment, with a keyboard "
                 "alone</li>"
                 "<li>see which link or button you are on as you move through a page with the keyboard, "
                 "and skip past the menus straight to the main content</li>"
                 "<li>use the site with JavaScript turned off</li>"
                 "<li>read every page in English or in Welsh</li>"
                 "</ul>"
                 "<p><a href=\"https://mcmw.abilitynet.org.uk/\">AbilityNet</a> has advice on making your "
                 "device easier to use if you have a disability.</p>"
             )},
            {"type": "heading", "id": "6f000000-0000-4000-8000-000000000002",
             "value": {"text": "How accessible this website is", "level": "h2"}},
            {"type": "paragraph", "id": "6f000000-0000-4000-8000-000000000003",
             "value": (
                 "<p>Our automated checks find no failures on any page of the site, but we know some "
                 "things are not yet as accessible as they should be:</p>"
                 "<ul>"
                 "<li>the full literature review, which you can download, is a Rich Text Format (RTF) "
                 "document whose headings are not marked up as headings, and it is in English only</li>"
                 "<li>many studies in the resource pack link to reports, often PDF files, published by "
                 "other organisations, which may not work well with assistive technology</li>"
                 "<li>we have not yet tested the site by hand with screen readers, screen magnifiers or "
                 "speech recognition software, or with disabled people</li>"
                 "</ul>"
                 "<p>On the Welsh pages, the titles, authors, publishers and journals of the studies are "
                 "in English, the language they were published in. They are marked as English so that "
                 "screen readers pronounce them correctly.</p>"
             )},
            {"type": "heading", "id": "6f000000-0000-4000-8000-000000000004",
             "value": {"text": "What to do if you cannot use part of this website", "level": "h2"}},
            {"type": "paragraph", "id": "6f000000-0000-4000-8000-000000000005",
             "value": (
                 "<p>If you need anything on this website in a different format, such as an accessible "
                 "document, large print, easy read, an audio recording or braille, email "
                 "<a href=\"mailto:accessibility@clinks.org\">accessibility@clinks.org</a>. Tell us the "
                 "web address of the page, what you need, and how we can get it to you.</p>"
                 "<p>We will reply within 5 working days.</p>"
             )},
            {"type": "heading", "id": "6f000000-0000-4000-8000-000000000006",
             "value": {"text": "Reporting accessibility problems with this website", "level": "h2"}},
            {"type": "paragraph", "id": "6f000000-0000-4000-8000-000000000007",
             "value": (
                 "<p>We are always looking to improve the accessibility of this website. If you find a "
                 "problem that is not listed on this page, or you think we are not meeting accessibility "
                 "requirements, email <a href=\"mailto:accessibility@clinks.org\">accessibility@clinks.org</a> "
                 "and tell us what happened and on which page.</p>"
             )},
            {"type": "heading", "id": "6f000000-0000-4000-8000-000000000008",
             "value": {"text": "Enforcement procedure", "level": "h2"}},
            {"type": "paragraph", "id": "6f000000-0000-4000-8000-000000000009",
             "value": (
                 "<p>The Equality and Human Rights Commission (EHRC) enforces the Equality Act 2010 and "
                 "the accessibility regulations for websites in England, Scotland and Wales. If you are not "
                 "happy with how we respond to your complaint, contact the "
                 "<a href=\"https://www.equalityadvisoryservice.com/\">Equality Advisory and Support "
                 "Service (EASS)</a>.</p>"
             )},
            {"type": "heading", "id": "6f000000-0000-4000-8000-00000000000a",
             "value": {"text": "Technical information about this website's accessibility", "level": "h2"}},
            {"type": "paragraph", "id": "6f000000-0000-4000-8000-00000000000b",
             "value": (
                 "<p>Clinks is committed to making this website accessible. We aim to meet version 2.2 of "
                 "the Web Content Accessibility Guidelines (WCAG 2.2) at level AA, the standard that UK "
                 "public sector websites must meet.</p>"
             )},
            {"type": "heading", "id": "6f000000-0000-4000-8000-00000000000c",
             "value": {"text": "Compliance status", "level": "h3"}},
            {"type": "paragraph", "id": "6f000000-0000-4000-8000-00000000000d",
             "value": (
                 "<p>This website is partially compliant with WCAG 2.2 level AA, because of the "
                 "non-compliance listed below. We cannot yet say it is fully compliant, because automated "
                 "tests find only some kinds of problem and we have not yet tested the site by hand with "
                 "assistive technology.</p>"
             )},
            {"type": "heading", "id": "6f000000-0000-4000-8000-00000000000e",
             "value": {"text": "Non-accessible content", "level": "h2"}},
            {"type": "heading", "id": "6f000000-0000-4000-8000-00000000000f",
             "value": {"text": "Non-compliance with the accessibility regulations", "level": "h3"}},
            {"type": "paragraph", "id": "6f000000-0000-4000-8000-000000000010",
             "value": (
                 "<p>In the full literature review that you can download, the headings are shown in bold, "
                 "larger text but are not marked up as headings, so people using a screen reader cannot "
                 "use them to move around the document. This fails WCAG 2.2 success criterion 1.3.1 "
                 "(info and relationships). The document is also in English only.</p>"
                 "<p>Everything in it is also on this website, in English and in Welsh, as the literature "
                 "review's digests, which do not have this problem. If you need the whole review as one "
                 "accessible document, email us and we will send you one.</p>"
             )},
            {"type": "heading", "id": "6f000000-0000-4000-8000-000000000011",
             "value": {"text": "Content that is not within the scope of the accessibility regulations",
                       "level": "h3"}},
            {"type": "paragraph", "id": "6f000000-0000-4000-8000-000000000012",
             "value": (
                 "<p>The resource pack links to reports, evaluations and articles published by other "
                 "organisations, and some of them can be downloaded from this site. We did not write or "
                 "pay for them and cannot change them, so some may not be accessible. Every study has a "
                 "summary on this website written by us. If you need a study in another "
                 "format, ask us and we will try to help, or contact its publisher.</p>"
             )},
            {"type": "heading", "id": "6f000000-0000-4000-8000-000000000013",
             "value": {"text": "How we tested this website", "level": "h2"}},
            {"type": "paragraph", "id": "6f000000-0000-4000-8000-000000000014",
             "value": (
                 "<p>The website is tested automatically, in a real web browser, every time its code "
                 "changes.</p>"
                 "<p>The tests open every page listed in the site map, in English and in Welsh, so every "
                 "type of page is covered: the home page, the literature review and its digests, the "
                 "glossary, the resource pack, a study and its sector and theme pages, the self-assessment "
                 "and ordinary pages such as this one. They also open the site search (the empty form, a "
                 "page of results and a search that finds nothing) and the page you see when a page "
                 "cannot be found. On every one of these pages the tests:</p>"
                 "<ul>"
                 "<li>run axe-core, an automated checker, against the WCAG 2.0, 2.1 and 2.2 success "
                 "criteria at levels A and AA, on a desktop-sized screen and a phone-sized screen</li>"
                 "<li>check that nothing needs scrolling sideways on a screen 320 pixels wide, which is "
                 "what a desktop browser shows at 400% zoom</li>"
                 "<li>check that the page still works at 200% zoom and that its main heading stays in "
                 "view</li>"
                 "<li>check that there are no script errors and nothing is blocked by the site's "
                 "security rules</li>"
                 "<li>take pictures of the page at phone and desktop widths for a person to look over</li>"
                 "</ul>"
                 "<p>The tests also check that:</p>"
                 "<ul>"
                 "<li>the first press of the Tab key reaches a visible skip link, which takes you to the "
                 "main content</li>"
                 "<li>the Tab key moves through links and buttons in the order they appear on the page, "
                 "and each one is clearly highlighted when you reach it</li>"
                 "<li>you can complete the whole self-assessment using only a keyboard, with axe-core "
                 "checking every step</li>"
                 "<li>the site works without JavaScript, including the self-assessment in Welsh and its "
                 "error messages</li>"
                 "<li>the language switcher takes you to the same page in the other language</li>"
                 "</ul>"
                 "<p>Automated tests cannot find every problem. We plan to test the site by hand with "
                 "screen readers and other assistive technology, and with disabled people, and will "
                 "update this statement when we have.</p>"
             )},
            {"type": "heading", "id": "6f000000-0000-4000-8000-000000000015",
             "value": {"text": "Preparation of this accessibility statement", "level": "h2"}},
            {"type": "paragraph", "id": "6f000000-0000-4000-8000-000000000016",
             "value": (
                 "<p>This statement was prepared on 1 December 2026. It is based on the automated tests "
                 "described above, which run on every change to the website.</p>"
             )},
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
