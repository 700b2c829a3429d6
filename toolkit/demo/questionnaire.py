"""Demo questionnaire for the payment by results self-assessment.

A commissioner, or a provider weighing a bid, answers about 20 questions about one service.
Each answer gives points (0 to 2) to one or more of eight critical success factors; the
scoring engine (toolkit.scoring) turns them into a percentage and a verdict per factor and
overall. Everything here is written in our own words from the research team's fact sheet.

The structures are plain Python (no Django) so that the demo loader can turn them into
CMS content and the tests can check them without a database:

- FACTORS: the eight success factors, with the digests (by slug, from
  literature/demo/digests/*.md) that explain each one.
- SECTIONS: pages of questions. Questions are addressed by `reference` and answers by
  `code`; skip logic names an earlier question's reference and some of its answer codes.
  Each option's `scores` maps factor keys to points, and `consider` is shown on the result
  when that answer counted against a factor.
- FACTOR_BANDS and OVERALL_BANDS: the verdicts, each applying from `min_percent` upwards,
  with feedback for commissioners and for providers.
- NEXT_STEPS, UNANSWERED: shown under every result, and how unanswered questions count.
- SAMPLE_SERVICES: three services from the research team's sample descriptions, answered
  as each would honestly answer, with the verdicts they should get. The thresholds were
  tuned so that all three get them.
"""

# ---------------------------------------------------------------------------- helpers
# Fixed answer sets, so every yes/no and agree-scale question uses the same labels and codes.


def _yes_no(yes, no, dont_know, *, no_consider="", dont_know_consider=""):
    """Yes / No / Don't know, with the points each gives (factor key -> points)."""
    return [
        {"label": "Yes", "code": "yes", "scores": yes, "consider": ""},
        {"label": "No", "code": "no", "scores": no, "consider": no_consider},
        {"label": "Don't know", "code": "dont-know", "scores": dont_know, "consider": dont_know_consider},
    ]


def _agree_scale(factor, *, neither_consider, disagree_consider):
    """Agreement earns full points, a neutral answer half, disagreement none."""
    return [
        {"label": "Strongly agree", "code": "strongly-agree", "scores": {factor: 2}, "consider": ""},
        {"label": "Agree", "code": "agree", "scores": {factor: 2}, "consider": ""},
        {"label": "Neither agree nor disagree", "code": "neither", "scores": {factor: 1},
         "consider": neither_consider},
        {"label": "Disagree", "code": "disagree", "scores": {factor: 0}, "consider": disagree_consider},
        {"label": "Strongly disagree", "code": "strongly-disagree", "scores": {factor: 0},
         "consider": disagree_consider},
    ]


# ---------------------------------------------------------------------------- factors

FACTORS = [
    {
        "key": "purpose",
        "name": "A clear purpose",
        "what_it_means": "There is one main thing payment by results is meant to achieve, and "
        "it has been shown to suit this service better than a grant or an ordinary contract.",
        "critical": False,
        "why_it_matters": "<p>Schemes asked to improve outcomes, spark new ideas and save money "
        "all at once have tended to fall short. The evidence points to choosing one main aim "
        "and designing around it.</p>"
        "<p>The National Audit Office found that commissioners rarely explained why payment by "
        "results was better than the other options. The Department for International "
        "Development did so for an education scheme in Rwanda; the Department for Work and "
        "Pensions did not for the Work Programme.</p>",
        "sort_order": 1,
        "digests": ["clear-purpose-and-outcomes"],
    },
    {
        "key": "outcomes",
        "name": "Outcomes you can measure and influence",
        "what_it_means": "Payment rests on a small number of clear outcomes that existing data "
        "can confirm, that the provider can genuinely affect, and that count real change rather "
        "than a yes-or-no threshold alone.",
        # Paying for results nobody can measure or put down to the provider fails whatever
        # else is right (NAO 2015).
        "critical": True,
        "why_it_matters": "<p>Payment by results works best when results can be measured and "
        "put down to the provider's work. Providers tend to drop work that is not paid for, "
        "so what you pay for shapes what gets done.</p>"
        "<ul><li>Contracts have been found with targets that were irrelevant, harmful or "
        "simply too many.</li>"
        "<li>Some subcontractors were paid on results for a whole area, far beyond their own "
        "influence.</li>"
        "<li>A drug treatment scheme in Delaware worked partly because everyone involved could "
        "see the sense in its measures.</li></ul>"
        "<p>Each extra payment point adds complexity and can pull attention towards the "
        "indicator rather than the person.</p>",
        "sort_order": 2,
        "digests": [
            "clear-purpose-and-outcomes",
            "measurement-binary-versus-frequency",
            "attribution-and-external-factors",
        ],
    },
    {
        "key": "baseline-and-evaluation",
        "name": "A reliable baseline and evaluation",
        "what_it_means": "It is possible to show what would have happened without the service, "
        "enough people take part to tell a real change from chance, results can be confirmed in "
        "reasonable time, and an independent evaluation is planned from the start.",
        # Without a counterfactual, payments may reward change that would have happened anyway.
        "critical": True,
        "why_it_matters": "<p>Targets must beat what would have happened anyway. The Work "
        "Programme's prices rested on assumptions from the economy of 2001 to 2008: the "
        "National Audit Office expected 26% of jobseekers aged 25 and over to find work, "
        "against the 40% assumed by the Department for Work and Pensions.</p>"
        "<p>The Peterborough social impact bond used a matched comparison group, so it could "
        "show a 9% fall in reconviction events against a 7.5% target. By contrast, the "
        "evaluation of Troubled Families, a £448m programme for 120,000 families, could not "
        "attribute any impact to it. In the drug recovery pilots, advice on evaluation came "
        "too late to shape the design.</p>",
        "sort_order": 3,
        "digests": ["evaluation-and-the-evidence-base", "attribution-and-external-factors"],
    },
    {
        "key": "pricing-and-payment",
        "name": "Fair pricing and payment",
        "what_it_means": "Prices let providers afford to help everyone referred, some money is "
        "paid up front or for progress, the budget can pay for success, and there are checks "
        "that no one is left behind.",
        "critical": False,
        "why_it_matters": "<p>Pay too much and the taxpayer loses; pay too little and no one "
        "bids, or providers favour easier cases and set harder ones aside (cream-skimming and "
        "parking).</p>"
        "<p>On the Work Programme, creaming and parking were widespread and built into the "
        "design. Its payment groups were based only on the benefit people had claimed, results "
        "for harder-to-help groups did not improve, and planned spending on them was cut. "
        "Paying only for a final yes-or-no result adds to the problem; payments up front and "
        "for progress along the way can help.</p>",
        "sort_order": 4,
        "digests": ["pricing", "gaming-cream-skimming-and-parking"],
    },
    {
        "key": "market-and-finance",
        "name": "Providers who can carry the risk",
        "what_it_means": "Several capable providers have the working capital and the appetite "
        "to wait for outcome payments, they were consulted before procurement, and it is clear "
        "which risks stay with the commissioner if one fails.",
        # Providers who cannot carry delayed payment fail, or never bid (NAO 2015).
        "critical": True,
        "why_it_matters": "<p>Charities often have little working capital and little appetite "
        "for risk. The National Audit Office advises mapping the supply chain and testing "
        "providers' appetite for risk before procurement.</p>"
        "<ul><li>Providers have subsidised payment by results work from other funds, or "
        "borrowed to cover it.</li>"
        "<li>When 132 charities told Clinks about Transforming Rehabilitation, half called "
        "their funding unsustainable and a third were subsidising delivery.</li>"
        "<li>Work Programme bidders promised high performance at a discount, which left them "
        "exposed financially.</li></ul>",
        "sort_order": 5,
        "digests": ["risk-transfer-and-cash-flow", "market-and-smaller-voluntary-providers"],
    },
    {
        "key": "service-users",
        "name": "Protecting the people who use the service",
        "what_it_means": "People who will use the service help to shape it, and the design does "
        "not leave people with complex needs worse off.",
        "critical": False,
        "why_it_matters": "<p>Payment rules can steer providers away from the people who are "
        "hardest to help. In the drug recovery pilots, fewer people started and completed "
        "treatment and more turned it down. Elsewhere, payments were too low for providers to "
        "work with people with the most complex needs.</p>"
        "<p>Under Transforming Rehabilitation, nearly two-thirds of charities told Clinks that "
        "service users were worse off, and people with convictions were found to have had no "
        "voice in the changes.</p>",
        "sort_order": 6,
        "digests": ["quality-and-vulnerable-service-users", "gaming-cream-skimming-and-parking"],
    },
    {
        "key": "commissioner-capability",
        "name": "Commissioner skills and provider freedom",
        "what_it_means": "The commissioning team can price, verify and manage an outcomes "
        "contract, tries payment by results on a small scale or in phases first, and leaves "
        "providers free to decide how to get results.",
        "critical": False,
        "why_it_matters": "<p>Payment by results is technically hard. Its costs and risks are "
        "often underestimated, and pilots have been skipped.</p>"
        "<ul><li>It has been bolted onto detailed specifications, with intrusive monitoring, "
        "and problems have gone unreported.</li>"
        "<li>Tight prices keep providers to tried methods: most of the Work Programme's "
        "‘innovation’ was cost-cutting.</li>"
        "<li>Transforming Rehabilitation suffered from under-bidding and weak scrutiny.</li></ul>",
        "sort_order": 7,
        "digests": ["commissioner-capability", "innovation-and-the-black-box"],
    },
    {
        "key": "stable-environment",
        "name": "A stable environment and volumes",
        "what_it_means": "Policy, funding and the number of people referred are likely to hold "
        "steady, and the contract can adjust if volumes move far from plan.",
        "critical": False,
        "why_it_matters": "<p>Results depend on more than the provider: Work Programme results "
        "depended on the state of the economy.</p>"
        "<p>Under Transforming Rehabilitation, volumes ran 16% to 48% below plan while "
        "caseloads rose by a fifth. The community rehabilitation companies forecast £443m of "
        "losses, and the contracts ended 14 months early.</p>",
        "sort_order": 8,
        "digests": ["risk-transfer-and-cash-flow", "attribution-and-external-factors"],
    },
]

