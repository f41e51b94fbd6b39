using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Notifications;

namespace RigDirectory.Web.Features.Events;

/// <summary>
/// The one owner of a student's place at an event: register (a seat, or the waitlist when full), cancel (the seat
/// goes to the first on the waitlist, who is emailed), and the reminders the day before. Seats are counted on the
/// event, and every change to a registration touches the event, so two changes collide on its version instead of
/// overwriting each other (a seat counted twice, a waitlist moved past a free seat): the second is tried again.
/// Each attempt reads and saves in one write transaction, so on one instance they take turns without colliding.
/// </summary>
public sealed class EventRegistrationLifecycle(AppDbContext db, AuditLog audit, EmailNotifications emails, SaveStep save, TimeProvider clock)
{
    private const string StatusField = "Registration";

    /// <summary>How often a registration or cancellation that collided with another is tried again before the student is asked to.</summary>
    private const int MaxAttempts = 5;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The signed-in student takes a seat, or a place on the waitlist. <paramref name="atSchool"/>: they confirmed
    /// they study at the host's school, which an event for that school's students asks.
    /// </summary>
    public async Task<LifecycleResult> RegisterAsync(int eventId, bool atSchool, Actor by, CancellationToken cancellationToken)
    {
        var userId = by.UserId;
        if (userId is null)
        {
            return LifecycleResult.Forbidden;
        }

        return await SaveStep.RetryOnConflictAsync(() => RegisterOnceAsync(eventId, atSchool, userId, cancellationToken), cancellationToken, MaxAttempts);
    }

