using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RigDirectory.Web.Auditing;
using RigDirectory.Web.Data;
using RigDirectory.Web.Domain;
using RigDirectory.Web.Features.Registration;
using RigDirectory.Web.Kernel;
using RigDirectory.Web.Notifications;

namespace RigDirectory.Web.Features.Administration;

/// <summary>
/// Curators own the list of schools: add, edit, list or decline a school a leader requested, merge two records
/// (RIGs and mentorships move to the one kept) and retire one (its RIGs archived with the note). Any change clears
/// <see cref="School.IsSeedManaged"/>, so re-seeding never undoes it. Each is one save with its audit entries, and
/// every directory page starts again after it.
/// </summary>
public sealed class SchoolCuration(AppDbContext db, AuditLog audit, EmailNotifications emails, SaveStep save, TimeProvider clock)
{
    public const string EntityType = nameof(School);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<LifecycleResult> AddAsync(SchoolInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var jurisdiction = await db.Jurisdictions.SingleOrDefaultAsync(j => j.Code == input.State, cancellationToken);
        if (jurisdiction is null)
        {
            return LifecycleResult.Invalid("Input.State", "Choose the state or province.");
        }

        // Two saves (the entry needs the new id), one transaction.
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        var school = new School
        {
            Slug = await Slugs.UniqueAsync(db.Schools.Select(s => s.Slug), SlugRules.From($"{input.Name} {input.Campus}"), cancellationToken),
            Name = "",
            City = "",
            JurisdictionCode = jurisdiction.Code,
            Status = SchoolStatus.Listed,
            CreatedAt = Now,
        };
        var changes = input.ApplyTo(school, jurisdiction);
        school.UpdatedAt = Now;
        return await save.AddAsync(school, added => audit.Record(EntityType, Id(added), null, AuditAction.SchoolAdded, changes),
            added => LifecycleResult.Ok($"{added.DisplayName} is listed."), cancellationToken, added => new SchoolChanged(added.Id), transaction);
    }

    /// <summary>Saves an edit; <paramref name="list"/> also lists a school a leader requested (its coordinates set first).</summary>
    public async Task<LifecycleResult> EditAsync(string slug, SchoolInput input, bool list, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var school = await db.Schools.SingleOrDefaultAsync(s => s.Slug == slug, cancellationToken);
        var jurisdiction = await db.Jurisdictions.SingleOrDefaultAsync(j => j.Code == input.State, cancellationToken);
        if (school is null || jurisdiction is null)
        {
            return school is null ? LifecycleResult.NotFound : LifecycleResult.Invalid("Input.State", "Choose the state or province.");
        }

        if (School.IsRetired(school.Status))
        {
            return LifecycleResult.Refused("This school is retired; it is kept as it was for the record.");
        }

        var changes = input.ApplyTo(school, jurisdiction);
        if (list && School.IsRequested(school.Status))
        {
            changes.With(nameof(School.Status), school.Status.ToString(), SchoolStatus.Listed.ToString());
            school.Status = SchoolStatus.Listed;
        }

        if (changes.Count == 0)
        {
            return LifecycleResult.Ok("Nothing had changed.");
        }

        school.IsSeedManaged = false;
        school.UpdatedAt = Now;
        audit.Record(EntityType, Id(school), null, list ? AuditAction.SchoolListed : AuditAction.SchoolEdited, changes);
        return await SaveAsync(school, list ? $"{school.DisplayName} is listed." : $"{school.DisplayName} is saved.", cancellationToken);
    }

    /// <summary>
    /// Declines a requested school: it is retired, and each registration waiting on it goes back to its leaders at
    /// the school step with the note.
    /// </summary>
    public async Task<LifecycleResult> DeclineAsync(string slug, string? note, CancellationToken cancellationToken)
    {
        var school = await WithRigsAndLeadersAsync(slug, cancellationToken);
        if (school is null)
        {
            return LifecycleResult.NotFound;
        }

        if (!School.IsRequested(school.Status) || string.IsNullOrWhiteSpace(note))
        {
            return !School.IsRequested(school.Status) ? LifecycleResult.Refused("Only a school a leader requested can be declined.")
                : LifecycleResult.Invalid("Note", "Write a note: the leaders who asked for this school need to know what to do instead.");
        }

        Retire(school, AuditAction.SchoolDeclined, note.Trim());
        foreach (var rig in school.Rigs.Where(r => RegistrationWorkflow.AwaitingDecision(r.Status)))
        {
            audit.Rig(rig.Id, AuditAction.ChangesRequested, AuditChanges.Status(rig.Status, RigStatus.ChangesRequested), note.Trim());
            rig.Status = RigStatus.ChangesRequested;
            rig.ReviewStep = RegistrationStep.School;
            rig.UpdatedAt = Now;
            emails.RegistrationDecided(rig, rig.CurrentOfficerEmails(), RigStatus.ChangesRequested, note.Trim());
        }

        return await SaveAsync(school, $"{school.DisplayName} was declined.", cancellationToken);
    }

