using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Events;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Events.AcrEvents;

/// <summary>
/// ACR staff run the virtual networking conferences (agenda, registration window, seats and waitlist, attendees and
/// attendance) and hide any event that should not be in the directory.
/// </summary>
[Authorize(Policy = Policies.Administer)]
[Route("admin/events")]
public sealed class AcrEventsController(AppDbContext db, EventLifecycle events, EventHosting hosting, TimeProvider clock) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var conferences = await db.Events.AsNoTracking().Where(e => e.RigId == null).OrderByDescending(e => e.StartsAt).Take(200)
            .Select(e => new AcrEventRow(e.Id, e.Title, e.StartsAt, e.EndsAt, e.TimeZoneId, e.Status, e.HiddenAt != null, e.Region!.Name, e.SeatsTaken, e.Capacity,
                e.Registrations.Count(r => r.Status == RegistrationStatus.Waitlisted)))
            .ToListAsync(cancellationToken);
        var hidden = await db.Events.AsNoTracking().Where(e => e.HiddenAt != null).OrderByDescending(e => e.HiddenAt).Take(200)
            .Select(e => new HiddenEventRow(e.Id, e.Title, e.Rig!.Name, e.HiddenAt!.Value, e.HiddenNote)).ToListAsync(cancellationToken);
        return View(new AcrEventsViewModel(conferences, hidden, Now));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(Now).AddDays(30).ToDateTime(new TimeOnly(19, 0));
        var input = new ConferenceInput { Starts = day, Ends = day.AddHours(2), RegistrationCloses = day.AddHours(-1) };
        input.AddBlankRows();
        return await FormAsync(null, input, cancellationToken);
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create([Bind(Prefix = EventInput.Prefix)] ConferenceInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = ModelState.IsValid ? await events.CreateConferenceAsync(input, this.Actor(), cancellationToken) : LifecycleResult.Invalid([]);
        return await AfterAsync(null, input, result, cancellationToken);
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var (e, refusal) = await events.LoadHostedAsync(id, this.Actor(), cancellationToken);
        if (e is null || !e.IsAcrEvent)
        {
            return refusal is null || refusal.Outcome != Outcome.Forbidden ? NotFound() : Forbid();
        }

        var input = new ConferenceInput();
        input.LoadConferenceFrom(e);
        input.AddBlankRows();
        return await FormAsync(id, input, cancellationToken);
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Update(int id, [Bind(Prefix = EventInput.Prefix)] ConferenceInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var result = ModelState.IsValid ? await events.EditAsync(id, input, this.Actor(), cancellationToken) : LifecycleResult.Invalid([]);
        return await AfterAsync(id, input, result, cancellationToken);
    }

    [HttpPost("{id:int}/cancel")]
    public async Task<IActionResult> Cancel(int id, [Bind(Prefix = "Cancel")] EventNoteInput input, CancellationToken cancellationToken) =>
        Back(id, ModelState.IsValid ? await events.CancelAsync(id, input, this.Actor(), cancellationToken) : LifecycleResult.Refused("Keep the note under 1,000 characters."));

    /// <summary>Hides any event (a RIG's too) from every public page and feed, with a note its hosts read.</summary>
    [HttpPost("{id:int}/hide")]
    public async Task<IActionResult> Hide(int id, [Bind(Prefix = "Hide")] EventNoteInput input, CancellationToken cancellationToken)
    {
        var result = ModelState.IsValid ? await events.HideAsync(id, input, this.Actor(), cancellationToken) : LifecycleResult.Refused("Keep the note under 1,000 characters.");
        return Back(id, result.Outcome == Outcome.Invalid ? LifecycleResult.Refused(result.Errors[0].Value) : result);
    }

    [HttpPost("{id:int}/unhide")]
    public async Task<IActionResult> Unhide(int id, CancellationToken cancellationToken) => Back(id, await events.ShowAsync(id, this.Actor(), cancellationToken));

    [HttpGet("{id:int}/attendees")]
    public async Task<IActionResult> Attendees(int id, CancellationToken cancellationToken)
    {
        var e = await AcrEventAsync(id, cancellationToken);
        return e is null ? NotFound() : View("_Attendees", await hosting.AttendeesAsync(e, Url.Action(nameof(Index))!, Now, cancellationToken));
    }

    [HttpGet("{id:int}/attendees.csv")]
    public async Task<IActionResult> AttendeesCsv(int id, CancellationToken cancellationToken)
    {
        var e = await AcrEventAsync(id, cancellationToken);
        return e is null ? NotFound() : File(await EventHosting.CsvAsync(await hosting.AttendeesAsync(e, "", Now, cancellationToken), cancellationToken), "text/csv; charset=utf-8", $"event-{id}-attendees.csv");
    }

    [HttpPost("{id:int}/attendance")]
    public async Task<IActionResult> Attendance(int id, [FromForm] List<int> attended, CancellationToken cancellationToken)
    {
        if (await AcrEventAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var result = await events.MarkAttendanceAsync(id, attended ?? [], this.Actor(), cancellationToken);
        if (this.Failure(result) is { } failure)
        {
            return failure;
        }

        TempData.SetStatus(result.Outcome == Outcome.Conflict ? "The list changed meanwhile; mark it again." : result.Message);
        return RedirectToAction(nameof(Attendees), new { id });
    }

    private async Task<Event?> AcrEventAsync(int id, CancellationToken cancellationToken)
    {
        var (e, _) = await events.LoadHostedAsync(id, this.Actor(), cancellationToken);
        return e is { IsAcrEvent: true } ? e : null;
    }

    /// <summary>Back to the event's page, with what happened.</summary>
    private IActionResult Back(int id, LifecycleResult result)
    {
        if (result.Outcome is Outcome.NotFound or Outcome.Forbidden)
        {
            return this.Failure(result)!;
        }

        TempData.SetStatus(result.Outcome == Outcome.Conflict ? "The event changed meanwhile; here it is as it stands." : result.Message);
        return RedirectToAction("Show", "Events", new { id });
    }

    private async Task<IActionResult> AfterAsync(int? id, ConferenceInput input, LifecycleResult result, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            return this.Done(result, RedirectToAction("Show", "Events", new { id = id ?? result.RigId }));
        }

        if (this.FormAgain(result, "The conference changed while you were editing it. Check it below and save again.") is { } failure)
        {
            return failure;
        }

        input.AddBlankRows();
        return await FormAsync(id, input, cancellationToken);
    }

    private async Task<IActionResult> FormAsync(int? id, ConferenceInput input, CancellationToken cancellationToken) =>
        View("_EventForm", new EventFormViewModel(input, id is null ? "New virtual networking conference" : "Edit the conference", id is null ? nameof(Create) : nameof(Update), null, id,
            Url.Action(nameof(Index))!, [], await hosting.RegionsAsync(cancellationToken)));
}

public sealed record AcrEventRow(int Id, string Title, DateTime StartsAt, DateTime EndsAt, string TimeZoneId, EventStatus Status, bool Hidden, string? Region, int Registered, int? Capacity, int Waitlisted)
{
    public string When => EventTimeZones.Describe(StartsAt, EndsAt, TimeZoneId);
}

public sealed record HiddenEventRow(int Id, string Title, string? RigName, DateTime HiddenAt, string? Note);

public sealed record AcrEventsViewModel(IReadOnlyList<AcrEventRow> Conferences, IReadOnlyList<HiddenEventRow> Hidden, DateTime AsOf);
