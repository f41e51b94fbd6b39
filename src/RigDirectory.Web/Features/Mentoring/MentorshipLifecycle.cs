using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Directory;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Notifications;

namespace RigDirectory.Web.Features.Mentoring;

/// <summary>
/// The one owner of a mentorship, from a student's request to its end: ask, cancel, accept, decline, expire, end,
/// report. A mentor's free places are counted on the mentor's profile, whose version makes two acceptances of the
/// last place collide: the second is tried again and finds no room. Every step is audited, and the other side is
/// emailed through the outbox in the same save.
/// </summary>
public sealed class MentorshipLifecycle(AppDbContext db, AuditLog audit, EmailNotifications emails, SchoolFinder schools, SaveStep save, TimeProvider clock)
{
    public const string Prefix = "Request";
    public const string EntityType = "Mentorship";
    private const string StatusField = "Mentorship status";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A student asks a mentor; refused when the mentor cannot be asked or the student has asked enough.</summary>
    public async Task<LifecycleResult> AskAsync(int mentorId, MentorshipRequestInput input, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var userId = by.UserId;
        if (userId is null)
        {
            return LifecycleResult.Forbidden;
        }

        var (slug, wrongSchool) = await SchoolOfAsync(input, cancellationToken);
        if (wrongSchool is not null)
        {
            return wrongSchool;
        }

        // The checks and the insert hold the write turn together, so a double click cannot pass the limits twice.
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        var mentor = await db.MentorProfiles.Include(m => m.User).SingleOrDefaultAsync(m => m.Id == mentorId, cancellationToken);
        if (mentor is null || !MentoringRules.Findable(mentor.Status))
        {
            return LifecycleResult.NotFound;
        }

        if (await WhyNotAskAsync(mentor, userId, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var school = await db.Schools.Listed().SingleOrDefaultAsync(s => s.Slug == slug, cancellationToken);
        if (school is null)
        {
            return LifecycleResult.Invalid(SchoolField, "Enter your school again: the one chosen is no longer listed.");
        }

        return await RequestAsync(mentor, school, userId, input.Message, transaction, cancellationToken);
    }

    /// <summary>The request, its audit entry and the mentor's email, added in the transaction that checked the limits.</summary>
    private async Task<LifecycleResult> RequestAsync(MentorProfile mentor, School school, string userId, string message, WriteTransaction transaction, CancellationToken cancellationToken)
    {
        var student = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        var request = new Mentorship
        {
            MentorId = mentor.Id,
            StudentUserId = userId,
            StudentSchoolId = school.Id,
            Message = message.Trim(),
            Status = MentorshipStatus.Requested,
            CreatedAt = Now,
            ExpiresAt = Now.AddDays(MentoringRules.ExpiryDays),
        };
        await emails.MentorshipRequestedAsync(mentor.User!.Email!, student.DisplayName, school.DisplayName, request.Message, cancellationToken);
        return await save.AddAsync(request,
            added => audit.Record(EntityType, Id(added), null, AuditAction.MentorshipRequested, AuditChanges.Of(StatusField, null, nameof(MentorshipStatus.Requested)).With("Mentor", null, mentor.User.DisplayName)),
            _ => LifecycleResult.Ok($"Your request went to {mentor.User.DisplayName}. They have {MentoringRules.ExpiryDays} days to answer; we will email you."),
            cancellationToken, transaction: transaction);
    }

    /// <summary>Why this student may not ask this mentor now: themselves, a full mentor, asked already, or too many requests waiting.</summary>
    private async Task<LifecycleResult?> WhyNotAskAsync(MentorProfile mentor, string userId, CancellationToken cancellationToken)
    {
        if (mentor.UserId == userId)
        {
            return LifecycleResult.Refused("This is you: students ask you from here.");
        }

        if (!mentor.HasRoom)
        {
            return LifecycleResult.Refused($"{mentor.User!.DisplayName} is full: they mentor as many students as they can just now. Ask someone else, or look again later.");
        }

        var mine = await db.Mentorships.Where(m => m.StudentUserId == userId).Where(MentoringRules.IsOpen)
            .Select(m => new { m.MentorId, m.Status }).ToListAsync(cancellationToken);
        if (mine.Any(m => m.MentorId == mentor.Id))
        {
            return LifecycleResult.Refused($"You asked {mentor.User!.DisplayName} already: see it on My mentors.");
        }

        if (mine.Count(m => MentoringRules.Waiting(m.Status)) >= MentoringRules.MaxOpenRequests)
        {
            return LifecycleResult.Refused($"You have {MentoringRules.MaxOpenRequests} requests waiting for an answer, the most at once. Cancel one on My mentors, or wait for an answer (requests expire after {MentoringRules.ExpiryDays} days).");
        }

        return null;
    }

    private const string SchoolField = $"{Prefix}.{nameof(MentorshipRequestInput.SchoolName)}";

    /// <summary>The school the student chose among several, or else the one school their typed name means.</summary>
    private async Task<(string? Slug, LifecycleResult? Refusal)> SchoolOfAsync(MentorshipRequestInput input, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(input.School))
        {
            return (input.School, null);
        }

        var name = SchoolFinder.Bounded(input.SchoolName);
        if (string.IsNullOrEmpty(name))
        {
            return (null, LifecycleResult.Invalid(SchoolField, "Enter your school: its name, an abbreviation or its city."));
        }

        var ranked = await schools.RankAsync(db, name, MentoringRules.SchoolChoicesShown, cancellationToken);
        return SchoolFinder.Unambiguous(ranked) is { } slug ? (slug, null)
            : (null, LifecycleResult.Invalid(SchoolField, ranked.Count == 0
                ? $"No school matches \"{name}\". Try its full name, an abbreviation such as UCSF, or its city."
                : $"Several schools match \"{name}\": choose yours below."));
    }

    /// <summary>The student takes back a request not yet answered.</summary>
    public async Task<LifecycleResult> CancelAsync(int id, Actor by, CancellationToken cancellationToken)
    {
        var request = await LoadAsync(id, cancellationToken);
        if (request is null || request.StudentUserId != by.UserId)
        {
            return LifecycleResult.NotFound;
        }

        if (!Lifecycles.Mentorship.Allows(request.Status, MentorshipCommand.Cancel))
        {
            return LifecycleResult.Refused($"This request is {request.Status.DisplayName().ToLowerInvariant()}; there is nothing to cancel.");
        }

        Move(request, MentorshipCommand.Cancel, AuditAction.MentorshipCancelled, null);
        request.ClosedAt = Now;
        return await SaveAsync(LifecycleResult.Ok($"Your request to {request.Mentor!.User!.DisplayName} is cancelled."), cancellationToken);
    }

    /// <summary>
    /// The mentor accepts: both then see each other's email. Refused when the request expired or the mentor has no
    /// place left; when two acceptances race for the last place, the second finds it taken.
    /// </summary>
    public Task<LifecycleResult> AcceptAsync(int id, Actor by, CancellationToken cancellationToken) =>
        SaveStep.RetryOnConflictAsync(() => AcceptOnceAsync(id, by, cancellationToken), cancellationToken, attempts: 2);

    private async Task<LifecycleResult> AcceptOnceAsync(int id, Actor by, CancellationToken cancellationToken)
    {
        var request = await LoadAsync(id, cancellationToken);
        if (request is null || request.Mentor!.UserId != by.UserId)
        {
            return LifecycleResult.NotFound;
        }

        if (!Lifecycles.Mentorship.Allows(request.Status, MentorshipCommand.Accept))
        {
            return LifecycleResult.Refused($"This request is {request.Status.DisplayName().ToLowerInvariant()}; it can no longer be accepted.");
        }

        if (request.ExpiresAt <= Now)
        {
            return LifecycleResult.Refused($"This request expired: it waited {MentoringRules.ExpiryDays} days. The student may ask you again.");
        }

        var mentor = request.Mentor;
        if (!MentoringRules.Approved(mentor.Status))
        {
            return LifecycleResult.Refused("Your offer to mentor is not standing, so you cannot take on mentees.");
        }

        if (!mentor.HasRoom)
        {
            return LifecycleResult.Refused($"You mentor {mentor.ActiveMentees} students, your limit. End a mentorship or raise how many students you take at once, then accept.");
        }

        Move(request, MentorshipCommand.Accept, AuditAction.MentorshipAccepted, null);
        request.AnsweredAt = Now;
        mentor.ActiveMentees++;
        mentor.UpdatedAt = Now;
        emails.MentorshipAnswered(request.Student!.Email!, mentor.User!.DisplayName, mentor.User.Email, accepted: true, note: null);
        return await SaveRoomAsync(LifecycleResult.Ok($"You are now {request.Student.DisplayName}'s mentor. Their email is below; they have yours."), mentor.Id, cancellationToken);
    }


    /// <summary>The mentor declines, with an optional note the student reads.</summary>
    public async Task<LifecycleResult> DeclineAsync(int id, MentoringNoteInput input, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = await LoadAsync(id, cancellationToken);
        if (request is null || request.Mentor!.UserId != by.UserId)
        {
            return LifecycleResult.NotFound;
        }

        if (!Lifecycles.Mentorship.Allows(request.Status, MentorshipCommand.Decline))
        {
            return LifecycleResult.Refused($"This request is {request.Status.DisplayName().ToLowerInvariant()}; it can no longer be declined.");
        }

        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        Move(request, MentorshipCommand.Decline, AuditAction.MentorshipDeclined, note);
        request.AnsweredAt = Now;
        request.Note = note;
        emails.MentorshipAnswered(request.Student!.Email!, request.Mentor.User!.DisplayName, null, accepted: false, note);
        return await SaveAsync(LifecycleResult.Ok($"You declined {request.Student.DisplayName}'s request; they were told."), cancellationToken);
    }

    /// <summary>Either side ends an active mentorship; the mentor's place is free again.</summary>
    public async Task<LifecycleResult> EndAsync(int id, MentoringNoteInput input, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = await LoadAsync(id, cancellationToken);
        var userId = by.UserId;
        var byMentor = request?.Mentor!.UserId == userId;
        if (request is null || (!byMentor && request.StudentUserId != userId))
        {
            return LifecycleResult.NotFound;
        }

        if (!Lifecycles.Mentorship.Allows(request.Status, MentorshipCommand.End))
        {
            return LifecycleResult.Refused($"This mentorship is {request.Status.DisplayName().ToLowerInvariant()}; there is nothing to end.");
        }

        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        End(request, note);
        var (mentorName, studentName) = (request.Mentor!.User!.DisplayName, request.Student!.DisplayName);
        var ender = byMentor ? mentorName : studentName;
        var to = byMentor ? request.Student.Email! : request.Mentor.User.Email!;
        emails.MentorshipEnded(to, $"{ender} ended your mentorship", $"{ender} ended the mentorship between {mentorName} and {studentName} on RigDirectory.", note, toStudent: byMentor);
        return await SaveRoomAsync(LifecycleResult.Ok($"The mentorship with {(byMentor ? studentName : mentorName)} has ended; they were told. Thank you both."), request.MentorId, cancellationToken);
    }

    /// <summary>A student or mentor reports a problem on their mentorship; ACR staff see it on the console.</summary>
    public async Task<LifecycleResult> ReportAsync(int id, MentoringNoteInput input, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = await LoadAsync(id, cancellationToken);
        var userId = by.UserId;
        if (request is null || userId is null || (request.Mentor!.UserId != userId && request.StudentUserId != userId))
        {
            return LifecycleResult.NotFound;
        }

        if (string.IsNullOrWhiteSpace(input.Note) || input.Note.Trim().Length < 10)
        {
            return LifecycleResult.Invalid("Report.Note", "Tell ACR what happened, in at least 10 characters.");
        }

        db.MentorshipReports.Add(new MentorshipReport { MentorshipId = request.Id, ReporterUserId = userId, Text = input.Note.Trim(), CreatedAt = Now });
        audit.Record(EntityType, Id(request), null, AuditAction.MentorshipReported, note: input.Note);
        return await SaveAsync(LifecycleResult.Ok("Thank you: ACR staff will read your report and may write to you."), cancellationToken);
    }

    /// <summary>An admin marks a report dealt with.</summary>
    public async Task<LifecycleResult> ResolveReportAsync(int reportId, CancellationToken cancellationToken)
    {
        var report = await db.MentorshipReports.SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return LifecycleResult.NotFound;
        }

        if (report.ResolvedAt is null)
        {
            report.ResolvedAt = Now;
            audit.Record(EntityType, report.MentorshipId.ToString(CultureInfo.InvariantCulture), null, AuditAction.MentorshipReportResolved, note: report.Text);
        }

        return await save.CommitAsync(LifecycleResult.Ok("The report is marked dealt with."), cancellationToken);
    }