    /// <summary>Retires a school that closed or was listed in error; its RIGs are archived with the note, their leaders told.</summary>
    public async Task<LifecycleResult> RetireAsync(string slug, string? note, CancellationToken cancellationToken)
    {
        var school = await WithRigsAndLeadersAsync(slug, cancellationToken);
        if (school is null || School.IsRetired(school.Status))
        {
            return school is null ? LifecycleResult.NotFound : LifecycleResult.Refused("This school is already retired.");
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            return LifecycleResult.Invalid("Note", "Write why it is retired: its RIGs' leaders are emailed the note.");
        }

        Retire(school, AuditAction.SchoolRetired, note.Trim());
        foreach (var rig in school.Rigs.Where(r => !RegistrationWorkflow.IsClosed(r.Status)))
        {
            audit.Rig(rig.Id, AuditAction.Archived, AuditChanges.Status(rig.Status, RigStatus.Archived), $"Its school was retired: {note.Trim()}");
            var wasListed = RegistrationWorkflow.IsApproved(rig.Status);
            rig.Status = RigStatus.Archived;
            rig.UpdatedAt = Now;
            if (wasListed)
            {
                emails.RegistrationDecided(rig, rig.CurrentOfficerEmails(), RigStatus.Archived, $"Its school was retired: {note.Trim()}");
            }
        }

        return await SaveAsync(school, $"{school.DisplayName} is retired.", cancellationToken);
    }

    /// <summary>
    /// Merges <paramref name="slug"/> into <paramref name="intoSlug"/>: its RIGs (and changes pending to it) and its
    /// students' mentorships move, its names become the kept school's synonyms, and it is retired.
    /// </summary>
    public async Task<LifecycleResult> MergeAsync(string slug, string? intoSlug, CancellationToken cancellationToken)
    {
        // The bulk moves and the save commit together.
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        var from = await db.Schools.Include(s => s.Rigs).SingleOrDefaultAsync(s => s.Slug == slug, cancellationToken);
        var into = string.IsNullOrEmpty(intoSlug) ? null : await db.Schools.SingleOrDefaultAsync(s => s.Slug == intoSlug, cancellationToken);
        if (from is null)
        {
            return LifecycleResult.NotFound;
        }

        if (into is null || into.Id == from.Id || School.IsRetired(into.Status))
        {
            return LifecycleResult.Invalid("Into", "Choose another school that is listed, to keep.");
        }

        if (School.IsRetired(from.Status))
        {
            return LifecycleResult.Refused("This school is already retired.");
        }

        foreach (var rig in from.Rigs)
        {
            audit.Rig(rig.Id, AuditAction.SchoolMerged, AuditChanges.Of("School", from.DisplayName, into.DisplayName), "Its school was merged into another record.");
            rig.SchoolId = into.Id;
        }

        await db.Rigs.Where(r => r.PendingSchoolId == from.Id).ExecuteUpdateAsync(r => r.SetProperty(x => x.PendingSchoolId, into.Id), cancellationToken);
        await db.Mentorships.Where(m => m.StudentSchoolId == from.Id).ExecuteUpdateAsync(m => m.SetProperty(x => x.StudentSchoolId, into.Id), cancellationToken);
        var synonyms = School.JoinSynonyms(School.SplitSynonyms(into.Synonyms).Concat(School.SplitSynonyms(from.Synonyms)).Append(from.DisplayName));
        audit.Record(EntityType, Id(into), null, AuditAction.SchoolMerged, AuditChanges.Of(nameof(School.Synonyms), into.Synonyms, synonyms), $"{from.DisplayName} was merged into it.");
        into.Synonyms = synonyms is { Length: > School.SynonymsLength } ? synonyms[..School.SynonymsLength] : synonyms;
        into.IsSeedManaged = false;
        into.UpdatedAt = Now;
        Retire(from, AuditAction.SchoolMerged, $"Merged into {into.DisplayName}.");
        return await SaveAsync(from, $"{from.DisplayName} was merged into {into.DisplayName}; its RIGs moved there.", cancellationToken, transaction);
    }

