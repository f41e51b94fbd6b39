using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Data.Seed;

/// <summary>A demo resource library in Development: the toolkits RIGs ask for, written as ACR would write them.</summary>
public static class DemoResources
{
    public static IReadOnlyList<Resource> Generate(DateTime now) =>
    [
        Make("Running your first RIG meeting", ResourceKind.Toolkit, ResourceAudience.Everyone, "first-meeting; start-a-rig",
            "A one-hour plan for a first meeting that brings students back: who to invite, what to say, and what to ask them to do next.",
            """
            ## Before the meeting
            - Book a room near the lecture halls for lunchtime; order food for the number who say they are coming, plus a third.
            - Ask your faculty sponsor to give a ten-minute talk: **why I chose radiology**.
            - Post in every class group chat a week and a day before.

            ## The hour
            1. Welcome and what the RIG is for (5 minutes).
            2. Your sponsor's talk and questions (20 minutes).
            3. A reading-room case: show three images and let students guess (15 minutes).
            4. What is coming this term, and a sign-up sheet for the mailing list (10 minutes).

            ## After
            Email everyone who signed up within two days, with the next date. Record the meeting as an event in the
            directory so it counts towards your RIG's record.
            """, now, -200),
        Make("Asking a faculty member to sponsor your RIG", ResourceKind.Guide, ResourceAudience.Everyone, "sponsors; start-a-rig",
            "Whom to ask, what a sponsor does (and does not) have to do, and an email you can adapt.",
            """
            ## What a sponsor does
            A sponsor vouches for the RIG and meets the officers once or twice a term; they do not run it. In practice
            that means:
            - confirming the RIG in the directory (one click, from the email the registration sends them);
            - suggesting speakers from the department and opening the door to the reading room for shadowing;
            - signing off a funding application's budget, when the RIG applies for workshop funding;
            - being there when officers change each spring, so the group never loses its contacts.

            ## Whom to ask
            Ask a radiologist who already teaches students: a clerkship director, the residency program director, or
            an attending who gives lectures in the preclinical years. A resident cannot be the sponsor, but is often
            the best person to ask who would say yes.

            ## How to ask
            Ask in person first, after a lecture or during a rotation, then send the request from the registration so
            they can confirm with one click. Keep the email short:

            > Dear Dr …, we are starting a radiology interest group for students at … and would be grateful if you
            > would be our faculty sponsor. It would mean meeting the officers once or twice a term and confirming the
            > group in the ACR's RIG directory; we run the events ourselves. Could we have ten minutes of your time
            > next week to tell you what we have planned?

            If the answer is no, ask whom they would suggest: most departments have someone who enjoys this.
            """, now, -180),
        Make("Ultrasound workshop toolkit", ResourceKind.Toolkit, ResourceAudience.Everyone, "workshop; ultrasound",
            "How to run a hands-on point-of-care ultrasound workshop with residents: stations, models, equipment and a sign-off sheet.",
            """
            ## Stations
            | Station | What students practise | Who runs it |
            | --- | --- | --- |
            | FAST exam | the four windows | an emergency radiology resident |
            | Vascular access | in-plane needle guidance on a gel phantom | an IR fellow |
            | Cardiac | parasternal long axis | a cardiology fellow |

            ## Equipment
            Ask the simulation centre for two machines and a phantom per station. Standardised patients need booking
            six weeks ahead; volunteer classmates in scrubs work for the FAST and cardiac stations if they do not.
            Bring gel, paper towels and probe covers, and print one image of each target view to tape beside the screen.

            ## Running the evening
            1. Ten minutes together: knobology, probe orientation and how to hold the probe steady.
            2. Three rotations of twenty minutes, four or five students per station, every student scanning.
            3. Ten minutes at the end: each student saves one image they are proud of, and the residents review them.

            Ask the residents to sign a short sheet for each student who obtained every view: students keep it for
            their portfolio, and the RIG's funding report can say how many learned the skill.

            See the [ACR's ultrasound resources](https://www.acr.org/) for case material.
            """, now, -150),
        Make("Residency application panel", ResourceKind.Guide, ResourceAudience.SignedIn, "residency-panel; careers",
            "A panel of residents and a program director on applying to diagnostic and interventional radiology: format, questions to ask, and timing.",
            """
            ## When and who
            Hold it in the spring, when third-years are choosing away rotations and second-years are deciding what to
            do with their summer. Invite one PGY-2, one PGY-4, one IR resident and a program director; four voices is
            enough for an hour, and a program director changes which questions people dare to ask.

            ## The hour
            1. Each panellist: how they came to radiology, in two minutes (10 minutes).
            2. Prepared questions from the officers (20 minutes).
            3. Open questions from the room, and from the chat if the panel is hybrid (25 minutes).
            4. Where to go next: the RIG's mentors, away rotations, the ACR's resources (5 minutes).

            **Questions that work:** what made an application stand out; how to choose away rotations; research or
            not, and what kind; what an intern year in radiology is like; how interventional radiology differs in
            training and in the match.

            ## After
            Record the panel as an event in the directory, share the slides the program director used, and send the
            list of questions nobody had time for to the panellists: most will answer by email.
            """, now, -90),
        Make("Joint session with another interest group", ResourceKind.Toolkit, ResourceAudience.Everyone, "joint-session; events",
            "Planning a joint case night with the emergency medicine or surgery interest group: sharing the work and the audience.",
            """
            ## Choosing the theme
            Pick a theme both specialties see every day, such as **imaging in trauma** with emergency medicine, the
            **acute abdomen** with surgery, or **stroke** with neurology. The best joint nights follow one patient
            from the door to the decision, with each specialty explaining its part.

            ## Sharing the work
            | Task | Radiology interest group | Other interest group |
            | --- | --- | --- |
            | Speaker | one radiologist or senior resident | one attending from their specialty |
            | Cases | two cases with the images | the clinical story for each case |
            | Room and food | books the room | orders the food |
            | Publicity | posts to the RIG's list and the directory | posts to their own list |

            ## In the directory
            Add the event from **My RIGs** and name the other group's RIG as co-host if it is in the directory: it then
            shows on both profiles, and both groups' students can register. Split the attendance count when you
            report on a funded workshop.
            """, now, -60),
        Make("AI journal club starter kit", ResourceKind.Template, ResourceAudience.Everyone, "journal-club; artificial-intelligence",
            "Five papers to start an AI in radiology journal club, with a one-page template for presenting each.",
            """
            ## Template
            - The clinical question, in one sentence
            - The data: how many patients, from where, labelled by whom
            - The result, and what it was compared with
            - Would you trust it in the reading room tomorrow? Why not?
            """, now, -30),
        Make("Officer handover checklist", ResourceKind.Template, ResourceAudience.RigLeaders, "officers; succession",
            "What outgoing officers hand over before 1 July: accounts, contacts, the sponsor, and the directory profile.",
            """
            - Invite next year's leaders from **My RIGs** before you graduate: your term ends on 1 July.
            - Hand over the shared inbox and social accounts; change their passwords.
            - Introduce the new officers to your faculty sponsor by email.
            - Confirm the RIG is active in the directory and bring its profile up to date.
            """, now, -10),
    ];

    private static Resource Make(string title, ResourceKind kind, ResourceAudience audience, string tags, string summary, string body, DateTime now, int days) => new()
    {
        Slug = SlugRules.From(title),
        Title = title,
        Summary = summary,
        Body = body,
        Kind = kind,
        Audience = audience,
        Tags = tags,
        CreatedAt = now.AddDays(days),
        UpdatedAt = now.AddDays(days),
        IsDemo = true,
    };
}
