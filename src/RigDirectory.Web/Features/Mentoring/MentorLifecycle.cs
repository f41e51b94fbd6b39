using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Registration;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Notifications;
using RigDirectory.Web.Security;

namespace RigDirectory.Web.Features.Mentoring;

/// <summary>
/// The one owner of a mentor's offer: offer (and edit), ACR's decision, pause, resume, withdraw, deactivation, and
/// the links RIG leaders make to mentors. Each command saves once with its audit entry and emails; a conflict
/// comes back instead of an error when the offer changed meanwhile.
/// </summary>
public sealed class MentorLifecycle(AppDbContext db, AuditLog audit, EmailNotifications emails, MentorshipLifecycle mentorships, LedRigs led, SaveStep save, TimeProvider clock)
{
    public const string Prefix = "Offer";
    public const string EntityType = "Mentor";
    private const string StatusField = "Mentor status";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Offers to mentor, or edits the offer: a new or returned offer goes to review; an approved one changes at once.</summary>
    public async Task<LifecycleResult> OfferAsync(MentorOfferInput input, Actor by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var userId = by.UserId;
        var user = userId is null ? null : await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return LifecycleResult.Forbidden;
        }

        if (!user.EmailConfirmed)
        {
            return LifecycleResult.Refused("Confirm your email address first (the link is in the email we sent when you created your account); then offer to mentor.");
        }