# ---------------------------------------------------------------------------- questions

SECTIONS = [
    {
        "title": "Why payment by results",
        "introduction": "<p>Start with what you want payment by results to do for this service, "
        "and whether it is the best way to get there.</p>",
        "questions": [
            {
                "type": "single_choice",
                "question": "How many main aims does the scheme have?",
                "help_text": "<p>For example: better outcomes for people, new ways of working, "
                "better value for money, or moving financial risk to providers. Count each aim "
                "the scheme will be judged on.</p>",
                "reference": "aims",
                "required": True,
                "show_if_question": "",
                "show_if_answers": "",
                "options": [
                    {"label": "One main aim", "code": "one", "scores": {"purpose": 2}, "consider": ""},
                    {"label": "Two aims", "code": "two", "scores": {"purpose": 1},
                     "consider": "Two aims can pull against each other, such as cutting costs and "
                     "improving outcomes. Decide which comes first when they clash."},
                    {"label": "Three or more aims", "code": "three-or-more", "scores": {"purpose": 0},
                     "consider": "Schemes asked to do many things at once have tended to fall "
                     "short on all of them. Choose the aim that matters most and design around it."},
                ],
            },
            {
                "type": "single_choice",
                "question": "Has payment by results been compared with other ways of buying this "
                "service, such as a grant or a fee-based contract?",
                "help_text": "",
                "reference": "alternatives-compared",
                "required": True,
                "show_if_question": "",
                "show_if_answers": "",
                "options": [
                    {"label": "Yes, formally, including the costs", "code": "formally",
                     "scores": {"purpose": 2}, "consider": ""},
                    {"label": "Only informally", "code": "informally", "scores": {"purpose": 1},
                     "consider": "An informal view is a start. Setting out the costs and risks of "
                     "each option makes the case easier to test and to defend."},
                    {"label": "No", "code": "no", "scores": {"purpose": 0},
                     "consider": "Commissioners have rarely shown why payment by results beats "
                     "the alternatives. Compare it with a grant or an ordinary contract first."},
                ],
            },
        ],
    },
    {
        "title": "What will be paid for",
        "introduction": "<p>These questions are about the outcomes that will trigger payment: "
        "how they are measured, and how far the provider can influence them.</p>",
        "questions": [
            {
                "type": "single_choice",
                "question": "Can the outcomes that will be paid for be checked against data that "
                "is already collected?",
                "help_text": "<p>For example, administrative records on housing, benefits or "
                "reoffending, rather than reports written by the provider.</p>",
                "reference": "outcome-data",
                "required": True,
                "show_if_question": "",
                "show_if_answers": "",
                "options": [
                    {"label": "Yes, all of them", "code": "all", "scores": {"outcomes": 2}, "consider": ""},
                    {"label": "Some of them", "code": "some", "scores": {"outcomes": 1},
                     "consider": "Outcomes that need new data add cost and room for dispute. Agree "
                     "where each measure will come from and who will check it."},
                    {"label": "No, new data would be needed", "code": "none", "scores": {"outcomes": 0},
                     "consider": "Paying on data that nobody collects yet is risky. Settle how each "
                     "outcome will be measured and verified before the contract starts."},
                ],
            },
            {
                "type": "single_choice",
                "question": "How much of the main outcome can the provider influence, rather than "
                "other services or wider conditions?",
                "help_text": "<p>This is about attribution: how far a change in the outcome can "
                "fairly be put down to the provider's work.</p>",
                "reference": "provider-control",
                "required": True,
                "show_if_question": "",
                "show_if_answers": "",
                "options": [
                    {"label": "Most of it", "code": "most", "scores": {"outcomes": 2}, "consider": ""},
                    {"label": "Some of it: other services or conditions also play a big part",
                     "code": "some", "scores": {"outcomes": 1},
                     "consider": "Where others shape the outcome, the provider carries risk it "
                     "cannot manage. Consider paying on measures closer to its own work."},
                    {"label": "Little of it: it depends mainly on others", "code": "little",
                     "scores": {"outcomes": 0},
                     "consider": "Paying a provider for results it cannot control is a gamble for "
                     "both sides. Choose outcomes within its reach, or pay less on results."},
                ],
            },
            {
                "type": "agree_scale",
                "question": "How far do you agree that staff and service users would see the "
                "outcome measures as a fair sign of real progress?",
                "help_text": "<p>Measures that made intuitive sense to everyone involved helped a "
                "drug treatment scheme in Delaware to succeed.</p>",
                "reference": "measures-meaningful",
                "required": True,
                "show_if_question": "",
                "show_if_answers": "",
                "options": _agree_scale(
                    "outcomes",
                    neither_consider="Test the measures with staff and service users. If they "
                    "doubt them, effort may go into hitting targets rather than helping people.",
                    disagree_consider="Disputed measures draw effort towards the indicator "
                    "rather than the person. Agree measures that make sense to the people "
                    "delivering and using the service.",
                ),
            },
            {
                "type": "single_choice",
                "question": "How many different results or milestones will trigger a payment?",
                "help_text": "<p>Count every outcome, milestone or progress point that releases "
                "a payment.</p>",
                "reference": "payment-triggers",
                "required": True,
                "show_if_question": "",
                "show_if_answers": "",
                "options": [
                    {"label": "One or two", "code": "one-or-two", "scores": {"outcomes": 2}, "consider": ""},
                    {"label": "Three to five", "code": "three-to-five", "scores": {"outcomes": 1},
                     "consider": "Progress payments help cash flow, but each extra trigger adds "
                     "complexity and draws attention to the indicator itself. Keep only those "
                     "that matter."},
                    {"label": "Six or more", "code": "six-or-more", "scores": {"outcomes": 0},
                     "consider": "Contracts with too many targets have been hard to manage and have "
                     "distorted priorities. Cut them back to the few that matter most."},
                ],
            },
            {
                "type": "single_choice",
                "question": "How will the main outcome be counted for payment?",
                "help_text": "<p>A yes-or-no (binary) measure pays only when a person crosses a "
                "threshold, such as not reoffending at all. A frequency measure counts how much "
                "things change, such as the number of reoffences, so progress short of the "
                "threshold still counts.</p>",
                "reference": "payment-measure",
                "required": True,
                "show_if_question": "",
                "show_if_answers": "",
                "read_more": "measurement-binary-versus-frequency",
                "options": [
                    {"label": "By how much things change (a frequency measure)", "code": "frequency",
                     "scores": {"outcomes": 2}, "consider": ""},
                    {"label": "Yes or no for each person, with the threshold tested against likely "
                     "results", "code": "binary-tested", "scores": {"outcomes": 1},
                     "consider": "A yes-or-no measure ignores real progress short of the threshold, "
                     "and can steer effort towards people who are close to it. Consider counting "
                     "the amount of change, or paying for steps along the way."},
                    {"label": "Yes or no for each person, threshold not yet tested", "code": "binary",
                     "scores": {"outcomes": 0},
                     "consider": "An untested threshold can make success impossible or "
                     "meaningless. Test it against what results would and would not be paid for, "
                     "and consider a frequency measure."},
                    {"label": "Not decided yet", "code": "not-decided", "scores": {"outcomes": 0},
                     "consider": "Decide how the outcome will be counted before prices are set: "
                     "it decides which progress is paid for."},
                ],
            },
        ],
    },
    {
        "title": "Knowing what difference it makes",
        "introduction": "<p>To pay for results fairly, you need to know what would have happened "
        "without the service, and to find out afterwards whether the approach worked.</p>",
        "questions": [
            {
                "type": "single_choice",
                "question": "Is there a reliable baseline or comparison group showing what would "
                "happen without the service?",
                "help_text": "<p>Targets should beat what would have happened anyway (the "
                "counterfactual). A baseline built on out-of-date conditions can set prices "
                "badly wrong.</p>",
                "reference": "comparator",
                "required": True,
                "show_if_question": "",
                "show_if_answers": "",
                "options": [
                    {"label": "Yes, and it reflects current conditions", "code": "in-place",
                     "scores": {"baseline-and-evaluation": 2}, "consider": ""},
                    {"label": "One could be built from existing data, but it is not in place yet",
                     "code": "could-be-built", "scores": {"baseline-and-evaluation": 1},
                     "consider": "Build it before prices are set. Without it, you may pay for "
                     "results that would have happened anyway."},
                    {"label": "No", "code": "no", "scores": {"baseline-and-evaluation": 0},
                     "consider": "Without a baseline nobody can tell whether the service made a "
                     "difference, so payments may reward change that would have happened anyway."},
                    {"label": "Don't know", "code": "dont-know", "scores": {"baseline-and-evaluation": 0},
                     "consider": "Find out early what data could show the likely results without "
                     "the service. Prices and targets depend on it."},
                ],
            },
            {
                "type": "single_choice",
                "question": "Will enough people use the service to tell a real change from chance?",
                "help_text": "<p>With a small group, results swing from one year to the next and "
                "nobody can tell whether the service made the difference. The Peterborough social "
                "impact bond measured two groups of about 1,000 people each.</p>",
                "reference": "cohort-size",
                "required": True,
                "show_if_question": "",
                "show_if_answers": "",
                "read_more": "evaluation-and-the-evidence-base",
                "options": [
                    {"label": "Yes, and someone has checked the numbers needed", "code": "checked",
                     "scores": {"baseline-and-evaluation": 2}, "consider": ""},
                    {"label": "Probably, but nobody has checked", "code": "probably",
                     "scores": {"baseline-and-evaluation": 1},
                     "consider": "Ask an analyst how many people are needed to show a change of "
                     "the size you expect. If there are too few, pool areas or lengthen the "
                     "contract."},
                    {"label": "No, the group is small", "code": "small",
                     "scores": {"baseline-and-evaluation": 0},
                     "consider": "With a small group, payments will follow chance as much as "
                     "performance. Pay on a larger group, or use another way of paying."},
                    {"label": "Don't know", "code": "dont-know", "scores": {"baseline-and-evaluation": 0},
                     "consider": "Find out how many people the service will reach each year, and "
                     "whether that is enough to show a real change."},
                ],
            },
            {
                "type": "single_choice",
                "question": "How long will it take to confirm that a payable outcome has been "
                "achieved?",
                "help_text": "",
                "reference": "verification-time",
                "required": True,
                "show_if_question": "",
                "show_if_answers": "",
                "options": [
                    {"label": "Less than 6 months", "code": "under-6-months",
                     "scores": {"baseline-and-evaluation": 2}, "consider": ""},
                    {"label": "6 to 12 months", "code": "6-to-12-months",
                     "scores": {"baseline-and-evaluation": 1},
                     "consider": "A wait of up to a year slows learning and payment. Plan interim "
                     "checks so that problems show up early."},
                    {"label": "More than 12 months", "code": "over-12-months",
                     "scores": {"baseline-and-evaluation": 0},
                     "consider": "Long delays mean problems surface late and providers wait a "
                     "long time to be paid. Look for earlier, intermediate measures."},
                ],
            },
            {
                "type": "yes_no",
                "question": "Is an independent evaluation funded and planned from the start?",
                "help_text": "<p>In the drug recovery pilots, advice on evaluation came too late "
                "to shape the design. Planning early lets the evaluation test whether the reasons "
                "for choosing payment by results held true.</p>",
                "reference": "evaluation-funded",
                "required": True,
                "show_if_question": "comparator",
                "show_if_answers": "in-place, could-be-built",
                "options": _yes_no(
                    {"baseline-and-evaluation": 2},
                    {"baseline-and-evaluation": 0},
                    {"baseline-and-evaluation": 0},
                    no_consider="Without an independent evaluation you will not know whether "
                    "payment by results added anything. The Troubled Families evaluation could "
                    "not show any impact from £448m of spending.",
                    dont_know_consider="Agree funding for an evaluation before the scheme starts, "
                    "so that it can shape the design.",
                ),
            },
        ],
    },
    {
        "title": "People who use the service",
        "introduction": "<p>Payment rules can change who gets help. These questions look at who "
        "the service is for and whether they have a say in it.</p>",
        "questions": [
            {
                "type": "single_choice",
                "question": "How many of the people the service is for have complex or multiple "
                "needs?",
                "help_text": "",
                "reference": "complex-needs",
                "required": True,
                "show_if_question": "",
                "show_if_answers": "",
                "options": [
                    {"label": "Few or none", "code": "few", "scores": {"service-users": 2}, "consider": ""},
                    {"label": "Some", "code": "some", "scores": {"service-users": 1},
                     "consider": "Check that prices and safeguards give providers good reason to "
                     "work with the people who need the most help."},
                    {"label": "Most or all", "code": "most", "scores": {"service-users": 0},
                     "consider": "Payment by results has often struggled with people who are "
                     "hardest to help: payments were too low, and in the drug recovery pilots fewer "
                     "people started and completed treatment. Build in protection for them."},
                ],
            },
            {
                "type": "single_choice",
                "question": "How far have people with lived experience shaped the design of the "
                "service and its outcomes?",
                "help_text": "",
                "reference": "user-involvement",
                "required": True,
                "show_if_question": "",
                "show_if_answers": "",
                "options": [
                    {"label": "They helped to design it", "code": "co-designed",
                     "scores": {"service-users": 2}, "consider": ""},
                    {"label": "They were consulted", "code": "consulted", "scores": {"service-users": 1},
                     "consider": "Consultation is a start. Involving people in choosing the "
                     "outcomes helps the scheme pay for what matters to them."},
                    {"label": "They have not been involved", "code": "not-involved",
                     "scores": {"service-users": 0},
                     "consider": "People who use a service can spot harmful incentives early. "
                     "Transforming Rehabilitation was criticised for giving people with "
                     "convictions no voice."},
                ],
            },
        ],
    },
    {
        "title": "Pricing and payment",
        "introduction": "<p>How much is paid on results, when, and for whom, decides who can "
        "afford to bid and who gets help.</p>",
        "questions": [
            {
                "type": "single_choice",
                "question": "What share of the contract's value will depend on outcomes?",
                "help_text": "",
                "reference": "payment-at-risk",
                "required": True,
                "show_if_question": "",
                "show_if_answers": "",
                "options": [
                    {"label": "Up to 20%", "code": "up-to-20",
                     "scores": {"pricing-and-payment": 2, "market-and-finance": 2}, "consider": ""},
                    {"label": "21% to 50%", "code": "21-to-50",
                     "scores": {"pricing-and-payment": 1, "market-and-finance": 1},
                     "consider": "A large share at risk needs careful pricing and strong cash flow. "
                     "Check that likely providers could absorb a bad year."},
                    {"label": "More than 50%", "code": "over-50",
                     "scores": {"pricing-and-payment": 0, "market-and-finance": 0},
                     "consider": "With most of the money at risk, only organisations with deep "
                     "reserves can bid, and harder cases may be set aside. Consider a smaller "
                     "share paid on outcomes."},
                ],
            },
            {
                "type": "yes_no",
                "question": "Will providers be paid something up front or for progress along the "
                "way, not only for the final outcome?",
                "help_text": "",
                "reference": "progress-payments",
                "required": True,
                "show_if_question": "",
                "show_if_answers": "",
                "options": _yes_no(
                    {"pricing-and-payment": 2},
                    {"pricing-and-payment": 0},
                    {"pricing-and-payment": 0},
                    no_consider="Paying only for a final yes-or-no result leaves providers "
                    "waiting and can discourage work with people who progress slowly. Consider "
                    "up-front or progress payments.",
                    dont_know_consider="Decide this early: it shapes who can afford to bid and "
                    "who gets help.",
                ),
            },
            {
                "type": "single_choice",
                "question": "If results are better than forecast, can the commissioner pay for all "
                "of them?",
                "help_text": "<p>Outcome payments rise with success. A budget that cannot pay for "
                "more success than planned leads to caps, late changes or unpaid work.</p>",
                "reference": "budget-for-success",
                "required": True,
                "show_if_question": "",
                "show_if_answers": "",
                "read_more": "pricing",
                "options": [
                    {"label": "Yes, the budget allows for results above forecast", "code": "yes",
                     "scores": {"pricing-and-payment": 2}, "consider": ""},
                    {"label": "Payments are capped, and the cap is written into the contract",
                     "code": "capped", "scores": {"pricing-and-payment": 1},
                     "consider": "A cap protects the budget but means some results go unpaid. Set "
                     "it high enough that providers still gain from doing well, and say so from "
                     "the start."},
                    {"label": "No, or not yet settled", "code": "no", "scores": {"pricing-and-payment": 0},
                     "consider": "Work out what you would pay if results beat the forecast, and "
                     "set the money aside or agree a cap before the contract starts."},
                ],
            },
            {
                "type": "yes_no",
                "question": "Will payments be higher for people who are harder to help?",
                "help_text": "<p>Without this, providers have reason to favour easier cases "
                "(cream-skimming) and leave harder ones without real support (parking).</p>",
                "reference": "payment-by-need",
                "required": True,
                "show_if_question": "complex-needs",
                "show_if_answers": "some, most",
                "options": _yes_no(
                    {"pricing-and-payment": 2, "service-users": 2},
                    {"pricing-and-payment": 0, "service-users": 0},
                    {"pricing-and-payment": 0, "service-users": 0},
                    no_consider="One price for everyone invites providers to favour easier cases. "
                    "On the Work Programme, payment groups based only on benefit type did not "
                    "protect people who were harder to help.",
                    dont_know_consider="Find out how prices will reflect people's needs. Without "
                    "this, the hardest to help are the most likely to lose out.",
                ),
            },
            {
                "type": "multiple_choice",
                "question": "Which of these safeguards against cream-skimming and parking will be "
                "in place?",
                "help_text": "<p>Choose all that apply.</p>",
                "reference": "safeguards",
                "required": True,
                "show_if_question": "",
                "show_if_answers": "",
                "options": [
                    {"label": "Results count for everyone referred, not only those who take part",
                     "code": "whole-cohort",
                     "scores": {"pricing-and-payment": 1, "service-users": 1},
                     "consider": "Counting everyone referred is a strong safeguard. Regular checks "
                     "on who is helped, and a minimum service for all, would add to it."},
                    {"label": "Regular checks on who starts, who is helped and who is left without "
                     "support", "code": "monitoring",
                     "scores": {"pricing-and-payment": 1, "service-users": 1},
                     "consider": "Checks on who is helped are valuable. Counting results for "
                     "everyone referred, and a minimum service for all, would strengthen them."},
                    {"label": "A minimum level of service that everyone must receive",
                     "code": "minimum-service", "scores": {"service-users": 1},
                     "consider": "A minimum service protects people, but check too who is being "
                     "helped and count results for everyone referred."},
                    {"label": "None of these", "code": "none", "scores": {},
                     "consider": "Nothing stops providers from focusing on easier cases. On the "
                     "Work Programme, creaming and parking were widespread. Start with regular "
                     "checks on who is being helped."},
                ],
            },
        ],
    },
    {
        "title": "Providers and the market",
        "introduction": "<p>Providers usually pay for the work before outcome payments arrive. "
        "These questions test whether they can.</p>",
        "questions": [
            {
                "type": "single_choice",
                "question": "Could the likely providers carry the costs of delivery for 6 to 12 "
                "months while waiting for outcome payments?",
                "help_text": "<p>This is about working capital: the cash or backing to pay staff "
                "and bills before the outcome payments come in.</p>",
                "reference": "working-capital",
                "required": True,
                "show_if_question": "",
                "show_if_answers": "",
                "options": [
                    {"label": "Yes, they have the reserves or backing", "code": "yes",
                     "scores": {"market-and-finance": 2}, "consider": ""},
                    {"label": "Some could, others would struggle", "code": "some",
                     "scores": {"market-and-finance": 1},
                     "consider": "Smaller organisations may be priced out or forced to borrow. "
                     "Consider progress payments or a smaller share paid on outcomes."},
                    {"label": "No", "code": "no", "scores": {"market-and-finance": 0},
                     "consider": "Providers without working capital may end up subsidising the work "
                     "or borrowing to cover it. Shorten the wait or reduce the share at risk "
                     "first."},
                    {"label": "They have not been asked", "code": "not-asked",
                     "scores": {"market-and-finance": 0},
                     "consider": "Test providers' finances and appetite for risk before "
                     "procurement, not after."},
                ],
            },
            {
                "type": "single_choice",
                "question": "Have potential providers helped to shape the scheme before "
                "procurement?",
                "help_text": "",
                "reference": "early-engagement",
                "required": True,
                "show_if_question": "",
                "show_if_answers": "",
                "options": [
                    {"label": "Yes, including their appetite for risk", "code": "in-depth",
                     "scores": {"market-and-finance": 2}, "consider": ""},
                    {"label": "There has been some engagement", "code": "some",
                     "scores": {"market-and-finance": 1},
                     "consider": "Go further: map the likely supply chain and ask directly how "
                     "much risk providers can take on."},
                    {"label": "No", "code": "no", "scores": {"market-and-finance": 0},
                     "consider": "Without early talks, the scheme may be one that nobody can "
                     "afford to bid for. Map the supply chain and test providers' appetite first."},
                ],
            },
            {
                "type": "yes_no",
                "question": "Will the prices cover the full cost of delivery, for the lead "
                "provider and any subcontractors, so that nobody has to subsidise the work?",
                "help_text": "<p>Include subcontractors: some have been paid on results for a whole "
                "area, well beyond their own work.</p>",
                "reference": "covers-full-cost",
                "required": True,
                "show_if_question": "",
                "show_if_answers": "",
                "options": _yes_no(
                    {"market-and-finance": 2},
                    {"market-and-finance": 0},
                    {"market-and-finance": 0},
                    no_consider="Providers have subsidised payment by results work or borrowed to "
                    "cover it, which cannot last. Revisit the prices and any subcontract terms.",
                    dont_know_consider="Ask providers, including any subcontractors, whether the "
                    "prices would cover their costs.",
                ),
            },
            {
                "type": "single_choice",
                "question": "How many capable providers could bid for the contract?",
                "help_text": "<p>Competition keeps prices honest, and a choice of providers "
                "means the service can carry on if one fails.</p>",
                "reference": "enough-providers",
                "required": True,
                "show_if_question": "",
                "show_if_answers": "",
                "read_more": "market-and-smaller-voluntary-providers",
                "options": [
                    {"label": "Several", "code": "several", "scores": {"market-and-finance": 2},
                     "consider": ""},
                    {"label": "One or two", "code": "one-or-two", "scores": {"market-and-finance": 1},
                     "consider": "With few bidders, prices are hard to test and there is little "
                     "cover if a provider fails. Map the market, and consider how smaller "
                     "organisations could take part, for example as partners."},
                    {"label": "None that we know of", "code": "none",
                     "scores": {"market-and-finance": 0},
                     "consider": "Without a market there is no competition and no fallback. Map "
                     "the likely providers and test their interest before going further."},
                ],
            },
            {
                "type": "single_choice",
                "question": "Is it clear which risks stay with the commissioner, and what happens "
                "to the service if a provider fails or withdraws?",
                "help_text": "<p>Not every risk can or should pass to the provider. The commissioner "
                "stays answerable for the service: under Transforming Rehabilitation the contracts "
                "ended 14 months early.</p>",
                "reference": "risk-kept",
                "required": True,
                "show_if_question": "",
                "show_if_answers": "",
                "read_more": "risk-transfer-and-cash-flow",
                "options": [
                    {"label": "Yes, both are written down", "code": "yes",
                     "scores": {"market-and-finance": 2}, "consider": ""},
                    {"label": "Partly", "code": "partly", "scores": {"market-and-finance": 1},
                     "consider": "Set out which risks the commissioner keeps, such as changes in "
                     "policy or referrals, and plan how the service would carry on if a provider "
                     "stopped."},
                    {"label": "No", "code": "no", "scores": {"market-and-finance": 0},
                     "consider": "Passing on risks a provider cannot manage makes failure more "
                     "likely, and people lose the service when it happens. Decide which risks to "
                     "keep, and agree a plan for a provider failing."},
                ],
            },
        ],
    },
    {
        "title": "Commissioning capacity and the wider context",
        "introduction": "<p>Finally, can the commissioner run an outcomes contract well, and is "
        "the ground likely to stay still long enough for it to work?</p>",
        "questions": [
            {
                "type": "agree_scale",
                "question": "How far do you agree that the commissioning team has the skills and "
                "time to set prices, check outcome data and manage the contract?",
                "help_text": "<p>Payment by results is technically demanding, and its costs and "
                "risks are often underestimated.</p>",
                "reference": "commissioner-capacity",
                "required": True,
                "show_if_question": "",
                "show_if_answers": "",
                "options": _agree_scale(
                    "commissioner-capability",
                    neither_consider="Check the skills needed to price, verify and manage the "
                    "contract, and budget for them. Its costs are often underestimated.",
                    disagree_consider="Under-bidding and weak scrutiny contributed to the problems of "
                    "Transforming Rehabilitation. Build the skills first, or start with a pilot.",
                ),
            },
            {
                "type": "single_choice",
                "question": "How much freedom will providers have over how they deliver the "
                "service?",
                "help_text": "",
                "reference": "provider-freedom",
                "required": True,
                "show_if_question": "",
                "show_if_answers": "",
                "options": [
                    {"label": "They will choose how to deliver, within basic safeguards", "code": "free",
                     "scores": {"commissioner-capability": 2}, "consider": ""},
                    {"label": "Some parts of delivery are specified", "code": "some",
                     "scores": {"commissioner-capability": 1},
                     "consider": "Paying for results while specifying methods gives providers risk "
                     "without control. Keep the specification to what is essential."},
                    {"label": "The specification sets out how to deliver", "code": "prescribed",
                     "scores": {"commissioner-capability": 0},
                     "consider": "Payment by results bolted onto a detailed specification leaves "
                     "no room for better ways of working. Loosen the specification or pay "
                     "another way."},
                ],
            },
            {
                "type": "single_choice",
                "question": "Will payment by results be tried on a small scale, or phased in, "
                "before it is used more widely?",
                "help_text": "<p>Pilots have often been skipped, and the costs and risks of payment "
                "by results underestimated. A small start lets prices, measures and data be "
                "tested before much money depends on them.</p>",
                "reference": "pilot",
                "required": True,
                "show_if_question": "",
                "show_if_answers": "",
                "read_more": "commissioner-capability",
                "options": [
                    {"label": "Yes, a pilot or a phased start is planned", "code": "yes",
                     "scores": {"commissioner-capability": 2}, "consider": ""},
                    {"label": "Not decided yet", "code": "not-decided",
                     "scores": {"commissioner-capability": 1},
                     "consider": "Consider starting with one area, one group or a small share paid "
                     "on results, and learning from it before going further."},
                    {"label": "No, it will start in full", "code": "no",
                     "scores": {"commissioner-capability": 0},
                     "consider": "Starting in full puts every mistake in pricing and measurement "
                     "at full scale. A pilot or a phased start would let you find them early."},
                ],
            },
            {
                "type": "single_choice",
                "question": "How stable are policy, funding and the number of referrals likely to "
                "be over the contract?",
                "help_text": "",
                "reference": "policy-stability",
                "required": True,
                "show_if_question": "",
                "show_if_answers": "",
                "options": [
                    {"label": "Stable", "code": "stable", "scores": {"stable-environment": 2},
                     "consider": ""},
                    {"label": "Some change is likely", "code": "some-change",
                     "scores": {"stable-environment": 1},
                     "consider": "Plan for change: agree in advance how prices and targets will be "
                     "reviewed if policy or referrals shift."},
                    {"label": "Major change is likely or under way", "code": "major-change",
                     "scores": {"stable-environment": 0},
                     "consider": "Under Transforming Rehabilitation, volumes fell far below plan "
                     "and the contracts ended early. Wait for things to settle, or keep the share "
                     "at risk small."},
                ],
            },
            {
                "type": "yes_no",
                "question": "Can prices or payments be adjusted if the number of referrals is "
                "very different from plan?",
                "help_text": "",
                "reference": "volume-clause",
                "required": True,
                "show_if_question": "",
                "show_if_answers": "",
                "options": _yes_no(
                    {"stable-environment": 2},
                    {"stable-environment": 0},
                    {"stable-environment": 0},
                    no_consider="Without a volume clause, a drop in referrals can sink the "
                    "contract's finances. Add a clause to review prices or volumes.",
                    dont_know_consider="Check the draft contract for a clause to review prices or "
                    "volumes if referrals move far from plan.",
                ),
            },
        ],
    },
]