    private async Task<LifecycleResult> RegisterOnceAsync(int eventId, bool atSchool, string userId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        var e = await db.Events.Include(x => x.Rig).ThenInclude(r => r!.School).SingleOrDefaultAsync(x => x.Id == eventId, cancellationToken);
        if (e is null)
        {
            return LifecycleResult.NotFound;
        }

        if (WhyNotRegister(e, atSchool) is { } refusal)
        {
            return refusal;
        }

        var registration = await db.EventRegistrations.SingleOrDefaultAsync(r => r.EventId == eventId && r.UserId == userId, cancellationToken);
        // A new registration starts where a cancelled one is: holding nothing.
        var command = e.HasSeat ? SeatCommand.Register : SeatCommand.Waitlist;
        if (registration is not null && !Lifecycles.EventSeat.Allows(registration.Status, command))
        {
            return LifecycleResult.Refused(EventRules.HasSeat(registration.Status) ? "You are registered already." : "You are on the waitlist already.");
        }

        var before = registration?.Status;
        registration ??= db.EventRegistrations.Add(new EventRegistration { EventId = eventId, UserId = userId }).Entity;
        var position = await PlaceAsync(e, registration, command, cancellationToken);
        // Touched either way, so that a registration and a cancellation of the last seat collide on its version.
        e.UpdatedAt = Now;
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email!).SingleAsync(cancellationToken);
        audit.Record(EventLifecycle.EntityType, Id(e), e.RigId, position is null ? AuditAction.EventRegistered : AuditAction.EventWaitlisted,
            AuditChanges.Of(StatusField, before?.ToString(), registration.Status.ToString()));
        emails.EventRegistered(email, e, position);
        return await SaveAsync(Registered(e, position), eventId, transaction, cancellationToken);
    }

    /// <summary>A seat taken, or a place on the waitlist: its position (1 for the first waiting), null for a seat.</summary>
    private async Task<int?> PlaceAsync(Event e, EventRegistration registration, SeatCommand command, CancellationToken cancellationToken)
    {
        registration.RegisteredAt = Now;
        registration.UpdatedAt = Now;
        registration.Attended = null;
        registration.Status = Lifecycles.EventSeat.To(RegistrationStatus.Cancelled, command)!.Value;
        if (command == SeatCommand.Register)
        {
            e.SeatsTaken++;
            return null;
        }

        var userId = registration.UserId;
        return 1 + await db.EventRegistrations.Where(r => r.EventId == e.Id && r.UserId != userId).CountAsync(EventRules.Waiting, cancellationToken);
    }

    /// <summary>Not found when the public cannot see the event; refused when registration is closed or it is for another school.</summary>
    private LifecycleResult? WhyNotRegister(Event e, bool atSchool)
    {
        if (!EventRules.IsPublic(e))
        {
            return LifecycleResult.NotFound;
        }

        if (!EventRules.RegistrationOpen(e, Now))
        {
            return LifecycleResult.Refused(ClosedReason(e));
        }

        return e.Audience == EventAudience.SchoolOnly && !atSchool
            ? LifecycleResult.Refused($"This event is for students at {e.Rig!.School!.DisplayName}. Tick that you study there to register.")
            : null;
    }

    private static LifecycleResult Registered(Event e, int? position) => LifecycleResult.Ok(position is null
        ? $"You are registered for {e.Title}." + (e.IsOnline ? " The join link is below, and we email it to you the day before." : "")
        : $"{e.Title} is full: you are number {position} on the waitlist. If a seat frees up, it is yours and we will email you.");

    /// <summary>The student gives up their seat (the first on the waitlist gets it) or their place on the waitlist.</summary>
    public async Task<LifecycleResult> CancelAsync(int eventId, Actor by, CancellationToken cancellationToken)
    {
        var userId = by.UserId;
        return await SaveStep.RetryOnConflictAsync(() => CancelOnceAsync(eventId, userId, cancellationToken), cancellationToken, MaxAttempts);
    }

    private async Task<LifecycleResult> CancelOnceAsync(int eventId, string? userId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        var e = await db.Events.SingleOrDefaultAsync(x => x.Id == eventId, cancellationToken);
        var registration = e is null ? null : await db.EventRegistrations.SingleOrDefaultAsync(r => r.EventId == eventId && r.UserId == userId, cancellationToken);
        if (e is null || registration is null || Lifecycles.EventSeat.To(registration.Status, SeatCommand.Cancel) is not { } cancelled)
        {
            return LifecycleResult.Refused("You are not registered for this event.");
        }

        if (e.StartsAt <= Now)
        {
            return LifecycleResult.Refused("This event has started; there is nothing to cancel.");
        }

        var before = registration.Status;
        registration.Status = cancelled;
        registration.UpdatedAt = Now;
        e.UpdatedAt = Now;
        audit.Record(EventLifecycle.EntityType, Id(e), e.RigId, AuditAction.EventRegistrationCancelled, AuditChanges.Of(StatusField, before.ToString(), nameof(RegistrationStatus.Cancelled)));
        if (EventRules.HasSeat(before))
        {
            e.SeatsTaken--;
            await FillFromWaitlistAsync(e, cancellationToken);
        }

        return await SaveAsync(LifecycleResult.Ok(EventRules.HasSeat(before) ? $"You gave up your seat at {e.Title}." : $"You left the waitlist of {e.Title}."), eventId, transaction, cancellationToken);
    }

    /// <summary>
    /// Gives free seats to the waitlist, first come first served, and emails each student who got one; the caller
    /// saves. Nothing moves once the event is cancelled or has started.
    /// </summary>
    public async Task FillFromWaitlistAsync(Event e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!EventRules.IsScheduled(e.Status) || e.StartsAt <= Now)
        {
            return;
        }

        var free = e.Capacity is { } seats ? seats - e.SeatsTaken : int.MaxValue;
        if (free <= 0)
        {
            return;
        }

        var next = await db.EventRegistrations.Include(r => r.User)
            .Where(r => r.EventId == e.Id).Where(EventRules.Waiting)
            .OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id)
            .Take(Math.Min(free, EventRules.MaxCapacity))
            .ToListAsync(cancellationToken);
        foreach (var registration in next)
        {
            registration.Status = Lifecycles.EventSeat.To(registration.Status, SeatCommand.Promote)!.Value;
            registration.UpdatedAt = Now;
            e.SeatsTaken++;
            audit.Record(EventLifecycle.EntityType, Id(e), e.RigId, AuditAction.EventSeatGiven,
                AuditChanges.Of(StatusField, nameof(RegistrationStatus.Waitlisted), nameof(RegistrationStatus.Registered)), by: Actor.System);
            emails.EventSeatGiven(registration.User!.Email!, e);
        }
    }

    /// <summary>
    /// Queues the reminders of events starting within a day, once per event: each event is saved on its own, so an
    /// event another instance reminded first (its version moved on) is skipped. Returns how many events it reminded.
    /// </summary>
    public async Task<int> QueueRemindersAsync(CancellationToken cancellationToken)
    {
        var due = await db.Events
            .Where(EventRules.Scheduled).Where(e => e.RemindersQueuedAt == null && e.HiddenAt == null && e.StartsAt > Now && e.StartsAt <= Now + EventRules.ReminderLead)
            .OrderBy(e => e.StartsAt).Select(e => e.Id).Take(100).ToListAsync(cancellationToken);
        var reminded = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            var e = await db.Events.SingleAsync(x => x.Id == id, cancellationToken);
            if (e.RemindersQueuedAt is not null)
            {
                continue;
            }

            e.RemindersQueuedAt = Now;
            var attendees = await db.EventRegistrations.Where(r => r.EventId == id).Where(EventRules.HoldsSeat).Select(r => r.User!.Email!).ToListAsync(cancellationToken);
            foreach (var email in attendees)
            {
                emails.EventReminder(email, e);
            }

            // Changed meanwhile (a registration, an edit, another instance's reminders): the next round looks again.
            if ((await save.CommitAsync(LifecycleResult.Ok(), cancellationToken)).Succeeded)
            {
                reminded++;
            }
        }

        db.ChangeTracker.Clear();
        return reminded;
    }

    private string ClosedReason(Event e)
    {
        if (EventRules.IsCancelled(e.Status))
        {
            return "This event is cancelled.";
        }

        if (e.StartsAt <= Now)
        {
            return "This event has started; registration is closed.";
        }

        return e.RegistrationOpensAt is { } opens && Now < opens
            ? $"Registration opens {EventTimeZones.DescribeInstant(opens, e.TimeZoneId)}."
            : "Registration for this event is closed.";
    }

    /// <summary>Another registration took the seat (the event's version moved on), or a double click inserted the row first: a conflict, tried again.</summary>
    private Task<LifecycleResult> SaveAsync(LifecycleResult done, int eventId, WriteTransaction transaction, CancellationToken cancellationToken) =>
        save.CommitAsync(done, cancellationToken, new EventSeatsChanged(eventId), transaction, lostRace: _ => LifecycleResult.Conflict);

    private static string Id(Event e) => e.Id.ToString(CultureInfo.InvariantCulture);
}
