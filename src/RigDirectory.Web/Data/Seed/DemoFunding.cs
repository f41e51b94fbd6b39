using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Data.Seed;

/// <summary>
/// Demo workshop funding and awards in Development: a closed call with applications decided and reported, an open call
/// with drafts and applications waiting, one RIG of every state or province applying to each, and last year's winners.
/// </summary>
public static class DemoFunding
{
    public sealed record Data(IReadOnlyList<FundingCall> Calls, IReadOnlyList<Event> Events, IReadOnlyList<FundingApplication> Applications, IReadOnlyList<Award> Awards);

    private static readonly string[] Questions = ["What will students learn, and who teaches it?", "How will you reach students who have never met radiology?"];

    /// <summary><paramref name="rigs"/>: the approved demo RIGs, saved, each with the state or province and time zone of its school.</summary>
    public static Data Generate(IReadOnlyList<(Rig Rig, string Jurisdiction, string Zone)> rigs, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(rigs);
        var today = DateOnly.FromDateTime(now);
        var closed = new FundingCall
        {
            Slug = "fall-workshop-grants",
            Title = "Fall workshop grants",
            IsDemo = true,
            Funds = "Hands-on sessions in the autumn term: ultrasound, procedures, reading-room cases. Food and materials, not speakers' fees.",
            MaxAward = 500,
            Budget = 10_000,
            Questions = string.Join('\n', Questions),
            CreatedAt = now.AddDays(-160),
            UpdatedAt = now.AddDays(-90),
            OpensAt = Funding.OpensAt(today.AddDays(-150)),
            ClosesAt = Funding.ClosesAt(today.AddDays(-100)),
        };
        var open = new FundingCall
        {
            Slug = "spring-hands-on-workshops",
            Title = "Spring hands-on workshops",
            IsDemo = true,
            Funds = "Workshops in the spring term where students practise: ultrasound, IR simulation, joint sessions with other interest groups.",
            MaxAward = 750,
            Budget = 15_000,
            Questions = string.Join('\n', Questions),
            CreatedAt = now.AddDays(-21),
            UpdatedAt = now.AddDays(-21),
            OpensAt = Funding.OpensAt(today.AddDays(-20)),
            ClosesAt = Funding.ClosesAt(today.AddDays(40)),
        };

        // One RIG per state or province, the same for both calls: applications in every state.
        var applicants = rigs.GroupBy(r => r.Jurisdiction).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.OrderBy(r => r.Rig.Id).First()).ToList();
        var events = new List<Event>();
        var applications = new List<FundingApplication>();
        for (var i = 0; i < applicants.Count; i++)
        {
            var (rig, _, zone) = applicants[i];
            var past = Workshop(rig, zone, today.AddDays(-95 + (i % 30)), now.AddDays(-140));
            var coming = Workshop(rig, zone, today.AddDays(50 + (i % 40)), now.AddDays(-15));
            events.AddRange([past, coming]);
            var asked = 300 + (i * 37 % 200);
            var fall = Application(closed, rig, past, asked, now.AddDays(-120 + (i % 20)));
            if (closed.Awarded + asked <= closed.Budget && i % 4 != 3)
            {
                fall.Status = FundingStatus.Awarded;
                fall.AmountAwarded = asked;
                closed.Awarded += asked;
                if (i % 3 != 2)
                {
                    fall.ReportAttendance = 12 + (i * 7 % 40);
                    fall.ReportSummary = $"{fall.ReportAttendance} students came; residents ran four stations and everyone scanned a classmate. We will run it again in the spring.";
                    fall.ReportedAt = past.EndsAt.AddDays(10 + (i % 20));
                }
            }
            else
            {
                fall.Status = FundingStatus.Declined;
                fall.DecisionNote = "The budget was spent on earlier applications; please apply again in the spring.";
            }

            fall.DecidedAt = closed.ClosesAt.AddDays(7);
            fall.DecidedBy = "Ada Admin (demo)";
            var spring = Application(open, rig, coming, asked + 100, now.AddDays(-10 + (i % 9)));
            spring.Status = (i % 3) switch { 0 => FundingStatus.Submitted, 1 => FundingStatus.Draft, _ => i % 2 == 0 ? FundingStatus.ChangesRequested : FundingStatus.Submitted };
            if (spring.Status == FundingStatus.Draft)
            {
                spring.SubmittedAt = null;
            }
            else if (spring.Status == FundingStatus.ChangesRequested)
            {
                spring.DecisionNote = "Please split the food and the materials into separate budget lines.";
                spring.DecidedAt = now.AddDays(-2);
                spring.DecidedBy = "Ada Admin (demo)";
            }

            applications.AddRange([fall, spring]);
        }

