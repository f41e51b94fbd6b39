using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Notifications;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Events;

/// <summary>
/// The one owner of an event's life on the hosts' side: a RIG's leaders create, edit and cancel its events (they
/// publish at once: leaders are trusted once their RIG is approved); ACR admins run conferences, hide any event with
/// a note, and hosts mark attendance afterwards. Every change is audited, bumps the event's calendar
/// <see cref="Event.Sequence"/>, emails those it concerns through the outbox, and evicts the pages that show it.
/// </summary>
public sealed class EventLifecycle(AppDbContext db, AuditLog audit, EmailNotifications emails, EventRegistrationLifecycle registrations, SaveStep save, Microsoft.AspNetCore.Authorization.IAuthorizationService authorization, TimeProvider clock)
{
    public const string EntityType = "Event";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Conferences and hiding are ACR's: the Administer policy decides, second factor included.</summary>
    private Task<bool> IsAdminAsync(Actor by) => authorization.AllowsAsync(by.User, Policies.Administer);

    /// <summary>A RIG's leaders add an event; it is public at once.</summary>
    public async Task<LifecycleResult> CreateForRigAsync(int rigId, EventInput input, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rig = await db.Rigs.Include(r => r.Officers).SingleOrDefaultAsync(r => r.Id == rigId, cancellationToken);
        if (rig is null)
        {
            return LifecycleResult.NotFound;
        }

        if (by.UserId is not { } userId || !rig.IsLedBy(userId))
        {
            return LifecycleResult.Forbidden;
        }

        if (!RegistrationWorkflow.IsApproved(rig.Status))
        {
            return LifecycleResult.Refused("Events are published once ACR approves the RIG; the first event you planned in the registration shows then.");
        }

        var e = new Event { Title = "", RigId = rigId, CreatedAt = Now, CreatedByUserId = userId };
        var errors = await ApplyAsync(e, input, rigId, cancellationToken);
        if (errors.Count > 0)
        {
            return LifecycleResult.Invalid(errors);
        }

        return await AddAsync(e, LifecycleResult.Ok($"{e.Title} is published.", rigId), cancellationToken);
    }

    /// <summary>ACR creates a virtual networking conference.</summary>
    public async Task<LifecycleResult> CreateConferenceAsync(ConferenceInput input, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await IsAdminAsync(by))
        {
            return LifecycleResult.Forbidden;
        }

        var e = new Event { Title = "", CreatedAt = Now, CreatedByUserId = by.UserId };
        var errors = await ApplyConferenceAsync(e, input, cancellationToken);
        if (errors.Count > 0)
        {
            return LifecycleResult.Invalid(errors);
        }

