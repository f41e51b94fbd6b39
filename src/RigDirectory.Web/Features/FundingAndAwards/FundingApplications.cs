using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Registration;
using RigDirectory.Web.Infrastructure;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Notifications;

namespace RigDirectory.Web.Features.FundingAndAwards;

/// <summary>
/// One application from draft to report. Only the RIG's leaders write it, while the call is open (by the server's
/// clock); only admins score and decide it. An award is added to the call's total in the same save, guarded by the
/// call's version, so two admins awarding the last dollars at once cannot both succeed; the note of every decision is
/// emailed to the leaders through the outbox in that save too.
/// </summary>
public sealed class FundingApplications(AppDbContext db, LedRigs ledRigs, AuditLog audit, EmailNotifications emails, ResourceFileStore files, SaveStep save, TimeProvider clock)
{
    public const string EntityType = nameof(FundingApplication);
    public const string PhotosField = "Photos";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Saves the RIG's application to the call (started on its first save) as a draft, or submits it.</summary>
    public async Task<(LifecycleResult Result, int? Id)> SaveAsync(string callSlug, int rigId, FundingApplicationInput input, bool submit, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var call = await db.FundingCalls.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == callSlug, cancellationToken);
        if (call is null)
        {
            return (LifecycleResult.NotFound, null);
        }

        var (rig, refusal) = await ledRigs.LoadAsync(rigId, by, cancellationToken);
        if (refusal is not null)
        {
            return (refusal, null);
        }

        var application = await db.FundingApplications.Include(a => a.BudgetLines).Include(a => a.Answers)
            .SingleOrDefaultAsync(a => a.CallId == call.Id && a.RigId == rigId, cancellationToken);
        if (application is not null && application.Version != input.Version)
        {
            return (LifecycleResult.Conflict, application.Id);
        }

        if (WhyNotEditable(call, rig!, application) is { } why)
        {
            return (LifecycleResult.Refused(why), application?.Id);
        }

        var errors = Check(call, rig!, input, submit);
        if (errors.Count > 0)
        {
            return (LifecycleResult.Invalid(errors), application?.Id);
        }

