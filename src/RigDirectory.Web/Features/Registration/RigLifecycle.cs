using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Notifications;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Registration;

/// <summary>
/// The one owner of a RIG's life: start, save a step, submit, the reviewer's decision, a change of name or school
/// and its decision, edits, "still active", archive and restore. It owns the state machine (through
/// <see cref="RegistrationWorkflow"/>), timestamps, the school's listing, role grants, the audit entry, the
/// leaders' emails and the transaction: each command saves once, so all of it commits or none does. Cache
/// eviction follows a commit that changed what the public pages show.
/// </summary>
public sealed class RigLifecycle(AppDbContext db, LedRigs led, RigDrafts drafts, AuditLog audit, EmailNotifications emails, SaveStep save, TimeProvider clock)
{
    private const string DecisionNote = "Decision.Note";
    private const string StatusNote = "Status.Note";
    private const string NoteRequired = "Write a note: the leaders see it and need to know what to do next.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Starts a draft at a listed school, unless the school already has a RIG (or one under review).</summary>
    public async Task<LifecycleResult> StartAsync(string? schoolSlug, Actor by, CancellationToken cancellationToken)
    {
        var school = string.IsNullOrEmpty(schoolSlug) ? null : await db.Schools.Listed().SingleOrDefaultAsync(s => s.Slug == schoolSlug, cancellationToken);
        if (school is null)
        {
            return LifecycleResult.Refused("Choose your school from the list, or tell us about a school that is missing.");
        }

        if (await db.Rigs.Where(r => r.SchoolId == school.Id).AnyAsync(RegistrationWorkflow.HoldsItsSchool, cancellationToken))
        {
            return LifecycleResult.Refused(RegistrationWorkflow.SchoolTaken(school.DisplayName));
        }

        return LifecycleResult.Ok(rigId: await drafts.CreateAsync(school, null, by, cancellationToken));
    }

    /// <summary>Starts a draft at a school the directory does not list yet; the school is listed when the RIG is approved.</summary>
    public async Task<LifecycleResult> StartAtNewSchoolAsync(MissingSchoolInput input, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var jurisdiction = await db.Jurisdictions.SingleOrDefaultAsync(j => j.Code == input.State, cancellationToken);
        if (jurisdiction is null)
        {
            return LifecycleResult.Invalid("MissingSchool.State", "Choose the state or province.");
        }

        var school = await drafts.RequestSchoolAsync(input, jurisdiction, cancellationToken);
        return LifecycleResult.Ok(rigId: await drafts.CreateAsync(school, $"Requested a new school: {school.DisplayName}, {school.City}", by, cancellationToken));
    }