    /// <summary>The school with its RIGs and their officers' accounts, for the decisions that email its leaders.</summary>
    private Task<School?> WithRigsAndLeadersAsync(string slug, CancellationToken cancellationToken) =>
        db.Schools.Include(s => s.Rigs).ThenInclude(r => r.Officers).ThenInclude(o => o.User).SingleOrDefaultAsync(s => s.Slug == slug, cancellationToken);

    private void Retire(School school, AuditAction action, string note)
    {
        audit.Record(EntityType, Id(school), null, action, AuditChanges.Of(nameof(School.Status), school.Status.ToString(), SchoolStatus.Retired.ToString()), note);
        school.Status = SchoolStatus.Retired;
        school.IsSeedManaged = false;
        school.UpdatedAt = Now;
    }

    /// <summary>Saves (and commits <paramref name="transaction"/>, if any); every directory page may name the school.</summary>
    private Task<LifecycleResult> SaveAsync(School school, string message, CancellationToken cancellationToken, WriteTransaction? transaction = null) =>
        save.CommitAsync(LifecycleResult.Ok(message), cancellationToken, new SchoolChanged(school.Id), transaction);

    private static string Id(School school) => school.Id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Exactly what the curators' school form posts: a requested school's fields, and where it is.</summary>
public sealed class SchoolInput : MissingSchoolInput
{
    [Required(ErrorMessage = "Enter the latitude, such as 41.8268.")]
    [Range(17.0, 72.0, ErrorMessage = "Enter a latitude in the United States or Canada (17 to 72).")]
    public double? Latitude { get; set; }

    [Required(ErrorMessage = "Enter the longitude, such as -71.4025.")]
    [Range(-180.0, -52.0, ErrorMessage = "Enter a longitude in the United States or Canada (-180 to -52).")]
    public double? Longitude { get; set; }

    [Url, StringLength(Limits.Url)]
    public string? Website { get; set; }

    public static SchoolInput From(School school)
    {
        ArgumentNullException.ThrowIfNull(school);
        return new SchoolInput
        {
            Name = school.Name,
            Campus = school.Campus,
            City = school.City,
            State = school.JurisdictionCode,
            Degree = school.Degree,
            Latitude = school.Latitude == 0 ? null : school.Latitude,
            Longitude = school.Longitude == 0 ? null : school.Longitude,
            Website = school.Website,
        };
    }

    /// <summary>Copies the fields onto the school; returns each changed field's before and after.</summary>
    public AuditChanges ApplyTo(School school, Jurisdiction jurisdiction)
    {
        ArgumentNullException.ThrowIfNull(school);
        ArgumentNullException.ThrowIfNull(jurisdiction);
        static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
        var changes = new AuditChanges()
            .With(nameof(School.Name), school.Name, Name.Trim())
            .With(nameof(School.Campus), school.Campus, Blank(Campus))
            .With(nameof(School.City), school.City, City.Trim())
            .With("State", school.JurisdictionCode, jurisdiction.Code)
            .With(nameof(School.Degree), school.Degree.ToString(), Degree.ToString())
            .With(nameof(School.Latitude), Number(school.Latitude), Number(Latitude!.Value))
            .With(nameof(School.Longitude), Number(school.Longitude), Number(Longitude!.Value))
            .With(nameof(School.Website), school.Website, Blank(Website));
        school.Name = Name.Trim();
        school.Campus = Blank(Campus);
        school.City = City.Trim();
        school.JurisdictionCode = jurisdiction.Code;
        school.Country = jurisdiction.Country;
        school.Degree = Degree;
        school.Latitude = Latitude.Value;
        school.Longitude = Longitude.Value;
        school.Website = Blank(Website);
        return changes;
    }
}
