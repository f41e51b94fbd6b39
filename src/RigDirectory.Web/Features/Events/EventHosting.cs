using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Infrastructure;

namespace RigDirectory.Web.Features.Events;

/// <summary>The event form as both kinds of host see it: a RIG's leaders, and ACR for its conferences.</summary>
public sealed record EventFormViewModel(
    EventInput Input,
    string Heading,
    string Action,
    int? RigId,
    int? EventId,
    string BackUrl,
    IReadOnlyList<string> RigNames,
    IReadOnlyList<RegionOption> Regions)
{
    public bool IsConference => Input is ConferenceInput;
}

/// <summary>What the hosts' pages share: the attendee list and its CSV, and the form's choices.</summary>
public sealed class EventHosting(AppDbContext db)
{
    public async Task<AttendeesViewModel> AttendeesAsync(Event e, string backUrl, DateTime now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        var rows = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == e.Id && r.Status != RegistrationStatus.Cancelled)
            .OrderBy(r => r.Status).ThenBy(r => r.RegisteredAt).ThenBy(r => r.Id)
            .Select(r => new AttendeeRow(r.Id, r.User!.DisplayName, r.User.Email!, r.Status, r.RegisteredAt, r.Attended))
            .ToListAsync(cancellationToken);
        var details = new EventDetails(e.Id, e.Title, e.Type, e.Description, e.StartsAt, e.EndsAt, e.TimeZoneId, e.Format, e.Location, null, e.Audience, e.Capacity, e.SeatsTaken,
            e.CoHostGroup, e.RegistrationOpensAt, e.RegistrationClosesAt, e.Status, e.HiddenAt, e.HiddenNote, e.RigId, e.Rig?.Slug, e.Rig?.Name, null, null, null, null, [], []);
        return new AttendeesViewModel(details, rows, e.StartsAt <= now, backUrl);
    }

    /// <summary>The attendee list as CSV (names and emails of those registered and waiting), formula-escaped.</summary>
    public static Task<byte[]> CsvAsync(AttendeesViewModel page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        return CsvExport.WriteAsync(
            page.Attendees.Select(a => new AttendeeCsvRow(a.Name, a.Email, a.Status.DisplayName(), a.RegisteredAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture), a.Attended switch { true => "yes", false => "no", null => "" })),
            cancellationToken);
    }

    /// <summary>Approved RIGs of the host's region, for the co-host suggestions.</summary>
    public Task<List<string>> NeighbourRigNamesAsync(int rigId, CancellationToken cancellationToken) =>
        db.Rigs.AsNoTracking().Published()
            .Where(r => r.Id != rigId && r.School!.Jurisdiction!.RegionId == db.Rigs.Where(h => h.Id == rigId).Select(h => h.School!.Jurisdiction!.RegionId).FirstOrDefault())
            .OrderBy(r => r.Name).Select(r => r.Name).Take(500).ToListAsync(cancellationToken);

    public Task<List<RegionOption>> RegionsAsync(CancellationToken cancellationToken) =>
        db.Regions.AsNoTracking().Active().OrderBy(r => r.SortOrder).Select(r => new RegionOption(r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Name)).ToListAsync(cancellationToken);

    /// <summary>The zone a new event of this RIG starts in: its school's.</summary>
    public async Task<string> ZoneOfAsync(int rigId, CancellationToken cancellationToken)
    {
        var zone = await db.Rigs.Where(r => r.Id == rigId).Select(r => r.School!.Jurisdiction!.TimeZoneId).FirstOrDefaultAsync(cancellationToken);
        return EventTimeZones.IsKnown(zone) ? zone! : EventTimeZones.Default;
    }
}
