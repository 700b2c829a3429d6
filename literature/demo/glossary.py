"""Demo glossary: plain-English meanings of terms used in payment by results.

Each term has a short definition (at most 300 characters), a longer explanation in simple
HTML, and the slugs of the digests (from digests.py) where the term matters most.
Figures in explanations come from the research team's fact sheet.
"""

TERMS = [
    {
        "term": "Payment by results",
        "slug": "payment-by-results",
        "also_known_as": "PbR, outcome-based payment",
        "short_definition": "A way of paying for a service in which some or all of the money "
        "depends on the results achieved for the people it serves, rather than on the "
        "activity delivered.",
        "explanation": "<p>The share of payment linked to results varies a great deal, from a "
        "small element of a larger contract to the whole contract value. Commissioners "
        "usually choose payment by results to focus attention on outcomes, to encourage new "
        "ways of working, to get better value for money or to move financial risk to "
        "providers.</p><p>It is not the same as the NHS tariff, which was also called "
        "Payment by Results but pays hospitals for the treatments they carry out, not for "
        "outcomes.</p>",
        "related_digests": ["clear-purpose-and-outcomes", "pricing", "evaluation-and-the-evidence-base"],
    },
    {
        "term": "Outcome",
        "slug": "outcome",
        "also_known_as": "result",
        "short_definition": "A change in someone's life or circumstances that a service aims "
        "to bring about, such as finding a job, keeping a home or not reoffending.",
        "explanation": "<p>Outcomes are about what changes for people, not about what the "
        "service does. In an outcome contract, each paid outcome needs a precise definition, "
        "a way of measuring it and a way of checking it. The research suggests paying for a "
        "small number of outcomes that are clearly understood and largely within the "
        "provider's influence.</p>",
        "related_digests": ["clear-purpose-and-outcomes", "measurement-binary-versus-frequency"],
    },
    {
        "term": "Output",
        "slug": "output",
        "also_known_as": "activity measure",
        "short_definition": "The activity a service delivers, such as sessions held or people "
        "seen, as opposed to the change that activity brings about.",
        "explanation": "<p>Outputs are easier to count than outcomes, and traditional "
        "contracts often pay for them. An output can be a useful sign of progress, but "
        "delivering more activity does not necessarily mean people's lives have "
        "improved.</p>",
        "related_digests": ["clear-purpose-and-outcomes"],
    },
    {
        "term": "Attribution",
        "slug": "attribution",
        "also_known_as": "",
        "short_definition": "How far a result can fairly be credited to a particular service or "
        "provider, rather than to the economy, other agencies or chance.",
        "explanation": "<p>Payment by results works best when outcomes can be attributed to "
        "the provider. Where many agencies affect a result, or where economic conditions "
        "change, it becomes hard to say what difference the provider made. The evaluation of "
        "the Troubled Families programme, for example, was unable to credit any effect to "
        "it.</p>",
        "related_digests": ["attribution-and-external-factors", "evaluation-and-the-evidence-base"],
    },
    {
        "term": "Deadweight",
        "slug": "deadweight",
        "also_known_as": "",
        "short_definition": "Outcomes that would have happened anyway, without the service. "
        "Paying for them spends public money without changing anything.",
        "explanation": "<p>In any group of people, some will find work, stop offending or "
        "settle into a home without help. Setting targets above the level that would be "
        "reached anyway, using a baseline or comparison group, stops a contract paying for "
        "deadweight.</p>",
        "related_digests": ["attribution-and-external-factors", "pricing"],
    },
    {
        "term": "Counterfactual",
        "slug": "counterfactual",
        "also_known_as": "",
        "short_definition": "An estimate of what would have happened without the service, used "
        "to judge what difference the service made.",
        "explanation": "<p>The counterfactual cannot be observed directly, so it has to be "
        "estimated, usually from a comparison group or from past trends. If the estimate is "
        "wrong, prices and targets will be wrong too: the Work Programme's assumptions, for "
        "instance, drew on economic conditions from 2001 to 2008.</p>",
        "related_digests": ["attribution-and-external-factors", "evaluation-and-the-evidence-base"],
    },
    {
        "term": "Comparison group",
        "slug": "comparison-group",
        "also_known_as": "control group, matched comparison group",
        "short_definition": "A group of people similar to those receiving a service but who do "
        "not receive it, whose results show what would probably have happened anyway.",
        "explanation": "<p>A matched comparison group is chosen to resemble the people in the "
        "service on characteristics such as age and history. In a randomised trial, people "
        "are allocated to the service or the control group by chance. The Peterborough social "
        "impact bond compared its cohorts with a matched comparison group.</p>",
        "related_digests": [
            "attribution-and-external-factors",
            "evaluation-and-the-evidence-base",
            "measurement-binary-versus-frequency",
        ],
    },
    {
        "term": "Baseline",
        "slug": "baseline",
        "also_known_as": "",
        "short_definition": "The level of an outcome before a service starts, or the level "
        "expected without it, against which targets and payments are set.",
        "explanation": "<p>A reliable baseline is essential for fair pricing. It should be "
        "based on recent data for a similar group of people and should reflect current "
        "conditions, not those of several years earlier.</p>",
        "related_digests": ["attribution-and-external-factors", "pricing"],
    },
    {
        "term": "Binary measure",
        "slug": "binary-measure",
        "also_known_as": "yes-or-no measure",
        "short_definition": "A measure that records an outcome as yes or no for each person, "
        "such as whether they reoffended within a set period.",
        "explanation": "<p>Binary measures are simple to explain and check, but they give no "
        "credit for partial progress. Payments that depend only on a binary result can also "
        "encourage providers to concentrate on people who are close to the line. Research "
        "with voluntary organisations found all-or-nothing payments caused problems.</p>",
        "related_digests": ["measurement-binary-versus-frequency", "gaming-cream-skimming-and-parking"],
    },
    {
        "term": "Frequency measure",
        "slug": "frequency-measure",
        "also_known_as": "",
        "short_definition": "A measure that counts how often something happens, such as the "
        "number of reconvictions, so that a reduction counts even if the behaviour has not "
        "stopped completely.",
        "explanation": "<p>Frequency measures reward progress for people whose lives do not "
        "change overnight. The Peterborough social impact bond used a count of reconviction "
        "events compared with a matched comparison group.</p>",
        "related_digests": ["measurement-binary-versus-frequency"],
    },
    {
        "term": "Cream-skimming",
        "slug": "cream-skimming",
        "also_known_as": "cherry picking, creaming",
        "short_definition": "Focusing effort on the people most likely to achieve a paid "
        "outcome, who are often those needing the least help.",
        "explanation": "<p>Cream-skimming is a predictable response when the payment for an "
        "outcome does not reflect the effort needed to achieve it. Research on the Work "
        "Programme found creaming and parking were common and stemmed from the "
        "design.</p>",
        "related_digests": ["gaming-cream-skimming-and-parking", "pricing"],
    },
    {
        "term": "Parking",
        "slug": "parking",
        "also_known_as": "",
        "short_definition": "Giving little or no help to people who seem unlikely to achieve a "
        "paid outcome, while they remain on the provider's caseload.",
        "explanation": "<p>Parking usually happens when contracts are priced too low to make "
        "work with harder cases viable. It often goes alongside cream-skimming. Monitoring "
        "what happens to people who do not reach a paid outcome helps to detect it.</p>",
        "related_digests": ["gaming-cream-skimming-and-parking", "quality-and-vulnerable-service-users"],
    },
    {
        "term": "Gaming",
        "slug": "gaming",
        "also_known_as": "",
        "short_definition": "Meeting the letter of the payment rules without achieving their "
        "purpose, for example by timing, recording or selecting results so that they "
        "trigger payments.",
        "explanation": "<p>Gaming is a wider term that includes cream-skimming and parking. "
        "Clear outcome definitions, independent verification and measuring results for a "
        "whole cohort all reduce the room for it.</p>",
        "related_digests": ["gaming-cream-skimming-and-parking", "measurement-binary-versus-frequency"],
    },
    {
        "term": "Risk transfer",
        "slug": "risk-transfer",
        "also_known_as": "",
        "short_definition": "Moving the financial risk that a service will not achieve its "
        "results from the commissioner to the provider or its investors.",
        "explanation": "<p>Risk transfer is one of the main reasons given for payment by "
        "results. It only works if providers can actually bear the risk; if they cannot, it "
        "tends to return to the commissioner, as the Transforming Rehabilitation contracts "
        "showed.</p>",
        "related_digests": ["risk-transfer-and-cash-flow", "market-and-smaller-voluntary-providers"],
    },
    {
        "term": "Working capital",
        "slug": "working-capital",
        "also_known_as": "cash reserves",
        "short_definition": "The money an organisation has available to run day-to-day, "
        "including paying staff and costs while it waits to be paid.",
        "explanation": "<p>Outcome payments arrive after results are achieved and checked, "
        "often months later. Providers need enough working capital to bridge that gap. "
        "Many charities have little, and some have borrowed or used other funds to cover "
        "outcome contracts.</p>",
        "related_digests": ["risk-transfer-and-cash-flow", "market-and-smaller-voluntary-providers"],
    },
    {
        "term": "Social impact bond",
        "slug": "social-impact-bond",
        "also_known_as": "SIB, social outcomes contract",
        "short_definition": "An outcome contract in which social investors provide the up-front "
        "money to run a service and are repaid by the commissioner, possibly with a return, "
        "only if agreed results are achieved.",
        "explanation": "<p>Despite the name, a social impact bond is not a bond in the usual "
        "financial sense; it is a contract. In the Peterborough social impact bond, 17 "
        "foundations invested £5m and received their money back plus a return of just over "
        "3% a year.</p>",
        "related_digests": [
            "risk-transfer-and-cash-flow",
            "measurement-binary-versus-frequency",
            "evaluation-and-the-evidence-base",
        ],
    },
    {
        "term": "Social investor",
        "slug": "social-investor",
        "also_known_as": "",
        "short_definition": "An investor, such as a charitable foundation or specialist fund, "
        "that puts money into a service seeking a social result as well as the chance of a "
        "financial return.",
        "explanation": "<p>In a social impact bond, social investors carry much of the "
        "financial risk that would otherwise fall on the provider. They may lose some or all "
        "of their money if results are not achieved.</p>",
        "related_digests": ["risk-transfer-and-cash-flow"],
    },
    {
        "term": "Prime provider",
        "slug": "prime-provider",
        "also_known_as": "prime contractor, prime",
        "short_definition": "The main contractor that holds an outcome contract with the "
        "commissioner and usually manages a supply chain of subcontractors.",
        "explanation": "<p>Prime providers decide how work and risk are shared down the supply "
        "chain. The terms they offer subcontractors can determine whether smaller "
        "organisations can take part on a fair basis.</p>",
        "related_digests": ["market-and-smaller-voluntary-providers"],
    },
    {
        "term": "Supply chain",
        "slug": "supply-chain",
        "also_known_as": "subcontracting, subcontractors",
        "short_definition": "The organisations, often smaller charities, that deliver parts of "
        "a contract under agreements with a prime provider.",
        "explanation": "<p>Subcontract terms can pass risk down to those least able to bear "
        "it. A legal analysis of payment by results contracts found subcontractors being "
        "paid on outcomes for the whole system rather than for their own work.</p>",
        "related_digests": ["market-and-smaller-voluntary-providers", "risk-transfer-and-cash-flow"],
    },
    {
        "term": "Black box commissioning",
        "slug": "black-box-commissioning",
        "also_known_as": "black box",
        "short_definition": "Commissioning in which the commissioner specifies the outcomes it "
        "will pay for and leaves the provider free to decide how to achieve them.",
        "explanation": "<p>The idea is that freedom over delivery will encourage innovation. "
        "In practice, payment by results has often been added to specifications that still "
        "prescribe how the work is done, which removes much of that freedom.</p>",
        "related_digests": ["innovation-and-the-black-box", "commissioner-capability"],
    },
    {
        "term": "Intermediate outcome",
        "slug": "intermediate-outcome",
        "also_known_as": "progress payment, milestone payment",
        "short_definition": "A step on the way to a final outcome, such as starting treatment "
        "or keeping a tenancy for a set time, which can trigger a smaller payment.",
        "explanation": "<p>Payments for intermediate outcomes ease providers' cash flow and "
        "recognise partial progress. They do make a contract more complicated, though, and can "
        "shift attention onto the indicators, so they need to be chosen with care.</p>",
        "related_digests": [
            "measurement-binary-versus-frequency",
            "pricing",
            "risk-transfer-and-cash-flow",
        ],
    },
    {
        "term": "Verification",
        "slug": "verification",
        "also_known_as": "",
        "short_definition": "Checking that a claimed outcome really happened and met the "
        "contract's definition before payment is made.",
        "explanation": "<p>Verification is easiest when outcomes can be checked against data "
        "that already exists, such as national records. Some outcomes, such as proven "
        "reoffending, can take more than a year to verify, which delays payment.</p>",
        "related_digests": ["measurement-binary-versus-frequency", "commissioner-capability"],
    },
    {
        "term": "Payment trigger",
        "slug": "payment-trigger",
        "also_known_as": "",
        "short_definition": "The event or result that, once verified, makes a payment due "
        "under an outcome contract.",
        "explanation": "<p>Each trigger needs a clear definition and a way of checking it. "
        "Too many triggers make a contract complicated to manage and can distract attention "
        "from the outcomes that matter most.</p>",
        "related_digests": ["measurement-binary-versus-frequency", "clear-purpose-and-outcomes"],
    },
    {
        "term": "Market stewardship",
        "slug": "market-stewardship",
        "also_known_as": "market shaping",
        "short_definition": "A commissioner's role in shaping and looking after the market of "
        "providers, so that enough capable organisations can deliver services on fair terms, "
        "now and in future.",
        "explanation": "<p>Good market stewardship includes talking to providers before "
        "procurement, understanding the supply chain, and testing whether providers can carry "
        "the risk being asked of them.</p>",
        "related_digests": ["market-and-smaller-voluntary-providers", "commissioner-capability"],
    },
    {
        "term": "Transforming Rehabilitation",
        "slug": "transforming-rehabilitation",
        "also_known_as": "TR",
        "short_definition": "The reform of probation in England and Wales that contracted much "
        "probation work to Community Rehabilitation Companies, paid partly on results.",
        "explanation": "<p>Only about a tenth of the payment depended on results. The volume "
        "of work ran well below plan, the companies forecast losses of £443m, and the "
        "contracts were terminated 14 months ahead of schedule. The reforms also brought the Peterborough "
        "social impact bond to an early close.</p>",
        "related_digests": [
            "risk-transfer-and-cash-flow",
            "market-and-smaller-voluntary-providers",
            "commissioner-capability",
        ],
    },
    {
        "term": "Work Programme",
        "slug": "work-programme",
        "also_known_as": "",
        "short_definition": "The Department for Work and Pensions' large welfare-to-work scheme, "
        "in which contracted providers were paid mainly for helping people out of work into "
        "jobs.",
        "explanation": "<p>Job outcomes reached 27%, against a forecast of 39%. Its nine "
        "payment groups depended solely on the benefit people had claimed, and research found "
        "creaming and parking were common. It is one of the most studied payment by "
        "results schemes.</p>",
        "related_digests": ["pricing", "gaming-cream-skimming-and-parking", "attribution-and-external-factors"],
    },
    {
        "term": "Community Rehabilitation Company",
        "slug": "community-rehabilitation-company",
        "also_known_as": "CRC",
        "short_definition": "One of the companies created under Transforming Rehabilitation to "
        "deliver probation services under contract to the Ministry of Justice, paid partly on "
        "results.",
        "explanation": "<p>The companies received much less work than planned while caseloads "
        "rose, forecast losses of £443m, and saw their contracts terminated 14 months ahead of schedule.</p>",
        "related_digests": ["risk-transfer-and-cash-flow", "attribution-and-external-factors"],
    },
    {
        "term": "Reconviction rate",
        "slug": "reconviction-rate",
        "also_known_as": "reoffending rate, proven reoffending",
        "short_definition": "The share of a group of people who are convicted of a new offence "
        "within a set follow-up period.",
        "explanation": "<p>A reconviction rate is a binary measure. A count of reconviction "
        "events is a frequency measure. Because offences must be followed up and then go "
        "through the courts, confirmed results can take more than a year to arrive.</p>",
        "related_digests": ["measurement-binary-versus-frequency", "attribution-and-external-factors"],
    },
    {
        "term": "Cohort",
        "slug": "cohort",
        "also_known_as": "",
        "short_definition": "The defined group of people whose outcomes a contract or "
        "evaluation tracks, such as everyone released from a particular prison during a set "
        "period.",
        "explanation": "<p>Measuring results for the whole cohort, and not only those who "
        "choose to take part, reduces the scope for cream-skimming. The Peterborough social "
        "impact bond had two cohorts of 1,000 people and measured everyone in them, although "
        "taking part was voluntary.</p>",
        "related_digests": ["gaming-cream-skimming-and-parking", "measurement-binary-versus-frequency"],
    },
    {
        "term": "NHS tariff",
        "slug": "nhs-tariff",
        "also_known_as": "Payment by Results (NHS)",
        "short_definition": "The system of paying NHS hospitals a set price for each treatment "
        "they provide. It was also called Payment by Results, but it pays for activity, not "
        "outcomes.",
        "explanation": "<p>Publications about the NHS tariff are tagged separately in this "
        "review so that readers can tell them apart from outcome-based payment by "
        "results.</p>",
        "related_digests": ["pricing"],
    },
]