# ---------------------------------------------------------------------------- verdicts


def _bands(caution_from, promising_from, unsuitable, caution, promising):
    """Three bands for a factor: (heading, for commissioners, for providers) for each verdict."""
    return [
        {"min_percent": start, "verdict": verdict, "heading": heading,
         "for_commissioners": commissioners, "for_providers": providers}
        for start, verdict, (heading, commissioners, providers) in (
            (0, "unsuitable", unsuitable),
            (caution_from, "caution", caution),
            (promising_from, "promising", promising),
        )
    ]


FACTOR_BANDS = {
    "purpose": _bands(
        40, 70,
        ("A real risk",
         "<p>The scheme is trying to do too much, or payment by results has not been tested "
         "against other ways of buying the service. Pick one main aim and compare the options, "
         "with their costs, before going further.</p>",
         "<p>A scheme with several competing aims is hard to price and easy to fail. Ask the "
         "commissioner which aim comes first, and how your performance will be judged, before "
         "you bid.</p>"),
        ("Needs work",
         "<p>The purpose is partly clear. Settle which aim comes first, and set out why payment "
         "by results beats a grant or an ordinary contract for this service.</p>",
         "<p>Ask the commissioner to confirm the main aim, so that the payments reward what "
         "matters most to them and nothing that pulls against it.</p>"),
        ("Looks sound",
         "<p>You have one main aim and have tested payment by results against the alternatives. "
         "Keep that aim in view as the design develops.</p>",
         "<p>The commissioner knows what they want to buy. Check that the payment terms reward "
         "that aim and nothing else.</p>"),
    ),
    "outcomes": _bands(
        40, 70,
        ("A real risk",
         "<p>The outcomes are hard to measure, largely outside the provider's control or "
         "disputed. Choose a few outcomes that existing data can confirm and that the provider "
         "can genuinely influence.</p>",
         "<p>You could be paid on results you can neither control nor prove. Ask how each "
         "outcome will be measured, and press for measures within your reach, before "
         "bidding.</p>"),
        ("Needs work",
         "<p>Some outcomes are sound, but others are harder to measure or to attribute. Cut the "
         "number of payment triggers and test the measures with staff and service users.</p>",
         "<p>Check how each payable outcome is defined and verified, and which depend on other "
         "agencies. Price in the risk from those you cannot influence.</p>"),
        ("Looks sound",
         "<p>The outcomes are clear, can be checked from existing data and are largely within the "
         "provider's control. Keep them few and stable.</p>",
         "<p>These outcomes look fair to be paid on. Make sure the contract fixes how they will "
         "be measured, so that the rules cannot shift part-way through.</p>"),
    ),
    "baseline-and-evaluation": _bands(
        40, 70,
        ("A real risk",
         "<p>Without a reliable baseline you cannot tell whether you are paying for change that "
         "would have happened anyway. Set up a comparison group and plan an independent "
         "evaluation before prices are fixed.</p>",
         "<p>With no sound baseline, targets may be set too high to reach or too low to mean "
         "anything. Ask how the counterfactual was worked out and whether it reflects current "
         "conditions.</p>"),
        ("Needs work",
         "<p>A baseline or an evaluation is partly in place. Close the gaps before prices are "
         "fixed, and look for earlier measures if outcomes take long to confirm.</p>",
         "<p>Ask how long it will take to confirm outcomes and when you will be paid. Long delays "
         "need to be built into your cash flow plan.</p>"),
        ("Looks sound",
         "<p>You can show what would have happened anyway, and an evaluation is planned. Keep it "
         "independent, and use it to check whether the reasons for choosing payment by results "
         "held true.</p>",
         "<p>The baseline gives a fair basis for targets. Share your own records with the "
         "evaluators so that the findings reflect your work.</p>"),
    ),
    "pricing-and-payment": _bands(
        40, 70,
        ("A real risk",
         "<p>The payment design puts heavy risk on providers and gives them reason to favour "
         "easier cases. Reduce the share paid on results, add progress payments and pay more for "
         "people who are harder to help.</p>",
         "<p>On these terms, harder cases may be unaffordable to help and cash may run short. "
         "Negotiate up-front or progress payments and higher rates for harder cases, or think "
         "carefully before bidding.</p>"),
        ("Needs work",
         "<p>Parts of the payment design are sound, but gaps remain. Check that prices let "
         "providers work with everyone, and watch for cream-skimming and parking.</p>",
         "<p>Model the contract against the people you expect to be referred, including the "
         "hardest to help, and raise any under-pricing before you sign.</p>"),
        ("Looks sound",
         "<p>Prices and payments look balanced, with protection for harder cases. Keep checking "
         "who is helped and who is not once the contract starts.</p>",
         "<p>The payment terms share risk reasonably. Keep records of who you work with, so you "
         "can show that nobody is being set aside.</p>"),
    ),
    "market-and-finance": _bands(
        40, 70,
        ("A real risk",
         "<p>Likely providers may not be able to carry the cost of waiting for outcome payments. "
         "Talk to them now, map the supply chain, and shorten the wait or cut the share at risk "
         "before procurement.</p>",
         "<p>This contract could badly strain your cash flow. Work out how many months your "
         "reserves could carry the work, and do not plan to subsidise it from other funds.</p>"),
        ("Needs work",
         "<p>Some providers may struggle to carry the financial risk. Test their appetite for "
         "risk directly, and consider progress payments or a smaller outcome share.</p>",
         "<p>Check how long you would wait to be paid and whether the prices cover your full "
         "costs, including any subcontractors'. Seek terms that limit the risk to your "
         "reserves.</p>"),
        ("Looks sound",
         "<p>Providers look able to carry the risk, and you talked to them early. Keep an eye on "
         "their financial health during the contract.</p>",
         "<p>The financial risk looks manageable. Keep a cash flow forecast that shows what "
         "happens if results or volumes fall short.</p>"),
    ),
    "service-users": _bands(
        40, 70,
        ("A real risk",
         "<p>People with complex needs could lose out under this design. Involve people with "
         "lived experience, pay more for harder cases and check regularly who is being "
         "helped.</p>",
         "<p>The people who are hardest to help could be left behind. Before bidding, ask "
         "yourself whether the terms let you work with everyone referred, and tell the "
         "commissioner if they do not.</p>"),
        ("Needs work",
         "<p>Some protections are in place, but gaps remain, often because many people have "
         "complex needs. Strengthen the safeguards and involve service users in choosing the "
         "outcomes.</p>",
         "<p>Set out how you will work with the people who are hardest to help, and ask for the "
         "payment terms and safeguards that make this possible.</p>"),
        ("Looks sound",
         "<p>The design protects the people who use the service and reflects their views. Keep "
         "involving them while the scheme runs.</p>",
         "<p>The terms support work with everyone referred. Keep service users involved, so that "
         "problems come to light early.</p>"),
    ),
    "commissioner-capability": _bands(
        40, 70,
        ("A real risk",
         "<p>Payment by results is demanding to price, verify and manage, and this design leaves "
         "providers little room to find better ways of working. Build the skills needed, loosen "
         "the specification, and consider a pilot.</p>",
         "<p>You would carry the risk of missing outcomes with little say over how you work. Ask "
         "for freedom over delivery, or argue for a different way of paying.</p>"),
        ("Needs work",
         "<p>Some capacity is in place. Make sure you have the skills to set prices and verify "
         "data, and keep the specification to what is essential.</p>",
         "<p>Ask how outcomes will be verified and how much say you will have over delivery. "
         "Where methods are fixed, the risk of missing results should not sit with you "
         "alone.</p>"),
        ("Looks sound",
         "<p>You have the capacity to run an outcomes contract, and providers are free to decide "
         "how to get results. Keep monitoring light and focused on outcomes.</p>",
         "<p>You will have room to decide how to work. Use it, and watch that tight pricing does "
         "not push you back to familiar methods.</p>"),
    ),
    "stable-environment": _bands(
        40, 70,
        ("A real risk",
         "<p>Policy, funding or volumes are likely to move, and the contract cannot adjust. Wait "
         "for things to settle, or add a clause to review prices and volumes.</p>",
         "<p>Changes in policy or referrals could undermine the contract's finances, as they did under "
         "Transforming Rehabilitation. Do not bid without protection such as a volume adjustment "
         "clause.</p>"),
        ("Needs work",
         "<p>Some change is likely. Make sure the contract can adjust prices or volumes if "
         "referrals move far from plan.</p>",
         "<p>Ask what happens if referrals fall or rise sharply, and model the contract under "
         "both.</p>"),
        ("Looks sound",
         "<p>The environment looks stable, and the contract can adjust if volumes change. Review "
         "the assumptions regularly.</p>",
         "<p>The terms protect you against big swings in volumes. Keep an eye on policy changes "
         "that could affect referrals.</p>"),
    ),
}