        var profile = await db.MentorProfiles.Include(m => m.Subspecialties).SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken);
        var offer = profile is null ? MentorCommand.Offer : Lifecycles.MentorOffer.Allows(profile.Status, MentorCommand.Edit) ? MentorCommand.Edit : MentorCommand.Offer;
        if (profile is not null && !Lifecycles.MentorOffer.Allows(profile.Status, offer))
        {
            return LifecycleResult.Refused("ACR closed your offer to mentor; write to ACR if you would like them to look at it again.");
        }

        var jurisdiction = await db.Jurisdictions.SingleOrDefaultAsync(j => j.Code == input.State, cancellationToken);
        var chosen = await db.Subspecialties.Where(s => input.Subspecialties.Contains(s.Id)).ToListAsync(cancellationToken);
        chosen.RemoveAll(s => s.IsRetired && profile?.Subspecialties.Contains(s) != true);
        if (OfferErrors(input, profile, jurisdiction, chosen) is { Count: > 0 } errors)
        {
            return LifecycleResult.Invalid(errors);
        }

        return await WriteOfferAsync(input, user, profile, offer, jurisdiction!, chosen, cancellationToken);
    }

    /// <summary>The offer written: an edit of an approved one at once, else a new or returned offer to review.</summary>
    private async Task<LifecycleResult> WriteOfferAsync(MentorOfferInput input, ApplicationUser user, MentorProfile? profile, MentorCommand offer, Jurisdiction jurisdiction, List<Subspecialty> chosen, CancellationToken cancellationToken)
    {
        var isNew = profile is null;
        profile ??= db.MentorProfiles.Add(new MentorProfile { UserId = user.Id, Institution = "", City = "", JurisdictionCode = jurisdiction.Code, Bio = "", CreatedAt = Now, Status = MentorStatus.Submitted }).Entity;
        var before = Describe(profile);
        Apply(input, profile, jurisdiction, chosen, await PlaceAsync(input.City, jurisdiction, cancellationToken));
        var changes = Changes(before, Describe(profile));

        if (offer == MentorCommand.Edit)
        {
            audit.Record(EntityType, Id(profile), null, AuditAction.Edited, changes);
            return await SaveAsync(LifecycleResult.Ok("Your mentor profile is updated; students see it now."), profile.Id, cancellationToken);
        }

        var from = profile.Status;
        profile.Status = Lifecycles.MentorOffer.To(from, MentorCommand.Offer)!.Value;
        profile.SubmittedAt = Now;
        profile.ReviewNote = null;
        audit.Record(EntityType, Id(profile), null, AuditAction.MentorOffered, changes.With(StatusField, isNew ? null : from.ToString(), nameof(MentorStatus.Submitted)));
        return await SaveAsync(LifecycleResult.Ok("Thank you: your offer to mentor went to ACR for review. We will email you when they have looked at it."), profile.Id, cancellationToken);
    }

    private static List<KeyValuePair<string, string>> OfferErrors(MentorOfferInput input, MentorProfile? profile, Jurisdiction? jurisdiction, List<Subspecialty> chosen)
    {
        var errors = new List<KeyValuePair<string, string>>();
        if (jurisdiction is null)
        {
            errors.Add(new($"{Prefix}.{nameof(MentorOfferInput.State)}", "Choose the state or province."));
        }

        if (chosen.Count == 0)
        {
            errors.Add(new($"{Prefix}.{nameof(MentorOfferInput.Subspecialties)}", "Choose at least one subspecialty."));
        }

        if (input.OffersAsFlags == MentorOffers.None)
        {
            errors.Add(new($"{Prefix}.{nameof(MentorOfferInput.Offers)}", "Choose at least one thing you offer."));
        }

        if (profile is not null && input.Capacity < profile.ActiveMentees)
        {
            errors.Add(new($"{Prefix}.{nameof(MentorOfferInput.Capacity)}", $"You mentor {profile.ActiveMentees} students now: end a mentorship before lowering this below {profile.ActiveMentees}."));
        }

        return errors;
    }

    private void Apply(MentorOfferInput input, MentorProfile profile, Jurisdiction jurisdiction, List<Subspecialty> chosen, (double Latitude, double Longitude) place)
    {
        profile.Role = input.Role!.Value;
        profile.Institution = input.Institution.Trim();
        profile.City = input.City.Trim();
        profile.JurisdictionCode = jurisdiction.Code;
        (profile.Latitude, profile.Longitude) = place;
        profile.Offers = input.OffersAsFlags;
        profile.Format = input.Format!.Value;
        profile.Bio = input.Bio.Trim();
        profile.Capacity = input.Capacity!.Value;
        profile.Subspecialties.RemoveAll(s => !chosen.Contains(s));
        profile.Subspecialties.AddRange(chosen.Where(s => !profile.Subspecialties.Contains(s)));
        profile.UpdatedAt = Now;
    }

    /// <summary>ACR approves an offer (the mentor can be found and gets the Mentor role), asks for changes or rejects it, with a note.</summary>
    public async Task<LifecycleResult> DecideAsync(int id, DecisionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (command, invalid) = DecisionOf(input);
        if (invalid is not null)
        {
            return invalid;
        }

        var profile = await db.MentorProfiles.Include(m => m.User).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (profile is null)
        {
            return LifecycleResult.NotFound;
        }

        if (profile.Version != input.Version)
        {
            return LifecycleResult.Conflict;
        }

        var to = Lifecycles.MentorOffer.To(profile.Status, command);
        if (to is null)
        {
            return LifecycleResult.Invalid(string.Empty, $"This offer is {profile.Status.DisplayName().ToLowerInvariant()}: there is nothing to decide.");
        }

        var from = profile.Status;
        profile.Status = to.Value;
        profile.ReviewNote = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        profile.UpdatedAt = Now;
        if (MentoringRules.Findable(to.Value))
        {
            profile.ApprovedAt ??= Now;
            await db.GrantRoleAsync(Roles.Mentor, [profile.UserId], cancellationToken);
        }

        audit.Record(EntityType, Id(profile), null, DecisionAction(to.Value), AuditChanges.Of(StatusField, from.ToString(), to.ToString()), input.Note);
        emails.MentorDecided(profile.User!.Email!, to.Value, input.Note);
        return await SaveAsync(LifecycleResult.Ok($"{profile.User.DisplayName}: {to.Value.DisplayName().ToLowerInvariant()}. They were emailed."), profile.Id, cancellationToken);
    }

    private static AuditAction DecisionAction(MentorStatus to) => to switch
    {
        MentorStatus.Active => AuditAction.MentorApproved,
        MentorStatus.ChangesRequested => AuditAction.MentorChangesRequested,
        _ => AuditAction.MentorRejected,
    };

    /// <summary>The reviewer's decision as a command; a decision other than approval needs a note the mentor reads.</summary>
    private static (MentorCommand Command, LifecycleResult? Invalid) DecisionOf(DecisionInput input)
    {
        MentorCommand? command = input.Action switch
        {
            ReviewAction.Approve => MentorCommand.Approve,
            ReviewAction.RequestChanges => MentorCommand.RequestChanges,
            ReviewAction.Reject => MentorCommand.Reject,
            _ => null,
        };
        if (command is null)
        {
            return (default, LifecycleResult.Invalid("Decision.Action", "Choose a decision: approve, request changes, or reject."));
        }

        return command != MentorCommand.Approve && string.IsNullOrWhiteSpace(input.Note)
            ? (command.Value, LifecycleResult.Invalid("Decision.Note", "Write a note: the mentor reads it and needs to know what to change, or why."))
            : (command.Value, null);
    }

    /// <summary>The mentor takes a break: nobody can find or ask them; requests already made can still be answered.</summary>
    public Task<LifecycleResult> PauseAsync(int version, Actor by, CancellationToken cancellationToken) =>
        MoveOwnAsync(version, MentorCommand.Pause, AuditAction.MentorPaused, "You are paused: students cannot find or ask you until you resume.", by, cancellationToken);

    public Task<LifecycleResult> ResumeAsync(int version, Actor by, CancellationToken cancellationToken) =>
        MoveOwnAsync(version, MentorCommand.Resume, AuditAction.MentorResumed, "Welcome back: students can find and ask you again.", by, cancellationToken);

    /// <summary>The mentor stops: open requests are declined and mentorships end, with the students told.</summary>
    public async Task<LifecycleResult> WithdrawAsync(int version, Actor by, CancellationToken cancellationToken)
    {
        var profile = await OwnAsync(by, cancellationToken);
        if (profile is null)
        {
            return LifecycleResult.NotFound;
        }

        if (profile.Version != version)
        {
            return LifecycleResult.Conflict;
        }

        if (!Lifecycles.MentorOffer.Allows(profile.Status, MentorCommand.Withdraw))
        {
            return LifecycleResult.Refused("Your offer is not standing: there is nothing to withdraw.");
        }

        return await StopAsync(profile, MentorCommand.Withdraw, AuditAction.MentorWithdrawn, null,
            $"{profile.User!.DisplayName} stopped mentoring on RigDirectory.", "You withdrew your offer to mentor. Thank you for the time you gave; you may offer again at any time.", cancellationToken);
    }

    /// <summary>ACR stops a mentor, with a note: open requests are declined and mentorships end, with everyone told.</summary>
    public async Task<LifecycleResult> DeactivateAsync(int id, MentoringNoteInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (string.IsNullOrWhiteSpace(input.Note))
        {
            return LifecycleResult.Invalid("Deactivate.Note", "Write a note: the mentor reads it and the history keeps it.");
        }

        var profile = await db.MentorProfiles.Include(m => m.User).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (profile is null)
        {
            return LifecycleResult.NotFound;
        }

        if (profile.Version != input.Version)
        {
            return LifecycleResult.Conflict;
        }

        if (!Lifecycles.MentorOffer.Allows(profile.Status, MentorCommand.Deactivate))
        {
            return LifecycleResult.Invalid(string.Empty, $"This mentor is {profile.Status.DisplayName().ToLowerInvariant()} already.");
        }

        emails.MentorDecided(profile.User!.Email!, MentorStatus.Deactivated, input.Note);
        return await StopAsync(profile, MentorCommand.Deactivate, AuditAction.MentorDeactivated, input.Note.Trim(),
            $"{profile.User.DisplayName} no longer mentors on RigDirectory.", $"{profile.User.DisplayName} is deactivated; their students were told.", cancellationToken);
    }

    /// <summary>A RIG's leaders link a mentor who works with their RIG, found by the email of the mentor's account.</summary>
    public async Task<LifecycleResult> LinkAsync(int rigId, string? mentorEmail, Actor by, CancellationToken cancellationToken)
    {
        var (rig, refusal) = await led.LoadEditableAsync(rigId, allowApproved: true, by, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var normalized = (mentorEmail ?? "").Trim().ToUpperInvariant();
        var mentor = normalized.Length == 0 ? null : await db.MentorProfiles.Include(m => m.User)
            .Where(MentoringRules.IsApproved).SingleOrDefaultAsync(m => m.User!.NormalizedEmail == normalized, cancellationToken);
        if (mentor is null)
        {
            return LifecycleResult.Invalid("MentorEmail", "No approved mentor has an account with that email. Ask them to offer to mentor on RigDirectory first, then link them with the email they signed up with.");
        }

        if (await db.RigMentors.AnyAsync(l => l.RigId == rigId && l.MentorId == mentor.Id, cancellationToken))
        {
            return LifecycleResult.Ok($"{mentor.User!.DisplayName} is linked already.", rigId);
        }

        db.RigMentors.Add(new RigMentor { RigId = rigId, MentorId = mentor.Id, LinkedAt = Now });
        audit.Rig(rig!.Id, AuditAction.MentorLinked, AuditChanges.Of("Mentor", null, mentor.User!.DisplayName));
        return await SaveAndEvictRigAsync(LifecycleResult.Ok($"{mentor.User.DisplayName} is linked: the RIG's profile lists them.", rigId), rigId, cancellationToken);
    }

    /// <summary>A RIG's leaders, or the mentor, remove a link.</summary>
    public async Task<LifecycleResult> UnlinkAsync(int rigId, int mentorId, Actor by, CancellationToken cancellationToken)
    {
        var link = await db.RigMentors.Include(l => l.Mentor).ThenInclude(m => m!.User).SingleOrDefaultAsync(l => l.RigId == rigId && l.MentorId == mentorId, cancellationToken);
        if (link is null)
        {
            return LifecycleResult.NotFound;
        }

        if (link.Mentor!.UserId != by.UserId)
        {
            var (_, refusal) = await led.LoadEditableAsync(rigId, allowApproved: true, by, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }
        }

        db.RigMentors.Remove(link);
        audit.Rig(rigId, AuditAction.MentorUnlinked, AuditChanges.Of("Mentor", link.Mentor.User!.DisplayName, null));
        return await SaveAndEvictRigAsync(LifecycleResult.Ok($"{link.Mentor.User.DisplayName} is no longer linked to the RIG.", rigId), rigId, cancellationToken);
    }

    /// <summary>An admin adds a subspecialty to the list mentors choose from.</summary>
    public async Task<LifecycleResult> AddSubspecialtyAsync(SubspecialtyInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var name = input.Name.Trim();
        var slug = SlugRules.From(name);
        if (slug.Length == 0 || await db.Subspecialties.AnyAsync(s => s.Slug == slug || s.Name == name, cancellationToken))
        {
            return LifecycleResult.Invalid("Subspecialty.Name", $"\"{name}\" is on the list already (or too close to one that is).");
        }

        var last = await db.Subspecialties.MaxAsync(s => (int?)s.SortOrder, cancellationToken) ?? 0;
        db.Subspecialties.Add(new Subspecialty { Slug = slug, Name = name, SortOrder = last + 1 });
        audit.Record(nameof(Subspecialty), slug, null, AuditAction.SubspecialtyEdited, AuditChanges.Of("Name", null, name));
        return await save.CommitAsync(LifecycleResult.Ok($"{name} is on the list."), cancellationToken, new SubspecialtyChanged(slug));
    }

    /// <summary>An admin renames a subspecialty (its link in filters stays), or retires it from new offers and filters, or brings it back.</summary>
    public async Task<LifecycleResult> EditSubspecialtyAsync(int id, string? newName, bool? retired, CancellationToken cancellationToken)
    {
        var subspecialty = await db.Subspecialties.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subspecialty is null)
        {
            return LifecycleResult.NotFound;
        }

        var changes = new AuditChanges();
        if (newName is { } name && name.Trim() != subspecialty.Name)
        {
            name = name.Trim();
            if (await db.Subspecialties.AnyAsync(s => s.Name == name && s.Id != id, cancellationToken))
            {
                return LifecycleResult.Invalid("Subspecialty.Name", $"\"{name}\" is on the list already.");
            }

            changes.With("Name", subspecialty.Name, name);
            subspecialty.Name = name;
        }

        if (retired is { } retire && retire != subspecialty.IsRetired)
        {
            changes.With("Retired", subspecialty.IsRetired ? "yes" : "no", retire ? "yes" : "no");
            subspecialty.IsRetired = retire;
        }

        if (changes.Count == 0)
        {
            return LifecycleResult.Ok("Nothing had changed.");
        }

        audit.Record(nameof(Subspecialty), subspecialty.Slug, null, AuditAction.SubspecialtyEdited, changes);
        return await save.CommitAsync(LifecycleResult.Ok(subspecialty.IsRetired ? $"{subspecialty.Name} is retired: new offers and the filters no longer show it; mentors who chose it keep it." : $"{subspecialty.Name} is saved."), cancellationToken, new SubspecialtyChanged(subspecialty.Slug));
    }

    private async Task<LifecycleResult> MoveOwnAsync(int version, MentorCommand command, AuditAction action, string done, Actor by, CancellationToken cancellationToken)
    {
        var profile = await OwnAsync(by, cancellationToken);
        if (profile is null)
        {
            return LifecycleResult.NotFound;
        }

        if (profile.Version != version)
        {
            return LifecycleResult.Conflict;
        }

        var from = profile.Status;
        if (Lifecycles.MentorOffer.To(from, command) is not { } to)
        {
            return LifecycleResult.Refused($"Your offer is {profile.Status.DisplayName().ToLowerInvariant()}.");
        }

        profile.Status = to;
        profile.UpdatedAt = Now;
        audit.Record(EntityType, Id(profile), null, action, AuditChanges.Of(StatusField, from.ToString(), to.ToString()));
        return await SaveAsync(LifecycleResult.Ok(done), profile.Id, cancellationToken);
    }

    private async Task<LifecycleResult> StopAsync(MentorProfile profile, MentorCommand command, AuditAction action, string? note, string toStudents, string done, CancellationToken cancellationToken)
    {
        var from = profile.Status;
        var to = Lifecycles.MentorOffer.To(from, command) ?? throw new InvalidOperationException($"{command} is not allowed from {from}.");
        profile.Status = to;
        profile.ReviewNote = to == MentorStatus.Deactivated ? note : profile.ReviewNote;
        profile.UpdatedAt = Now;
        await mentorships.CloseAllOfAsync(profile, toStudents, cancellationToken);
        await db.RevokeRoleAsync(Roles.Mentor, profile.UserId, cancellationToken);
        audit.Record(EntityType, Id(profile), null, action, AuditChanges.Of(StatusField, from.ToString(), to.ToString()), note);
        return await SaveAsync(LifecycleResult.Ok(done), profile.Id, cancellationToken);
    }

    private Task<MentorProfile?> OwnAsync(Actor by, CancellationToken cancellationToken)
    {
        var userId = by.UserId;
        return db.MentorProfiles.Include(m => m.User).SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken);
    }

    /// <summary>
    /// Where a mentor is placed: at a listed school in the same city and state when there is one (most mentors work
    /// beside a medical school), else in the middle of the state's schools, else of the region's.
    /// </summary>
    private async Task<(double Latitude, double Longitude)> PlaceAsync(string city, Jurisdiction jurisdiction, CancellationToken cancellationToken)
    {
        var schools = await db.Schools.Listed().Where(s => s.Jurisdiction!.RegionId == jurisdiction.RegionId)
            .Select(s => new { s.City, s.JurisdictionCode, s.Latitude, s.Longitude }).ToListAsync(cancellationToken);
        var folded = TextFolding.Fold(city.Trim());
        var inState = schools.Where(s => s.JurisdictionCode == jurisdiction.Code).ToList();
        var near = inState.Where(s => TextFolding.Fold(s.City) == folded).ToList() is { Count: > 0 } sameCity ? sameCity : inState.Count > 0 ? inState : schools;
        return near.Count == 0 ? (0, 0) : (near.Average(s => s.Latitude), near.Average(s => s.Longitude));
    }

    private static Dictionary<string, string?> Describe(MentorProfile profile) => new(StringComparer.Ordinal)
    {
        ["Role"] = profile.Institution.Length == 0 ? null : profile.Role.DisplayName(),
        ["Institution"] = NullIfEmpty(profile.Institution),
        ["City"] = NullIfEmpty(profile.City),
        ["State"] = profile.Institution.Length == 0 ? null : profile.JurisdictionCode,
        ["Subspecialties"] = NullIfEmpty(string.Join(", ", profile.Subspecialties.OrderBy(s => s.SortOrder).Select(s => s.Name))),
        ["Offers"] = profile.Offers == MentorOffers.None ? null : profile.Offers.DisplayName(),
        ["Format"] = profile.Institution.Length == 0 ? null : profile.Format.DisplayName(),
        ["Bio"] = NullIfEmpty(profile.Bio),
        ["Capacity"] = profile.Capacity == 0 ? null : profile.Capacity.ToString(CultureInfo.InvariantCulture),
    };

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static AuditChanges Changes(Dictionary<string, string?> before, Dictionary<string, string?> after)
    {
        var changes = new AuditChanges();
        foreach (var (field, value) in after)
        {
            changes.With(field, before[field], value);
        }

        return changes;
    }

    /// <summary>A mentor's history is keyed by their account: one offer per account, and a new offer has no id before it is saved.</summary>
    public static string Id(MentorProfile profile) => (profile ?? throw new ArgumentNullException(nameof(profile))).UserId;

    private Task<LifecycleResult> SaveAsync(LifecycleResult done, int mentorId, CancellationToken cancellationToken) =>
        save.CommitAsync(done, cancellationToken, new MentorChanged(mentorId));

    private Task<LifecycleResult> SaveAndEvictRigAsync(LifecycleResult done, int rigId, CancellationToken cancellationToken) =>
        save.CommitAsync(done, cancellationToken, new RigChanged(rigId, RigChange.Profile));
}
