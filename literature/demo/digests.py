"""Demo evidence digests for the literature review.

One digest per critical success factor (theme). Each is written in our own words from the
research team's fact sheet and cites its sources by citation key in square brackets, for
example "[NAO 2015]"; every key used in the text appears in the digest's `references` as
(bibliography entry key, citation key, pinpoint). Body blocks follow DigestBodyBlock:
("heading", {...}), ("text", html), ("key_finding", {...}), ("quotation", {...}),
("for_commissioners", html), ("for_providers", html) and ("table", {...}).

A few facts come from sources that are not yet in the bibliography (the Ministry of
Justice's and Social Finance's Peterborough results, the Policy Innovation Research Unit,
the NAO's 2016 report on Transforming Rehabilitation, Clinks's TrackTR survey and the
Government Outcomes Lab). They are attributed in the prose, not with a citation key, until
entries for them are added. Reform's "bell curve" pricing idea is mentioned only as an
unverified proposal.
"""

DIGESTS = [
    # ------------------------------------------------------------------ purpose and outcomes
    {
        "slug": "clear-purpose-and-outcomes",
        "title": "Clear purpose and outcomes: know why you are paying for results",
        "summary": "Payment by results is a means, not an end. The schemes that struggled most "
        "were often asked to do several things at once: save money, spark new ideas, move "
        "risk and improve lives. The evidence points to choosing one main reason for using "
        "payment by results, checking that it beats the other ways of buying the service, "
        "and then paying for a small number of outcomes that everyone understands, that "
        "existing data can confirm and that the provider can genuinely influence.",
        "key_messages": [
            "Choose one main aim, whether better outcomes, innovation or value for money, "
            "rather than expecting one contract to deliver them all.",
            "Compare payment by results with other ways of contracting before choosing it; "
            "few commissioners have done so.",
            "Pay for a few outcomes that staff and service users see as meaningful and that "
            "the provider can influence.",
            "Expect work that is not paid for to slip down the provider's list of priorities.",
        ],
        "evidence_strength": "moderate",
        "sectors": ["general", "troubled-families", "homelessness"],
        "themes": ["clear-purpose-and-outcomes"],
        "references": [
            ("nao-2015", "NAO 2015", ""),
            ("webster-2016", "Webster 2016", ""),
            ("ncvo-2013", "NCVO 2013", ""),
            ("mason-lloyd-nash-2017", "Mason et al. 2017", ""),
            ("fox-albertson-2012", "Fox and Albertson 2012", ""),
        ],
        "body": [
            ("heading", {"text": "Start with why", "level": "h2"}),
            (
                "text",
                "<p>Payment by results is one way of buying a service, and it only makes sense "
                "if it helps to achieve something specific. When the National Audit Office "
                "looked across government, it tested six benefits that are commonly claimed "
                "for the approach: better value for money, more innovation, a sharper focus on "
                "outcomes, moving risk to providers, services that respond better to users, and "
                "clearer accountability [NAO 2015]. It is unrealistic to expect a single "
                "contract to deliver all six.</p>"
                "<p>Webster's review of the research reached a similar view. Schemes that were "
                "given too many goals tended to fail, and the review advises commissioners to "
                "decide whether their priority is outcomes, innovation or value for money, "
                "and to design around that choice [Webster 2016].</p>",
            ),
            (
                "key_finding",
                {
                    "heading": "Few schemes were tested against the alternatives",
                    "text": "<p>The NAO found that commissioners rarely explained why payment "
                    "by results was better than other options. The Department for "
                    "International Development did this for an education programme in "
                    "Rwanda; the Department for Work and Pensions did not do it for the Work "
                    "Programme [NAO 2015].</p>",
                },
            ),
            (
                "text",
                "<p>Researchers have also asked whether payment by results is the most "
                "efficient way to tackle the problems facing criminal justice services, "
                "rather than assuming that it is [Fox and Albertson 2012]. A short, honest "
                "comparison with grants or conventional contracts is a sensible first "
                "step.</p>",
            ),
            ("heading", {"text": "Choosing what to pay for", "level": "h2"}),
            (
                "text",
                "<p>The NAO concluded that payment by results works best where results can be "
                "measured and can fairly be credited to the provider [NAO 2015]. Webster adds "
                "three practical tests: the outcome should be clearly understood, it should be "
                "possible to check it against data that is already collected, and it should "
                "be something the provider can largely control. Providers will reasonably give less "
                "attention to any work that does not earn a payment [Webster 2016].</p>"
                "<p>Measures also need to make sense to the people doing the work. Webster "
                "points to a drug treatment scheme in Delaware in 2002 that succeeded partly "
                "because everyone involved could see why its measures mattered. The same "
                "review warns that adding milestone payments makes a contract more complicated "
                "and can shift attention to the indicators rather than the people [Webster "
                "2016].</p>",
            ),
            (
                "text",
                "<p>When outcomes are chosen badly, the damage shows up in the contract. A "
                "legal analysis for NCVO found contracts with targets that were irrelevant or "
                "even harmful, contracts overloaded with targets, and subcontractors paid "
                "according to the performance of the whole system rather than their own "
                "contribution [NCVO 2013]. The Troubled Families programme moved away from "
                "tightly drawn indicators towards a broader test of “significant and "
                "sustained progress” for each family [NAO 2015].</p>"
                "<p>The London Homelessness social impact bond shows what a focused design can "
                "look like. It worked with a named group of 831 rough sleepers identified through the "
                "CHAIN database, and it paid for a defined set of results: less rough "
                "sleeping, moves into accommodation, reconnection, employment and lower use of "
                "A&amp;E [Mason et al. 2017].</p>",
            ),
            (
                "quotation",
                {
                    "quote": "Decide what the contract is for before you decide how to pay for "
                    "it. A scheme asked to cut costs, spark new ideas and improve lives all at "
                    "once is unlikely to do any of them well.",
                    "source": "Paraphrasing the advice in Webster (2016)",
                },
            ),
            (
                "for_commissioners",
                "<p>Before you commit to payment by results:</p>"
                "<ul>"
                "<li>Write down the one main reason for using it, in a sentence.</li>"
                "<li>Compare it, even briefly, with a grant or a conventional contract.</li>"
                "<li>Check that each outcome can be measured from data that already "
                "exists.</li>"
                "<li>Ask staff and service users whether the measures make sense to "
                "them.</li>"
                "<li>Keep the number of payment triggers small.</li>"
                "</ul>",
            ),
            (
                "for_providers",
                "<p>Ask the commissioner what the scheme is mainly for, and how each outcome "
                "will be measured. Point out any target that could harm service users or that "
                "depends mostly on other agencies. If you are a subcontractor, be cautious "
                "about being paid on results for the whole system rather than for your own "
                "work [NCVO 2013].</p>",
            ),
        ],
    },
    # ------------------------------------------------------------------ attribution
    {
        "slug": "attribution-and-external-factors",
        "title": "Attribution: paying for the difference the provider makes",
        "summary": "Jobs, reoffending and family stability are shaped by the economy, by "
        "other agencies and by what people would have done anyway, not only by the service "
        "being bought. Payments should reward the change a provider adds, which means "
        "setting targets against a credible estimate of what would have happened without "
        "the service. Where that estimate was wrong, as in the Work Programme, or missing, as "
        "in the evaluation of Troubled Families, it became hard to know what the money had "
        "bought.",
        "key_messages": [
            "Set targets above what would have happened anyway, using a comparison group or "
            "a reliable baseline.",
            "Economic and policy changes can swamp a provider's efforts; plan for them in the "
            "contract.",
            "Pay for outcomes the provider can influence; outcomes shared with other agencies "
            "need a shared approach.",
            "If impact cannot be attributed, no one can tell whether the payments bought real "
            "change.",
        ],
        "evidence_strength": "moderate",
        "sectors": ["worklessness", "troubled-families", "probation"],
        "themes": ["attribution-and-external-factors", "evaluation-and-evidence"],
        "references": [
            ("nao-2015", "NAO 2015", ""),
            ("nao-2012-work-programme", "NAO 2012", ""),
            ("webster-2016", "Webster 2016", ""),
            ("nao-2017", "NAO 2017", ""),
            ("pac-2016", "PAC 2016", ""),
            ("day-2016", "Day et al. 2016", ""),
        ],
        "body": [
            ("heading", {"text": "What would have happened anyway?", "level": "h2"}),
            (
                "text",
                "<p>Some people in any group will find work, stop offending or settle into a "
                "home without any help. If a contract pays for every success, it will pay for "
                "those people too. The NAO's advice is simple: targets must be set above the "
                "level that would be reached anyway [NAO 2015]. That needs a baseline, ideally "
                "a comparison group of similar people who did not receive the service.</p>"
                "<p>The Peterborough social impact bond is the best-known example of this in "
                "criminal justice. Its results were measured against a matched comparison "
                "group, and the whole cohort was counted, not just the people who chose to take "
                "part (Ministry of Justice results, 2014).</p>",
            ),
            ("heading", {"text": "The Work Programme: a baseline built on a different economy", "level": "h2"}),
            (
                "text",
                "<p>The Work Programme's prices were set using an estimate of how many people "
                "would find work without the programme. The NAO found that the assumptions "
                "behind that estimate drew on economic conditions between 2001 and 2008, and "
                "that the programme's results would depend heavily on the state of the economy "
                "[NAO 2012]. Its own estimate of job outcomes for one large group was far below "
                "the department's.</p>",
            ),
            (
                "table",
                {
                    "caption": "Work Programme: two estimates of job outcomes for jobseekers "
                    "aged 25 and over (NAO 2012)",
                    "columns": ["Whose estimate", "Expected job outcome rate"],
                    "rows": [
                        ["Department for Work and Pensions", "40%"],
                        ["National Audit Office", "26%"],
                    ],
                },
            ),
            (
                "key_finding",
                {
                    "heading": "",
                    "text": "<p>A baseline drawn from a stronger economy made the "
                    "department's expectations far higher than the NAO thought likely. When "
                    "the starting estimate is wrong, prices and targets are wrong too, whatever "
                    "the provider does [NAO 2012].</p>",
                },
            ),
            ("heading", {"text": "When results depend on others", "level": "h2"}),
            (
                "text",
                "<p>Webster's review advises keeping paid outcomes within the provider's "
                "control [Webster 2016]. Many outcomes that matter to people in the criminal "
                "justice system, such as housing, health and employment, depend on several "
                "agencies at once. Paying one organisation for a result that others largely "
                "decide puts money on chance rather than effort.</p>"
                "<p>Volumes matter as much as outcomes. Under Transforming Rehabilitation, the "
                "amount of work the Community Rehabilitation Companies received ran between "
                "16% and 48% below plan, even as caseloads went up by a fifth [NAO 2017]. Whatever the "
                "reasons, these were changes the providers did not control, yet they shaped "
                "both their income and their costs.</p>",
            ),
            ("heading", {"text": "Attribution after the event", "level": "h2"}),
            (
                "text",
                "<p>Attribution also matters when judging a programme afterwards. The national "
                "evaluation of Troubled Families brought together a large body of evidence "
                "[Day et al. 2016]. Even so, the Public Accounts Committee found that the "
                "evaluation of the £448m programme, which worked with 120,000 families, could "
                "not attribute any impact to it, and that it was published about a year late "
                "[PAC 2016]. Without a credible comparison, it is impossible to say whether "
                "payments rewarded real change or changes that would have happened anyway.</p>",
            ),
            (
                "for_commissioners",
                "<ul>"
                "<li>Agree a baseline or comparison group before you set prices, and test it "
                "against current conditions rather than past ones.</li>"
                "<li>Pay only for outcomes the provider can substantially influence.</li>"
                "<li>Include a clause to review prices or volumes if the economy or policy "
                "changes sharply.</li>"
                "<li>Plan how you will show, afterwards, what difference the service made.</li>"
                "</ul>",
            ),
            (
                "for_providers",
                "<p>Ask how the baseline was set and on what data. If your payments depend on "
                "outcomes shaped by the economy or by other agencies, say so during "
                "procurement and ask for protection, such as a volume adjustment clause. Keep "
                "your own records of referrals and caseloads so you can show when the "
                "conditions you bid on have changed.</p>",
            ),
        ],
    },
    # ------------------------------------------------------------------ pricing
    {
        "slug": "pricing",
        "title": "Pricing outcomes: paying enough, but not too much",
        "summary": "Setting the price of an outcome is one of the hardest parts of payment "
        "by results. If the price is too high, the taxpayer pays more than necessary; if it "
        "is too low, no one bids, or providers concentrate on the people who are easiest to "
        "help and leave the rest. The Work Programme shows how optimistic assumptions and "
        "poorly calibrated payment groups can leave the people with the greatest needs no "
        "better off. Pricing works better when it rests on realistic baselines, reflects "
        "differences in need and does not put everything on a single final result.",
        "key_messages": [
            "Base prices on a realistic estimate of what would happen anyway and of the cost "
            "of helping the hardest cases.",
            "Pay more for people who need more help, and check that the difference is large "
            "enough to matter.",
            "Treat bids that promise very high performance at a deep discount with caution.",
            "Use some up-front and progress payments rather than one all-or-nothing payment.",
        ],
        "evidence_strength": "moderate",
        "sectors": ["worklessness", "general", "voluntary-sector"],
        "themes": ["pricing", "gaming-cream-skimming-and-parking"],
        "references": [
            ("nao-2015", "NAO 2015", ""),
            ("webster-2016", "Webster 2016", ""),
            ("nao-2014-work-programme", "NAO 2014", ""),
            ("nao-2012-work-programme", "NAO 2012", ""),
            ("rees-2014", "Rees et al. 2014", ""),
            ("ncvo-2014", "NCVO 2014", ""),
        ],
        "body": [
            ("heading", {"text": "The pricing dilemma", "level": "h2"}),
            (
                "text",
                "<p>The NAO describes the basic tension. Pay too much for each outcome and "
                "the public overpays; pay too little and providers will not bid. A badly "
                "designed price also changes behaviour: it pushes providers towards the "
                "clients who are cheapest to help [NAO 2015]. Webster's review found the same "
                "pattern from the other side, noting that when contracts are under-priced, the "
                "harder cases tend to be parked with little support [Webster 2016].</p>",
            ),
            ("heading", {"text": "Lessons from the Work Programme", "level": "h2"}),
            (
                "text",
                "<p>The Work Programme is one of the most studied examples of outcome pricing "
                "in the UK. Its results fell short of every expectation set for it "
                "[NAO 2014].</p>",
            ),
            (
                "table",
                {
                    "caption": "Work Programme job outcomes: expected and achieved (NAO 2014)",
                    "columns": ["Measure", "Job outcome rate"],
                    "rows": [
                        ["Achieved", "27%"],
                        ["Department's forecast", "39%"],
                        ["Minimum expected level", "33%"],
                        ["Level promised by bidders", "42%"],
                    ],
                },
            ),
            (
                "text",
                "<p>When the programme began, the NAO had reported that bidders were offering "
                "around 38% performance while also cutting their prices by about 6%, which "
                "left them exposed to financial risk [NAO 2012]. The two NAO reports give "
                "different figures for what bidders promised, which may reflect different "
                "groups or measures; either way, both were well above what was achieved. "
                "The programme did end up £41m, or 2%, "
                "cheaper than the schemes it replaced [NAO 2015]. But the saving came with a "
                "cost to people who needed more help: there was no improvement for "
                "harder-to-help groups, and the planned spending on them was reduced "
                "[NAO 2014].</p>"
                "<p>The programme did pay more for some groups than others. Research found "
                "that this was not enough: creaming and parking were common and were "
                "a product of the design itself, pushed along by cost pressures and by payment differences "
                "that did not match the real cost of helping people [Rees et al. 2014].</p>",
            ),
            (
                "key_finding",
                {
                    "heading": "Differential payments must reflect real differences in need",
                    "text": "<p>Paying more for harder cases only protects them if the extra "
                    "payment covers the extra effort. In the Work Programme it did not, and "
                    "the people furthest from work saw no benefit [Rees et al. 2014] "
                    "[NAO 2014].</p>",
                },
            ),
            ("heading", {"text": "How payments are structured", "level": "h2"}),
            (
                "text",
                "<p>The shape of the payment matters as well as the amount. Research with "
                "voluntary organisations found that payments triggered only by a single "
                "yes-or-no result caused real problems, and that payments were often too low "
                "for work with the people hardest to help. It recommends paying part of the "
                "contract value up front and paying for intermediate outcomes along the way "
                "[NCVO 2014].</p>"
                "<p>Other pricing models have been suggested. One, a “bell curve” approach "
                "credited to the think tank Reform, is sometimes mentioned, but we have not "
                "been able to verify its source, so we do not describe or recommend it "
                "here.</p>",
            ),
            (
                "quotation",
                {
                    "quote": "Get the price wrong in either direction and someone loses: the "
                    "public purse if it is too high, and the service itself if it is too low "
                    "to attract a bid.",
                    "source": "Paraphrasing the National Audit Office (2015)",
                },
            ),
            (
                "for_commissioners",
                "<ul>"
                "<li>Build prices from a current, realistic baseline, not an optimistic "
                "forecast.</li>"
                "<li>Decide how much of the contract value is at risk; a smaller share is "
                "easier for providers to carry.</li>"
                "<li>Set higher payments for people with greater needs, using more than one "
                "indicator of need.</li>"
                "<li>Include up-front and progress payments.</li>"
                "<li>Question bids that promise much more than your own forecast for much "
                "less money.</li>"
                "</ul>",
            ),
            (
                "for_providers",
                "<p>Cost the service for the people you expect to find hardest to help, not "
                "the average. Resist the pressure to promise more for less in order to win: "
                "Work Programme bidders who did so took on significant financial risk "
                "[NAO 2012]. If the payment for complex cases does not cover the work, say so "
                "before you sign.</p>",
            ),
        ],
    },
    # ------------------------------------------------------------------ risk and cash flow
    {
        "slug": "risk-transfer-and-cash-flow",
        "title": "Risk transfer and cash flow: who pays while results are awaited?",
        "summary": "Payment by results moves financial risk from the commissioner to the "
        "provider, who has to fund the service for months before outcomes are confirmed and "
        "paid. Many voluntary organisations have little working capital and little appetite "
        "for that risk, and some have subsidised the work or borrowed to keep going. When "
        "volumes or policy change, risk that providers cannot carry tends to come back to "
        "the commissioner, as the Transforming Rehabilitation contracts showed.",
        "key_messages": [
            "Test whether providers can carry delayed payment before you go to procurement.",
            "Outcome payments are not the only financial risk: changes in volumes can matter "
            "just as much.",
            "Include a clause to adjust for volumes that differ sharply from plan.",
            "Risk that providers cannot bear does not disappear; it returns to the "
            "commissioner and to service users.",
        ],
        "evidence_strength": "moderate",
        "sectors": ["probation", "voluntary-sector", "general"],
        "themes": ["risk-transfer-and-cash-flow", "market-and-smaller-providers"],
        "references": [
            ("nao-2015", "NAO 2015", ""),
            ("ncvo-2013", "NCVO 2013", ""),
            ("audit-commission-2012", "Audit Commission 2012", ""),
            ("nao-2017", "NAO 2017", ""),
            ("pac-2019", "PAC 2019", ""),
            ("nao-2019", "NAO 2019", ""),
        ],
        "body": [
            ("heading", {"text": "Why cash flow matters", "level": "h2"}),
            (
                "text",
                "<p>Under a conventional contract, the provider is paid as it delivers. Under "
                "payment by results, some or all of the money arrives only after an outcome "
                "has happened and been checked, which may be many months later. In the "
                "meantime, staff, premises and support still have to be paid for. The longer "
                "it takes to verify an outcome, the bigger the gap a provider has to "
                "fund.</p>"
                "<p>The NAO found that charities often have little working capital and a "
                "limited appetite for risk. It advises commissioners to find out who is in the "
                "supply chain and how much risk they will take on before procurement begins [NAO 2015]. "
                "The Audit Commission included sound financing among its five principles for "
                "local schemes [Audit Commission 2012].</p>",
            ),
            (
                "key_finding",
                {
                    "heading": "Providers have been subsidising outcome contracts",
                    "text": "<p>A legal analysis of payment by results contracts found that "
                    "providers were subsidising the work from other funds or borrowing to "
                    "cover it [NCVO 2013]. That is a hidden cost, and it is not one that "
                    "small organisations can sustain for long.</p>",
                },
            ),
            ("heading", {"text": "When the ground shifts: Transforming Rehabilitation", "level": "h2"}),
            (
                "text",
                "<p>Under Transforming Rehabilitation, much of probation's work was contracted "
                "to Community Rehabilitation Companies. The NAO noted in a separate 2016 "
                "report that only about a tenth of the payment depended on "
                "results. Even so, the contracts ran into serious financial trouble.</p>",
            ),
            (
                "table",
                {
                    "caption": "Transforming Rehabilitation: how the contracts unravelled",
                    "columns": ["What happened", "Figure", "Source"],
                    "rows": [
                        ["Volume of work compared with plan", "16% to 48% lower", "NAO 2017"],
                        ["Change in caseloads", "20% higher", "NAO 2017"],
                        ["Losses forecast by the companies", "£443m", "PAC 2019"],
                        ["Contracts ended ahead of schedule", "14 months early", "NAO 2019"],
                    ],
                },
            ),
            (
                "text",
                "<p>Volumes of work fell well below plan while caseloads grew [NAO 2017]. The "
                "companies forecast losses of £443m [PAC 2019], and the contracts were brought "
                "to an end 14 months early [NAO 2019]. The lesson for smaller schemes is that "
                "the outcome payment was not the only source of financial risk. Providers' "
                "income also depended on how much work came through the door, and that was "
                "largely outside their control.</p>"
                "<p>When a provider cannot absorb its losses, the risk does not simply vanish. "
                "The commissioner has to renegotiate, step in or re-procure, and service users "
                "may face disruption along the way.</p>",
            ),
            (
                "quotation",
                {
                    "quote": "Many charities have little spare cash and little appetite for "
                    "risk, so find out what providers can carry before you go to market, not "
                    "after.",
                    "source": "Paraphrasing the National Audit Office (2015)",
                },
            ),
            (
                "for_commissioners",
                "<ul>"
                "<li>Ask providers before procurement whether they could carry six to twelve "
                "months of delayed payment.</li>"
                "<li>Find out who is in the supply chain, including subcontractors, and how "
                "much risk each can take on.</li>"
                "<li>Keep the share of payment at risk proportionate to what providers can "
                "bear.</li>"
                "<li>Add a clause to adjust payments if volumes move far from plan.</li>"
                "<li>Have a plan for what happens if a provider cannot continue.</li>"
                "</ul>",
            ),
            (
                "for_providers",
                "<p>Model your cash flow before you bid: how long could you fund the service "
                "if outcome payments were delayed or lower than expected? Check whether the "
                "contract protects you if referrals fall or caseloads rise. Be wary of "
                "quietly subsidising the contract from other income; if you need to, tell "
                "the commissioner, because it suggests the price or structure is wrong "
                "[NCVO 2013].</p>",
            ),
        ],
    },
    # ------------------------------------------------------------------ innovation
    {
        "slug": "innovation-and-the-black-box",
        "title": "Innovation and the “black box”: freedom that has rarely led to new ideas",
        "summary": "One argument for payment by results is that if commissioners pay for "
        "outcomes and leave providers free to decide how to achieve them (the “black box”), "
        "providers will find new and better ways of working. The evidence for this is thin. "
        "Payment by results has often been added to detailed specifications that leave "
        "little freedom, tight prices and unstable arrangements push providers towards "
        "methods they already know, and much of the “innovation” reported in the Work "
        "Programme was about cutting costs.",
        "key_messages": [
            "Innovation is a commonly claimed benefit of payment by results, but there is "
            "little evidence that it happens.",
            "Freedom to innovate needs a specification that does not prescribe how the work "
            "is done.",
            "Tight margins and instability make providers cautious.",
            "If innovation is the main goal, make it the main goal, and fund and evaluate it "
            "directly.",
        ],
        "evidence_strength": "limited",
        "sectors": ["general", "voluntary-sector", "worklessness"],
        "themes": ["innovation-and-the-black-box", "commissioner-capability"],
        "references": [
            ("nao-2015", "NAO 2015", ""),
            ("webster-2016", "Webster 2016", ""),
            ("ncvo-2013", "NCVO 2013", ""),
            ("ncvo-2014", "NCVO 2014", ""),
            ("mason-lloyd-nash-2017", "Mason et al. 2017", ""),
            ("pearce-2015", "Pearce et al. 2015", ""),
        ],
        "body": [
            ("heading", {"text": "The promise of the black box", "level": "h2"}),
            (
                "text",
                "<p>In a “black box” contract, the commissioner says what result it wants and "
                "leaves the provider to decide how to get there. The idea is that people "
                "closest to the work, freed from detailed rules, will try new approaches and "
                "keep those that work. Innovation was one of the six benefits claimed for "
                "payment by results that the NAO examined [NAO 2015].</p>"
                "<p>Webster's review suggests treating innovation as a choice rather than a "
                "by-product. A scheme designed mainly to improve outcomes or to save money is "
                "not necessarily one that will encourage new ideas, and trying to do all three "
                "at once tends to fail [Webster 2016].</p>",
            ),
            ("heading", {"text": "What happened in practice", "level": "h2"}),
            (
                "text",
                "<p>The box was often not very black. A legal analysis of contracts found "
                "payment by results added on top of prescriptive specifications that already "
                "told providers how to work. Oversight was heavy-handed, and difficulties were "
                "kept quiet [NCVO 2013]. Providers in that position have the risk of an "
                "outcome contract without the freedom that is supposed to justify it.</p>"
                "<p>Pricing matters too. Webster found that tight prices keep providers using "
                "methods they already trust, because an untested approach that fails could "
                "cost them money. In the Work Programme, much of what was described as "
                "innovation turned out to be about delivering more cheaply [Webster 2016]. "
                "Research with voluntary organisations found that instability in funding and "
                "contracts also made providers more averse to risk [NCVO 2014].</p>",
            ),
            (
                "key_finding",
                {
                    "heading": "",
                    "text": "<p>Where payment by results has been studied, freedom over delivery "
                    "was often limited in practice, and tight prices encouraged providers to "
                    "play safe. Innovation in the Work Programme was mostly about cost "
                    "efficiency rather than new ways of helping people [Webster 2016].</p>",
                },
            ),
            ("heading", {"text": "Using the freedom", "level": "h2"}),
            (
                "text",
                "<p>Some schemes did give providers room to choose their approach. In the "
                "London Homelessness social impact bond, the two providers used a "
                "“navigator” model with their group of rough sleepers [Mason et al. 2017]. "
                "This is the kind of delivery choice the black box is meant to allow. The "
                "evidence summarised here does not tell us whether it worked better than "
                "other approaches would have, which is itself a reminder that innovation "
                "needs to be evaluated, not assumed.</p>"
                "<p>Process evaluations, which look at how a scheme was set up and delivered, "
                "are one place to look for evidence about new ways of working. The final "
                "process evaluation of the payment by results pilot at HMP Doncaster is an "
                "example from criminal justice [Pearce et al. 2015].</p>",
            ),
            ("heading", {"text": "Making room for new ideas", "level": "h2"}),
            (
                "text",
                "<p>If commissioners want innovation, the research points to a few "
                "conditions. The specification should describe outcomes, not methods. "
                "Monitoring should focus on results and safety rather than on checking that "
                "each step was followed. Prices should leave some margin for trying things "
                "that may not work, and contracts should be stable enough that providers can "
                "plan. Some payment up front, as NCVO recommends, can help fund the early "
                "stages [NCVO 2014].</p>",
            ),
            (
                "for_commissioners",
                "<ul>"
                "<li>Decide whether innovation is really your main aim; if not, do not rely on "
                "payment by results to produce it.</li>"
                "<li>Remove delivery rules from the specification that are not needed for "
                "safety or quality.</li>"
                "<li>Keep monitoring proportionate, and make it safe for providers to report "
                "problems.</li>"
                "<li>Fund an evaluation that can tell new approaches from cost-cutting.</li>"
                "</ul>",
            ),
            (
                "for_providers",
                "<p>If you are offered a black-box contract, check that the specification and "
                "monitoring really leave you free to choose your approach. Be open about what "
                "is new in your model and how you will know if it works. If the price leaves "
                "no margin to test anything untried, tell the commissioner that the contract "
                "is unlikely to deliver innovation.</p>",
            ),
        ],
    },
    # ------------------------------------------------------------------ gaming, creaming, parking
    {
        "slug": "gaming-cream-skimming-and-parking",
        "title": "Gaming, creaming and parking: when the payment rules choose the clients",
        "summary": "When the payment for an outcome does not reflect the effort needed to "
        "achieve it, providers have a financial reason to focus on people who are likely to "
        "succeed anyway (creaming) and to give little help to those who are not (parking). "
        "Several studies of the Work Programme found that this was common and stemmed from "
        "the design, and the drug and alcohol recovery pilots saw fewer people completing "
        "treatment. These are predictable responses to incentives, so they need to be "
        "designed out and monitored, not just deplored.",
        "key_messages": [
            "Creaming and parking are predictable responses to payment design, not simply "
            "bad behaviour by providers.",
            "Higher payments for harder cases help only if they match the real extra cost; "
            "previous benefit type alone was not a good enough guide.",
            "Monitor who is being helped and who is being left behind.",
            "Measuring results for a whole cohort, not just those who engage, reduces the "
            "scope to pick and choose.",
        ],
        "evidence_strength": "moderate",
        "sectors": ["worklessness", "substance-misuse", "general"],
        "themes": ["gaming-cream-skimming-and-parking", "pricing", "quality-and-vulnerable-service-users"],
        "references": [
            ("rees-2014", "Rees et al. 2014", ""),
            ("carter-whitworth-2015", "Carter and Whitworth 2015", ""),
            ("nao-2014-work-programme", "NAO 2014", ""),
            ("nao-2015", "NAO 2015", ""),
            ("webster-2016", "Webster 2016", ""),
            ("mason-2015-addiction", "Mason et al. 2015", ""),
        ],
        "body": [
            ("heading", {"text": "What the terms mean", "level": "h2"}),
            (
                "text",
                "<p><b>Creaming</b> (or cream-skimming) means concentrating effort on the people "
                "most likely to produce a paid outcome. <b>Parking</b> means giving minimal "
                "help to people who seem unlikely to succeed. <b>Gaming</b> is a wider term for "
                "any way of meeting the letter of the payment rules without achieving their "
                "purpose, such as timing or recording results to trigger payments.</p>"
                "<p>None of this requires bad intent. If a provider is losing money on a "
                "contract, putting its limited resources where they earn income can look like "
                "the only way to stay afloat.</p>",
            ),
            ("heading", {"text": "The Work Programme", "level": "h2"}),
            (
                "text",
                "<p>The Work Programme paid more for some groups of jobseekers than others, "
                "to encourage providers to help people further from work. Research found that "
                "creaming and parking were nonetheless common, and were a product of the "
                "design itself. Pressure on costs, combined with payment differences that did not "
                "match the real cost of helping people, made it rational to focus on those "
                "closest to a job [Rees et al. 2014].</p>"
                "<p>Part of the problem was how people were grouped. The programme's nine "
                "payment groups depended solely on the benefit a person had previously been "
                "claiming [Carter and Whitworth 2015], which says little about the barriers "
                "an individual faces. The NAO found no improvement for harder-to-help groups "
                "and noted that planned spending on them had been cut [NAO 2014].</p>",
            ),
            (
                "key_finding",
                {
                    "heading": "Several sources agree",
                    "text": "<p>Independent research and the NAO reached the same conclusion "
                    "about the Work Programme: its payment design did not protect the people "
                    "hardest to help, and they gained nothing from it [Rees et al. 2014] "
                    "[NAO 2014].</p>",
                },
            ),
            ("heading", {"text": "Beyond employment", "level": "h2"}),
            (
                "text",
                "<p>The same risk appears in other services. The NAO warns that poorly designed "
                "payments lead providers to favour easier clients [NAO 2015], and Webster "
                "found that under-priced contracts lead to harder cases being parked "
                "[Webster 2016]. In the drug and alcohol recovery pilots, fewer people "
                "completed treatment and more people declined it [Mason et al. 2015]. That "
                "study does not show that providers deliberately turned people away, but it "
                "does show that the people the service is meant for can lose out when "
                "incentives change.</p>",
            ),
            ("heading", {"text": "Designing it out", "level": "h2"}),
            (
                "text",
                "<p>Some design choices reduce the room for creaming. The Peterborough social "
                "impact bond measured results for everyone in each cohort, even though taking "
                "part was voluntary, so there was no gain in leaving anyone out (Ministry of "
                "Justice results, 2014). Other options include payments that rise with "
                "assessed need rather than benefit type, limits on how many referrals a "
                "provider can decline, and regular checks on what happens to people who do "
                "not reach a paid outcome.</p>",
            ),
            (
                "quotation",
                {
                    "quote": "If the extra payment for a harder case does not cover the extra "
                    "work, providers under cost pressure will put their effort where the "
                    "money is.",
                    "source": "Paraphrasing the findings of Rees, Whitworth and Carter (2014)",
                },
            ),
            (
                "for_commissioners",
                "<ul>"
                "<li>Measure outcomes across the whole referred cohort, not only those who "
                "engage.</li>"
                "<li>Base higher payments on a proper assessment of need.</li>"
                "<li>Monitor who is being turned away, waiting or getting little support.</li>"
                "<li>Check that prices are high enough to make work with complex cases "
                "viable.</li>"
                "</ul>",
            ),
            (
                "for_providers",
                "<p>Record the support you give to people who do not reach a paid outcome, so "
                "you can show they were not parked. If the payment for people with complex "
                "needs does not cover the work, raise it early and in writing. Be open with "
                "commissioners about pressures to prioritise; they may be able to change the "
                "payment design.</p>",
            ),
        ],
    },
    # ------------------------------------------------------------------ quality and vulnerable users
    {
        "slug": "quality-and-vulnerable-service-users",
        "title": "Quality and people with complex needs: protecting those hardest to help",
        "summary": "Payment by results can improve the measures it rewards while making other "
        "things worse for the people a service exists to help. The clearest evidence comes "
        "from the drug and alcohol recovery pilots, where three studies found gains on some "
        "measures alongside fewer people starting or completing treatment. Payments have "
        "often been too low for work with people with complex needs, and service users have "
        "had little say in how schemes were designed.",
        "key_messages": [
            "Improvements on a paid measure can hide losses elsewhere, such as fewer people "
            "getting into treatment.",
            "Payments need to be high enough to make work with complex needs viable.",
            "Outcomes that span housing, health and employment reflect people's lives better "
            "than a single target.",
            "Involve people with lived experience in designing the outcomes and the service.",
        ],
        "evidence_strength": "moderate",
        "sectors": ["substance-misuse", "homelessness", "criminal-justice"],
        "themes": ["quality-and-vulnerable-service-users", "gaming-cream-skimming-and-parking"],
        "references": [
            ("mason-2015-addiction", "Mason et al. 2015", ""),
            ("jones-2018", "Jones et al. 2018", ""),
            ("donmall-2017", "Donmall et al. 2017", ""),
            ("ncvo-2014", "NCVO 2014", ""),
            ("mason-lloyd-nash-2017", "Mason et al. 2017", ""),
        ],
        "body": [
            ("heading", {"text": "The drug and alcohol recovery pilots", "level": "h2"}),
            (
                "text",
                "<p>The national pilots that paid drug and alcohol recovery services for "
                "outcomes have been studied in some depth. Three studies looked at them from "
                "different angles, and together they give a "
                "mixed and cautionary picture.</p>",
            ),
            (
                "table",
                {
                    "caption": "Drug and alcohol recovery pilots: what three studies found",
                    "columns": ["Study", "Main findings"],
                    "rows": [
                        ["Mason et al. 2015", "Fewer people completed treatment and more "
                         "people declined it"],
                        ["Jones et al. 2018", "More people abstinent while in treatment, but "
                         "fewer people starting and completing treatment"],
                        ["Donmall et al. 2017", "The payment model was expensive and delayed "
                         "people's entry into treatment"],
                    ],
                },
            ),
            (
                "text",
                "<p>One study found fewer completions and more people turning treatment down "
                "[Mason et al. 2015]. Another found that more of the people in treatment were "
                "abstinent, but fewer people started or completed treatment in the first place "
                "[Jones et al. 2018]. The final evaluation judged the model expensive and found "
                "that it slowed down entry into treatment [Donmall et al. 2017].</p>",
            ),
            (
                "key_finding",
                {
                    "heading": "Gains for some, less access for others",
                    "text": "<p>Better results among people already in treatment were offset by "
                    "fewer people getting into treatment or finishing it [Jones et al. 2018]. "
                    "For a service that exists to reach people with serious problems, access "
                    "is itself an outcome that needs protecting.</p>",
                },
            ),
            ("heading", {"text": "Paying enough for complex needs", "level": "h2"}),
            (
                "text",
                "<p>People with several overlapping problems, such as addiction, homelessness "
                "and a history of offending, usually need more time and support. Research with "
                "voluntary organisations found that outcome payments were often too low to "
                "support work with the people hardest to help [NCVO 2014]. When that happens, "
                "the quality of support for those people is the first thing to suffer.</p>"
                "<p>Paying more for people with greater needs is one answer, but only if the "
                "difference reflects the real extra cost. Tracking who is referred, who "
                "starts, who declines and who finishes gives early warning if a payment model "
                "is pushing people with complex needs to the back of the queue.</p>",
            ),
            ("heading", {"text": "Designing around people's lives", "level": "h2"}),
            (
                "text",
                "<p>The London Homelessness social impact bond worked with 831 rough sleepers "
                "and paid for a range of results: less rough sleeping, moves into "
                "accommodation, reconnection, employment and lower use of A&amp;E [Mason et "
                "al. 2017]. Paying across several areas of a person's life, rather than a "
                "single yes-or-no target, recognises that progress for people with complex "
                "needs is rarely straightforward.</p>"
                "<p>Service users' own voices have often been missing. A 2019 review by the "
                "Government Outcomes Lab found that Transforming Rehabilitation gave people "
                "with convictions no voice. In Clinks's 2018 TrackTR survey of 132 charities, "
                "nearly two-thirds said that service users were worse off under the "
                "reforms.</p>",
            ),
            (
                "for_commissioners",
                "<ul>"
                "<li>Track access (referrals, starts and people declining) as well as paid "
                "outcomes.</li>"
                "<li>Set higher payments for people with complex needs, and test whether they "
                "cover the real cost.</li>"
                "<li>Involve people with lived experience in choosing outcomes and designing "
                "the service.</li>"
                "<li>Consider paying across several outcomes rather than one.</li>"
                "</ul>",
            ),
            (
                "for_providers",
                "<p>Keep records of quality and access, not just the outcomes you are paid "
                "for, so you can show the full picture. Bring service users into "
                "conversations with the commissioner. If the payment model is putting "
                "people off treatment or delaying support, say so with evidence; the drug "
                "pilot research shows these effects are real [Donmall et al. 2017].</p>",
            ),
        ],
    },
    # ------------------------------------------------------------------ measurement
    {
        "slug": "measurement-binary-versus-frequency",
        "title": "Measuring outcomes: yes-or-no results versus counting change",
        "summary": "An outcome can be measured as a yes-or-no result (did the person reoffend "
        "or not?) or as a count of how often something happens (how many offences?). Binary "
        "measures are simple but give no credit for partial progress and can encourage "
        "providers to focus on people near the line. Frequency measures reward reductions "
        "but are more complex to set up and verify. Research with voluntary organisations "
        "found all-or-nothing payments problematic, and the Peterborough social impact bond "
        "shows how a frequency measure works in practice.",
        "key_messages": [
            "A binary measure pays only when a threshold is crossed; a frequency measure pays "
            "for reductions in how often something happens.",
            "All-or-nothing payments cause problems for providers; intermediate and up-front "
            "payments help.",
            "Thresholds matter: a real improvement can still fall short of a payment "
            "trigger.",
            "Whatever the measure, it should be clear, checkable from existing data and "
            "meaningful to staff and service users.",
        ],
        "evidence_strength": "limited",
        "sectors": ["criminal-justice", "social-impact-bonds", "general"],
        "themes": ["measurement", "clear-purpose-and-outcomes"],
        "references": [
            ("ncvo-2014", "NCVO 2014", ""),
            ("webster-2016", "Webster 2016", ""),
            ("nao-2015", "NAO 2015", ""),
            ("carter-whitworth-2015", "Carter and Whitworth 2015", ""),
            ("cabinet-office-2013", "Cabinet Office 2013", ""),
            ("fox-albertson-2011", "Fox and Albertson 2011", ""),
        ],
        "body": [
            ("heading", {"text": "Two ways of counting", "level": "h2"}),
            (
                "text",
                "<p>Take reoffending as an example. A <b>binary</b> measure asks a yes-or-no "
                "question: did each person reoffend within the follow-up period? The result "
                "is the share of people who did. A <b>frequency</b> measure counts how many "
                "offences or reconvictions the group had in total, so a person who offends "
                "less often than before still counts as progress.</p>"
                "<p>Both have their place. Binary measures are easy to explain and check. "
                "Frequency measures capture partial progress, which matters for people whose "
                "lives are chaotic and whose recovery is rarely a single step.</p>",
            ),
            ("heading", {"text": "The trouble with all-or-nothing payments", "level": "h2"}),
            (
                "text",
                "<p>Research with voluntary organisations found that payments depending on a "
                "single yes-or-no result caused real difficulties, and recommended a mix of "
                "up-front payments and payments for intermediate outcomes [NCVO 2014]. A "
                "binary trigger gives nothing for someone who has cut their offending by "
                "half, and it gives providers a reason to concentrate on people just short of "
                "the line.</p>"
                "<p>How people are grouped for payment is a measurement choice too. In the "
                "Work Programme, the nine payment groups were defined only by the benefit "
                "people had claimed before [Carter and Whitworth 2015], a narrow measure of "
                "how much help they needed.</p>",
            ),
            ("heading", {"text": "Counting change: the Peterborough example", "level": "h2"}),
            (
                "text",
                "<p>The Peterborough social impact bond paid on the number of reconviction "
                "events, compared with a matched comparison group, across two cohorts of "
                "1,000 people. Taking part was voluntary, but results were measured for the "
                "whole cohort. The figures below come from the Ministry of Justice's "
                "published results (2014) and Social Finance's final report (2017).</p>",
            ),
            (
                "table",
                {
                    "caption": "Peterborough social impact bond: headline results (Ministry of "
                    "Justice 2014; Social Finance 2017)",
                    "columns": ["Measure", "Result", "Threshold"],
                    "rows": [
                        ["First cohort: reconviction events per 100 people", "142, against 155 "
                         "in the comparison group (8.4% fewer)", "10% reduction needed for an "
                         "early payment"],
                        ["Final result", "9% fewer reconviction events", "7.5% reduction "
                         "target"],
                    ],
                },
            ),
            (
                "text",
                "<p>The 17 foundations that invested £5m got their money back plus a return "
                "of just over 3% a year. The pilot was ended early when Transforming "
                "Rehabilitation was introduced.</p>",
            ),
            (
                "key_finding",
                {
                    "heading": "Thresholds shape what counts as success",
                    "text": "<p>The first Peterborough cohort achieved a real reduction in "
                    "reconvictions of 8.4%, but this fell short of the 10% needed for an early "
                    "payment. A frequency measure captured the progress; the choice of "
                    "threshold decided whether it was paid for.</p>",
                },
            ),
            ("heading", {"text": "Keeping measures meaningful", "level": "h2"}),
            (
                "text",
                "<p>Whatever type of measure is used, the NAO found that payment by results "
                "works best when results are measurable and can be credited to the provider "
                "[NAO 2015]. Webster recommends outcomes that are clearly understood and "
                "checked against data that is already collected, and warns that milestone "
                "payments make contracts more complicated and can turn attention towards the indicators "
                "[Webster 2016]. Government guidance on gathering data for social impact "
                "bonds covers the practical side of finding that information [Cabinet Office "
                "2013]. For a wider discussion of what these contracts in criminal justice "
                "demand of the evidence, see [Fox and Albertson 2011].</p>",
            ),
            (
                "for_commissioners",
                "<ul>"
                "<li>Decide whether partial progress matters for your service; if it does, "
                "consider a frequency measure.</li>"
                "<li>Check that the data you need already exists and can be verified in a "
                "reasonable time.</li>"
                "<li>Set thresholds with care, and test what results would and would not be "
                "paid for.</li>"
                "<li>Keep the number of payment triggers small.</li>"
                "</ul>",
            ),
            (
                "for_providers",
                "<p>Ask how each outcome will be counted, over what period and against what "
                "comparison. If the measure is yes-or-no, ask how progress short of the "
                "threshold will be recognised, for example through intermediate payments "
                "[NCVO 2014]. Make sure your staff understand the measures and can see why "
                "they matter.</p>",
            ),
        ],
    },
    # ------------------------------------------------------------------ evaluation
    {
        "slug": "evaluation-and-the-evidence-base",
        "title": "Evaluation and the evidence base: why we still cannot say whether payment by results works",
        "summary": "Government has committed at least £15bn through payment by results, yet "
        "the research does not give a clear verdict on whether it works. Schemes have rarely "
        "been monitored centrally, some evaluations were planned too late to shape the design "
        "or lacked randomisation, and some could not show any effect that could be credited "
        "to the scheme. The lesson for "
        "commissioners is to plan and fund independent evaluation from the start, and to test "
        "whether the reasons for choosing payment by results actually held.",
        "key_messages": [
            "After more than 90 studies, there is still no overall verdict on whether "
            "payment by results works.",
            "No one has monitored payment by results schemes across government, so lessons "
            "are easily lost.",
            "Evaluation needs to be designed in from the start, with a credible comparison "
            "group.",
            "Test whether the reasons for choosing payment by results turned out to be "
            "true, not just whether outcomes changed.",
        ],
        "evidence_strength": "moderate",
        "sectors": ["general", "troubled-families", "substance-misuse"],
        "themes": ["evaluation-and-evidence", "attribution-and-external-factors"],
        "references": [
            ("nao-2015", "NAO 2015", ""),
            ("webster-2016", "Webster 2016", ""),
            ("icf-2015", "ICF 2015", ""),
            ("albertson-2018", "Albertson et al. 2018", ""),
            ("pac-2016", "PAC 2016", ""),
            ("battye-2015", "Battye 2015", ""),
        ],
        "body": [
            ("heading", {"text": "A large investment, a thin evidence base", "level": "h2"}),
            (
                "text",
                "<p>The NAO found at least £15bn of public spending across 52 payment by "
                "results schemes. No one was monitoring them centrally, so each new scheme "
                "risked repeating work and mistakes that others had already made "
                "[NAO 2015].</p>"
                "<p>Reviews of the research have struggled to reach firm conclusions. Webster "
                "examined more than 90 studies, 59 of them published since the start of 2013, and found no "
                "overall verdict on whether payment by results works [Webster 2016]. A review "
                "of the literature carried out by ICF for the NAO also drew the research "
                "together [ICF 2015], and a book-length treatment discusses the evidence on "
                "payment by results and social impact bonds [Albertson et al. 2018].</p>",
            ),
            (
                "key_finding",
                {
                    "heading": "No overall verdict",
                    "text": "<p>Despite a large number of schemes and studies, the evidence "
                    "does not show whether payment by results works in general [Webster "
                    "2016]. What the studies do offer is a consistent set of lessons about "
                    "design, which the other digests in this review set out.</p>",
                },
            ),
            ("heading", {"text": "Where evaluations fell short", "level": "h2"}),
            (
                "text",
                "<p>Several problems recur. In the drug and alcohol recovery pilots, the "
                "Policy Innovation Research Unit found that evaluation advice arrived after the "
                "design had been settled, and the pilots were not randomised. That makes it harder "
                "to separate the effect of the payment model from everything else that was "
                "going on.</p>"
                "<p>The Troubled Families programme is a starker example. It cost £448m and "
                "worked with 120,000 families, yet the Public Accounts Committee found that the "
                "evaluation was unable to credit any effect to it, and that the evaluation was "
                "published about a year late [PAC 2016].</p>"
                "<p>By contrast, the Peterborough social impact bond was measured against a "
                "matched comparison group, which allowed a clearer judgement about whether "
                "reconvictions had fallen because of the service (Ministry of Justice results, "
                "2014).</p>",
            ),
            ("heading", {"text": "What good evaluation looks like", "level": "h2"}),
            (
                "text",
                "<p>Battye argues that evaluations should test whether the reasoning behind "
                "each scheme actually held [Battye 2015]. If payment by results was chosen to "
                "encourage innovation, did providers in fact try new approaches? If it was "
                "chosen to move risk, did the risk stay with providers? Answering those "
                "questions is as useful to the next commissioner as knowing whether outcomes "
                "improved.</p>"
                "<p>In practice that means agreeing the evaluation before the contract is let, "
                "securing a comparison group or reliable baseline, funding an independent "
                "evaluator, and committing to publish on time, whatever the findings.</p>",
            ),
            (
                "quotation",
                {
                    "quote": "Ask not only whether outcomes improved, but whether the reasons "
                    "for choosing payment by results turned out to be true.",
                    "source": "Paraphrasing Battye (2015)",
                },
            ),
            (
                "for_commissioners",
                "<ul>"
                "<li>Involve evaluators while you design the scheme, not after it starts.</li>"
                "<li>Secure a comparison group or a reliable baseline.</li>"
                "<li>Fund an independent evaluation and set a publication date.</li>"
                "<li>Write down why you chose payment by results, so the evaluation can test "
                "it.</li>"
                "<li>Share what you learn so others do not have to start from scratch.</li>"
                "</ul>",
            ),
            (
                "for_providers",
                "<p>Ask whether an independent evaluation is planned and how you will take "
                "part. Keep good records of what you do as well as the results you achieve; "
                "that helps evaluators explain why outcomes did or did not change. Where you "
                "can, share your own learning openly with commissioners and other "
                "providers.</p>",
            ),
        ],
    },
    # ------------------------------------------------------------------ market and smaller providers
    {
        "slug": "market-and-smaller-voluntary-providers",
        "title": "Smaller voluntary organisations in payment by results markets",
        "summary": "Payment by results favours organisations with money in reserve and an "
        "appetite for risk. Many smaller charities have little working capital, and when they "
        "take part as subcontractors they work on terms set by larger prime providers. "
        "The evidence shows voluntary organisations subsidising "
        "outcome contracts, being paid on results they do not control, and, under "
        "Transforming Rehabilitation, reporting unsustainable funding.",
        "key_messages": [
            "Before procurement, find out who is in the supply chain and how much risk each provider can take on.",
            "Subcontract terms can pass risk down to those least able to bear it.",
            "Voluntary organisations have been subsidising outcome contracts from other "
            "funds.",
            "Up-front payments, intermediate outcomes and stable contracts make it easier for "
            "smaller providers to take part.",
        ],
        "evidence_strength": "moderate",
        "sectors": ["voluntary-sector", "criminal-justice", "probation"],
        "themes": ["market-and-smaller-providers", "risk-transfer-and-cash-flow"],
        "references": [
            ("nao-2015", "NAO 2015", ""),
            ("ncvo-2013", "NCVO 2013", ""),
            ("ncvo-2014", "NCVO 2014", ""),
            ("clinks-2016", "Clinks 2016", ""),
            ("pac-2019", "PAC 2019", ""),
        ],
        "body": [
            ("heading", {"text": "Why market design matters", "level": "h2"}),
            (
                "text",
                "<p>Payment by results asks providers to fund services before they are paid "
                "and to accept that some payments may never come. The NAO found that charities "
                "often have little working capital and limited appetite for that kind of "
                "risk. It recommends that commissioners work out who is in the supply chain "
                "and how much risk they will accept before procurement begins [NAO 2015].</p>"
                "<p>Research by Clinks with NCVO and TSRC looked at how far voluntary "
                "organisations in criminal justice are represented, under pressure and "
                "resourced [Clinks 2016]. How these organisations fare in outcome-based markets "
                "matters to the people they support, not only to the charities "
                "themselves.</p>",
            ),
            ("heading", {"text": "Life in the supply chain", "level": "h2"}),
            (
                "text",
                "<p>Many smaller organisations take part as subcontractors to a prime "
                "provider. A legal analysis of payment by results contracts found "
                "subcontractors being paid according to outcomes for the whole system rather "
                "than their own work, intrusive monitoring, and problems going unreported. "
                "Providers were subsidising the work or borrowing to cover it [NCVO 2013].</p>",
            ),
            (
                "key_finding",
                {
                    "heading": "",
                    "text": "<p>Voluntary organisations have been covering the gap between what "
                    "outcome contracts pay and what services cost, using other income or "
                    "loans [NCVO 2013]. This is not sustainable, and it hides the true cost of "
                    "the service from commissioners.</p>",
                },
            ),
            ("heading", {"text": "Transforming Rehabilitation and the voluntary sector", "level": "h2"}),
            (
                "text",
                "<p>Clinks's TrackTR survey (2018) heard from 132 charities working under "
                "Transforming Rehabilitation. Half described their funding as unsustainable, "
                "a third were subsidising delivery, and nearly two-thirds said service users "
                "were worse off. The Community Rehabilitation Companies themselves were "
                "forecasting losses of £443m [PAC 2019], and a 2019 review by the Government "
                "Outcomes Lab pointed to under-bidding and weak scrutiny of bids.</p>"
                "<p>When prime providers are under financial strain, the pressure tends to "
                "travel down the supply chain to the smallest organisations.</p>",
            ),
            ("heading", {"text": "Making room for smaller providers", "level": "h2"}),
            (
                "text",
                "<p>NCVO's research points to practical steps. Some payment up front and "
                "payments for intermediate outcomes reduce the cash-flow burden. Payments need "
                "to be high enough for work with the people hardest to help, and stable "
                "arrangements make it easier for providers to plan and take measured risks "
                "[NCVO 2014].</p>"
                "<p>Commissioners can also act before the contract is let. Talking to "
                "smaller providers early shows what they could realistically carry, such as "
                "whether they could fund six to twelve months of delayed payment. Setting "
                "out expectations for subcontract terms, including how payments and risk pass "
                "down the chain, helps to prevent the problems the legal analysis found. And "
                "keeping an eye on the health of the whole supply chain during the contract, "
                "not just the prime provider, gives early warning if smaller organisations "
                "are struggling.</p>",
            ),
            (
                "for_commissioners",
                "<ul>"
                "<li>Talk to smaller providers before procurement about what they could "
                "realistically carry.</li>"
                "<li>Set expectations for fair subcontract terms, including how risk and "
                "payments pass down the chain.</li>"
                "<li>Consider lots or grant elements suited to smaller organisations.</li>"
                "<li>Ask primes to report on payments to subcontractors.</li>"
                "</ul>",
            ),
            (
                "for_providers",
                "<p>Before joining a supply chain, check whether you will be paid for your own "
                "results or for the whole system's, how quickly payments will reach you, and "
                "what happens if volumes fall. Work out how long your reserves could carry "
                "the service. Consider working with other voluntary organisations so that "
                "your collective experience is heard during procurement.</p>",
            ),
        ],
    },
    # ------------------------------------------------------------------ commissioner capability
    {
        "slug": "commissioner-capability",
        "title": "Commissioner capability: payment by results is harder than it looks",
        "summary": "Designing, pricing, verifying and managing an outcome contract takes "
        "skills, data and time. The NAO found that the costs and risks of payment by results "
        "are routinely underestimated and that pilots were often skipped. Where capability "
        "fell short, outcome payments were layered on top of detailed specifications, "
        "oversight became heavy-handed, and difficulties were kept quiet. Commissioners need to be "
        "honest about whether they have the capacity to run such a contract well.",
        "key_messages": [
            "Payment by results is technically demanding, and its costs and risks are easy to "
            "underestimate.",
            "Pilot before scaling up.",
            "Commissioners need the capacity to price outcomes, verify results and manage the "
            "market.",
            "Sound financing and proportionate monitoring are part of good design.",
        ],
        "evidence_strength": "moderate",
        "sectors": ["general", "probation", "social-impact-bonds"],
        "themes": ["commissioner-capability", "innovation-and-the-black-box"],
        "references": [
            ("nao-2015", "NAO 2015", ""),
            ("ncvo-2013", "NCVO 2013", ""),
            ("nao-2019", "NAO 2019", ""),
            ("audit-commission-2012", "Audit Commission 2012", ""),
            ("sturgess-cumming-2011", "Sturgess and Cumming 2011", ""),
            ("cabinet-office-2013", "Cabinet Office 2013", ""),
        ],
        "body": [
            ("heading", {"text": "A demanding way to buy services", "level": "h2"}),
            (
                "text",
                "<p>The NAO's review of payment by results across government found that it is "
                "technically difficult to do well. Its costs and risks tend to be "
                "underestimated, and schemes often went ahead without first being piloted "
                "[NAO 2015]. The same review found no central monitoring of schemes, so "
                "commissioners could not easily learn from one another.</p>"
                "<p>The work involved is considerable: estimating what would happen without "
                "the service, setting prices, agreeing how outcomes will be verified, "
                "engaging the market, managing the contract and commissioning an evaluation. "
                "Each of these needs data and skills that many commissioning teams do not "
                "have in-house.</p>",
            ),
            (
                "key_finding",
                {
                    "heading": "Costs and risks are underestimated",
                    "text": "<p>The NAO found that departments underestimated how hard, costly "
                    "and risky payment by results would be, and often did not pilot schemes "
                    "before launching them [NAO 2015].</p>",
                },
            ),
            ("heading", {"text": "Where capability fell short", "level": "h2"}),
            (
                "text",
                "<p>A legal analysis for NCVO found outcome payments layered on top of "
                "specifications that still prescribed how the work should be done. Monitoring "
                "was heavy-handed, and difficulties were not reported [NCVO 2013]. That suggests commissioning "
                "practice had not fully adjusted to paying for outcomes rather than "
                "activities.</p>"
                "<p>Transforming Rehabilitation shows the consequences at scale. A 2019 review "
                "by the Government Outcomes Lab pointed to under-bidding and weak scrutiny of "
                "bids, and the contracts were terminated 14 months ahead of schedule [NAO 2019].</p>",
            ),
            ("heading", {"text": "Skills and tools", "level": "h2"}),
            (
                "text",
                "<p>There is practical guidance to draw on. A toolkit for commissioners sets "
                "out how to approach paying for outcomes [Sturgess and Cumming 2011], and "
                "government guidance explains how to gather the data a social impact bond "
                "needs [Cabinet Office 2013]. The Audit Commission's five principles for local "
                "schemes include sound financing [Audit Commission 2012], a reminder that "
                "financial design is a commissioning skill, not just a provider's "
                "problem.</p>",
            ),
            ("heading", {"text": "Questions to ask before you start", "level": "h2"}),
            (
                "text",
                "<p>A short honest check can save a great deal of trouble later:</p>"
                "<ul>"
                "<li>Do we have recent data to set a baseline, and can we verify outcomes "
                "within a reasonable time?</li>"
                "<li>Can we set prices that reflect differences in need?</li>"
                "<li>Have we talked to providers about what risk they can carry?</li>"
                "<li>Can we fund an independent evaluation?</li>"
                "<li>Do we have people who can manage the contract for its whole life, "
                "including when volumes or policy change?</li>"
                "</ul>"
                "<p>If the answer to several of these is no, a simpler form of contract, "
                "perhaps with a small outcome element, may serve people better.</p>",
            ),
            (
                "quotation",
                {
                    "quote": "Payment by results is not a cheap or simple option. It needs "
                    "skills to design, price and manage, and those costs are easy to "
                    "underestimate.",
                    "source": "Paraphrasing the National Audit Office (2015)",
                },
            ),
            (
                "for_commissioners",
                "<ul>"
                "<li>Be honest about whether your team can price outcomes, verify results and "
                "manage a market; if not, buy in help or choose a simpler model.</li>"
                "<li>Pilot on a small scale before committing to a large contract.</li>"
                "<li>Test bids for realism as well as price.</li>"
                "<li>Keep monitoring proportionate, and make it safe for providers to report "
                "problems.</li>"
                "</ul>",
            ),
            (
                "for_providers",
                "<p>Share data and experience with commissioners early; it can help them "
                "price and design the contract more realistically. If a specification is "
                "prescriptive as well as paid on outcomes, point out the tension. Report "
                "problems promptly, and keep a record that you did.</p>",
            ),
        ],
    },
]
