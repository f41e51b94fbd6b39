using System.ComponentModel.DataAnnotations;
using System.Text;
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

namespace RigDirectory.Web.Features.Events;

/// <summary>
/// Events for everyone: the national list with its filters, and each event's page with registration (the calendar
/// feeds are <see cref="EventFeedsController"/>'s). Anonymous pages are output-cached and evicted by <see cref="EventCache"/>.
/// </summary>
public sealed class EventsController(AppDbContext db, EventSnapshot snapshot, SchoolFinder schools, EventRegistrationLifecycle registrations, IAuthorizationService authorization, TimeProvider clock) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private string? UserId => this.Actor().UserId;

    [AllowAnonymous]
    [HttpGet("events")]
    [OutputCache(PolicyName = EventCache.ListPolicy, Tags = [EventCache.ListTag])]
    [SharedForSignedIn]
    public async Task<IActionResult> Index(EventSearchInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            input = new EventSearchInput();
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        var (near, others, place, notFound) = await NearAsync(input, cancellationToken);
        var (events, total) = EventQueries.Search(await snapshot.GetAsync(), input, place, Now);
        var regions = await db.Regions.AsNoTracking().Active().OrderBy(r => r.SortOrder).Select(r => new RegionOption(r.Slug, r.Name)).ToListAsync(cancellationToken);
        var page = Math.Clamp(input.Page, 1, Math.Max(1, ((total - 1) / EventSearchInput.PageSize) + 1));
        return View(new EventListViewModel(input, events, total, page, regions, near, others, notFound));
    }

    /// <summary>
    /// The school "near" means: a typed name becomes its best match (the others offered as links), a slug its school;
    /// with where it is, or why none is used.
    /// </summary>
    private async Task<(SchoolChoice? Near, IReadOnlyList<SchoolChoice> Others, (double, double)? Place, string? NotFound)> NearAsync(EventSearchInput input, CancellationToken cancellationToken)
    {
        SchoolChoice? near = null;
        IReadOnlyList<SchoolChoice> others = [];
        string? notFound = null;
        if (string.IsNullOrEmpty(input.School) && SchoolFinder.Bounded(input.Near) is { Length: > 0 } typed)
        {
            var ranked = await schools.ChoicesAsync(db, typed, null, MentoringRules.SchoolChoicesShown, cancellationToken);
            if (ranked.Count == 0)
            {
                notFound = $"No school matches \"{typed}\". Try its full name, an abbreviation such as UCSF, or its city.";
            }
            else
            {
                near = ranked[0];
                others = ranked.Skip(1).ToList();
                input.School = near.Slug;
            }
        }

        (double, double)? place = null;
        if (!string.IsNullOrEmpty(input.School))
        {
            var school = await db.Schools.AsNoTracking().Listed().Where(s => s.Slug == input.School)
                .Select(s => new { s.Latitude, s.Longitude, Choice = new SchoolChoice(s.Slug, s.Name, s.Campus, s.City, s.Jurisdiction!.PostalCode, null, true) })
                .SingleOrDefaultAsync(cancellationToken);
            if (school is null)
            {
                notFound = "That school is not in the directory: showing events anywhere. Type its name, an abbreviation or its city to find events near it.";
                input.School = null;
            }
            else
            {
                near = school.Choice;
                place = (school.Latitude, school.Longitude);
            }
        }

        return (near, others, place, notFound);
    }

    /// <summary>Hosts and ACR see tools (and hidden events) the shared page does not show: their pages are rendered whole.</summary>
    [AllowAnonymous]
    [HttpGet("events/{id:int}")]
    [OutputCache(PolicyName = DirectoryCache.Policy)]
    [SharedForSignedIn(ExceptRoles = [Roles.AcrAdmin, Roles.RigLeader])]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        var page = await PageAsync(id, cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        HttpContext.TagCachedResponse(EventCache.EventTag(id));
        EventViewerParts.Remember(HttpContext, page);
        return View(page);
    }

    [HttpPost("events/{id:int}/register")]
    public async Task<IActionResult> Register(int id, [FromForm] bool atSchool, CancellationToken cancellationToken) =>
        Back(id, await registrations.RegisterAsync(id, atSchool, this.Actor(), cancellationToken));

    [HttpPost("events/{id:int}/cancel-registration")]
    public async Task<IActionResult> CancelRegistration(int id, CancellationToken cancellationToken) =>
        Back(id, await registrations.CancelAsync(id, this.Actor(), cancellationToken));

    private IActionResult Back(int id, LifecycleResult result) =>
        this.Back(result, RedirectToAction(nameof(Show), new { id }), "Someone registered at the same moment; here is how it stands now. Try again if you still want a seat.");

    /// <summary>The page, or null when it does not exist or is hidden from this viewer (hidden events show only to ACR and their hosts).</summary>
    private async Task<EventPageViewModel?> PageAsync(int id, CancellationToken cancellationToken)
    {
        var details = await DetailsAsync(id, cancellationToken);
        if (details is null)
        {
            return null;
        }

        var admin = await authorization.AllowsAsync(User, Policies.Administer);
        if (UserId is not { } userId)
        {
            return details.Public ? new EventPageViewModel(details.Details, null, null, false, false, false, Now) : null;
        }

        var rigId = details.Details.RigId;
        var viewer = await db.Events.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new
            {
                Hosts = rigId == null ? admin : db.Rigs.LedBy(userId).Any(r => r.Id == rigId),
                Mine = e.Registrations.Where(r => r.UserId == userId).Select(r => new { r.Status, r.RegisteredAt }).FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);
        if (!details.Public && !admin && !viewer.Hosts)
        {
            return null;
        }

        var position = viewer.Mine is { } mine ? await EventViewerParts.WaitlistPositionAsync(db, id, mine.Status, mine.RegisteredAt, cancellationToken) : null;
        return new EventPageViewModel(details.Details, viewer.Mine?.Status, position, viewer.Hosts, admin, true, Now);
    }

    private sealed record FoundEvent(bool Public, EventDetails Details);

    /// <summary>What every viewer of the event sees, and whether it is public.</summary>
    private Task<FoundEvent?> DetailsAsync(int id, CancellationToken cancellationToken) =>
        db.Events.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new FoundEvent(
                db.Events.Where(x => x.Id == e.Id).Any(EventRules.Public),
                new EventDetails(
                    e.Id, e.Title, e.Type, e.Description, e.StartsAt, e.EndsAt, e.TimeZoneId, e.Format, e.Location, e.JoinUrl, e.Audience,
                    e.Capacity, e.SeatsTaken, e.CoHostGroup, e.RegistrationOpensAt, e.RegistrationClosesAt, e.Status, e.HiddenAt, e.HiddenNote,
                    e.RigId, e.Rig!.Slug, e.Rig.Name, e.Rig.School!.Slug, e.Rig.School.Name,
                    e.RigId == null ? e.Region!.Slug : e.Rig.School.Jurisdiction!.Region!.Slug,
                    e.RigId == null ? e.Region!.Name : e.Rig.School.Jurisdiction!.Region!.Name,
                    e.CoHosts.AsQueryable().Where(EventRules.CoHostAccepted).Where(c => c.Rig!.Status == RigStatus.Approved).Select(c => new CoHostRig(c.Rig!.Slug, c.Rig.Name)).ToList(),
                    e.Sessions.OrderBy(s => s.StartsAt).Select(s => new SessionRow(s.Title, s.Speakers, s.StartsAt, s.EndsAt)).ToList())))
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
}