    /// <summary>
    /// Expires requests left unanswered for <see cref="MentoringRules.ExpiryDays"/> days and tells each student. Run by
    /// the background worker; safe beside another instance doing the same (a row another instance changed is skipped).
    /// </summary>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        var due = await db.Mentorships.AsNoTracking()
            .Where(MentoringRules.AwaitingAnswer).Where(m => m.ExpiresAt <= now)
            .OrderBy(m => m.ExpiresAt).Select(m => m.Id).Take(100)
            .ToListAsync(cancellationToken);
        var expired = 0;
        foreach (var id in due)
        {
            // Each in its own save: one answered or expired elsewhere meanwhile leaves the others to go ahead.
            var request = await LoadAsync(id, cancellationToken);
            if (request is null || !Lifecycles.Mentorship.Allows(request.Status, MentorshipCommand.Expire))
            {
                continue;
            }

            Move(request, MentorshipCommand.Expire, AuditAction.MentorshipExpired, null, Actor.System);
            request.ClosedAt = now;
            emails.MentorshipExpired(request.Student!.Email!, request.Mentor!.User!.DisplayName);
            if ((await SaveAsync(LifecycleResult.Ok(), cancellationToken)).Succeeded)
            {
                expired++;
            }

            db.ChangeTracker.Clear();
        }