OVERALL_BANDS = _bands(
    30, 70,
    ("PbR is unlikely to fit now",
     "<p>Many of the conditions that payment by results needs are missing. Consider another way "
     "of paying for this service for now, or fix the weakest factors first and test the approach "
     "on a small scale.</p>",
     "<p>Bidding on these terms could put your organisation, and the people you support, at "
     "risk. Raise the weakest factors with the commissioner, or consider not bidding.</p>"),
    ("Proceed with caution",
     "<p>Payment by results could work here, but only with changes. Start with the factors "
     "marked as a real risk, and consider a pilot before committing.</p>",
     "<p>The contract could work, but some terms need to change. Raise the factors marked as a "
     "real risk before bidding, and price the remaining risk honestly.</p>"),
    ("PbR looks promising",
     "<p>Most of the conditions for payment by results are in place. Keep working on any factor "
     "that still needs attention, and plan the evaluation early.</p>",
     "<p>The conditions look favourable for a bid. Check any weaker factors, and make sure the "
     "contract terms match what you have been told.</p>"),
)

NEXT_STEPS = (
    "<p>Whatever your result, these steps will help.</p>"
    "<ul>"
    "<li>Read the evidence digests for the factors that need work.</li>"
    "<li>Talk early: commissioners with likely providers and people who use the service, "
    "providers with the commissioner.</li>"
    "<li>Try the approach on a small scale before relying on it more widely.</li>"
    "<li>Plan the evaluation before the scheme starts, so that it can shape the design.</li>"
    "</ul>"
)