        return new Data([closed, open], events, applications, Awards(rigs, now));
    }

    /// <summary>Last year's three awards, each with its nominees and one winner, and this year's, open for nominations.</summary>
    private static List<Award> Awards(IReadOnlyList<(Rig Rig, string Jurisdiction, string Zone)> rigs, DateTime now)
    {
        var year = now.Year - 1;
        var awards = new List<Award>
        {
            Award("Outstanding RIG", year, "A RIG that ran a full year of sessions, kept its profile current and handed over to new leaders well.", now),
            Award("Best outreach", year, "Sessions that brought radiology to students who rarely meet it: first years, other schools, the community.", now),
            Award("Rising RIG", year, "A RIG founded in the last two years that has already built a regular programme.", now),
            Award("Outstanding RIG", now.Year, "A RIG that ran a full year of sessions, kept its profile current and handed over to new leaders well.", now),
        };
        var pool = rigs.OrderBy(r => r.Rig.Id).Select(r => r.Rig).ToList();
        for (var a = 0; a < awards.Count; a++)
        {
            for (var n = 0; n < 3 && pool.Count > 0; n++)
            {
                var rig = pool[((a * 7) + (n * 3)) % pool.Count];
                if (awards[a].Nominations.Any(x => x.RigId == rig.Id))
                {
                    continue;
                }

                awards[a].Nominations.Add(new Nomination
                {
                    RigId = rig.Id,
                    Statement = $"{rig.Name} ran sessions most months, paired every first-year member with a resident, and brought two other schools to its ultrasound day.",
                    NominatedBy = "Ada Admin (demo)",
                    NominatedAt = a < 3 ? new DateTime(year, 10, 1 + n, 12, 0, 0, DateTimeKind.Utc) : now.AddDays(-5 - n),
                    SelectedAt = a < 3 && n == 0 ? new DateTime(year, 11, 15, 12, 0, 0, DateTimeKind.Utc) : null,
                    IsDemo = true,
                });
            }
        }

        return awards;
    }

    private static Award Award(string name, int year, string criteria, DateTime now) => new()
    {
        Slug = SlugRules.From(Domain.Award.TitleOf(name, year)),
        Name = name,
        Year = year,
        Criteria = criteria,
        Title = Domain.Award.TitleOf(name, year),
        CreatedAt = now.AddDays(-400),
        IsDemo = true,
    };

    private static Event Workshop(Rig rig, string zone, DateOnly day, DateTime created)
    {
        var e = DemoDataGenerator.DemoEvent("Hands-on ultrasound workshop", EventType.Workshop, EventFormat.InPerson, "Simulation centre", day, zone, created);
        e.RigId = rig.Id;
        e.Description = "Residents run four scanning stations; every student scans. Funded by the ACR Medical Student Section.";
        e.Capacity = 30;
        return e;
    }

    private static FundingApplication Application(FundingCall call, Rig rig, Event funded, int asked, DateTime submitted) => new()
    {
        Call = call,
        RigId = rig.Id,
        Event = funded,
        AmountAsked = asked,
        SubmittedAt = submitted,
        CreatedAt = submitted.AddDays(-3),
        UpdatedAt = submitted,
        IsDemo = true,
        BudgetLines =
        [
            new FundingBudgetLine { Number = 1, Item = "Gel, probe covers and cleaning wipes", Amount = asked / 3 },
            new FundingBudgetLine { Number = 2, Item = "Lunch for students and residents", Amount = asked - (asked / 3) },
        ],
        Answers =
        [
            new FundingAnswer { Number = 1, Question = Questions[0], Text = "The FAST exam and basic probe handling, taught by two radiology residents and our sponsor." },
            new FundingAnswer { Number = 2, Question = Questions[1], Text = "We invite first years through their class chat and hold half the seats for students from other schools." },
        ],
    };
}