        return expired;
    }

    /// <summary>
    /// A mentor stopped (withdrew or was deactivated): waiting requests are declined and mentorships end, each
    /// student told. Joins the caller's unit of work.
    /// </summary>
    public async Task CloseAllOfAsync(MentorProfile mentor, string why, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mentor);
        var open = await db.Mentorships.Include(m => m.Student)
            .Where(m => m.MentorId == mentor.Id).Where(MentoringRules.IsOpen)
            .ToListAsync(cancellationToken);
        foreach (var request in open)
        {
            if (Lifecycles.Mentorship.Allows(request.Status, MentorshipCommand.End))
            {
                End(request, why);
                emails.MentorshipEnded(request.Student!.Email!, "Your mentorship has ended", why + " Your mentorship with them has ended.", null, toStudent: true);
            }
            else
            {
                Move(request, MentorshipCommand.Decline, AuditAction.MentorshipDeclined, why);
                request.AnsweredAt = Now;
                request.Note = why;
                emails.MentorshipEnded(request.Student!.Email!, "Your request to a mentor was closed", why + " Your request to them is closed.", null, toStudent: true);
            }
        }

        mentor.ActiveMentees = 0;
    }

    private void End(Mentorship request, string? note)
    {
        Move(request, MentorshipCommand.End, AuditAction.MentorshipEnded, note);
        request.ClosedAt = Now;
        request.Note = note;
        request.Mentor!.ActiveMentees = Math.Max(0, request.Mentor.ActiveMentees - 1);
        request.Mentor.UpdatedAt = Now;
    }

    /// <summary>Moves the request as the transition table says (the caller checked the command is allowed).</summary>
    private void Move(Mentorship request, MentorshipCommand command, AuditAction action, string? note, Actor? by = null)
    {
        var to = Lifecycles.Mentorship.To(request.Status, command) ?? throw new InvalidOperationException($"{command} is not allowed from {request.Status}.");
        audit.Record(EntityType, Id(request), null, action, AuditChanges.Of(StatusField, request.Status.ToString(), to.ToString()), note, by);
        request.Status = to;
    }

    private Task<Mentorship?> LoadAsync(int id, CancellationToken cancellationToken) =>
        db.Mentorships.Include(m => m.Mentor).ThenInclude(m => m!.User).Include(m => m.Student).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);

    private static string Id(Mentorship request) => request.Id.ToString(CultureInfo.InvariantCulture);

    private Task<LifecycleResult> SaveAsync(LifecycleResult done, CancellationToken cancellationToken) => save.CommitAsync(done, cancellationToken);

    /// <summary>A mentorship began or ended: the mentor's room changed, which the finder shows.</summary>
    private Task<LifecycleResult> SaveRoomAsync(LifecycleResult done, int mentorId, CancellationToken cancellationToken) =>
        save.CommitAsync(done, cancellationToken, new MentorChanged(mentorId));
}
