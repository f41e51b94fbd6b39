using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;

namespace RigDirectory.Web.Features.Administration.Admin;

/// <summary>What waits for an admin's decision.</summary>
public sealed record Waiting(int Registrations, int MentorApplications, int Claims, int FundingApplications)
{
    public int Total => Registrations + MentorApplications + Claims + FundingApplications;

    private static readonly object Key = new();

    /// <summary>
    /// What waits, in one statement, once per request: the console's to-dos and the counts in the sidebar of every
    /// admin page read the same answer.
    /// </summary>
    public static async Task<Waiting> ForRequestAsync(HttpContext context, AppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(db);
        if (context.Items[Key] is Waiting known)
        {
            return known;
        }

        // Composed as queries first, so that EF inlines them as subqueries of the one statement.
        var rigs = db.Rigs.Where(RegistrationWorkflow.AwaitingReview);
        var mentors = db.MentorProfiles.Where(MentoringRules.OfferAwaitingReview);
        var claims = db.RigClaims.Where(Domain.Stewardship.ClaimWaiting);
        var applications = db.FundingApplications.Where(Domain.Funding.AwaitingDecision);
        var waiting = await db.Regions.AsNoTracking().Take(1).Select(_ => new Waiting(rigs.Count(), mentors.Count(), claims.Count(), applications.Count()))
            .FirstOrDefaultAsync(context.RequestAborted) ?? new Waiting(0, 0, 0, 0);
        context.Items[Key] = waiting;
        return waiting;
    }
}

/// <summary>One place of the admin console, with what waits there.</summary>
public sealed record AdminPlace(string Label, string Path, int Waiting = 0, bool Download = false);

/// <summary>The console's places grouped by job, and which one the page is in.</summary>
public sealed record AdminNavModel(IReadOnlyList<(string Group, IReadOnlyList<AdminPlace> Places)> Groups, string? Current);

/// <summary>The admin console's sidebar, on every <c>/admin</c> page: its places grouped by job, with counts of what waits.</summary>
public sealed class AdminNavViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var w = await Waiting.ForRequestAsync(HttpContext, db);
        IReadOnlyList<(string, IReadOnlyList<AdminPlace>)> groups =
        [
            ("Review", [new("Registrations", "/admin/reviews", w.Registrations), new("Mentor applications", "/admin/reviews/mentors", w.MentorApplications), new("Claims of unclaimed RIGs", "/admin/claims", w.Claims)]),
            ("Directory data", [new("Schools", "/admin/schools"), new("Regions and contacts", "/admin/regions"), new("Coverage by region", "/admin/coverage"), new("RIG contacts (XLSX)", "/admin/contacts/rig-contacts.xlsx", Download: true), new("RIG contacts (CSV)", "/admin/contacts/rig-contacts.csv", Download: true)]),
            ("Programs", [new("ACR events", "/admin/events"), new("Mentoring", "/admin/mentoring"), new("Workshop funding", "/admin/funding", w.FundingApplications), new("Awards", "/admin/awards"), new("Resources", "/admin/resources")]),
            ("People", [new("Users and roles", "/admin/users")]),
            ("Records", [new("Audit log", "/admin/audit"), new("Security log", "/admin/security-events")]),
        ];
        var path = HttpContext.Request.Path.Value ?? "";
        // The place the page belongs to: the longest path it starts with (a mentor application is under Review, not Mentoring).
        var current = groups.SelectMany(g => g.Item2).Where(p => !p.Download && (path == p.Path || path.StartsWith(p.Path + "/", StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(p => p.Path.Length).FirstOrDefault()?.Path;
        return View("~/Features/Administration/Admin/_AdminNav.cshtml", new AdminNavModel(groups, current));
    }
}