        return await AddAsync(e, LifecycleResult.Ok($"{e.Title} is published."), cancellationToken);
    }

    /// <summary>The hosts change an event. A change of time or place is emailed to everyone registered or waiting.</summary>
    public async Task<LifecycleResult> EditAsync(int id, EventInput input, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (e, refusal) = await LoadEditableAsync(id, input is ConferenceInput, by, cancellationToken);
        if (e is null)
        {
            return refusal!;
        }

        var before = Described(e);
        var place = Place(e);
        var coHostsBefore = e.CoHosts.Select(c => c.RigId).ToList();
        var errors = input is ConferenceInput conference ? await ApplyConferenceAsync(e, conference, cancellationToken) : await ApplyAsync(e, input, e.RigId.GetValueOrDefault(), cancellationToken);
        if (errors.Count > 0)
        {
            return LifecycleResult.Invalid(errors);
        }

        var changes = Difference(before, Described(e));
        if (changes.Count == 0)
        {
            return LifecycleResult.Ok("Nothing changed.", e.RigId ?? e.Id);
        }

        e.Sequence++;
        await registrations.FillFromWaitlistAsync(e, cancellationToken);
        if (place != Place(e))
        {
            await TellOfMoveAsync(e, cancellationToken);
        }

        audit.Record(EntityType, Id(e), e.RigId, AuditAction.EventEdited, changes);
        return await SaveAsync(LifecycleResult.Ok($"{e.Title} is updated.", e.RigId ?? e.Id), e.Id, cancellationToken, formerCoHosts: coHostsBefore);
    }

    /// <summary>The event its hosts may change with this form (a conference's form for a conference only), unless it is cancelled.</summary>
    private async Task<(Event? Event, LifecycleResult? Refusal)> LoadEditableAsync(int id, bool conference, Actor by, CancellationToken cancellationToken)
    {
        var (e, refusal) = await LoadHostedAsync(id, by, cancellationToken);
        return e is null ? (null, refusal)
            : e.IsAcrEvent != conference ? (null, LifecycleResult.NotFound)
            : EventRules.IsCancelled(e.Status) ? (null, LifecycleResult.Refused("This event is cancelled and can no longer be changed."))
            : (e, null);
    }

    /// <summary>When and where an event is: a change of any of it is emailed to everyone concerned.</summary>
    private static (DateTime StartsAt, DateTime EndsAt, string? Location, EventFormat Format) Place(Event e) => (e.StartsAt, e.EndsAt, e.Location, e.Format);

    /// <summary>Everyone registered or waiting hears of the new time or place; the reminder follows the new time.</summary>
    private async Task TellOfMoveAsync(Event e, CancellationToken cancellationToken)
    {
        e.RemindersQueuedAt = null;
        foreach (var email in await ConcernedAsync(e.Id, cancellationToken))
        {
            await emails.EventChangedAsync(email, e, cancellationToken);
        }
    }

    /// <summary>
    /// The leaders of a RIG named as an event's co-host answer: accepting puts the event on their RIG's pages and
    /// feed; declining (or, once accepted, stopping) takes their RIG off it. Only their consent lists it there.
    /// </summary>
    public async Task<LifecycleResult> AnswerCoHostingAsync(int rigId, int eventId, bool accept, Actor by, CancellationToken cancellationToken)
    {
        var rig = await db.Rigs.Include(r => r.Officers).SingleOrDefaultAsync(r => r.Id == rigId, cancellationToken);
        if (rig is null)
        {
            return LifecycleResult.NotFound;
        }

        if (by.UserId is not { } userId || !rig.IsLedBy(userId))
        {
            return LifecycleResult.Forbidden;
        }

        var coHost = await db.Set<EventCoHost>().Include(c => c.Event).SingleOrDefaultAsync(c => c.RigId == rigId && c.EventId == eventId, cancellationToken);
        if (coHost is null)
        {
            return LifecycleResult.Refused("Your RIG is no longer named as a host of this event.");
        }

        var e = coHost.Event!;
        if (accept)
        {
            if (coHost.AcceptedAt is not null)
            {
                return LifecycleResult.Ok($"{rig.Name} already co-hosts {e.Title}.", rigId);
            }

            coHost.AcceptedAt = Now;
            audit.Record(EntityType, Id(e), e.RigId, AuditAction.EventCoHostAccepted, AuditChanges.Of("Co-host", null, rig.Name));
            return await SaveAsync(LifecycleResult.Ok($"{e.Title} now shows on {rig.Name}'s profile and calendar.", rigId), e.Id, cancellationToken, formerCoHosts: [rigId]);
        }

        var was = coHost.AcceptedAt is null ? "invited" : "co-hosting";
        db.Remove(coHost);
        audit.Record(EntityType, Id(e), e.RigId, AuditAction.EventCoHostDeclined, AuditChanges.Of("Co-host", rig.Name, null), note: $"{rig.Name} was {was}.");
        return await SaveAsync(LifecycleResult.Ok($"{rig.Name} is no longer named as a host of {e.Title}.", rigId), e.Id, cancellationToken, formerCoHosts: [rigId]);
    }

    /// <summary>The hosts cancel: it stays listed as cancelled (calendars see STATUS:CANCELLED) and everyone registered or waiting is emailed.</summary>
    public async Task<LifecycleResult> CancelAsync(int id, EventNoteInput input, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (e, refusal) = await LoadHostedAsync(id, by, cancellationToken);
        if (e is null)
        {
            return refusal!;
        }

        if (EventRules.IsCancelled(e.Status))
        {
            return LifecycleResult.Refused("This event is cancelled already.");
        }

        if (e.EndsAt <= Now)
        {
            return LifecycleResult.Refused("This event is over; it stays in the RIG's record of activity.");
        }

        e.Status = EventStatus.Cancelled;
        e.Sequence++;
        e.UpdatedAt = Now;
        foreach (var email in await ConcernedAsync(e.Id, cancellationToken))
        {
            emails.EventCancelled(email, e, input.Note);
        }

        audit.Record(EntityType, Id(e), e.RigId, AuditAction.EventCancelled, AuditChanges.Of(nameof(Event.Status), nameof(EventStatus.Scheduled), nameof(EventStatus.Cancelled)), input.Note);
        return await SaveAsync(LifecycleResult.Ok($"{e.Title} is cancelled; those registered were told.", e.RigId ?? e.Id), e.Id, cancellationToken);
    }

    /// <summary>ACR hides an event from every public page, list and feed, and tells its hosts why.</summary>
    public async Task<LifecycleResult> HideAsync(int id, EventNoteInput input, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await IsAdminAsync(by))
        {
            return LifecycleResult.Forbidden;
        }

        if (string.IsNullOrWhiteSpace(input.Note))
        {
            return LifecycleResult.Invalid("Hide.Note", "Write the note the hosts will read: why the event is hidden.");
        }

        var e = await db.Events.Include(x => x.Rig).ThenInclude(r => r!.Officers).ThenInclude(o => o.User).SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (e is null)
        {
            return LifecycleResult.NotFound;
        }

        if (e.HiddenAt is not null)
        {
            return LifecycleResult.Refused("This event is hidden already.");
        }

        e.HiddenAt = Now;
        e.HiddenNote = input.Note.Trim();
        e.Sequence++;
        e.UpdatedAt = Now;
        if (e.Rig is { } rig)
        {
            emails.EventHidden(rig.Officers.Where(o => o.EndedAt == null && o.User is not null).Select(o => o.User!.Email!), e, e.HiddenNote);
        }

        audit.Record(EntityType, Id(e), e.RigId, AuditAction.EventHidden, AuditChanges.Of("Hidden", "No", "Yes"), input.Note);
        return await SaveAsync(LifecycleResult.Ok($"{e.Title} is hidden; its hosts were told why."), e.Id, cancellationToken);
    }

    /// <summary>ACR shows a hidden event again.</summary>
    public async Task<LifecycleResult> ShowAsync(int id, Actor by, CancellationToken cancellationToken)
    {
        if (!await IsAdminAsync(by))
        {
            return LifecycleResult.Forbidden;
        }

        var e = await db.Events.SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (e is null)
        {
            return LifecycleResult.NotFound;
        }

        if (e.HiddenAt is null)
        {
            return LifecycleResult.Refused("This event is not hidden.");
        }

        e.HiddenAt = null;
        e.HiddenNote = null;
        e.Sequence++;
        e.UpdatedAt = Now;
        audit.Record(EntityType, Id(e), e.RigId, AuditAction.EventShown, AuditChanges.Of("Hidden", "Yes", "No"));
        return await SaveAsync(LifecycleResult.Ok($"{e.Title} shows again."), e.Id, cancellationToken);
    }

    /// <summary>After it started, the hosts mark who came: the registered students in <paramref name="attended"/>, and not the others.</summary>
    public async Task<LifecycleResult> MarkAttendanceAsync(int id, IReadOnlyCollection<int> attended, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attended);
        var (e, refusal) = await LoadHostedAsync(id, by, cancellationToken);
        if (e is null)
        {
            return refusal!;
        }

        if (e.StartsAt > Now)
        {
            return LifecycleResult.Refused("Mark attendance once the event has started.");
        }

        var rows = await db.EventRegistrations.Where(r => r.EventId == id).Where(EventRules.HoldsSeat).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            row.Attended = attended.Contains(row.Id);
            row.UpdatedAt = Now;
        }

        var came = rows.Count(r => r.Attended == true);
        audit.Record(EntityType, Id(e), e.RigId, AuditAction.EventAttendanceMarked, AuditChanges.Of("Attended", null, $"{came} of {rows.Count}"));
        return await SaveAsync(LifecycleResult.Ok($"Attendance saved: {came} of {rows.Count} came."), e.Id, cancellationToken, evict: false);
    }

    /// <summary>The event with what editing it needs, when the user hosts it: a leader of its RIG, or an admin for an ACR event.</summary>
    public async Task<(Event? Event, LifecycleResult? Refusal)> LoadHostedAsync(int id, Actor by, CancellationToken cancellationToken)
    {
        var e = await db.Events.Include(x => x.Rig).ThenInclude(r => r!.Officers).Include(x => x.Sessions).Include(x => x.CoHosts)
            .AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (e is null)
        {
            return (null, LifecycleResult.NotFound);
        }

        var hosts = e.Rig is { } rig ? by.UserId is { } userId && rig.IsLedBy(userId) : await IsAdminAsync(by);
        return hosts ? (e, null) : (null, LifecycleResult.Forbidden);
    }

    /// <summary>Copies the form onto the event, or says what to correct.</summary>
    private async Task<List<KeyValuePair<string, string>>> ApplyAsync(Event e, EventInput input, int rigId, CancellationToken cancellationToken)
    {
        var (startsAt, endsAt, found) = input.Resolve(Now);
        var errors = found.ToList();
        if (startsAt != default && startsAt < Now && startsAt != e.StartsAt)
        {
            errors.Add(new($"{EventInput.Prefix}.{nameof(EventInput.Starts)}", "That time has passed: choose a time still to come."));
        }

        if (input.Capacity is { } capacity && capacity < e.SeatsTaken)
        {
            errors.Add(new($"{EventInput.Prefix}.{nameof(EventInput.Capacity)}", $"{e.SeatsTaken} students are registered: keep at least that many seats."));
        }

        if (input.Type == EventType.NetworkingConference && e.Type != EventType.NetworkingConference)
        {
            errors.Add(new($"{EventInput.Prefix}.{nameof(EventInput.Type)}", "Choose the kind of event from the list."));
        }

        var coHosts = await CoHostsAsync(input, rigId, errors, cancellationToken);
        if (errors.Count > 0)
        {
            return errors;
        }

        Copy(e, input, startsAt, endsAt);
        e.CoHostGroup = Blank(input.CoHostGroup);
        var wanted = coHosts.ToHashSet();
        e.CoHosts.RemoveAll(c => !wanted.Contains(c.RigId));
        foreach (var rig in wanted.Where(r => e.CoHosts.All(c => c.RigId != r)))
        {
            e.CoHosts.Add(new EventCoHost { RigId = rig, InvitedAt = Now });
        }

        return errors;
    }

    private async Task<List<KeyValuePair<string, string>>> ApplyConferenceAsync(Event e, ConferenceInput input, CancellationToken cancellationToken)
    {
        // A conference is virtual and for every student (of its region, or all): the form does not offer otherwise.
        input.Type = EventType.NetworkingConference;
        input.Format = EventFormat.Virtual;
        input.Audience = EventAudience.AllStudents;
        var (startsAt, endsAt, found) = input.Resolve(Now);
        var errors = found.ToList();
        if (startsAt != default && startsAt < Now && startsAt != e.StartsAt)
        {
            errors.Add(new($"{EventInput.Prefix}.{nameof(EventInput.Starts)}", "That time has passed: choose a time still to come."));
        }

        if (input.Capacity is { } capacity && capacity < e.SeatsTaken)
        {
            errors.Add(new($"{EventInput.Prefix}.{nameof(EventInput.Capacity)}", $"{e.SeatsTaken} students are registered: keep at least that many seats."));
        }

        if (input.RegionId is { } regionId && !await db.Regions.Active().AnyAsync(r => r.Id == regionId, cancellationToken))
        {
            errors.Add(new($"{EventInput.Prefix}.{nameof(ConferenceInput.RegionId)}", "Choose a region from the list, or national."));
        }

        var (opensAt, closesAt, agenda, more) = input.ResolveConference(startsAt, endsAt);
        errors.AddRange(more);
        if (errors.Count > 0)
        {
            return errors;
        }

        Copy(e, input, startsAt, endsAt);
        e.RegionId = input.RegionId;
        e.RegistrationOpensAt = opensAt;
        e.RegistrationClosesAt = closesAt;
        e.Sessions.Clear();
        e.Sessions.AddRange(agenda.Select(s => new EventSession { Title = s.Title, Speakers = s.Speakers, StartsAt = s.StartsAt, EndsAt = s.EndsAt }));
        return errors;
    }

    private void Copy(Event e, EventInput input, DateTime startsAt, DateTime endsAt)
    {
        e.Title = input.Title.Trim();
        e.Type = input.Type;
        e.Description = Blank(input.Description);
        e.StartsAt = startsAt;
        e.EndsAt = endsAt;
        e.TimeZoneId = input.TimeZoneId;
        e.StartsOn = DateOnly.FromDateTime(EventTimeZones.ToLocal(startsAt, input.TimeZoneId));
        e.Format = input.Format;
        e.Location = input.Format == EventFormat.Virtual ? null : Blank(input.Location);
        e.JoinUrl = input.Format == EventFormat.InPerson ? null : Blank(input.JoinUrl);
        e.Audience = input.Audience;
        e.Capacity = input.Capacity;
        e.UpdatedAt = Now;
    }

    /// <summary>The co-hosting RIGs named on the form: approved RIGs other than the host, by name or profile slug.</summary>
    private async Task<List<int>> CoHostsAsync(EventInput input, int rigId, List<KeyValuePair<string, string>> errors, CancellationToken cancellationToken)
    {
        var names = input.CoHostRigNames();
        var field = $"{EventInput.Prefix}.{nameof(EventInput.CoHostRigs)}";
        if (names.Count > EventRules.MaxCoHosts)
        {
            errors.Add(new(field, $"Name at most {EventRules.MaxCoHosts} RIGs."));
            return [];
        }

        if (names.Count == 0)
        {
            return [];
        }

        var found = await db.Rigs.Where(r => r.Status == RigStatus.Approved && r.Id != rigId && (names.Contains(r.Name) || names.Contains(r.Slug)))
            .Select(r => new { r.Id, r.Name, r.Slug }).ToListAsync(cancellationToken);
        var missing = names.Where(n => !found.Any(r => string.Equals(r.Name, n, StringComparison.OrdinalIgnoreCase) || r.Slug == n)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new(field, $"No other approved RIG is called \"{missing[0]}\": choose its name from the suggestions, exactly as listed."));
        }

        return [.. found.Select(r => r.Id).Distinct()];
    }

    /// <summary>Everyone registered or waiting, to tell of a change.</summary>
    private Task<List<string>> ConcernedAsync(int eventId, CancellationToken cancellationToken) =>
        db.EventRegistrations.Where(r => r.EventId == eventId).Where(EventRules.Concerned).Select(r => r.User!.Email!).ToListAsync(cancellationToken);

    /// <summary>What a calendar and the audit log care about, field by field.</summary>
    private static AuditChanges Described(Event e) => new AuditChanges()
        .With(nameof(Event.Title), null, e.Title)
        .With(nameof(Event.Type), null, e.Type.ToString())
        .With("Time", null, EventTimeZones.Describe(e.StartsAt, e.EndsAt, e.TimeZoneId))
        .With(nameof(Event.Format), null, e.Format.ToString())
        .With(nameof(Event.Location), null, e.Location)
        .With("Join link", null, e.JoinUrl is null ? null : "(set)")
        .With(nameof(Event.Audience), null, e.Audience.ToString())
        .With("Seats", null, e.Capacity?.ToString(CultureInfo.InvariantCulture))
        .With("Co-hosts", null, string.Join(", ", e.CoHosts.Select(c => c.RigId).Order()) + (e.CoHostGroup is null ? "" : $" {e.CoHostGroup}"))
        .With(nameof(Event.Description), null, e.Description)
        .With("Agenda", null, e.Sessions.Count == 0 ? null : $"{e.Sessions.Count} sessions")
        .With("Registration", null, e.RegistrationOpensAt is null && e.RegistrationClosesAt is null ? null : $"{e.RegistrationOpensAt:u} – {e.RegistrationClosesAt:u}");

    private static AuditChanges Difference(AuditChanges before, AuditChanges after)
    {
        var changes = new AuditChanges();
        foreach (var (field, now) in after)
        {
            var was = before[field].After;
            if (!string.Equals(was, now.After, StringComparison.Ordinal))
            {
                changes.With(field, was, now.After);
            }
        }

        return changes;
    }

    /// <summary>A new event and its audit entry, saved together (the entry needs the event's id).</summary>
    private Task<LifecycleResult> AddAsync(Event e, LifecycleResult done, CancellationToken cancellationToken) =>
        save.AddAsync(e, added => audit.Record(EntityType, Id(added), added.RigId, AuditAction.EventCreated, Described(added)),
            added => done with { RigId = added.RigId ?? added.Id }, cancellationToken, added => new EventChanged(added.Id));

    /// <summary>Saves; the event's pages and feeds change with it (<paramref name="evict"/>), or only its seats.</summary>
    private Task<LifecycleResult> SaveAsync(LifecycleResult done, int eventId, CancellationToken cancellationToken, bool evict = true, IReadOnlyCollection<int>? formerCoHosts = null) =>
        save.CommitAsync(done, cancellationToken, evict ? new EventChanged(eventId, formerCoHosts) : new EventSeatsChanged(eventId));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Id(Event e) => e.Id.ToString(CultureInfo.InvariantCulture);
}