    /// <summary>Moves a registration not yet approved to another listed school, unless that school already has a RIG (or one under review).</summary>
    public async Task<LifecycleResult> ChangeSchoolAsync(int id, string? schoolSlug, Actor by, CancellationToken cancellationToken)
    {
        var (rig, refusal) = await led.LoadEditableAsync(id, allowApproved: false, by, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (schoolSlug == rig!.School!.Slug)
        {
            return LifecycleResult.Ok(rigId: rig.Id);
        }

        var school = string.IsNullOrEmpty(schoolSlug) ? null : await db.Schools.Listed().SingleOrDefaultAsync(s => s.Slug == schoolSlug, cancellationToken);
        if (school is null)
        {
            return LifecycleResult.Invalid("school", "Choose the school from the list: find it by its name, an abbreviation or its city.");
        }

        if (await db.Rigs.Where(r => r.SchoolId == school.Id && r.Id != rig.Id).AnyAsync(RegistrationWorkflow.HoldsItsSchool, cancellationToken))
        {
            return LifecycleResult.Invalid("school", RegistrationWorkflow.SchoolTaken(school.DisplayName));
        }

        audit.Rig(rig.Id, AuditAction.Edited, new AuditChanges().With("School", rig.School.DisplayName, school.DisplayName));
        rig.School = school;
        rig.SchoolId = school.Id;
        drafts.Reached(rig, RegistrationStep.Sponsors);
        var done = LifecycleResult.Ok($"The registration is now for {school.DisplayName}.", rig.Id);

        // Being registered, it shows as such on both schools' pages and regions, and on the map: all start again.
        return RegistrationWorkflow.BeingRegistered(rig.Status) ? await SaveAsync(rig, done, RigChange.Identity, cancellationToken) : await SaveAsync(rig, done, null, cancellationToken);
    }

    /// <summary>Saves the details step: the RIG's own fields and its first event.</summary>
    public async Task<LifecycleResult> SaveDetailsAsync(int id, DetailsInput input, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (rig, refusal) = await led.LoadEditableAsync(id, allowApproved: false, by, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (input.FoundedYear > Now.Year)
        {
            return LifecycleResult.Invalid("Input.FoundedYear", "The founding year cannot be in the future.");
        }

        rig!.Name = input.Name.Trim();
        input.ApplyTo(rig);
        var zone = await db.Jurisdictions.Where(j => j.Code == rig.School!.JurisdictionCode).Select(j => j.TimeZoneId).SingleOrDefaultAsync(cancellationToken);
        input.ApplyFirstEventTo(rig, EventTimeZones.IsKnown(zone) ? zone! : EventTimeZones.Default, Now);
        drafts.Reached(rig, RegistrationStep.Review);
        return await SaveAsync(rig, LifecycleResult.Ok(rigId: rig.Id), change: null, cancellationToken);
    }

    public async Task<LifecycleResult> SubmitAsync(int id, Actor by, CancellationToken cancellationToken)
    {
        var (rig, refusal) = await led.LoadAsync(id, by, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (RegistrationWorkflow.Refusal(rig!.Status, RigStatus.Submitted, RegistrationActor.Leader) is { } notAllowed)
        {
            return LifecycleResult.Invalid(string.Empty, notAllowed);
        }

        if (RegistrationRules.MissingForSubmission(rig).Count > 0)
        {
            return LifecycleResult.Invalid(string.Empty, "The registration is not complete yet.");
        }

        if (await db.Rigs.Where(r => r.SchoolId == rig.SchoolId && r.Id != rig.Id).AnyAsync(RegistrationWorkflow.HoldsItsSchool, cancellationToken))
        {
            return LifecycleResult.Refused(RegistrationWorkflow.SchoolTaken(rig.School!.DisplayName));
        }

        audit.Rig(rig.Id, AuditAction.Submitted, AuditChanges.Status(rig.Status, RigStatus.Submitted));
        rig.Status = RigStatus.Submitted;
        rig.SubmittedAt = Now;
        rig.ReviewStep = null;
        drafts.Reached(rig, RegistrationStep.Review);
        return await SaveAsync(rig, LifecycleResult.Ok($"{rig.Name} was submitted for review. We will email you when ACR has looked at it."), RigChange.Pending, cancellationToken);
    }

    /// <summary>A reviewer approves a registration, asks for changes or rejects it, with a note the leaders read.</summary>
    public async Task<LifecycleResult> DecideAsync(int id, DecisionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        RigStatus? to = input.Action switch
        {
            ReviewAction.Approve => RigStatus.Approved,
            ReviewAction.RequestChanges => RigStatus.ChangesRequested,
            ReviewAction.Reject => RigStatus.Rejected,
            _ => null,
        };
        if (to is null)
        {
            return LifecycleResult.Invalid("Decision.Action", "Choose a decision: approve and publish, request changes, or reject.");
        }

        if (input.Step is { } step && (!Enum.IsDefined(step) || step == RegistrationStep.Review))
        {
            return LifecycleResult.Invalid("Decision.Step", "Point the note at the school, sponsor, officers or details step, or at the whole registration.");
        }

        return await MoveAsync(id, input.Version, to.Value, input.Note, !RegistrationWorkflow.IsApproved(to.Value) ? DecisionNote : null, cancellationToken, input.Step);
    }

    /// <summary>An admin archives an approved RIG that closed: it leaves the directory and its school shows no RIG.</summary>
    public Task<LifecycleResult> ArchiveAsync(int id, StatusChangeInput input, CancellationToken cancellationToken) =>
        MoveAsync(id, (input ?? throw new ArgumentNullException(nameof(input))).Version, RigStatus.Archived, input.Note, StatusNote, cancellationToken);

    /// <summary>An admin puts an archived RIG back in the directory, unless its school has another RIG by now.</summary>
    public async Task<LifecycleResult> RestoreAsync(int id, StatusChangeInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var schoolTaken = await db.Rigs.AnyAsync(r => r.Id == id && r.School!.Rigs.AsQueryable().Where(RegistrationWorkflow.HoldsItsSchool).Any(other => other.Id != id), cancellationToken);
        return schoolTaken
            ? LifecycleResult.Invalid(string.Empty, "Its school has another RIG now (approved or being registered); the archived one cannot come back beside it.")
            : await MoveAsync(id, input.Version, RigStatus.Approved, input.Note, requiredNote: null, cancellationToken);
    }

    /// <summary>A reviewer's move of the RIG's status; <paramref name="requiredNote"/>: the field of a note that must be written.</summary>
    private async Task<LifecycleResult> MoveAsync(int id, int seenVersion, RigStatus to, string? note, string? requiredNote, CancellationToken cancellationToken, RegistrationStep? reviewStep = null)
    {
        // Split: as one query SQLite joins every RIG's officers before keeping this RIG's (14 ms at 4,000 RIGs).
        var rig = await db.Rigs.Include(r => r.School).Include(r => r.Officers).ThenInclude(o => o.User).AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rig is null)
        {
            return LifecycleResult.NotFound;
        }

        if (rig.Version != seenVersion)
        {
            return LifecycleResult.Conflict;
        }

        if (MoveErrors(rig.Status, to, note, requiredNote) is { Count: > 0 } errors)
        {
            return LifecycleResult.Invalid(errors);
        }

        var from = rig.Status;
        await ApplyMoveAsync(rig, to, cancellationToken);
        rig.ReviewStep = RegistrationWorkflow.IsSentBack(to) ? reviewStep : null;
        audit.Rig(rig.Id, ActionFor(from, to), AuditChanges.Status(from, to).With("About", null, rig.ReviewStep?.DisplayName()), note);
        if (!RegistrationWorkflow.IsArchived(from))
        {
            emails.RegistrationDecided(rig, rig.CurrentOfficerEmails(), to, note);
        }

        var done = RegistrationWorkflow.IsArchived(from) ? $"{rig.Name} is restored to the directory." : $"{rig.Name}: {to.DisplayName().ToLowerInvariant()}. The leaders were emailed.";
        return await SaveIfUnchangedAsync(rig, seenVersion, LifecycleResult.Ok(done, rig.Id), MoveChange(from, to), cancellationToken);
    }

    /// <summary>A note the move requires and does not have; a move the workflow does not allow a reviewer.</summary>
    private static List<KeyValuePair<string, string>> MoveErrors(RigStatus from, RigStatus to, string? note, string? requiredNote)
    {
        var errors = new List<KeyValuePair<string, string>>();
        if (requiredNote is not null && string.IsNullOrWhiteSpace(note))
        {
            errors.Add(new(requiredNote, NoteRequired));
        }

        if (RegistrationWorkflow.Refusal(from, to, RegistrationActor.Reviewer) is { } refusal)
        {
            errors.Add(new(string.Empty, refusal));
        }

        return errors;
    }

    /// <summary>What the read side must hear of a move: into or out of the directory, into or out of registration, or nothing.</summary>
    private static RigChange? MoveChange(RigStatus from, RigStatus to) =>
        RegistrationWorkflow.IsApproved(from) || RegistrationWorkflow.IsApproved(to) ? RigChange.Placement
        : RegistrationWorkflow.BeingRegistered(from) != RegistrationWorkflow.BeingRegistered(to) ? RigChange.Pending
        : null;

    private async Task ApplyMoveAsync(Rig rig, RigStatus to, CancellationToken cancellationToken)
    {
        rig.Status = to;
        rig.UpdatedAt = Now;
        if (!RegistrationWorkflow.IsApproved(to) || rig.ApprovedAt is not null)
        {
            return;
        }

        // Approved, not verified: "verified" is what the leaders say when they confirm the RIG is still active.
        rig.ApprovedAt = Now;
        if (School.IsRequested(rig.School!.Status))
        {
            rig.School.Status = SchoolStatus.Listed;
            rig.School.UpdatedAt = Now;
        }

        // In the approval's unit of work: the approval and the grant commit together.
        await db.GrantRoleAsync(Roles.RigLeader, Leaders(rig).Select(l => l.Id).ToList(), cancellationToken);
    }

    private static AuditAction ActionFor(RigStatus from, RigStatus to) => (from, to) switch
    {
        (RigStatus.Archived, _) => AuditAction.Restored,
        (_, RigStatus.Archived) => AuditAction.Archived,
        (_, RigStatus.Approved) => AuditAction.Approved,
        (_, RigStatus.ChangesRequested) => AuditAction.ChangesRequested,
        _ => AuditAction.Rejected,
    };

    /// <summary>A leader edits an approved RIG: routine fields go live at once; a new name or school waits for review.</summary>
    public async Task<LifecycleResult> EditAsync(int id, RigProfileInput input, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (rig, refusal) = await led.LoadEditableAsync(id, allowApproved: true, by, cancellationToken);
        if (refusal is not null || !RegistrationWorkflow.IsApproved(rig!.Status))
        {
            return refusal ?? LifecycleResult.Refused("This RIG is not approved yet; change it in its registration.");
        }

        var newSchool = input.SchoolSlug == rig.School!.Slug ? null : await db.Schools.Listed().SingleOrDefaultAsync(s => s.Slug == input.SchoolSlug, cancellationToken);
        if (input.SchoolSlug != rig.School.Slug && newSchool is null)
        {
            return LifecycleResult.Invalid("Input.SchoolSlug", "Choose a school from the list; find it by its name, an abbreviation or its city.");
        }

        if (input.FoundedYear > Now.Year)
        {
            return LifecycleResult.Invalid("Input.FoundedYear", "The founding year cannot be in the future.");
        }

        var routine = input.ApplyTo(rig);
        if (routine.Count > 0)
        {
            rig.UpdatedAt = Now;
            audit.Rig(rig.Id, AuditAction.Edited, routine);
        }

        var proposed = ProposeChange(rig, input.Name.Trim(), newSchool);
        var message = string.Join(" ", new[] { routine.Count > 0 ? "Your changes are live." : null, proposed }.OfType<string>());
        return await SaveAsync(rig, LifecycleResult.Ok(message.Length == 0 ? "Nothing had changed." : message, rig.Id, published: true), routine.Count > 0 ? RigChange.Listing : null, cancellationToken);
    }

    /// <summary>Records a new name or school for review (or withdraws one); returns what the leader should know.</summary>
    private string? ProposeChange(Rig rig, string name, School? newSchool)
    {
        var proposedName = name == rig.Name ? null : name;
        if (proposedName == rig.PendingName && newSchool?.Id == rig.PendingSchoolId)
        {
            return null;
        }

        var change = new AuditChanges()
            .With("Name", rig.Name, proposedName ?? rig.Name)
            .With("School", rig.School!.DisplayName, newSchool?.DisplayName ?? rig.School.DisplayName);
        rig.PendingName = proposedName;
        rig.PendingSchoolId = newSchool?.Id;
        rig.ChangeRequestedAt = proposedName is null && newSchool is null ? null : Now;
        audit.Rig(rig.Id, rig.ChangeRequestedAt is null ? AuditAction.ChangeWithdrawn : AuditAction.ChangeRequested, change);
        return rig.ChangeRequestedAt is null ? null : "The new name or school goes to ACR for review; the directory shows the approved one until then.";
    }

    /// <summary>A reviewer approves or rejects a pending change of name or school to an approved RIG.</summary>
    public async Task<LifecycleResult> DecideChangeAsync(int id, DecisionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rig = await db.Rigs.Include(r => r.School).Include(r => r.PendingSchool).Include(r => r.Officers).ThenInclude(o => o.User).AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (rig is null || rig.Version != input.Version)
        {
            return rig is null ? LifecycleResult.NotFound : LifecycleResult.Conflict;
        }

        var approve = input.Action == ReviewAction.Approve;
        var errors = new List<KeyValuePair<string, string>>();
        if (!rig.HasPendingChange || !RegistrationWorkflow.IsApproved(rig.Status))
        {
            errors.Add(new(string.Empty, "This RIG has no change waiting for review."));
        }

        if (!approve && string.IsNullOrWhiteSpace(input.Note))
        {
            errors.Add(new(DecisionNote, NoteRequired));
        }

        if (errors.Count > 0)
        {
            return LifecycleResult.Invalid(errors);
        }

        audit.Rig(rig.Id, approve ? AuditAction.ChangeApproved : AuditAction.ChangeRejected, new AuditChanges()
            .With("Name", rig.Name, rig.PendingName ?? rig.Name)
            .With("School", rig.School!.DisplayName, rig.PendingSchool?.DisplayName ?? rig.School.DisplayName), input.Note);
        ApplyChange(rig, approve);
        emails.ChangeDecided(rig, rig.CurrentOfficerEmails(), approve, input.Note);
        // An approved change of name or school may alter any page that names the RIG: everything is evicted.
        return await SaveIfUnchangedAsync(rig, input.Version, LifecycleResult.Ok($"{rig.Name}: change {(approve ? "approved" : "not approved")}. The leaders were emailed."),
            change: null, cancellationToken, evictAll: approve);
    }

    private void ApplyChange(Rig rig, bool approve)
    {
        if (approve)
        {
            rig.Name = rig.PendingName ?? rig.Name;
            rig.SchoolId = rig.PendingSchoolId ?? rig.SchoolId;
            rig.UpdatedAt = Now;
        }

        rig.PendingName = null;
        rig.PendingSchoolId = null;
        rig.ChangeRequestedAt = null;
    }

    /// <summary>The leaders confirm the RIG is still active: shown as "verified by its leaders on …".</summary>
    public async Task<LifecycleResult> ConfirmActiveAsync(int id, Actor by, CancellationToken cancellationToken)
    {
        var (rig, refusal) = await led.LoadEditableAsync(id, allowApproved: true, by, cancellationToken);
        if (refusal is not null || !RegistrationWorkflow.IsApproved(rig!.Status))
        {
            return refusal ?? LifecycleResult.Refused("Only an approved RIG can be verified.");
        }

        audit.Rig(rig.Id, AuditAction.Verified, AuditChanges.Of(nameof(Rig.LastVerifiedAt), rig.LastVerifiedAt?.ToString("O"), Now.ToString("O")));
        rig.LastVerifiedAt = Now;
        rig.VerificationRemindersSent = 0;
        return await SaveAsync(rig, LifecycleResult.Ok($"Thank you: {rig.Name} now shows as verified by its leaders today.", rig.Id, published: true), RigChange.Listing, cancellationToken);
    }

    private static List<ApplicationUser> Leaders(Rig rig) => rig.Officers.Where(o => o.EndedAt == null && o.User is not null).Select(o => o.User!).ToList();

    /// <summary>Another registration may have taken the school between this command's check and its save.</summary>
    public static LifecycleResult? SchoolTakenMeanwhile(DbUpdateException exception) =>
        UniqueViolations.IsOneLiveRigPerSchool(exception) ? LifecycleResult.Refused(RegistrationWorkflow.SchoolTaken("This school")) : null;

    private Task<LifecycleResult> SaveAsync(Rig rig, LifecycleResult done, RigChange? change, CancellationToken cancellationToken) =>
        save.CommitAsync(done, cancellationToken, change is { } what ? new RigChanged(rig.Id, what) : null, lostRace: SchoolTakenMeanwhile);

    /// <summary>Saves only if the RIG is still at the version the reviewer saw: a second reviewer on a stale page writes nothing.</summary>
    private Task<LifecycleResult> SaveIfUnchangedAsync(Rig rig, int seenVersion, LifecycleResult done, RigChange? change, CancellationToken cancellationToken, bool evictAll = false)
    {
        db.Entry(rig).Property(r => r.Version).OriginalValue = seenVersion;
        return SaveAsync(rig, done, evictAll ? RigChange.Identity : change, cancellationToken);
    }
}