UNANSWERED = "exclude"

# ---------------------------------------------------------------------------- evidence and roles
# The digest (by slug) linked under each question that has no "read_more" of its own.
READ_MORE = {
    "aims": "clear-purpose-and-outcomes",
    "alternatives-compared": "clear-purpose-and-outcomes",
    "outcome-data": "clear-purpose-and-outcomes",
    "provider-control": "attribution-and-external-factors",
    "measures-meaningful": "clear-purpose-and-outcomes",
    "payment-triggers": "measurement-binary-versus-frequency",
    "comparator": "attribution-and-external-factors",
    "verification-time": "evaluation-and-the-evidence-base",
    "evaluation-funded": "evaluation-and-the-evidence-base",
    "complex-needs": "quality-and-vulnerable-service-users",
    "user-involvement": "quality-and-vulnerable-service-users",
    "payment-at-risk": "risk-transfer-and-cash-flow",
    "progress-payments": "pricing",
    "payment-by-need": "gaming-cream-skimming-and-parking",
    "safeguards": "gaming-cream-skimming-and-parking",
    "working-capital": "risk-transfer-and-cash-flow",
    "early-engagement": "market-and-smaller-voluntary-providers",
    "covers-full-cost": "market-and-smaller-voluntary-providers",
    "commissioner-capacity": "commissioner-capability",
    "provider-freedom": "innovation-and-the-black-box",
    "policy-stability": "attribution-and-external-factors",
    "volume-clause": "risk-transfer-and-cash-flow",
}

