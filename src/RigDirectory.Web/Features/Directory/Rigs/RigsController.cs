using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Infrastructure;
using RigDirectory.Web.Infrastructure.Holes;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Directory.Rigs;

[AllowAnonymous]
public sealed class RigsController(AppDbContext db, DirectorySnapshot directory, SchoolFinder schools, IAuthorizationService authorization, InterestViewers viewers, TimeProvider clock) : Controller
{
    [HttpGet("/rigs")]
    [OutputCache(PolicyName = DirectoryCache.SearchPolicy, Tags = [DirectoryCache.ListTag])]
    [SharedForSignedIn]
    public async Task<IActionResult> Index(RigSearchInput input, CancellationToken cancellationToken)
    {
        var snapshot = await directory.GetAsync();
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new RigListViewModel(new RigSearchInput(), snapshot.Filters, [], 0, Errors(), []));
        }

        var (total, page) = RigSearchQuery.Apply(snapshot, input, (input.Page - 1) * RigSearchInput.PageSize, RigSearchInput.PageSize);
        HttpContext.TagCachedResponse(input.HasFilters ? DirectoryCache.AnyRowTag : DirectoryCache.ListPageTag(input.Sort, input.Page));
        // A search for a school that has no RIG never dead-ends: it says so, and how to start one there.
        var named = total == 0 && !string.IsNullOrWhiteSpace(input.Query)
            ? await schools.ChoicesAsync(db, SchoolFinder.Bounded(input.Query), null, NamedSchools, cancellationToken)
            : [];
        // A RIG registered or approved at a named school evicts this answer with the school's pages.
        HttpContext.TagCachedResponse([.. named.Select(s => DirectoryCache.SchoolTag(s.Slug))]);
        return View(new RigListViewModel(input, snapshot.Filters, page, total, [], named));
    }

    [HttpGet("/rigs.csv")]
    [OutputCache(PolicyName = DirectoryCache.SearchPolicy, Tags = [DirectoryCache.ListTag, DirectoryCache.AnyRowTag])]
    public async Task<IActionResult> Csv(RigSearchInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return ValidationProblem(ModelState);
        }

        var (_, items) = RigSearchQuery.Apply(await directory.GetAsync(), input);
        return File(await CsvExport.WriteAsync(items.Select(PublicRig.From), cancellationToken), "text/csv; charset=utf-8", "rigs.csv");
    }

    [HttpGet("/rigs/{slug}")]
    [OutputCache(PolicyName = DirectoryCache.Policy)]
    // Its leaders and ACR staff also see its sponsors' emails: their profile is rendered whole.
    [SharedForSignedIn(ExceptRoles = [Roles.AcrAdmin, Roles.RigLeader])]
    public async Task<IActionResult> Show(string slug, CancellationToken cancellationToken)
    {
        HttpContext.TagCachedResponse(DirectoryCache.RigTag(slug));
        var signedIn = User.Identity?.IsAuthenticated == true;

        // Sponsors' emails are for the RIG's own leaders (known from the facts the interest box reads too) and ACR staff.
        var userId = this.Actor().UserId;
        var leads = userId is not null && (await viewers.GetAsync(db, userId, cancellationToken)).Leads.Contains(slug);
        var seesSponsorEmails = leads || (signedIn && (await authorization.AuthorizeAsync(User, Policies.Administer)).Succeeded);
        var rig = await RigProfileQuery.FindAsync(db, slug, signedIn, seesSponsorEmails, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return rig is null ? NotFound() : View(rig);
    }

    /// <summary>How many schools a search that found no RIG names instead.</summary>
    private const int NamedSchools = 3;

    private List<string> Errors() =>
        ModelState.Where(e => e.Value?.Errors.Count > 0)
            .Select(e => e.Key switch
            {
                "page" => "The page number must be a whole number from 1 to 10,000.",
                "sort" => "Sort by name, school or recently verified.",
                "country" => "Choose a country from the list.",
                "degree" => "Choose MD or DO.",
                "activity" or "Activities" => "Choose activities from the list.",
                _ => e.Value!.Errors[0].ErrorMessage is { Length: > 0 } message ? message : "One of the filters is not valid.",
            })
            .Distinct()
            .ToList();
}

/// <param name="Schools">When no RIG matched a search, the schools it names: each with its RIG, one being registered, or none yet.</param>
public sealed record RigListViewModel(RigSearchInput Search, RigFilterOptions Filters, IReadOnlyList<RigListItem> Items, int Total, IReadOnlyList<string> Errors, IReadOnlyList<SchoolChoice> Schools)
{
    public int Pages => Math.Max(1, (Total + RigSearchInput.PageSize - 1) / RigSearchInput.PageSize);
    public int First => Total == 0 ? 0 : ((Search.Page - 1) * RigSearchInput.PageSize) + 1;
    public int Last => First == 0 ? 0 : First + Items.Count - 1;
}

