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
            A sponsor vouches for the RIG and meets the officers once or twice a term; they do not run it. Ask a
            radiologist who teaches students, or the program director, in person first, then send the request from
            the registration so they can confirm with one click.

            > Dear Dr …, we are starting a radiology interest group for students at … Would you be our faculty sponsor?
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
            six weeks ahead.

            See the [ACR's ultrasound resources](https://www.acr.org/) for case material.
            """, now, -150),
        Make("Residency application panel", ResourceKind.Guide, ResourceAudience.SignedIn, "residency-panel; careers",
            "A panel of residents and a program director on applying to diagnostic and interventional radiology: format, questions to ask, and timing.",
            """
            Hold it in the spring, when third-years are choosing away rotations. Invite one PGY-2, one PGY-4, one IR
            resident and a program director; keep the panel to an hour with half for questions.

            **Questions that work:** what made an application stand out, how to choose away rotations, research or not.
            """, now, -90),
        Make("Joint session with another interest group", ResourceKind.Toolkit, ResourceAudience.Everyone, "joint-session; events",
            "Planning a joint case night with the emergency medicine or surgery interest group: sharing the work and the audience.",
            """
            Pick a theme both specialties see every day, such as **imaging in trauma**. Each group brings one speaker
            and two cases; co-host the event in the directory so it shows on both RIGs' profiles.
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