# Wording for providers, where the shared wording (written for either role, or for the
# commissioner who designs the scheme) would ask a provider what it cannot know, or advise it
# to do what only a commissioner can. Keyed by question reference; "options" by answer code.
PROVIDER_WORDING = {
    "aims": {
        "options": {
            "two": {"consider": "A scheme with several competing aims is hard to price and easy to fail. "
                    "Ask the commissioner which aim comes first, and how your performance will be "
                    "judged, before you bid."},
            "three-or-more": {"consider": "A scheme with several competing aims is hard to price and easy "
                              "to fail. Ask the commissioner which aim comes first, and how your "
                              "performance will be judged, before you bid."},
        },
    },
    "alternatives-compared": {
        "question": "Has the commissioner explained why payment by results suits this service "
        "better than a grant or a fee-based contract?",
        "options": {
            "formally": {"label": "Yes, with the costs of each option"},
            "informally": {"label": "Only in general terms",
                           "consider": "Ask the commissioner what they expect payment by results "
                           "to achieve that a grant or an ordinary contract would not."},
            "no": {"label": "No",
                   "consider": "Ask the commissioner why they chose payment by results. If "
                   "nobody can say, the scheme may not suit the service, and the risk may end up "
                   "with you."},
        },
    },
    "measures-meaningful": {
        "question": "How far do you agree that your staff and the people you support would see "
        "the outcome measures as a fair sign of real progress?",
    },
    "payment-measure": {
        "options": {
            "binary-tested": {"consider": "A yes-or-no measure pays nothing for real progress "
                              "short of the threshold. Model how many of the people you expect "
                              "would cross it, and ask for payments for steps along the way."},
            "binary": {"consider": "Ask how the threshold was set and model how many people you "
                       "could realistically bring across it before you bid."},
            "not-decided": {"consider": "Ask how the outcome will be counted before you bid: it "
                            "decides which of your work is paid for."},
        },
    },
    "comparator": {
        "options": {
            "could-be-built": {"consider": "Ask to see the baseline before you bid. Without it, "
                               "targets may be set too high to reach."},
            "no": {"consider": "Without a baseline, targets may be set too high to reach or too "
                   "low to mean anything. Ask how they were worked out."},
            "dont-know": {"consider": "Ask the commissioner what the targets are based on and "
                          "whether that reflects current conditions."},
        },
    },
    "cohort-size": {
        "options": {
            "probably": {"consider": "Ask whether anyone has checked that the group is large "
                         "enough. With a small group, your payments will follow chance as much as "
                         "your work."},
            "small": {"consider": "With a small group, a few people's results decide your "
                      "income. Price that risk in, or ask for payments on a larger group."},
            "dont-know": {"consider": "Ask how many people will be referred each year, and "
                          "model your income if the number is lower."},
        },
    },
    "evaluation-funded": {
        "options": {
            "dont-know": {"consider": "Ask whether an independent evaluation is planned. It is "
                          "how your contribution will be seen."},
        },
    },
    "payment-at-risk": {
        "options": {
            "21-to-50": {"consider": "A large share at risk needs strong cash flow. Check that "
                         "your organisation could absorb a bad year."},
            "over-50": {"consider": "With most of the money at risk, a bad year could threaten "
                        "your organisation. Ask for a smaller share paid on outcomes, or think "
                        "carefully before bidding."},
        },
    },
    "progress-payments": {
        "options": {
            "no": {"consider": "Paying only for a final result leaves you waiting and makes slow "
                   "progress unaffordable. Ask for up-front or progress payments."},
            "dont-know": {"consider": "Ask how and when you will be paid: it decides whether you "
                          "can afford to work with everyone referred."},
        },
    },
    "budget-for-success": {
        "question": "If results are better than forecast, has the commissioner said there is "
        "budget to pay for all of them?",
        "options": {
            "capped": {"consider": "Know where the cap is before you bid: results above it are "
                       "work you will not be paid for."},
            "no": {"label": "No, or I don't know",
                   "consider": "Ask what happens if results beat the forecast. An unexpected cap "
                   "could leave some of your work unpaid."},
        },
    },
    "payment-by-need": {
        "options": {
            "no": {"consider": "One price for everyone makes the hardest cases the least "
                   "affordable to help. Ask for higher payments for people who need more "
                   "support."},
            "dont-know": {"consider": "Ask how prices will reflect people's needs before you "
                          "bid."},
        },
    },
    "working-capital": {
        "question": "Could your organisation, and any partners, carry the costs of delivery for "
        "6 to 12 months while waiting for outcome payments?",
        "help_text": "<p>This is about working capital: the cash or backing to pay staff and "
        "bills before the outcome payments come in.</p>",
        "options": {
            "yes": {"label": "Yes, we have the reserves or backing"},
            "some": {"label": "We could, but some partners would struggle",
                     "consider": "Check each partner's cash flow, and agree how payments pass "
                     "down the supply chain before you bid."},
            "no": {"consider": "Do not plan to subsidise the work from other funds or borrow to "
                   "cover it. Ask for progress payments or a smaller share paid on outcomes."},
            "not-asked": {"label": "We have not worked it out",
                          "consider": "Work out how many months your reserves could carry the "
                          "work before you bid."},
        },
    },
    "early-engagement": {
        "question": "Has the commissioner involved providers like you in shaping the scheme "
        "before procurement?",
        "options": {
            "some": {"consider": "Use any chance to tell the commissioner how much risk you can "
                     "take on, and what would make the scheme workable."},
            "no": {"consider": "Ask the commissioner for a chance to comment on the design, and "
                   "say plainly how much risk you could carry."},
        },
    },
    "covers-full-cost": {
        "question": "Will the prices cover the full cost of delivery, for you and any "
        "subcontractors, so that nobody has to subsidise the work?",
        "options": {
            "no": {"consider": "Subsidising the work from other funds cannot last. Press the "
                   "commissioner for higher prices before you bid, or think again about bidding."},
            "dont-know": {"consider": "Cost the work in full, including any subcontractors, "
                          "before you bid."},
        },
    },
    "enough-providers": {
        "options": {
            "one-or-two": {"consider": "With few providers, the commissioner depends on you. "
                           "Use that to agree fair terms, and plan how the work would carry on "
                           "if a partner stopped."},
        },
    },
    "risk-kept": {
        "question": "Has the commissioner said which risks stay with them, and what happens to "
        "the service if a provider fails or withdraws?",
        "options": {
            "partly": {"consider": "Ask which risks stay with the commissioner, such as changes "
                       "in policy or referrals, and price in any that pass to you."},
            "no": {"consider": "Do not take on risks you cannot manage. Ask which risks stay with "
                   "the commissioner before you bid."},
        },
    },
    "commissioner-capacity": {
        "question": "How far do you agree that the commissioner has the skills and time to set "
        "prices, check outcome data and manage the contract?",
        "help_text": "<p>Payment by results is technically demanding for commissioners, and its "
        "costs and risks are often underestimated.</p>",
    },
    "provider-freedom": {
        "question": "How much freedom will you have over how you deliver the service?",
        "options": {
            "free": {"label": "We will choose how to deliver, within basic safeguards"},
            "some": {"consider": "Where methods are specified, the risk of missing results "
                     "should not sit with you alone. Ask for more freedom or a smaller share paid "
                     "on outcomes."},
            "prescribed": {"consider": "You would carry the risk of missing outcomes with little "
                           "say over how you work. Ask for freedom over delivery, or argue for "
                           "another way of paying."},
        },
    },
    "pilot": {
        "question": "Will the commissioner try payment by results on a small scale, or phase it "
        "in, before using it more widely?",
        "options": {
            "not-decided": {"label": "Not decided, or I don't know",
                            "consider": "Ask whether a pilot or a phased start is possible: it "
                            "limits your risk while prices and measures are tested."},
            "no": {"consider": "Starting in full puts every mistake in pricing and measurement at "
                   "full scale, and much of the risk with you. Ask for a phased start."},
        },
    },
    "volume-clause": {
        "options": {
            "no": {"consider": "Without a volume clause, a drop in referrals can sink your "
                   "finances, as it did for providers under Transforming Rehabilitation. Ask for "
                   "one before you bid."},
            "dont-know": {"consider": "Check the draft contract for a clause to review prices or "
                          "volumes if referrals move far from plan."},
        },
    },
}

