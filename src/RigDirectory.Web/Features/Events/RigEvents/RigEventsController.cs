using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Events;
using RigDirectory.Web.Features.Registration;
using RigDirectory.Web.Kernel;

namespace RigDirectory.Web.Features.Events.RigEvents;

/// <summary>A RIG's leaders run its events: list, add, edit, cancel, and see who registered and who came.</summary>
[Route("my/rigs/{id:int}/events")]
public sealed class RigEventsController(AppDbContext db, LedRigs led, EventLifecycle events, EventHosting hosting, TimeProvider clock) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [HttpGet("")]
    public async Task<IActionResult> Index(int id, CancellationToken cancellationToken)
    {
        var (rig, refusal) = await led.LoadAsync(id, this.Actor(), cancellationToken);
        if (rig is null)
        {
            return this.Failure(refusal!) ?? this.ToMyRigs();
        }

        var rows = await db.Events.AsNoTracking().Where(e => e.RigId == id).OrderByDescending(e => e.StartsAt)
            .Select(e => new RigEventRow(e.Id, e.Title, e.StartsAt, e.EndsAt, e.TimeZoneId, e.Status, e.HiddenAt != null, e.SeatsTaken, e.Capacity,
                e.Registrations.Count(r => r.Status == RegistrationStatus.Waitlisted)))
            .ToListAsync(cancellationToken);
        var coHosting = await db.Set<EventCoHost>().AsNoTracking().Where(c => c.RigId == id && c.Event!.EndsAt > Now)
            .OrderBy(c => c.Event!.StartsAt)
            .Select(c => new CoHostingRow(c.EventId, c.Event!.Title, c.Event.StartsAt, c.Event.EndsAt, c.Event.TimeZoneId, c.Event.Rig!.Name, c.AcceptedAt != null))
            .ToListAsync(cancellationToken);
        return View(new RigEventsViewModel(id, rig.Slug, rig.Name, RegistrationWorkflow.IsApproved(rig.Status), rows, coHosting, Now));
    }

    /// <summary>The leaders of a RIG named as co-host agree: the event shows on their RIG's pages and feed.</summary>
    [HttpPost("co-hosting/{eventId:int}/accept")]
    public Task<IActionResult> AcceptCoHosting(int id, int eventId, CancellationToken cancellationToken) => AnswerAsync(id, eventId, accept: true, cancellationToken);

    /// <summary>They decline, or stop co-hosting: their RIG is no longer named on the event.</summary>
    [HttpPost("co-hosting/{eventId:int}/decline")]
    public Task<IActionResult> DeclineCoHosting(int id, int eventId, CancellationToken cancellationToken) => AnswerAsync(id, eventId, accept: false, cancellationToken);

    private async Task<IActionResult> AnswerAsync(int id, int eventId, bool accept, CancellationToken cancellationToken)
    {
        var result = await events.AnswerCoHostingAsync(id, eventId, accept, this.Actor(), cancellationToken);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData.SetStatus(result.Outcome == Outcome.Conflict ? "The event changed meanwhile; answer again." : result.Message);
        return RedirectToAction(nameof(Index), new { id });
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(int id, CancellationToken cancellationToken)
    {
        var (rig, refusal) = await led.LoadAsync(id, this.Actor(), cancellationToken);
        if (rig is null)
        {
            return this.Failure(refusal!) ?? this.ToMyRigs();
        }

        var day = DateOnly.FromDateTime(Now).AddDays(14).ToDateTime(new TimeOnly(17, 30));
        var input = new EventInput { TimeZoneId = await hosting.ZoneOfAsync(id, cancellationToken), Starts = day, Ends = day.AddMinutes(90) };
        return await FormAsync(id, null, input, cancellationToken);
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(int id, [Bind(Prefix = EventInput.Prefix)] EventInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = ModelState.IsValid ? await events.CreateForRigAsync(id, input, this.Actor(), cancellationToken) : LifecycleResult.Invalid([]);
        return await AfterAsync(id, null, input, result, cancellationToken);
    }

    [HttpGet("{eventId:int}/edit")]
    public async Task<IActionResult> Edit(int id, int eventId, CancellationToken cancellationToken)
    {
        var (e, refusal) = await HostedAsync(id, eventId, cancellationToken);
        if (e is null)
        {
            return refusal!;
        }

        var input = new EventInput();
        input.LoadFrom(e);
        input.CoHostRigs = string.Join('\n', await db.Rigs.Where(r => e.CoHosts.Select(c => c.RigId).Contains(r.Id)).Select(r => r.Name).ToListAsync(cancellationToken));
        return await FormAsync(id, eventId, input, cancellationToken);
    }

    [HttpPost("{eventId:int}/edit")]
    public async Task<IActionResult> Update(int id, int eventId, [Bind(Prefix = EventInput.Prefix)] EventInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (e, refusal) = await HostedAsync(id, eventId, cancellationToken);
        if (e is null)
        {
            return refusal!;
        }

        var result = ModelState.IsValid ? await events.EditAsync(eventId, input, this.Actor(), cancellationToken) : LifecycleResult.Invalid([]);
        return await AfterAsync(id, eventId, input, result, cancellationToken);
    }

    [HttpPost("{eventId:int}/cancel")]
    public async Task<IActionResult> Cancel(int id, int eventId, [Bind(Prefix = "Cancel")] EventNoteInput input, CancellationToken cancellationToken)
    {
        var (e, refusal) = await HostedAsync(id, eventId, cancellationToken);
        if (e is null)
        {
            return refusal!;
        }

        var result = ModelState.IsValid ? await events.CancelAsync(eventId, input, this.Actor(), cancellationToken) : LifecycleResult.Refused("Keep the note under 1,000 characters.");
        if (this.Failure(result) is { } failure && result.Outcome != Outcome.Invalid)
        {
            return failure;
        }

        TempData.SetStatus(result.Outcome == Outcome.Conflict ? "The event changed meanwhile; here it is as it stands." : result.Message);
        return RedirectToAction(nameof(Index), new { id });
    }

    [HttpGet("{eventId:int}/attendees")]
    public async Task<IActionResult> Attendees(int id, int eventId, CancellationToken cancellationToken)
    {
        var (e, refusal) = await HostedAsync(id, eventId, cancellationToken);
        return e is null ? refusal! : View("_Attendees", await hosting.AttendeesAsync(e, Url.Action(nameof(Index), new { id })!, Now, cancellationToken));
    }

    [HttpGet("{eventId:int}/attendees.csv")]
    public async Task<IActionResult> AttendeesCsv(int id, int eventId, CancellationToken cancellationToken)
    {
        var (e, refusal) = await HostedAsync(id, eventId, cancellationToken);
        return e is null ? refusal! : File(await EventHosting.CsvAsync(await hosting.AttendeesAsync(e, "", Now, cancellationToken), cancellationToken), "text/csv; charset=utf-8", $"event-{eventId}-attendees.csv");
    }

    [HttpPost("{eventId:int}/attendance")]
    public async Task<IActionResult> Attendance(int id, int eventId, [FromForm] List<int> attended, CancellationToken cancellationToken)
    {
        var (e, refusal) = await HostedAsync(id, eventId, cancellationToken);
        if (e is null)
        {
            return refusal!;
        }

        var result = await events.MarkAttendanceAsync(eventId, attended ?? [], this.Actor(), cancellationToken);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData.SetStatus(result.Outcome == Outcome.Conflict ? "The list changed meanwhile; mark it again." : result.Message);
        return RedirectToAction(nameof(Attendees), new { id, eventId });
    }

    /// <summary>The event, when it belongs to this RIG and the user leads it; else the answer to give.</summary>
    private async Task<(Event? Event, IActionResult? Refusal)> HostedAsync(int id, int eventId, CancellationToken cancellationToken)
    {
        var (e, refusal) = await events.LoadHostedAsync(eventId, this.Actor(), cancellationToken);
        if (e is null || e.RigId != id)
        {
            return (null, refusal?.Outcome == Outcome.Forbidden ? Forbid() : NotFound());
        }

        return (e, null);
    }

    private async Task<IActionResult> AfterAsync(int id, int? eventId, EventInput input, LifecycleResult result, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            return this.Done(result, RedirectToAction(nameof(Index), new { id }));
        }

        if (this.FormAgain(result, "The event changed while you were editing it. Check it below and save again.") is { } failure)
        {
            return failure;
        }

        return await FormAsync(id, eventId, input, cancellationToken);
    }

    private async Task<IActionResult> FormAsync(int id, int? eventId, EventInput input, CancellationToken cancellationToken)
    {
        var back = Url.Action(nameof(Index), new { id })!;
        var model = new EventFormViewModel(input, eventId is null ? "Add an event" : "Edit the event", eventId is null ? nameof(Create) : nameof(Update), id, eventId, back,
            await hosting.NeighbourRigNamesAsync(id, cancellationToken), []);
        return View("_EventForm", model);
    }
}

public sealed record RigEventRow(int Id, string Title, DateTime StartsAt, DateTime EndsAt, string TimeZoneId, EventStatus Status, bool Hidden, int Registered, int? Capacity, int Waitlisted)
{
    public string When => EventTimeZones.Describe(StartsAt, EndsAt, TimeZoneId);
}

/// <summary>An event another RIG named this one as co-host of: waiting for an answer, or accepted.</summary>
public sealed record CoHostingRow(int EventId, string Title, DateTime StartsAt, DateTime EndsAt, string TimeZoneId, string Host, bool Accepted)
{
    public string When => EventTimeZones.Describe(StartsAt, EndsAt, TimeZoneId);
}

public sealed record RigEventsViewModel(int Id, string Slug, string Name, bool Approved, IReadOnlyList<RigEventRow> Events, IReadOnlyList<CoHostingRow> CoHosting, DateTime AsOf);