public sealed record RigProfileViewModel(
    string Slug,
    string Name,
    string SchoolSlug,
    string School,
    string? Campus,
    string City,
    string StateName,
    Country Country,
    string RegionSlug,
    string RegionName,
    string? Description,
    string? HowToGetInvolved,
    RigActivities Activities,
    MeetingCadence MeetingCadence,
    string? ContactEmail,
    bool ContactEmailNeedsSignIn,
    string? Website,
    string? InstagramUrl,
    string? XUrl,
    string? LinkedInUrl,
    int? FoundedYear,
    DateTime? LastVerifiedAt,
    DateTime? ApprovedAt,
    DateTime UpdatedAt,
    IReadOnlyList<SponsorViewModel> Sponsors,
    IReadOnlyList<OfficerViewModel> Officers,
    IReadOnlyList<RigEventViewModel> Events,
    IReadOnlyList<RigMentorViewModel> Mentors,
    IReadOnlyList<RigAwardViewModel> Awards,
    DateTime AsOf)
{
    /// <summary>Its officers have all graduated: a student at the school may claim it (<see cref="Stewardship"/>).</summary>
    public bool IsUnclaimed => Officers.Count == 0;

    /// <summary>Events still to come (or under way), soonest first, cancelled ones marked.</summary>
    public IEnumerable<RigEventViewModel> Upcoming => Events.Where(e => e.EndsAt >= AsOf);

    /// <summary>Events held in the past year, latest first: the RIG's record of activity ("12 events in the last year").</summary>
    public IReadOnlyList<RigEventViewModel> Recent => [.. Events.Where(e => e.EndsAt < AsOf && EventRules.IsScheduled(e.Status)).Reverse()];
}

/// <summary>
/// A signed-in visitor as the profile sees them: whether they lead the RIG (and so see how many students are
/// interested), whether they said they are interested, and what the interest form starts from.
/// </summary>
public sealed record ProfileViewer(int RigId, bool Leads, int InterestedCount, DateTime? InterestedSince, string? SharedEmail, string? AccountEmail, string? OwnSchool)
{
    public static Task<ProfileViewer?> FindAsync(AppDbContext db, string slug, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ownSchool = RigInterests.OwnSchool(db, userId);
        return db.Rigs.AsNoTracking()
            .Where(r => r.Slug == slug)
            .Select(r => new ProfileViewer(
                r.Id,
                db.Rigs.LedBy(userId).Any(l => l.Id == r.Id),
                r.Interests.Count,
                r.Interests.Where(i => i.UserId == userId).Select(i => (DateTime?)i.CreatedAt).FirstOrDefault(),
                r.Interests.Where(i => i.UserId == userId).Select(i => i.SharedEmail).FirstOrDefault(),
                db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefault(),
                ownSchool.FirstOrDefault()))
            .SingleOrDefaultAsync(cancellationToken);
    }
}

/// <summary>One of a RIG's events as its profile lists it; <paramref name="HostedBy"/>: the other RIG, for an event this one co-hosts.</summary>
public sealed record RigEventViewModel(int Id, string Title, EventType Type, DateTime StartsAt, DateTime EndsAt, string TimeZoneId, EventFormat Format, string? Location, EventStatus Status, string? HostedBy)
{
    public bool IsCancelled => EventRules.IsCancelled(Status);

    public string When => EventTimeZones.Describe(StartsAt, EndsAt, TimeZoneId);
}

/// <summary>An award the RIG won, shown as a badge linking to the awards page.</summary>
public sealed record RigAwardViewModel(string Slug, string Title, int Year);

public sealed record SponsorViewModel(string Name, string? Title, string? Department, string? Email);

public sealed record OfficerViewModel(string Name, string Position);

/// <summary>An active mentor who works with the RIG: name, role and institution, never an email; signed-in students follow the link to ask.</summary>
public sealed record RigMentorViewModel(int Id, string Name, MentorRole Role, string Institution);

/// <summary>The public fields of a RIG, as the open-data API and CSV publish them.</summary>
public sealed record PublicRig(
    string Slug,
    string Name,
    string Url,
    string School,
    string? Campus,
    string City,
    string StateProvince,
    Country Country,
    DegreeType Degree,
    string Region,
    string Activities,
    string MeetingCadence,
    string? ContactEmail,
    string? Website,
    string? Instagram,
    string? X,
    string? LinkedIn,
    int? FoundedYear,
    DateOnly? LastVerified)
{
    public static PublicRig From(RigListItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new PublicRig(item.Slug, item.Name, $"/rigs/{item.Slug}", item.School, item.Campus, item.City, item.PostalCode, item.Country, item.Degree,
            item.RegionName, string.Join("; ", RigText.DisplayNames(item.Activities)), item.MeetingCadence.DisplayName(), item.PublicContactEmail,
            item.Website, item.InstagramUrl, item.XUrl, item.LinkedInUrl, item.FoundedYear,
            item.LastVerifiedAt is { } verified ? DateOnly.FromDateTime(verified) : null);
    }
}