# ---------------------------------------------------------------------------- verdict rules
# So that one fatal weakness cannot hide behind strong answers elsewhere (issue: 5 of 8
# factors at "a real risk", provider finance among them, were told "proceed with caution").
VERDICT_RULES = [
    {"which_factors": "critical", "at_least": 1, "counted_as": "number", "cap_at": "caution"},
    {"which_factors": "any", "at_least": 50, "counted_as": "percent", "cap_at": "unsuitable"},
]

# ---------------------------------------------------------------------------- sample services
# Answers the services in the research team's sample-services.md would honestly give. Where a
# description says nothing about a question, the answer is the most plausible one for that
# service, and never the one that would flatter it.

SAMPLE_SERVICES = {
    "rough-sleepers": {
        "name": "Rough sleepers into settled accommodation",
        "description": "A London borough moving about 400 long-term rough sleepers into "
        "accommodation they keep for at least six months.",
        "role": "commissioner",
        "answers": {
            "aims": ["one"],
            "alternatives-compared": ["formally"],
            "outcome-data": ["all"],
            "provider-control": ["most"],
            "measures-meaningful": ["strongly-agree"],
            "payment-triggers": ["three-to-five"],  # the outcome plus progress payments
            "payment-measure": ["binary-tested"],  # kept housing at six months, per person
            "comparator": ["in-place"],
            "cohort-size": ["probably"],  # about 400 people; nobody is said to have checked
            "verification-time": ["6-to-12-months"],
            "evaluation-funded": ["yes"],
            "complex-needs": ["most"],
            "user-involvement": ["co-designed"],
            "payment-at-risk": ["up-to-20"],
            "progress-payments": ["yes"],
            "budget-for-success": ["capped"],
            "payment-by-need": ["yes"],
            "safeguards": ["whole-cohort", "monitoring"],
            "working-capital": ["yes"],
            "early-engagement": ["in-depth"],
            "covers-full-cost": ["yes"],
            "enough-providers": ["one-or-two"],  # two established providers
            "risk-kept": ["partly"],
            "commissioner-capacity": ["agree"],
            "provider-freedom": ["free"],
            "pilot": ["not-decided"],
            "policy-stability": ["stable"],
            "volume-clause": ["yes"],
        },
        "expected_overall": "promising",
        "expected_factors": {
            "purpose": "promising",
            "outcomes": "promising",
            "baseline-and-evaluation": "promising",
            "pricing-and-payment": "promising",
            "market-and-finance": "promising",
            "commissioner-capability": "promising",
            "stable-environment": "promising",
        },
    },
    "short-sentences": {
        "name": "Resettlement after short prison sentences",
        "description": "A regional commissioner paying small voluntary organisations on reduced "
        "reoffending by people leaving prison sentences of under 12 months.",
        "role": "commissioner",
        "answers": {
            "aims": ["two"],
            "alternatives-compared": ["informally"],
            "outcome-data": ["all"],
            "provider-control": ["some"],
            "measures-meaningful": ["agree"],
            "payment-triggers": ["one-or-two"],
            "payment-measure": ["not-decided"],
            "comparator": ["could-be-built"],
            "cohort-size": ["probably"],
            "verification-time": ["over-12-months"],
            "evaluation-funded": ["no"],
            "complex-needs": ["most"],
            "user-involvement": ["consulted"],
            "payment-at-risk": ["21-to-50"],
            "progress-payments": ["no"],
            "budget-for-success": ["no"],  # one aim is to cut cost
            "payment-by-need": ["no"],
            "safeguards": ["whole-cohort"],  # reoffending is measured for everyone released
            "working-capital": ["no"],
            "early-engagement": ["some"],
            "covers-full-cost": ["dont-know"],
            "enough-providers": ["one-or-two"],
            "risk-kept": ["no"],  # policy in flux, no volume clause
            "commissioner-capacity": ["neither"],
            "provider-freedom": ["some"],
            "pilot": ["not-decided"],
            "policy-stability": ["major-change"],
            "volume-clause": ["no"],
        },
        # The research notes expected "proceed with caution". Five of the eight factors are at
        # "a real risk", provider finance and the baseline among them: the verdict rules now
        # say so instead of letting the stronger factors average it up (changed on purpose).
        "expected_overall": "unsuitable",
        "expected_factors": {
            "purpose": "caution",
            "baseline-and-evaluation": "unsuitable",
            "pricing-and-payment": "unsuitable",
            "market-and-finance": "unsuitable",
            "stable-environment": "unsuitable",
        },
    },
    "county-drug-and-alcohol": {
        "name": "Drug and alcohol recovery across a county",
        "description": "A county putting all drug and alcohol treatment on payment by results at "
        "once, to save money, spur innovation and move risk to providers.",
        "role": "commissioner",
        "answers": {
            "aims": ["three-or-more"],
            "alternatives-compared": ["no"],
            "outcome-data": ["some"],  # completions are recorded; abstinence is not
            "provider-control": ["some"],
            "measures-meaningful": ["disagree"],
            "payment-triggers": ["three-to-five"],
            "payment-measure": ["binary"],  # completions and abstinence, yes or no
            "comparator": ["no"],
            "cohort-size": ["dont-know"],
            "verification-time": ["over-12-months"],
            "complex-needs": ["most"],
            "user-involvement": ["not-involved"],
            "payment-at-risk": ["over-50"],
            "progress-payments": ["no"],
            "budget-for-success": ["no"],  # the aim is to save money
            "payment-by-need": ["no"],
            "safeguards": ["none"],
            "working-capital": ["not-asked"],
            "early-engagement": ["no"],
            "covers-full-cost": ["dont-know"],
            "enough-providers": ["none"],  # providers have not been asked
            "risk-kept": ["no"],  # risk is to move to providers at once
            "commissioner-capacity": ["neither"],
            "provider-freedom": ["prescribed"],
            "pilot": ["no"],  # all treatment at once
            "policy-stability": ["major-change"],
            "volume-clause": ["no"],
        },
        "expected_overall": "unsuitable",
        "expected_factors": {
            "purpose": "unsuitable",
            "outcomes": "unsuitable",
            "baseline-and-evaluation": "unsuitable",
            "pricing-and-payment": "unsuitable",
            "market-and-finance": "unsuitable",
            "service-users": "unsuitable",
            "commissioner-capability": "unsuitable",
            "stable-environment": "unsuitable",
        },
    },
}