        return await WriteAsync(call, rig!, application, input, submit, by, cancellationToken);
    }

    /// <summary>Writes the checked form into the application (a new one when the RIG has none), audited, as a draft or submitted.</summary>
    private async Task<(LifecycleResult Result, int? Id)> WriteAsync(FundingCall call, Rig rig, FundingApplication? application, FundingApplicationInput input, bool submit, Actor by, CancellationToken cancellationToken)
    {
        var rigId = rig.Id;
        var isNew = application is null;
        application ??= new FundingApplication { CallId = call.Id, RigId = rigId, CreatedAt = Now, CreatedByUserId = by.UserId };
        var before = Summary(application);
        Fill(application, call, input);
        application.Status = Lifecycles.FundingApplication.To(application.Status, submit ? FundingCommand.Submit : FundingCommand.Save)
            ?? throw new InvalidOperationException($"{application.Status} cannot be edited by its leaders.");
        if (submit)
        {
            application.SubmittedAt = Now;
        }

        application.UpdatedAt = Now;
        var done = LifecycleResult.Ok(submit
            ? $"Your application is submitted. ACR will email {rig.Name}'s leaders its decision."
            : $"Draft saved. Submit it before {Domain.Funding.DescribeClose(call.ClosesAt)}.");
        void Record(FundingApplication saved) =>
            audit.Record(EntityType, Id(saved), rigId, submit ? AuditAction.FundingApplicationSubmitted : AuditAction.FundingApplicationSaved, Changes(before, Summary(saved)));

        // A co-leader started or saved the same application at the same moment.
        static LifecycleResult? LostRace(DbUpdateException _) => LifecycleResult.Conflict;
        LifecycleResult result;
        if (isNew)
        {
            result = await save.AddAsync(application, Record, _ => done, cancellationToken, lostRace: LostRace);
        }
        else
        {
            Record(application);
            result = await save.CommitAsync(done, cancellationToken, lostRace: LostRace);
        }

        return (result, result.Succeeded ? application.Id : null);
    }

    /// <summary>The form's event, amount, budget lines (blank ones dropped) and answers, in place of what the application had.</summary>
    private void Fill(FundingApplication application, FundingCall call, FundingApplicationInput input)
    {
        application.EventId = input.EventId;
        application.AmountAsked = input.AmountAsked ?? 0;
        db.RemoveRange(application.BudgetLines);
        db.RemoveRange(application.Answers);
        var number = 0;
        application.BudgetLines = [.. input.BudgetLines.Where(l => !l.IsEmpty).Select(l => new FundingBudgetLine { Number = ++number, Item = (l.Item ?? "").Trim(), Amount = l.Amount ?? 0 })];
        application.Answers = [.. call.QuestionList.Select((q, i) => new FundingAnswer { Number = i + 1, Question = q, Text = input.Answers.ElementAtOrDefault(i)?.Trim() ?? "" })];
    }

    public async Task<LifecycleResult> ScoreAsync(int id, int? score, int version, CancellationToken cancellationToken)
    {
        if (score is < 1 or > 5)
        {
            return LifecycleResult.Invalid("Score", "Score from 1 to 5.");
        }

        var application = await db.FundingApplications.Where(Domain.Funding.Submitted).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return LifecycleResult.NotFound;
        }

        if (application.Version != version)
        {
            return LifecycleResult.Conflict;
        }

        audit.Record(EntityType, Id(application), application.RigId, AuditAction.FundingScored, AuditChanges.Of("Score", Text(application.Score), Text(score)));
        application.Score = score;
        return await SaveDecisionAsync($"Scored {Text(score)} of 5.", cancellationToken);
    }

    /// <summary>Awards (at most what was asked and what the call has left), declines or sends back a submitted application.</summary>
    public async Task<LifecycleResult> DecideAsync(int id, FundingDecisionInput input, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var application = await db.FundingApplications.Include(a => a.Call).Include(a => a.Event)
            .Include(a => a.Rig).ThenInclude(r => r!.Officers).ThenInclude(o => o.User)
            .AsSplitQuery()
            .Where(Domain.Funding.Submitted).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return LifecycleResult.NotFound;
        }

        var call = application.Call!;
        if (application.Version != input.Version || call.Version != input.CallVersion)
        {
            return LifecycleResult.Conflict;
        }

        var command = input.Kind switch { FundingDecision.Award => FundingCommand.Award, FundingDecision.Decline => FundingCommand.Decline, _ => FundingCommand.SendBack };
        if (Lifecycles.FundingApplication.To(application.Status, command) is not { } decided)
        {
            return LifecycleResult.Refused(Domain.Funding.SentBack(application.Status)
                ? "The leaders have not sent the application back yet."
                : $"This application was already {application.Status.DisplayName().ToLowerInvariant()}.");
        }

        var note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        if (DecisionError(input, note, application, call) is { } error)
        {
            return error;
        }

        Decide(application, command, decided, input.Amount, note, by);
        var rig = application.Rig!;
        emails.FundingDecided(rig, rig.CurrentOfficerEmails(), call, application);
        return await SaveDecisionAsync(Decided(input.Kind, application, call, rig), cancellationToken);
    }

    private static string Decided(FundingDecision kind, FundingApplication application, FundingCall call, Rig rig) => kind switch
    {
        FundingDecision.Award => $"Awarded {Domain.Funding.Dollars(application.AmountAwarded!.Value)} to {rig.Name}; {Domain.Funding.Dollars(call.Remaining)} is left. The leaders are emailed.",
        FundingDecision.Decline => $"Declined; {rig.Name}'s leaders are emailed the note.",
        _ => $"Sent back to {rig.Name}'s leaders with the note.",
    };

    /// <summary>Records the decision (an award is added to the call's total, guarded by the call's version) and its audit entry.</summary>
    private void Decide(FundingApplication application, FundingCommand command, FundingStatus decided, int? amount, string? note, Actor by)
    {
        var (from, call) = (application.Status, application.Call!);
        if (command == FundingCommand.Award)
        {
            application.AmountAwarded = amount;
            call.Awarded += amount!.Value;
            call.UpdatedAt = Now;
        }

        application.Status = decided;
        application.DecisionNote = note;
        application.DecidedAt = Now;
        application.DecidedBy = by.DisplayName;
        application.UpdatedAt = Now;
        var action = command switch
        {
            FundingCommand.Award => AuditAction.FundingAwarded,
            FundingCommand.Decline => AuditAction.FundingDeclined,
            _ => AuditAction.FundingChangesRequested,
        };
        audit.Record(EntityType, Id(application), application.RigId, action,
            AuditChanges.Of("Application", from.ToString(), decided.ToString()).With("Awarded", null, Text(application.AmountAwarded)), note);
    }

    /// <summary>A decline or a sending back needs a note the leaders read; an award, an amount the application and the call allow.</summary>
    private static LifecycleResult? DecisionError(FundingDecisionInput input, string? note, FundingApplication application, FundingCall call)
    {
        const string Field = "Decision.";
        if (input.Kind != FundingDecision.Award)
        {
            return note is not null ? null : LifecycleResult.Invalid(Field + nameof(FundingDecisionInput.Note), input.Kind == FundingDecision.Decline
                ? "Say why it is declined: the leaders read this note."
                : "Say what to change: the leaders read this note.");
        }

        if (input.Amount is not { } amount || amount < 1 || amount > application.AmountAsked)
        {
            return LifecycleResult.Invalid(Field + nameof(FundingDecisionInput.Amount), $"Award from $1 up to the {Domain.Funding.Dollars(application.AmountAsked)} asked.");
        }

        return amount > call.Remaining
            ? LifecycleResult.Invalid(Field + nameof(FundingDecisionInput.Amount), $"Only {Domain.Funding.Dollars(call.Remaining)} is left in this call's budget.")
            : null;
    }

    /// <summary>The report after the event: attendance, what happened and up to three photos (PNG or JPG, checked by their bytes).</summary>
    public async Task<LifecycleResult> ReportAsync(int id, FundingReportInput input, IReadOnlyList<(string? FileName, Stream Content)> photos, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(photos);
        var application = await db.FundingApplications.Include(a => a.Event).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (application is null)
        {
            return LifecycleResult.NotFound;
        }

        var (_, refusal) = await ledRigs.LoadAsync(application.RigId, by, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!Domain.Funding.ReportDue(application.Status, application.ReportedAt, application.Event?.StartsAt, Now))
        {
            return LifecycleResult.Refused(application.ReportedAt is not null ? "The report is already filed." : "A report is filed for an awarded application once its event has taken place.");
        }

        if (photos.Count > Domain.Funding.MaxPhotos)
        {
            return LifecycleResult.Invalid(PhotosField, "Attach at most 3 photos.");
        }

        return await FileReportAsync(application, input, photos, cancellationToken);
    }

    /// <summary>Checks and stores the photos, then saves the report; photos of a report that was not saved are deleted.</summary>
    private async Task<LifecycleResult> FileReportAsync(FundingApplication application, FundingReportInput input, IReadOnlyList<(string? FileName, Stream Content)> photos, CancellationToken cancellationToken)
    {
        var checkedPhotos = new List<CheckedUpload>();
        var stored = new List<string>();
        try
        {
            if (await CheckAllAsync(photos, checkedPhotos, cancellationToken) is { } invalid)
            {
                return invalid;
            }

            await AttachAsync(application, checkedPhotos, stored, cancellationToken);
            application.ReportAttendance = input.Attendance;
            application.ReportSummary = input.Summary.Trim();
            application.ReportedAt = Now;
            application.UpdatedAt = Now;
            audit.Record(EntityType, Id(application), application.RigId, AuditAction.FundingReported,
                AuditChanges.Of("Attendance", null, Text(input.Attendance)).With("Photos", null, checkedPhotos.Count == 0 ? null : Text(checkedPhotos.Count)));
            var saved = await save.CommitAsync(LifecycleResult.Ok("Thank you: the report is filed."), cancellationToken);
            if (saved.Succeeded)
            {
                stored.Clear();
            }

            return saved;
        }
        finally
        {
            // Files of a report that was not saved are not kept.
            stored.ForEach(files.Delete);
            foreach (var photo in checkedPhotos)
            {
                await photo.DisposeAsync();
            }
        }
    }

    /// <summary>Checks each photo by its bytes into <paramref name="checkedPhotos"/> (disposed by the caller); the first that fails is the answer.</summary>
    private async Task<LifecycleResult?> CheckAllAsync(IReadOnlyList<(string? FileName, Stream Content)> photos, List<CheckedUpload> checkedPhotos, CancellationToken cancellationToken)
    {
        foreach (var (fileName, content) in photos)
        {
            var (upload, why) = await files.CheckAsync(fileName, content, imagesOnly: true, cancellationToken);
            if (upload is null)
            {
                return LifecycleResult.Invalid(PhotosField, why!);
            }

            checkedPhotos.Add(upload);
        }

        return null;
    }

    /// <summary>Stores the checked photos and attaches them to the report; each stored name is noted in <paramref name="stored"/> at once, so that a failure deletes it.</summary>
    private async Task AttachAsync(FundingApplication application, List<CheckedUpload> photos, List<string> stored, CancellationToken cancellationToken)
    {
        foreach (var photo in photos)
        {
            var name = await files.SaveAsync(photo.Content, cancellationToken);
            stored.Add(name);
            application.Photos.Add(new FundingReportPhoto { FileName = photo.FileName, ContentType = photo.ContentType, Size = photo.Size, StoredName = name });
        }
    }

    /// <summary>Why the leaders cannot change the application now (see <see cref="Domain.Funding.WhyLeadersCannotEdit"/>), or why the RIG may not apply.</summary>
    private string? WhyNotEditable(FundingCall call, Rig rig, FundingApplication? application) =>
        Domain.Funding.WhyLeadersCannotEdit(application?.Status, call.OpensAt, call.ClosesAt, Now)
        ?? Domain.Funding.Ineligibility(call, rig.Status, rig.LastVerifiedAt, rig.ApprovedAt, Now);

    /// <summary>What a draft must respect (an event of the RIG, amounts within the call) and, to submit, what it must have.</summary>
    private List<KeyValuePair<string, string>> Check(FundingCall call, Rig rig, FundingApplicationInput input, bool submit)
    {
        var errors = new List<KeyValuePair<string, string>>();
        void Error(string field, string message) => errors.Add(new("Input." + field, message));
        var lines = input.BudgetLines.Where(l => !l.IsEmpty).ToList();
        if (input.EventId is { } eventId && !rig.Events.AsQueryable().Where(Domain.Funding.Fundable(Now)).Any(e => e.Id == eventId))
        {
            Error(nameof(input.EventId), "Choose one of your RIG's upcoming events.");
        }
        else if (input.EventId is null && submit)
        {
            Error(nameof(input.EventId), "Choose the event the money is for (add it to your RIG's events first).");
        }

        if (input.AmountAsked > call.MaxAward)
        {
            Error(nameof(input.AmountAsked), $"This call awards at most {Domain.Funding.Dollars(call.MaxAward)}.");
        }
        else if (submit && input.AmountAsked is null or < 1)
        {
            Error(nameof(input.AmountAsked), "Enter the amount you ask for.");
        }
        else if (submit && input.AmountAsked > lines.Sum(l => l.Amount ?? 0))
        {
            Error(nameof(input.AmountAsked), $"Ask for no more than your budget's total ({Domain.Funding.Dollars(lines.Sum(l => l.Amount ?? 0))}).");
        }

        if (lines.Any(l => string.IsNullOrWhiteSpace(l.Item) || l.Amount is null or < 1))
        {
            Error(nameof(input.BudgetLines), "Give each budget line an item and an amount.");
        }
        else if (submit && lines.Count == 0)
        {
            Error(nameof(input.BudgetLines), "List what the money will pay for, one line each.");
        }

        CheckAnswers(call, input, submit, Error);
        return errors;
    }

    /// <summary>Each answer within its length and, to submit, given.</summary>
    private static void CheckAnswers(FundingCall call, FundingApplicationInput input, bool submit, Action<string, string> error)
    {
        var questions = call.QuestionList;
        for (var i = 0; i < questions.Count; i++)
        {
            var answer = input.Answers.ElementAtOrDefault(i);
            if (answer?.Length > Domain.Funding.AnswerLength)
            {
                error($"Answers[{i}]", "Keep each answer under 2,000 characters.");
            }
            else if (submit && string.IsNullOrWhiteSpace(answer))
            {
                error($"Answers[{i}]", "Answer this question.");
            }
        }
    }

    /// <summary>Another admin deciding this application, or awarding from the same call, first is a conflict: nothing of this is saved.</summary>
    private Task<LifecycleResult> SaveDecisionAsync(string message, CancellationToken cancellationToken) =>
        save.CommitAsync(LifecycleResult.Ok(message), cancellationToken);

    private static AuditChanges Changes(string? before, string? after) => AuditChanges.Of("Application", before, after);

    private static string? Summary(FundingApplication a) =>
        a.Id == 0 ? null : $"{a.Status}; event {Text(a.EventId) ?? "none"}; asks {Domain.Funding.Dollars(a.AmountAsked)}; {Text(a.BudgetLines.Count)} budget lines";

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string Id(FundingApplication application) => application.Id.ToString(CultureInfo.InvariantCulture);
}
